"""Demo step "calls": the demo programme's own selection call (closed, decided: its participants were selected) and
an open call with a few applications in different states, so the call pages, the ranking and the regions'
endorsements have something to show. Everything belongs to the demo programme (is_demo)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.demo import DemoContext, DemoStep, register
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import Programme

from .choices import ApplicationStatus as S
from .forms_engine import current_form
from .models import Application, ApplicationEvent, Call, Endorsement, ReviewCriterion, ReviewPhase

STEP = "calls"
CRITERIA = [
    ("relevance", "Relevans för regionens smarta specialisering", "Relevance to the regional smart specialisation", 2),
    ("capacity", "Klusterorganisationens förmåga", "Capacity of the cluster organisation", 1),
    ("plan", "Plan för deltagandet", "Plan for taking part", 1),
]
# The open call's applications: how many in each state.
OPEN_CALL_STATES = [S.DRAFT, S.SUBMITTED, S.SUBMITTED, S.ELIGIBILITY_CHECK, S.IN_REVIEW, S.IN_REVIEW]


def _call(programme, slug, title_sv, title_en, opens, closes, **extra) -> Call:
    call = Call.objects.create(
        programme=programme,
        slug=slug,
        title_sv=title_sv,
        title_en=title_en,
        text_sv="En fiktiv utlysning i demoprogrammet.",
        text_en="A fictional call of the demo programme.",
        eligibility_sv="Klusterorganisationer som är prioriterade i en regional strategi för smart specialisering.",
        eligibility_en="Cluster organisations prioritised in a regional smart-specialisation strategy.",
        opens_at=opens,
        closes_at=closes,
        target_selections=20,
        is_published=True,
        notify_decisions=["selected", "reserve", "rejected"],
        **extra,
    )
    for position, (code, sv, en, weight) in enumerate(CRITERIA):
        ReviewCriterion.objects.create(call=call, code=code, label_sv=sv, label_en=en, weight=weight, position=position)
    phase = ReviewPhase.objects.create(call=call, name_sv="Granskning", name_en="Review")
    call.current_phase = phase
    call.save(update_fields=["current_phase"])
    return call


def _application(call, form, cluster, status, now) -> Application:
    application = Application.objects.create(
        call=call,
        cluster=cluster,
        form_version=form,
        status=status,
        answers={"mission": "Fiktiva svar i demoprogrammet."},
        submitted_at=None if status == S.DRAFT else now - datetime.timedelta(days=5),
        decided_at=now if status == S.SELECTED else None,
        justification=_("Selected for the programme (demo).") if status == S.SELECTED else "",
    )
    application.regions.set(cluster.regions.all()[:1])
    if status != S.DRAFT:
        ApplicationEvent.objects.create(
            application=application, transition="submit", from_status=S.DRAFT, to_status=S.SUBMITTED
        )
        for region in application.regions.all():
            confirmed = status in (S.IN_REVIEW, S.SELECTED)
            Endorsement.objects.create(
                application=application,
                region=region,
                status="confirmed" if confirmed else "pending",
                priority_area=region.s3_areas.first() if confirmed else None,
                decided_at=now if confirmed else None,
            )
    return application


def make_calls(context: DemoContext) -> str:
    programme = Programme.objects.get(slug=PROGRAMME_SLUG, is_demo=True)
    now = timezone.now().replace(microsecond=0)
    start = datetime.datetime.combine(programme.starts_on, datetime.time(9), tzinfo=datetime.UTC)
    selection = _call(
        programme,
        "demo-selection-call",
        "Utlysning: deltagande i demoprogrammet (fiktiv)",
        "Call: taking part in the demo programme (fictional)",
        start - datetime.timedelta(days=90),
        start - datetime.timedelta(days=45),
        outcome_sv="De utvalda klusterorganisationerna deltar i demoprogrammet.",
        outcome_en="The selected cluster organisations take part in the demo programme.",
    )
    form = current_form(selection, now)
    participants = [
        p.cluster
        for p in programme.participations.exclude(status=ParticipationStatus.WITHDRAWN).select_related("cluster")
    ]
    for cluster in participants:
        _application(selection, form, cluster, S.SELECTED, now)
    open_call = _call(
        programme,
        "demo-open-call",
        "Utlysning: internationella samarbeten (fiktiv)",
        "Call: international partnerships (fictional)",
        now - datetime.timedelta(days=20),
        now + datetime.timedelta(days=25),
    )
    open_form = current_form(open_call, now)
    for cluster, status in zip(participants, OPEN_CALL_STATES, strict=False):
        _application(open_call, open_form, cluster, status, now)
    return _("2 demo calls, %(applications)s applications") % {
        "applications": Application.objects.filter(call__programme=programme).count()
    }


def remove_calls() -> None:
    calls = Call.objects.filter(programme__is_demo=True)
    Application.objects.filter(call__in=calls).delete()
    calls.delete()


register(
    DemoStep(
        STEP,
        order=130,
        run=make_calls,
        is_loaded=lambda: Call.objects.filter(programme__is_demo=True).exists(),
        remove=remove_calls,
    )
)
