"""Catalogue documents: every kind of problem is reported with its path and nothing is written; export and import
round-trip."""

import copy

import pytest
from django.utils import translation

from klusterplattform.excellence.catalogue.io import (
    CatalogueImportError,
    export_catalogue,
    import_catalogue,
    validate_document,
)
from klusterplattform.excellence.models import CatalogueVersion, Indicator
from klusterplattform.excellence.tests.factories import small_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def document(**changes) -> dict:
    """A valid two-indicator document; `changes` replace top-level fields."""
    data = {
        "format": "klusterplattform-catalogue",
        "format_version": 1,
        "code": "new-version",
        "name_sv": "Ny version",
        "name_en": "New version",
        "description_sv": "",
        "description_en": "",
        "previous": None,
        "indicators": [
            {
                "code": "N1",
                "area": "structure",
                "position": 1,
                "question_sv": "Hur många?",
                "question_en": "How many?",
                "help_sv": "",
                "help_en": "",
                "answer_type": "number",
                "unit_sv": "st",
                "unit_en": "pcs",
                "direction": "higher",
                "options": [],
                "minimum": 0,
                "maximum": None,
                "is_required": True,
                "prefill": "participants_total",
                "previous": None,
            },
            {
                "code": "C1",
                "area": "governance",
                "position": 2,
                "question_sv": "Vilken?",
                "question_en": "Which?",
                "answer_type": "choice",
                "direction": "higher",
                "options": [
                    {"code": "a", "sv": "A", "en": "A", "score": 0},
                    {"code": "b", "sv": "B", "en": "B", "score": 1.5},
                ],
            },
        ],
    }
    data.update(changes)
    return data


def with_indicator(index: int, **changes) -> dict:
    data = document()
    data["indicators"][index].update(changes)
    return data


def with_option(index: int, **changes) -> dict:
    data = document()
    data["indicators"][1]["options"][index].update(changes)
    return data


def problems(data) -> dict[str, str]:
    return {error.path: error.message for error in validate_document(data)}


def test_a_valid_document_has_no_problems():
    assert validate_document(document()) == []


@pytest.mark.parametrize(
    ("data", "path", "reason"),
    [
        (["not", "an", "object"], "", "must be a JSON object"),
        (document(format="csv"), "format", "klusterplattform-catalogue"),
        (document(format_version=2), "format_version", "Must be 1"),
        (document(code=""), "code", "required"),
        (document(code="has spaces"), "code", "letters, digits"),
        (document(name_en=""), "name_en", "required"),
        (document(name_sv=12), "name_sv", "Must be text"),
        (document(extra=True), "extra", "Unknown field"),
        (document(previous="no-such-version"), "previous", "no catalogue version"),
        (document(indicators=[]), "indicators", "at least one indicator"),
        (document(indicators=["N1"]), "indicators[0]", "must be a JSON object"),
        (with_indicator(0, code="C1"), "indicators[1].code", "more than one indicator"),
        (with_indicator(0, code="bad code!"), "indicators[0].code", "letters, digits"),
        (with_indicator(0, area="weather"), "indicators[0].area", "Unknown value"),
        (with_indicator(0, answer_type="slider"), "indicators[0].answer_type", "Unknown value"),
        (with_indicator(0, direction="up"), "indicators[0].direction", "Unknown value"),
        (with_indicator(0, prefill="turnover"), "indicators[0].prefill", "Unknown value"),
        (with_indicator(1, prefill="sme_share"), "indicators[1].prefill", "Only number and share"),
        (with_indicator(0, position=-1), "indicators[0].position", "whole number"),
        (with_indicator(0, question_en=" "), "indicators[0].question_en", "required"),
        (with_indicator(0, is_required="yes"), "indicators[0].is_required", "true or false"),
        (with_indicator(0, minimum="many"), "indicators[0].minimum", "Must be a number"),
        (with_indicator(0, minimum=10, maximum=5), "indicators[0].maximum", "smaller than the minimum"),
        (with_indicator(1, maximum=3), "indicators[1].maximum", "Only number and share"),
        (
            with_indicator(0, options=[{"code": "a", "sv": "A", "en": "A", "score": 0}]),
            "indicators[0].options",
            "Only choice",
        ),
        (with_indicator(1, options=[]), "indicators[1].options", "at least two options"),
        (with_indicator(1, options="a,b"), "indicators[1].options", "Must be a list"),
        (with_indicator(1, colour="red"), "indicators[1].colour", "Unknown field"),
        (with_option(1, code="a"), "indicators[1].options[1].code", "more than once"),
        (with_option(1, score="high"), "indicators[1].options[1].score", "Must be a number"),
        (with_option(1, score=True), "indicators[1].options[1].score", "Must be a number"),
        (with_option(0, en=""), "indicators[1].options[0].en", "required"),
        (with_indicator(0, previous="S1"), "indicators[0].previous", "when the catalogue names one"),
    ],
)
def test_each_kind_of_problem_is_reported_with_its_path(data, path, reason):
    found = problems(data)
    assert path in found, found
    assert reason.lower() in found[path].lower()


