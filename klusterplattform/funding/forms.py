"""Entering a funding call by hand (officers and cluster managers): the call's fields and its deadlines, each deadline
as the funder states it, a local date and time in its own time zone.

`FundingCallEditor` holds the two (the call form and the deadline formset), checks them together (the deadline model
decides how many deadlines there must be and in which order) and saves through `services.save_call`, in one
transaction that also refreshes the derived dates and the search index. Invalid input saves nothing.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.zones import TIME_ZONES, LocalDateTimeField, localise
from klusterplattform.registry.countries import COUNTRY_NAMES

from . import services
from .choices import BRUSSELS, DeadlineModel, Source
from .html import sanitise
from .models import FundingCall

# Segments of letters, digits, - _ . separated by single slashes (EuropeAid/186246/DD/ACT/NG).
IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*(?:/[A-Za-z0-9][A-Za-z0-9_.\-]*)*$")
# Last path segments that are pages of a call (funding/urls*.py), so an identifier cannot end in one.
RESERVED_ENDINGS = {"andra", "ta-bort", "bevaka", "intresse", "partner", "kalender.ics"}
MAX_DEADLINES = 12

FIELDS = [
    "identifier",
    "title",
    "language",
    "programme",
    "funder",
    "call_identifier",
    "strand",
    "action_type",
    "opening_date",
    "time_zone",
    "deadline_model",
    "source_status",
    "currency",
    "total_budget",
    "budget_min",
    "budget_max",
    "expected_grants",
    "duration_min_months",
    "duration_max_months",
    "funding_rate_min",
    "funding_rate_max",
    "eligible_countries",
    "min_partners",
    "min_countries",
    "cluster_organisations_eligible",
    "requires_cluster_organisations",
    "requires_smes",
    "requires_less_developed_regions",
    "requires_eccp_registration",
    "ecosystems",
    "tags",
    "is_cascade_funding",
    "source_url",
    "keywords",
    "description_html",
    "conditions_html",
    "is_published",
]


class CountryCodesField(forms.CharField):
    """ISO country codes typed as "SE, NO FI": a sorted list of upper-case codes the registry knows."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        codes = [code.upper() for code in re.split(r"[\s,;]+", text) if code]
        unknown = [code for code in codes if code not in COUNTRY_NAMES]
        if unknown:
            raise ValidationError(
                _("Not an ISO country code we know: %(codes)s. Use two letters, e.g. SE, NO, DE."),
                params={"codes": ", ".join(unknown)},
                code="country",
            )
        return sorted(set(codes))


class FundingCallForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone of the opening date"),
        choices=[(zone, zone) for zone in TIME_ZONES],
        initial=BRUSSELS,
    )
    source_url = forms.URLField(label=_("Source URL"), max_length=500, required=False, assume_scheme="https")
    eligible_countries = CountryCodesField(
        label=_("Eligible countries"),
        required=False,
        help_text=_("ISO codes separated by commas, e.g. SE, NO, FI; empty means not restricted or not stated."),
    )

    class Meta:
        model = FundingCall
        fields = FIELDS
        widgets = {
            "opening_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "cluster_organisations_eligible": forms.NullBooleanSelect,
            "ecosystems": forms.CheckboxSelectMultiple,
            "tags": forms.CheckboxSelectMultiple,
            "keywords": forms.Textarea(attrs={"rows": 2}),
            "description_html": forms.Textarea(attrs={"rows": 10}),
            "conditions_html": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "identifier": _("Letters, digits and - _ . /, e.g. VINNOVA-2026-KLUSTER-01 or EuropeAid/186246/DD/ACT/NG."),
            "description_html": _("Paragraphs, lists, links and emphasis are kept; other HTML is removed."),
            "conditions_html": _("Paragraphs, lists, links and emphasis are kept; other HTML is removed."),
        }

    def clean_identifier(self):
        identifier = self.cleaned_data["identifier"].strip()
        if not IDENTIFIER.match(identifier):
            raise ValidationError(
                _("An identifier is made of letters, digits and - _ . / (not at the start, no double slashes)."),
                code="identifier",
            )
        if identifier.rsplit("/", 1)[-1].lower() in RESERVED_ENDINGS:
            raise ValidationError(
                _("An identifier cannot end in /%(word)s."), params={"word": identifier.rsplit("/")[-1]}
            )
        taken = FundingCall.objects.filter(identifier__iexact=identifier).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("A funding call with this identifier already exists."), code="unique")
        return identifier

    def clean_currency(self):
        currency = (self.cleaned_data.get("currency") or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", currency):
            raise ValidationError(_("A currency is three letters, e.g. EUR or SEK."))
        return currency

    def clean_description_html(self):
        return sanitise(self.cleaned_data.get("description_html"))

    def clean_conditions_html(self):
        return sanitise(self.cleaned_data.get("conditions_html"))

    def clean(self):
        data = super().clean()
        pairs = [
            ("budget_min", "budget_max", _("The lowest budget per project is higher than the highest.")),
            ("duration_min_months", "duration_max_months", _("The shortest duration is longer than the longest.")),
            ("funding_rate_min", "funding_rate_max", _("The lowest funding rate is higher than the highest.")),
            ("min_countries", "min_partners", _("A consortium needs at least one partner in each country.")),
        ]
        for low, high, message in pairs:
            if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
                self.add_error(high, message)
        for name in ("funding_rate_min", "funding_rate_max"):
            if data.get(name) is not None and not 0 <= data[name] <= 100:
                self.add_error(name, _("A funding rate is a percentage from 0 to 100."))
        total, most = data.get("total_budget"), data.get("budget_max")
        if total is not None and most is not None and most > total:
            self.add_error("budget_max", _("The budget per project is higher than the call's total budget."))
        return data


class DeadlineForm(forms.Form):
    at = LocalDateTimeField(label=_("Deadline"), required=False, help_text=_("Local time in the deadline's zone."))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=[(zone, zone) for zone in TIME_ZONES], initial=BRUSSELS)
    label = forms.CharField(
        label=_("Label"), max_length=120, required=False, help_text=_("E.g. 'first stage' or 'cut-off 2'.")
    )

    def clean(self):
        data = super().clean()
        localise(self, data, ("at",))
        return data


