"""Catalogue versions: immutable once used, mapped to their predecessor, and comparable through the lineage."""

import pytest

from klusterplattform.excellence.catalogue.io import export_catalogue, import_catalogue
from klusterplattform.excellence.catalogue.versions import current_catalogue
from klusterplattform.excellence.models import CatalogueInUse, CatalogueVersion, Indicator
from klusterplattform.excellence.tests.factories import (
    AssessmentFactory,
    IndicatorFactory,
    RoundFactory,
    small_catalogue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["assessment", "round"])
def used_catalogue(request):
    catalogue = small_catalogue()
    if request.param == "assessment":
        AssessmentFactory(round=RoundFactory(catalogue=catalogue))
    else:
        RoundFactory(catalogue=catalogue)
    return catalogue


def test_an_indicator_of_a_used_version_cannot_be_changed(used_catalogue):
    indicator = used_catalogue.indicators.get(code="S1")
    indicator.question_en = "Something else?"
    with pytest.raises(CatalogueInUse):
        indicator.save()
    assert Indicator.objects.get(pk=indicator.pk).question_en != "Something else?"


def test_an_indicator_of_a_used_version_cannot_be_deleted(used_catalogue):
    indicator = used_catalogue.indicators.get(code="S1")
    with pytest.raises(CatalogueInUse):
        indicator.delete()
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_no_indicator_can_be_added_to_a_used_version(used_catalogue):
    with pytest.raises(CatalogueInUse):
        IndicatorFactory(catalogue=used_catalogue, code="NEW")


def test_a_used_version_cannot_be_deleted(used_catalogue):
    with pytest.raises(CatalogueInUse):
        used_catalogue.delete()
    assert CatalogueVersion.objects.filter(pk=used_catalogue.pk).exists()


def test_an_unused_version_can_still_be_corrected_and_deleted():
    catalogue = small_catalogue()
    indicator = catalogue.indicators.get(code="S1")
    indicator.question_en = "Corrected?"
    indicator.save()
    catalogue.delete()
    assert not CatalogueVersion.objects.filter(pk=catalogue.pk).exists()


def _next_version(previous, code, mapping: dict[str, str | None]):
    """A new version from `previous`'s export under `code`; mapping: new code → previous code, or None for a new
    indicator (a copy of the first one)."""
    document = export_catalogue(previous)
    by_code = {item["code"]: item for item in document["indicators"]}
    first = document["indicators"][0]
    indicators = [
        {**by_code.get(old_code, first), "code": new_code, "previous": old_code}
        for new_code, old_code in mapping.items()
    ]
    return import_catalogue({**document, "code": code, "previous": previous.code, "indicators": indicators})


def test_a_mapped_indicator_continues_the_lineage_of_the_one_it_maps_to():
    first = small_catalogue(code="v1")
    second = _next_version(first, "v2", {"S1-renamed": "S1", "S2": "S2", "S9": None})
    renamed = second.indicators.get(code="S1-renamed")
    assert renamed.previous == first.indicators.get(code="S1")
    assert renamed.lineage == "v1:S1"
    assert second.indicators.get(code="S9").lineage == "v2:S9"  # a new indicator starts its own lineage


def test_the_lineage_follows_the_chain_over_several_versions():
    first = small_catalogue(code="v1")
    second = _next_version(first, "v2", {"A": "S1", "S2": "S2"})
    third = _next_version(second, "v3", {"B": "A"})
    assert third.indicators.get(code="B").lineage == "v1:S1"
    assert third.previous == second and second.previous == first


def test_results_are_comparable_across_versions_by_lineage():
    first = small_catalogue(code="v1")
    second = _next_version(first, "v2", {"X1": "S1", "S2": "S2"})
    old_answer = AssessmentFactory(round=RoundFactory(catalogue=first))
    new_answer = AssessmentFactory(round=RoundFactory(catalogue=second))
    lineages = {
        assessment.pk: set(assessment.catalogue.indicators.values_list("lineage", flat=True))
        for assessment in (old_answer, new_answer)
    }
    assert lineages[old_answer.pk] & lineages[new_answer.pk] == {"v1:S1", "v1:S2"}


def test_a_new_version_can_replace_one_that_is_in_use_without_changing_it():
    first = small_catalogue(code="v1")
    AssessmentFactory(round=RoundFactory(catalogue=first))
    before = export_catalogue(first)
    _next_version(first, "v2", {"S1": "S1"})
    assert export_catalogue(first) == before


def test_the_current_catalogue_is_the_newest_version():
    small_catalogue(code="older")
    newest = small_catalogue(code="newest")
    assert current_catalogue() == newest
