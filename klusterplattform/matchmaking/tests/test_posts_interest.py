"""Expressing interest, answering it, withdrawing it, following a post and "my partner searches", through the pages:
once per cluster, never in one's own post, answered only by the post's cluster, and each role's answer."""

import pytest

from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.models import PartnerInterest, PartnerSearchFollow
from klusterplattform.matchmaking.tests.world import build_world, make_post
from klusterplattform.registry.grants import grant_role

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def post(world):
    return make_post(world.cluster_a, title="Circular textiles")


def express(client, post, message="We recycle fibres.", **data):
    return client.post(f"/en/partnersok/{post.pk}/intresse/", {"message": message, **data}, **EN)


def test_manager_of_another_cluster_expresses_interest_once(client, world, post):
    client.force_login(world.manager_b)
    body = client.get(f"/en/partnersok/{post.pk}/", **EN).content.decode()
    assert "Express interest" in body
    assert express(client, post).status_code == 302
    interest = PartnerInterest.objects.get()
    assert (interest.cluster, interest.author, interest.status) == (world.cluster_b, world.manager_b, "pending")
    body = client.get(post.get_absolute_url(), **EN).content.decode()
    assert "Waiting for an answer" in body and "Express interest" not in body
    response = express(client, post, message="Again")
    assert response.status_code == 200 and "has already expressed interest" in response.content.decode()
    assert PartnerInterest.objects.count() == 1


def test_message_is_required_and_at_most_3000_characters(client, world, post):
    client.force_login(world.manager_b)
    for message in ("   ", "x" * 3001):
        response = express(client, post, message=message)
        assert response.status_code == 200 and "message" in response.context["form"].errors
    assert not PartnerInterest.objects.exists()


def test_a_cluster_cannot_express_interest_in_its_own_post(client, world, post):
    client.force_login(world.manager_a)
    assert "Express interest" not in client.get(post.get_absolute_url(), **EN).content.decode()
    assert express(client, post, cluster=world.cluster_a.pk).status_code == 403
    with pytest.raises(services.Refused):
        services.express_interest(world.manager_a, post, world.cluster_a, "Us")
    assert not PartnerInterest.objects.exists()


def test_manager_of_two_clusters_picks_which_one_is_interested(client, world, post):
    grant_role(world.manager_b, "cluster_manager", clusters=[world.cluster_c.slug, world.cluster_a.slug])
    client.force_login(world.manager_b)
    form = client.get(f"/en/partnersok/{post.pk}/intresse/", **EN).context["form"]
    assert set(form.fields["cluster"].queryset) == {world.cluster_b, world.cluster_c}  # not the post's own
    assert express(client, post, cluster=world.cluster_c.pk).status_code == 302
    assert express(client, post, cluster=world.cluster_a.pk).status_code == 200
    assert list(PartnerInterest.objects.values_list("cluster", flat=True)) == [world.cluster_c.pk]


@pytest.mark.parametrize("persona", ["officer", "outsider", "regional_a"])
def test_people_without_a_cluster_cannot_express_interest(client, world, post, persona):
    client.force_login(getattr(world, persona))
    assert express(client, post).status_code == 403
    assert not PartnerInterest.objects.exists()


def test_closed_post_takes_no_more_interest(client, world, post):
    services.close_post(world.manager_a, post)
    client.force_login(world.manager_b)
    assert express(client, post).status_code == 404  # others no longer see it
    with pytest.raises(services.Refused):
        services.express_interest(world.manager_b, post, world.cluster_b, "Late")


def decide(client, interest, decision):
    return client.post(f"/en/partnersok/intresse/{interest.pk}/svar/", {"decision": decision}, **EN)


def test_post_managers_accept_or_decline(client, world, post):
    accepted = services.express_interest(world.manager_b, post, world.cluster_b, "B here")
    declined = services.express_interest(world.manager_c, post, world.cluster_c, "C here")
    client.force_login(world.manager_a)
    body = client.get(f"/en/partnersok/{post.pk}/", **EN).content.decode()
    assert "B here" in body and "C here" in body and f"Accept {world.cluster_b.name}" in body
    assert decide(client, accepted, "accept").status_code == 302
    assert decide(client, declined, "decline").status_code == 302
    accepted.refresh_from_db(), declined.refresh_from_db()
    assert (accepted.status, accepted.decided_by) == ("accepted", world.manager_a)
    assert declined.status == "declined"
    response = decide(client, declined, "accept")  # answered already: a message, no change
    declined.refresh_from_db()
    assert response.status_code == 302 and declined.status == "declined"
    decide(client, accepted, "maybe")
    accepted.refresh_from_db()
    assert accepted.status == "accepted"


