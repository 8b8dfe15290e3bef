"""Personal data (GDPR): find everything the platform holds about one e-mail address, export it, or erase it.

Erasure anonymises the account rather than deleting it: the audit trail names its actors with on_delete=PROTECT,
and who did what must stay answerable. Records about organisations (clusters, memberships, counts) stay as they are;
only the person's own records go, and their names and values in the trail are replaced by "[redacted]".
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import ApiToken, AuditAction, AuditEvent, LoginFailure, TwoFactorDevice
from klusterplattform.core.permissions import has_role
from klusterplattform.core.roles import Role

from .models import ContactPerson, Invitation, RoleGrant

ERASED_DOMAIN = "erased.invalid"  # .invalid can never be a real address (RFC 2606)


@dataclass
class Person:
    """Everything held about one e-mail address. `user` is None when no account uses it."""

    email: str
    user: object = None
    grants: list = field(default_factory=list)
    tokens: list = field(default_factory=list)
    login_failures: list = field(default_factory=list)
    two_factor: object = None
    invitations_received: list = field(default_factory=list)
    invitations_sent: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    named_in_trail: bool = False  # e.g. a contact person deleted long ago: only the audit trail remembers them
    elsewhere: dict = field(default_factory=dict)  # address sections of feature apps: key → number of records

    @property
    def elsewhere_total(self) -> int:
        return sum(self.elsewhere.values())

    @property
    def is_empty(self) -> bool:
        return not (
            self.user
            or self.login_failures
            or self.invitations_received
            or self.contacts
            or self.named_in_trail
            or any(self.elsewhere.values())
        )

    def events_by(self):
        """Audit events where the person acted (the values they changed may be about others: not exported)."""
        if self.user is None:
            return AuditEvent.objects.none()
        return AuditEvent.objects.filter(actor=self.user).select_related("content_type")

    def events_about(self) -> list:
        """Audit events about the person's own records (account, contact persons, role grants, invitations), and
        any other event that names their address, newest first."""
        condition = Q(**_object_filter(self.user)) if self.user else Q(pk__in=[])
        for records in (self.contacts, self.grants, self.invitations_received):
            for record in records:
                condition |= Q(**_object_filter(record))
        events = {e.pk: e for e in AuditEvent.objects.filter(condition).select_related("content_type")}
        events.update((e.pk, e) for e in events_naming(self.email))
        return sorted(events.values(), key=lambda e: (e.at, e.pk), reverse=True)


def _object_filter(obj) -> dict:
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": str(obj.pk)}


def normalise(email: str) -> str:
    return (email or "").strip().lower()


def _address_pattern(email: str):
    # The whole address only: erasing bo@example.org must not touch jacobo@example.org.
    return re.compile(r"(?<![\w.%+-])" + re.escape(email) + r"(?![\w-]|\.\w)", re.IGNORECASE)


def _names(value, pattern) -> bool:
    return bool(pattern.search(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)))


def events_naming(email: str) -> list:
    """Audit events whose object name or values contain the address."""
    if not email:
        return []
    condition = Q(pk__in=[])
    for needle in {email, json.dumps(email)[1:-1]}:  # some databases store JSON with non-ASCII escaped
        condition |= Q(object_repr__icontains=needle) | Q(changes__icontains=needle)
    pattern = _address_pattern(email)
    candidates = AuditEvent.objects.filter(condition).select_related("content_type")
    return [e for e in candidates if _names(e.object_repr, pattern) or _names(e.changes, pattern)]


def find(email: str) -> Person:
    """Gather what is held about `email` (case-insensitive)."""
    email = normalise(email)
    person = Person(email=email)
    if not email:
        return person
    person.user = get_user_model().objects.filter(email__iexact=email).first()
    person.login_failures = list(LoginFailure.objects.filter(email__iexact=email))
    person.invitations_received = list(Invitation.objects.filter(email__iexact=email).select_related("cluster"))
    person.contacts = list(ContactPerson.objects.filter(email__iexact=email).select_related("cluster"))
    person.named_in_trail = bool(events_naming(email))
    person.elsewhere = {key: len(section.records(email)) for key, section in _ADDRESS_SECTIONS.items()}
    user = person.user
    if user is not None:
        person.grants = list(user.role_grants.select_related("cluster", "region"))
        person.tokens = list(user.api_tokens.all())
        person.invitations_sent = list(Invitation.objects.filter(invited_by=user).select_related("cluster"))
        person.two_factor = TwoFactorDevice.objects.filter(user=user).first()
    return person


def _iso(value):
    return value.isoformat() if value else None


def enrolled_since(device):
    return device.confirmed_at or device.created_at


def _section(explanation, records) -> dict:
    return {"explanation": explanation, "records": records}


# Sections that feature apps add for what they hold about a person (their models point at the user account):
# key → (explanation, function(user) → records). Registered in the app's ready(), so the registry imports no app.
# `erase(user)`, when given, removes the section's records when the account is erased and returns
# (records erased, audit events redacted); without it the records stay with the anonymised account.
_APP_SECTIONS: dict[str, tuple] = {}
_APP_ERASERS: dict[str, Callable] = {}


def register_section(key: str, explanation, records, erase: Callable | None = None) -> None:
    _APP_SECTIONS[key] = (explanation, records)
    if erase is not None:
        _APP_ERASERS[key] = erase


@dataclass(frozen=True)
class AddressSection:
    """What a feature app holds about an e-mail address whether or not it belongs to an account (e.g. people
    registered for an activity by their cluster manager): `records(email)` lists it for the export, `erase(email)`
    removes or anonymises it and returns (records erased, audit events redacted)."""

    explanation: object
    records: Callable
    erase: Callable


_ADDRESS_SECTIONS: dict[str, AddressSection] = {}


def register_address_section(key: str, section: AddressSection) -> None:
    _ADDRESS_SECTIONS[key] = section


def export(email: str) -> dict:
    """A JSON-serialisable copy of everything held about `email`. Never a secret: no password hash, token hash,
    two-factor secret or recovery code; nothing about other people beyond the names of the objects acted on."""
    person = find(email)
    user = person.user
    account = None
    if user is not None:
        account = {
            "email": user.email,
            "full_name": user.full_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "is_active": user.is_active,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        }
    return {
        "generated_at": _iso(timezone.now()),
        "email": person.email,
        "nothing_held": person.is_empty,
        "account": _section(_("The user account: used to sign in; the password is stored only as a hash."), account),
        "role_grants": _section(
            _("Roles held, and for which cluster organisation or region: they decide what the person may do."),
            [
                {
                    "role": grant.role,
                    "cluster": grant.cluster.slug if grant.cluster else None,
                    "region": grant.region.code if grant.region else None,
                    "granted_at": _iso(grant.granted_at),
                }
                for grant in person.grants
            ],
        ),
        "api_tokens": _section(
            _("Personal API tokens: only their first characters and dates; the tokens themselves are not stored."),
            [
                {
                    "prefix": token.prefix,
                    "name": token.name,
                    "created_at": _iso(token.created_at),
                    "expires_at": _iso(token.expires_at),
                    "last_used_at": _iso(token.last_used_at),
                    "status": token.status,
                }
                for token in person.tokens
            ],
        ),
        "failed_sign_ins": _section(
            _("Failed sign-ins with this address, kept for at most 24 hours to stop password guessing."),
            [{"at": _iso(f.at), "ip_address": f.ip_address} for f in person.login_failures],
        ),
        "two_factor": _section(
            _("Two-factor sign-in: whether it is set up, and since when. The secret key is never exported."),
            {"enrolled": True, "enrolled_since": _iso(enrolled_since(person.two_factor))}
            if person.two_factor
            else {"enrolled": False},
        ),
        "invitations_received": _section(
            _("Invitations sent to this address to manage a cluster organisation."),
            [_invitation(invitation) for invitation in person.invitations_received],
        ),
        "invitations_sent": _section(
            _("Invitations this person sent (the invited addresses belong to others and are left out)."),
            [_invitation(invitation) for invitation in person.invitations_sent],
        ),
        "contact_persons": _section(
            _("Contact-person records of cluster organisations with this address."),
            [
                {
                    "cluster": contact.cluster.slug,
                    "name": contact.name,
                    "role": contact.role,
                    "email": contact.email,
                    "phone": contact.phone,
                }
                for contact in person.contacts
            ],
        ),
        "audit_events_by_person": _section(
            _("Changes this person made: when, through which channel, what kind of change, and to which object."),
            [_event(event) for event in person.events_by()],
        ),
        "audit_events_about_person": _section(
            _("Changes to this person's own records, or that name their address, field by field."),
            [{**_event(event), "changes": event.changes} for event in person.events_about()],
        ),
        **{
            key: _section(str(explanation), records(user) if user is not None else [])
            for key, (explanation, records) in _APP_SECTIONS.items()
        },
        **{
            key: _section(str(section.explanation), section.records(person.email))
            for key, section in _ADDRESS_SECTIONS.items()
        },
    }


def _invitation(invitation) -> dict:
    return {
        "cluster": invitation.cluster.slug,
        "sent_at": _iso(invitation.created_at),
        "expires_at": _iso(invitation.expires_at),
        "accepted_at": _iso(invitation.accepted_at),
        "revoked_at": _iso(invitation.revoked_at),
        "status": str(invitation.status),
    }


def _event(event) -> dict:
    return {
        "at": _iso(event.at),
        "channel": event.channel,
        "action": event.action,
        "object_type": event.content_type.model,
        "object_id": event.object_id,
        "object": event.object_repr,
    }


class ErasureRefused(Exception):
    """The erasure is not allowed (one's own account, an administrator's): nothing was changed."""


@dataclass
class ErasureReport:
    account_anonymised: bool = False
    tokens: int = 0
    grants: int = 0
    login_failures: int = 0
    two_factor: int = 0
    contacts: int = 0
    invitations: int = 0
    events_redacted: int = 0
    elsewhere: int = 0  # records of feature apps' address sections (activity registrations …)


def erased_email(user) -> str:
    return f"erased-{user.pk}@{ERASED_DOMAIN}"


def erase(email: str, erased_by=None) -> ErasureReport:
    """Remove the person's data in one transaction; `erased_by` is recorded as the actor (None from a command)."""
    channel, actor = audit.current_channel_and_actor()
    with transaction.atomic(), audit.audit_context(channel, actor=erased_by or actor):
        person = find(email)
        report = ErasureReport()
        if person.is_empty:
            return report
        user = person.user
        if user is not None and erased_by is not None:
            if user.pk == erased_by.pk:
                raise ErasureRefused(_("You cannot erase your own account."))
            if has_role(user, Role.ADMIN) and not has_role(erased_by, Role.ADMIN):
                raise ErasureRefused(_("Only an administrator can erase an administrator's account."))
        if user is not None:
            for erase_records in _APP_ERASERS.values():
                erased, redacted = erase_records(user)
                report.elsewhere += erased
                report.events_redacted += redacted
            _erase_account(person, report)
        for contact in person.contacts:
            pk = contact.pk
            contact.delete()  # the trail records the delete; its values are redacted just below
            report.events_redacted += audit.redact_object(ContactPerson(pk=pk))
            report.contacts += 1
        for invitation in person.invitations_received:
            report.events_redacted += _anonymise_invitation(invitation)
            report.invitations += 1
        for section in _ADDRESS_SECTIONS.values():
            erased, redacted = section.erase(person.email)
            report.elsewhere += erased
            report.events_redacted += redacted
        report.events_redacted += _redact_mentions(person.email)
        if user is not None:
            audit.record(user, AuditAction.UPDATE, {"erased": [False, True]})
    return report


