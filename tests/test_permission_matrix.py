"""The permission matrix: every page route and every API operation, requested as every persona, answers the status
written here. A route or operation that is not in the matrix fails `test_every_route_and_operation_is_in_the_matrix`,
so nothing new ships without a decision about who may use it.

The world: cluster A is unpublished and in the northern region; cluster B is published and in the southern one.
Object routes target A, the case where a leak would matter: anyone outside A's scope must get 404, not 403.
Every request runs in a savepoint that is rolled back, so a write by one persona does not change what the next sees.
"""

import contextlib
import re

import pytest
from django.db import transaction
from django.urls import URLResolver, get_resolver
from django.utils import translation

from klusterplattform.accounts.models import ApiToken
from klusterplattform.api import api
from klusterplattform.registry import invitations
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    ProgrammeFactory,
    RegionFactory,
    UserFactory,
)
from tests import matrix_parts
from tests.matrix_common import (  # noqa: F401 - the presets are part of the table's vocabulary
    A_EDIT,
    A_EDIT_API,
    A_MEMBERS,
    A_VISIBLE,
    API_SIGNED_IN,
    B_EDIT,
    B_EDIT_API,
    GET,
    PERSONAS,
    POST,
    PUBLIC,
    SIGNED_IN,
    STAFF_PAGE,
    Call,
    Entry,
    page,
    statuses,
)

# Page routes (as Django prints them, Swedish paths; English is the same under /en/).
PAGES: dict[str, Entry] = {
    "": page(Call(GET, "/", PUBLIC)),
    "i18n/setlang/": page(Call(POST, "/i18n/setlang/", statuses(302), {"language": "en", "next": "/"})),
    "admin/": page(Call(GET, "/admin/", statuses(302, officer=200, admin=200))),
    "integritet/": page(Call(GET, "/integritet/", PUBLIC)),
    "konto/": page(Call(GET, "/konto/", SIGNED_IN)),
    "konto/logga-in/": page(Call(GET, "/konto/logga-in/", PUBLIC)),
    # The code step of signing in: without a pending password step it sends everyone back to sign in.
    "konto/logga-in/kod/": page(Call(GET, "/konto/logga-in/kod/", statuses(302))),
    "konto/tvafaktor/": page(Call(GET, "/konto/tvafaktor/", SIGNED_IN)),
    # Without a confirmed device there is nothing to turn off: back to enrolment (anonymous: to sign in).
    "konto/tvafaktor/stang-av/": page(Call(GET, "/konto/tvafaktor/stang-av/", statuses(302))),
    "konto/logga-ut/": page(
        Call(GET, "/konto/logga-ut/", statuses(405)), Call(POST, "/konto/logga-ut/", statuses(302))
    ),
    "konto/losenord/aterstall/": page(Call(GET, "/konto/losenord/aterstall/", PUBLIC)),
    "konto/losenord/aterstall/skickat/": page(Call(GET, "/konto/losenord/aterstall/skickat/", PUBLIC)),
    "konto/losenord/nytt/<uidb64>/<token>/": page(Call(GET, "/konto/losenord/nytt/MQ/not-a-token/", PUBLIC)),
    "konto/losenord/klart/": page(Call(GET, "/konto/losenord/klart/", PUBLIC)),
    # Manager A's token: only its owner may revoke it; for anyone else it does not exist.
    "konto/nycklar/<int:token_id>/aterkalla/": page(
        Call(GET, "/konto/nycklar/{token_id}/aterkalla/", statuses(404, anonymous=302, manager_a=200))
    ),
    "kluster/": page(Call(GET, "/kluster/", PUBLIC)),
    # Everyone may export; what the file holds follows cluster.view (registry/tests/test_directory_export.py).
    "kluster/export.<str:file_format>": page(Call(GET, "/kluster/export.csv", PUBLIC)),
    "kluster/<slug:slug>/": page(Call(GET, "/kluster/{a}/", A_VISIBLE), Call(GET, "/kluster/{b}/", PUBLIC)),
    "kluster/<slug:slug>/redigera/": page(
        Call(GET, "/kluster/{a}/redigera/", A_EDIT),
        Call(GET, "/kluster/{b}/redigera/", B_EDIT),
    ),
    "kluster/<slug:slug>/medlemmar/": page(Call(GET, "/kluster/{a}/medlemmar/", A_EDIT)),
    "kluster/<slug:slug>/medlemmar/<int:membership_id>/avsluta/": page(
        Call(GET, "/kluster/{a}/medlemmar/{membership_a}/avsluta/", A_EDIT)
    ),
    "regioner/": page(Call(GET, "/regioner/", PUBLIC)),
    "regioner/<str:code>/": page(Call(GET, "/regioner/{north}/", PUBLIC)),
    "program/": page(Call(GET, "/program/", PUBLIC)),
    "program/<slug:slug>/": page(
        Call(GET, "/program/{hidden_programme}/", statuses(404, officer=200, admin=200)),
        Call(GET, "/program/{programme}/", PUBLIC),
    ),
    "organisationer/import/": page(Call(GET, "/organisationer/import/", STAFF_PAGE)),
    "kluster/<slug:slug>/inbjudningar/": page(Call(GET, "/kluster/{a}/inbjudningar/", STAFF_PAGE)),
    "kluster/<slug:slug>/inbjudningar/<int:invitation_id>/aterkalla/": page(
        Call(GET, "/kluster/{a}/inbjudningar/{invitation_id}/aterkalla/", STAFF_PAGE)
    ),
    # The invitation link needs no sign-in: the token is the key.
    "inbjudan/<str:token>/": page(Call(GET, "/inbjudan/{invitation_token}/", PUBLIC)),
    "historik/<str:reference>/": page(Call(GET, "/historik/{a_ref}/", STAFF_PAGE)),
    # Personal data (GDPR): the address travels in POST bodies; a GET of export or erase only leads back to search.
    "personer/": page(
        Call(GET, "/personer/", STAFF_PAGE), Call(POST, "/personer/", STAFF_PAGE, {"email": "manager_a@example.org"})
    ),
    "personer/exportera/": page(
        Call(GET, "/personer/exportera/", statuses(404, anonymous=302, officer=302, admin=302)),
        Call(POST, "/personer/exportera/", STAFF_PAGE, {"email": "manager_a@example.org"}),
    ),
    "personer/radera/": page(
        Call(GET, "/personer/radera/", statuses(404, anonymous=302, officer=302, admin=302)),
        Call(POST, "/personer/radera/", STAFF_PAGE, {"email": "manager_a@example.org"}),
    ),
}

