"""Contact details between the two sides of an expression of interest: before acceptance neither side's e-mail is
anywhere in the other side's pages (not even the HTML source); after acceptance both see each other's (the authors'
names and e-mails and the clusters' contact persons); a third cluster, officers and anonymous visitors never do, and
a declined or withdrawn interest shows nothing."""

import pytest

from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.permissions import contacts_visible
from klusterplattform.matchmaking.tests.world import build_world, make_post

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def post(world):
    return make_post(world.cluster_a, title="Circular textiles")


def side_a(world) -> set[str]:
    return {world.manager_a.email, world.contact_a.email}


def side_b(world) -> set[str]:
    return {world.manager_b.email, world.contact_b.email}


def pages(client, post) -> str:
    """Every partner-search page the signed-in user can open about the post, as one text."""
    bodies = []
    for url in (
        post.get_absolute_url(),
        "/en/partnersok/",
        "/en/partnersok/mina/",
        f"/en/partnersok/{post.pk}/intresse/",
    ):
        response = client.get(url, **EN)
        if response.status_code == 200:
            bodies.append(response.content.decode())
    return "\n".join(bodies)


def shown(client, user, post, emails) -> set[str]:
    client.force_login(user)
    text = pages(client, post)
    return {email for email in emails if email in text}


def test_before_acceptance_neither_side_sees_the_others_contact(client, world, post):
    services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    assert shown(client, world.manager_a, post, side_b(world)) == set()
    assert shown(client, world.manager_b, post, side_a(world)) == set()
    client.force_login(world.manager_a)
    assert world.manager_b.full_name not in pages(client, post)
    assert world.contact_b.name not in pages(client, post)


def test_after_acceptance_both_sides_see_each_others_contact(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    services.decide(world.manager_a, interest, accept=True)
    assert shown(client, world.manager_a, post, side_b(world)) == side_b(world)
    assert shown(client, world.manager_b, post, side_a(world)) == side_a(world)
    client.force_login(world.manager_b)
    body = client.get(post.get_absolute_url(), **EN).content.decode()
    assert f'href="mailto:{world.contact_a.email}"' in body and world.contact_a.phone in body
    assert world.manager_a.full_name in body and world.contact_a.name in body


def test_a_third_cluster_officers_and_anonymous_never_see_them(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    services.decide(world.manager_a, interest, accept=True)
    services.express_interest(world.manager_c, post, world.cluster_c, "Us too.")
    everyone = side_a(world) | side_b(world)
    for persona in ("manager_c", "officer", "regional_a", "outsider"):
        assert shown(client, getattr(world, persona), post, everyone) == set(), persona
    client.logout()
    text = pages(client, post)
    assert not any(email in text for email in everyone)
    assert not contacts_visible(world.manager_c, interest) and not contacts_visible(world.officer, interest)


def test_a_pending_interest_of_a_third_cluster_does_not_see_the_accepted_pair(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    services.decide(world.manager_a, interest, accept=True)
    services.express_interest(world.manager_c, post, world.cluster_c, "Us too.")
    assert shown(client, world.manager_a, post, {world.manager_c.email, world.contact_c.email}) == set()
    assert shown(client, world.manager_c, post, side_a(world)) == set()


def test_declined_interest_never_shows_contacts(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    services.decide(world.manager_a, interest, accept=False)
    assert shown(client, world.manager_a, post, side_b(world)) == set()
    assert shown(client, world.manager_b, post, side_a(world)) == set()


def test_withdrawn_interest_hides_the_contacts_again(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    services.decide(world.manager_a, interest, accept=True)
    services.withdraw(world.manager_b, interest)
    assert shown(client, world.manager_a, post, side_b(world)) == set()
    assert shown(client, world.manager_b, post, side_a(world)) == set()


def test_contacts_stay_visible_to_the_post_side_after_closing(client, world, post):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    services.decide(world.manager_a, interest, accept=True)
    services.close_post(world.manager_a, post)
    assert shown(client, world.manager_a, post, side_b(world)) == side_b(world)
    assert shown(client, world.manager_b, post, side_a(world)) == side_a(world)  # on "my partner searches"


def test_an_accepted_partner_still_reaches_the_closed_post_and_its_contact_but_a_third_cluster_does_not(
    client, world, post
):
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "We recycle fibres.")
    services.decide(world.manager_a, interest, accept=True)
    services.close_post(world.manager_a, post)
    client.force_login(world.manager_b)
    response = client.get(post.get_absolute_url(), **EN)
    assert response.status_code == 200
    assert world.manager_a.email in response.content.decode()
    client.force_login(world.manager_c)
    assert client.get(post.get_absolute_url(), **EN).status_code == 404
