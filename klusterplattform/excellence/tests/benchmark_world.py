"""Builders for the benchmark tests: a small numeric catalogue and validated assessments with given answers."""

import datetime
from decimal import Decimal

from django.utils import timezone

from klusterplattform.excellence.models import Answer
from klusterplattform.excellence.tests.factories import (
    AssessmentFactory,
    CatalogueFactory,
    IndicatorFactory,
    RoundFactory,
)
from klusterplattform.registry.tests.factories import ClusterFactory

# code, area, answer type, direction
SPEC = [
    ("N1", "structure", "number", "higher"),
    ("N2", "financing", "share", "lower"),
    ("N3", "structure", "share", "neutral"),
    ("Y1", "governance", "yes_no", "higher"),
    ("T1", "achievements", "text", "neutral"),
]


def numeric_catalogue(code: str = "bm-1", previous=None):
    """Five indicators: higher-is-better, lower-is-better, neutral, yes/no and (not benchmarked) text. A catalogue
    with `previous` maps each indicator to the one with the same code there (same lineage)."""
    catalogue = CatalogueFactory(code=code, previous=previous)
    for position, (indicator_code, area, kind, direction) in enumerate(SPEC):
        IndicatorFactory(
            catalogue=catalogue,
            code=indicator_code,
            area=area,
            answer_type=kind,
            direction=direction,
            position=position,
            previous=previous.indicators.get(code=indicator_code) if previous else None,
        )
    return catalogue


def assessment(
    catalogue,
    values: dict,
    *,
    cluster=None,
    status="validated",
    assessed_on=datetime.date(2026, 9, 1),
    size_class="m",
    is_demo=False,
    round=None,
):
    """An assessment with the given answers ({code: number, or True/False for Y1}; None leaves it unanswered)."""
    cluster = cluster or ClusterFactory(is_demo=is_demo)
    round = round or RoundFactory(catalogue=catalogue, is_demo=is_demo)
    result = AssessmentFactory(
        round=round,
        cluster=cluster,
        catalogue=catalogue,
        status=status,
        assessed_on=assessed_on,
        validated_at=timezone.now() if status == "validated" else None,
        size_class=size_class,
        is_demo=is_demo,
    )
    indicators = {i.code: i for i in catalogue.indicators.all()}
    for code, value in values.items():
        if value is None:
            continue
        answer = Answer(assessment=result, indicator=indicators[code])
        if isinstance(value, bool):
            answer.yes_no = value
        elif indicators[code].answer_type == "text":
            answer.text = str(value)
        else:
            answer.number = Decimal(str(value))
        answer.save()
    return result


def population(catalogue, n1_values, **kwargs):
    """One validated assessment per value of N1 (each its own cluster; N2 = 10 × index, Y1 yes)."""
    return [
        assessment(catalogue, {"N1": value, "N2": 10 * index, "Y1": True}, **kwargs)
        for index, value in enumerate(n1_values)
    ]
