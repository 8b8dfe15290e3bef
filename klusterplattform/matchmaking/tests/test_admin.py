"""The admin: posts can be corrected (the search text follows), expressions of interest and follows are read-only."""

import pytest

from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.models import PartnerInterest, PartnerSearch
from klusterplattform.registry.tests.factories import UserFactory

from .world import build_world, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_a_post_is_listed_and_corrected_with_its_search_text(admin_client):
    world = build_world()
    post = make_post(world.cluster_a, title="Admin visible")
    services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    listing = admin_client.get("/en/admin/matchmaking/partnersearch/?q=Admin")
    assert listing.status_code == 200 and "Admin visible" in listing.content.decode()
    page = admin_client.get(f"/en/admin/matchmaking/partnersearch/{post.pk}/change/")
    assert page.status_code == 200 and 'name="search_text"' not in page.content.decode()
    assert world.cluster_b.name in page.content.decode()  # the interest inline
    data = {
        "cluster": world.cluster_a.pk,
        "title": "Corrected title",
        "offer": post.offer,
        "seek": post.seek,
        "partner_types": "[]",
        "countries_sought": "[]",
        "purpose": "project",
        "expires_on": str(post.expires_on),
        "interests-TOTAL_FORMS": "1",
        "interests-INITIAL_FORMS": "1",
        "interests-MIN_NUM_FORMS": "0",
        "interests-MAX_NUM_FORMS": "0",
        "interests-0-id": PartnerInterest.objects.get().pk,
        "interests-0-post": post.pk,
    }
    response = admin_client.post(f"/en/admin/matchmaking/partnersearch/{post.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    post.refresh_from_db()
    assert post.title == "Corrected title" and post.search_text.startswith("corrected title")


def test_interest_and_follows_are_read_only_in_the_admin(admin_client):
    world = build_world()
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    url = f"/en/admin/matchmaking/partnerinterest/{interest.pk}/change/"
    assert admin_client.get("/en/admin/matchmaking/partnerinterest/").status_code == 200
    assert admin_client.get(url).status_code == 200
    assert admin_client.get("/en/admin/matchmaking/partnerinterest/add/").status_code == 403
    admin_client.post(url, {"status": "accepted", "message": "Changed"})
    assert PartnerInterest.objects.get().status == "pending"
    assert admin_client.get("/en/admin/matchmaking/partnersearchfollow/add/").status_code == 403
    assert PartnerSearch.objects.count() == 1
