"""The benchmark's arithmetic: pure functions over numpy arrays, no database.

Definitions (the report and the tests rely on them):

- Peers are the sorted values of a peer group for one indicator lineage. Missing answers are never in the array
  (a peer that did not answer is not a peer for that indicator).
- The cluster's own value is excluded from its peers: its latest validated assessment is part of the stored
  distribution, so one value equal to it is removed before any figure is computed (`without_own`). A cluster is
  never compared with itself.
- Median and quartiles: numpy's percentile with linear interpolation (numpy's default, "type 7"), so Q1 of
  [1, 2, 3, 4] is 1.75.
- Percentile rank of a value: (peers below + 0.5 × peers equal) / n × 100, the mid-rank definition, so ties share
  one rank and a value equal to every peer ranks 50.
- Position: the percentile rank turned so that higher is always better: the rank itself when higher is better,
  100 − rank when lower is better; for a neutral indicator the rank is shown but not judged (no position).
- Disclosure control: a peer group of fewer than MIN_GROUP organisations (the cluster itself not counted) is not
  shown at all; an indicator with fewer than MIN_PEERS peer values is shown without distribution figures.
"""

from dataclasses import dataclass

import numpy as np

MIN_GROUP = 5
MIN_PEERS = 5


def to_array(packed: bytes) -> np.ndarray:
    """The float64 array stored in PeerDistribution.values."""
    return np.frombuffer(packed, dtype=np.float64)


def pack(values) -> bytes:
    """Sorted float64 bytes, the stored form of a distribution."""
    return np.sort(np.asarray(values, dtype=np.float64)).tobytes()


def without_own(peers: np.ndarray, own: float | None) -> np.ndarray:
    """The sorted peers with one value equal to `own` removed (none removed when `own` is None or absent)."""
    if own is None or peers.size == 0:
        return peers
    index = int(np.searchsorted(peers, own, side="left"))
    if index < peers.size and peers[index] == own:
        return np.delete(peers, index)
    return peers


def quartiles(peers: np.ndarray) -> tuple[float, float, float]:
    """(Q1, median, Q3) of sorted peers with linear interpolation, the same as numpy.percentile(peers, [25, 50,
    75]) but without sorting again (the array is stored sorted); it must not be empty."""
    return _quantile(peers, 0.25), _quantile(peers, 0.5), _quantile(peers, 0.75)


def _quantile(peers: np.ndarray, share: float) -> float:
    position = share * (peers.size - 1)
    below = int(position)
    above = min(below + 1, peers.size - 1)
    fraction = position - below
    return float(peers[below] + (peers[above] - peers[below]) * fraction)


def percentile_rank(peers: np.ndarray, value: float) -> float:
    """(count below + 0.5 × count equal) / n × 100 over sorted peers (mid-rank for ties); peers must not be empty."""
    below = int(np.searchsorted(peers, value, side="left"))
    equal = int(np.searchsorted(peers, value, side="right")) - below
    return (below + 0.5 * equal) / peers.size * 100.0


def position(rank: float | None, direction: str) -> float | None:
    """The rank turned so that higher is better; None for a neutral indicator (shown, not judged)."""
    if rank is None:
        return None
    if direction == "higher":
        return rank
    if direction == "lower":
        return 100.0 - rank
    return None


@dataclass(frozen=True)
class Standing:
    """One value against its peers. Distribution figures are None when there are fewer than MIN_PEERS peers;
    rank and position are None as well then, and when the cluster did not answer."""

    n: int
    q1: float | None = None
    median: float | None = None
    q3: float | None = None
    low: float | None = None
    high: float | None = None
    rank: float | None = None
    position: float | None = None

    @property
    def has_distribution(self) -> bool:
        return self.median is not None


def standing(peers: np.ndarray, value: float | None, direction: str) -> Standing:
    """Where `value` stands among `peers` (already without the cluster's own value)."""
    n = int(peers.size)
    if n < MIN_PEERS:
        return Standing(n=n)
    q1, median, q3 = quartiles(peers)
    rank = None if value is None else percentile_rank(peers, value)
    return Standing(
        n=n,
        q1=q1,
        median=median,
        q3=q3,
        low=float(peers[0]),
        high=float(peers[-1]),
        rank=rank,
        position=position(rank, direction),
    )


def mean(values) -> float | None:
    """The mean of the values that are not None; None when there are none."""
    present = [v for v in values if v is not None]
    return float(np.mean(present)) if present else None
