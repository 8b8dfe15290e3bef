import re
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from klusterplattform.excellence.models import Label
from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.demo import (
    DemoContext,
    DemoSize,
    DemoStep,
    load_demo,
    registered_steps,
    remove_demo,
    steps,
)
from klusterplattform.registry.models import (
    ClusterOrganisation,
    ContactPerson,
    Membership,
    Organisation,
    Programme,
    ProgrammeParticipation,
)
from klusterplattform.registry.reference import load_reference

SMALL = {"clusters": 40, "organisations": 600}


def _load(**options) -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, **{**SMALL, **options})
    return out.getvalue()


@pytest.fixture
def demo(db, settings):
    settings.KP_ALLOW_DEMO = True
    load_reference()
    _load()


def _snapshot() -> dict:
    clusters = ClusterOrganisation.objects.filter(is_demo=True).order_by("slug")
    return {
        "clusters": list(clusters.values_list("slug", "name", "country", "website", "founded", "management_fte")),
        "regions": list(clusters.values_list("slug", "regions__code")),
        "ecosystems": list(clusters.order_by("slug", "ecosystems__code").values_list("slug", "ecosystems__code")),
        "sectors": list(clusters.order_by("slug", "sectors__code").values_list("slug", "sectors__code")),
        "contacts": list(ContactPerson.objects.order_by("cluster__slug").values_list("cluster__slug", "name", "email")),
        "organisations": list(
            Organisation.objects.order_by("key").values_list("key", "name", "type", "size_class", "nace_code")
        ),
        "memberships": list(
            Membership.objects.order_by("cluster__slug", "organisation__key", "joined").values_list(
                "cluster__slug", "organisation__key", "kind", "joined", "left"
            )
        ),
        "programme": list(
            ProgrammeParticipation.objects.filter(programme__is_demo=True)
            .order_by("cluster__slug")
            .values_list("cluster__slug", "status", "selected_on")
        ),
        "labels": list(Label.objects.order_by("report_id").values_list("cluster__slug", "level", "valid_until")),
    }


def test_load_demo_refuses_where_demo_data_is_not_allowed(db, settings):
    settings.KP_ALLOW_DEMO = False
    with pytest.raises(CommandError, match="KP_ALLOW_DEMO"):
        _load()
    assert not ClusterOrganisation.objects.exists()
    assert not Organisation.objects.exists()


def test_every_demo_record_is_flagged_as_demo(demo):
    assert ClusterOrganisation.objects.filter(is_demo=False).count() == 20  # the S3-piloten reference clusters
    assert ClusterOrganisation.objects.filter(is_demo=True).count() == SMALL["clusters"]
    assert Organisation.objects.filter(is_demo=True).count() == SMALL["organisations"] == Organisation.objects.count()
    assert not Membership.objects.filter(cluster__is_demo=False).exists()
    assert Programme.objects.get(slug="demo-programme").is_demo
    assert Label.objects.exists() and not Label.objects.filter(is_demo=False).exists()


def test_demo_websites_and_e_mails_are_on_example_org_only(demo):
    websites = [
        *ClusterOrganisation.objects.filter(is_demo=True).values_list("website", flat=True),
        *Organisation.objects.exclude(website="").values_list("website", flat=True),
        Programme.objects.get(slug="demo-programme").website,
    ]
    hosts = {urlparse(url).hostname for url in websites}
    assert hosts and all(host == "example.org" or host.endswith(".example.org") for host in hosts)
    emails = ContactPerson.objects.filter(cluster__is_demo=True).values_list("email", flat=True)
    assert emails and all(email.endswith("@example.org") for email in emails)


def test_demo_keys_are_clearly_fictional_and_never_organisation_numbers(demo):
    for key, number, vat in Organisation.objects.values_list("key", "organisation_number", "vat_number"):
        assert re.fullmatch(r"ID:DEMO-\d{6}", key)
        assert (number, vat) == ("", "")
    assert set(ClusterOrganisation.objects.filter(is_demo=True).values_list("organisation_number", flat=True)) == {""}


