"""The calls API: the list (visibility, filters, paging) and one call with its form, criteria and phases."""

import datetime

import pytest

from klusterplattform.calls.forms_engine import DEFAULT_FORM
from klusterplattform.calls.models import Application, FormVersion
from klusterplattform.registry.tests.factories import ProgrammeFactory

from .calls_world import build_world, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_the_list_is_public_for_published_calls_and_filters(client, world):
    make_call(world.programme, slug="later", opens_in_days=5, closes_in_days=20)
    make_call(world.programme, slug="over", opens_in_days=-30, closes_in_days=-2)
    make_call(world.programme, slug="secret", is_published=False)
    make_call(ProgrammeFactory(slug="other", is_published=True), slug="elsewhere", opens_in_days=-3)
    assert slugs(client.get("/api/v1/calls")) == ["later", "cw-call", "elsewhere", "over"]
    assert slugs(client.get("/api/v1/calls?status=open")) == ["cw-call", "elsewhere"]
    assert slugs(client.get("/api/v1/calls?status=forthcoming")) == ["later"]
    assert slugs(client.get("/api/v1/calls?status=closed")) == ["over"]
    assert slugs(client.get("/api/v1/calls?programme=other")) == ["elsewhere"]
    assert client.get("/api/v1/calls?status=someday").status_code == 422
    client.force_login(world.officer)
    assert "secret" in slugs(client.get("/api/v1/calls"))


def test_the_list_is_paged_with_a_count(client, world):
    for number in range(4):
        make_call(world.programme, slug=f"c{number}", form=False)
    body = client.get("/api/v1/calls?page=2&page_size=2").json()
    assert body["count"] == 5 and body["page"] == 2 and len(body["results"]) == 2


def test_a_call_has_its_dates_form_criteria_and_phases(client, world):
    call = world.call
    Application.objects.create(call=call, cluster=world.cluster_a, form_version=world.form, status="selected")
    body = client.get(f"/api/v1/calls/{call.slug}", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["status"] == "open" and body["title"] == "Call for cluster organisations"
    assert body["time_zone"] == "Europe/Stockholm" and body["selected"] == 1
    assert body["form"]["version"] == 1 and body["form"]["definition"] == DEFAULT_FORM
    assert body["form"]["frozen_at"] is not None
    assert [c["code"] for c in body["criteria"]] == ["relevance", "quality", "international"]
    assert [c["allows_na"] for c in body["criteria"]] == [False, False, True]
    assert body["criteria"][0]["weight"] == 2.0
    assert body["phases"] == [
        {
            "id": world.phase.pk,
            "name_sv": "Bedömning",
            "name_en": "Review",
            "position": 0,
            "visibility": "after_own",
            "hide_applicants": False,
            "is_current": True,
        }
    ]


def test_reading_an_opened_call_freezes_its_form(client, world):
    call = make_call(world.programme, slug="opened", opens_in_days=-1)
    FormVersion.objects.filter(call=call).update(frozen_at=None)
    body = client.get(f"/api/v1/calls/{call.slug}").json()
    assert body["form"]["frozen_at"] is not None
    assert FormVersion.objects.get(call=call).frozen_at is not None


def test_local_times_are_in_the_calls_zone(client, world):
    call = make_call(
        world.programme,
        slug="tokyo",
        opens_at=datetime.datetime(2030, 1, 1, 0, 0, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2030, 2, 1, 0, 0, tzinfo=datetime.UTC),
        time_zone="Asia/Tokyo",
    )
    body = client.get(f"/api/v1/calls/{call.slug}").json()
    assert body["status"] == "forthcoming"
    assert body["opens_at"].startswith("2030-01-01T00:00:00")
    assert body["local_opens"] == "2030-01-01T09:00:00+09:00"


def test_an_unpublished_or_unknown_call_is_404_except_for_officers(client, world):
    call = make_call(world.programme, slug="secret", is_published=False)
    assert client.get("/api/v1/calls/secret").status_code == 404
    assert client.get("/api/v1/calls/nothing").status_code == 404
    for user in (world.manager_a, world.regional_a, world.reviewer_1, world.outsider):
        client.force_login(user)
        assert client.get(f"/api/v1/calls/{call.slug}").status_code == 404
    client.force_login(world.officer)
    assert client.get(f"/api/v1/calls/{call.slug}").status_code == 200


def test_a_bad_token_is_401(client, world):
    response = client.get("/api/v1/calls", HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401


def test_the_list_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for number in range(5):
        make_call(world.programme, slug=f"c{number}", form=False, opens_in_days=-1 - number)
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/calls").status_code == 200
