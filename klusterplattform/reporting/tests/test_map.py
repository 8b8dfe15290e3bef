"""The map section: the 21 county shapes from @svg-maps/sweden with their numbers, shading, table and credit."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from klusterplattform.registry.reference.regions import COUNTIES
from klusterplattform.reporting import sweden_map
from klusterplattform.reporting.figures import map as map_section
from klusterplattform.reporting.tests import world_population

D = datetime.date
T = D(2021, 6, 15)


@pytest.fixture
def world(db):
    return world_population.build()


def figures(section):
    return {county.code: (county.clusters, county.organisations) for county in section.counties}


def test_the_shapes_cover_the_21_counties_once():
    assert len(sweden_map.SHAPES) == 21
    assert {shape.code for shape in sweden_map.SHAPES} == {county.code for county in COUNTIES}
    assert sweden_map.VIEW_BOX == "0 0 346 793"
    assert all(shape.path.startswith("m ") and shape.path.endswith("z") for shape in sweden_map.SHAPES)


def test_counts_per_county(world):
    section = map_section.build(world_population.scope(world, T))
    counts = figures(section)
    assert counts["01"] == (1, 5)  # A: o1 o2 o4 o5 o7
    assert counts["12"] == (2, 5)  # B and C: o1 o3 o6 | o3 o9 o10
    assert counts["25"] == (1, 3)  # C: o3 o9 o10
    assert counts["14"] == (0, 0)
    assert len(counts) == 21


def test_shading_classes_for_a_largest_count_of_two(world):
    section = map_section.build(world_population.scope(world, T))
    assert [(shade.low, shade.high) for shade in section.classes] == [(1, 1), (2, 2)]
    colours = {county.code: county.colour for county in section.counties}
    assert colours["12"] == map_section.PALETTE[-1]  # the darkest for the most clusters
    assert colours["01"] == colours["25"] == map_section.PALETTE[-2]
    assert colours["14"] == map_section.NO_CLUSTER


def test_shade_classes_of_equal_width():
    assert [(s.low, s.high) for s in map_section.shade_classes(10)] == [(1, 3), (4, 5), (6, 8), (9, 10)]
    assert map_section.shade_classes(0) == ()


def test_regional_officer_sees_only_their_county(world):
    section = map_section.build(world_population.scope(world, T, region_codes=["12"]))
    counts = figures(section)
    assert counts["12"] == (2, 5)
    assert counts["01"] == counts["25"] == (None, None)
    assert section.has_outside


def test_demo_programme_map(world):
    section = map_section.build(world_population.scope(world, T, programme="demo_programme"))
    assert figures(section)["01"] == (1, 1)  # X with d1; A is real and not counted
    assert figures(section)["12"] == (0, 0)


def test_the_svg_has_21_paths_titles_and_the_credit(world):
    section = map_section.build(world_population.scope(world, T))
    with translation.override("en"):
        html = render_to_string("reporting/sections/map.html", {"section": section})
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<desc" in svg
    assert len(re.findall(r"<path ", svg)) == 21
    assert "<title>Skåne County: 2 clusters, 5 participating organisations</title>" in svg
    assert "<title>Stockholm County: 1 cluster, 5 participating organisations</title>" in svg
    assert " ".join(strip_tags(html).split()).count("Map: @svg-maps/sweden by Victor Cazanave, CC BY 4.0") == 1
    assert 'href="https://github.com/VictorCazanave/svg-maps"' in html
    table = html[html.index("<table") : html.index("</table>")]
    assert len(re.findall(r"<tr data-county=", table)) == 21
