"""Forms for defining a programme's KPIs and entering their values."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import kpi_metrics
from .models import Kpi, KpiSource, KpiValue

PERIOD_HELP = _('A year ("2025"), a half ("2025-H1") or a quarter ("2025-Q3").')


def clean_period(value: str, required: bool = True) -> str:
    value = (value or "").strip().upper()
    if not value and not required:
        return ""
    if not kpi_metrics.is_period(value):
        raise forms.ValidationError(
            _('Write the period as a year ("2025"), a half ("2025-H1") or a quarter ("2025-Q3").'), code="period"
        )
    return value


class KpiForm(forms.ModelForm):
    metric = forms.ChoiceField(label=_("Computed metric"), required=False)

    class Meta:
        model = Kpi
        fields = [
            "code",
            "name_sv",
            "name_en",
            "definition_sv",
            "definition_en",
            "unit",
            "source",
            "metric",
            "baseline",
            "baseline_period",
            "target",
            "target_period",
            "higher_is_better",
            "order",
        ]
        widgets = {
            "definition_sv": forms.Textarea(attrs={"rows": 3}),
            "definition_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "code": _("A short name for exports, e.g. sme-share (letters, digits and hyphens)."),
            "baseline_period": PERIOD_HELP,
            "target_period": PERIOD_HELP,
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.instance.programme = programme
        self.fields["metric"].choices = [("", _("(entered KPIs have none)")), *kpi_metrics.metric_choices()]
        self.fields["metric"].help_text = _("For a computed KPI: the figure the platform computes for each period.")

    def clean_baseline_period(self):
        return clean_period(self.cleaned_data.get("baseline_period"), required=False)

    def clean_target_period(self):
        return clean_period(self.cleaned_data.get("target_period"), required=False)

    def clean_code(self):
        code = self.cleaned_data["code"]
        taken = Kpi.objects.filter(programme=self.programme, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("The programme already has a KPI with this code."), code="taken")
        return code

    def clean(self):
        data = super().clean()
        if data.get("source") == KpiSource.COMPUTED and not data.get("metric"):
            self.add_error("metric", forms.ValidationError(_("Pick the metric a computed KPI shows."), code="metric"))
        if data.get("source") == KpiSource.ENTERED:
            data["metric"] = ""
        return data

    def validate_unique(self):
        """The code's uniqueness per programme is checked in clean_code, with a clearer message than the model's."""


class KpiValueForm(forms.ModelForm):
    """An entered KPI's value for one period; a period already holding a value is refused (delete it first)."""

    class Meta:
        model = KpiValue
        fields = ["period", "value", "note"]
        help_texts = {"period": PERIOD_HELP}

    def __init__(self, *args, kpi, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpi = kpi
        self.instance.kpi = kpi

    def clean_period(self):
        period = clean_period(self.cleaned_data.get("period"))
        if KpiValue.objects.filter(kpi=self.kpi, period=period).exists():
            raise forms.ValidationError(
                _("%(period)s already has a value. Delete it first to enter another."),
                params={"period": period},
                code="duplicate",
            )
        return period

    def validate_unique(self):
        """A period's uniqueness per KPI is checked in clean_period, with a clearer message than the model's."""


class FreezeForm(forms.Form):
    period = forms.CharField(label=_("Period to freeze"), max_length=10, help_text=PERIOD_HELP)

    def clean_period(self):
        return kpi_metrics.Period.parse(clean_period(self.cleaned_data.get("period")))
