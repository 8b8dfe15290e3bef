"""The ranking maths against a hand-computed example (calls/ranking.py).

Criteria: impact, weight 2, scale 1–5; capacity, weight 1, scale 0–3, n/a allowed.
Normalised, impact counts (score − 1) of 4 points × 2, capacity score of 3 × 1: at most 8 + 3 = 11 points.

Review 1: impact 4, capacity 3   → total 2·4 + 3 = 11;  points 2·3 + 3 = 9 of 11 → 81.8181… %
Review 2: impact 2, capacity n/a → total 2·2 = 4;       points 2·1 = 2 of 8 (capacity leaves the maximum) → 25 %
Review 3: impact 5, capacity 1   → total 2·5 + 1 = 11;  points 2·4 + 1 = 9 of 11 → 81.8181… %

Application X (reviews 1 and 2): mean total 7.5; mean percentage (81.8181… + 25) / 2 = 53.4090…; agreement =
population SD of (81.8181…, 25) = half their difference = 28.4090…; impact: mean 3, lowest 2, highest 4, SD 1;
capacity (one score, n/a left out): mean 3, lowest = highest = 3, SD 0.
"""

import pytest

from klusterplattform.calls.ranking import Scale, rank, score_review, summarise

SCALES = [Scale("impact", 2, 1, 5), Scale("capacity", 1, 0, 3)]
R1 = {"impact": 4, "capacity": 3}
R2 = {"impact": 2, "capacity": None}
R3 = {"impact": 5, "capacity": 1}


def test_one_review_total_and_percentage():
    one = score_review(SCALES, R1)
    assert one.total == 11
    assert one.percentage == pytest.approx(900 / 11)
    two = score_review(SCALES, R2)
    assert two.total == 4
    assert two.percentage == pytest.approx(25)


def test_the_lowest_score_everywhere_is_zero_percent_and_the_highest_a_hundred():
    assert score_review(SCALES, {"impact": 1, "capacity": 0}).percentage == 0
    assert score_review(SCALES, {"impact": 5, "capacity": 3}).percentage == 100
    assert score_review(SCALES, {"impact": 1, "capacity": 0}).total == 2  # the weighted sum of the scores as given


def test_a_review_with_every_criterion_n_a_has_no_score():
    only_na = [Scale("capacity", 1, 0, 3)]
    assert score_review(only_na, {"capacity": None}).percentage is None
    assert score_review(only_na, {"capacity": None}).total is None


def test_an_application_summary_matches_the_hand_computation():
    summary = summarise(SCALES, [R1, R2])
    assert summary.reviews == 2
    assert summary.mean_total == pytest.approx(7.5)
    assert summary.mean_percentage == pytest.approx((900 / 11 + 25) / 2)
    assert summary.agreement == pytest.approx((900 / 11 - 25) / 2)
    impact = summary.criteria["impact"]
    assert (impact.count, impact.mean, impact.lowest, impact.highest) == (2, 3, 2, 4)
    assert impact.sd == pytest.approx(1)
    capacity = summary.criteria["capacity"]
    assert (capacity.count, capacity.mean, capacity.lowest, capacity.highest, capacity.sd) == (1, 3, 3, 3, 0)


def test_without_reviews_there_are_no_figures_and_one_review_has_no_agreement():
    empty = summarise(SCALES, [])
    assert (empty.reviews, empty.mean_total, empty.mean_percentage, empty.agreement) == (0, None, None, None)
    assert empty.criteria["impact"].mean is None
    assert summarise(SCALES, [R1]).agreement is None
    assert summarise(SCALES, [R1, R3]).agreement == 0  # both 81.8 %: full agreement


def test_ranking_by_mean_percentage_with_shared_ranks_and_unreviewed_last():
    x = summarise(SCALES, [R1, R2])  # 53.4 %
    y = summarise(SCALES, [R3])  # 81.8 %
    z = summarise(SCALES, [R1])  # 81.8 %: ties with y
    w = summarise(SCALES, [R2])  # 25 %
    none = summarise(SCALES, [])
    rank([x, y, z, w, none])
    assert (y.rank, z.rank, x.rank, w.rank, none.rank) == (1, 1, 3, 4, None)


def test_scores_of_unknown_criteria_are_ignored():
    # Unknown criteria in stored scores are ignored by the ranking (a criterion removed after review).
    assert score_review(SCALES, {**R1, "removed": 3}).total == 11
