"""Test data for the match pages and API, on top of the partner-search world (world.py):

- cluster A (manager_a) seeks partners in textile recycling (`post`); cluster B is a textile-recycling cluster in
  the same ecosystem and the expected first match; cluster C makes batteries;
- a published demo cluster that would match the need even better (it must never show among real results), and an
  unpublished cluster that must never show at all;
- member organisations: "Alfa Fibre AB" only in A, "Bravo Sorting AB" in A and B, "Charlie Cells AB" only in C,
  and a demo organisation in the demo cluster.

The match index is built at the end (`indexing.rebuild`), as the tests and the live server need it.
"""

from dataclasses import dataclass

from klusterplattform.matchmaking.matching import indexing
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
)

from .world import World, build_world, make_post

TEXTILE_NEED = "fibre recycling and textile sorting"


@dataclass
class MatchWorld:
    base: World
    textiles: object
    batteries: object
    post: object
    demo_cluster: object
    hidden_cluster: object
    alfa: object  # member of A only
    bravo: object  # member of A and B
    charlie: object  # member of C only
    demo_organisation: object

    def __getattr__(self, name):  # world.manager_a, world.cluster_b … come from the partner-search world
        if name == "base":
            raise AttributeError(name)
        return getattr(self.base, name)


def rebuild_index() -> None:
    indexing.rebuild("cluster")
    indexing.rebuild("organisation")


def build_match_world(prefix: str = "mt") -> MatchWorld:
    base = build_world(prefix)
    textiles = EcosystemFactory(code=f"{prefix}-textiles", name_sv="Textil", name_en="Textiles")
    batteries = EcosystemFactory(code=f"{prefix}-batteries", name_sv="Batterier", name_en="Batteries")
    profiles = {
        base.cluster_a: ("Textile design and fashion brands.", "Design of garments.", [textiles]),
        base.cluster_b: (
            "Industrial fibre recycling and automated textile sorting plants.",
            "Fibre recycling and sorting technology for used textiles.",
            [textiles],
        ),
        base.cluster_c: ("Battery cells and cell chemistry.", "Battery value chain.", [batteries]),
    }
    for cluster, (description, strengths, ecosystems) in profiles.items():
        cluster.description, cluster.strengths = description, strengths
        cluster.save()
        cluster.ecosystems.set(ecosystems)
    demo_cluster = ClusterFactory(
        name=f"{prefix.capitalize()} Demo Fibre Cluster",
        slug=f"{prefix}-demo-fibre",
        is_demo=True,
        description="Fibre recycling and textile sorting, fibre recycling and textile sorting.",
        strengths="Fibre recycling and textile sorting.",
        ecosystems=[textiles],
    )
    hidden_cluster = ClusterFactory(
        name=f"{prefix.capitalize()} Hidden Fibre Cluster",
        slug=f"{prefix}-hidden-fibre",
        is_published=False,
        description="Fibre recycling and textile sorting.",
        strengths="Fibre recycling and textile sorting.",
        ecosystems=[textiles],
    )
    alfa = OrganisationFactory(name="Alfa Fibre AB", type="sme")
    bravo = OrganisationFactory(name="Bravo Sorting AB", type="research")
    charlie = OrganisationFactory(name="Charlie Cells AB", type="large_company")
    demo_organisation = OrganisationFactory(name="Demo Fibre Sorting AB", type="sme", is_demo=True)
    for cluster, organisation in [
        (base.cluster_a, alfa),
        (base.cluster_a, bravo),
        (base.cluster_b, bravo),
        (base.cluster_c, charlie),
        (demo_cluster, demo_organisation),
    ]:
        MembershipFactory(cluster=cluster, organisation=organisation)
    post = make_post(
        base.cluster_a,
        title="Partners for fibre recycling",
        seek="Clusters with fibre recycling and textile sorting plants.",
        ecosystems=[textiles],
    )
    rebuild_index()
    return MatchWorld(
        base=base,
        textiles=textiles,
        batteries=batteries,
        post=post,
        demo_cluster=demo_cluster,
        hidden_cluster=hidden_cluster,
        alfa=alfa,
        bravo=bravo,
        charlie=charlie,
        demo_organisation=demo_organisation,
    )
