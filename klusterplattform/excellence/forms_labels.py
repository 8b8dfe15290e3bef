"""Forms of the label pages: recording an official label, and the label register's filters."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import AwardingBody
from .labels import expiring, valid_on_q, validate_certificate
from .models import LabelLevel


class LabelForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=LabelLevel.choices)
    awarding_body = forms.ChoiceField(
        label=_("Awarding body"), choices=AwardingBody.choices, initial=AwardingBody.EUCLES
    )
    assessed_on = forms.DateField(
        label=_("Assessment date"),
        help_text=_("The day of the benchmarking interview or on-site assessment, as on the certificate."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    report_id = forms.CharField(
        label=_("Report identifier"),
        max_length=40,
        required=False,
        help_text=_("As printed on the benchmarking report, e.g. SWE011201801C180123."),
    )
    source_url = forms.URLField(
        label=_("Source"),
        required=False,
        assume_scheme="https",
        help_text=_("A public page that announces the label, if there is one."),
    )
    certificate = forms.FileField(
        label=_("Certificate (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_certificate(self):
        upload = self.cleaned_data.get("certificate")
        if upload:
            validate_certificate(upload)
        return upload or None

    def add_service_errors(self, error: ValidationError) -> None:
        """Errors from labels.record_label, on the field they are about when this form has it."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            self.add_error(name if name in self.fields else None, errors)


SORTS = {
    "-valid_until": ("-valid_until", "cluster__name", "pk"),
    "valid_until": ("valid_until", "cluster__name", "pk"),
    "cluster": ("cluster__name", "-valid_until", "pk"),
    "-awarded_on": ("-awarded_on", "cluster__name", "pk"),
}


class LabelFilterForm(forms.Form):
    """The register's filters; invalid values are ignored (a bookmarked URL never breaks the page)."""

    level = forms.ChoiceField(label=_("Level"), choices=[("", _("All levels")), *LabelLevel.choices], required=False)
    awarding_body = forms.ChoiceField(
        label=_("Awarding body"), choices=[("", _("All")), *AwardingBody.choices], required=False
    )
    valid_on = forms.DateField(label=_("Valid on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    expiring = forms.TypedChoiceField(
        label=_("Expiring"),
        coerce=int,
        empty_value=None,
        required=False,
        # Whole sentences per window: a lazy text formatted here would be fixed in the language at import time.
        choices=[("", _("Any time")), ("90", _("Within 90 days")), ("30", _("Within 30 days"))],
    )
    demo = forms.ChoiceField(
        label=_("Demo data"),
        required=False,
        choices=[("", _("Real and demo labels")), ("exclude", _("Leave demo data out")), ("only", _("Only demo data"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-valid_until", _("Valid until, latest first")),
            ("valid_until", _("Valid until, earliest first")),
            ("cluster", _("Cluster name")),
            ("-awarded_on", _("Assessment date, latest first")),
        ],
    )

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data if data is not None else {}, **kwargs)
        self.is_valid()

    def value(self, name):
        return self.cleaned_data.get(name) if name not in self.errors else None

    @property
    def is_filtered(self) -> bool:
        return any(self.value(name) for name in ("level", "awarding_body", "valid_on", "expiring", "demo"))

    def apply(self, queryset, today: datetime.date):
        if self.value("level"):
            queryset = queryset.filter(level=self.value("level"))
        if self.value("awarding_body"):
            queryset = queryset.filter(awarding_body=self.value("awarding_body"))
        if self.value("valid_on"):
            queryset = queryset.filter(valid_on_q(self.value("valid_on")))
        if self.value("demo"):
            queryset = queryset.filter(is_demo=self.value("demo") == "only")
        if self.value("expiring"):
            queryset = expiring(queryset, today, self.value("expiring"))
        return queryset.order_by(*SORTS.get(self.value("sort") or "-valid_until", SORTS["-valid_until"]))
