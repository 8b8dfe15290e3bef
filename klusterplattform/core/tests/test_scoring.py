"""The scoring engine against hand-computed cases."""

import pytest

from klusterplattform.core.scoring import Criterion, Score, evaluate


def test_weights_multiply_the_values_and_the_maximum():
    # A: 2 × 3 = 6 of 2 × 5 = 10; B: 1 × 4 = 4 of 5. Total 10 of 15 = 66.67 %; mean 10 / 3 = 3.33 on the 0–5 scale.
    result = evaluate(
        [Criterion("A", weight=2, scale_max=5), Criterion("B", weight=1, scale_max=5)],
        [Score("A", 3), Score("B", 4)],
    )
    assert (result.total, result.maximum) == (10, 15)
    assert result.percentage == pytest.approx(66.667, abs=0.001)
    assert result.weighted_mean == pytest.approx(3.333, abs=0.001)
    assert result.passed


def test_not_applicable_leaves_both_the_total_and_the_maximum():
    # With C n/a: 1 × 1 + 3 × 0 = 1 of 4 points (C's 5 points are out), 25 %.
    criteria = [Criterion("A"), Criterion("B", weight=3), Criterion("C", weight=5)]
    result = evaluate(criteria, [Score("A", 1), Score("B", 0), Score("C", None)])
    assert (result.total, result.maximum) == (1, 4)
    assert result.percentage == 25
    assert result.not_applicable == ["C"]


def test_an_unscored_criterion_counts_as_zero_but_stays_in_the_maximum():
    result = evaluate([Criterion("A", weight=2), Criterion("B", weight=2)], [Score("A", 1)])
    assert (result.total, result.maximum, result.percentage) == (2, 4, 50)
    assert result.unscored == ["B"]


def test_the_pass_mark_is_inclusive():
    criteria = [Criterion("A", weight=119), Criterion("B", weight=1), Criterion("C", weight=30)]
    assert evaluate(criteria, [Score("A", 1), Score("B", 1)], pass_mark=120).passed
    assert not evaluate(criteria, [Score("A", 1), Score("C", 0)], pass_mark=120).passed


def test_a_pass_percentage_is_measured_against_the_applicable_maximum():
    criteria = [Criterion("A", weight=4), Criterion("B", weight=1)]
    assert evaluate(criteria, [Score("A", 1), Score("B", None)], pass_percentage=80).passed  # 4 of 4
    assert not evaluate(criteria, [Score("A", 0), Score("B", 1)], pass_percentage=80).passed  # 1 of 5


def test_a_failing_required_criterion_blocks_a_pass_whatever_the_total():
    criteria = [Criterion("A", weight=10), Criterion("GATE", weight=0, required=True)]
    result = evaluate(criteria, [Score("A", 1), Score("GATE", 0)], pass_mark=5)
    assert result.total == 10
    assert result.required_unmet == ["GATE"]
    assert not result.passed


def test_a_required_criterion_that_is_not_applicable_or_unscored_is_unmet():
    criteria = [Criterion("A", required=True), Criterion("B", required=True)]
    assert evaluate(criteria, [Score("A", None)]).required_unmet == ["A", "B"]


def test_a_required_criterion_can_ask_for_less_than_full_marks():
    criteria = [Criterion("A", scale_max=5, required=True, required_value=3)]
    assert evaluate(criteria, [Score("A", 3)]).passed
    assert not evaluate(criteria, [Score("A", 2)]).passed


def test_nothing_to_score_has_no_percentage_and_no_mean():
    result = evaluate([], [])
    assert (result.total, result.maximum, result.percentage, result.weighted_mean) == (0, 0, None, None)
    assert result.passed  # no pass mark and nothing required
    assert not evaluate([], [], pass_mark=1).passed
    everything_na = evaluate([Criterion("A")], [Score("A", None)], pass_percentage=50)
    assert everything_na.percentage is None and not everything_na.passed


@pytest.mark.parametrize(
    ("criteria", "scores"),
    [
        ([Criterion("A")], [Score("X", 1)]),
        ([Criterion("A")], [Score("A", 1), Score("A", 0)]),
        ([Criterion("A", scale_max=5)], [Score("A", 6)]),
        ([Criterion("A")], [Score("A", -1)]),
        ([Criterion("A"), Criterion("A")], []),
    ],
)
def test_the_callers_mistakes_are_errors(criteria, scores):
    with pytest.raises(ValueError):
        evaluate(criteria, scores)


def test_a_criterion_needs_a_positive_scale():
    with pytest.raises(ValueError):
        Criterion("A", scale_max=0)
