"""The directory filter: one function used by the cluster directory page, the API and exports."""

from dataclasses import dataclass, fields

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from klusterplattform.core.text import search_terms

SORTS = {
    "name": ("sort_name", "id"),
    "-name": ("-sort_name", "-id"),
    "founded": ("founded", "sort_name", "id"),
    "-founded": ("-founded", "sort_name", "id"),
    "updated": ("-updated_at", "id"),
}
DEMO_CHOICES = ("", "exclude", "only")
LABEL_LEVELS = ("bronze", "silver", "gold")


@dataclass(frozen=True)
class ClusterFilter:
    q: str = ""
    region: str = ""
    country: str = ""
    ecosystem: str = ""
    sector: str = ""
    label: str = ""
    programme: str = ""
    demo: str = ""
    sort: str = "name"

    @classmethod
    def from_params(cls, params) -> "ClusterFilter":
        """Build from request.GET or API query parameters; unknown values are ignored, not errors."""
        values = {f.name: (params.get(f.name) or "").strip()[:100] for f in fields(cls)}
        if values["sort"] not in SORTS:
            values["sort"] = "name"
        if values["demo"] not in DEMO_CHOICES:
            values["demo"] = ""
        if values["label"] not in LABEL_LEVELS:
            values["label"] = ""
        values["country"] = values["country"].upper()[:2]
        return cls(**values)

    def is_filtered(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "sort")

    def apply(self, queryset: QuerySet) -> QuerySet:
        for word in search_terms(self.q):
            queryset = queryset.filter(search_text__contains=word)
        # Many-to-many filters use EXISTS rather than joins, so no row is repeated and no DISTINCT is needed.
        through = queryset.model
        if self.region:
            regions = through.regions.through.objects.filter(clusterorganisation_id=OuterRef("pk"))
            queryset = queryset.filter(
                Exists(regions.filter(Q(region__code=self.region) | Q(region__nuts2_code=self.region)))
            )
        if self.country:
            queryset = queryset.filter(country=self.country)
        if self.ecosystem:
            links = through.ecosystems.through.objects.filter(clusterorganisation_id=OuterRef("pk"))
            queryset = queryset.filter(Exists(links.filter(ecosystem__code=self.ecosystem)))
        if self.sector:
            links = through.sectors.through.objects.filter(clusterorganisation_id=OuterRef("pk"))
            queryset = queryset.filter(Exists(links.filter(sectoralindustry__code=self.sector)))
        if self.programme:
            from .models import ProgrammeParticipation

            links = ProgrammeParticipation.objects.filter(cluster_id=OuterRef("pk"), programme__slug=self.programme)
            queryset = queryset.filter(Exists(links))
        if self.label:
            from django.apps import apps

            label_model = apps.get_model("excellence", "Label")
            today = timezone.localdate()
            valid = label_model.objects.valid_on(today).filter(cluster_id=OuterRef("pk"), level=self.label)
            queryset = queryset.filter(Exists(valid))
        if self.demo == "exclude":
            queryset = queryset.filter(is_demo=False)
        elif self.demo == "only":
            queryset = queryset.filter(is_demo=True)
        return queryset.order_by(*SORTS[self.sort])

    def as_query(self, **changes) -> str:
        """The filter as a query string, e.g. for paging links; empty values are left out."""
        from urllib.parse import urlencode

        values = {f.name: getattr(self, f.name) for f in fields(self)} | changes
        return urlencode({k: v for k, v in values.items() if v and not (k == "sort" and v == "name")})
