"""What the match page and the match API share: the subject a user asks about (a cluster, a partner search or a
described need), turned into the engine's Need; the user's own votes on a page of matches; and which "via" clusters
of member organisations the user may be shown.

Exactly one subject is asked about. A cluster or post the user cannot see does not exist for them (LookupError,
a 404 in pages and API). Demo and real never mix: a cluster's or a post's need looks among the clusters of its own
population (demo or real); a described need looks among real ones unless `demo` asks for the demo data.
"""

from dataclasses import dataclass, field

from klusterplattform.registry.models import ClusterOrganisation
from klusterplattform.registry.permissions import cluster_visibility_filter

from .choices import MatchSubject
from .matching import service
from .models import MatchFeedback, PartnerSearch

MAX_ID = 2**63 - 1
MIN_TEXT, MAX_TEXT = 2, 500


class SubjectError(ValueError):
    """None or more than one subject was given (a 400 in the API, a form error on the page)."""


@dataclass
class Subject:
    kind: str  # MatchSubject
    cluster: ClusterOrganisation | None = None
    post: PartnerSearch | None = None
    text: str = ""
    demo: bool = False
    countries: list = field(default_factory=list)

    def params(self) -> dict:
        """The query parameters that ask for this subject again (for tab, paging and vote links)."""
        if self.kind == MatchSubject.CLUSTER:
            return {"cluster": self.cluster.slug}
        if self.kind == MatchSubject.POST:
            return {"post": self.post.pk}
        params = {"q": self.text}
        if self.demo:
            params["demo"] = "1"
        if self.countries:
            params["country"] = self.countries[0] if len(self.countries) == 1 else list(self.countries)
        return params


def given(cluster, post, text) -> int:
    return sum(1 for value in (cluster, post, text) if value not in (None, ""))


def resolve(
    user, *, cluster: str | None = None, post: int | None = None, text: str | None = None, demo=False, countries=()
) -> tuple[Subject, object]:
    """(subject, need) for exactly one of a cluster slug, a post id or a need text. SubjectError when none or several
    are given; LookupError for a cluster or post the user cannot see; PermissionError when they may not ask."""
    if given(cluster, post, text) != 1:
        raise SubjectError
    if cluster:
        found = None if "\x00" in cluster else ClusterOrganisation.objects.filter(slug=cluster).first()
        if found is None:
            raise LookupError(cluster)
        return Subject(MatchSubject.CLUSTER, cluster=found, demo=found.is_demo), service.need_for(user, cluster=found)
    if post is not None:
        posts = PartnerSearch.objects.select_related("cluster")
        found = posts.filter(pk=post).first() if 1 <= post <= MAX_ID else None
        if found is None:
            raise LookupError(post)
        return Subject(MatchSubject.POST, post=found, demo=found.cluster.is_demo), service.need_for(user, post=found)
    countries = sorted(set(countries))
    subject = Subject(MatchSubject.TEXT, text=text, demo=bool(demo), countries=countries)
    return subject, service.need_for(user, text=text, demo=bool(demo), countries=countries)


def votes(user, need, kind: str, object_ids) -> dict[int, int]:
    """The user's current vote on each of these candidates for this need (one query)."""
    rows = MatchFeedback.objects.filter(
        user=user, subject=need.subject, subject_key=need.key, candidate_kind=kind, candidate_id__in=list(object_ids)
    ).values_list("candidate_id", "vote")
    return dict(rows)


def shown_via(user, matches) -> dict[int, ClusterOrganisation]:
    """Object id → the cluster a member organisation is matched through, when the user may see that cluster
    (an unpublished cluster outside the user's scope is not named)."""
    via = {m.object.pk: m.via_cluster for m in matches if m.via_cluster is not None}
    hidden = {c.pk for c in via.values() if not c.is_published}
    if hidden:
        seen = set(
            ClusterOrganisation.objects.filter(cluster_visibility_filter(user), pk__in=hidden).values_list(
                "pk", flat=True
            )
        )
        hidden -= seen
    return {pk: cluster for pk, cluster in via.items() if cluster.pk not in hidden}
