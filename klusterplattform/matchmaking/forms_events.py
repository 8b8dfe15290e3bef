"""Forms of the matchmaking-event pages: the participant's profile, a meeting request, an outcome and the officer's
slot set-up. They only validate; the writes go through event_services.py, which checks everything again."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.models import ClusterOrganisation

from .choices import MeetingOutcome, MeetingStatus
from .models import EventParticipant, MeetingRequest, MeetingSlot
from .permissions import managed_cluster_ids


class SlotChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, event, **kwargs):
        self.event = event
        queryset = MeetingSlot.objects.filter(activity=event).order_by("starts_at", "pk")
        super().__init__(queryset, widget=forms.CheckboxSelectMultiple, required=False, **kwargs)

    def label_from_instance(self, obj):
        start, end = (timezone.localtime(t, self.event.zone) for t in (obj.starts_at, obj.ends_at))
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"


class ParticipantForm(forms.ModelForm):
    cluster = forms.ModelChoiceField(
        queryset=ClusterOrganisation.objects.none(),
        required=False,
        label=_("Cluster organisation"),
        help_text=_("Optional: a cluster organisation you manage, if you take part on its behalf."),
    )

    class Meta:
        model = EventParticipant
        fields = ["organisation_name", "cluster", "offer", "seek"]
        widgets = {"offer": forms.Textarea(attrs={"rows": 4}), "seek": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = ClusterOrganisation.objects.filter(pk__in=managed_cluster_ids(user)).order_by(
            "name"
        )
        if not self.fields["cluster"].queryset.exists():
            del self.fields["cluster"]
        self.fields["unavailable_slots"] = SlotChoiceField(
            event,
            label=_("Slots I cannot meet in"),
            initial=list(self.instance.unavailable_slots.all()) if self.instance.pk else [],
        )
        if not self.fields["unavailable_slots"].queryset.exists():
            del self.fields["unavailable_slots"]

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "organisation_name": data["organisation_name"],
            "offer": data.get("offer", ""),
            "seek": data.get("seek", ""),
            "cluster": data.get("cluster"),
            "unavailable": data.get("unavailable_slots") if "unavailable_slots" in self.fields else None,
        }


class MeetingRequestForm(forms.Form):
    invitee = forms.ModelChoiceField(queryset=EventParticipant.objects.none(), label=_("Meet"))
    message = forms.CharField(
        label=_("Message"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, **kwargs)
        active = [MeetingStatus.PENDING, MeetingStatus.ACCEPTED]
        taken = MeetingRequest.objects.filter(activity=participant.activity, status__in=active)
        excluded = set(taken.filter(requester=participant).values_list("invitee_id", flat=True))
        excluded |= set(taken.filter(invitee=participant).values_list("requester_id", flat=True))
        excluded |= set(
            MeetingRequest.objects.filter(requester=participant, status=MeetingStatus.DECLINED).values_list(
                "invitee_id", flat=True
            )
        )
        self.fields["invitee"].queryset = (
            EventParticipant.objects.filter(activity=participant.activity)
            .exclude(pk=participant.pk)
            .exclude(pk__in=excluded)
            .order_by("organisation_name", "pk")
        )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What followed the meeting"),
        choices=[(code, label) for code, label in MeetingOutcome.choices if code],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class SlotsForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    first_start = forms.TimeField(
        label=_("First slot starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    minutes = forms.IntegerField(label=_("Slot length in minutes"), min_value=5, max_value=480, initial=20)
    count = forms.IntegerField(label=_("Number of slots"), min_value=1, max_value=200, initial=8)
    break_after = forms.IntegerField(
        label=_("Break after slot number"),
        min_value=1,
        max_value=199,
        required=False,
        help_text=_("Optional, e.g. a lunch break."),
    )
    break_minutes = forms.IntegerField(label=_("Break length in minutes"), min_value=5, max_value=480, required=False)
    replace = forms.BooleanField(
        label=_("Replace the existing slots"),
        required=False,
        initial=True,
        help_text=_("Untick to add the slots to those already set up (for example for a second day)."),
    )

    def __init__(self, *args, event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.fields["day"].help_text = _("Times are in the event's time zone, %(zone)s.") % {"zone": event.time_zone}
        if not self.is_bound:
            self.initial.setdefault("day", event.local_start.date())
            self.initial.setdefault("first_start", event.local_start.time())

    def clean(self):
        data = super().clean()
        if data.get("break_after") and not data.get("break_minutes"):
            self.add_error("break_minutes", _("Give the break's length."))
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        start = timezone.make_aware(datetime.datetime.combine(data["day"], data["first_start"]), self.event.zone)
        return {
            "first_start": start,
            "minutes": data["minutes"],
            "count": data["count"],
            "break_after": data.get("break_after"),
            "break_minutes": data.get("break_minutes") or 0,
            "replace": data.get("replace", False),
        }
