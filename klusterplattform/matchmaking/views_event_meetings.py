"""Meeting pages of a matchmaking event: requesting a meeting, answering and withdrawing a request, recording its
outcome, and the participant's agenda as a page, a PDF and an .ics file.

A meeting is seen by its two sides and by officers; for anyone else, and under another event's address, it is a 404.
Participant-only pages are a 403 for someone who sees the event but has not joined it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klusterplattform.core.ical import ics_response
from klusterplattform.core.pdf import pdf_response

from . import event_services as services
from .agenda import agenda_calendar, agenda_for
from .event_permissions import event_or_404, manages, may_record_outcome, participant_of
from .forms_events import MeetingRequestForm, OutcomeForm
from .models import MeetingRequest
from .views_posts import refuse

SECTION = "activity"
NOT_JOINED = gettext_lazy("Join the event first: this page is for its participants.")


def _participant(request, pk):
    """(event, participant, None), or (event, None, a 403 page) for someone who sees the event but has not joined."""
    event = event_or_404(request.user, pk)
    participant = participant_of(request.user, event)
    if participant is None:
        return event, None, refuse(request, str(NOT_JOINED))
    return event, participant, None


def _meeting(request, pk, meeting_pk):
    """The meeting of event `pk` if the user is one of its sides or an officer; otherwise a 404."""
    event = event_or_404(request.user, pk)
    meeting = (
        MeetingRequest.objects.select_related("requester", "invitee", "slot", "activity")
        .filter(activity=event, pk=meeting_pk)
        .first()
        if 0 < meeting_pk < 2**63
        else None
    )
    if meeting is None or not may_record_outcome(request.user, meeting):
        raise Http404
    return event, meeting


@login_required
def meeting_request(request, pk):
    event, participant, refusal = _participant(request, pk)
    if refusal:
        return refusal
    form = MeetingRequestForm(
        request.POST or None, participant=participant, initial={"invitee": request.GET.get("med")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.request_meeting(request.user, event, form.cleaned_data["invitee"], form.cleaned_data["message"])
        except PermissionError as error:
            return refuse(request, str(error))
        except services.Refused as refused:
            form.add_error(None, str(refused))
        else:
            name = form.cleaned_data["invitee"].organisation_name
            messages.success(request, _("Your meeting request to %(name)s is sent.") % {"name": name})
            return redirect("matchmaking:event", event.pk)
    context = {"event": event, "form": form, "ended": event.has_ended(), "section": SECTION}
    return render(request, "matchmaking/events/request_form.html", context)


def _step(request, pk, meeting_pk, step, done: str):
    event, meeting = _meeting(request, pk, meeting_pk)
    try:
        step(request.user, meeting)
    except PermissionError as error:
        return refuse(request, str(error))
    except services.Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)
    return redirect("matchmaking:event", event.pk)


@login_required
@require_POST
def meeting_decide(request, pk, meeting):
    decision = request.POST.get("decision")
    if decision not in ("accept", "decline"):
        event_or_404(request.user, pk)
        messages.error(request, _("Choose whether to accept or decline."))
        return redirect("matchmaking:event", pk)
    accept = decision == "accept"
    done = _("You accepted the meeting.") if accept else _("You declined the meeting.")
    return _step(request, pk, meeting, lambda user, m: services.decide(user, m, accept), done)


@login_required
@require_POST
def meeting_withdraw(request, pk, meeting):
    return _step(request, pk, meeting, services.withdraw, _("Your meeting request is withdrawn."))


@login_required
def meeting_outcome(request, pk, meeting):
    event, meeting = _meeting(request, pk, meeting)
    initial = {"outcome": meeting.outcome or None, "note": meeting.outcome_note}
    form = OutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_outcome(request.user, meeting, form.cleaned_data["outcome"], form.cleaned_data["note"])
        except PermissionError as error:
            return refuse(request, str(error))
        except services.Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The outcome of the meeting is recorded."))
            return redirect("matchmaking:event", event.pk)
    context = {
        "event": event,
        "meeting": meeting,
        "form": form,
        "open": services.outcome_open(meeting),
        "section": SECTION,
    }
    return render(request, "matchmaking/events/outcome_form.html", context)


def _agenda(request, pk):
    event, participant, refusal = _participant(request, pk)
    if refusal:
        return None, refusal
    return agenda_for(participant), None


@login_required
def agenda_page(request, pk):
    agenda, refusal = _agenda(request, pk)
    if refusal:
        return refusal
    context = {"agenda": agenda, "event": agenda.event, "is_manager": manages(request.user, agenda.event)}
    return render(request, "matchmaking/events/agenda.html", {**context, "section": SECTION})


@login_required
def agenda_pdf(request, pk):
    agenda, refusal = _agenda(request, pk)
    if refusal:
        return refusal
    context = {"agenda": agenda, "event": agenda.event}
    return pdf_response(request, "matchmaking/events/agenda_print.html", context, f"agenda-{agenda.event.pk}.pdf")


@login_required
def agenda_ics(request, pk):
    agenda, refusal = _agenda(request, pk)
    if refusal:
        return refusal
    return ics_response(agenda_calendar(agenda, request), f"agenda-{agenda.event.pk}.ics", attachment=True)
