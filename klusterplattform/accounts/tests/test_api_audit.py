"""GET /api/v1/audit?object=…: an object's audit trail for officers, read-only, paged."""

import datetime

import pytest

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import ApiToken, AuditEvent
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, UserFactory

URL = "/api/v1/audit"


@pytest.fixture
def cluster(db):
    return ClusterFactory(name="Polar Cluster", slug="polar", regions=[RegionFactory(code="25")], is_published=False)


@pytest.fixture
def officer(db):
    user = UserFactory(email="officer@example.org")
    grant_role(user, "officer")
    return user


def bearer(user) -> dict:
    _token, raw = ApiToken.issue(user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def ask(client, obj, headers=None, **params):
    reference = obj if isinstance(obj, str) else audit.object_reference(obj)
    return client.get(URL, {"object": reference, **params}, **(headers or {}))


def test_anonymous_callers_must_authenticate(client, cluster):
    response = ask(client, cluster)
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        ("cluster_manager", {"clusters": ["polar"]}),  # the cluster's own manager
        ("cluster_manager", {"clusters": ["other"]}),
        ("regional_officer", {"regions": ["25"]}),
        ("reviewer", {}),
    ],
)
def test_everyone_but_officers_and_administrators_is_forbidden(client, cluster, role, scope):
    ClusterFactory(slug="other")
    user = UserFactory()
    grant_role(user, role, **scope)
    response = ask(client, cluster, bearer(user))
    assert response.status_code == 403 and response.json()["detail"]
    assert ask(client, "nonsense", bearer(user)).status_code == 403  # no hint about what a good reference is


def test_officers_read_the_trail_with_a_token_newest_first_field_by_field(client, cluster, officer):
    with audit.audit_context("api", actor=officer):
        cluster.name = "Arctic Cluster"
        cluster.save()
    response = ask(client, cluster, bearer(officer))
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["page_size"]) == (3, 1, 20)  # created, regions set, renamed
    newest, _regions, created = body["results"]
    assert newest["action"] == "update" and created["action"] == "create"
    assert newest["changes"] == {"name": ["Polar Cluster", "Arctic Cluster"]}
    assert newest["actor"] == {"id": officer.pk, "email": "officer@example.org"}
    assert newest["channel"] == "api" and created["channel"] == "command" and created["actor"] is None
    assert newest["object_type"] == "registry.clusterorganisation" and newest["object_id"] == str(cluster.pk)
    assert newest["object_repr"] == "Arctic Cluster"
    event = AuditEvent.objects.get(pk=newest["id"])
    at = datetime.datetime.fromisoformat(newest["at"])
    assert abs(at - event.at) < datetime.timedelta(milliseconds=1)  # JSON carries milliseconds
    assert at.utcoffset() in (datetime.timedelta(hours=1), datetime.timedelta(hours=2))  # Swedish time, with offset
    assert "search_text" not in created["changes"] and "updated_at" not in created["changes"]


def test_administrators_read_it_with_their_session(client, cluster):
    admin = UserFactory()
    grant_role(admin, "admin")
    client.force_login(admin)
    response = ask(client, cluster)
    assert response.status_code == 200 and response.json()["count"] == 2


def test_a_deleted_object_keeps_its_trail(client, cluster, officer):
    reference = audit.object_reference(cluster)
    cluster.delete()
    results = ask(client, reference, bearer(officer)).json()["results"]
    assert results[0]["action"] == "delete" and results[0]["changes"]["name"] == ["Polar Cluster", None]


@pytest.mark.parametrize(
    "reference",
    [
        "nonsense",
        "registry.clusterorganisation",
        "registry.clusterorganisation:abc",
        "registry.nothing:1",
        "accounts.user:1",
    ],
)
def test_a_malformed_or_untracked_object_is_a_field_error(client, officer, reference):
    response = client.get(URL, {"object": reference}, **bearer(officer))
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "object"] and "app_label.model:id" in problem["msg"]


def test_the_object_is_required(client, officer):
    response = client.get(URL, **bearer(officer))
    assert response.status_code == 422
    assert any(problem["loc"][-1] == "object" for problem in response.json()["detail"])


def test_the_trail_is_paged_with_a_capped_page_size_and_a_query_count_that_does_not_grow(
    client, cluster, officer, django_assert_max_num_queries
):
    for number in range(30):
        cluster.description = f"Version {number}"
        cluster.save()
    headers = bearer(officer)
    with django_assert_max_num_queries(5):
        first = ask(client, cluster, headers, page_size=10).json()
    assert first["count"] == 32 and len(first["results"]) == 10
    assert first["results"][0]["changes"]["description"] == ["Version 28", "Version 29"]
    with django_assert_max_num_queries(5):
        last = ask(client, cluster, headers, page=4, page_size=10).json()
    assert [r["action"] for r in last["results"]] == ["update", "create"]
    assert ask(client, cluster, headers, page_size=5000).json()["page_size"] == 100


def test_the_trail_cannot_be_written_through_the_api(client, cluster, officer):
    headers = bearer(officer)
    before = list(AuditEvent.objects.values_list("pk", "object_repr", "changes"))
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"{URL}?object={audit.object_reference(cluster)}", {}, **headers)
        assert response.status_code == 405, method
    assert list(AuditEvent.objects.values_list("pk", "object_repr", "changes")) == before
