"""Forms of the self-assessment pages: a round, the list's filters, one area's answers, the transitions, comments."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.roles import Role
from klusterplattform.registry.models import Programme

from . import evidence as evidence_files
from .choices import AnswerType, AssessmentStatus
from .models import AssessmentRound, CatalogueVersion


class RoundForm(forms.ModelForm):
    class Meta:
        model = AssessmentRound
        fields = ["programme", "catalogue", "slug", "name_sv", "name_en", "opens_on", "closes_on"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("is_demo", "-starts_on", "slug")
        self.fields["catalogue"].queryset = CatalogueVersion.objects.all()
        newest = CatalogueVersion.objects.first()  # ordered newest first: the current catalogue
        if newest is not None and not self.is_bound:
            self.initial.setdefault("catalogue", newest.pk)
        self.fields["slug"].help_text = _("Part of the page address, e.g. bronze-2026-autumn.")

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug == "ny":  # the address of this very form
            raise forms.ValidationError(_("Choose another slug; this one is taken by the platform."))
        return slug

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The round cannot close before it opens."))
        return data


class AssessmentFilterForm(forms.Form):
    """The list's filters; an unknown value is ignored, so a bookmarked address never breaks the page."""

    round = forms.ChoiceField(label=_("Round"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *AssessmentStatus.choices], required=False
    )

    # From a cluster's profile ("Self-assessments"): only that cluster's, within what the user may see anyway.
    cluster = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, rounds=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["round"].choices = [("", _("All rounds")), *[(r.slug, r.name) for r in rounds]]

    def apply(self, assessments):
        if not self.is_valid():
            return assessments
        if self.cleaned_data["round"]:
            assessments = assessments.filter(round__slug=self.cleaned_data["round"])
        if self.cleaned_data["status"]:
            assessments = assessments.filter(status=self.cleaned_data["status"])
        if self.cleaned_data["cluster"]:
            assessments = assessments.filter(cluster__slug=self.cleaned_data["cluster"])
        return assessments


def shown_number(value: Decimal | None) -> str:
    """12.50 → "12,5" in Swedish, "12.5" in English: what the manager typed, without trailing zeros."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", formats.get_format("DECIMAL_SEPARATOR"))


def _option_choices(indicator):
    return [(option["code"], indicator.option_label(option["code"])) for option in indicator.options]


def _help(indicator, answer) -> str:
    parts = [indicator.help]
    if indicator.unit:
        parts.append(str(_("Unit: %(unit)s.")) % {"unit": indicator.unit})
    if indicator.is_required:
        parts.append(str(_("Required before submitting.")))
    if answer is not None and answer.is_prefilled:
        parts.append(str(_("Pre-filled from the registry; change it if it is wrong.")))
    return " ".join(p for p in parts if p)


class AreaForm(forms.Form):
    """One field per indicator of an area, named by the indicator's code."""

    def __init__(self, indicators, answers, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.indicators = {indicator.code: indicator for indicator in indicators}
        for indicator in indicators:
            answer = answers.get(indicator.pk)
            field, initial = self._field(indicator, answer)
            field.label = f"{indicator.code} {indicator.question}"
            field.help_text = _help(indicator, answer)
            field.required = False  # a draft may be incomplete; submitting checks the required ones
            self.fields[indicator.code] = field
            if initial not in (None, "", []):
                self.initial[indicator.code] = initial

    def _field(self, indicator, answer):
        kind = indicator.answer_type
        if kind in (AnswerType.NUMBER, AnswerType.SHARE):
            widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
            return forms.CharField(widget=widget), shown_number(answer.number if answer else None)
        if kind == AnswerType.CHOICE:
            chosen = (answer.choices or [""])[0] if answer else ""
            return forms.ChoiceField(choices=_option_choices(indicator), widget=forms.RadioSelect), chosen
        if kind == AnswerType.MULTIPLE:
            field = forms.MultipleChoiceField(choices=_option_choices(indicator), widget=forms.CheckboxSelectMultiple)
            return field, list(answer.choices) if answer else []
        if kind == AnswerType.YES_NO:
            choices = [("yes", _("Yes")), ("no", _("No"))]
            value = None if answer is None or answer.yes_no is None else ("yes" if answer.yes_no else "no")
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect), value
        if kind == AnswerType.TEXT:
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 5})), answer.text if answer else ""
        return forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": evidence_files.ACCEPT})), None

    def clean(self):
        data = super().clean()
        for code, indicator in self.indicators.items():
            upload = data.get(code) if indicator.answer_type == AnswerType.EVIDENCE else None
            if upload:
                try:
                    evidence_files.validate_upload(upload)
                except forms.ValidationError as error:
                    self.add_error(code, error)
        return data

    def answer_values(self, answers) -> dict:
        """{code: raw} for answering.save_answers: every non-evidence field, except empty ones never answered."""
        values = {}
        for code, indicator in self.indicators.items():
            if indicator.answer_type == AnswerType.EVIDENCE:
                continue
            raw = self.cleaned_data.get(code)
            if raw in (None, "", []) and indicator.pk not in answers:
                continue
            values[code] = raw
        return values

    def uploads(self) -> list:
        return [
            (indicator, self.cleaned_data[code])
            for code, indicator in self.indicators.items()
            if indicator.answer_type == AnswerType.EVIDENCE and self.cleaned_data.get(code)
        ]


def assessor_choices():
    users = get_user_model().objects.filter(is_active=True, role_grants__role=Role.ASSESSOR).distinct()
    return users.order_by("email")


class AssignForm(forms.Form):
    assessor = forms.ModelChoiceField(label=_("Assessor"), queryset=None)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = assessor_choices()
        self.fields["assessor"].label_from_instance = lambda user: user.full_name or user.email


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the cluster change?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": _("Say what the cluster should change: a comment is required when returning.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ConfirmForm(forms.Form):
    """Submit and validate: nothing to fill in, the button is the confirmation."""


class CommentForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"))
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)

    def __init__(self, indicators, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.by_code = {indicator.code: indicator for indicator in indicators}
        self.fields["indicator"].choices = [(i.code, f"{i.code} {i.question}") for i in indicators]
