"""The permission engine: one table says which role may do which action, and on what scope.

Every app declares its actions with `define()` (the registry in registry/permissions.py, later modules in theirs).
Object checks (`check`) and list filters (`filter_for`) read the same table, and docs/roles.md is generated from it
(`klusterplattform roles_doc`), so what the code enforces and what the documentation says cannot drift apart.

A scope says which objects a grant reaches:
- `all`: every object;
- `published`: objects that are published;
- `own_cluster`: objects of a cluster organisation the grant is scoped to (cluster managers);
- `own_region`: objects in a region the grant is scoped to (regional officers);
- `assigned`: objects the user has been assigned to (assessors, reviewers; used by the later modules);
- `self`: the user's own objects (their account, tokens).

This module knows nothing of models: an app tells it what an object is about with `describe(model, facts)`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .roles import ANONYMOUS, SIGNED_IN, Role


class Scope:
    ALL = "all"
    PUBLISHED = "published"
    OWN_CLUSTER = "own_cluster"
    OWN_REGION = "own_region"
    ASSIGNED = "assigned"
    SELF = "self"


SCOPE_LABELS = {
    Scope.ALL: _("all"),
    Scope.PUBLISHED: _("published only"),
    Scope.OWN_CLUSTER: _("own cluster organisations"),
    Scope.OWN_REGION: _("own regions"),
    Scope.ASSIGNED: _("assigned to them"),
    Scope.SELF: _("their own"),
}

# The columns of the table, in the order docs/roles.md shows them.
TABLE_ROLES = (
    ANONYMOUS,
    SIGNED_IN,
    Role.CLUSTER_MANAGER,
    Role.REGIONAL_OFFICER,
    Role.ASSESSOR,
    Role.REVIEWER,
    Role.OFFICER,
    Role.ADMIN,
)


@dataclass(frozen=True)
class Action:
    code: str
    description: str
    grants: dict  # role code -> scope


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str

    def __bool__(self):
        return self.allowed

    def __iter__(self):  # `allowed, reason = check(...)`
        return iter((self.allowed, self.reason))


@dataclass
class Facts:
    """What an object is about, as far as permissions go."""

    published: bool = False
    cluster_ids: set = field(default_factory=set)
    region_ids: set = field(default_factory=set)
    owner_id: int | None = None
    assigned_user_ids: set = field(default_factory=set)


@dataclass(frozen=True)
class Held:
    """One role the user holds, with its scope (a user holds several)."""

    role: str
    cluster_id: int | None = None
    region_id: int | None = None


_ACTIONS: dict[str, Action] = {}
_DESCRIBERS: dict[type, Callable] = {}


def define(code: str, description, **grants: str) -> Action:
    unknown = set(grants) - set(TABLE_ROLES)
    if unknown:
        raise ValueError(f"Unknown roles in {code}: {sorted(unknown)}")
    action = Action(code, description, grants)
    _ACTIONS[code] = action
    return action


def actions() -> list[Action]:
    return sorted(_ACTIONS.values(), key=lambda action: action.code)


def describe(model: type, facts: Callable) -> None:
    """Register how to find the Facts of an instance of `model`."""
    _DESCRIBERS[model] = facts


def facts_of(obj) -> Facts:
    for model in type(obj).__mro__:
        if model in _DESCRIBERS:
            return _DESCRIBERS[model](obj)
    raise LookupError(f"No permission facts registered for {type(obj).__name__}")


def held_roles(user) -> list[Held]:
    """The roles the user holds: implicit ones first, then the grants (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False):
        return [Held(ANONYMOUS)]
    cached = getattr(user, "_kp_held", None)
    if cached is None:
        cached = [Held(ANONYMOUS), Held(SIGNED_IN)]
        if user.is_superuser:
            cached.append(Held(Role.ADMIN))
        cached += [Held(g.role, g.cluster_id, g.region_id) for g in user.role_grants.all()]
        user._kp_held = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return any(held.role in roles for held in held_roles(user))


def scope_ids(user, role: str, attribute: str) -> set[int]:
    return {getattr(held, attribute) for held in held_roles(user) if held.role == role}


def _reaches(held: Held, scope: str, user, facts: Facts | None) -> bool:
    if scope == Scope.ALL:
        return True
    if facts is None:  # "may the user do this to some object?": a scoped grant says yes
        return True
    if scope == Scope.PUBLISHED:
        return facts.published
    if scope == Scope.OWN_CLUSTER:
        return held.cluster_id in facts.cluster_ids
    if scope == Scope.OWN_REGION:
        return held.region_id in facts.region_ids
    if scope == Scope.ASSIGNED:
        return user.pk in facts.assigned_user_ids
    if scope == Scope.SELF:
        return facts.owner_id is not None and facts.owner_id == user.pk
    raise ValueError(f"Unknown scope {scope!r}")


def check(user, code: str, obj=None) -> Decision:
    """May `user` do the action `code` (on `obj`, or on some object when obj is None)? Allowed or denied, with why."""
    action = _ACTIONS[code]
    facts = None if obj is None else facts_of(obj)
    for held in held_roles(user):
        scope = action.grants.get(held.role)
        if scope is not None and _reaches(held, scope, user, facts):
            return Decision(True, f"{held.role}: {scope}")
    if not getattr(user, "is_authenticated", False) and action.grants.get(SIGNED_IN):
        return Decision(False, "sign in first")
    return Decision(False, f"no role of the user grants {code}")


def reaching_roles(user, code: str, obj) -> set[str]:
    """The roles through which `user` may do `code` to `obj` (e.g. {"reviewer"} for someone who sees an application
    only because they review it), for pages that show less to a role than to the object's owners."""
    action = _ACTIONS[code]
    facts = facts_of(obj)
    return {
        held.role
        for held in held_roles(user)
        if action.grants.get(held.role) is not None and _reaches(held, action.grants[held.role], user, facts)
    }


def allowed_scopes(user, code: str) -> list[tuple[Held, str]]:
    action = _ACTIONS[code]
    return [(held, action.grants[held.role]) for held in held_roles(user) if held.role in action.grants]


def filter_for(user, code: str, paths: dict[str, Callable]) -> Q:
    """A Q for the objects `user` may do `code` to. `paths` turns a scope into a Q for the model being listed:
    {Scope.PUBLISHED: lambda ids: Q(is_published=True), Scope.OWN_CLUSTER: lambda ids: Q(cluster_id__in=ids), …};
    a scope the model has no path for reaches nothing."""
    ids: dict[str, set] = {}
    for held, scope in allowed_scopes(user, code):
        if scope == Scope.ALL:
            return Q()
        bucket = ids.setdefault(scope, set())
        if scope == Scope.OWN_CLUSTER:
            bucket.add(held.cluster_id)
        elif scope == Scope.OWN_REGION:
            bucket.add(held.region_id)
        elif scope in (Scope.SELF, Scope.ASSIGNED):
            bucket.add(user.pk)
    condition = Q(pk__in=[])
    for scope, scope_set in ids.items():
        if scope in paths:
            condition |= paths[scope](scope_set)
    return condition
