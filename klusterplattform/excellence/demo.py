"""Demo step "assessments": fictional benchmarking rounds and validated self-assessments for every demo cluster.

- The demo programme gets a current round "Benchmarking (demo)" (open today) and an earlier round about twenty months
  before, so its clusters have a previous assessment to compare with and the Silver rule (a second benchmarking
  18–24 months after the first) can be met. A few programme clusters are left in draft or submitted in the current
  round, so the workflow has something to show.
- Every other demo cluster is assessed once in "European peer benchmarking (demo)", a round of its own fictional
  programme: together they are the demo peer population the benchmark runs on out of the box.

Answers are drawn in demo_answers.py. Records are bulk-created (demo data needs no audit trail) with is_demo=True,
then the demo peer distributions are rebuilt. Dates are relative to the demo's "today".
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.registry.demo import DemoContext, DemoStep, register
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import ClusterOrganisation, Programme, ProgrammeParticipation

from . import demo_labels
from .choices import AssessmentStatus, cluster_size
from .demo_answers import Profile, make_answers
from .models import Answer, Assessment, AssessmentRound, CatalogueVersion, PeerDistribution, PeerGroupSize
from .prefill import registry_values

STEP = "assessments"
CURRENT, EARLIER, EUROPEAN = "demo-benchmarking", "demo-benchmarking-earlier", "demo-european-peers"
# Days before today of the current round's assessments and the earlier round's (580–685 days apart: 19–22.5
# months, inside Silver's 18–24), and of the European peers'.
CURRENT_DAYS, EARLIER_DAYS, EUROPEAN_DAYS = (5, 55), (635, 690), (5, 330)
DRAFT_SHARE = 0.6  # a draft has about this share of its indicators answered


@dataclass
class Planned:
    round: AssessmentRound
    cluster: ClusterOrganisation
    status: str
    assessed_on: datetime.date
    maturity: float


def current_catalogue():
    """The newest catalogue version with indicators (the default "kp-2026" unless officers made a newer one)."""
    return CatalogueVersion.objects.filter(indicators__isnull=False).distinct().order_by("-created_at", "-id").first()


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _european_programme(today: datetime.date) -> Programme:
    return Programme.objects.create(
        slug=EUROPEAN,
        name_sv="Europeisk jämförelsegrupp (fiktiv)",
        name_en="European peer benchmarking (fictional)",
        description_sv="Fiktiva europeiska klusterorganisationer som demodatans benchmarking jämför med.",
        description_en="Fictional European cluster organisations the demo data's benchmarking compares with.",
        owner=_("Demo agency (fictional)"),
        starts_on=today - datetime.timedelta(days=EUROPEAN_DAYS[1] + 5),
        website="https://european-peers.example.org",
        is_published=True,
        is_demo=True,
    )


def _round(programme, catalogue, slug, names, today, days_before) -> AssessmentRound:
    latest, earliest = days_before
    return AssessmentRound.objects.create(
        programme=programme,
        catalogue=catalogue,
        slug=slug,
        name_sv=names[0],
        name_en=names[1],
        opens_on=today - datetime.timedelta(days=earliest + 5),
        # The current round is still open, so drafts can be finished; the others closed after their last assessment.
        closes_on=today + datetime.timedelta(days=30) if slug == CURRENT else today - datetime.timedelta(days=latest),
        is_demo=True,
    )


def _rounds(catalogue, programme, today, with_programme: bool) -> tuple:
    """The European peer round, and the demo programme's current and earlier rounds when it has clusters."""
    european = _round(
        _european_programme(today),
        catalogue,
        EUROPEAN,
        ("Europeisk benchmarking (demo)", "European peer benchmarking (demo)"),
        today,
        EUROPEAN_DAYS,
    )
    if not with_programme:
        return european, None, None
    current = _round(programme, catalogue, CURRENT, ("Benchmarking (demo)",) * 2, today, CURRENT_DAYS)
    earlier = _round(
        programme,
        catalogue,
        EARLIER,
        ("Benchmarking (demo), tidigare omgång", "Benchmarking (demo), earlier round"),
        today,
        EARLIER_DAYS,
    )
    return european, current, earlier


