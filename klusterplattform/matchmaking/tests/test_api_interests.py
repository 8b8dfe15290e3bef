"""Expressions of interest in the API: who expresses, who sees, accepting and declining, withdrawing, and the privacy
of contact details (null before acceptance for both sides; after it, both sides see each other's, nobody else)."""

import json

import pytest

from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.models import PartnerInterest
from klusterplattform.matchmaking.tests.world import as_user

from .world import build_world, make_post

pytestmark = pytest.mark.django_db


def express(client, post, cluster, message="We recycle fibres and want to join."):
    body = {"cluster": cluster.slug, "message": message}
    return client.post(
        f"/api/v1/partner-searches/{post.pk}/interests",
        body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def decide(client, interest_id, decision):
    url = f"/api/v1/partner-interests/{interest_id}/decision"
    return client.post(url, {"decision": decision}, content_type="application/json")


def interests_of(client, post):
    return client.get(f"/api/v1/partner-searches/{post.pk}/interests")


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def post(world):
    return make_post(world.cluster_a, title="Circular textiles")


def test_a_manager_expresses_interest_for_their_cluster(client, world, post):
    response = express(as_user(client, world.manager_b), post, world.cluster_b)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["post"] == post.pk and data["cluster"]["slug"] == world.cluster_b.slug
    assert data["status"] == "pending" and data["contact"] is None
    interest = PartnerInterest.objects.get()
    assert interest.author == world.manager_b and interest.message == "We recycle fibres and want to join."


@pytest.mark.parametrize(
    ("persona", "status"),
    [("manager_c", 403), ("regional_a", 403), ("officer", 403), ("outsider", 403), (None, 401)],
)
def test_only_a_clusters_managers_express_interest_for_it(client, world, post, persona, status):
    response = express(as_user(client, getattr(world, persona) if persona else None), post, world.cluster_b)
    assert response.status_code == status
    assert not PartnerInterest.objects.exists()


def test_state_refusals_are_409s_and_write_nothing(client, world, post):
    client = as_user(client, world.manager_a)
    own = express(client, post, world.cluster_a)
    assert own.status_code == 409 and "own" in own.json()["detail"]
    client = as_user(client, world.manager_b)
    assert express(client, post, world.cluster_b).status_code == 201
    again = express(client, post, world.cluster_b)
    assert again.status_code == 409 and world.cluster_b.name in again.json()["detail"]
    assert PartnerInterest.objects.count() == 1
    # The post's own manager sees it closed; the interest is refused for the state, not hidden.
    services.close_post(world.manager_a, post)
    assert express(as_user(client, world.manager_a), post, world.cluster_a).status_code == 409
    # For another cluster a closed post is gone.
    assert express(as_user(client, world.manager_c), post, world.cluster_c).status_code == 404
    assert PartnerInterest.objects.count() == 1


def test_a_blank_message_or_an_unknown_cluster_writes_nothing(client, world, post):
    client = as_user(client, world.manager_b)
    assert express(client, post, world.cluster_b, message="   ").status_code == 422
    body = {"cluster": "no-such-cluster", "message": "Hello"}
    url = f"/api/v1/partner-searches/{post.pk}/interests"
    assert client.post(url, body, content_type="application/json").status_code == 404
    assert client.post(url, {**body, "extra": 1}, content_type="application/json").status_code == 422
    assert not PartnerInterest.objects.exists()


def test_the_posts_managers_see_all_interest_and_others_only_their_own(client, world, post):
    express(as_user(client, world.manager_b), post, world.cluster_b)
    express(as_user(client, world.manager_c), post, world.cluster_c)

    def clusters_seen(user):
        response = interests_of(as_user(client, user), post)
        assert response.status_code == 200, response.content
        return [row["cluster"]["slug"] for row in response.json()]

    assert clusters_seen(world.manager_a) == [world.cluster_b.slug, world.cluster_c.slug]
    assert clusters_seen(world.manager_b) == [world.cluster_b.slug]
    assert clusters_seen(world.manager_c) == [world.cluster_c.slug]
    for user in (world.officer, world.regional_a, world.outsider):
        assert interests_of(as_user(client, user), post).status_code == 403
    assert interests_of(as_user(client, None), post).status_code == 401


def test_contact_details_are_shared_only_between_the_two_sides_after_acceptance(client, world, post):
    interest_id = express(as_user(client, world.manager_b), post, world.cluster_b).json()["id"]
    secrets = [world.contact_a.email, world.contact_b.email, world.manager_a.email, world.manager_b.email]

    # Before acceptance: null for both sides, and no address anywhere in the answers.
    for user in (world.manager_a, world.manager_b):
        response = interests_of(as_user(client, user), post)
        assert [row["contact"] for row in response.json()] == [None]
        assert not any(secret in response.content.decode() for secret in secrets)

    accepted = decide(as_user(client, world.manager_a), interest_id, "accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"

    for user in (world.manager_a, world.manager_b):
        [row] = interests_of(as_user(client, user), post).json()
        contact = row["contact"]
        assert contact["post_side"]["cluster"] == world.cluster_a.slug
        assert contact["interested_side"]["cluster"] == world.cluster_b.slug
        post_emails = [person["email"] for person in contact["post_side"]["people"]]
        interested_emails = [person["email"] for person in contact["interested_side"]["people"]]
        assert post_emails == [world.manager_a.email, world.contact_a.email]
        assert interested_emails == [world.manager_b.email, world.contact_b.email]
        assert contact["post_side"]["people"][1]["phone"] == world.contact_a.phone
    # Officers, a third cluster and outsiders see no contact details through this flow.
    for user in (world.officer, world.regional_a, world.outsider, world.manager_c):
        for url in (f"/api/v1/partner-searches/{post.pk}/interests", "/api/v1/partner-interests"):
            body = as_user(client, user).get(url).content.decode()
            assert not any(secret in body for secret in secrets), (user, url)
        assert decide(client, interest_id, "accept").status_code == 404


def test_after_withdrawal_or_decline_the_contact_details_are_gone(client, world, post):
    b = express(as_user(client, world.manager_b), post, world.cluster_b).json()["id"]
    c = express(as_user(client, world.manager_c), post, world.cluster_c).json()["id"]
    decide(as_user(client, world.manager_a), b, "accept")
    declined = decide(client, c, "decline")
    assert declined.status_code == 200 and declined.json()["contact"] is None
    withdrawn = as_user(client, world.manager_b).post(f"/api/v1/partner-interests/{b}/withdraw")
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn" and withdrawn.json()["contact"] is None
    assert [row["contact"] for row in interests_of(as_user(client, world.manager_a), post).json()] == [None, None]


def test_only_the_posts_side_answers_and_only_once(client, world, post):
    interest_id = express(as_user(client, world.manager_b), post, world.cluster_b).json()["id"]
    assert decide(as_user(client, world.manager_b), interest_id, "accept").status_code == 403
    assert decide(as_user(client, world.manager_c), interest_id, "accept").status_code == 404
    assert decide(as_user(client, None), interest_id, "accept").status_code == 401
    assert PartnerInterest.objects.get().status == "pending"
    client = as_user(client, world.manager_a)
    assert decide(client, interest_id, "maybe").status_code == 422
    assert decide(client, interest_id, "decline").status_code == 200
    again = decide(client, interest_id, "accept")
    assert again.status_code == 409 and again.json()["detail"]
    interest = PartnerInterest.objects.get()
    assert interest.status == "declined" and interest.decided_by == world.manager_a


def test_only_the_interested_side_withdraws(client, world, post):
    interest_id = express(as_user(client, world.manager_b), post, world.cluster_b).json()["id"]
    url = f"/api/v1/partner-interests/{interest_id}/withdraw"
    assert as_user(client, world.manager_a).post(url).status_code == 403
    assert as_user(client, world.officer).post(url).status_code == 404
    assert PartnerInterest.objects.get().status == "pending"
    client = as_user(client, world.manager_b)
    assert client.post(url).status_code == 200
    assert client.post(url).status_code == 409
    # Withdrawn interest may be expressed again.
    assert express(client, post, world.cluster_b, message="Second try").json()["status"] == "pending"


def test_accepted_contacts_stay_visible_after_the_post_closes(client, world, post):
    interest_id = express(as_user(client, world.manager_b), post, world.cluster_b).json()["id"]
    decide(as_user(client, world.manager_a), interest_id, "accept")
    services.close_post(world.manager_a, post)
    client = as_user(client, world.manager_b)
    # A cluster that expressed interest keeps seeing the post after it closes.
    assert client.get(f"/api/v1/partner-searches/{post.pk}").status_code == 200
    [row] = interests_of(client, post).json()
    assert row["contact"]["post_side"]["people"][0]["email"] == world.manager_a.email
    assert interests_of(as_user(client, world.manager_c), post).status_code == 404


def test_my_interest_list_has_received_and_sent_sides(client, world, post):
    theirs = make_post(world.cluster_b, title="B seeks")
    express(as_user(client, world.manager_b), post, world.cluster_b)
    express(as_user(client, world.manager_a), theirs, world.cluster_a)
    client = as_user(client, world.manager_a)

    def titles(**query):
        response = client.get("/api/v1/partner-interests", query)
        assert response.status_code == 200
        return [row["post_title"] for row in response.json()["results"]]

    assert titles() == ["Circular textiles", "B seeks"]
    assert titles(side="received") == ["Circular textiles"]
    assert titles(side="sent") == ["B seeks"]
    assert titles(status="accepted") == []
    assert as_user(client, world.officer).get("/api/v1/partner-interests").json()["results"] == []
    assert as_user(client, None).get("/api/v1/partner-interests").status_code == 401


def test_an_erased_author_is_left_out_of_the_contact(client, world, post):
    interest_id = express(as_user(client, world.manager_b), post, world.cluster_b).json()["id"]
    decide(as_user(client, world.manager_a), interest_id, "accept")
    world.manager_b.is_active = False
    world.manager_b.save()
    [row] = interests_of(as_user(client, world.manager_a), post).json()
    assert [p["email"] for p in row["contact"]["interested_side"]["people"]] == [world.contact_b.email]
    json.dumps(row)
