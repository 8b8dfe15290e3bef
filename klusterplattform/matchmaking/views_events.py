"""The matchmaking-event pages: an event's overview, joining it (and the participant's profile), and the officers'
schedule page (slots and the scheduler run). The meeting pages are in views_event_meetings.py.

An activity that is not a matchmaking event, or one the user does not see, is a 404 (event_permissions.event_or_404).
Every write goes through event_services.py: PermissionError is a 403 page, Refused a message on the page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import event_services as services
from .choices import MeetingOutcome, MeetingStatus
from .event_permissions import event_or_404, manages, may_join, may_see_participants, participant_of
from .forms_events import ParticipantForm, SlotsForm
from .models import EventParticipant, MeetingRequest, MeetingSlot, ScheduleRun
from .views_posts import refuse

SECTION = "activity"


def local_slots(event):
    return list(MeetingSlot.objects.filter(activity=event).annotate(meetings_placed=Count("meetings")))


def outcome_summary(event) -> list[dict]:
    """Accepted meetings per outcome (with "not recorded"), in the order of MeetingOutcome."""
    counts = dict(
        MeetingRequest.objects.filter(activity=event, status=MeetingStatus.ACCEPTED)
        .values_list("outcome")
        .annotate(n=Count("pk"))
        .values_list("outcome", "n")
    )
    return [{"code": code, "label": label, "count": counts.get(code, 0)} for code, label in MeetingOutcome.choices]


def _my_requests(participant):
    meetings = MeetingRequest.objects.select_related("requester", "invitee", "slot").order_by("-created_at", "-pk")
    return list(meetings.filter(invitee=participant)), list(meetings.filter(requester=participant))


def participants_of(event):
    """Who has joined the event: the overview's list and its export (views_list_exports.py) share it."""
    return EventParticipant.objects.filter(activity=event).select_related("cluster")


def meetings_of(event):
    """Every meeting request of the event, placed ones first by slot and table, then the rest by request date: the
    schedule page's list for officers and its export (views_list_exports.py) share it."""
    return (
        MeetingRequest.objects.filter(activity=event)
        .select_related("requester__cluster", "invitee__cluster", "slot")
        .order_by(F("slot__starts_at").asc(nulls_last=True), "table", "created_at", "pk")
    )


@login_required
def event_overview(request, pk):
    event = event_or_404(request.user, pk)
    user = request.user
    participant = participant_of(user, event)
    is_manager = manages(user, event)
    context = {
        "event": event,
        "participant": participant,
        "is_manager": is_manager,
        "may_join": participant is None and bool(may_join(user, event)),
        "ended": event.has_ended(),
        "section": SECTION,
    }
    if may_see_participants(user, event, participant):
        context["participants"] = list(participants_of(event))
    if participant is not None:
        context["received"], context["sent"] = _my_requests(participant)
        for meeting in context["received"] + context["sent"]:
            meeting.activity = event
            meeting.outcome_open = services.outcome_open(meeting)
    if is_manager:
        context["slots"] = local_slots(event)
        context["last_run"] = ScheduleRun.objects.filter(activity=event).first()
        context["outcomes"] = outcome_summary(event)
        context["status_counts"] = MeetingRequest.objects.filter(activity=event).aggregate(
            **{code: Count("pk", filter=Q(status=code)) for code in MeetingStatus.values}
        )
    return render(request, "matchmaking/events/overview.html", context)


@login_required
def event_join(request, pk):
    """Join the event, or change one's profile at it."""
    event = event_or_404(request.user, pk)
    participant = participant_of(request.user, event)
    if participant is None and not may_join(request.user, event):
        return refuse(request, _("Only people with a confirmed registration for the event under their e-mail join it."))
    instance = participant or EventParticipant(activity=event, user=request.user)
    form = ParticipantForm(request.POST or None, instance=instance, event=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.join(request.user, event, **form.values())
        except PermissionError as error:
            return refuse(request, str(error))
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your profile at the event is saved."))
            return redirect("matchmaking:event", event.pk)
    context = {"event": event, "form": form, "participant": participant, "section": SECTION}
    return render(request, "matchmaking/events/join.html", context)


def _manager_event(request, pk):
    event = event_or_404(request.user, pk)
    if not manages(request.user, event):
        return event, refuse(request, _("Only officers set up and schedule matchmaking events."))
    return event, None


@login_required
def event_schedule(request, pk):
    """The officers' page: set up the slots (replacing or adding), see them and run the scheduler."""
    event, refusal = _manager_event(request, pk)
    if refusal:
        return refusal
    form = SlotsForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            slots = services.set_up_slots(request.user, event, **form.values())
        except PermissionError as error:
            return refuse(request, str(error))
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("%(count)d slots are set up. Run the scheduler to place the meetings.") % {"count": len(slots)},
            )
            return redirect("matchmaking:event_schedule", event.pk)
    context = {
        "event": event,
        "form": form,
        "slots": local_slots(event),
        "last_run": ScheduleRun.objects.filter(activity=event).first(),
        "accepted": MeetingRequest.objects.filter(activity=event, status=MeetingStatus.ACCEPTED).count(),
        "meetings": list(meetings_of(event)),
        "section": SECTION,
    }
    return render(request, "matchmaking/events/schedule.html", context)


@login_required
@require_POST
def event_schedule_run(request, pk):
    event, refusal = _manager_event(request, pk)
    if refusal:
        return refusal
    try:
        run = services.run_scheduler(request.user, event)
    except PermissionError as error:
        return refuse(request, str(error))
    except services.Refused as refused:
        messages.error(request, str(refused))
    else:
        total = run.placed + run.unplaced
        messages.success(
            request, _("Placed %(placed)d of %(total)d accepted meetings.") % {"placed": run.placed, "total": total}
        )
    return redirect("matchmaking:event_schedule", event.pk)
