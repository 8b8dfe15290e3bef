"""The need a ranking answers: a cluster's own profile, a partner-search post, or a described need in free text."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from klusterplattform.core.text import fold

from ..choices import DocumentKind, MatchSubject
from . import documents
from .features import cluster_profiles, cluster_text
from .text import stems

MAX_NEED_TEXT = 5000


@dataclass
class Need:
    subject: str
    key: str
    is_demo: bool = False
    seeker_cluster_id: int | None = None
    text: str = ""
    terms: Counter = field(default_factory=Counter)
    sought: set = field(default_factory=set)  # feature tokens asked for (e/s/t)
    own: set = field(default_factory=set)  # the seeker's own e/s/t tokens, for complementarity
    s3: set = field(default_factory=set)  # "3<ecosystem>" tokens of the seeker's regions' strategies
    regions: set = field(default_factory=set)  # the seeker's region ids
    countries_sought: set = field(default_factory=set)
    regions_sought: set = field(default_factory=set)
    partner_types: list = field(default_factory=list)
    is_post: bool = False


def _taxonomy_tokens(tokens) -> set:
    return {t for t in tokens if t[0] in "est"}


def _indexed_tokens(cluster, population) -> frozenset | None:
    """The cluster's feature tokens from the index's per-process copy, or None when it is not indexed yet."""
    for row in population:
        if row[1] == cluster.pk:
            return row[3]
    return None


def for_cluster(cluster) -> Need:
    """The cluster's own profile as the need: its features as indexed, its words from the profile as it is now."""
    population = documents.population(DocumentKind.CLUSTER, cluster.is_demo)
    tokens = _indexed_tokens(cluster, population)
    if tokens is None:
        tokens = cluster_profiles([cluster.pk])[0].tokens
    terms = stems(cluster_text(cluster.name, cluster.description, cluster.strengths, cluster.strategy))
    return Need(
        subject=MatchSubject.CLUSTER,
        key=str(cluster.pk),
        is_demo=cluster.is_demo,
        seeker_cluster_id=cluster.pk,
        text=" ".join([cluster.strengths, cluster.description]),
        terms=Counter(terms),
        sought=_taxonomy_tokens(tokens),
        own=_taxonomy_tokens(tokens),
        s3={t for t in tokens if t[0] == "3"},
        regions={int(t[1:]) for t in tokens if t[0] == "r"},
    )


def for_post(post) -> Need:
    need = for_cluster(post.cluster)
    sought = {f"e{pk}" for pk in post.ecosystems.values_list("pk", flat=True)}
    sought |= {f"s{pk}" for pk in post.sectors.values_list("pk", flat=True)}
    sought |= {f"t{pk}" for pk in post.technology_fields.values_list("pk", flat=True)}
    need.subject, need.key, need.is_post = MatchSubject.POST, str(post.pk), True
    need.sought = sought or need.own
    need.text = " ".join([post.title, post.seek])
    need.terms = stems(" ".join([post.title, post.seek, post.seek]))  # what they seek counts twice
    need.countries_sought = set(post.countries_sought or [])
    need.regions_sought = set(post.regions_sought.values_list("pk", flat=True))
    need.partner_types = list(post.partner_types or [])
    return need


def for_text(text: str, *, is_demo: bool = False, countries=()) -> Need:
    text = (text or "")[:MAX_NEED_TEXT]
    # The same words with another country wish or in the other population are another need (and another vote).
    scope = f"{fold(text)}\n{','.join(sorted(countries))}\n{int(is_demo)}"
    key = hashlib.sha256(scope.encode()).hexdigest()[:32]
    return Need(
        subject=MatchSubject.TEXT,
        key=key,
        is_demo=is_demo,
        text=text,
        terms=stems(text),
        countries_sought=set(countries),
    )
