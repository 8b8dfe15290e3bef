"""Forms for editing a cluster's profile and its member register (the writes go through registry/services.py)."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import MembershipKind
from .models import ClusterOrganisation, Region, S3PriorityArea
from .services import PROFILE_FIELDS, PUBLISH_FIELD, RELATION_MODELS


class TermChoiceField(forms.ModelMultipleChoiceField):
    """Terms posted by their codes (as the API names them), labelled in the page's language."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="code", widget=forms.CheckboxSelectMultiple, **kwargs)


class RegionChoiceField(TermChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class AreaChoiceField(TermChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} – {obj.region.name}"


def _form_field(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"  # "example.se" means https://example.se
    return model_field.formfield(**kwargs)


class ClusterProfileForm(forms.ModelForm):
    """The editable facts of a cluster's profile; `is_published` only for those who may publish."""

    class Meta:
        model = ClusterOrganisation
        formfield_callback = _form_field
        fields = [*PROFILE_FIELDS, *RELATION_MODELS, PUBLISH_FIELD]
        field_classes = {
            "regions": RegionChoiceField,
            "ecosystems": TermChoiceField,
            "sectors": TermChoiceField,
            "technology_fields": TermChoiceField,
            "s3_priority_areas": AreaChoiceField,
        }
        widgets = {
            "founded": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
            "strengths": forms.Textarea(attrs={"rows": 4}),
            "strategy": forms.Textarea(attrs={"rows": 4}),
            "management_fte": forms.NumberInput(attrs={"step": "0.05", "min": "0"}),
        }
        help_texts = {
            "name": _("The name the cluster organisation is known by."),
            "legal_name": _("The registered name of the legal entity, if it differs."),
            "organisation_number": _("Swedish organisation number, NNNNNN-NNNN."),
            "website": _("The full address, starting with https://."),
            "website_in_english": _("Tick if the website has pages in English (an ECCP criterion)."),
            "founded": _("The date the cluster organisation was founded."),
            "description": _("What the cluster does and for whom; shown first on the public profile."),
            "management_fte": _("Full-time equivalents working on cluster management, e.g. 1.5."),
            "eccp_profile_url": _("The address of the profile on the European Cluster Collaboration Platform."),
            "regions": _("The regions the cluster organisation works in."),
            "s3_priority_areas": _(
                "Smart-specialisation priority areas of the cluster's regions. Save new regions first to choose "
                "among their areas."
            ),
            "is_published": _("Unpublished profiles are seen only by the cluster's managers and programme staff."),
        }

    def __init__(self, *args, may_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields[PUBLISH_FIELD]
        cluster = self.instance
        regions = Region.objects.filter(Q(country=cluster.country) | Q(clusters=cluster)).distinct()
        self.fields["regions"].queryset = regions.order_by("level", "code")
        areas = S3PriorityArea.objects.filter(Q(region__clusters=cluster) | Q(clusters=cluster)).distinct()
        self.fields["s3_priority_areas"].queryset = areas.select_related("region").order_by("region__code", "position")

    def changes(self) -> dict:
        """The changed fields as update_cluster_profile takes them: linked terms as lists of codes."""
        changes = {}
        for name in self.changed_data:
            value = self.cleaned_data[name]
            changes[name] = [term.code for term in value] if name in RELATION_MODELS else value
        return changes


class AddMembershipForm(forms.Form):
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=60,
        help_text=_(
            "The organisation's stable key in the registry (e.g. SE:556677-8899) or its Swedish organisation number."
        ),
    )
    kind = forms.ChoiceField(label=_("Kind of membership"), choices=MembershipKind.choices)
    joined = forms.DateField(
        label=_("Joined"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The first day of the membership."),
    )


class EndMembershipForm(forms.Form):
    left = forms.DateField(
        label=_("Ends on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("From this day on the organisation no longer counts as a member."),
    )
