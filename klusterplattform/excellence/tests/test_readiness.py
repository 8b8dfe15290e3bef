"""Label readiness: the default criteria, every kind of fact and threshold, missing evidence, the Silver window and
the Gold pass mark."""

import datetime
import json
from pathlib import Path

import pytest
from django.utils import translation

from klusterplattform.excellence.labels import add_months
from klusterplattform.excellence.models import ImprovementArea, ReadinessCriterion
from klusterplattform.excellence.readiness import FACTS, MET, NOT_MET, UNKNOWN, assess_readiness
from klusterplattform.excellence.tests.factories import CatalogueFactory, IndicatorFactory
from klusterplattform.excellence.tests.readiness_world import (
    EVIDENCE_CODES,
    FIRST_DAY,
    GOOD_ANSWERS,
    assessment,
    declare,
    improvement_areas,
    kp_catalogue,
    ready_cluster,
)
from klusterplattform.registry.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db
DEFAULTS = Path(__file__).resolve().parent.parent / "readiness_defaults.json"


@pytest.fixture(autouse=True)
def english_and_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with translation.override("en"):
        yield


def item(readiness, code):
    for level in readiness.levels:
        for result in level.items:
            if result.criterion.code == code:
                return result
    raise AssertionError(f"no criterion {code}")


# The defaults ------------------------------------------------------------------------------------------------------


def test_the_default_criteria_are_loaded_with_the_expected_counts_and_points():
    active = ReadinessCriterion.objects.filter(is_active=True)
    assert active.filter(level="bronze").count() == 6
    silver = active.filter(level="silver")
    assert silver.filter(source="registry").count() == 2
    assert silver.exclude(source="registry").count() == 18
    gold = list(active.filter(level="gold"))
    assert len(gold) == 31
    assert sum(c.points for c in gold) == 150


def test_the_database_holds_exactly_the_defaults_file():
    data = json.loads(DEFAULTS.read_text(encoding="utf-8"))
    in_file = {(c["level"], c["code"]): (c["source"], c["threshold"], c["points"]) for c in data["criteria"]}
    in_database = {(c.level, c.code): (c.source, c.threshold, c.points) for c in ReadinessCriterion.objects.all()}
    assert in_database == in_file
    assert "not public" in data["note_en"]


def test_every_default_criterion_names_a_known_fact_or_an_indicator_of_the_default_catalogue():
    lineages = set(kp_catalogue().indicators.values_list("lineage", flat=True))
    for criterion in ReadinessCriterion.objects.all():
        if criterion.source == "registry":
            assert criterion.fact in FACTS, criterion.code
        elif criterion.source == "indicator":
            assert criterion.indicator_lineage in lineages, criterion.code
            assert criterion.threshold is not None, criterion.code
        else:
            assert criterion.requires_evidence, criterion.code


def test_a_cluster_that_meets_every_default_is_ready_for_all_three_levels():
    readiness = assess_readiness(ready_cluster(), day=datetime.date(2026, 1, 1))
    for level in readiness.levels:
        assert [(i.criterion.code, i.why) for i in level.unmet] == [], level.level
        assert level.missing_evidence == []
        assert level.ready
    assert (readiness.gold.score.total, readiness.gold.score.maximum, readiness.gold.score.pass_mark) == (150, 150, 120)


def test_a_cluster_with_nothing_is_ready_for_nothing_and_its_answers_are_unknown():
    readiness = assess_readiness(ClusterFactory())
    assert not any(level.ready for level in readiness.levels)
    assert item(readiness, "B-SRV").status == UNKNOWN
    assert item(readiness, "B-SRV").why == "No submitted self-assessment yet."
    assert readiness.gold.score.total == 0


def test_the_whole_readiness_takes_a_fixed_handful_of_queries(django_assert_max_num_queries):
    cluster = ready_cluster()
    with django_assert_max_num_queries(7):
        assess_readiness(cluster, day=datetime.date(2026, 1, 1))


