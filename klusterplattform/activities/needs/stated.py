"""Needs that cluster managers state themselves: a priority 1–5 per focus area and free text, per round.

The survey is built with the questionnaire engine (core/questionnaire.py): one optional scale question per focus
area (code `focus-<pk>`) and one text question (`free_text`). A cluster's answers are saved all or nothing and can
be changed until the round closes (round.closes_on, a date in Europe/Stockholm); after that they are read-only.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.questionnaire import SCALE, TEXT, Question, summarise

from ..models import FocusArea, StatedNeeds, StatedPriority

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
FREE_TEXT = "free_text"
FREE_TEXT_LABEL = _("Other needs, in your own words")


class SurveyClosed(Exception):
    """The round has closed: stated needs can no longer be changed."""


def today() -> datetime.date:
    return timezone.now().astimezone(STOCKHOLM).date()


def is_open(round) -> bool:
    """Open up to and including the round's closing day, in Swedish time."""
    return today() <= round.closes_on


def focus_areas_of(round) -> list[FocusArea]:
    return list(FocusArea.objects.for_programme(round.programme))


def code_of(focus_area) -> str:
    return f"focus-{focus_area.pk}"


def questions(focus_areas) -> list[Question]:
    result = [
        Question(
            code=code_of(area),
            label_sv=area.name_sv,
            label_en=area.name_en,
            kind=SCALE,
            required=False,
            help_sv=area.description_sv,
            help_en=area.description_en,
        )
        for area in focus_areas
    ]
    labels = {}
    for language in ("sv", "en"):
        with translation.override(language):
            labels[language] = str(FREE_TEXT_LABEL)
    result.append(Question(code=FREE_TEXT, label_sv=labels["sv"], label_en=labels["en"], kind=TEXT, max_length=4000))
    return result


def current(round, cluster) -> StatedNeeds | None:
    return StatedNeeds.objects.filter(round=round, cluster=cluster).prefetch_related("priorities").first()


def initial(stated: StatedNeeds | None, focus_areas) -> dict:
    if stated is None:
        return {}
    known = {area.pk for area in focus_areas}
    data = {f"focus-{p.focus_area_id}": p.priority for p in stated.priorities.all() if p.focus_area_id in known}
    data[FREE_TEXT] = stated.free_text
    return data


def save(round, cluster, user, focus_areas, cleaned: dict) -> StatedNeeds:
    """Replace the cluster's stated needs in the round with `cleaned` (the survey form's cleaned_data), in one
    transaction; SurveyClosed after the closing day, ValueError for a priority outside 1–5 (nothing is written)."""
    if not is_open(round):
        raise SurveyClosed
    priorities = {}
    for area in focus_areas:
        value = cleaned.get(code_of(area))
        if value in (None, ""):
            continue
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError(f"priority {value!r} for {area.code} is not 1–5")
        priorities[area.pk] = value
    with transaction.atomic():
        stated, _created = StatedNeeds.objects.select_for_update().get_or_create(round=round, cluster=cluster)
        stated.free_text = (cleaned.get(FREE_TEXT) or "").strip()
        stated.submitted_by = user
        stated.save()
        existing = {p.focus_area_id: p for p in stated.priorities.all()}
        for focus_id, priority in existing.items():
            if focus_id not in priorities:
                priority.delete()
        for focus_id, value in priorities.items():
            row = existing.get(focus_id)
            if row is None:
                StatedPriority.objects.create(stated=stated, focus_area_id=focus_id, priority=value)
            elif row.priority != value:
                row.priority = value
                row.save()
    return stated


@dataclass
class StatedSummary:
    responses: int = 0
    by_focus_area: dict = field(default_factory=dict)  # {focus area pk: (mean priority, clusters that stated it)}
    texts: list = field(default_factory=list)  # [StatedText] (officers only)


def stated_summary(round, focus_areas, *, with_texts: bool, is_demo: bool) -> StatedSummary:
    """Per focus area the mean stated priority and how many clusters stated one, in two queries."""
    from .analysis import StatedText

    statements = list(
        StatedNeeds.objects.filter(round=round, cluster__is_demo=is_demo)
        .select_related("cluster")
        .prefetch_related("priorities")
        .order_by("cluster__sort_name", "pk")
    )
    focus_questions = [q for q in questions(focus_areas) if q.kind == SCALE]
    responses = [{f"focus-{p.focus_area_id}": p.priority for p in s.priorities.all()} for s in statements]
    summary = StatedSummary(responses=len(statements))
    for area, result in zip(focus_areas, summarise(focus_questions, responses), strict=True):
        summary.by_focus_area[area.pk] = (result.mean, result.answered)
    if with_texts:
        summary.texts = [StatedText(s.cluster.name, s.free_text) for s in statements if s.free_text.strip()]
    return summary
