"""Evaluation surveys: question sets checked and turned into forms, sending a survey to its audience, answering once,
and the anonymised results.

Question sets use the application-form format of calls/forms_engine.py, whose `scale` kind
(`{"kind": "scale", "low": 1, "high": 5}`; 1–5 by default) the evaluation questions mostly are.

Anonymity: a SurveyResponse has no link to a person and a random key; the invitation records only the day its person
answered. Setting it with a conditional update in the same transaction as the response is what makes one response
per invitation even when the form is sent twice at once. Results are shown only from `min_group` responses up, and
free-text answers are listed shuffled, without dates.
"""

import random
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from klusterplattform.calls import forms_engine
from klusterplattform.core import questionnaire as q
from klusterplattform.registry.choices import Role
from klusterplattform.registry.models import ClusterOrganisation, RoleGrant

from .figures import Scope
from .models import Survey, SurveyAudience, SurveyInvitation, SurveyResponse

# ---------------------------------------------------------------------------------------------------------------
# Question sets: the application-form engine checks and reads them (it knows the `scale` kind too).

validate_definition = forms_engine.validate_definition


def questions(definition: dict) -> list[q.Question]:
    return [forms_engine.question(item) for item in forms_engine.fields(definition) if item["kind"] != q.FILE]


def answer_form(survey: Survey, data=None):
    """The survey's form (core.questionnaire.form_class); `sections` pairs each section's title with its fields."""
    form = q.form_class(questions(survey.definition))(data=data)
    form.sections = [
        (
            forms_engine._pick(section, "title"),
            forms_engine._pick(section, "help"),
            [form[item["code"]] for item in section.get("fields", []) if item["code"] in form.fields],
        )
        for section in forms_engine.sections(survey.definition)
    ]
    return form


# ---------------------------------------------------------------------------------------------------------------
# Sending


def audience_user_ids(survey: Survey, day=None) -> set[int]:
    """The users of the audience: managers of the clusters taking part in the programme on `day` (today), or the
    regional officers of the regions those clusters are in. Demo and real never mix (the programme's flag)."""
    scope = Scope(programme=survey.programme, as_of=day or timezone.localdate())
    clusters = ClusterOrganisation.objects.filter(scope.in_programme_q(), is_demo=survey.programme.is_demo)
    grants = RoleGrant.objects.filter(user__is_active=True)
    if survey.audience == SurveyAudience.CLUSTER_MANAGERS:
        grants = grants.filter(role=Role.CLUSTER_MANAGER, cluster__in=clusters.values("pk"))
    else:
        grants = grants.filter(role=Role.REGIONAL_OFFICER, region__in=clusters.values("regions"))
    return set(grants.values_list("user_id", flat=True))


def send(survey: Survey, day=None) -> list[SurveyInvitation]:
    """Invite every user of the audience not yet invited (idempotent); the new invitations."""
    already = set(survey.invitations.values_list("user_id", flat=True))
    new = [SurveyInvitation(survey=survey, user_id=pk) for pk in sorted(audience_user_ids(survey, day) - already)]
    SurveyInvitation.objects.bulk_create(new, ignore_conflicts=True)
    return new


def mail_invitations(survey: Survey, invitations: list[SurveyInvitation], reminder: bool = False) -> int:
    """E-mail each invitation its survey's address, in Swedish with the English below (users have no language
    preference). Demo programmes send nothing. The number sent."""
    if survey.programme.is_demo or not invitations:
        return 0
    url = settings.KP_BASE_URL.rstrip("/") + reverse("reporting:survey_answer", args=[survey.pk])
    users = {user.pk: user for user in get_user_model().objects.filter(pk__in=[i.user_id for i in invitations])}
    values = {"title": survey.title_sv, "closes": survey.closes_on.isoformat(), "url": url}
    parts = []
    for language in ("sv", "en"):
        with translation.override(language):
            values["title"] = survey.title
            lead = (
                gettext("A reminder: you have not yet answered the evaluation survey “%(title)s”.")
                if reminder
                else gettext("You are invited to answer the evaluation survey “%(title)s”.")
            )
            parts.append(
                lead % values
                + "\n"
                + gettext(
                    "Answer by %(closes)s: %(url)s\nYour answers are anonymous: they are stored without your name."
                )
                % values
            )
    with translation.override("sv"):
        subject = gettext("Evaluation survey: %(title)s") % {"title": survey.title}
    messages = [
        (subject, "\n\n".join(parts), settings.DEFAULT_FROM_EMAIL, [users[i.user_id].email])
        for i in invitations
        if users.get(i.user_id) and users[i.user_id].email
    ]
    return send_mass_mail(messages, fail_silently=False)


