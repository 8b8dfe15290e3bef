"""Plausible, seeded answers for the demo self-assessments (used by demo.py).

Each cluster gets a hidden "maturity" between 0 and 1 that nudges every answer the same way, so the benchmark shows
real strengths and weaknesses instead of noise; numbers that grow with a cluster grow with its participants.
Indicators pre-filled in real use (`Indicator.prefill`) take the registry's figure where the registry has one, as
prefill.py would fill them.
Nothing here describes a real organisation.
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from .answers import numeric_value
from .choices import AnswerType, PrefillSource
from .models import Answer

# Mean of a number indicator of the default catalogue at a cluster of about 60 participants, and whether it grows
# with the cluster. Indicators of other catalogues fall back to DEFAULT_NUMBER.
NUMBER_MEANS = {
    "GOV-04": (7, False),  # years of cluster-management experience
    "FIN-01": (4_000, True),  # budget, thousand SEK
    "STG-03": (4, False),  # strategic priority areas
    "SRV-02": (16, True),  # events last year
    "SRV-03": (6, True),  # projects initiated
    "INT-03": (3, True),  # cooperation agreements abroad
    "ACH-02": (1.5, False),  # awards in three years
    "ACH-03": (4, True),  # new products, services, processes
    "ACH-04": (5_000, True),  # external funding, thousand SEK
    "TRN-04": (3, True),  # transition projects
}
DEFAULT_NUMBER = (10, True)
# Mean of a share (%) as a function of maturity; the public share of the budget falls as a cluster matures.
SHARE_MEANS = {
    "STR-05": lambda q: 65,
    "FIN-02": lambda q: 70 - 35 * q,
    "FIN-03": lambda q: 12 + 30 * q,
    "SRV-05": lambda q: 35 + 45 * q,
    "INT-02": lambda q: 15 + 40 * q,
}
STORIES = {
    "sv": (
        "Ett gemensamt testbäddsprojekt där {n} små företag delade utrustning (fiktivt demoexempel).",
        "En matchmakingdag som ledde till {n} nya samarbeten mellan företag och forskare (fiktivt).",
        "Ett internationellt partnerskap som gav {n} medlemmar nya exportkontakter (fiktivt).",
    ),
    "en": (
        "A shared test-bed project in which {n} small companies shared equipment (fictional demo example).",
        "A matchmaking day that led to {n} new company–research collaborations (fictional).",
        "An international partnership that gave {n} members new export contacts (fictional).",
    ),
}


@dataclass(frozen=True)
class Profile:
    """What a cluster's answers are drawn around on one assessment day."""

    maturity: float
    # The registry's figures for pre-filled indicators ({PrefillSource value: number}, see prefill.registry_values).
    figures: dict
    language: str = "en"

    @property
    def participants(self) -> int:
        return int(self.figures.get(PrefillSource.PARTICIPANTS_TOTAL) or 0)

    @property
    def scale(self) -> float:
        # A cluster with few participants in the registry (small demo sizes) still answers like a small cluster.
        return min(4.0, max(0.3, (max(self.participants, 15) / 60) ** 0.7))


def _bounded(indicator, value: float) -> float:
    if indicator.minimum is not None:
        value = max(value, float(indicator.minimum))
    if indicator.maximum is not None:
        value = min(value, float(indicator.maximum))
    return value


def draw_number(indicator, profile: Profile, rng: random.Random) -> Decimal:
    mean, grows = NUMBER_MEANS.get(indicator.code, DEFAULT_NUMBER)
    value = mean * (profile.scale if grows else 1) * (0.6 + 0.8 * profile.maturity) * rng.lognormvariate(0, 0.35)
    return Decimal(round(_bounded(indicator, value)))


def draw_share(indicator, profile: Profile, rng: random.Random) -> Decimal:
    mean = SHARE_MEANS.get(indicator.code, lambda q: 30 + 40 * q)(profile.maturity)
    return Decimal(f"{_bounded(indicator, min(100.0, max(0.0, rng.gauss(mean, 12)))):.1f}")


def draw_choice(indicator, profile: Profile, rng: random.Random) -> list[str]:
    options = sorted(indicator.options, key=lambda option: option.get("score", 0))
    n = len(options)
    # Middle options are the most common; a mature cluster leans towards the higher-scoring ones.
    weights = [(i + 1) * (n - i) * (1 + 2 * profile.maturity * i) for i in range(n)]
    return [rng.choices(options, weights)[0]["code"]] if options else []


def draw_multiple(indicator, profile: Profile, rng: random.Random) -> list[str]:
    codes = [option["code"] for option in indicator.options]
    if len(codes) < 2:
        return codes
    most = min(7, len(codes))
    ticked = min(most, max(2, round(2 + (most - 2) * profile.maturity + rng.gauss(0, 1))))
    return rng.sample(codes, ticked)


def make_answer(indicator, profile: Profile, rng: random.Random) -> Answer | None:
    """An unsaved answer (value filled in: bulk_create skips Answer.save()), or None for evidence."""
    kind = indicator.answer_type
    answer = Answer(indicator=indicator)
    figure = profile.figures.get(indicator.prefill) if indicator.prefill else None
    if figure is not None and kind in (AnswerType.NUMBER, AnswerType.SHARE):
        answer.number, answer.is_prefilled = Decimal(figure), True
    elif kind == AnswerType.NUMBER:
        answer.number = draw_number(indicator, profile, rng)
    elif kind == AnswerType.SHARE:
        answer.number = draw_share(indicator, profile, rng)
    elif kind == AnswerType.CHOICE:
        answer.choices = draw_choice(indicator, profile, rng)
    elif kind == AnswerType.MULTIPLE:
        answer.choices = draw_multiple(indicator, profile, rng)
    elif kind == AnswerType.YES_NO:
        answer.yes_no = rng.random() < 0.5 + 0.4 * profile.maturity
    elif kind == AnswerType.TEXT:
        stories = STORIES[profile.language]
        answer.text = "\n".join(story.format(n=rng.randint(3, 25)) for story in stories)
    else:  # evidence: demo assessments carry no files
        return None
    answer.value = numeric_value(indicator, answer)
    return answer


def make_answers(indicators, profile: Profile, rng: random.Random, share: float = 1.0) -> list[Answer]:
    """Answers to every indicator, or (a draft) to about `share` of them."""
    answers = []
    for indicator in indicators:
        answer = make_answer(indicator, profile, rng)
        if answer is not None and (share >= 1 or rng.random() < share):
            answers.append(answer)
    return answers