# Registry facts ----------------------------------------------------------------------------------------------------


def test_the_eccp_listing_is_read_from_the_registry():
    assert item(assess_readiness(ClusterFactory()), "B-ECCP").status == NOT_MET
    listed = ClusterFactory(eccp_profile_url="https://reporting.clustercollaboration.eu/x")
    assert item(assess_readiness(listed), "B-ECCP").status == MET


def test_a_complete_submitted_self_assessment_meets_the_bronze_assessment_criterion():
    cluster = ClusterFactory()
    assessment(cluster, GOOD_ANSWERS, status="submitted")
    result = item(assess_readiness(cluster), "B-SA")
    assert result.status == MET
    assert "complete" in result.why


def test_an_incomplete_self_assessment_does_not_count_and_says_how_much_is_missing():
    cluster = ClusterFactory()
    answers = {code: raw for code, raw in GOOD_ANSWERS.items() if code not in ("ACH-01", "TRN-04")}
    assessment(cluster, answers, status="under_validation")
    result = item(assess_readiness(cluster), "B-SA")
    assert result.status == NOT_MET
    assert result.why.startswith("2 required indicators are not answered")


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_a_self_assessment_not_handed_in_is_not_used(status):
    cluster = ClusterFactory()
    assessment(cluster, GOOD_ANSWERS, status=status)
    readiness = assess_readiness(cluster)
    assert readiness.assessment is None
    assert item(readiness, "B-SA").status == NOT_MET
    assert item(readiness, "B-SRV").status == UNKNOWN


def test_the_latest_handed_in_self_assessment_supplies_the_answers():
    cluster = ClusterFactory()
    assessment(cluster, {**GOOD_ANSWERS, "SRV-01": ["training"]}, assessed_on=datetime.date(2023, 1, 1))
    latest = assessment(cluster, GOOD_ANSWERS, status="submitted", assessed_on=datetime.date(2025, 1, 1))
    readiness = assess_readiness(cluster, day=datetime.date(2025, 6, 1))
    assert readiness.assessment == latest
    assert item(readiness, "B-SRV").status == MET
    # Seen from before the latest was assessed, the older one counts.
    assert item(assess_readiness(cluster, day=datetime.date(2024, 1, 1)), "B-SRV").status == NOT_MET


@pytest.mark.parametrize(
    ("months", "days", "met"),
    [(17, 0, False), (18, 0, True), (24, 0, True), (24, 1, False), (25, 0, False)],
)
def test_silver_needs_the_second_benchmarking_18_to_24_months_after_the_first(months, days, met):
    cluster = ClusterFactory()
    assessment(cluster, assessed_on=FIRST_DAY)
    second = add_months(FIRST_DAY, months) + datetime.timedelta(days=days)
    assessment(cluster, assessed_on=second)
    assert item(assess_readiness(cluster, day=datetime.date(2027, 1, 1)), "S-BENCH").status == (MET if met else NOT_MET)


def test_one_benchmarking_says_when_the_second_is_due():
    cluster = ClusterFactory()
    assessment(cluster, assessed_on=datetime.date(2025, 3, 15))
    result = item(assess_readiness(cluster, day=datetime.date(2026, 1, 1)), "S-BENCH")
    assert result.status == NOT_MET
    assert "between 2026-09-15 and 2027-03-15" in result.why


def test_a_second_benchmarking_that_is_not_validated_does_not_count():
    cluster = ClusterFactory()
    assessment(cluster, assessed_on=FIRST_DAY)
    assessment(cluster, assessed_on=add_months(FIRST_DAY, 20), status="submitted")
    assert item(assess_readiness(cluster, day=datetime.date(2027, 1, 1)), "S-BENCH").status == NOT_MET


