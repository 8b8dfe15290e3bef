"""Forms of the tracking pages: the interest form (bookmark, intention, note, partners), the filters of "calls for
you" and of the officers' overview of intentions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.countries import COUNTRY_NAMES

from .choices import CallStatus
from .tracking import MAX_PARTNERS, NOTE_MAX, PartnerInput


def country_choices():
    return [("", _("Choose a country"))] + sorted(
        ((code, name) for code, name in COUNTRY_NAMES.items() if code not in ("EL", "UK")), key=lambda c: str(c[1])
    )


class InterestForm(forms.Form):
    bookmarked = forms.BooleanField(label=_("Bookmark this call"), required=False)
    intends_to_apply = forms.BooleanField(label=_("We intend to apply"), required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For your own team; officers of the programme do not see it in the overview."),
    )


class PartnerForm(forms.Form):
    name = forms.CharField(
        label=_("Partner"), max_length=200, required=False, help_text=_("Empty: the name of the cluster picked below.")
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, required=False)
    partner_cluster = forms.CharField(
        label=_("Cluster on the platform"),
        max_length=120,
        required=False,
        help_text=_("Optional: the cluster's address name on the platform (the last part of its profile address)."),
    )
    note = forms.CharField(label=_("Note on the partner"), max_length=300, required=False)

    def has_content(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return any((data.get(f) or "").strip() for f in ("name", "country", "partner_cluster", "note"))

    def partner(self) -> PartnerInput:
        data = self.cleaned_data
        return PartnerInput(
            name=data.get("name", ""),
            country=data.get("country", ""),
            partner_cluster=data.get("partner_cluster") or None,
            note=data.get("note", ""),
        )


class BasePartnerFormSet(forms.BaseFormSet):
    def partners(self) -> list[PartnerInput]:
        """The partners to keep: every filled-in form not marked for deletion."""
        return [
            form.partner()
            for form in self.forms
            if form.has_content() and not (self.can_delete and self._should_delete_form(form))
        ]


PartnerFormSet = forms.formset_factory(
    PartnerForm,
    formset=BasePartnerFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_PARTNERS,
    validate_max=True,
    absolute_max=MAX_PARTNERS + 10,
)


class _Filters(forms.Form):
    def is_filtered(self) -> bool:
        return self.is_bound and self.is_valid() and any(v not in (None, "", False) for v in self.cleaned_data.values())

    def value(self, name, default=None):
        if self.is_bound and self.is_valid():
            value = self.cleaned_data.get(name)
            return default if value in (None, "") else value
        return default


class CallsForYouFilterForm(_Filters):
    min_fit = forms.IntegerField(
        label=_("Minimum fit (%)"),
        min_value=0,
        max_value=100,
        required=False,
        widget=forms.NumberInput(attrs={"step": 5}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Open and forthcoming")),
            (CallStatus.OPEN, _("Open")),
            (CallStatus.FORTHCOMING, _("Forthcoming")),
        ],
    )
    tracked = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All fitting calls")),
            ("bookmarked", _("Bookmarked only")),
            ("intending", _("We intend to apply")),
        ],
    )
    eligible = forms.BooleanField(label=_("Only calls we are eligible for"), required=False)


INTENTION_SORTS = {
    "deadline": ("call__closes_at", "call__identifier", "cluster__sort_name"),
    "call": ("call__identifier", "cluster__sort_name"),
    "cluster": ("cluster__sort_name", "call__closes_at", "call__identifier"),
    "updated": ("-updated_at", "pk"),
}


class IntentionFilterForm(_Filters):
    call = forms.CharField(
        label=_("Call"), required=False, max_length=120, help_text=_("Identifier or part of it, e.g. I3-2024.")
    )
    cluster = forms.CharField(label=_("Cluster"), required=False, max_length=120, help_text=_("Name or part of it."))
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("Intentions and bookmarks")),
            ("intending", _("Intend to apply")),
            ("bookmarked", _("Bookmarked")),
        ],
    )
    open_only = forms.BooleanField(label=_("Only calls not yet closed"), required=False)
    demo = forms.BooleanField(label=_("Include demo data"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("deadline", _("Closing date")),
            ("call", _("Call identifier")),
            ("cluster", _("Cluster")),
            ("updated", _("Last changed")),
        ],
    )
