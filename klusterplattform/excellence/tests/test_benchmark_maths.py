"""The benchmark's arithmetic against hand-computed cases (benchmark/maths.py)."""

import numpy as np
import pytest

from klusterplattform.excellence.benchmark import maths


def peers(*values):
    return np.sort(np.asarray(values, dtype=np.float64))


def test_percentile_rank_counts_ties_half():
    # below 1 (the 1), equal 2 (the two 2s): (1 + 0.5 × 2) / 5 × 100
    assert maths.percentile_rank(peers(1, 2, 2, 3, 4), 2) == 40.0


def test_percentile_rank_of_a_value_between_peers_counts_those_below():
    assert maths.percentile_rank(peers(1, 2, 2, 3, 4), 2.5) == 60.0


def test_percentile_rank_at_the_ends_is_0_and_100():
    assert maths.percentile_rank(peers(1, 2, 3, 4, 5), 0) == 0.0
    assert maths.percentile_rank(peers(1, 2, 3, 4, 5), 9) == 100.0


def test_all_equal_values_rank_in_the_middle_with_equal_quartiles():
    same = peers(3, 3, 3, 3, 3)
    assert maths.percentile_rank(same, 3) == 50.0
    assert maths.quartiles(same) == (3.0, 3.0, 3.0)


def test_quartiles_interpolate_linearly():
    assert maths.quartiles(peers(1, 2, 3, 4)) == (1.75, 2.5, 3.25)
    assert maths.quartiles(peers(4, 1, 3, 2, 2)) == (2.0, 2.0, 3.0)


def test_lower_is_better_turns_the_rank_and_neutral_is_not_judged():
    assert maths.position(40.0, "higher") == 40.0
    assert maths.position(40.0, "lower") == 60.0
    assert maths.position(40.0, "neutral") is None
    assert maths.position(None, "higher") is None


def test_own_value_is_removed_once_from_the_peers():
    assert list(maths.without_own(peers(1, 2, 2, 3), 2)) == [1.0, 2.0, 3.0]


def test_nothing_is_removed_when_the_own_value_is_absent_or_missing():
    assert list(maths.without_own(peers(1, 3), 2)) == [1.0, 3.0]
    assert list(maths.without_own(peers(1, 3), None)) == [1.0, 3.0]


def test_four_peer_values_give_no_distribution_and_five_do():
    four = maths.standing(peers(1, 2, 3, 4), 2, "higher")
    five = maths.standing(peers(1, 2, 3, 4, 5), 2, "higher")
    assert (four.n, four.has_distribution, four.median, four.rank) == (4, False, None, None)
    assert (five.n, five.median, five.q1, five.q3, five.rank, five.position) == (5, 3.0, 2.0, 4.0, 30.0, 30.0)
    assert (five.low, five.high) == (1.0, 5.0)


def test_a_missing_answer_has_the_distribution_but_no_rank():
    result = maths.standing(peers(1, 2, 3, 4, 5), None, "higher")
    assert result.median == 3.0 and result.rank is None and result.position is None


def test_lower_is_better_standing_turns_the_position():
    result = maths.standing(peers(10, 20, 30, 40, 50), 20, "lower")
    # rank: 1 below + 0.5 equal → 30; position 100 − 30
    assert (result.rank, result.position) == (30.0, 70.0)


def test_pack_sorts_and_round_trips():
    assert list(maths.to_array(maths.pack([3, 1, 2]))) == [1.0, 2.0, 3.0]


@pytest.mark.parametrize(("values", "expected"), [([None, 20.0, 40.0], 30.0), ([None], None), ([], None)])
def test_mean_leaves_out_missing_values(values, expected):
    assert maths.mean(values) == expected


@pytest.mark.parametrize("values", [[7], [1, 2], [5, 1, 4, 4, 9, 2, 8], list(range(100))])
def test_quartiles_equal_numpys_linear_percentiles(values):
    expected = tuple(float(q) for q in np.percentile(values, [25, 50, 75]))
    assert maths.quartiles(peers(*values)) == pytest.approx(expected)
