"""What a cluster does with a funding call: bookmark it, mark "we intend to apply", keep a note, note partners.

Every function checks `funding.track` on the cluster (its own managers), validates the whole input before it writes
and writes in one transaction, so bad input (an unknown country, a partner cluster the user cannot see) changes
nothing. A FundingInterest row with nothing left in it (no bookmark, no intention, no note, no partners) is removed.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from klusterplattform.registry.countries import COUNTRY_NAMES
from klusterplattform.registry.models import ClusterOrganisation

from .models import FundingInterest, FundingPartner
from .permissions import can

MAX_PARTNERS = 50
NOTE_MAX = 4000


@dataclass(frozen=True)
class PartnerInput:
    name: str = ""
    country: str = ""
    partner_cluster: str | int | ClusterOrganisation | None = None  # slug, id or instance
    note: str = ""


def may_track(user, cluster) -> bool:
    return bool(can(user, "funding.track", cluster))


def _require(user, cluster, call) -> None:
    if not may_track(user, cluster):
        raise PermissionDenied(_("Only the cluster organisation's own managers track funding calls for it."))
    if call.pk is None:
        raise ValueError("the call is not saved")


def interest_of(cluster, call) -> FundingInterest | None:
    return FundingInterest.objects.filter(cluster=cluster, call=call).first()


def _interest_for_update(cluster, call) -> FundingInterest:
    """The cluster's interest in the call, locked; an unsaved one when there is none (saved only if something is
    put in it)."""
    interest = FundingInterest.objects.select_for_update().filter(cluster=cluster, call=call).first()
    return interest or FundingInterest(cluster=cluster, call=call)


def _finish(interest: FundingInterest, user) -> FundingInterest | None:
    """Save the interest, or delete it when nothing is left in it. Returns the saved row or None."""
    empty = not (interest.bookmarked or interest.intends_to_apply or interest.note.strip())
    if empty and (interest.pk is None or not interest.partners.exists()):
        if interest.pk is not None:
            interest.delete()
        return None
    interest.updated_by = user
    interest.save()
    return interest


def clean_note(note: str | None) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            _("The note is too long: at most %(max)d characters (it has %(n)d).") % {"max": NOTE_MAX, "n": len(note)},
            code="note_too_long",
        )
    return note


def clean_partners(user, cluster, partners) -> list[PartnerInput]:
    """The partners as they will be stored (country upper-cased, partner cluster as an instance, name filled from the
    cluster when empty); ValidationError listing every problem."""
    partners = list(partners)
    errors = []
    if len(partners) > MAX_PARTNERS:
        raise ValidationError(_("At most %(max)d partners per call.") % {"max": MAX_PARTNERS}, code="too_many")
    visible = ClusterOrganisation.objects.visible_to(user)
    cleaned = []
    for number, partner in enumerate(partners, start=1):
        if isinstance(partner, dict):
            partner = PartnerInput(**partner)
        name = (partner.name or "").strip()
        country = (partner.country or "").strip().upper()
        partner_cluster = partner.partner_cluster
        if partner_cluster not in (None, ""):
            if isinstance(partner_cluster, ClusterOrganisation):
                lookup = {"pk": partner_cluster.pk}
            elif isinstance(partner_cluster, int) or str(partner_cluster).isdigit():
                lookup = {"pk": int(partner_cluster)}
            else:
                lookup = {"slug": str(partner_cluster).strip()}
            partner_cluster = visible.filter(**lookup).first()
            if partner_cluster is None:
                errors.append(
                    _("Partner %(n)d: there is no such cluster organisation on the platform.") % {"n": number}
                )
            elif partner_cluster.pk == cluster.pk:
                errors.append(_("Partner %(n)d: a cluster cannot be its own partner.") % {"n": number})
            else:
                name = name or partner_cluster.name
                country = country or partner_cluster.country
        else:
            partner_cluster = None
        if not name:
            errors.append(_("Partner %(n)d: give the partner's name or pick a cluster.") % {"n": number})
        if len(name) > 200:
            errors.append(_("Partner %(n)d: the name is longer than 200 characters.") % {"n": number})
        if country not in COUNTRY_NAMES:
            errors.append(
                _("Partner %(n)d: %(country)s is not a country code we know (use ISO codes such as SE or DE).")
                % {"n": number, "country": country or "''"}
            )
        note = (partner.note or "").strip()
        if len(note) > 300:
            errors.append(_("Partner %(n)d: the note is longer than 300 characters.") % {"n": number})
        cleaned.append(PartnerInput(name=name, country=country, partner_cluster=partner_cluster, note=note))
    if errors:
        raise ValidationError(errors, code="invalid_partner")
    return cleaned


@transaction.atomic
def set_bookmark(user, cluster, call, bookmarked: bool) -> FundingInterest | None:
    _require(user, cluster, call)
    interest = _interest_for_update(cluster, call)
    interest.bookmarked = bool(bookmarked)
    return _finish(interest, user)


@transaction.atomic
def toggle_bookmark(user, cluster, call) -> bool:
    """Flip the bookmark; returns whether the call is bookmarked now."""
    _require(user, cluster, call)
    interest = _interest_for_update(cluster, call)
    interest.bookmarked = not interest.bookmarked
    _finish(interest, user)
    return interest.bookmarked


@transaction.atomic
def set_intention(user, cluster, call, intends_to_apply: bool) -> FundingInterest | None:
    _require(user, cluster, call)
    interest = _interest_for_update(cluster, call)
    interest.intends_to_apply = bool(intends_to_apply)
    return _finish(interest, user)


@transaction.atomic
def set_note(user, cluster, call, note: str) -> FundingInterest | None:
    _require(user, cluster, call)
    note = clean_note(note)
    interest = _interest_for_update(cluster, call)
    interest.note = note
    return _finish(interest, user)


@transaction.atomic
def replace_partners(user, cluster, call, partners) -> FundingInterest | None:
    """Replace the partners noted for the call with `partners` (PartnerInput or dicts)."""
    _require(user, cluster, call)
    cleaned = clean_partners(user, cluster, partners)
    interest = _interest_for_update(cluster, call)
    _write_partners(interest, cleaned)
    return _finish(interest, user)


@transaction.atomic
def save_interest(
    user, cluster, call, *, bookmarked: bool, intends_to_apply: bool, note: str = "", partners=()
) -> FundingInterest | None:
    """Everything of the interest form at once: all of it or nothing."""
    _require(user, cluster, call)
    note = clean_note(note)
    cleaned = clean_partners(user, cluster, partners)
    interest = _interest_for_update(cluster, call)
    interest.bookmarked = bool(bookmarked)
    interest.intends_to_apply = bool(intends_to_apply)
    interest.note = note
    _write_partners(interest, cleaned)
    return _finish(interest, user)


def _write_partners(interest: FundingInterest, cleaned: list[PartnerInput]) -> None:
    # One by one, not in bulk: the audit trail records partner rows through model signals.
    if interest.pk is None:
        if not cleaned:
            return
        interest.save()
    for old in interest.partners.all():
        old.delete()
    for partner in cleaned:
        FundingPartner.objects.create(
            interest=interest,
            name=partner.name,
            country=partner.country,
            partner_cluster=partner.partner_cluster,
            note=partner.note,
        )
