"""The activities API: listing with filters, reading, creating and changing (officers, 422 with clear messages),
registrations read, written and cancelled per persona."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.accounts.models import ApiToken
from klusterplattform.activities import registrations
from klusterplattform.activities.models import Activity, FocusArea, Registration

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def bearer(user):
    _token, raw = ApiToken.issue(user, name="test")
    # Messages are asserted in English: Swedish is the API's default language.
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", "HTTP_ACCEPT_LANGUAGE": "en"}


def new_activity(world, **overrides):
    return {
        "programme": world.programme.slug,
        "type": "study_visit",
        "title_sv": "Studiebesök i New York",
        "title_en": "Study visit to New York",
        "time_zone": "America/New_York",
        "starts_at": "2031-01-15T09:00:00",
        "ends_at": "2031-01-15T17:00:00",
        "place": "New York",
        "capacity": 10,
        **overrides,
    }


def post(client, url, data, user=None):
    headers = bearer(user) if user else {}
    return client.post(url, data, content_type="application/json", **headers)


def test_the_list_is_public_for_published_activities_and_filters(client, world):
    area = FocusArea.objects.for_programme(world.programme).first()
    seminar = make_activity(world.programme, type="seminar", title_en="Seminar")
    seminar.focus_areas.add(area)
    make_activity(world.programme, title_en="Workshop", starts_in_days=40)
    make_activity(world.programme, title_en="Hidden", is_published=False)
    titles = lambda response: [row["title_en"] for row in response.json()["results"]]  # noqa: E731
    assert titles(client.get("/api/v1/activities")) == ["Seminar", "Workshop"]
    assert titles(client.get("/api/v1/activities?type=seminar")) == ["Seminar"]
    assert titles(client.get(f"/api/v1/activities?focus_area={area.code}")) == ["Seminar"]
    later = (timezone.now() + datetime.timedelta(days=20)).date().isoformat()
    assert titles(client.get(f"/api/v1/activities?from={later}")) == ["Workshop"]
    assert titles(client.get(f"/api/v1/activities?to={later}")) == ["Seminar"]
    assert sorted(titles(client.get("/api/v1/activities", **bearer(world.manager)))) == [
        "Hidden",
        "Seminar",
        "Workshop",
    ]
    page = client.get("/api/v1/activities?page_size=1").json()
    assert (page["count"], page["page_size"], len(page["results"])) == (2, 1, 1)


def test_an_invisible_activity_is_a_404(client, world):
    hidden = make_activity(world.programme, is_published=False)
    assert client.get(f"/api/v1/activities/{hidden.pk}").status_code == 404
    assert client.get(f"/api/v1/activities/{hidden.pk}", **bearer(world.outside_manager)).status_code == 404
    assert client.get(f"/api/v1/activities/{hidden.pk}", **bearer(world.manager)).status_code == 200


def test_an_officer_creates_an_activity_in_new_york_time(client, world):
    response = post(client, "/api/v1/activities", new_activity(world), world.officer)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["starts_at"].startswith("2031-01-15T14:00:00")  # EST is UTC-5
    assert body["local_start"].startswith("2031-01-15T09:00:00-05:00")
    assert body["seats_left"] == 10
    assert Activity.objects.get().created_by == world.officer


def test_a_time_with_an_offset_is_taken_as_given(client, world):
    data = new_activity(world, starts_at="2031-01-15T14:00:00Z", ends_at="2031-01-15T22:00:00+00:00")
    assert post(client, "/api/v1/activities", data, world.officer).json()["local_start"].startswith("2031-01-15T09:00")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": "2031-01-15T08:00:00"}, "ends_at", "The end must be after the start."),
        ({"registration_deadline": "2031-01-16T08:00:00"}, "registration_deadline", "must be before the end"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Mars/Olympus is not a known time zone"),
        ({"place": "", "online_url": ""}, "place", "Enter a place, an online link, or both."),
        ({"programme": "no-such-programme"}, "programme", "There is no programme with this slug."),
        ({"focus_areas": ["no-such-area"]}, "focus_areas", "Not a focus area of this programme: no-such-area."),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_saves_nothing(client, world, overrides, field, message):
    response = post(client, "/api/v1/activities", new_activity(world, **overrides), world.officer)
    assert response.status_code == 422, response.json()
    problems = {tuple(item["loc"][2:]): item["msg"] for item in response.json()["detail"]}
    assert message in problems[(field,)]
    assert not Activity.objects.exists()


@pytest.mark.parametrize(("who", "status"), [(None, 401), ("manager", 403), ("outsider", 403)])
def test_only_officers_create_activities(client, world, who, status):
    user = getattr(world, who) if who else None
    assert post(client, "/api/v1/activities", new_activity(world), user).status_code == status
    assert not Activity.objects.exists()


def test_patch_changes_only_the_fields_sent_and_refuses_a_capacity_below_the_confirmed(client, world):
    activity = make_activity(world.programme, capacity=3, title_en="Before")
    registrations.register(
        activity, world.own, [("A", "a@example.org"), ("B", "b@example.org"), ("C", "c@example.org")], by=world.manager
    )
    registrations.cancel(Registration.objects.get(email="c@example.org"), by=world.manager)
    registrations.register(activity, world.own, [("D", "d@example.org"), ("E", "e@example.org")], by=world.manager)
    url = f"/api/v1/activities/{activity.pk}"
    headers = bearer(world.officer)
    response = client.patch(url, {"capacity": 1}, content_type="application/json", **headers)
    assert response.status_code == 422
    assert "3 people already hold a confirmed seat" in response.json()["detail"][0]["msg"]
    response = client.patch(url, {"capacity": 4, "title_en": "After"}, content_type="application/json", **headers)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["title_en"], body["confirmed"], body["waiting"]) == ("After", 4, 0)  # E moved up
    activity.refresh_from_db()
    assert activity.title_sv == "Workshop om finansiering"
    response = client.patch(url, {"capacity": 1}, content_type="application/json", **bearer(world.manager))
    assert response.status_code == 403


def test_registrations_through_the_api(client, world):
    activity = make_activity(world.programme, capacity=1)
    url = f"/api/v1/activities/{activity.pk}/registrations"
    people = [{"name": "Ann", "email": "ann@example.org"}, {"name": "Bo", "email": "bo@example.org"}]
    response = post(client, url, {"cluster": world.own.slug, "people": people}, world.manager)
    assert response.status_code == 201, response.json()
    assert [(r["status"], r["position"]) for r in response.json()] == [("confirmed", None), ("waiting", 1)]
    post(
        client, url, {"cluster": world.other.slug, "people": [{"name": "Cy", "email": "cy@example.org"}]}, world.officer
    )
    own = client.get(url, **bearer(world.manager)).json()
    assert [r["email"] for r in own] == ["ann@example.org", "bo@example.org"]
    assert len(client.get(url, **bearer(world.officer)).json()) == 3
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(world.outsider)).status_code == 403

    ann = Registration.objects.get(email="ann@example.org")
    cancel = f"{url}/{ann.pk}"
    assert client.delete(cancel, **bearer(world.other_manager)).status_code == 404
    response = client.delete(cancel, **bearer(world.manager))
    assert response.json()["status"] == "cancelled"
    assert Registration.objects.get(email="bo@example.org").status == "confirmed"
    assert client.delete(cancel, **bearer(world.manager)).status_code == 409


@pytest.mark.parametrize(
    ("who", "cluster", "status"),
    [("other_manager", "own", 403), ("outside_manager", "outside", 403), ("outsider", "own", 403)],
)
def test_registering_another_or_a_non_participating_cluster_is_refused(client, world, who, cluster, status):
    activity = make_activity(world.programme)
    data = {"cluster": getattr(world, cluster).slug, "people": [{"name": "Ann", "email": "ann@example.org"}]}
    response = post(client, f"/api/v1/activities/{activity.pk}/registrations", data, getattr(world, who))
    assert response.status_code == status
    assert not Registration.objects.exists()


def test_a_batch_with_a_bad_row_is_a_422_and_registers_nobody(client, world):
    activity = make_activity(world.programme)
    people = [{"name": "Ann", "email": "ann@example.org"}, {"name": "Bo", "email": "not-an-address"}]
    data = {"cluster": world.own.slug, "people": people}
    response = post(client, f"/api/v1/activities/{activity.pk}/registrations", data, world.manager)
    assert response.status_code == 422
    assert "Person 2: not-an-address is not an e-mail address." in response.json()["detail"][0]["msg"]
    assert not Registration.objects.exists()


def test_registering_after_the_deadline_is_a_422(client, world):
    activity = make_activity(world.programme, registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    data = {"cluster": world.own.slug, "people": [{"name": "Ann", "email": "ann@example.org"}]}
    response = post(client, f"/api/v1/activities/{activity.pk}/registrations", data, world.manager)
    assert response.status_code == 422
    assert "closed" in response.json()["detail"][0]["msg"]


def test_null_characters_in_a_body_do_not_reach_the_database(client, world):
    activity = make_activity(world.programme)
    url = f"/api/v1/activities/{activity.pk}/registrations"
    data = {"cluster": world.own.slug, "people": [{"name": "A\u0000nn", "email": "ann@example.org"}]}
    assert post(client, url, data, world.manager).json()[0]["name"] == "Ann"
    data = {"cluster": world.own.slug, "people": [{"name": "Bo", "email": "b\u0000o@example.org"}]}
    assert post(client, url, data, world.manager).status_code == 422
    data = {"cluster": "w-own\u0000", "people": [{"name": "Cy", "email": "cy@example.org"}]}
    assert post(client, url, data, world.manager).status_code == 404
    assert (
        post(client, "/api/v1/activities", new_activity(world, programme="x\u0000"), world.officer).status_code == 422
    )