class BaseDeadlineFormSet(forms.BaseFormSet):
    def deadlines(self) -> list[dict]:
        """The filled rows in the order entered: [{at (UTC), time_zone, label}]."""
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("at"):
                continue
            rows.append({"at": data["at"], "time_zone": data["time_zone"], "label": data.get("label", "")})
        return rows


DeadlineFormSet = forms.formset_factory(
    DeadlineForm, formset=BaseDeadlineFormSet, extra=2, max_num=MAX_DEADLINES, validate_max=True, can_delete=True
)


def check_deadlines(model: str, rows: list[dict]) -> list[str]:
    """What is wrong with the deadlines for the deadline model (empty: nothing). Rows are in the order entered."""
    times = [row["at"] for row in rows]
    if model == DeadlineModel.SINGLE_STAGE:
        if len(rows) != 1:
            return [_("A single-stage call has exactly one deadline; %(count)s are entered.") % {"count": len(rows)}]
    elif model == DeadlineModel.TWO_STAGE:
        if len(rows) != 2:
            return [
                _("A two-stage call has two deadlines, stage 1 and stage 2; %(count)s are entered.")
                % {"count": len(rows)}
            ]
        if times[1] <= times[0]:
            return [_("The stage 2 deadline must be after the stage 1 deadline.")]
    elif model == DeadlineModel.MULTIPLE_CUTOFF:
        if len(rows) < 2:
            return [_("A call with multiple cut-off dates needs at least two cut-offs.")]
        if any(later <= earlier for earlier, later in zip(times, times[1:], strict=False)):
            return [_("Enter the cut-off dates in increasing order, each after the one before.")]
    return []


def deadline_rows(model: str, rows: list[dict]) -> list[dict]:
    """The rows as services.save_call takes them: stage numbers by position."""
    return [{**row, "stage": number} for number, row in enumerate(rows, start=1)]


class FundingCallEditor:
    """The call form and its deadline formset, validated together and saved in one transaction."""

    def __init__(self, data=None, *, instance: FundingCall | None = None, user=None):
        self.instance = instance
        self.user = user
        self.form = FundingCallForm(data, instance=instance, prefix="call")
        initial = None
        if instance is not None and instance.pk and data is None:
            initial = [
                {"at": timezone.localtime(d.at, d.local_time().tzinfo).replace(tzinfo=None), **_zone_label(d)}
                for d in instance.deadlines.all()
            ]
        self.formset = DeadlineFormSet(data, initial=initial, prefix="deadlines")

    def is_valid(self) -> bool:
        valid = self.form.is_valid() & self.formset.is_valid()
        if not valid:
            return False
        model = self.form.cleaned_data.get("deadline_model") or DeadlineModel.SINGLE_STAGE
        problems = check_deadlines(model, self.formset.deadlines())
        if problems:
            self.formset._non_form_errors = self.formset.error_class(problems)
            return False
        return True

    def save(self) -> FundingCall:
        call = self.form.save(commit=False)
        if not call.pk:
            call.source = Source.MANUAL
            call.created_by = self.user
        if "cluster_organisations_eligible" in self.form.changed_data:
            call.cluster_eligibility_inferred = False  # a person has said it: the import keeps it
        if call.source == Source.EU_FUNDING_TENDERS:
            call.content_hash = ""  # the next import sees a change and writes the portal's text again
        model = self.form.cleaned_data["deadline_model"]
        return services.save_call(
            call,
            deadlines=deadline_rows(model, self.formset.deadlines()),
            ecosystems=list(self.form.cleaned_data.get("ecosystems") or []),
            tags=list(self.form.cleaned_data.get("tags") or []),
        )


def _zone_label(deadline) -> dict:
    return {"time_zone": deadline.time_zone, "label": deadline.label}
