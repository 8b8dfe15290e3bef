"""factory_boy factories for the excellence module (a small catalogue, rounds, assessments, answers, labels).

`small_catalogue()` builds a catalogue with one indicator of each answer type, which most tests need; the shipped
default catalogue (36 indicators) is loaded by a migration and used where a test needs the real one.
"""

import datetime

import factory

from klusterplattform.excellence.models import (
    Answer,
    Assessment,
    AssessmentRound,
    CatalogueVersion,
    Indicator,
)
from klusterplattform.registry.tests.factories import ClusterFactory, LabelFactory, ProgrammeFactory  # noqa: F401


class CatalogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogueVersion

    code = factory.Sequence(lambda n: f"test-{n}")
    name_sv = factory.Sequence(lambda n: f"Testkatalog {n}")
    name_en = factory.Sequence(lambda n: f"Test catalogue {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    catalogue = factory.SubFactory(CatalogueFactory)
    code = factory.Sequence(lambda n: f"T{n:02d}")
    area = "structure"
    position = factory.Sequence(lambda n: n)
    question_sv = factory.Sequence(lambda n: f"Fråga {n}?")
    question_en = factory.Sequence(lambda n: f"Question {n}?")
    answer_type = "number"
    direction = "higher"


OPTIONS = [
    {"code": "none", "sv": "Ingen", "en": "None", "score": 0},
    {"code": "some", "sv": "Viss", "en": "Some", "score": 1},
    {"code": "full", "sv": "Full", "en": "Full", "score": 2},
]


def small_catalogue(**kwargs) -> CatalogueVersion:
    """Seven indicators, one per answer type, over three areas."""
    catalogue = CatalogueFactory(**kwargs)
    spec = [
        ("S1", "structure", "number", "higher", []),
        ("S2", "structure", "share", "higher", []),
        ("G1", "governance", "choice", "higher", OPTIONS),
        ("G2", "governance", "multiple", "higher", OPTIONS),
        ("F1", "financing", "yes_no", "higher", []),
        ("F2", "financing", "text", "neutral", []),
        ("F3", "financing", "evidence", "neutral", []),
    ]
    for position, (code, area, kind, direction, options) in enumerate(spec):
        IndicatorFactory(
            catalogue=catalogue,
            code=code,
            area=area,
            answer_type=kind,
            direction=direction,
            options=options,
            position=position,
            is_required=kind != "evidence",
        )
    return catalogue


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentRound

    programme = factory.SubFactory(ProgrammeFactory)
    catalogue = factory.SubFactory(CatalogueFactory)
    slug = factory.Sequence(lambda n: f"round-{n}")
    name_sv = factory.Sequence(lambda n: f"Benchmarking {n}")
    name_en = factory.Sequence(lambda n: f"Benchmarking {n}")
    opens_on = datetime.date(2026, 8, 1)
    closes_on = datetime.date(2026, 9, 30)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    round = factory.SubFactory(RoundFactory)
    cluster = factory.SubFactory(ClusterFactory)
    catalogue = factory.LazyAttribute(lambda o: o.round.catalogue)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    assessment = factory.SubFactory(AssessmentFactory)
    indicator = factory.SubFactory(IndicatorFactory)
