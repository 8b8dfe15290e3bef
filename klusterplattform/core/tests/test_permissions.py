"""The permission engine: one table, object checks with a reason, list filters from the same rows, and the roles
documentation generated from it."""

import pytest
from django.core.management import CommandError, call_command

from klusterplattform.core import permissions, roles_doc
from klusterplattform.core.permissions import Scope, check, define, filter_for
from klusterplattform.registry.models import ClusterOrganisation
from klusterplattform.registry.permissions import CLUSTER_PATHS
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, RoleGrantFactory, UserFactory


@pytest.fixture
def temporary_action():
    """Define a throw-away action for one test and remove it again, so the real table is untouched."""
    defined = []

    def _define(code, **grants):
        defined.append(code)
        return define(code, "test action", **grants)

    yield _define
    for code in defined:
        permissions._ACTIONS.pop(code, None)


@pytest.fixture
def world(db):
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    return {
        "north": north,
        "south": south,
        "own": ClusterFactory(slug="own", regions=[north]),
        "hidden_north": ClusterFactory(slug="hidden-north", is_published=False, regions=[north]),
        "hidden_south": ClusterFactory(slug="hidden-south", is_published=False, regions=[south]),
    }


def _visible(user):
    visible = ClusterOrganisation.objects.filter(filter_for(user, "cluster.view", CLUSTER_PATHS))
    return set(visible.values_list("slug", flat=True))


def test_a_decision_unpacks_into_allowed_and_reason_and_is_false_when_denied(world):
    decision = check(UserFactory(), "cluster.edit", world["own"])
    allowed, reason = decision
    assert not decision and allowed is False and "cluster.edit" in reason


def test_a_cluster_manager_may_edit_their_own_cluster_and_no_other(world):
    manager = RoleGrantFactory(role="cluster_manager", cluster=world["own"]).user
    assert check(manager, "cluster.edit", world["own"]).allowed
    assert not check(manager, "cluster.edit", world["hidden_north"]).allowed


def test_a_regional_officer_sees_unpublished_clusters_in_their_region_only(world):
    regional = RoleGrantFactory(role="regional_officer", region=world["north"]).user
    assert check(regional, "cluster.view", world["hidden_north"]).allowed
    assert not check(regional, "cluster.view", world["hidden_south"]).allowed
    assert _visible(regional) == {"own", "hidden-north"}


def test_the_list_filter_and_the_object_check_agree_for_every_persona(world):
    personas = [
        UserFactory(),
        RoleGrantFactory(role="cluster_manager", cluster=world["hidden_south"]).user,
        RoleGrantFactory(role="regional_officer", region=world["south"]).user,
        RoleGrantFactory(role="officer").user,
        RoleGrantFactory(role="assessor").user,
    ]
    for user in personas:
        by_check = {c.slug for c in ClusterOrganisation.objects.all() if check(user, "cluster.view", c).allowed}
        assert _visible(user) == by_check, user


def test_anonymous_visitors_see_published_clusters_and_are_told_to_sign_in_for_signed_in_actions(
    world, temporary_action
):
    from django.contrib.auth.models import AnonymousUser

    temporary_action("test.signed_in", signed_in=Scope.ALL)
    assert _visible(AnonymousUser()) == {"own"}
    assert check(AnonymousUser(), "test.signed_in").reason == "sign in first"
    assert check(UserFactory(), "test.signed_in").allowed


def test_a_superuser_counts_as_an_administrator(world):
    root = UserFactory(is_superuser=True)
    assert check(root, "cluster.edit", world["hidden_south"]).allowed
    assert _visible(root) == {"own", "hidden-north", "hidden-south"}


def test_self_and_assigned_scopes_reach_only_the_users_own_objects(db, temporary_action):
    temporary_action("test.own", signed_in=Scope.SELF)
    temporary_action("test.assigned", reviewer=Scope.ASSIGNED)
    permissions.describe(dict, lambda obj: permissions.Facts(owner_id=obj["owner"], assigned_user_ids=obj["assigned"]))
    try:
        anna, bo = UserFactory(), RoleGrantFactory(role="reviewer").user
        thing = {"owner": anna.pk, "assigned": {bo.pk}}
        assert check(anna, "test.own", thing).allowed and not check(bo, "test.own", thing).allowed
        assert check(bo, "test.assigned", thing).allowed and not check(anna, "test.assigned", thing).allowed
    finally:
        permissions._DESCRIBERS.pop(dict)


def test_an_action_naming_an_unknown_role_is_refused_when_defined(temporary_action):
    with pytest.raises(ValueError, match="Unknown roles"):
        temporary_action("test.bad", superhero=Scope.ALL)


def test_an_object_without_registered_facts_is_an_error_not_a_silent_yes(db, temporary_action):
    temporary_action("test.published", anonymous=Scope.PUBLISHED)
    with pytest.raises(LookupError):
        check(UserFactory(), "test.published", object())


def test_the_roles_are_read_once_per_request_however_many_checks(world, django_assert_num_queries):
    manager = RoleGrantFactory(role="cluster_manager", cluster=world["own"]).user
    with django_assert_num_queries(1):
        for _ in range(5):
            check(manager, "cluster.edit_members")


def test_docs_roles_md_holds_the_permission_table_the_code_enforces(db):
    call_command("roles_doc", "--check")
    assert roles_doc.render_table() in roles_doc.current_document()


def test_a_new_action_makes_the_roles_documentation_out_of_date(db, temporary_action):
    temporary_action("test.undocumented", officer=Scope.ALL)
    with pytest.raises(CommandError, match="out of date"):
        call_command("roles_doc", "--check")


def test_reaching_roles_names_every_role_through_which_the_user_reaches_the_object(world):
    user = UserFactory()
    RoleGrantFactory(user=user, role="cluster_manager", cluster=world["hidden_north"])
    RoleGrantFactory(user=user, role="regional_officer", region=world["north"])
    regional_only = UserFactory()
    RoleGrantFactory(user=regional_only, role="regional_officer", region=world["north"])

    assert permissions.reaching_roles(user, "cluster.view", world["hidden_north"]) == {
        "cluster_manager",
        "regional_officer",
    }
    assert permissions.reaching_roles(regional_only, "cluster.view", world["hidden_north"]) == {"regional_officer"}
    assert permissions.reaching_roles(regional_only, "cluster.view", world["hidden_south"]) == set()
