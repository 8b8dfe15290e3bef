"""What a dashboard or report request is about: the programme, the "as of" day and the region, read from the query
string (`programme=<slug>&as_of=YYYY-MM-DD&region=<code>`) and limited to what the reader may see. The dashboard,
the regional view and every report read their scope here, so a download has exactly the figures of the page."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.models import Programme, Region

from .figures import Scope
from .permissions import dashboard_region_ids


class ScopeForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), to_field_name="slug", required=False
    )
    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The figures as they were at the end of this day."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), to_field_name="code", required=False, empty_label=_("All")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_region_ids = dashboard_region_ids(user)
        # Real programmes first; the demo programme only when picked (is_demo orders last).
        self.fields["programme"].queryset = Programme.objects.visible_to(user).order_by("is_demo", "-starts_on", "slug")
        regions = Region.objects.filter(country="SE", level=RegionLevel.COUNTY).order_by("code")
        if self.allowed_region_ids is not None:
            regions = regions.filter(pk__in=self.allowed_region_ids)
            self.fields["region"].empty_label = None  # a regional officer always looks at one of their regions
        self.fields["region"].queryset = regions


def scope_from_request(request, region=None) -> tuple[Scope | None, ScopeForm]:
    """The scope the request asks for, or None when the reader may see no programme or no region (then the caller
    answers 404 or shows the form's errors). `region`, when given (the regional view's URL), wins over the query."""
    form = ScopeForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if form.is_bound and form.errors:
        return None, form
    programme = data.get("programme") or form.fields["programme"].queryset.first()
    if programme is None:
        return None, form
    as_of = data.get("as_of") or timezone.localdate()
    chosen = region or data.get("region")
    allowed = form.allowed_region_ids
    if chosen is not None:
        if allowed is not None and chosen.pk not in allowed:
            return None, form
        region_ids = frozenset({chosen.pk})
    elif allowed is not None:
        region_ids = frozenset(allowed)
    else:
        region_ids = None
    return Scope(programme=programme, as_of=as_of, region_ids=region_ids), form
