"""What the activities module holds about a person, for the personal-data lookup, export and erasure
(registry/people.py).

Registrations and programme contacts hold a name and an e-mail address whether or not the person has an account,
so they are found by address, as is the log of e-mails sent (`Delivery`). Erasure anonymises a registration rather
than deleting it (the participation counts of the programme stay right), deletes a programme contact and the log
entries; their values in the audit trail are redacted. Feedback is anonymous and holds nothing about the person.
News subscriptions belong to the account and are listed with it.
"""

from django.utils.translation import gettext_lazy as _

from klusterplattform.accounts import audit
from klusterplattform.registry.people import ERASED_DOMAIN, AddressSection

from .models import Delivery, NewsSubscription, ProgrammeContact, Registration

ERASED_NAME = "[redacted]"


def _iso(value):
    return value.isoformat() if value else None


def registrations_of(email: str) -> list:
    rows = Registration.objects.filter(email__iexact=email).select_related("activity", "cluster")
    return [
        {
            "activity": r.activity_id,
            "activity_title": r.activity.title_sv,
            "cluster": r.cluster.slug,
            "name": r.name,
            "email": r.email,
            "status": r.status,
            "registered": _iso(r.queued_at),
            "cancelled": _iso(r.cancelled_at),
            "attended": r.attended,
            "feedback_given": r.feedback_given_at is not None,
        }
        for r in rows.order_by("queued_at", "pk")
    ]


def erase_registrations(email: str) -> tuple[int, int]:
    erased = redacted = 0
    for registration in Registration.objects.filter(email__iexact=email):
        registration.name = ERASED_NAME
        registration.email = f"erased-registration-{registration.pk}@{ERASED_DOMAIN}"
        registration.save(update_fields=["name", "email"])
        redacted += audit.redact_object(registration, fields=("name", "email"))
        erased += 1
    return erased, redacted


def contacts_of(email: str) -> list:
    rows = ProgrammeContact.objects.filter(email__iexact=email).select_related("programme")
    return [
        {
            "programme": c.programme.slug,
            "name": c.name,
            "role": c.role_sv or c.role_en,
            "email": c.email,
            "phone": c.phone,
            "away_until": _iso(c.away_until),
        }
        for c in rows.order_by("pk")
    ]


def erase_contacts(email: str) -> tuple[int, int]:
    erased = redacted = 0
    for contact in ProgrammeContact.objects.filter(email__iexact=email):
        pk = contact.pk
        contact.delete()
        redacted += audit.redact_object(ProgrammeContact(pk=pk))
        erased += 1
    return erased, redacted


def deliveries_to(email: str) -> list:
    rows = Delivery.objects.filter(recipient__iexact=email)
    return [{"kind": d.kind, "about": d.reference, "sent_at": _iso(d.sent_at)} for d in rows.order_by("sent_at", "pk")]


def erase_deliveries(email: str) -> tuple[int, int]:
    """The log of sent e-mails only stops a message going twice; the erased address will receive nothing again."""
    return Delivery.objects.filter(recipient__iexact=email).delete()[0], 0


def subscriptions_of(user) -> list:
    rows = NewsSubscription.objects.filter(user=user).select_related("programme")
    return [{"programme": s.programme.slug, "since": _iso(s.created_at)} for s in rows.order_by("pk")]


ADDRESS_SECTIONS = {
    "activity_registrations": AddressSection(
        _("Registrations for programme activities made for this address, with attendance (feedback is anonymous)."),
        registrations_of,
        erase_registrations,
    ),
    "activity_emails": AddressSection(
        _("E-mails sent to this address about activities and programme news (which message and when)."),
        deliveries_to,
        erase_deliveries,
    ),
    "programme_contacts": AddressSection(_("Entries as a contact person of a programme."), contacts_of, erase_contacts),
}

ACCOUNT_SECTIONS = {
    "news_subscriptions": (_("Programmes whose news this account receives by e-mail."), subscriptions_of),
}