def test_demo_clusters_spread_over_eight_countries_with_sweden_in_its_counties(demo):
    clusters = ClusterOrganisation.objects.filter(is_demo=True)
    assert clusters.values("country").distinct().count() >= 8
    swedish_levels = set(clusters.filter(country="SE").values_list("regions__level", flat=True))
    foreign = clusters.exclude(country="SE").values_list("country", "regions__level", "regions__country")
    assert swedish_levels == {RegionLevel.COUNTY}
    assert all(level == RegionLevel.COUNTRY and region_country == country for country, level, region_country in foreign)


def test_demo_clusters_have_their_search_columns_filled_despite_bulk_create(demo):
    for name, search_text, sort_name in ClusterOrganisation.objects.values_list("name", "search_text", "sort_name"):
        assert name.casefold() in search_text and sort_name
    assert not Organisation.objects.filter(sort_name="").exists()


def test_demo_memberships_have_history_and_both_kinds(demo):
    memberships = Membership.objects.all()
    ended = memberships.filter(left__isnull=False)
    assert 0 < ended.count() < memberships.filter(left__isnull=True).count()
    assert all(m.joined < m.left <= timezone.localdate() for m in ended)
    assert set(memberships.values_list("kind", flat=True)) == {"member", "participant"}
    assert memberships.count() > Organisation.objects.count()  # some organisations are in several clusters


def test_the_demo_programme_holds_only_fictional_swedish_clusters(demo):
    programme = Programme.objects.get(slug="demo-programme")
    swedish = ClusterOrganisation.objects.filter(is_demo=True, country="SE").count()
    clusters = ClusterOrganisation.objects.filter(participations__programme=programme)
    assert clusters.count() == min(20, swedish) > 0
    assert set(clusters.values_list("is_demo", "country")) == {(True, "SE")}
    assert programme.starts_on <= timezone.localdate() <= programme.ends_on


def test_demo_labels_include_some_valid_today_and_some_expired(demo):
    today = timezone.localdate()
    assert Label.objects.valid_on(today).exists()
    assert Label.objects.filter(valid_until__lt=today).exists()


def test_a_second_run_loads_nothing_and_only_asks_whether_each_step_is_done(demo, django_assert_num_queries):
    with django_assert_num_queries(len(registered_steps())):  # one EXISTS per step, whatever the data size
        assert load_demo(DemoContext(size=DemoSize(**SMALL))) == []
    assert Organisation.objects.count() == SMALL["organisations"]


def test_the_demo_is_the_same_every_time_it_is_generated(demo):
    first = _snapshot()
    remove_demo()
    assert not Organisation.objects.exists() and ClusterOrganisation.objects.count() == 20
    _load()
    assert _snapshot() == first
    assert all(first.values())


def test_another_seed_makes_another_population(demo):
    first = _snapshot()
    remove_demo()
    _load(seed=7)
    assert _snapshot()["organisations"] != first["organisations"]


def test_a_later_module_adds_its_records_as_a_step_of_its_own(demo, monkeypatch):
    made = []
    step = DemoStep(
        "later-module",
        100,
        run=lambda ctx: made.append(ctx.seed) or "x",
        is_loaded=lambda: bool(made),
        remove=made.clear,
    )
    monkeypatch.setitem(steps._STEPS, step.name, step)
    assert load_demo(DemoContext(size=DemoSize(**SMALL))) == ["x"]  # the registry's own steps are already done
    assert load_demo(DemoContext(size=DemoSize(**SMALL))) == []
    remove_demo()
    assert made == [] and not ClusterOrganisation.objects.filter(is_demo=True).exists()


def test_removing_the_demo_keeps_the_reference_data_and_is_allowed_anywhere(demo, settings):
    settings.KP_ALLOW_DEMO = False
    call_command("load_demo", "--remove", stdout=StringIO())
    assert not Label.objects.exists() and not Programme.objects.filter(is_demo=True).exists()
    assert ClusterOrganisation.objects.count() == 20 and Programme.objects.filter(slug="s3-piloten").exists()


def test_on_an_empty_database_the_demo_loads_the_reference_data_it_lives_in(db, settings):
    settings.KP_ALLOW_DEMO = True
    _load(clusters=12, organisations=50)
    assert ClusterOrganisation.objects.filter(is_demo=False).count() == 20
    assert not ClusterOrganisation.objects.filter(is_demo=True, regions__isnull=True).exists()
