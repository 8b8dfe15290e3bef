"""Thumbs up and down on a match, from the match page: stored with the score and reasons shown, changed (not added)
by a second vote, shown back as the current vote; refused without a trace for a candidate that is not a match, a
subject the user cannot see, or bad input; POST only, signed in only, with CSRF protection."""

import pytest
from django.test import Client

from klusterplattform.matchmaking.models import MatchFeedback
from klusterplattform.matchmaking.tests.matches_world import TEXTILE_NEED, build_match_world
from klusterplattform.matchmaking.tests.world import make_post

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
URL = "/en/matchning/omdome/"


@pytest.fixture
def world():
    return build_match_world()


def vote(client, user, status=302, **data):
    client.force_login(user)
    response = client.post(URL, data, **EN)
    assert response.status_code == status
    return response


def test_a_thumbs_up_is_stored_with_the_score_and_reasons_shown(client, world):
    response = vote(client, world.manager_a, post=world.post.pk, kind="cluster", candidate=world.cluster_b.pk, vote=1)
    assert response["Location"] == f"/en/matchning/?post={world.post.pk}#match-cluster-{world.cluster_b.pk}"
    feedback = MatchFeedback.objects.get()
    assert (feedback.user, feedback.subject, feedback.subject_key) == (world.manager_a, "post", str(world.post.pk))
    assert (feedback.candidate_kind, feedback.candidate_id, feedback.vote) == ("cluster", world.cluster_b.pk, 1)
    page = client.get(f"/en/matchning/?post={world.post.pk}", **EN)
    shown = page.context["page"].items[0]
    assert feedback.score == shown.match.score
    assert [r["code"] for r in feedback.reasons] == [r.code for r in shown.match.reasons]
    assert all(r["text"] and r["points"] > 0 for r in feedback.reasons)


def test_a_second_vote_changes_the_one_stored_vote(client, world):
    data = {"post": world.post.pk, "kind": "cluster", "candidate": world.cluster_b.pk}
    vote(client, world.manager_a, **data, vote=1)
    vote(client, world.manager_a, **data, vote=-1)
    assert list(MatchFeedback.objects.values_list("vote", flat=True)) == [-1]
    vote(client, world.manager_b, **data, vote=1)  # another user's vote is their own
    assert MatchFeedback.objects.count() == 2


def test_the_page_shows_the_current_vote_as_text_and_pressed_button(client, world):
    vote(client, world.manager_a, post=world.post.pk, kind="cluster", candidate=world.cluster_b.pk, vote=1)
    page = client.get(f"/en/matchning/?post={world.post.pk}", follow=True, **EN)
    html = page.content.decode()
    assert "Thank you: you marked it as a good match." in html
    assert "Your vote: a good match." in html
    assert 'name="vote" value="1" class="button button-secondary" aria-pressed="true"' in html
    assert page.context["page"].items[0].vote == 1
    assert page.context["page"].items[1].vote is None


def test_a_vote_on_a_member_organisation_returns_to_the_member_tab_and_page(client, world):
    response = vote(
        client, world.manager_a, post=world.post.pk, kind="organisation", candidate=world.bravo.pk, vote=-1, page=1
    )
    assert response["Location"].startswith(f"/en/matchning/?post={world.post.pk}&tab=organisations#")
    assert MatchFeedback.objects.get().candidate_kind == "organisation"


def test_a_vote_on_a_described_need_keeps_the_text_and_the_search(client, world):
    response = vote(
        client, world.outsider, q=TEXTILE_NEED, country="SE", kind="cluster", candidate=world.cluster_b.pk, vote=1
    )
    assert "q=fibre+recycling+and+textile+sorting" in response["Location"]
    assert "country=SE" in response["Location"]
    feedback = MatchFeedback.objects.get()
    assert (feedback.subject, feedback.need_text) == ("text", TEXTILE_NEED)


@pytest.mark.parametrize(
    "candidate",
    ["demo_cluster", "hidden_cluster", "cluster_a"],
    ids=["a demo cluster for a real need", "an unpublished cluster", "the seeker itself"],
)
def test_a_vote_on_something_that_is_not_a_match_is_not_found(client, world, candidate):
    vote(
        client, world.manager_a, 404, post=world.post.pk, kind="cluster", candidate=getattr(world, candidate).pk, vote=1
    )
    assert not MatchFeedback.objects.exists()


def test_a_vote_on_a_member_organisation_the_user_may_not_see_is_not_found(client, world):
    vote(client, world.outsider, 404, post=world.post.pk, kind="organisation", candidate=world.bravo.pk, vote=1)
    vote(client, world.manager_b, 404, post=world.post.pk, kind="organisation", candidate=world.alfa.pk, vote=1)
    assert not MatchFeedback.objects.exists()


def test_a_vote_about_a_subject_the_user_cannot_see_is_not_found(client, world):
    closed = make_post(world.cluster_a, closed=True)
    vote(client, world.outsider, 404, post=closed.pk, kind="cluster", candidate=world.cluster_b.pk, vote=1)
    vote(
        client,
        world.outsider,
        404,
        cluster=world.hidden_cluster.slug,
        kind="cluster",
        candidate=world.cluster_b.pk,
        vote=1,
    )
    assert not MatchFeedback.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"vote": "5"}, {"vote": ""}, {"kind": "person"}, {"candidate": "x"}, {"post": ""}, {"q": TEXTILE_NEED}],
    ids=["vote 5", "no vote", "unknown kind", "candidate not a number", "no subject", "two subjects"],
)
def test_bad_input_records_nothing_and_says_so(client, world, changes):
    data = {"post": world.post.pk, "kind": "cluster", "candidate": world.cluster_b.pk, "vote": "1", **changes}
    response = vote(client, world.manager_a, **data)
    assert response["Location"] == "/en/matchning/"
    assert not MatchFeedback.objects.exists()
    page = client.get(response["Location"], **EN)
    assert "Your vote was not recorded" in page.content.decode()


def test_only_post_and_only_signed_in(client, world):
    client.force_login(world.manager_a)
    assert client.get(URL, **EN).status_code == 405
    client.logout()
    response = client.post(URL, {"post": world.post.pk, "kind": "cluster", "candidate": world.cluster_b.pk, "vote": 1})
    assert response.status_code == 302 and "/logga-in/" in response["Location"]
    assert not MatchFeedback.objects.exists()


def test_a_vote_without_the_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.manager_a)
    data = {"post": world.post.pk, "kind": "cluster", "candidate": world.cluster_b.pk, "vote": 1}
    assert client.post(URL, data).status_code == 403
    assert not MatchFeedback.objects.exists()
