"""Forms of the call pages: a call (dates entered as local time in the call's time zone), the form editor, review
criteria and phases, documents, and the list filters."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.uploads import validate_upload
from klusterplattform.core.zones import TIME_ZONES, LocalDateTimeField, localise
from klusterplattform.registry.models import Programme

from .choices import DECIDED
from .forms_engine import validate_definition
from .models import Call, CallDocument, ReviewCriterion, ReviewPhase

DOCUMENT_TYPES = (".pdf", ".docx", ".odt", ".xlsx")
RESERVED_SLUGS = {"ny"}  # paths under /utlysningar/ that are not calls
STATUSES = (
    ("open", _("Open")),
    ("forthcoming", _("Forthcoming")),
    ("closed", _("Closed")),
)


class CallForm(forms.ModelForm):
    opens_at = LocalDateTimeField(label=_("Opens"), help_text=_("Local time in the call's time zone."))
    closes_at = LocalDateTimeField(label=_("Closes"), help_text=_("Local time in the call's time zone."))
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[(zone, zone) for zone in TIME_ZONES],
        initial="Europe/Stockholm",
        help_text=_("The zone the call's dates are announced in; pages show them in this zone, with its name."),
    )
    notify_decisions = forms.MultipleChoiceField(
        label=_("Decisions that are e-mailed to the applicant"),
        choices=[(status.value, status.label) for status in DECIDED],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Call
        fields = [
            "programme",
            "slug",
            "title_sv",
            "title_en",
            "text_sv",
            "text_en",
            "eligibility_sv",
            "eligibility_en",
            "requires_legal_person",
            "requires_s3_priority",
            "requires_endorsement",
            "opens_at",
            "closes_at",
            "time_zone",
            "target_selections",
            "notify_decisions",
            "outcome_sv",
            "outcome_en",
            "is_published",
        ]
        help_texts = {
            "slug": _("The call's address: lower-case letters, digits and hyphens."),
            "outcome_sv": _("Shown on the call's page once it has closed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("name_sv")
        instance = self.instance
        if instance.pk and not self.is_bound:
            for name in ("opens_at", "closes_at"):
                value = getattr(instance, name)
                if value:
                    self.initial[name] = timezone.localtime(value, instance.zone).replace(tzinfo=None)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("%(slug)s is reserved; choose another address."), params={"slug": slug})
        return slug

    def clean_notify_decisions(self):
        chosen = set(self.cleaned_data.get("notify_decisions") or [])
        return [status.value for status in DECIDED if status.value in chosen]

    def clean(self):
        data = super().clean()
        localise(self, data, ("opens_at", "closes_at"))
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("The call must close after it opens."))
        return data


class FormDefinitionForm(forms.Form):
    definition = forms.CharField(
        label=_("The form as JSON"),
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"}),
        help_text=_("Sections with fields; the format is described in the documentation."),
    )

    def clean_definition(self):
        text = self.cleaned_data["definition"]
        try:
            definition = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationError(
                _("This is not valid JSON (line %(line)s, column %(column)s: %(message)s)."),
                params={"line": error.lineno, "column": error.colno, "message": error.msg},
                code="json",
            ) from error
        problems = validate_definition(definition)
        if problems:
            raise ValidationError([ValidationError(problem, code="definition") for problem in problems])
        return definition


class CriterionForm(forms.ModelForm):
    class Meta:
        model = ReviewCriterion
        fields = [
            "code",
            "label_sv",
            "label_en",
            "help_sv",
            "help_en",
            "weight",
            "scale_min",
            "scale_max",
            "allows_na",
            "comment_required",
            "position",
        ]
        widgets = {"help_sv": forms.Textarea(attrs={"rows": 2}), "help_en": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and high <= low:
            self.add_error("scale_max", _("The highest score must be greater than the lowest."))
        weight = data.get("weight")
        if weight is not None and weight <= 0:
            self.add_error("weight", _("The weight must be greater than zero."))
        return data


class _UniqueCodes(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            code = form.cleaned_data.get("code")
            if code in seen:
                form.add_error("code", _("Each criterion needs its own code."))
            seen.add(code)


CriterionFormSet = forms.modelformset_factory(
    ReviewCriterion, form=CriterionForm, formset=_UniqueCodes, extra=2, can_delete=True
)


class PhaseForm(forms.ModelForm):
    class Meta:
        model = ReviewPhase
        fields = ["name_sv", "name_en", "visibility", "hide_applicants", "position"]


PhaseFormSet = forms.modelformset_factory(ReviewPhase, form=PhaseForm, extra=1, can_delete=True)


class CurrentPhaseForm(forms.Form):
    current_phase = forms.ModelChoiceField(
        label=_("Current review phase"),
        queryset=ReviewPhase.objects.none(),
        required=False,
        empty_label=_("Review has not started"),
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["current_phase"].queryset = call.phases.all()


class DocumentForm(forms.ModelForm):
    class Meta:
        model = CallDocument
        fields = ["title", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload, DOCUMENT_TYPES, _("Attach a PDF, Word, OpenDocument or Excel file."))
        return upload


class CallFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All programmes"),
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + list(STATUSES), required=False)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes

    def is_filtered(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())


def status_filter(status: str, now):
    """A Q for calls forthcoming, open or closed at `now`."""
    from django.db.models import Q

    if status == "forthcoming":
        return Q(opens_at__gt=now)
    if status == "open":
        return Q(opens_at__lte=now, closes_at__gt=now)
    if status == "closed":
        return Q(closes_at__lte=now)
    return Q()
