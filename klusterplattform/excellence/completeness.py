"""Completeness of a self-assessment, per area and in total (what the manager sees while filling it in)."""

from dataclasses import dataclass, field

from .answers import is_answered
from .choices import AnswerType, Area


@dataclass
class AreaProgress:
    area: str
    label: str
    answered: int = 0
    required: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100


@dataclass
class Completeness:
    areas: list[AreaProgress] = field(default_factory=list)
    missing: int = 0  # required indicators not answered
    missing_codes: list[str] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return self.missing == 0

    @property
    def percent(self) -> int:
        total = sum(a.total for a in self.areas)
        return round(100 * sum(a.answered for a in self.areas) / total) if total else 100


def completeness(assessment) -> Completeness:
    indicators = list(assessment.catalogue.indicators.all())
    answers = {a.indicator_id: a for a in assessment.answers.all()}
    evidence = list(assessment.evidence.all())
    with_files = {e.indicator_id for e in evidence}
    progress = {area.value: AreaProgress(area.value, area.label) for area in Area}
    summary = Completeness()
    for indicator in indicators:
        entry = progress[indicator.area]
        entry.total += 1
        entry.required += indicator.is_required
        answer = answers.get(indicator.pk)
        if answer is not None:
            answer._evidence = evidence  # spare is_answered one query per evidence indicator
        # An uploaded file answers an evidence indicator even when no Answer row exists for it.
        if indicator.answer_type == AnswerType.EVIDENCE:
            answered = indicator.pk in with_files
        else:
            answered = is_answered(indicator, answer)
        if answered:
            entry.answered += 1
        elif indicator.is_required:
            summary.missing += 1
            summary.missing_codes.append(indicator.code)
    summary.areas = [p for p in progress.values() if p.total]
    return summary
