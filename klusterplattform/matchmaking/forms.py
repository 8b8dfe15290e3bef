"""Forms of the partner-search pages: publishing or changing a post, and expressing a cluster's interest in one.

Both only validate; the writes go through services.py (which checks the permission again). The cluster of a post and
of an expression of interest is chosen among the clusters the user manages.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.text import fold
from klusterplattform.funding.models import FundingCall
from klusterplattform.registry.countries import COUNTRY_NAMES
from klusterplattform.registry.models import ClusterOrganisation, Ecosystem, Region, SectoralIndustry, TechnologyField

from .choices import PartnerType, Purpose
from .models import PartnerInterest, PartnerSearch
from .permissions import managed_cluster_ids

MAX_DAYS_AHEAD = 366
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def country_choices():
    return sorted(((code, f"{name} ({code})") for code, name in COUNTRY_NAMES.items()), key=lambda c: str(c[1]))


class TermsField(forms.ModelMultipleChoiceField):
    """Taxonomy terms posted by their codes, as checkboxes labelled in the page's language."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="code", widget=forms.CheckboxSelectMultiple, required=False, **kwargs)


class RegionsField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            Region.objects.order_by("country", "code"),
            to_field_name="code",
            required=False,
            widget=forms.SelectMultiple(attrs={"size": 8}),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class FundingCallField(forms.ModelChoiceField):
    """A funding call typed by its identifier, among the calls the user sees that have not closed."""

    default_error_messages = {
        "invalid_choice": _("No open or forthcoming funding call in the register has this identifier."),
    }

    def __init__(self, **kwargs):
        super().__init__(FundingCall.objects.none(), to_field_name="identifier", widget=forms.TextInput, **kwargs)

    def to_python(self, value):
        return super().to_python(value.strip() if isinstance(value, str) else value)


class PartnerSearchForm(forms.ModelForm):
    cluster = forms.ModelChoiceField(queryset=ClusterOrganisation.objects.none(), label=_("Cluster organisation"))
    partner_types = forms.MultipleChoiceField(
        label=_("Partner types sought"),
        choices=PartnerType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked if any kind of partner is welcome."),
    )
    ecosystems = TermsField(Ecosystem.objects.all(), label=_("Industrial ecosystems"))
    sectors = TermsField(SectoralIndustry.objects.all(), label=_("Sectoral industries"))
    technology_fields = TermsField(TechnologyField.objects.all(), label=_("Technology fields"))
    countries_sought = forms.MultipleChoiceField(
        label=_("Countries sought"),
        choices=country_choices,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        required=False,
        help_text=_("None chosen means any country."),
    )
    regions_sought = RegionsField(label=_("Regions sought"), help_text=_("None chosen means any region."))
    funding_call = FundingCallField(
        label=_("Funding call"),
        required=False,
        help_text=_("The identifier of a call in the funding register, e.g. SMP-COSME-2024-CLUSTER-01."),
    )

    class Meta:
        model = PartnerSearch
        fields = [
            "cluster",
            "title",
            "offer",
            "seek",
            "partner_types",
            "ecosystems",
            "sectors",
            "technology_fields",
            "countries_sought",
            "regions_sought",
            "purpose",
            "funding_call",
            "expires_on",
        ]
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 5}),
            "seek": forms.Textarea(attrs={"rows": 5}),
            "expires_on": DATE_WIDGET,
        }
        help_texts = {
            "offer": _("What your cluster and its members bring to a partnership."),
            "seek": _("The partners, skills or resources you are looking for."),
            "purpose": _("For a funding call, give its identifier below."),
            "expires_on": _("The last day others can express interest; at most a year from today."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        clusters = ClusterOrganisation.objects.filter(pk__in=managed_cluster_ids(user)).order_by("name")
        self.fields["cluster"].queryset = clusters
        if self.instance.pk:
            del self.fields["cluster"]  # a post stays with its cluster
        elif len(self.fields["cluster"].queryset) == 1:
            self.fields["cluster"].initial = clusters[0].pk
            self.fields["cluster"].empty_label = None
        calls = FundingCall.objects.visible_to(user).not_closed()
        if self.instance.funding_call_id:
            calls = calls | FundingCall.objects.filter(pk=self.instance.funding_call_id)
        self.fields["funding_call"].queryset = calls
        if not self.instance.pk:
            self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(days=90)
        for name in ("title", "offer", "seek"):
            self.fields[name].required = True

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day < today:
            raise ValidationError(_("The open-until date cannot be in the past."), code="past")
        if day > today + datetime.timedelta(days=MAX_DAYS_AHEAD):
            raise ValidationError(_("A partner search can be open for at most a year."), code="too_far")
        return day

    def clean_partner_types(self):
        return list(self.cleaned_data.get("partner_types") or [])

    def clean_countries_sought(self):
        return sorted(set(self.cleaned_data.get("countries_sought") or []))

    def clean(self):
        data = super().clean()
        purpose, call = data.get("purpose"), data.get("funding_call")
        if purpose == Purpose.FUNDING_CALL and call is None and "funding_call" not in self.errors:
            self.add_error("funding_call", _("Give the funding call this partner search is for."))
        if purpose and purpose != Purpose.FUNDING_CALL and call is not None:
            self.add_error("funding_call", _("A funding call is given only when the purpose is a funding call."))
        return data

    def relations(self) -> dict:
        """The many-to-many choices as services.save_post takes them."""
        data = self.cleaned_data
        return {
            "ecosystems": list(data["ecosystems"]),
            "sectors": list(data["sectors"]),
            "technology_fields": list(data["technology_fields"]),
            "regions": list(data["regions_sought"]),
        }

    def post(self) -> PartnerSearch:
        """The unsaved post with the form's values (ModelForm.save(commit=False) without touching the relations)."""
        post = self.instance
        if "cluster" in self.fields:
            post.cluster = self.cleaned_data["cluster"]
        return post

    def _save_m2m(self):
        """Nothing to do here: services.save_post sets the relations, inside its transaction."""


class InterestForm(forms.ModelForm):
    cluster = forms.ModelChoiceField(
        queryset=ClusterOrganisation.objects.none(), label=_("On behalf of"), empty_label=None
    )

    class Meta:
        model = PartnerInterest
        fields = ["cluster", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 3000})}
        help_texts = {
            "message": _(
                "Tell the cluster why you are interested and what you bring. Your contact details are shared only "
                "if they accept."
            )
        }

    def __init__(self, *args, user, post, **kwargs):
        super().__init__(*args, **kwargs)
        ids = managed_cluster_ids(user) - {post.cluster_id}
        clusters = ClusterOrganisation.objects.filter(pk__in=ids).order_by("name")
        self.fields["cluster"].queryset = clusters
        if len(clusters) == 1:  # nothing to choose: the one cluster the user manages besides the post's
            del self.fields["cluster"]
            self.instance.cluster = clusters[0]

    def chosen_cluster(self):
        return self.cleaned_data.get("cluster") or self.instance.cluster

    def clean_message(self):
        message = (self.cleaned_data.get("message") or "").strip()
        if not message:
            raise ValidationError(_("Write a message to the cluster that published the search."), code="required")
        return message


