"""Forms of programme news and programme contacts."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import NewsItem, ProgrammeContact

PUBLISH_NOW, DRAFT, SCHEDULE = "now", "draft", "schedule"


class NewsItemForm(forms.ModelForm):
    """Title and text in both languages; the item is published now, kept as a draft or scheduled."""

    when = forms.ChoiceField(
        label=_("Publishing"),
        choices=[
            (PUBLISH_NOW, _("Publish now")),
            (DRAFT, _("Save as draft")),
            (SCHEDULE, _("Schedule (publish at the time below)")),
        ],
        widget=forms.RadioSelect,
        initial=PUBLISH_NOW,
    )
    scheduled_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        help_text=_("Only for a scheduled item: a time in the future, for example 2027-03-01 08:00."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = NewsItem
        fields = ["title_sv", "title_en", "body_sv", "body_en", "audience"]
        widgets = {"audience": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title_sv", "title_en", "body_sv", "body_en"):
            self.fields[name].required = True
        item = self.instance
        if item.pk and not self.is_bound:
            if item.published_at is None:
                self.initial["when"] = DRAFT
            elif item.published_at > timezone.now():
                self.initial["when"] = SCHEDULE
                self.initial["scheduled_at"] = timezone.localtime(item.published_at)
            else:
                self.initial["when"] = PUBLISH_NOW

    def clean(self):
        data = super().clean()
        if data.get("when") == SCHEDULE:
            moment = data.get("scheduled_at")
            if moment is None:
                self.add_error("scheduled_at", _("Give the time to publish a scheduled item."))
            elif moment <= timezone.now():
                self.add_error("scheduled_at", _("A scheduled time must be in the future."))
        return data

    def save(self, commit=True):
        item = super().save(commit=False)
        when = self.cleaned_data["when"]
        if when == DRAFT:
            item.published_at = None
        elif when == SCHEDULE:
            item.published_at = self.cleaned_data["scheduled_at"]
        elif item.published_at is None or item.published_at > timezone.now():
            item.published_at = timezone.now()  # an item already published keeps its date
        if commit:
            item.save()
        return item


class ContactForm(forms.ModelForm):
    class Meta:
        model = ProgrammeContact
        fields = ["name", "role_sv", "role_en", "email", "phone", "away_until", "stand_in", "position"]
        widgets = {"away_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        others = ProgrammeContact.objects.filter(programme=programme)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["stand_in"].queryset = others
        self.fields["stand_in"].help_text = _("Who visitors should contact while this person is away.")

    def clean_stand_in(self):
        stand_in = self.cleaned_data.get("stand_in")
        if stand_in is not None:
            if stand_in.programme_id != self.programme.pk:
                raise forms.ValidationError(_("The stand-in must be a contact of the same programme."))
            if self.instance.pk and stand_in.pk == self.instance.pk:
                raise forms.ValidationError(_("A contact cannot stand in for themselves."))
        return stand_in

    def save(self, commit=True):
        contact = super().save(commit=False)
        contact.programme = self.programme
        if commit:
            contact.save()
        return contact
