"""The personal-data export and erasure (registry/people.py) reach what partner search holds about an account: the
posts published, the interest expressed and answered (listed, kept with the clusters), and the follows (erased)."""

import json

import pytest

from klusterplattform.accounts.models import AuditEvent
from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.models import PartnerInterest, PartnerSearch, PartnerSearchFollow
from klusterplattform.registry import people

from .world import build_world, make_post

pytestmark = pytest.mark.django_db

SECTIONS = (
    "partner_searches_published",
    "partner_interests_expressed",
    "partner_interests_answered",
    "partner_searches_followed",
)


def test_the_export_holds_the_posts_interest_answers_and_follows_of_the_person():
    world = build_world()
    own = make_post(world.cluster_a, title="A seeks")
    theirs = make_post(world.cluster_b, title="B seeks")
    received = services.express_interest(world.manager_b, own, world.cluster_b, "From B")
    services.decide(world.manager_a, received, True)
    services.express_interest(world.manager_a, theirs, world.cluster_a, "From A")
    services.follow(world.manager_a, theirs)
    services.follow(world.manager_b, own)

    data = people.export(world.manager_a.email)

    [post] = data["partner_searches_published"]["records"]
    assert (post["id"], post["title"], post["cluster"], post["status"]) == (own.pk, "A seeks", "mm-cluster-a", "open")
    [expressed] = data["partner_interests_expressed"]["records"]
    assert (expressed["post"], expressed["message"], expressed["status"]) == (theirs.pk, "From A", "pending")
    [answered] = data["partner_interests_answered"]["records"]
    assert (answered["id"], answered["cluster"], answered["status"]) == (received.pk, "mm-cluster-b", "accepted")
    [followed] = data["partner_searches_followed"]["records"]
    assert followed["post"] == theirs.pk and followed["title"] == "B seeks"
    assert all(data[key]["explanation"] for key in SECTIONS)
    json.dumps(data)


def test_someone_without_partner_search_records_exports_empty_sections():
    world = build_world()
    make_post(world.cluster_a)
    data = people.export(world.outsider.email)
    assert all(data[key]["records"] == [] for key in SECTIONS)


def test_erasure_deletes_the_follows_keeps_the_clusters_records_and_hides_the_person_as_a_contact(client):
    world = build_world()
    own = make_post(world.cluster_a, title="A seeks")
    theirs = make_post(world.cluster_b)
    received = services.express_interest(world.manager_b, own, world.cluster_b, "From B")
    services.decide(world.manager_a, received, True)
    services.follow(world.manager_a, theirs)
    services.follow(world.manager_b, theirs)
    follow_pk = PartnerSearchFollow.objects.get(user=world.manager_a).pk
    email = world.manager_a.email

    report = people.erase(email, erased_by=world.officer)

    assert report.account_anonymised and report.elsewhere == 1
    assert list(PartnerSearchFollow.objects.values_list("user", flat=True)) == [world.manager_b.pk]
    assert PartnerSearch.objects.get(pk=own.pk).author_id == world.manager_a.pk  # the cluster's post stays
    assert PartnerInterest.objects.get().decided_by_id == world.manager_a.pk
    follow_events = AuditEvent.objects.filter(content_type__model="partnersearchfollow", object_id=str(follow_pk))
    assert follow_events.exists() and all(e.object_repr == "[redacted]" for e in follow_events)
    # The other side no longer sees the erased person among the contacts, only the cluster's contact person.
    client.force_login(world.manager_b)
    [row] = client.get(f"/api/v1/partner-searches/{own.pk}/interests").json()
    assert [p["email"] for p in row["contact"]["post_side"]["people"]] == [world.contact_a.email]
    assert email not in json.dumps(row)
