"""A person's votes on matches are in their personal-data export and go when the account is erased."""

import pytest

from klusterplattform.matchmaking.matching import indexing, need, service
from klusterplattform.matchmaking.models import MatchFeedback
from klusterplattform.registry import people

from .world import build_world

pytestmark = pytest.mark.django_db


def _vote(world):
    world.cluster_b.strengths = "Circular fibre recycling"
    world.cluster_b.save()
    indexing.rebuild("cluster")
    wanted = need.for_text("fibre recycling")
    return service.record_feedback(world.outsider, wanted, "cluster", world.cluster_b.pk, -1)


def test_the_export_lists_the_votes_with_the_need_typed():
    world = build_world()
    _vote(world)

    [record] = people.export(world.outsider.email)["match_votes"]["records"]

    assert (record["asked_for"], record["need_text"], record["vote"]) == ("text", "fibre recycling", -1)
    assert record["candidate"] == f"cluster:{world.cluster_b.pk}"


def test_erasing_the_account_deletes_its_votes_and_no_one_elses():
    world = build_world()
    _vote(world)
    other = service.record_feedback(world.officer, need.for_text("fibre recycling"), "cluster", world.cluster_b.pk, 1)

    people.erase(world.outsider.email)

    assert list(MatchFeedback.objects.values_list("pk", flat=True)) == [other.pk]
