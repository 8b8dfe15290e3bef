"""The registry's write services: a cluster's profile and its memberships, for the pages and the API alike.

Every write validates first (the models' own validators, via full_clean) and then saves in one transaction, so bad
input is a ValidationError naming the fields and nothing is half-written. Instances are saved one by one, never with
queryset.update(), so the audit trail (accounts/audit.py) records each change field by field.
"""

from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.identifiers import normalise_organisation_number
from klusterplattform.core.permissions import check

from .models import (
    ClusterOrganisation,
    Ecosystem,
    Membership,
    Organisation,
    Region,
    S3PriorityArea,
    SectoralIndustry,
    TechnologyField,
)

PROFILE_FIELDS = (
    "name",
    "legal_name",
    "organisation_number",
    "website",
    "website_in_english",
    "founded",
    "description",
    "strengths",
    "strategy",
    "management_fte",
    "eccp_profile_url",
)
# Linked terms are named by their `code`, as the read API shows them.
RELATION_MODELS = {
    "regions": Region,
    "ecosystems": Ecosystem,
    "sectors": SectoralIndustry,
    "technology_fields": TechnologyField,
    "s3_priority_areas": S3PriorityArea,
}
PUBLISH_FIELD = "is_published"
EDITABLE_FIELDS = (*PROFILE_FIELDS, *RELATION_MODELS, PUBLISH_FIELD)

NOT_EDITABLE = _("This field cannot be changed.")
NULL_CHARACTER = _("Null characters are not allowed.")
PUBLISH_REFUSED = _("Only programme officers and administrators may publish or unpublish a cluster organisation.")
UNKNOWN_CODES = _("Unknown codes: %(codes)s.")
NEEDS_ONE = _("Choose at least one.")
ALREADY_MEMBER = _("%(organisation)s already has an open membership of this cluster organisation (since %(joined)s).")
OVERLAPS_HISTORY = _("%(organisation)s's previous membership ended on %(left)s; a new one cannot start before that.")
ALREADY_ENDED = _("This membership already ended on %(left)s.")
LEFT_BEFORE_JOINED = _("A membership cannot end before it started (%(joined)s).")
UNKNOWN_ORGANISATION = _("No organisation has this stable key or organisation number.")


def may_publish(user, cluster) -> bool:
    return user is not None and check(user, "cluster.publish", cluster).allowed


def update_cluster_profile(cluster: ClusterOrganisation, changes: dict, user=None) -> ClusterOrganisation:
    """Apply `changes` (field name → new value; linked terms as lists of codes) to the cluster and save them.

    `user` is needed only to change `is_published` (action cluster.publish): PermissionDenied otherwise.
    Raises ValidationError with one entry per bad field; then nothing is saved and the instance is as it was.
    """
    refused = sorted(set(changes) - set(EDITABLE_FIELDS))
    if refused:
        raise ValidationError({name: [NOT_EDITABLE] for name in refused})
    if PUBLISH_FIELD in changes and not may_publish(user, cluster):
        raise PermissionDenied(PUBLISH_REFUSED)
    errors: dict[str, list] = {}
    relations, scalars = {}, {}
    for name, value in changes.items():
        try:
            if name in RELATION_MODELS:
                relations[name] = _terms(name, value)
            else:
                scalars[name] = _prepared(cluster, name, value)
        except ValidationError as error:
            errors[name] = error.messages
    before = {name: getattr(cluster, name) for name in scalars}
    for name, value in scalars.items():
        setattr(cluster, name, value)
    untouched = [f.name for f in cluster._meta.get_fields() if f.name not in scalars]
    try:
        cluster.full_clean(exclude=untouched)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        for name, value in before.items():
            setattr(cluster, name, value)
        raise ValidationError(errors)
    for name in scalars:
        field = cluster._meta.get_field(name)
        value = getattr(cluster, name)
        if isinstance(field, models.DecimalField) and value is not None:
            # As the database returns it (2.5 → 2.50), so the audit trail shows what is stored.
            setattr(cluster, name, value.quantize(Decimal(1).scaleb(-field.decimal_places)))
    with transaction.atomic():
        if scalars:
            cluster.save(update_fields=list(scalars))
        for name, terms in relations.items():
            getattr(cluster, name).set(terms)
    return cluster


