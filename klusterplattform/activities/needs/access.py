"""Who sees what of a programme's needs analysis: the checks the pages, the exports and the API share.

A needs analysis is about the programme's participating clusters and their regions (activities.permissions
.programme_reach), so needs.view reaches a cluster manager of a participating cluster, a regional officer of a
participant's region, officers and administrators. What each sees:

- officers (needs.drill_down): the aggregate, the clusters that share each need (by name) and stated free texts;
- cluster managers: the anonymised aggregate and, beside it, their own clusters' positions; nothing naming others;
- regional officers: the aggregate only.

A programme the user may not see at all (programme.view and needs.view both refused) is a 404; one they see but
whose analysis they may not read is a 403.
"""

from dataclasses import dataclass, field

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import check
from klusterplattform.registry.permissions import managed_cluster_ids

from ..permissions import programme_reach


@dataclass(frozen=True)
class ProgrammeNeeds:
    """The object needs.* is checked on: a programme's needs analysis (reaches its participants and their regions)."""

    programme: object


engine.describe(ProgrammeNeeds, lambda subject: programme_reach(subject.programme, published=False))


@dataclass(frozen=True)
class Audience:
    """What one user may see of an analysis."""

    drill_down: bool = False  # officers: names of clusters, free texts
    own_cluster_ids: frozenset = field(default_factory=frozenset)  # cluster managers: their own positions


def may_view(user, programme) -> bool:
    return bool(check(user, "needs.view", ProgrammeNeeds(programme)))


def sees_programme(user, programme) -> bool:
    """May the user know the programme exists (so a refusal is a 403, not a 404)?"""
    return bool(check(user, "programme.view", programme)) or may_view(user, programme)


def audience(user, programme) -> Audience:
    drill_down = bool(check(user, "needs.drill_down", ProgrammeNeeds(programme)))
    return Audience(drill_down=drill_down, own_cluster_ids=frozenset(managed_cluster_ids(user)))


def may_manage_focus(user, programme) -> bool:
    return bool(check(user, "focus.manage", ProgrammeNeeds(programme)))