def _erase_account(person: Person, report: ErasureReport) -> None:
    user = person.user
    for grant in person.grants:
        grant.delete()  # one by one, so the trail records each
    report.grants = len(person.grants)
    # The grants' names in the trail carry the e-mail; their role and scope stay, the link to the account goes.
    for grant_id in _grant_ids_in_trail(user):
        report.events_redacted += audit.redact_object(RoleGrant(pk=grant_id), fields=("user_id",))
    report.tokens = ApiToken.objects.filter(user=user).delete()[0]
    if person.two_factor is not None:
        person.two_factor.delete()
        report.two_factor = 1
    report.login_failures = LoginFailure.objects.filter(email__iexact=person.email).delete()[0]
    user.email = erased_email(user)
    user.full_name = user.first_name = user.last_name = ""
    user.last_login = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()  # also ends every session: they are bound to the password hash
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    report.account_anonymised = True


def _grant_ids_in_trail(user) -> set[str]:
    """Every grant the user ever held, deleted ones too: their events name the user in `user_id`."""
    events = AuditEvent.objects.filter(content_type=ContentType.objects.get_for_model(RoleGrant))
    return {
        object_id
        for object_id, changes in events.values_list("object_id", "changes")
        if user.pk in (changes.get("user_id") or [])
    }