def _prepared(cluster, name, value):
    """The value as the model stores it: no null for text, the usual form of an organisation number."""
    field = cluster._meta.get_field(name)
    if isinstance(value, str):
        if "\x00" in value:  # PostgreSQL refuses them in text: a field error, not a server error
            raise ValidationError(NULL_CHARACTER)
        value = value.strip()
    if value is None and isinstance(field, models.CharField | models.TextField):
        return ""
    if name == "organisation_number" and value:
        try:
            return normalise_organisation_number(value)
        except ValidationError:
            return value  # full_clean reports why, in the model's own words
    return value


def _terms(name: str, codes) -> list:
    model = RELATION_MODELS[name]
    if not isinstance(codes, list | tuple) or not all(isinstance(code, str) for code in codes):
        raise ValidationError(_("Give a list of codes."))
    if any("\x00" in code for code in codes):
        raise ValidationError(NULL_CHARACTER)
    wanted = set(codes)
    found = list(model.objects.filter(code__in=wanted))
    missing = wanted - {term.code for term in found}
    if missing:
        raise ValidationError(UNKNOWN_CODES % {"codes": ", ".join(sorted(missing))})
    if not found and not ClusterOrganisation._meta.get_field(name).blank:
        raise ValidationError(NEEDS_ONE)
    return found


def find_organisation(identifier: str) -> Organisation:
    """An organisation by its stable key ("SE:556677-8899", "ID:…") or by a Swedish organisation number."""
    identifier = (identifier or "").strip()
    if not identifier or "\x00" in identifier:
        raise ValidationError({"organisation": [UNKNOWN_ORGANISATION]})
    found = Organisation.objects.filter(key=identifier).first()
    if found is None:
        try:
            number = normalise_organisation_number(identifier)
        except ValidationError:
            number = None
        if number:
            found = Organisation.objects.filter(key=f"SE:{number}").first()
            found = found or Organisation.objects.filter(organisation_number=number).order_by("pk").first()
    if found is None:
        raise ValidationError({"organisation": [UNKNOWN_ORGANISATION]})
    return found


def add_membership(cluster, organisation, kind, joined=None) -> Membership:
    """A new open membership from `joined` (default today). One open membership per organisation and cluster, and
    none that starts before the organisation's previous membership of the cluster ended."""
    joined = joined or timezone.localdate()
    membership = Membership(cluster=cluster, organisation=organisation, kind=kind, joined=joined)
    membership.full_clean(validate_constraints=False)
    history = Membership.objects.filter(cluster=cluster, organisation=organisation)
    open_one = history.filter(left__isnull=True).first()
    if open_one is not None:
        raise _already_member(organisation, open_one)
    last_left = history.aggregate(last=models.Max("left"))["last"]
    if last_left and joined < last_left:
        message = OVERLAPS_HISTORY % {"organisation": organisation.name, "left": last_left.isoformat()}
        raise ValidationError({"joined": [ValidationError(message, code="overlap")]})
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        # Two requests at once: the one_open_membership constraint let only the other one in.
        open_one = history.filter(left__isnull=True).first()
        if open_one is None:
            raise
        raise _already_member(organisation, open_one) from None
    return membership


def _already_member(organisation, open_one) -> ValidationError:
    joined = open_one.joined.isoformat() if open_one.joined else "–"
    message = ALREADY_MEMBER % {"organisation": organisation.name, "joined": joined}
    return ValidationError({"organisation": [ValidationError(message, code="duplicate")]})


def end_membership(membership: Membership, left=None) -> Membership:
    """End an open membership on `left` (default today; `left` is the first day it no longer counts). The row stays
    as history."""
    left = left or timezone.localdate()
    with transaction.atomic():
        # Locked, so two requests cannot both end it (the second would overwrite the first's date).
        current = Membership.objects.select_for_update().get(pk=membership.pk)
        if current.left is not None:
            message = ALREADY_ENDED % {"left": current.left.isoformat()}
            raise ValidationError({NON_FIELD_ERRORS: [ValidationError(message, code="already_ended")]})
        if current.joined and left < current.joined:
            message = LEFT_BEFORE_JOINED % {"joined": current.joined.isoformat()}
            raise ValidationError({"left": [ValidationError(message, code="left_before_joined")]})
        membership.left = left
        membership.save(update_fields=["left"])
    return membership


def error_codes(error: ValidationError) -> set[str]:
    """The codes in a ValidationError, e.g. {"duplicate"}: callers tell conflicts from bad input by them."""
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors if e.code}
    return {e.code for e in error.error_list if e.code}
