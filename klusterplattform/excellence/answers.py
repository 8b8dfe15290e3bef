"""The number an answer is benchmarked by: a number or share as given, yes = 1 and no = 0, a choice by its option's
score, a multiple choice by how many options are ticked. Text and evidence answers are not benchmarked (None)."""

from .choices import AnswerType


def numeric_value(indicator, answer) -> float | None:
    kind = indicator.answer_type
    if kind in (AnswerType.NUMBER, AnswerType.SHARE):
        return None if answer.number is None else float(answer.number)
    if kind == AnswerType.YES_NO:
        return None if answer.yes_no is None else float(answer.yes_no)
    if kind == AnswerType.CHOICE:
        scores = {option["code"]: option.get("score") for option in indicator.options}
        chosen = [scores.get(code) for code in answer.choices or [] if scores.get(code) is not None]
        return float(chosen[0]) if chosen else None
    if kind == AnswerType.MULTIPLE:
        return None if not answer.choices else float(len(answer.choices))
    return None


def is_answered(indicator, answer) -> bool:
    """Whether an answer counts towards completeness (evidence answers count when a file is attached)."""
    if answer is None:
        return False
    kind = indicator.answer_type
    if kind == AnswerType.TEXT:
        return bool(answer.text.strip())
    if kind == AnswerType.EVIDENCE:
        files = getattr(answer, "_evidence", None)
        if files is None:
            files = answer.assessment.evidence.all()
        return any(e.indicator_id == indicator.pk for e in files)
    return numeric_value(indicator, answer) is not None