def _anonymise_invitation(invitation) -> int:
    pk = invitation.pk
    invitation.email = f"erased-invitation-{pk}@{ERASED_DOMAIN}"
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()  # the link in the person's mailbox must not recreate an account
    invitation.save()
    return audit.redact_object(Invitation(pk=pk))


def _redact_mentions(email: str) -> int:
    """Redact what still names the address anywhere in the trail (a renamed contact, an account's old name), and
    in the admin site's log."""
    pattern = _address_pattern(email)
    objects: dict[tuple, set] = {}
    for event in events_naming(email):
        names = objects.setdefault((event.content_type, event.object_id), set())
        names.update(name for name, values in event.changes.items() if _names(values, pattern))
    count = 0
    for (content_type, object_id), names in objects.items():
        model = content_type.model_class()
        if model is None:
            continue
        # A contact person's or an invitation's whole record is personal; elsewhere only the values naming them.
        fields = () if model in (ContactPerson, Invitation) else tuple(sorted(names))
        count += audit.redact_object(model(pk=object_id), fields=fields)
    logged = LogEntry.objects.filter(Q(object_repr__icontains=email) | Q(change_message__icontains=email))
    for entry in (e for e in logged if _names(e.object_repr, pattern) or _names(e.change_message, pattern)):
        entry.object_repr = audit.REDACTED
        entry.change_message = ""
        entry.save(update_fields=["object_repr", "change_message"])
    return count