def _plan(context: DemoContext, catalogue) -> list[Planned]:
    """Create the rounds; return the assessments to make: one per cluster and round, with status, day, maturity."""
    rng = context.random(STEP)
    today = context.today
    clusters = list(ClusterOrganisation.objects.filter(is_demo=True).order_by("slug"))
    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    in_programme = set(
        ProgrammeParticipation.objects.filter(programme=programme).values_list("cluster_id", flat=True)
        if programme
        else ()
    )
    european, current, earlier = _rounds(catalogue, programme, today, bool(in_programme))
    # A few programme clusters are still working on the current round: an eighth in draft, an eighth submitted.
    members = sorted(in_programme)
    rng.shuffle(members)
    few = len(members) // 8
    unfinished = dict.fromkeys(members[:few], AssessmentStatus.DRAFT) | dict.fromkeys(
        members[few : 2 * few], AssessmentStatus.SUBMITTED
    )

    def day(days_before):
        return today - datetime.timedelta(days=rng.randint(*days_before))

    planned = []
    for cluster in clusters:
        maturity = rng.betavariate(2.2, 2.2)
        if cluster.pk not in in_programme:
            planned.append(Planned(european, cluster, AssessmentStatus.VALIDATED, day(EUROPEAN_DAYS), maturity))
            continue
        # Twenty months ago the cluster was a little less mature: the comparison shows improvement, mostly.
        before = max(0.0, maturity - rng.uniform(-0.05, 0.25))
        planned.append(Planned(earlier, cluster, AssessmentStatus.VALIDATED, day(EARLIER_DAYS), before))
        status = unfinished.get(cluster.pk, AssessmentStatus.VALIDATED)
        planned.append(Planned(current, cluster, status, day(CURRENT_DAYS), maturity))
    return planned


def _assessment(plan: Planned, catalogue, profile: Profile) -> Assessment:
    status = plan.status
    assessment = Assessment(
        round=plan.round, cluster=plan.cluster, catalogue=catalogue, status=status, version=0, is_demo=True
    )
    if status == AssessmentStatus.DRAFT:
        return assessment
    assessment.assessed_on = plan.assessed_on
    assessment.submitted_at = _at(plan.assessed_on)
    if status == AssessmentStatus.VALIDATED:
        assessment.validated_at = _at(plan.assessed_on + datetime.timedelta(days=3), 14)
        assessment.size_class = cluster_size(profile.participants)
        assessment.version = 1
    return assessment


def make_assessments(context: DemoContext) -> str:
    catalogue = current_catalogue()
    if catalogue is None:
        return _("no indicator catalogue yet, so no demo self-assessments")
    if not ClusterOrganisation.objects.filter(is_demo=True).exists():
        return _("no demo clusters, so no demo self-assessments")
    indicators = list(catalogue.indicators.order_by("position", "code"))
    planned = _plan(context, catalogue)
    # What pre-filling would have filled in on the assessment day, straight from the demo registry.
    profiles = [
        Profile(
            maturity=plan.maturity,
            figures=registry_values(plan.cluster, plan.assessed_on),
            language="sv" if plan.cluster.country == "SE" else "en",
        )
        for plan in planned
    ]
    assessments = Assessment.objects.bulk_create(
        [_assessment(plan, catalogue, profile) for plan, profile in zip(planned, profiles, strict=True)],
        batch_size=500,
    )
    rng = context.random(f"{STEP}:answers")
    answers = []
    for plan, profile, assessment in zip(planned, profiles, assessments, strict=True):
        share = DRAFT_SHARE if plan.status == AssessmentStatus.DRAFT else 1.0
        for answer in make_answers(indicators, profile, rng, share):
            answer.assessment = assessment
            answers.append(answer)
    Answer.objects.bulk_create(answers, batch_size=2000)
    _rebuild_peers()
    validated = sum(1 for plan in planned if plan.status == AssessmentStatus.VALIDATED)
    return _(
        "%(validated)s validated fictional self-assessments (%(unfinished)s more in progress) with %(answers)s answers "
        "in %(rounds)s demo rounds; demo peer distributions rebuilt"
    ) % {
        "validated": validated,
        "unfinished": len(planned) - validated,
        "answers": len(answers),
        "rounds": len({plan.round for plan in planned}),
    }


def _rebuild_peers() -> None:
    from . import peers

    peers.rebuild_all(is_demo=True)


def remove_assessments() -> None:
    rounds = AssessmentRound.objects.filter(is_demo=True)
    assessments = Assessment.objects.filter(Q(is_demo=True) | Q(round__in=rounds))
    # Tens of thousands of demo answers were created without an audit trail; deleting them one audit event at a time
    # would take long and fill the trail with noise. The few assessments and rounds go through the ORM as usual.
    answers = Answer.objects.filter(assessment__in=assessments)
    answers._raw_delete(answers.db)
    assessments.delete()
    rounds.delete()
    Programme.objects.filter(slug=EUROPEAN, is_demo=True).delete()
    PeerDistribution.objects.filter(is_demo=True).delete()
    PeerGroupSize.objects.filter(is_demo=True).delete()


register(
    DemoStep(
        STEP,
        order=100,
        run=make_assessments,
        is_loaded=lambda: AssessmentRound.objects.filter(is_demo=True).exists(),
        remove=remove_assessments,
    )
)

# The labels step lives here with the Label model (the registry cannot import this app).
register(demo_labels.LABELS_STEP)
