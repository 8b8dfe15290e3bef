"""The regional report: the region's own figures (figures/regional.py: its S3 priority areas, the clusters
prioritised in each, their members in the region, labels, benchmark position, activities, and the share of the
region's areas covered) first, then every dashboard section limited to the region."""

from django.template.loader import select_template

from ..figures import build_all, section_module
from .programme import SHEETS_TEMPLATE, ShownSection, section_sheets, table_of

REGIONAL_TEMPLATE = "reporting/sections/regional.html"


def build_region_report(scope, region):
    """(the regional section, the dashboard sections for the region); `scope` is already limited to the region."""
    return section_module("regional").build_region(scope, region), build_all(scope)


def shown_regional(section) -> ShownSection:
    template = select_template([REGIONAL_TEMPLATE, SHEETS_TEMPLATE]).template.name
    sheets = section_module("regional").sheets(section) if template == SHEETS_TEMPLATE else []
    tables = [table_of(sheet) for sheet in sheets]
    return ShownSection("regional", section, template, tables)


def region_sheets(regional_section, built) -> list:
    return list(section_module("regional").sheets(regional_section)) + section_sheets(built)
