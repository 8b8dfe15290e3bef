"""The calls module's rows of the permission table (the engine is core/permissions.py).

What an application is about: its cluster (the cluster's managers start, edit, submit and withdraw it), the regions
it names (their regional officers endorse it and read it once submitted) and its active reviewers (Scope.ASSIGNED:
assigned and no conflict of interest declared). Colleagues invited to edit an application are not a role: the
helpers below add them (`may_edit`). Officers run calls: eligibility, reviewer assignment, ranking, decisions.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Decision, Facts, Scope, check, define
from klusterplattform.registry.permissions import cluster_facts

ALL, PUBLISHED, OWN_CLUSTER, OWN_REGION, ASSIGNED = (
    Scope.ALL,
    Scope.PUBLISHED,
    Scope.OWN_CLUSTER,
    Scope.OWN_REGION,
    Scope.ASSIGNED,
)

define(
    "call.view",
    _("See a call for applications (unpublished ones: officers only)"),
    anonymous=PUBLISHED,
    officer=ALL,
    admin=ALL,
)
define(
    "call.manage",
    _("Create and change calls, their forms, criteria, review phases and documents"),
    officer=ALL,
    admin=ALL,
)
define(
    "application.start",
    _("Start an application for a cluster organisation"),
    cluster_manager=OWN_CLUSTER,
)
define(
    "application.view",
    _("See an application (regional officers: those naming their region, once submitted; reviewers: assigned ones)"),
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    reviewer=ASSIGNED,
    officer=ALL,
    admin=ALL,
)
define(
    "application.edit",
    _("Fill in, submit and withdraw an application (and invite colleagues to edit it)"),
    cluster_manager=OWN_CLUSTER,
)
define(
    "application.endorse",
    _("Confirm or decline that an applying cluster is prioritised in the region's S3 strategy"),
    regional_officer=OWN_REGION,
)
define(
    "application.manage",
    _("Check eligibility, assign reviewers, see the ranking, and decide on applications"),
    officer=ALL,
    admin=ALL,
)
define(
    "application.review",
    _("Review an assigned application (after declaring no conflict of interest)"),
    reviewer=ASSIGNED,
)


def _call_facts(call) -> Facts:
    return Facts(published=call.is_published and call.programme.is_published)


def application_facts(application) -> Facts:
    facts = cluster_facts(application.cluster)
    facts.published = False
    facts.region_ids = {region.pk for region in application.regions.all()}
    facts.assigned_user_ids = set(
        application.assignments.filter(conflict_declared_at__isnull=True).values_list("reviewer_id", flat=True)
    )
    return facts


def register_facts():
    """Called from CallsConfig.ready()."""
    from . import models

    engine.describe(models.Call, _call_facts)
    engine.describe(models.Application, application_facts)


def call_visibility_filter(user) -> Q:
    return engine.filter_for(
        user, "call.view", {PUBLISHED: lambda ids: Q(is_published=True, programme__is_published=True)}
    )


def application_visibility_filter(user) -> Q:
    """Applications the user may see: a regional officer sees those naming their region once submitted; a reviewer
    those assigned without a conflict; invited editors the ones they were invited to."""
    reach = engine.filter_for(
        user,
        "application.view",
        {
            OWN_CLUSTER: lambda ids: Q(cluster_id__in=ids),
            OWN_REGION: lambda ids: Q(regions__in=ids) & ~Q(status="draft"),
            ASSIGNED: lambda ids: Q(assignments__reviewer_id__in=ids, assignments__conflict_declared_at__isnull=True),
        },
    )
    if not reach:  # Q(): a role reaching every application (`Q() | x` would be just x)
        return reach
    if getattr(user, "is_authenticated", False):
        reach |= Q(editors__user=user)
    return reach


def is_editor(user, application) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and application.editors.filter(user=user).exists()


def may_view(user, application) -> Decision:
    if is_editor(user, application):
        return Decision(True, "invited editor")
    decision = check(user, "application.view", application)
    if decision and application.status == "draft" and only_as(user, application, "regional_officer"):
        return Decision(False, "a draft is not shown to the region")
    return decision


def undeclared_assignment(user, application):
    """The user's assignment to review `application` when they reach it only as its reviewer and have not yet
    declared that they have no conflict of interest: until then they see its content only after declaring."""
    if not engine.has_role(user, "reviewer") or not only_as(user, application, "reviewer"):
        return None
    return application.assignments.filter(
        reviewer=user, conflict_declared_at__isnull=True, no_conflict_declared_at__isnull=True
    ).first()


def may_edit(user, application) -> Decision:
    if is_editor(user, application):
        return Decision(True, "invited editor")
    return check(user, "application.edit", application)


def only_as(user, application, role: str) -> bool:
    """The user reaches the application through `role` and through no other role of theirs."""
    return engine.reaching_roles(user, "application.view", application) == {role}


def can(user, action: str, obj=None) -> Decision:
    return check(user, action, obj)
