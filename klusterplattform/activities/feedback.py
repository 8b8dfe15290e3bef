"""Feedback after an activity: the questions (data for core/questionnaire.py), answering once through the
participant's personal link, and the results programme officers see.

Anonymity: a FeedbackResponse holds no link to the registration or person, and only the day it was given. The
registration records that its person has answered (`feedback_given_at`); setting it with a conditional update in
the same transaction as the response is what makes it one response per participant, even when the form is sent
twice at the same moment. Comments are listed sorted by their text, so their order does not tell who answered first.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from klusterplattform.core.questionnaire import SCALE, TEXT, Question, Summary, summarise

from .choices import RegistrationStatus
from .models import FeedbackResponse, Registration

COMMENT = "comment"

QUESTIONS = (
    Question(
        "overall",
        "Hur nöjd är du med aktiviteten som helhet?",
        "How satisfied are you with the activity overall?",
        required=True,
        help_sv="1 = inte alls nöjd, 5 = mycket nöjd",
        help_en="1 = not at all satisfied, 5 = very satisfied",
    ),
    Question(
        "relevance",
        "Hur väl motsvarade aktiviteten klusterorganisationens behov?",
        "How well did the activity meet your cluster organisation's needs?",
        help_sv="1 = inte alls, 5 = helt",
        help_en="1 = not at all, 5 = fully",
    ),
    Question(
        "usefulness",
        "Hur användbart är det du tar med dig i ditt arbete?",
        "How useful is what you take away for your work?",
        help_sv="1 = inte alls användbart, 5 = mycket användbart",
        help_en="1 = not at all useful, 5 = very useful",
    ),
    Question(
        "organisation",
        "Hur väl var aktiviteten organiserad (information, tider, plats eller länk)?",
        "How well was the activity organised (information, times, place or link)?",
        help_sv="1 = mycket dåligt, 5 = mycket väl",
        help_en="1 = very poorly, 5 = very well",
    ),
    Question(
        "networking",
        "Hur väl gav aktiviteten möjlighet att knyta nya kontakter?",
        "How well did the activity help you make new contacts?",
        help_sv="1 = inte alls, 5 = i hög grad",
        help_en="1 = not at all, 5 = to a great extent",
    ),
    Question(
        COMMENT,
        "Vad borde vi göra annorlunda?",
        "What should we do differently?",
        kind=TEXT,
        help_sv="Skriv inte namn eller annat som pekar ut någon: svaren är anonyma.",
        help_en="Do not write names or anything that points someone out: the answers are anonymous.",
        max_length=4000,
    ),
)
SCALE_QUESTIONS = tuple(question for question in QUESTIONS if question.kind == SCALE)


class FeedbackRefused(Exception):
    """Why this registration cannot give feedback now; `code` is one of the REFUSALS."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


NOT_STARTED, NOT_CONFIRMED, ALREADY_ANSWERED = "not_started", "not_confirmed", "already_answered"


def refusal(registration: Registration, now=None) -> str | None:
    """None when the registration's person may answer now, else why not (a code the page turns into words)."""
    if registration.feedback_given_at is not None:
        return ALREADY_ANSWERED
    if registration.status != RegistrationStatus.CONFIRMED:
        return NOT_CONFIRMED
    if (now or timezone.now()) < registration.activity.starts_at:
        return NOT_STARTED
    return None


def submit(registration: Registration, cleaned: dict, now=None) -> FeedbackResponse:
    """Record one anonymous response for the registration's person; FeedbackRefused if they may not (any more).

    The conditional update claims the registration's one response: when two submissions race, only one update
    changes a row, and the other is refused without writing anything."""
    now = now or timezone.now()
    reason = refusal(registration, now)
    if reason:
        raise FeedbackRefused(reason)
    with transaction.atomic():
        claimed = Registration.objects.filter(
            pk=registration.pk, status=RegistrationStatus.CONFIRMED, feedback_given_at__isnull=True
        ).update(feedback_given_at=now)
        if not claimed:
            raise FeedbackRefused(ALREADY_ANSWERED)
        response = FeedbackResponse.objects.create(
            activity_id=registration.activity_id,
            answers={question.code: cleaned.get(question.code) for question in SCALE_QUESTIONS},
            comment=(cleaned.get(COMMENT) or "").strip(),
            submitted_on=timezone.localdate(now, registration.activity.zone),
        )
    registration.feedback_given_at = now
    return response


def invited_registrations(activity):
    """Who is asked for feedback: confirmed registrations; once attendance is marked for any of them, only those
    marked as attended (a no-show cannot judge the activity)."""
    confirmed = activity.registrations.filter(status=RegistrationStatus.CONFIRMED)
    if confirmed.filter(attended__isnull=False).exists():
        return confirmed.filter(attended=True)
    return confirmed


@dataclass
class Results:
    activity_pk: int
    responses: int
    participants: int
    summaries: list[Summary]
    comments: list[str]

    @property
    def response_rate(self) -> float | None:
        """Share of the participants who answered, 0–100, or None without participants."""
        if not self.participants:
            return None
        return min(100.0, 100.0 * self.responses / self.participants)


def results(activity) -> Results | None:
    """What officers see on the activity page (the caller checks activity.feedback_results), or None before the
    activity has started and nobody can have answered yet. Three queries whatever the number of responses."""
    responses = list(FeedbackResponse.objects.filter(activity=activity).values_list("answers", "comment"))
    if not responses and activity.starts_at > timezone.now():
        return None
    participants = invited_registrations(activity).count()
    comments = sorted((comment for _answers, comment in responses if comment), key=lambda text: (text.casefold(), text))
    return Results(
        activity_pk=activity.pk,
        responses=len(responses),
        participants=participants,
        summaries=summarise(SCALE_QUESTIONS, [answers for answers, _comment in responses]),
        comments=comments,
    )