# API operations, keyed as the OpenAPI schema names them.
API: dict[tuple[str, str], Entry] = {
    ("GET", "/api/v1/clusters"): page(Call(GET, "/api/v1/clusters", PUBLIC)),
    ("GET", "/api/v1/clusters/{slug}"): page(
        Call(GET, "/api/v1/clusters/{a}", A_VISIBLE), Call(GET, "/api/v1/clusters/{b}", PUBLIC)
    ),
    ("PATCH", "/api/v1/clusters/{slug}"): page(
        Call("PATCH", "/api/v1/clusters/{a}", A_EDIT_API, {}, True),
        Call("PATCH", "/api/v1/clusters/{b}", B_EDIT_API, {}, True),
    ),
    ("GET", "/api/v1/clusters/{slug}/memberships"): page(Call(GET, "/api/v1/clusters/{a}/memberships", A_EDIT_API)),
    # An unknown organisation: whoever may add members gets past the permission check to the 422.
    ("POST", "/api/v1/clusters/{slug}/memberships"): page(
        Call(
            POST,
            "/api/v1/clusters/{a}/memberships",
            statuses(404, anonymous=401, manager_a=422, regional_in=403, officer=422, admin=422),
            {"organisation_key": "ID:not-in-the-registry"},
            True,
        )
    ),
    ("DELETE", "/api/v1/clusters/{slug}/memberships/{membership_id}"): page(
        Call("DELETE", "/api/v1/clusters/{a}/memberships/{membership_a}", A_EDIT_API)
    ),
    # Anyone signed in may ask; the answer holds only the organisations their roles reach.
    ("GET", "/api/v1/organisations"): page(Call(GET, "/api/v1/organisations", API_SIGNED_IN)),
    ("GET", "/api/v1/regions"): page(Call(GET, "/api/v1/regions", PUBLIC)),
    ("GET", "/api/v1/regions/{code}"): page(Call(GET, "/api/v1/regions/{north}", PUBLIC)),
    ("GET", "/api/v1/taxonomies/ecosystems"): page(Call(GET, "/api/v1/taxonomies/ecosystems", PUBLIC)),
    ("GET", "/api/v1/taxonomies/sectors"): page(Call(GET, "/api/v1/taxonomies/sectors", PUBLIC)),
    ("GET", "/api/v1/taxonomies/technology-fields"): page(Call(GET, "/api/v1/taxonomies/technology-fields", PUBLIC)),
    ("GET", "/api/v1/programmes"): page(Call(GET, "/api/v1/programmes", PUBLIC)),
    ("GET", "/api/v1/programmes/{slug}"): page(
        Call(GET, "/api/v1/programmes/{hidden_programme}", statuses(404, officer=200, admin=200)),
        Call(GET, "/api/v1/programmes/{programme}", PUBLIC),
    ),
    ("GET", "/api/v1/me"): page(Call(GET, "/api/v1/me", API_SIGNED_IN)),
    ("GET", "/api/v1/tokens"): page(Call(GET, "/api/v1/tokens", API_SIGNED_IN)),
    # Officers only; for anyone else signed in the trail is forbidden, whatever object they name.
    ("GET", "/api/v1/audit"): page(
        Call(GET, "/api/v1/audit?object={a_ref}", statuses(403, anonymous=401, officer=200, admin=200))
    ),
    ("POST", "/api/v1/tokens"): page(Call(POST, "/api/v1/tokens", statuses(201, anonymous=401), {"name": "x"}, True)),
    ("DELETE", "/api/v1/tokens/{token_id}"): page(
        Call("DELETE", "/api/v1/tokens/{token_id}", statuses(404, anonymous=401, manager_a=204))
    ),
}

