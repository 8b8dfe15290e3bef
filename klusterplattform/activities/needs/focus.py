"""Focus areas of a programme: adopting the defaults as the programme's own, and the indicators one can cover."""

from django.db import transaction

from klusterplattform.excellence.choices import Direction
from klusterplattform.excellence.models import CatalogueVersion, Indicator

from ..models import FocusArea, FocusAreaIndicator, StatedPriority

FIELDS = ("code", "name_sv", "name_en", "description_sv", "description_en", "themes_sv", "themes_en", "position")


def own_focus_areas(programme):
    return FocusArea.objects.filter(programme=programme).prefetch_related("indicators")


def adopt_defaults(programme) -> list[FocusArea]:
    """Copy the default focus areas and their indicators into rows the programme owns (nothing when it has its
    own already); priorities already stated for a default in the programme's rounds move to its copy. One
    transaction."""
    with transaction.atomic():
        if FocusArea.objects.filter(programme=programme).exists():
            return list(own_focus_areas(programme))
        copies = []
        for default in FocusArea.objects.filter(programme__isnull=True).prefetch_related("indicators"):
            copy = FocusArea.objects.create(programme=programme, **{name: getattr(default, name) for name in FIELDS})
            for mapping in default.indicators.all():
                FocusAreaIndicator.objects.create(focus_area=copy, lineage=mapping.lineage)
            stated = StatedPriority.objects.filter(stated__round__programme=programme, focus_area=default)
            for priority in stated:  # saved one by one, so the audit trail records each move
                priority.focus_area = copy
                priority.save()
            copies.append(copy)
        return copies


def current_catalogue() -> CatalogueVersion | None:
    """The newest catalogue version (the one new rounds use)."""
    return CatalogueVersion.objects.order_by("-created_at", "-id").first()


def indicator_choices(catalogue=None) -> list[tuple[str, str]]:
    """(lineage, "CODE question") of the catalogue's judged indicators (benchmarked, not neutral)."""
    catalogue = catalogue or current_catalogue()
    if catalogue is None:
        return []
    indicators = Indicator.objects.filter(catalogue=catalogue).exclude(direction=Direction.NEUTRAL)
    return [(i.lineage, f"{i.code} {i.question}") for i in indicators.order_by("position", "code") if i.is_benchmarked]


def set_indicators(focus_area, lineages) -> None:
    """Make the focus area cover exactly `lineages` (call inside the form's transaction)."""
    wanted = set(lineages)
    focus_area.indicators.exclude(lineage__in=wanted).delete()
    have = set(focus_area.indicators.values_list("lineage", flat=True))
    for lineage in sorted(wanted - have):
        FocusAreaIndicator.objects.create(focus_area=focus_area, lineage=lineage)
