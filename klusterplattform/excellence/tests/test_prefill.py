"""Pre-filling a self-assessment from the registry: counts and shares on the day, and never over the manager."""

import datetime
from decimal import Decimal

import pytest

from klusterplattform.excellence.models import CatalogueVersion
from klusterplattform.excellence.prefill import prefill_answers, registry_values
from klusterplattform.excellence.tests.factories import AssessmentFactory, RoundFactory
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 9, 1)


@pytest.fixture
def cluster():
    """Ten active participants on DAY, one who left before it and one who joins after it."""
    home, elsewhere = RegionFactory(code="25"), RegionFactory(code="12")
    cluster = ClusterFactory(regions=[home], founded=datetime.date(2016, 9, 2), management_fte=Decimal("2.5"))

    def join(type, kind="member", region=None, **dates):
        organisation = OrganisationFactory(type=type, region=region)
        MembershipFactory(cluster=cluster, organisation=organisation, kind=kind, **dates)

    for _ in range(4):
        join("sme", region=home)
    join("sme", kind="participant", region=elsewhere)
    join("large_company", region=home)
    join("research", kind="participant", region=home)
    join("education", kind="participant")  # region unknown
    join("public_body", region=elsewhere)
    join("other", kind="participant")
    join("sme", region=home, joined=datetime.date(2019, 1, 1), left=datetime.date(2026, 8, 31))  # ended before DAY
    join("large_company", region=home, joined=datetime.date(2026, 9, 2))  # joins after DAY
    return cluster


def test_registry_values_count_and_share_the_active_participants_on_the_day(cluster):
    values = registry_values(cluster, DAY)
    assert values == {
        "participants_total": Decimal(10),
        "dedicated_members": Decimal(6),
        "sme_share": Decimal("50.00"),
        "research_participants": Decimal(2),
        "public_participants": Decimal(1),
        "large_companies": Decimal(1),
        # 8 participants have a known region, 6 of them in the cluster's own region
        "regional_concentration": Decimal("75.00"),
        # founded 2 September 2016: not yet ten whole years on 1 September 2026
        "organisation_age": Decimal(9),
        "management_fte": Decimal("2.50"),
    }


def test_a_membership_that_ended_before_the_day_is_not_counted(cluster):
    assert registry_values(cluster, DAY)["participants_total"] == 10
    assert registry_values(cluster, datetime.date(2026, 8, 30))["participants_total"] == 11


def test_unknown_facts_are_absent_rather_than_zero():
    cluster = ClusterFactory(founded=None, management_fte=None)
    MembershipFactory(cluster=cluster, organisation=OrganisationFactory(region=None))
    values = registry_values(cluster, DAY)
    assert "organisation_age" not in values
    assert "management_fte" not in values
    assert "regional_concentration" not in values
    assert values["participants_total"] == 1


def test_a_cluster_without_participants_has_no_shares():
    values = registry_values(ClusterFactory(), DAY)
    assert values["participants_total"] == 0
    assert "sme_share" not in values and "regional_concentration" not in values


def test_registry_values_take_a_constant_handful_of_queries(cluster, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        registry_values(cluster, DAY)


@pytest.fixture
def assessment(cluster):
    catalogue = CatalogueVersion.objects.get(code="kp-2026")
    return AssessmentFactory(cluster=cluster, round=RoundFactory(catalogue=catalogue), assessed_on=DAY)


def answers_of(assessment) -> dict:
    return {a.indicator.code: a for a in assessment.answers.select_related("indicator")}


def test_prefill_answers_fills_the_registry_backed_indicators_and_marks_them(assessment):
    assert prefill_answers(assessment) == 8
    answers = answers_of(assessment)
    assert set(answers) == {"STR-01", "STR-02", "STR-03", "STR-04", "STR-05", "STR-06", "GOV-01", "GOV-02"}
    assert all(answer.is_prefilled for answer in answers.values())
    assert answers["STR-03"].number == Decimal("50.00") and answers["STR-03"].value == 50.0
    assert answers["GOV-02"].number == Decimal("2.50")


def test_prefill_never_overwrites_the_managers_own_answer(assessment):
    prefill_answers(assessment)
    own = assessment.answers.get(indicator__code="STR-01")
    own.number, own.is_prefilled = Decimal(42), False
    own.save()
    # A new SME member: STR-01 would grow, STR-02 grows to 7, STR-03 (the SME share) changes.
    MembershipFactory(cluster=assessment.cluster, joined=datetime.date(2020, 1, 1))
    assert prefill_answers(assessment) == 2
    answers = answers_of(assessment)
    assert answers["STR-01"].number == 42 and not answers["STR-01"].is_prefilled
    assert answers["STR-02"].number == 7 and answers["STR-02"].is_prefilled


def test_prefill_again_without_changes_writes_nothing(assessment):
    prefill_answers(assessment)
    assert prefill_answers(assessment) == 0


def test_prefill_skips_an_unknown_founding_date(assessment):
    cluster = assessment.cluster
    cluster.founded = None
    cluster.save()
    assessment.refresh_from_db()
    prefill_answers(assessment)
    assert "GOV-01" not in answers_of(assessment)


def test_prefill_reads_with_a_handful_of_queries_whatever_the_number_of_indicators(
    assessment, django_assert_max_num_queries
):
    prefill_answers(assessment)
    assessment = type(assessment).objects.get(pk=assessment.pk)
    # The catalogue, its indicators, the cluster, the member counts, the regional counts and the existing answers:
    # nothing per indicator (writes happen only for answers whose value changed).
    with django_assert_max_num_queries(6):
        assert prefill_answers(assessment) == 0


def test_a_validated_assessment_is_not_prefilled(assessment):
    assessment.status = "validated"
    assessment.save()
    assert prefill_answers(assessment) == 0
    assert not assessment.answers.exists()