# Feature modules keep their rows in tests/matrix_parts/ (see there).
PAGES.update(matrix_parts.merged("PAGES"))
API.update(matrix_parts.merged("API"))

# Routes served by the API's own resolver that are not operations in its schema.
API_EXTRAS: dict[str, Entry] = {
    "api/v1/": page(Call(GET, "/api/v1/", statuses(404))),
    "api/v1/openapi.json": page(Call(GET, "/api/v1/openapi.json", PUBLIC)),
    "api/v1/docs": page(Call(GET, "/api/v1/docs", PUBLIC)),
}


def page_routes() -> set[str]:
    """Every route Django resolves, as a pattern string; the admin counts as one route (its own permission system
    lets only staff in), and the API's operations are taken from its schema instead."""
    found = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith("admin/"):
                found.add("admin/")
            elif isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            else:
                found.add(route)

    with translation.override("sv"):  # the unprefixed default language: an active "en" would print en/ prefixes
        walk(get_resolver().url_patterns, "")
    return found


def api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(method.upper(), path) for path, operations in schema["paths"].items() for method in operations}


def api_routes() -> set[str]:
    return {route for route in page_routes() if route.startswith("api/")}


def operation_routes() -> set[str]:
    """The Django routes behind the schema's operations: /api/v1/clusters/{slug} → api/v1/clusters/<slug>."""
    return {path.lstrip("/").replace("{", "<").replace("}", ">") for _method, path in api_operations()}


def test_every_route_and_operation_is_in_the_matrix():
    missing_pages = (page_routes() - api_routes()) - set(PAGES)
    missing_api = api_operations() - set(API)
    # A route's converter is not in the schema ({identifier} for <path:identifier>): compare without it.
    bare = {route: re.sub(r"<\w+:(\w+)>", r"<\1>", route) for route in api_routes()}
    missing_extras = {route for route, plain in bare.items() if plain not in operation_routes()} - set(API_EXTRAS)
    stale = (set(PAGES) - page_routes()) | {key for key in API if key not in api_operations()}
    assert not missing_pages, f"Routes missing from the permission matrix: {sorted(missing_pages)}"
    assert not missing_api, f"API operations missing from the permission matrix: {sorted(missing_api)}"
    assert not missing_extras, f"API routes outside the schema missing from the matrix: {sorted(missing_extras)}"
    assert not stale, f"Matrix entries for routes that no longer exist: {sorted(stale)}"