@pytest.mark.parametrize(
    ("persona", "status"),
    [("manager_b", 403), ("manager_c", 403), ("officer", 403), ("outsider", 403), ("regional_a", 403)],
)
def test_only_the_post_clusters_managers_answer(client, world, post, persona, status):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "B here")
    client.force_login(getattr(world, persona))
    assert decide(client, interest, "accept").status_code == status
    interest.refresh_from_db()
    assert interest.status == "pending"


def test_answering_an_interest_of_a_post_one_cannot_see_is_404(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "B here")
    services.close_post(world.manager_a, post)
    client.force_login(world.manager_c)
    assert decide(client, interest, "accept").status_code == 404
    assert client.get(f"/en/partnersok/intresse/{interest.pk}/svar/", **EN).status_code == 405
    client.logout()
    assert decide(client, interest, "accept").status_code == 302
    interest.refresh_from_db()
    assert interest.status == "pending"


def test_interested_cluster_withdraws_and_may_express_again(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "B here")
    client.force_login(world.manager_a)
    assert client.post(f"/en/partnersok/intresse/{interest.pk}/ta-tillbaka/", **EN).status_code == 403
    client.force_login(world.manager_b)
    assert client.post(f"/en/partnersok/intresse/{interest.pk}/ta-tillbaka/", **EN).status_code == 302
    interest.refresh_from_db()
    assert interest.status == "withdrawn"
    assert express(client, post, message="Second thoughts").status_code == 302
    interest.refresh_from_db()
    assert (interest.status, interest.message) == ("pending", "Second thoughts")


def test_withdrawing_works_after_the_post_closed(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "B here")
    services.close_post(world.manager_a, post)
    client.force_login(world.manager_b)
    response = client.post(f"/en/partnersok/intresse/{interest.pk}/ta-tillbaka/", **EN)
    assert response.status_code == 302 and response["Location"] == f"/en/partnersok/{post.pk}/"
    interest.refresh_from_db()
    assert interest.status == "withdrawn"


@pytest.mark.parametrize("persona", ["outsider", "officer", "manager_b", "manager_a"])
def test_anyone_signed_in_follows_and_unfollows(client, world, post, persona):
    user = getattr(world, persona)
    client.force_login(user)
    url = f"/en/partnersok/{post.pk}/folj/"
    assert client.post(url, **EN).status_code == 302
    assert PartnerSearchFollow.objects.filter(post=post, user=user).exists()
    body = client.get(post.get_absolute_url(), **EN).content.decode()
    assert 'aria-pressed="true"' in body and "Unfollow" in body
    assert post.title in client.get("/en/partnersok/mina/", **EN).content.decode()
    assert client.post(url, **EN).status_code == 302
    assert not PartnerSearchFollow.objects.exists()


def test_anonymous_cannot_follow(client, post):
    assert client.post(f"/en/partnersok/{post.pk}/folj/").status_code == 302
    assert not PartnerSearchFollow.objects.exists()


def test_mine_counts_pending_interest_and_lists_what_my_clusters_sent(client, world, post):
    services.express_interest(world.manager_b, post, world.cluster_b, "B here")
    services.express_interest(world.manager_c, post, world.cluster_c, "C here")
    theirs = make_post(world.cluster_b, title="Battery partners")
    services.decide(world.manager_b, services.express_interest(world.manager_a, theirs, world.cluster_a, "A"), True)
    client.force_login(world.manager_a)
    response = client.get("/en/partnersok/mina/", **EN)
    own = response.context["own_posts"]
    assert [(p.title, p.pending, p.accepted) for p in own] == [("Circular textiles", 2, 0)]
    assert [(i.post.title, i.status) for i in response.context["expressed"]] == [("Battery partners", "accepted")]
    client.force_login(world.outsider)
    response = client.get("/en/partnersok/mina/", **EN)
    assert response.status_code == 200 and response.context["own_posts"] == []
    client.logout()
    assert client.get("/en/partnersok/mina/").status_code == 302