def test_the_latest_validated_benchmarking_must_be_the_second():
    cluster = ClusterFactory()
    assessment(cluster, assessed_on=FIRST_DAY)
    assessment(cluster, assessed_on=add_months(FIRST_DAY, 20))
    assessment(cluster, assessed_on=add_months(FIRST_DAY, 50))  # 30 months after the one before
    assert item(assess_readiness(cluster, day=datetime.date(2029, 1, 1)), "S-BENCH").status == NOT_MET


def test_three_improvement_areas_need_both_texts():
    cluster = ClusterFactory()
    improvement_areas(cluster, areas=("strategy", "services"))
    assert item(assess_readiness(cluster), "S-AREAS").why == "2 of 3 improvement areas documented."
    improvement_areas(cluster, areas=("financing",))
    assert item(assess_readiness(cluster), "S-AREAS").status == MET
    half_done = ClusterFactory()
    improvement_areas(half_done)
    ImprovementArea.objects.filter(cluster=half_done, area="strategy").update(effect=" ")
    assert item(assess_readiness(half_done), "S-AREAS").status == NOT_MET


def test_an_unknown_fact_is_unknown_not_an_error():
    ReadinessCriterion.objects.create(
        level="bronze", code="B-X", text_sv="x", text_en="x", source="registry", fact="no_such_fact", position=99
    )
    assert item(assess_readiness(ClusterFactory()), "B-X").status == UNKNOWN


# Indicator thresholds ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "criterion", "raw", "status", "why"),
    [
        ("SRV-01", "B-SRV", ["training", "matchmaking", "branding"], NOT_MET, "SRV-01: 3 of at least 4"),
        ("SRV-01", "B-SRV", ["training", "matchmaking", "branding", "funding_advice"], MET, "SRV-01: 4 of at least 4"),
        ("STG-03", "B-PRI", 1, NOT_MET, "STG-03: 1 of at least 2"),
        ("STR-03", "S-05", 30, MET, "STR-03: 30 % of at least 30 %"),
        ("STR-03", "S-05", "29.5", NOT_MET, "STR-03: 29.5 % of at least 30 %"),
        # Lower is better: public funding compares at most.
        ("FIN-02", "S-10", 80, MET, "FIN-02: 80 % of at most 80 %"),
        ("FIN-02", "S-10", 81, NOT_MET, "FIN-02: 81 % of at most 80 %"),
        ("SRV-04", "B-SME", "no", NOT_MET, "SRV-04: no"),
        ("SRV-04", "B-SME", "yes", MET, "SRV-04: yes"),
        # A choice by its option's score, shown by the options' names.
        ("INT-01", "S-15", "yearly", NOT_MET, "INT-01: “A few times a year”, at least “Every quarter”"),
        ("INT-01", "S-15", "quarterly", MET, "INT-01: “Every quarter”, at least “Every quarter”"),
    ],
)
def test_an_indicator_criterion_compares_the_answer_with_its_threshold(code, criterion, raw, status, why):
    cluster = ClusterFactory()
    assessment(cluster, {**GOOD_ANSWERS, code: raw})
    result = item(assess_readiness(cluster), criterion)
    assert result.status == status
    assert result.why == why


def test_an_unanswered_indicator_is_unknown():
    cluster = ClusterFactory()
    assessment(cluster, {code: raw for code, raw in GOOD_ANSWERS.items() if code != "SRV-02"})
    result = item(assess_readiness(cluster), "S-13")
    assert (result.status, result.why) == (UNKNOWN, "SRV-02 is not answered.")


def test_a_newer_catalogue_version_is_judged_through_the_indicator_lineage():
    old = kp_catalogue().indicators.get(code="SRV-01")
    newer = CatalogueFactory(previous=kp_catalogue())
    IndicatorFactory(
        catalogue=newer, code="SRV-01b", answer_type="multiple", options=old.options, previous=old, area="services"
    )
    cluster = ClusterFactory()
    assessment(cluster, {"SRV-01b": ["training", "matchmaking", "branding", "funding_advice"]}, catalogue=newer)
    result = item(assess_readiness(cluster), "B-SRV")
    assert (result.status, result.why) == (MET, "SRV-01b: 4 of at least 4")