@pytest.fixture
def world(db):
    north, south = RegionFactory(code="25"), RegionFactory(code="12")
    cluster_a = ClusterFactory(slug="kluster-a", is_published=False, regions=[north])
    cluster_b = ClusterFactory(slug="kluster-b", is_published=True, regions=[south])
    MembershipFactory(cluster=cluster_a)
    users = {}
    for persona, role, scope in [
        ("manager_a", "cluster_manager", {"clusters": ["kluster-a"]}),
        ("manager_b", "cluster_manager", {"clusters": ["kluster-b"]}),
        ("regional_in", "regional_officer", {"regions": ["25"]}),
        ("regional_out", "regional_officer", {"regions": ["12"]}),
        ("assessor", "assessor", {}),
        ("reviewer", "reviewer", {}),
        ("officer", "officer", {}),
        ("admin", "admin", {}),
    ]:
        users[persona] = UserFactory(email=f"{persona}@example.org")
        grant_role(users[persona], role, **scope)
    token, _raw = ApiToken.issue(users["manager_a"], name="matrix")
    invitation, invitation_token = invitations.invite(users["officer"], "invitee@example.org", cluster_a, "")
    programme = ProgrammeFactory(slug="open-programme")
    values = {
        "a": cluster_a.slug,
        "a_ref": f"registry.clusterorganisation:{cluster_a.pk}",
        "b": cluster_b.slug,
        "north": north.code,
        "programme": programme.slug,
        "hidden_programme": ProgrammeFactory(slug="hidden-programme", is_published=False).slug,
        "token_id": token.pk,
        "invitation_id": invitation.pk,
        "invitation_token": invitation_token,
        "membership_a": cluster_a.memberships.get().pk,
    }
    objects = {"users": users, "cluster_a": cluster_a, "cluster_b": cluster_b, "programme": programme, **values}
    values.update(matrix_parts.values(objects))
    return {"users": users, "values": values}


def _request(client, call: Call, values: dict):
    url = call.url.format(**values)
    method = getattr(client, call.method.lower())
    if call.json:
        return method(url, call.data or {}, content_type="application/json")
    if call.method == "GET":
        return method(url)
    return method(url, call.data or {})


class _Rollback(Exception):
    """Raised inside the savepoint so that whatever the request wrote is undone."""


def _status_as(client, persona: str, call: Call, world) -> int:
    client.logout()
    if persona != "anonymous":
        client.force_login(world["users"][persona])
    status = None
    with contextlib.suppress(_Rollback), transaction.atomic():
        status = _request(client, call, world["values"]).status_code
        raise _Rollback
    return status


def _all_entries():
    for _key, entry in [*PAGES.items(), *API.items(), *API_EXTRAS.items()]:
        for call in entry.calls:
            yield pytest.param(call, id=f"{call.method} {call.url}")


@pytest.mark.parametrize("call", list(_all_entries()))
def test_each_persona_gets_the_status_the_matrix_says(client, world, call):
    answers = {persona: _status_as(client, persona, call, world) for persona in PERSONAS}
    wrong = {p: (answers[p], call.expect[p]) for p in PERSONAS if answers[p] != call.expect[p]}
    assert not wrong, f"{call.method} {call.url}: persona → (got, expected): {wrong}"


def _new_page(request):
    from django.http import HttpResponse

    return HttpResponse("new")


def _urlpatterns_with_a_new_page():
    from django.urls import path

    from klusterplattform.urls import urlpatterns as project_patterns

    return [*project_patterns, path("ny-sida/", _new_page)]


urlpatterns = _urlpatterns_with_a_new_page()


@pytest.mark.urls(__name__)
def test_a_new_route_that_is_missing_from_the_matrix_is_reported():
    assert page_routes() - api_routes() - set(PAGES) == {"ny-sida/"}
