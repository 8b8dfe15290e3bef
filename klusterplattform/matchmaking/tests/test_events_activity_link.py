"""The activity page of a matchmaking event leads to its one-to-one meetings; other activities' pages do not."""

import pytest
from django.urls import reverse

from .event_world import build_event_world

pytestmark = pytest.mark.django_db


def test_the_activity_page_of_a_matchmaking_event_links_to_its_meetings(client):
    world = build_event_world()
    client.force_login(world.bob)

    page = client.get(reverse("activities:activity", args=[world.event.pk])).content.decode()

    assert f'href="{reverse("matchmaking:event", args=[world.event.pk])}"' in page


def test_a_workshop_page_has_no_meetings_link(client):
    world = build_event_world()
    client.force_login(world.bob)

    page = client.get(reverse("activities:activity", args=[world.workshop.pk])).content.decode()

    assert reverse("matchmaking:event", args=[world.workshop.pk]) not in page
