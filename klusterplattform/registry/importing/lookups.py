"""Look-up tables the row checks need, each read from the database once per import (never once per row)."""

from django.utils.translation import gettext as _

from ..choices import RegionLevel
from ..models import ClusterOrganisation, Postcode, Region
from .cleaners import CellError


class Lookups:
    def __init__(self):
        self.regions: dict[str, int] = {}  # code, ISO 3166-2 code or NUTS-3 code (upper case) → region id
        self.counties: dict[str, int] = {}  # länskod → region id
        rows = Region.objects.values_list("id", "code", "level", "country", "iso_code", "nuts3_code")
        for region_id, code, level, country, iso_code, nuts3_code in rows:
            self.regions[code.upper()] = region_id
            if level == RegionLevel.COUNTY and country == "SE":
                self.counties[code] = region_id
            for alias in (iso_code, nuts3_code):
                if alias:
                    self.regions.setdefault(alias.upper(), region_id)
        self._clusters: dict[str, int | None] = {}
        self._postcodes: dict[str, str] | None = None

    def region_id(self, text: str) -> int:
        code = text.upper()
        if code.isdigit() and len(code) == 1:
            code = code.zfill(2)  # spreadsheets drop the leading zero of länskod 01
        region_id = self.regions.get(code)
        if region_id is None:
            raise CellError(
                _("“%(text)s” is not a region in the register (give a länskod or NUTS code).") % {"text": text}
            )
        return region_id

    def county_of_municipality(self, municipality_code: str) -> int | None:
        """A kommunkod's first two digits are its län's code (0180 Stockholm lies in län 01)."""
        return self.counties.get(municipality_code[:2])

    def cluster_id(self, slug: str) -> int:
        if slug not in self._clusters:
            self._clusters[slug] = ClusterOrganisation.objects.filter(slug=slug).values_list("id", flat=True).first()
        cluster_id = self._clusters[slug]
        if cluster_id is None:
            raise CellError(_("There is no cluster organisation with the slug “%(slug)s”.") % {"slug": slug})
        return cluster_id

    def municipality_of_postcode(self, postcode: str) -> str | None:
        if self._postcodes is None:
            self._postcodes = dict(Postcode.objects.values_list("code", "municipality_code"))
        return self._postcodes.get(postcode)