def remind(survey: Survey) -> int:
    """E-mail everyone invited who has not answered (while the survey is open) and note when; the number sent."""
    if not is_open(survey):
        return 0
    waiting = list(survey.invitations.filter(responded_on__isnull=True))
    sent = mail_invitations(survey, waiting, reminder=True)
    if sent:
        survey.invitations.filter(pk__in=[i.pk for i in waiting]).update(reminded_at=timezone.now())
    return sent


# ---------------------------------------------------------------------------------------------------------------
# Answering


class NotInvited(Exception):
    """The user has no invitation to the survey (the page answers 404, as for a survey that does not exist)."""


class NotOpen(Exception):
    """The survey is not open for answers on this day."""


class AlreadyAnswered(Exception):
    """The invitation has been answered: a survey is answered once."""


def is_open(survey: Survey, day=None) -> bool:
    day = day or timezone.localdate()
    return survey.opens_on <= day <= survey.closes_on


def invitation_for(survey: Survey, user) -> SurveyInvitation | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return survey.invitations.filter(user=user).first()


def invitations_of(user, day=None) -> list[SurveyInvitation]:
    """The user's invitations, each with `is_open` set: open and unanswered first, then the rest, newest first."""
    day = day or timezone.localdate()
    invitations = list(
        SurveyInvitation.objects.filter(user=user).select_related("survey", "survey__programme").order_by("-pk")
    )
    for invitation in invitations:
        invitation.is_open = is_open(invitation.survey, day)
    return sorted(invitations, key=lambda i: not (i.is_open and i.responded_on is None))


def submit(survey: Survey, user, answers: dict, day=None) -> SurveyResponse:
    day = day or timezone.localdate()
    if not is_open(survey, day):
        raise NotOpen
    with transaction.atomic():
        marked = SurveyInvitation.objects.filter(survey=survey, user=user, responded_on__isnull=True).update(
            responded_on=day
        )
        if not marked:
            if SurveyInvitation.objects.filter(survey=survey, user=user).exists():
                raise AlreadyAnswered
            raise NotInvited
        return SurveyResponse.objects.create(survey=survey, answers=answers, submitted_on=day)


# ---------------------------------------------------------------------------------------------------------------
# Tracking and results


@dataclass
class Tracking:
    invited: int
    answered: int
    not_answered: list = field(default_factory=list)  # invitations (with their user), for reminders

    @property
    def rate(self) -> float | None:
        return None if not self.invited else 100 * self.answered / self.invited


def tracking(survey: Survey) -> Tracking:
    invitations = list(survey.invitations.select_related("user").order_by("user__email"))
    waiting = [invitation for invitation in invitations if invitation.responded_on is None]
    return Tracking(len(invitations), len(invitations) - len(waiting), waiting)


@dataclass
class Results:
    responses: int
    shown: bool  # at least min_group responses
    summaries: list = field(default_factory=list)  # core.questionnaire.Summary, texts shuffled


def results(survey: Survey, shuffle=random.shuffle) -> Results:
    answers = list(survey.responses.values_list("answers", flat=True))
    if len(answers) < survey.min_group:
        return Results(len(answers), False)
    summaries = q.summarise(questions(survey.definition), answers)
    for summary in summaries:
        shuffle(summary.texts)
    return Results(len(answers), True, summaries)


@dataclass(frozen=True)
class ResultRow:
    """One line of the anonymised results: a count of an answer value, a question's mean, or one free-text answer."""

    question: str  # code
    label: str
    kind: str
    answer: object  # scale value, option code, or the text; "" for a mean row
    count: int | None
    mean: float | None = None


def anonymised_results(survey: Survey) -> list[ResultRow]:
    """The results as rows for exports (none below min_group): per question its counts, its mean and its texts."""
    outcome = results(survey)
    if not outcome.shown:
        return []
    rows = []
    for summary in outcome.summaries:
        question_ = summary.question
        for value, count in summary.counts.items():
            rows.append(ResultRow(question_.code, question_.label, question_.kind, value, count))
        if summary.mean is not None:
            rows.append(
                ResultRow(question_.code, question_.label, question_.kind, "", summary.answered, round(summary.mean, 2))
            )
        for text in summary.texts:
            rows.append(ResultRow(question_.code, question_.label, question_.kind, text, 1))
    return rows
