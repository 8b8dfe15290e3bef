"""The cluster's side of a funding fit, each part read from the database at most once per scoring run: its
ecosystems, the words of its profile, its partner network and its SME members. See fit.py for the rules."""

import functools

from django.utils import timezone

from . import search
from .models import FundingPartner

SME_SIZES = ("micro", "small", "medium")

# Words too common in calls and cluster profiles to say anything about fit.
GENERIC_WORDS = (
    "cluster clusters klusterorganisation kluster organisation organisations support call calls project projects "
    "programme topic action actions grant grants fund funding european europe eu innovation innovative new "
    "development partner partners partnership sme smes business businesses company companies företag"
)
GENERIC_STEMS = frozenset(search.stem(w) for w in GENERIC_WORDS.split())


class ClusterProfile:
    """What the fit needs to know about a cluster, each part read at most once."""

    def __init__(self, cluster, today=None):
        self.cluster = cluster
        self.today = today or timezone.localdate()

    @functools.cached_property
    def ecosystems(self) -> dict[int, object]:
        return {e.pk: e for e in self.cluster.ecosystems.all()}

    @functools.cached_property
    def all_ecosystems(self) -> dict[int, object]:
        """Every ecosystem (14 rows), to name those a call targets."""
        from klusterplattform.registry.models import Ecosystem

        return {e.pk: e for e in Ecosystem.objects.all()}

    @functools.cached_property
    def terms(self) -> frozenset[str]:
        """The stems of the cluster's sectors, technology fields, strengths and description, with their
        Swedish/English translations, less the generic words."""
        texts = [self.cluster.strengths or "", self.cluster.description or ""]
        for model_field in ("sectors", "technology_fields"):
            for sv, en in getattr(self.cluster, model_field).values_list("name_sv", "name_en"):
                texts += [sv, en]
        stems = search.terms(" ".join(texts))
        expanded = set(stems)
        for s in stems:
            expanded |= search._ALTERNATIVES.get(s, set())
        return frozenset(expanded - GENERIC_STEMS)

    @functools.cached_property
    def partner_network(self) -> tuple[int, int]:
        """(partners including the cluster itself, countries including its own)."""
        rows = FundingPartner.objects.filter(interest__cluster=self.cluster).values_list(
            "partner_cluster_id", "name", "country"
        )
        partners, countries = set(), {self.cluster.country}
        for partner_cluster_id, name, country in rows:
            if partner_cluster_id == self.cluster.pk:
                continue
            partners.add(("cluster", partner_cluster_id) if partner_cluster_id else ("name", search.fold(name)))
            countries.add(country)
        return len(partners) + 1, len(countries)

    @functools.cached_property
    def sme_members(self) -> int:
        from klusterplattform.registry.models import Membership

        return (
            Membership.objects.active_on(self.today)
            .filter(cluster=self.cluster, organisation__size_class__in=SME_SIZES)
            .values("organisation_id")
            .distinct()
            .count()
        )
