"""factory_boy factories for registry objects: generic test data any app's tests may build on.

Many-to-many links are passed as lists, e.g. ClusterFactory(regions=[stockholm], ecosystems=[digital]).
ClusterOrganisation.save() fills search_text and sort_name, so factories always go through save().
"""

import datetime

import factory
from django.utils.text import slugify

from klusterplattform.accounts.models import User
from klusterplattform.excellence.models import Label
from klusterplattform.registry.models import (
    ClusterOrganisation,
    ContactPerson,
    Ecosystem,
    Membership,
    Organisation,
    Programme,
    ProgrammeParticipation,
    Region,
    RoleGrant,
    S3PriorityArea,
    SectoralIndustry,
    TechnologyField,
)


def _many_to_many(field_name):
    """A post-generation hook that sets a many-to-many field from a list passed to the factory."""

    def hook(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field_name).set(extracted)

    return factory.PostGeneration(hook)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Test User {n}")


class RoleGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = "officer"


class RegionFactory(factory.django.DjangoModelFactory):
    """A Swedish county by default; pass level/country/code for a European NUTS region."""

    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n:03d}")
    level = "county"
    country = "SE"
    name_sv = factory.Sequence(lambda n: f"Testlän {n}")
    name_en = factory.Sequence(lambda n: f"Test County {n}")
    nuts3_code = factory.LazyAttribute(lambda o: f"SE{o.code[-3:]}")
    nuts2_code = factory.LazyAttribute(lambda o: f"SE{o.code[-2:]}")


class S3PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = S3PriorityArea

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"area-{n}")
    title_sv = factory.Sequence(lambda n: f"Prioriterat område {n}")
    title_en = factory.Sequence(lambda n: f"Priority area {n}")
    description_sv = "Beskrivning av området."
    description_en = "Description of the area."
    strategy_name = "Regional innovationsstrategi"
    period_start = 2021
    period_end = 2027
    source_url = "https://example.org/strategy"


class _TermFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"term-{n}")
    name_sv = factory.Sequence(lambda n: f"Term {n}")
    name_en = factory.Sequence(lambda n: f"Term {n} (en)")
    position = factory.Sequence(lambda n: n)


class EcosystemFactory(_TermFactory):
    class Meta:
        model = Ecosystem
        django_get_or_create = ("code",)


class SectoralIndustryFactory(_TermFactory):
    class Meta:
        model = SectoralIndustry
        django_get_or_create = ("code",)


class TechnologyFieldFactory(_TermFactory):
    class Meta:
        model = TechnologyField
        django_get_or_create = ("code",)


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClusterOrganisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testkluster {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    country = "SE"
    website = "https://example.org/"
    is_published = True
    is_demo = False

    regions = _many_to_many("regions")
    ecosystems = _many_to_many("ecosystems")
    sectors = _many_to_many("sectors")
    technology_fields = _many_to_many("technology_fields")
    s3_priority_areas = _many_to_many("s3_priority_areas")


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    cluster = factory.SubFactory(ClusterFactory)
    name = factory.Sequence(lambda n: f"Kontakt Person {n}")
    role = "Klusterledare"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    key = factory.Sequence(lambda n: f"ID:test-{n}")
    name = factory.Sequence(lambda n: f"Testföretag {n} AB")
    type = "sme"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    cluster = factory.SubFactory(ClusterFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = "member"
    joined = datetime.date(2020, 1, 1)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"program-{n}")
    name_sv = factory.Sequence(lambda n: f"Testprogram {n}")
    name_en = factory.Sequence(lambda n: f"Test programme {n}")
    description_sv = "Ett program för kluster."
    description_en = "A programme for clusters."
    owner = "Tillväxtverket"
    starts_on = datetime.date(2018, 3, 26)
    ends_on = datetime.date(2021, 12, 31)

    @factory.post_generation
    def clusters(self, create, extracted, **kwargs):
        """ProgrammeFactory(clusters=[a, b]) makes each a participant selected on the programme's start date."""
        for cluster in extracted or ():
            ProgrammeParticipation.objects.create(programme=self, cluster=cluster, selected_on=self.starts_on)


class ProgrammeParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeParticipation

    programme = factory.SubFactory(ProgrammeFactory)
    cluster = factory.SubFactory(ClusterFactory)
    selected_on = datetime.date(2018, 6, 1)


class LabelFactory(factory.django.DjangoModelFactory):
    """An official label record, valid today by default."""

    class Meta:
        model = Label

    cluster = factory.SubFactory(ClusterFactory)
    level = "bronze"
    awarded_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=100))
    valid_until = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=600))