def test_an_existing_code_is_refused_because_an_import_always_creates_a_new_version():
    small_catalogue(code="taken")
    assert "already exists" in problems(document(code="taken"))["code"]


@pytest.fixture
def old():
    return small_catalogue(code="old")


def test_a_mapped_indicator_must_exist_in_the_previous_version(old):
    data = document(previous="old")
    data["indicators"][0]["previous"] = "NOPE"
    assert "has no indicator NOPE" in problems(data)["indicators[0].previous"]


def test_an_indicator_of_the_previous_version_can_be_mapped_only_once(old):
    data = document(previous="old")
    data["indicators"].append({**copy.deepcopy(data["indicators"][0]), "code": "N2", "previous": "S1"})
    data["indicators"][0]["previous"] = "S1"
    assert "already mapped by N1" in problems(data)["indicators[2].previous"]


def test_a_mapped_indicator_must_keep_its_answer_type(old):
    data = document(previous="old")
    data["indicators"][0]["previous"] = "G1"  # a choice in the old version, a number here
    assert "answer type choice" in problems(data)["indicators[0].previous"]


def test_a_version_that_is_already_replaced_cannot_be_replaced_again(old):
    import_catalogue(document(code="first-successor", previous="old"))
    assert "already replaced by first-successor" in problems(document(previous="old"))["previous"]


def test_every_problem_is_listed_and_nothing_is_written():
    data = document(format_version=3)
    data["indicators"][0]["area"] = "nowhere"
    data["indicators"][1]["options"] = []
    versions, indicators = CatalogueVersion.objects.count(), Indicator.objects.count()
    with pytest.raises(CatalogueImportError) as raised:
        import_catalogue(data)
    assert {e.path for e in raised.value.errors} == {
        "format_version",
        "indicators[0].area",
        "indicators[1].options",
    }
    assert (CatalogueVersion.objects.count(), Indicator.objects.count()) == (versions, indicators)


def test_an_import_creates_a_new_version_with_its_indicators_and_lineages():
    version = import_catalogue(document())
    assert list(version.indicators.values_list("code", "lineage")) == [
        ("N1", "new-version:N1"),
        ("C1", "new-version:C1"),
    ]
    assert version.indicators.get(code="C1").options[1]["score"] == 1.5


def test_an_export_imported_under_a_new_code_gives_identical_indicators():
    original = import_catalogue(document(description_en="Notes", description_sv="Anteckningar"))
    exported = export_catalogue(original)
    copy_version = import_catalogue({**exported, "code": "copy"})
    assert {**export_catalogue(copy_version), "code": exported["code"]} == exported


def test_the_default_catalogue_round_trips():
    exported = export_catalogue(CatalogueVersion.objects.get(code="kp-2026"))
    copy_version = import_catalogue({**exported, "code": "kp-copy"})
    assert export_catalogue(copy_version)["indicators"] == exported["indicators"]


def test_an_export_imported_as_the_next_version_maps_every_indicator_to_itself():
    original = import_catalogue(document())
    exported = export_catalogue(original)
    indicators = [{**item, "previous": item["code"]} for item in exported["indicators"]]
    successor = import_catalogue({**exported, "code": "next", "previous": original.code, "indicators": indicators})
    assert successor.previous == original
    assert set(successor.indicators.values_list("lineage", flat=True)) == {"new-version:N1", "new-version:C1"}
