"""The map of Sweden by län: clusters and participating organisations per county, as a shaded SVG and a table.

A cluster counts in every län it is registered in, and its participants with it (so the counties' numbers do not
add up to the programme's totals). An organisation counts once per county however many of the county's clusters it
is in. A regional officer sees the numbers of their own län only; the other counties are drawn but not counted.
The county shapes are @svg-maps/sweden (CC BY 4.0, see sweden_map.py), credited wherever the map is shown.
"""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column
from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.models import ClusterOrganisation
from klusterplattform.registry.models.translated import in_language
from klusterplattform.registry.reference.regions import COUNTIES

from ..sweden_map import SHAPE_BY_CODE, SOURCE_URL, VIEW_BOX
from .population import scoped_cluster_ids

# A sequential, colour-blind-safe palette (ColorBrewer "Blues", 4 classes) after a pale grey for "no cluster".
NO_CLUSTER = "#f3f4f6"
OUTSIDE_SCOPE = "#ffffff"
PALETTE = ("#bdd7e7", "#6baed6", "#3182bd", "#08519c")


@dataclass(frozen=True)
class ShadeClass:
    low: int
    high: int
    colour: str


@dataclass(frozen=True)
class CountyFigures:
    code: str
    name_sv: str
    name_en: str
    path: str
    clusters: int | None  # None: outside the reader's regions, not counted
    organisations: int | None
    colour: str

    @property
    def name(self) -> str:
        return in_language(self, "name")

    @property
    def in_scope(self) -> bool:
        return self.clusters is not None


@dataclass(frozen=True)
class MapSection:
    as_of: datetime.date
    is_demo: bool
    view_box: str
    counties: tuple  # CountyFigures, in länskod order
    classes: tuple  # ShadeClass, lowest first (after "no cluster")
    source_url: str = SOURCE_URL

    @property
    def has_outside(self) -> bool:
        return any(not county.in_scope for county in self.counties)

    @property
    def no_cluster_colour(self) -> str:
        return NO_CLUSTER


def shade_classes(maximum: int) -> tuple:
    """Up to four classes of equal width from 1 to the largest count (1, 2, 3, 4 when the largest is 4 or less)."""
    if maximum <= 0:
        return ()
    bounds = sorted({math.ceil(maximum * step / len(PALETTE)) for step in range(1, len(PALETTE) + 1)})
    palette = PALETTE[len(PALETTE) - len(bounds) :]  # few classes: the darker end, so contrast stays high
    classes, low = [], 1
    for high, colour in zip(bounds, palette, strict=True):
        classes.append(ShadeClass(low, high, colour))
        low = high + 1
    return tuple(classes)


def colour_for(count: int | None, classes: tuple) -> str:
    if count is None:
        return OUTSIDE_SCOPE
    for shade in classes:
        if count <= shade.high and count >= shade.low:
            return shade.colour
    return NO_CLUSTER


def _county_filter(scope, path: str) -> dict:
    """The Swedish län (the reader's, for a regional officer) along `path` to the region."""
    condition = {f"{path}country": "SE", f"{path}level": RegionLevel.COUNTY}
    if scope.region_ids is not None:
        condition[f"{path}pk__in"] = scope.region_ids
    return condition


def _per_county(scope, ids) -> dict:
    """{länskod: (clusters, organisations)} in one query over the clusters' region links. (Measured at 5,000
    clusters: COUNT(DISTINCT) is as fast here as counting grouped pairs on SQLite, and faster on PostgreSQL.)"""
    path = "clusterorganisation__memberships__"
    day = scope.as_of
    active = (
        (Q(**{f"{path}joined__isnull": True}) | Q(**{f"{path}joined__lte": day}))
        & (Q(**{f"{path}left__isnull": True}) | Q(**{f"{path}left__gt": day}))
        & Q(**{f"{path}organisation__is_demo": scope.programme.is_demo})
    )
    links = ClusterOrganisation.regions.through.objects.filter(
        clusterorganisation_id__in=ids, **_county_filter(scope, "region__")
    )
    rows = (
        links.values("region__code")
        .annotate(
            clusters=Count("clusterorganisation_id", distinct=True),
            organisations=Count(f"{path}organisation_id", distinct=True, filter=active),
        )
        .order_by()
    )
    return {row["region__code"]: (row["clusters"], row["organisations"]) for row in rows}


def _visible_codes(scope) -> set | None:
    """The länskoder the reader may see, None for all (one small query only for regional officers)."""
    if scope.region_ids is None:
        return None
    from klusterplattform.registry.models import Region

    return set(Region.objects.filter(pk__in=scope.region_ids).values_list("code", flat=True))


def build(scope) -> MapSection:
    ids = scoped_cluster_ids(scope)
    figures = _per_county(scope, ids)
    visible = _visible_codes(scope)
    classes = shade_classes(max((clusters for clusters, _orgs in figures.values()), default=0))
    counties = []
    for county in COUNTIES:
        if visible is not None and county.code not in visible:
            clusters = organisations = None
        else:
            clusters, organisations = figures.get(county.code, (0, 0))
        shape = SHAPE_BY_CODE[county.code]
        colour = colour_for(clusters, classes)
        counties.append(
            CountyFigures(county.code, county.name_sv, county.name_en, shape.path, clusters, organisations, colour)
        )
    return MapSection(scope.as_of, scope.programme.is_demo, VIEW_BOX, tuple(counties), classes)


def sheets(section: MapSection) -> list:
    columns = [
        Column(_("Code"), lambda county: county.code),
        Column(_("County"), lambda county: county.name),
        Column(_("Clusters"), lambda county: county.clusters),
        Column(_("Participating organisations"), lambda county: county.organisations),
    ]
    return [(_("Clusters by county"), columns, section.counties)]
