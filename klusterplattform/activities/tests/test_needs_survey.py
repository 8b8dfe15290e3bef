"""The stated-needs survey: who may answer, saving all or nothing, priorities outside 1–5 refused, editable until
the round's closing day in Swedish time and read-only after it."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.activities.models import StatedNeeds, StatedPriority
from klusterplattform.activities.needs import stated
from klusterplattform.activities.tests.needs_world import World

pytestmark = pytest.mark.django_db


def survey_url(world, cluster="C1", lang="en"):
    prefix = f"/{lang}" if lang else ""
    cluster_slug = world.clusters[cluster].slug
    return f"{prefix}/program/{world.programme.slug}/behovsanalys/{world.round.slug}/mina-behov/{cluster_slug}/"


def answers(world, lead="5", fin="3", text="Board training"):
    return {f"focus-{world.focus['lead'].pk}": lead, f"focus-{world.focus['fin'].pk}": fin, "free_text": text}


def test_the_manager_states_the_clusters_needs(client):
    world = World()
    client.force_login(world.users["manager"])
    page = client.get(survey_url(world))
    assert page.status_code == 200 and "Leadership" in page.content.decode()
    response = client.post(survey_url(world), answers(world))
    assert response.status_code == 302
    saved = StatedNeeds.objects.get(round=world.round, cluster=world.clusters["C1"])
    assert saved.free_text == "Board training" and saved.submitted_by == world.users["manager"]
    assert {p.focus_area.code: p.priority for p in saved.priorities.all()} == {"lead": 5, "fin": 3}


def test_answers_can_be_changed_and_a_cleared_priority_is_removed(client):
    world = World()
    client.force_login(world.users["manager"])
    client.post(survey_url(world), answers(world))
    client.post(survey_url(world), answers(world, lead="2", fin="", text=""))
    saved = StatedNeeds.objects.get(round=world.round, cluster=world.clusters["C1"])
    assert {p.focus_area.code: p.priority for p in saved.priorities.all()} == {"lead": 2}
    assert saved.free_text == ""
    page = client.get(survey_url(world))
    assert page.context["form"].initial[f"focus-{world.focus['lead'].pk}"] == 2


@pytest.mark.parametrize("bad", ["0", "6", "x"])
def test_a_priority_outside_one_to_five_is_refused_and_nothing_is_written(client, bad):
    world = World()
    client.force_login(world.users["manager"])
    response = client.post(survey_url(world), answers(world, lead="4", fin=bad))
    assert response.status_code == 200 and response.context["form"].errors
    assert "There is a problem" in response.content.decode()
    assert not StatedNeeds.objects.exists() and not StatedPriority.objects.exists()


def test_the_service_refuses_a_bad_priority_without_writing_anything():
    world = World()
    areas = stated.focus_areas_of(world.round)
    cleaned = {f"focus-{world.focus['lead'].pk}": 4, f"focus-{world.focus['fin'].pk}": 9, "free_text": "x"}
    with pytest.raises(ValueError):
        stated.save(world.round, world.clusters["C1"], world.users["manager"], areas, cleaned)
    assert not StatedNeeds.objects.exists()


def test_after_the_closing_day_the_survey_is_read_only(client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    world = World(closes_on=yesterday)
    world.state("C1", {"lead": 4}, text="Before closing")
    client.force_login(world.users["manager"])
    page = client.get(survey_url(world))
    text = page.content.decode()
    assert page.status_code == 200 and "can no longer be changed" in text and '<button type="submit">' not in text
    assert all(field.disabled for field in page.context["form"].fields.values())
    response = client.post(survey_url(world), answers(world, lead="1", text="After closing"))
    assert response.status_code == 200 and "Nothing was saved" in response.content.decode()
    saved = StatedNeeds.objects.get()
    assert saved.free_text == "Before closing" and saved.priorities.get().priority == 4


def test_the_closing_day_counts_in_swedish_time(monkeypatch):
    world = World(closes_on=datetime.date(2026, 9, 30))
    # 22:30 UTC on 30 September is already 1 October in Stockholm (summer time, UTC+2).
    late = datetime.datetime(2026, 9, 30, 22, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(stated.timezone, "now", lambda: late)
    assert not stated.is_open(world.round)
    monkeypatch.setattr(stated.timezone, "now", lambda: late - datetime.timedelta(hours=1))
    assert stated.is_open(world.round)
    with pytest.raises(stated.SurveyClosed):
        monkeypatch.setattr(stated.timezone, "now", lambda: late)
        stated.save(world.round, world.clusters["C1"], None, [], {})


def test_who_may_answer(client):
    world = World()
    address = survey_url(world)
    assert client.get(address).status_code == 302
    for key, expected in [("officer", 403), ("regional", 403), ("outsider", 403)]:
        client.force_login(world.users[key])
        assert client.get(address).status_code == expected, key
    # The outsider's own cluster does not take part in the programme.
    client.force_login(world.users["outsider"])
    assert client.get(survey_url(world).replace(world.clusters["C1"].slug, world.outsider.slug)).status_code == 404
    # A round of another programme is not found.
    client.force_login(world.users["manager"])
    assert client.get(address.replace(world.round.slug, "nope")).status_code == 404


def test_another_clusters_survey_is_refused_to_a_manager(client):
    world = World()
    client.force_login(world.users["manager"])
    assert client.get(survey_url(world, "C2")).status_code == 403  # C2 is published: seen, not changed
    world.clusters["C2"].is_published = False
    world.clusters["C2"].save()
    assert client.get(survey_url(world, "C2")).status_code == 404
