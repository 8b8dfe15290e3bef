"""Demo step "evaluation": KPIs and an evaluation survey for the demo programme (fictional, marked demo).

Three computed KPIs (clusters, dedicated members, clusters with a label), one entered KPI with two values, the two
starter question sets (for cluster managers and for regional officers) and a survey round to cluster managers with
a handful of fictional anonymous responses, enough to pass its smallest group.
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from klusterplattform.core import questionnaire as q
from klusterplattform.registry.demo import DemoContext, DemoStep, register
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import Programme

from .models import Kpi, KpiValue, QuestionSet, Survey, SurveyAudience, SurveyResponse

STEP = "evaluation"


def _scale(code, label_sv, label_en, required=True):
    return {"code": code, "kind": q.SCALE, "label_sv": label_sv, "label_en": label_en, "required": required}


def _text(code, label_sv, label_en):
    return {"code": code, "kind": q.TEXTAREA, "label_sv": label_sv, "label_en": label_en, "max_length": 2000}


MANAGER_SET = {
    "name_sv": "Utvärdering: klusterledare (demo)",
    "name_en": "Evaluation: cluster managers (demo)",
    "definition": {
        "sections": [
            {
                "code": "programme",
                "title_sv": "Programmet",
                "title_en": "The programme",
                "fields": [
                    _scale(
                        "relevance",
                        "Hur relevant är programmet för er klusterorganisation?",
                        "How relevant is the programme to your cluster organisation?",
                    ),
                    _scale(
                        "competence",
                        "Har programmet stärkt klusterledningens kompetens?",
                        "Has the programme strengthened the cluster management's competence?",
                    ),
                    _scale(
                        "labelling",
                        "Har arbetet mot certifiering hjälpt er?",
                        "Has working towards a label helped you?",
                    ),
                    _text(
                        "comment", "Vad borde programmet göra annorlunda?", "What should the programme do differently?"
                    ),
                ],
            }
        ]
    },
}

REGIONAL_SET = {
    "name_sv": "Utvärdering: regionala handläggare (demo)",
    "name_en": "Evaluation: regional officers (demo)",
    "definition": {
        "sections": [
            {
                "code": "region",
                "title_sv": "Regionens arbete",
                "title_en": "The region's work",
                "fields": [
                    _scale(
                        "s3_link",
                        "Hur väl kopplar klustren till regionens smarta specialisering?",
                        "How well do the clusters connect to the region's smart specialisation?",
                    ),
                    _scale(
                        "dialogue",
                        "Hur fungerar dialogen med programmet?",
                        "How does the dialogue with the programme work?",
                    ),
                    _text("comment", "Övriga synpunkter", "Other comments"),
                ],
            }
        ]
    },
}

COMPUTED = [
    ("clusters", "clusters", "Kluster i programmet", "Clusters in the programme", 20, 25),
    ("members", "members", "Engagerade medlemmar", "Dedicated members", 800, 1000),
    ("labelled", "label_bronze_or_higher", "Kluster med giltig märkning", "Clusters with a label in force", 6, 15),
]

# (overall answers for relevance, competence, labelling, comment)
RESPONSES = [
    (5, 4, 4, "Mer tid för erfarenhetsutbyte mellan kluster. (fiktivt)"),
    (4, 4, 5, ""),
    (4, 3, 3, "Tydligare koppling till regionens strategi. (fiktivt)"),
    (5, 5, 4, ""),
    (3, 4, 4, "Fler internationella aktiviteter. (fiktivt)"),
]


def make_evaluation(context: DemoContext) -> str:
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    today = context.today
    for order, (code, metric, name_sv, name_en, baseline, target) in enumerate(COMPUTED, start=1):
        Kpi.objects.create(
            programme=programme,
            code=code,
            name_sv=name_sv,
            name_en=name_en,
            definition_sv=f"{name_sv} vid periodens slut, beräknat av plattformen (demo).",
            definition_en=f"{name_en} at the end of the period, computed by the platform (demo).",
            source="computed",
            metric=metric,
            baseline=Decimal(baseline),
            baseline_period=str(today.year - 3),
            target=Decimal(target),
            target_period=str(today.year + 1),
            order=order,
        )
    entered = Kpi.objects.create(
        programme=programme,
        code="co-financing",
        name_sv="Regional medfinansiering (MSEK)",
        name_en="Regional co-financing (MSEK)",
        definition_sv="Regionernas medfinansiering av klusterorganisationerna, enligt deras rapporter (demo).",
        definition_en="The regions' co-financing of the cluster organisations, as they report it (demo).",
        unit="sek",
        source="entered",
        target=Decimal("30"),
        target_period=str(today.year + 1),
        order=len(COMPUTED) + 1,
    )
    for years_ago, value in ((2, "18.5"), (1, "22.0")):
        KpiValue.objects.create(kpi=entered, period=str(today.year - years_ago), value=Decimal(value), note="demo")
    managers = QuestionSet.objects.create(**MANAGER_SET)
    QuestionSet.objects.create(**REGIONAL_SET)
    survey = Survey.objects.create(
        programme=programme,
        question_set=managers,
        definition=managers.definition,
        title_sv="Utvärderingsenkät till klusterledare (demo)",
        title_en="Evaluation survey to cluster managers (demo)",
        audience=SurveyAudience.CLUSTER_MANAGERS,
        opens_on=today - datetime.timedelta(days=20),
        closes_on=today + datetime.timedelta(days=10),
        min_group=3,
    )
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            survey=survey,
            answers={"relevance": a, "competence": b, "labelling": c, **({"comment": text} if text else {})},
            submitted_on=today - datetime.timedelta(days=10),
        )
        for a, b, c, text in RESPONSES
    )
    return _("%(kpis)s demo KPIs, 2 question sets and a survey with %(responses)s fictional responses") % {
        "kpis": len(COMPUTED) + 1,
        "responses": len(RESPONSES),
    }


def remove_evaluation() -> None:
    demo = Programme.objects.filter(is_demo=True)
    Survey.objects.filter(programme__in=demo).delete()
    Kpi.objects.filter(programme__in=demo).delete()
    names = [MANAGER_SET["name_sv"], REGIONAL_SET["name_sv"]]
    QuestionSet.objects.filter(name_sv__in=names, surveys__isnull=True).delete()


register(
    DemoStep(
        STEP,
        order=200,
        run=make_evaluation,
        is_loaded=lambda: Kpi.objects.filter(programme__is_demo=True).exists(),
        remove=remove_evaluation,
    )
)
