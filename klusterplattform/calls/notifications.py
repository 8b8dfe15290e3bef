"""The decision e-mails of a call: which go out, to whom, what they say, and sending them once.

- Which: the call's decided applications (selected, reserve, rejected) whose status the call lists in
  `Call.notify_decisions`; other decisions are never e-mailed.
- To whom: the active cluster managers of the applying cluster and the invited editors who have an account (their
  account's e-mail), each address once.
- What: templates calls/emails/decision_<status>.txt, written in Swedish with the English text below (users have no
  language preference), with the justification and a link to the application.
- Once: an officer previews the messages and sends them with one button. Every message is one DecisionNotice row,
  unique per (application, status, recipient), claimed before the message is sent; if sending fails the claim is
  removed so that the next attempt tries again. Sending twice sends nothing twice; a recipient added later (a new
  manager) gets the message the next time.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from klusterplattform.core.ical import base_url
from klusterplattform.registry.choices import Role

from .choices import DECIDED
from .models import Application, DecisionNotice

LANGUAGES = ("sv", "en")
SEPARATOR = "\n\n" + "-" * 40 + "\nIn English\n" + "-" * 40 + "\n\n"
TEMPLATES = {"selected": "decision_selected", "reserve": "decision_reserve", "rejected": "decision_rejected"}


def notified_statuses(call) -> set[str]:
    """The decided statuses this call e-mails (unknown values in the list are ignored)."""
    return {str(status) for status in (call.notify_decisions or []) if status in {str(s) for s in DECIDED}}


def _link(name: str, *args) -> str:
    try:
        return base_url() + reverse(name, args=args)
    except NoReverseMatch:  # a part of the module whose pages are not installed
        return base_url() + "/"


def application_url(application) -> str:
    return _link("calls:application", application.pk)


def _addresses(emails) -> list[str]:
    addresses: dict[str, str] = {}
    for email in emails:
        addresses.setdefault(email.strip().lower(), email.strip())
    return sorted(addresses.values(), key=str.lower)


def recipients_of(applications) -> dict[int, list[str]]:
    """{application pk: the e-mail addresses of its cluster's active managers and of its invited editors with an
    account}, each address once, in two queries for any number of applications."""
    applications = list(applications)
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    by_cluster: dict[int, list[str]] = {}
    managers = users.filter(
        role_grants__role=Role.CLUSTER_MANAGER, role_grants__cluster_id__in={a.cluster_id for a in applications}
    ).values_list("role_grants__cluster_id", "email")
    for cluster_id, email in managers:
        by_cluster.setdefault(cluster_id, []).append(email)
    by_application: dict[int, list[str]] = {}
    editors = users.filter(application_edits__application__in=applications).values_list(
        "application_edits__application_id", "email"
    )
    for application_id, email in editors:
        by_application.setdefault(application_id, []).append(email)
    return {a.pk: _addresses(by_cluster.get(a.cluster_id, []) + by_application.get(a.pk, [])) for a in applications}


def recipients(application) -> list[str]:
    """The e-mail addresses of the cluster's active managers and of the invited editors with an account."""
    return recipients_of([application])[application.pk]


def render(application) -> tuple[str, str]:
    """The subject and body of the decision e-mail of this application (its current status)."""
    call = application.call
    template = f"calls/emails/{TEMPLATES[application.status]}.txt"
    subjects, bodies = [], []
    for language in LANGUAGES:
        with translation.override(language), timezone.override(call.zone):
            context = {
                "application": application,
                "call": call,
                "cluster": application.cluster,
                "programme": call.programme,
                "justification": application.justification,
                "application_url": application_url(application),
            }
            subjects.append(_("Decision on your application: %(call)s") % {"call": call.title})
            bodies.append(render_to_string(template, context).strip())
    subject = subjects[0] if subjects[0] == subjects[1] else f"{subjects[0]} / {subjects[1]}"
    return subject, SEPARATOR.join(bodies) + "\n"


@dataclass
class Notice:
    """The decision e-mail of one application: what it says, to whom, and to whom it has already gone."""

    application: Application
    subject: str
    body: str
    recipients: list[str]
    sent: dict[str, object] = field(default_factory=dict)  # recipient (lower case) → sent_at

    @property
    def unsent(self) -> list[str]:
        return [r for r in self.recipients if r.lower() not in self.sent]

    def was_sent_to(self, recipient: str):
        return self.sent.get(recipient.lower())


def notices(call) -> list[Notice]:
    """The decision e-mails of the call's decided applications whose decision the call e-mails."""
    statuses = notified_statuses(call)
    if not statuses:
        return []
    applications = (
        call.applications.filter(status__in=statuses)
        .select_related("cluster", "call__programme")
        .order_by("status", "cluster__sort_name", "pk")
    )
    applications = list(applications)
    done: dict[tuple[int, str], dict] = {}
    for notice in DecisionNotice.objects.filter(application__in=applications):
        done.setdefault((notice.application_id, notice.status), {})[notice.recipient.lower()] = notice.sent_at
    addresses = recipients_of(applications)
    result = []
    for application in applications:
        application.call = call
        subject, body = render(application)
        result.append(
            Notice(
                application=application,
                subject=subject,
                body=body,
                recipients=addresses[application.pk],
                sent=done.get((application.pk, application.status), {}),
            )
        )
    return result


@dataclass
class Tally:
    sent: int = 0
    failed: int = 0
    errors: list = field(default_factory=list)


def _claim(application, recipient: str, user) -> DecisionNotice | None:
    try:
        with transaction.atomic():
            return DecisionNotice.objects.create(
                application=application,
                status=application.status,
                recipient=recipient.lower(),
                sent_by=user if getattr(user, "is_authenticated", False) else None,
            )
    except IntegrityError:  # already sent (or being sent by someone else right now)
        return None


def send(call, user=None) -> Tally:
    """Send every decision e-mail of the call that has not gone to its recipient yet (one message per recipient)."""
    tally = Tally()
    for notice in notices(call):
        for recipient in notice.unsent:
            claim = _claim(notice.application, recipient, user)
            if claim is None:
                continue
            try:
                EmailMessage(notice.subject, notice.body, to=[recipient]).send()
            except Exception as error:  # noqa: BLE001 — one bad address must not stop the others
                claim.delete()
                tally.failed += 1
                tally.errors.append(f"{recipient}: {error}")
            else:
                tally.sent += 1
    return tally