class PostFilterForm(forms.Form):
    """The list's search and filters; an invalid value is left out (and named), never an error page."""

    SORTS = [("newest", _("Newest first")), ("expiring", _("Closing soonest first"))]

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    purpose = forms.ChoiceField(label=_("Purpose"), required=False, choices=[("", _("Any")), *Purpose.choices])
    partner_type = forms.ChoiceField(
        label=_("Partner type sought"), required=False, choices=[("", _("Any")), *PartnerType.choices]
    )
    ecosystem = forms.ModelChoiceField(
        label=_("Industrial ecosystem"),
        required=False,
        queryset=Ecosystem.objects.all(),
        to_field_name="code",
        empty_label=_("Any"),
    )
    country = forms.ChoiceField(label=_("Country sought"), required=False)
    mine = forms.BooleanField(label=_("Only my clusters' partner searches"), required=False)
    demo = forms.BooleanField(label=_("Include demo data"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORTS)

    def __init__(self, *args, managed_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.managed_ids = set(managed_ids)
        self.fields["country"].choices = [("", _("Any")), *country_choices()]
        if not self.managed_ids:
            del self.fields["mine"]

    def values(self) -> dict:
        """The valid filters (an invalid one is dropped; `errors` tells the page which)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}

    @property
    def is_filtered(self) -> bool:
        return any(name != "sort" for name in self.values())

    def apply(self, posts):
        values = self.values()
        for word in fold(values.get("q", "")).split():
            posts = posts.filter(search_text__contains=word)
        if values.get("purpose"):
            posts = posts.filter(purpose=values["purpose"])
        if values.get("partner_type"):  # a post seeking no particular type welcomes any
            posts = posts.filter(
                models.Q(partner_types=[]) | models.Q(partner_types__icontains=f'"{values["partner_type"]}"')
            )
        if values.get("ecosystem"):
            posts = posts.filter(ecosystems=values["ecosystem"])
        if values.get("country"):  # a post seeking no particular country welcomes any
            posts = posts.filter(
                models.Q(countries_sought=[]) | models.Q(countries_sought__icontains=f'"{values["country"]}"')
            )
        if values.get("mine"):
            posts = posts.filter(cluster_id__in=self.managed_ids)
        if not values.get("demo"):
            posts = posts.filter(cluster__is_demo=False)
        if values.get("sort") == "expiring":
            return posts.order_by("expires_on", "-created_at", "-pk")
        return posts.order_by("-created_at", "-pk")
