"""A small world for the needs-analysis tests, built so that every figure can be worked out by hand.

The European peer group "all" is stored directly (PeerDistribution, packed): for every indicator the ten values
10, 20, …, 100 (median 55, Q1 32.5, Q3 77.5). The programme's five clusters answer values ending in 5, never equal
to a peer's, so the benchmark removes nothing as "own value" and a cluster's percentile rank is simply
(peers below) / 10 × 100; the position is the rank (higher is better) or 100 − rank (L1, lower is better).

    value → rank:  5→0  15→10  25→20  35→30  45→40  55→50  65→60  75→70  85→80  95→90

              C1   C2   C3   C4   C5    positions                below median  bottom quartile
    H1 (str)   5   15   25   65   95    0  10  20  60  90          3 (60 %)      3 (60 %)
    H2 (str)  15   35   45   85   95   10  30  40  80  90          3 (60 %)      1 (20 %)
    H3 (gov)  15   25   65   75   85   10  20  60  70  80          2 (40 %)      2 (40 %)   gap 65 − 55 = +10
    L1 (fin)  95   85   15   25   35   10  20  90  80  70          2 (40 %)      2 (40 %)   gap 55 − 35 = +20
    H4 (str)  55   65   75   85   95   50  60  70  80  90          0             0
    N1 (str)  neutral: shown, never ranked

Ranking (bottom-quartile share, then below-median share, then gap): H1, H3, L1, H2, H4 — H3 before H2 although
H2 has more clusters below the median (the bottom quartile counts first), H3 before L1 by the smaller gap.

Structure area positions (mean of H1, H2, H4): C1 20, C2 33.3, C3 43.3, C4 73.3, C5 90 → 3 below, 1 bottom.
"""

import datetime

from klusterplattform.activities.models import FocusArea, FocusAreaIndicator, StatedNeeds, StatedPriority
from klusterplattform.excellence.benchmark.maths import pack
from klusterplattform.excellence.models import PeerDistribution, PeerGroupSize
from klusterplattform.excellence.tests.benchmark_world import assessment
from klusterplattform.excellence.tests.factories import CatalogueFactory, IndicatorFactory, RoundFactory
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.models import ProgrammeParticipation
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, RegionFactory, UserFactory

SPEC = [  # code, area, direction
    ("H1", "structure", "higher"),
    ("H2", "structure", "higher"),
    ("H3", "governance", "higher"),
    ("L1", "financing", "lower"),
    ("H4", "structure", "higher"),
    ("N1", "structure", "neutral"),
]
VALUES = {
    "C1": {"H1": 5, "H2": 15, "H3": 15, "L1": 95, "H4": 55, "N1": 5},
    "C2": {"H1": 15, "H2": 35, "H3": 25, "L1": 85, "H4": 65, "N1": 15},
    "C3": {"H1": 25, "H2": 45, "H3": 65, "L1": 15, "H4": 75, "N1": 25},
    "C4": {"H1": 65, "H2": 85, "H3": 75, "L1": 25, "H4": 85, "N1": 35},
    "C5": {"H1": 95, "H2": 95, "H3": 85, "L1": 35, "H4": 95, "N1": 45},
}
EXPECTED_RANKING = ["H1", "H3", "L1", "H2", "H4"]
PEERS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]


def catalogue(code="needs-test"):
    result = CatalogueFactory(code=code)
    for position, (indicator_code, area, direction) in enumerate(SPEC):
        IndicatorFactory(catalogue=result, code=indicator_code, area=area, direction=direction, position=position)
    return result


def peer_group(catalogue, is_demo=False, size=20):
    for indicator in catalogue.indicators.all():
        PeerDistribution.objects.update_or_create(
            is_demo=is_demo,
            group="all",
            lineage=indicator.lineage,
            defaults={"values": pack(PEERS), "count": len(PEERS)},
        )
    PeerGroupSize.objects.update_or_create(is_demo=is_demo, group="all", defaults={"count": size})


class World:
    """Programme P (published) with clusters C1–C5 (validated), C6 (submitted, not counted), outsider X; users."""

    def __init__(self, clusters=5, is_demo=False, closes_on=datetime.date(2999, 12, 31)):
        tag = "demo" if is_demo else "real"
        self.north, self.south = RegionFactory(code=f"N-{tag}"), RegionFactory(code=f"S-{tag}")
        self.catalogue = catalogue(f"needs-{tag}")
        peer_group(self.catalogue, is_demo=is_demo)
        self.programme = ProgrammeFactory(slug="demo-p" if is_demo else "prog", is_demo=is_demo, is_published=True)
        self.round = RoundFactory(
            programme=self.programme,
            catalogue=self.catalogue,
            slug=f"r1-{tag}",
            is_demo=is_demo,
            opens_on=datetime.date(2026, 1, 1),
            closes_on=closes_on,
        )
        self.clusters = {}
        for index, name in enumerate(list(VALUES)[:clusters]):
            cluster = ClusterFactory(
                name=f"Kluster {name}" + (" demo" if is_demo else ""),
                is_demo=is_demo,
                regions=[self.north if index == 0 else self.south],
            )
            ProgrammeParticipation.objects.create(programme=self.programme, cluster=cluster)
            assessment(self.catalogue, VALUES[name], cluster=cluster, round=self.round, is_demo=is_demo)
            self.clusters[name] = cluster
        pending = ClusterFactory(name=f"Kluster C6 {tag}", is_demo=is_demo, regions=[self.south])
        ProgrammeParticipation.objects.create(programme=self.programme, cluster=pending)
        assessment(
            self.catalogue,
            {"H2": 5, "H4": 5},
            cluster=pending,
            round=self.round,
            is_demo=is_demo,
            status="submitted",
        )
        self.clusters["C6"] = pending
        self.outsider = ClusterFactory(name=f"Kluster X {tag}", regions=[self.south])
        lead = FocusArea.objects.create(
            programme=self.programme,
            code="lead",
            name_sv="Ledarskap",
            name_en="Leadership",
            position=1,
            themes_sv="Leda utan mandat\nStyrelsearbete",
            themes_en="Leading without a mandate\nBoard work",
        )
        finance = FocusArea.objects.create(
            programme=self.programme, code="fin", name_sv="Finansiering", name_en="Financing", position=2
        )
        FocusArea.objects.create(programme=self.programme, code="empty", name_sv="Tomt", name_en="Empty", position=3)
        lineage = {i.code: i.lineage for i in self.catalogue.indicators.all()}
        for focus_area, codes in [(lead, ["H1", "H3", "N1"]), (finance, ["L1"])]:
            for code in codes:
                FocusAreaIndicator.objects.create(focus_area=focus_area, lineage=lineage[code])
        self.focus = {"lead": lead, "fin": finance}
        self.users = {
            "officer": self._user("officer"),
            "manager": self._user("cluster_manager", clusters=[self.clusters["C1"].slug]),
            "outsider": self._user("cluster_manager", clusters=[self.outsider.slug]),
            "regional": self._user("regional_officer", regions=[self.north.code]),
            "regional_other": self._user("regional_officer", regions=[RegionFactory(code=f"Z-{tag}").code]),
        }

    def _user(self, role, **scope):
        user = UserFactory()
        grant_role(user, role, **scope)
        return user

    def state(self, cluster, priorities: dict, text=""):
        stated = StatedNeeds.objects.create(round=self.round, cluster=self.clusters[cluster], free_text=text)
        for code, value in priorities.items():
            StatedPriority.objects.create(stated=stated, focus_area=self.focus[code], priority=value)
        return stated
