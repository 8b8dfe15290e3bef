"""The one scoring engine: weighted criteria, n/a, required criteria and a pass mark (rule 3 of the house).

Label readiness uses it for Gold's 31 weighted criteria; application reviews and funding-fit scores reuse it.
Pure Python, no database: callers turn their records into `Criterion` and `Score` values.

- A criterion earns `weight × value`, where 0 ≤ value ≤ `scale_max` (a yes/no criterion: scale_max 1, value 0 or 1;
  a 0–5 review question: scale_max 5). Its maximum is `weight × scale_max`.
- A score of None means "not applicable": that criterion leaves both the total and the maximum, so n/a neither helps
  nor hurts. A criterion with no score at all is "unscored" and counts as 0 (it stays in the maximum), because a
  question nobody answered must not raise the percentage.
- A required criterion must reach its `required_value` (default: full marks, `scale_max`). One that falls short,
  is n/a or unscored blocks a pass whatever the total; a required criterion of weight 0 is a pure gate.
- `passed`: every required criterion met and, when given, total ≥ `pass_mark` (points) and percentage ≥
  `pass_percentage`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Criterion:
    code: str
    weight: float = 1
    scale_max: float = 1
    required: bool = False
    required_value: float | None = None  # what a required criterion must reach; None = scale_max

    def __post_init__(self):
        if self.weight < 0 or self.scale_max <= 0:
            raise ValueError(f"{self.code}: weight must be ≥ 0 and scale_max > 0")

    @property
    def points(self) -> float:
        """The most this criterion can earn."""
        return self.weight * self.scale_max


@dataclass(frozen=True)
class Score:
    code: str
    value: float | None  # None = not applicable


@dataclass
class Result:
    total: float = 0.0  # points earned over the applicable criteria
    maximum: float = 0.0  # points possible over the applicable criteria
    weight_sum: float = 0.0  # the weights of the applicable criteria
    not_applicable: list[str] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)
    required_unmet: list[str] = field(default_factory=list)
    pass_mark: float | None = None
    pass_percentage: float | None = None

    @property
    def percentage(self) -> float | None:
        """Total as a percentage of the maximum; None when nothing applies (0 of 0 is no score, not 0 %)."""
        return 100 * self.total / self.maximum if self.maximum else None

    @property
    def weighted_mean(self) -> float | None:
        """The mean value on the criteria's scale, each criterion counted by its weight; None when nothing applies."""
        return self.total / self.weight_sum if self.weight_sum else None

    @property
    def passed(self) -> bool:
        if self.required_unmet:
            return False
        if self.pass_mark is not None and self.total < self.pass_mark:
            return False
        return self.pass_percentage is None or (self.percentage or 0) >= self.pass_percentage


def evaluate(
    criteria: Iterable[Criterion],
    scores: Iterable[Score],
    pass_mark: float | None = None,
    pass_percentage: float | None = None,
) -> Result:
    """Score `scores` against `criteria`. ValueError for a score of an unknown criterion, a criterion scored twice
    or a value outside 0..scale_max: those are the caller's mistakes, not the user's."""
    criteria = list(criteria)
    by_code = {c.code: c for c in criteria}
    if len(by_code) != len(criteria):
        raise ValueError("criteria codes must be unique")
    values: dict[str, float | None] = {}
    for score in scores:
        criterion = by_code.get(score.code)
        if criterion is None:
            raise ValueError(f"{score.code}: no such criterion")
        if score.code in values:
            raise ValueError(f"{score.code}: scored twice")
        if score.value is not None and not 0 <= score.value <= criterion.scale_max:
            raise ValueError(f"{score.code}: {score.value} is outside 0..{criterion.scale_max}")
        values[score.code] = score.value
    result = Result(pass_mark=pass_mark, pass_percentage=pass_percentage)
    for criterion in criteria:
        scored = criterion.code in values
        value = values.get(criterion.code)
        if scored and value is None:
            result.not_applicable.append(criterion.code)
        else:
            if not scored:
                result.unscored.append(criterion.code)
            result.total += criterion.weight * (value or 0)
            result.maximum += criterion.points
            result.weight_sum += criterion.weight
        if criterion.required and not _reaches(criterion, value):
            result.required_unmet.append(criterion.code)
    return result


def _reaches(criterion: Criterion, value: float | None) -> bool:
    needed = criterion.scale_max if criterion.required_value is None else criterion.required_value
    return value is not None and value >= needed