# Evidence and declarations -----------------------------------------------------------------------------------------


def test_missing_evidence_is_listed_for_indicators_and_declarations():
    cluster = ClusterFactory()
    assessment(cluster, GOOD_ANSWERS, evidence=("GOV-05",))
    declare(cluster, "B-ORG", evidence=False)
    readiness = assess_readiness(cluster)
    missing = {i.criterion.code: i.missing_evidence for i in readiness.silver.missing_evidence}
    assert missing["S-01"] == "Evidence attached to STG-01 in the self-assessment."
    assert "S-08" not in missing  # GOV-05 has its evidence
    assert missing["S-17"] == "An evidence file for the declaration."  # not declared at all
    assert item(readiness, "B-ORG").missing_evidence == "An evidence file for the declaration."
    assert item(readiness, "S-01").status == MET  # the answer meets it; the evidence is listed as missing


def test_a_declaration_is_unknown_until_made_then_met_or_not_as_declared():
    cluster = ClusterFactory()
    assert item(assess_readiness(cluster), "B-ORG").status == UNKNOWN
    declaration = declare(cluster, "B-ORG", is_met=False)
    assert item(assess_readiness(cluster), "B-ORG").status == NOT_MET
    declaration.is_met = True
    declaration.save()
    result = item(assess_readiness(cluster), "B-ORG")
    assert (result.status, result.missing_evidence) == (MET, "")
    assert "annual report" in result.why


def test_bronze_is_not_ready_while_one_criterion_is_unmet():
    cluster = ClusterFactory(eccp_profile_url="https://reporting.clustercollaboration.eu/x")
    assessment(cluster, GOOD_ANSWERS, evidence=EVIDENCE_CODES)
    declare(cluster, "B-ORG")
    assert assess_readiness(cluster).bronze.ready
    cluster.eccp_profile_url = ""
    cluster.save()
    assert not assess_readiness(cluster).bronze.ready


# Gold --------------------------------------------------------------------------------------------------------------


def _two_gold_criteria(met_points, unmet_points):
    """Only G-01 (met) and G-07 (STR-01 ≥ 50, unmet) in use, carrying the given points."""
    ReadinessCriterion.objects.filter(level="gold").exclude(code__in=["G-01", "G-07"]).update(is_active=False)
    ReadinessCriterion.objects.filter(code="G-01").update(points=met_points)
    ReadinessCriterion.objects.filter(code="G-07").update(points=unmet_points)
    cluster = ready_cluster()
    assessment(cluster, {**GOOD_ANSWERS, "STR-01": 40}, assessed_on=datetime.date(2025, 12, 1))
    return assess_readiness(cluster, day=datetime.date(2026, 1, 1)).gold


def test_gold_is_ready_at_exactly_120_of_150_points():
    gold = _two_gold_criteria(120, 30)
    assert (gold.score.total, gold.score.maximum, gold.score.pass_mark) == (120, 150, 120)
    assert gold.ready


def test_gold_is_not_ready_at_119_of_150_points():
    gold = _two_gold_criteria(119, 31)
    assert (gold.score.total, gold.score.pass_mark) == (119, 120)
    assert not gold.ready


def test_gold_also_needs_every_silver_minimum_requirement():
    cluster = ready_cluster()
    assessment(cluster, {**GOOD_ANSWERS, "SRV-02": 9}, assessed_on=datetime.date(2025, 12, 1), evidence=EVIDENCE_CODES)
    gold = assess_readiness(cluster, day=datetime.date(2026, 1, 1)).gold
    assert gold.score.total == 145  # only G-22 (SRV-02 ≥ 15, 5 points) is lost
    assert [i.criterion.code for i in gold.required_unmet] == ["S-13"]
    assert not gold.ready
