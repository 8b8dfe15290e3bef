"""The default catalogue "kp-2026" that the migration loads: 36 indicators over all areas and answer types."""

import json
from pathlib import Path

import pytest

from klusterplattform.excellence.catalogue.io import validate_document
from klusterplattform.excellence.catalogue.versions import current_catalogue
from klusterplattform.excellence.choices import AnswerType, Area, PrefillSource
from klusterplattform.excellence.models import CatalogueVersion

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "catalogue" / "default_catalogue.json"
# The fixed codes (the lead's indicator table): other parts of the module refer to them by lineage.
FIXED_TABLE = {
    "STR-01": ("structure", "number", "higher"),
    "STR-02": ("structure", "number", "higher"),
    "STR-03": ("structure", "share", "higher"),
    "STR-04": ("structure", "number", "higher"),
    "STR-05": ("structure", "share", "neutral"),
    "STR-06": ("structure", "number", "higher"),
    "GOV-01": ("governance", "number", "higher"),
    "GOV-02": ("governance", "number", "higher"),
    "GOV-03": ("governance", "choice", "higher"),
    "GOV-04": ("governance", "number", "higher"),
    "GOV-05": ("governance", "yes_no", "higher"),
    "FIN-01": ("financing", "number", "higher"),
    "FIN-02": ("financing", "share", "lower"),
    "FIN-03": ("financing", "share", "higher"),
    "FIN-04": ("financing", "choice", "higher"),
    "STG-01": ("strategy", "yes_no", "higher"),
    "STG-02": ("strategy", "evidence", "neutral"),
    "STG-03": ("strategy", "number", "higher"),
    "STG-04": ("strategy", "choice", "higher"),
    "SRV-01": ("services", "multiple", "higher"),
    "SRV-02": ("services", "number", "higher"),
    "SRV-03": ("services", "number", "higher"),
    "SRV-04": ("services", "yes_no", "higher"),
    "SRV-05": ("services", "share", "higher"),
    "INT-01": ("interaction", "choice", "higher"),
    "INT-02": ("interaction", "share", "higher"),
    "INT-03": ("interaction", "number", "higher"),
    "INT-04": ("interaction", "multiple", "higher"),
    "ACH-01": ("achievements", "text", "neutral"),
    "ACH-02": ("achievements", "number", "higher"),
    "ACH-03": ("achievements", "number", "higher"),
    "ACH-04": ("achievements", "number", "higher"),
    "TRN-01": ("transitions", "choice", "higher"),
    "TRN-02": ("transitions", "choice", "higher"),
    "TRN-03": ("transitions", "yes_no", "higher"),
    "TRN-04": ("transitions", "number", "higher"),
}


@pytest.fixture
def default(db):
    return CatalogueVersion.objects.get(code="kp-2026")


def test_the_migration_loads_36_indicators_covering_every_area_and_answer_type(default):
    indicators = list(default.indicators.all())
    assert len(indicators) == 36
    assert {i.area for i in indicators} == set(Area.values)
    assert {i.answer_type for i in indicators} == set(AnswerType.values)


def test_every_question_and_help_text_is_written_in_both_languages(default):
    for indicator in default.indicators.all():
        for field in ("question_sv", "question_en", "help_sv", "help_en"):
            assert getattr(indicator, field).strip(), (indicator.code, field)
        assert indicator.question_sv != indicator.question_en, indicator.code


def test_the_default_catalogue_is_the_current_one_after_migrating(default):
    assert current_catalogue() == default


def test_each_indicator_starts_its_own_lineage_under_the_catalogue_code(default):
    for indicator in default.indicators.all():
        assert indicator.lineage == f"kp-2026:{indicator.code}"
        assert indicator.previous_id is None


def test_only_the_strategy_document_is_optional(default):
    assert list(default.indicators.filter(is_required=False).values_list("code", flat=True)) == ["STG-02"]


def test_choice_and_multiple_indicators_have_options_in_both_languages_and_choices_score_from_zero(default):
    for indicator in default.indicators.filter(answer_type__in=["choice", "multiple"]):
        assert len(indicator.options) >= 2
        assert all(option["sv"] and option["en"] for option in indicator.options)
        if indicator.answer_type == "choice":
            assert [option["score"] for option in indicator.options] == list(range(len(indicator.options)))


def test_the_registry_backed_indicators_are_pre_filled_from_their_sources(default):
    prefilled = dict(default.indicators.exclude(prefill="").values_list("code", "prefill"))
    assert prefilled == {
        "STR-01": PrefillSource.PARTICIPANTS_TOTAL,
        "STR-02": PrefillSource.DEDICATED_MEMBERS,
        "STR-03": PrefillSource.SME_SHARE,
        "STR-04": PrefillSource.RESEARCH_PARTICIPANTS,
        "STR-05": PrefillSource.REGIONAL_CONCENTRATION,
        "STR-06": PrefillSource.LARGE_COMPANIES,
        "GOV-01": PrefillSource.ORGANISATION_AGE,
        "GOV-02": PrefillSource.MANAGEMENT_FTE,
    }


def test_the_description_says_the_official_indicator_texts_are_not_public(default):
    assert "not public" in default.description_en and "Klusterplattform" in default.description_en
    assert "inte offentliga" in default.description_sv


def test_codes_areas_types_and_directions_follow_the_fixed_indicator_table(default):
    actual = {i.code: (i.area, i.answer_type, i.direction) for i in default.indicators.all()}
    assert actual == FIXED_TABLE


def test_the_shipped_file_is_a_valid_catalogue_document_under_a_new_code(db):
    data = json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
    assert validate_document({**data, "code": "kp-2026-copy"}) == []


def test_the_migrated_catalogue_exports_as_exactly_the_shipped_file(default):
    from klusterplattform.excellence.catalogue.io import export_catalogue

    assert export_catalogue(default) == json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
