"""The demo step "assessments": a peer population the benchmark runs on out of the box, kept apart from real data."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from klusterplattform.excellence.choices import AssessmentStatus
from klusterplattform.excellence.demo import CURRENT, EARLIER, EUROPEAN, current_catalogue
from klusterplattform.excellence.models import (
    Answer,
    Assessment,
    AssessmentRound,
    CatalogueVersion,
    PeerDistribution,
    PeerGroupSize,
)
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import ClusterOrganisation, Programme
from klusterplattform.registry.reference import load_reference

SMALL = {"clusters": 40, "organisations": 600}


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, **SMALL)
    return out.getvalue()


@pytest.fixture
def demo(db, settings):
    settings.KP_ALLOW_DEMO = True
    load_reference()
    _load()


def _counts() -> dict:
    return {
        "rounds": AssessmentRound.objects.count(),
        "assessments": Assessment.objects.count(),
        "answers": Answer.objects.count(),
        "distributions": PeerDistribution.objects.count(),
        "group sizes": PeerGroupSize.objects.count(),
    }


def test_the_demo_uses_the_default_catalogue(demo):
    assert current_catalogue().code == "kp-2026"
    assert set(Assessment.objects.values_list("catalogue__code", flat=True)) == {"kp-2026"}


def test_every_demo_cluster_has_a_validated_demo_assessment(demo):
    clusters = ClusterOrganisation.objects.filter(is_demo=True)
    validated = Assessment.objects.filter(status=AssessmentStatus.VALIDATED)
    assert set(validated.values_list("cluster_id", flat=True)) == set(clusters.values_list("pk", flat=True))
    assert not Assessment.objects.filter(is_demo=False).exists()
    assert not validated.filter(assessed_on__isnull=True).exists()
    assert not validated.filter(size_class="").exists()
    # 35 answers each: every indicator of the default catalogue but the evidence upload.
    assessment = validated.first()
    assert assessment.answers.count() == 35
    assert (
        not assessment.answers.filter(indicator__is_required=True, value__isnull=True)
        .exclude(indicator__answer_type="text")
        .exists()
    )


def test_demo_answers_are_plausible_for_their_answer_type(demo):
    answers = Answer.objects.select_related("indicator")
    shares = answers.filter(indicator__answer_type="share").values_list("number", flat=True)
    assert shares and all(0 <= share <= 100 for share in shares)
    for answer in answers.filter(indicator__answer_type="multiple"):
        assert 2 <= len(answer.choices) <= 7
        assert set(answer.choices) <= {option["code"] for option in answer.indicator.options}
    for answer in answers.filter(indicator__answer_type="choice"):
        assert len(answer.choices) == 1 and answer.value is not None
    assert answers.filter(indicator__answer_type="yes_no", yes_no=True).exists()
    assert answers.filter(indicator__answer_type="yes_no", yes_no=False).exists()
    assert not answers.filter(indicator__answer_type="evidence").exists()
    # Pre-filled indicators take the registry's figures and are marked as such.
    assert answers.filter(indicator__code="STR-01", is_prefilled=True).exists()
    numbers = answers.filter(indicator__code="SRV-02").values_list("value", flat=True)
    assert len(set(numbers)) > 5  # drawn, not constant


def test_programme_clusters_have_an_earlier_assessment_18_to_24_months_before(demo):
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    current = AssessmentRound.objects.get(slug=CURRENT)
    earlier = AssessmentRound.objects.get(slug=EARLIER)
    assert current.programme == earlier.programme == programme
    assert current.opens_on <= current.closes_on and current.closes_on > datetime.date.today()
    pairs = 0
    for assessment in Assessment.objects.filter(round=current, status=AssessmentStatus.VALIDATED):
        before = Assessment.objects.get(round=earlier, cluster=assessment.cluster)
        assert before.status == AssessmentStatus.VALIDATED
        months = (assessment.assessed_on - before.assessed_on).days / 30.44
        assert 18 <= months <= 24
        pairs += 1
    assert pairs >= 3


def test_a_few_programme_clusters_are_still_working_on_the_current_round(demo):
    current = Assessment.objects.filter(round__slug=CURRENT)
    draft = current.get(status=AssessmentStatus.DRAFT)
    submitted = current.get(status=AssessmentStatus.SUBMITTED)
    assert draft.assessed_on is None and draft.answers.count() < 35
    assert submitted.assessed_on is not None and submitted.answers.count() == 35


def test_the_other_demo_clusters_are_assessed_in_the_european_peer_round(demo):
    european = AssessmentRound.objects.get(slug=EUROPEAN)
    assert european.programme.is_demo and european.programme.slug != PROGRAMME_SLUG
    in_programme = ClusterOrganisation.objects.filter(programmes__slug=PROGRAMME_SLUG)
    assessed = Assessment.objects.filter(round=european)
    assert not assessed.filter(cluster__in=in_programme).exists()
    assert assessed.count() == SMALL["clusters"] - in_programme.count()
    assert assessed.values("cluster__country").distinct().count() > 3


def test_every_demo_record_is_flagged_as_demo(demo):
    assert not AssessmentRound.objects.filter(is_demo=False).exists()
    assert not Assessment.objects.filter(is_demo=False).exists()
    assert PeerDistribution.objects.filter(is_demo=True).exists()
    assert not PeerDistribution.objects.filter(is_demo=False, count__gt=0).exists()


def test_loading_the_demo_twice_adds_nothing(demo):
    before = _counts()
    _load()
    assert _counts() == before


def test_removing_the_demo_removes_rounds_assessments_answers_and_peer_distributions(demo):
    assert all(_counts().values())
    call_command("load_demo", "--remove", stdout=StringIO())
    assert not any(_counts().values())
    assert not Programme.objects.filter(slug=EUROPEAN).exists()
    assert CatalogueVersion.objects.filter(code="kp-2026").exists()  # the catalogue is not demo data


def test_without_a_catalogue_the_step_skips_and_loads_later(db, settings):
    from klusterplattform.excellence.demo import make_assessments
    from klusterplattform.registry.demo import DemoContext

    CatalogueVersion.objects.all().delete()
    with translation.override("en"):
        assert "no indicator catalogue" in make_assessments(DemoContext())
    assert not AssessmentRound.objects.exists()


def test_a_demo_assessment_is_benchmarked_against_the_demo_peers_out_of_the_box(demo):
    from klusterplattform.excellence.benchmark.report import build_report

    assessment = Assessment.objects.filter(round__slug=CURRENT, status=AssessmentStatus.VALIDATED).first()
    report = build_report(assessment, "all")
    assert report.shown and report.is_demo
    assert report.peer_count >= 5
    assert report.peer_count == ClusterOrganisation.objects.filter(is_demo=True).count() - 1
    judged = [result for result in report.indicators if result.is_judged]
    assert len(judged) >= 30
    assert report.previous is not None  # the earlier round, about twenty months before


def test_a_real_assessment_never_sees_the_demo_peers(demo):
    from klusterplattform.excellence import peers
    from klusterplattform.excellence.benchmark.report import build_report
    from klusterplattform.excellence.tests.factories import AssessmentFactory, ClusterFactory, RoundFactory

    catalogue = current_catalogue()
    real = AssessmentFactory(
        round=RoundFactory(catalogue=catalogue),
        cluster=ClusterFactory(country="SE"),
        status=AssessmentStatus.VALIDATED,
        assessed_on=datetime.date.today(),
        size_class="m",
    )
    for indicator in catalogue.indicators.filter(answer_type="number"):
        Answer.objects.create(assessment=real, indicator=indicator, number=12)
    peers.rebuild_all()
    report = build_report(real, "all")
    assert not report.is_demo and not report.shown
    assert report.peer_count == 0
    assert all(option.peer_count == 0 for option in report.groups)
    real_rows = PeerDistribution.objects.filter(is_demo=False)
    assert real_rows.exists() and set(real_rows.values_list("count", flat=True)) == {1}  # only its own answers


def test_the_benchmark_page_of_a_demo_assessment_names_its_fictional_peers(demo, client):
    from django.urls import reverse

    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.tests.factories import UserFactory

    officer = UserFactory()
    grant_role(officer, "officer")
    client.force_login(officer)
    assessment = Assessment.objects.filter(round__slug=EUROPEAN).first()
    with translation.override("en"):
        response = client.get(reverse("excellence:benchmark", args=[assessment.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Peers: a fictional demo population" in text
    assert f"{ClusterOrganisation.objects.filter(is_demo=True).count() - 1} organisations" in text


def test_the_demo_assessments_are_the_same_every_time(demo):
    def snapshot():
        assessments = Assessment.objects.order_by("cluster__slug", "round__slug")
        return (
            list(assessments.values_list("cluster__slug", "round__slug", "status", "assessed_on", "size_class")),
            list(
                Answer.objects.order_by(
                    "assessment__cluster__slug", "assessment__round__slug", "indicator__code"
                ).values_list("indicator__code", "value", "text", "choices")
            ),
        )

    first = snapshot()
    call_command("load_demo", "--remove", stdout=StringIO())
    _load()
    assert snapshot() == first
