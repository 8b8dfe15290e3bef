"""The partner-search API: listing with filters and visibility, reading, publishing, changing, closing, following."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from klusterplattform.accounts.models import ApiToken
from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.models import PartnerSearch, PartnerSearchFollow
from klusterplattform.matchmaking.tests.world import as_user
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, EcosystemFactory, RegionFactory

from .world import build_world, make_post

pytestmark = pytest.mark.django_db

URL = "/api/v1/partner-searches"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def in_days(days: int) -> str:
    return str(timezone.localdate() + datetime.timedelta(days=days))


def new_post(cluster_slug: str, **fields) -> dict:
    return {
        "cluster": cluster_slug,
        "title": "Textile recycling partners",
        "offer": "Pilot plants",
        "seek": "Sorting technology SMEs",
        "purpose": "project",
        "expires_on": in_days(60),
        **fields,
    }


@pytest.fixture
def world():
    return build_world()


def test_anyone_lists_open_posts_of_published_clusters_newest_first(client, world):
    first = make_post(world.cluster_a, title="First")
    second = make_post(world.cluster_b, title="Second")
    make_post(world.cluster_c, closed=True)
    make_post(world.cluster_c, expires_in_days=-1)
    hidden = ClusterFactory(slug="hidden", is_published=False)
    grant_role(world.manager_c, "cluster_manager", clusters=[hidden.slug])
    make_post(hidden, author=world.manager_c)  # an open post of an unpublished cluster

    response = as_user(client, None).get(URL)

    assert ids(response) == [second.pk, first.pk]
    row = response.json()["results"][0]
    assert row["cluster"] == {"slug": world.cluster_b.slug, "name": world.cluster_b.name, "country": "SE"}
    assert row["status"] == "open" and row["following"] is False and row["is_demo"] is False
    assert row["url"].endswith(f"/partnersok/{second.pk}/")
    assert response.json()["count"] == 2


def test_the_list_filters_by_words_purpose_partner_type_ecosystem_country_and_cluster(client, world):
    textiles = EcosystemFactory(code="textiles")
    a = make_post(world.cluster_a, title="Återvunnen fiber", ecosystems=[textiles], partner_types=["sme"])
    b = make_post(
        world.cluster_b, title="Trade mission", purpose="trade_mission", partner_types=["research"],
        countries_sought=["DE", "FR"],
    )  # fmt: skip
    c = make_post(world.cluster_c, title="Large companies", partner_types=["large_company"], countries_sought=["SE"])
    client = as_user(client, None)

    assert ids(client.get(URL, {"q": "ÅTERVUNNEN"})) == [a.pk]
    assert ids(client.get(URL, {"purpose": "trade_mission"})) == [b.pk]
    assert ids(client.get(URL, {"partner_type": "sme"})) == [a.pk]
    assert ids(client.get(URL, {"partner_type": "large_company"})) == [c.pk]
    assert ids(client.get(URL, {"ecosystem": "textiles"})) == [a.pk]
    assert ids(client.get(URL, {"ecosystem": "no-such-code"})) == []
    # A post seeking no particular country welcomes partners from anywhere.
    assert ids(client.get(URL, {"country": "de"})) == [b.pk, a.pk]
    assert ids(client.get(URL, {"country": "SE"})) == [c.pk, a.pk]
    assert ids(client.get(URL, {"cluster": world.cluster_c.slug})) == [c.pk]
    assert ids(client.get(URL, {"cluster": "unknown"})) == []


def test_demo_posts_are_left_out_unless_asked_for(client, world):
    demo = ClusterFactory(slug="demo-kluster", is_demo=True)
    grant_role(world.manager_c, "cluster_manager", clusters=[demo.slug])
    real = make_post(world.cluster_a)
    shown = make_post(demo, author=world.manager_c)
    client = as_user(client, None)
    assert ids(client.get(URL)) == [real.pk]
    assert ids(client.get(URL, {"include_demo": "true"})) == [shown.pk, real.pk]
    assert client.get(URL, {"include_demo": "true"}).json()["results"][0]["is_demo"] is True


def test_closed_and_expired_posts_are_seen_by_their_clusters_managers_and_officers_only(client, world):
    closed = make_post(world.cluster_a, closed=True)
    expired = make_post(world.cluster_a, expires_in_days=-1)
    for user, expected in [
        (world.manager_a, [expired.pk, closed.pk]),
        (world.regional_a, [expired.pk, closed.pk]),
        (world.officer, [expired.pk, closed.pk]),
        (world.manager_b, []),
        (world.outsider, []),
        (None, []),
    ]:
        assert ids(as_user(client, user).get(URL, {"status": "all"})) == expected, user
        assert as_user(client, user).get(f"{URL}/{closed.pk}").status_code == (200 if expected else 404)
    assert ids(as_user(client, world.manager_a).get(URL, {"status": "closed"})) == [closed.pk]
    assert ids(as_user(client, world.manager_a).get(URL, {"status": "expired"})) == [expired.pk]
    assert ids(as_user(client, world.manager_a).get(URL)) == []


def test_a_post_reads_with_its_terms_and_the_callers_following(client, world):
    region = RegionFactory(code="DE21", level="nuts2", country="DE")
    textiles = EcosystemFactory(code="textiles")
    post = make_post(world.cluster_a, ecosystems=[textiles], regions=[region], countries_sought=["DE"])
    PartnerSearchFollow.objects.create(post=post, user=world.outsider)

    data = as_user(client, world.outsider).get(f"{URL}/{post.pk}").json()

    assert data["ecosystems"] == ["textiles"] and data["regions_sought"] == ["DE21"]
    assert data["countries_sought"] == ["DE"] and data["partner_types"] == ["research", "sme"]
    assert data["following"] is True and data["funding_call"] is None
    assert data["expires_on"] == str(post.expires_on)
    assert as_user(client, None).get(f"{URL}/{post.pk}").json()["following"] is False
    assert client.get(f"{URL}/999999").status_code == 404
    assert client.get(f"{URL}/{2**63}").status_code == 404


def test_a_manager_publishes_a_post_for_their_cluster(client, world):
    EcosystemFactory(code="textiles")
    body = new_post(world.cluster_a.slug, ecosystems=["textiles"], partner_types=["sme"], countries_sought=["FI"])

    response = as_user(client, world.manager_a).post(URL, body, content_type="application/json")

    assert response.status_code == 201, response.content
    post = PartnerSearch.objects.get()
    assert post.author == world.manager_a and post.cluster == world.cluster_a
    assert response.json()["id"] == post.pk and response.json()["ecosystems"] == ["textiles"]
    assert "textile recycling" in post.search_text


def test_a_token_publishes_as_its_user(client, world):
    _token, raw = ApiToken.issue(world.manager_b, name="t")
    response = client.post(
        URL, new_post(world.cluster_b.slug), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 201
    assert PartnerSearch.objects.get().author == world.manager_b


@pytest.mark.parametrize(
    ("persona", "status"),
    [("manager_b", 403), ("regional_a", 403), ("officer", 403), ("outsider", 403), (None, 401)],
)
def test_only_the_clusters_managers_publish_for_it(client, world, persona, status):
    user = getattr(world, persona) if persona else None
    response = as_user(client, user).post(URL, new_post(world.cluster_a.slug), content_type="application/json")
    assert response.status_code == status
    assert not PartnerSearch.objects.exists()


def test_an_unseeable_cluster_is_a_404(client, world):
    ClusterFactory(slug="secret", is_published=False)
    response = as_user(client, world.manager_a).post(URL, new_post("secret"), content_type="application/json")
    assert response.status_code == 404
    assert not PartnerSearch.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"expires_on": in_days(-1)}, "expires_on"),
        ({"expires_on": in_days(400)}, "expires_on"),
        ({"ecosystems": ["no-such-ecosystem"]}, "ecosystems"),
        ({"regions_sought": ["ZZ99"]}, "regions_sought"),
        ({"countries_sought": ["XX"]}, "countries_sought"),
        ({"purpose": "funding_call"}, "funding_call"),
        ({"funding_call": "NO-SUCH-CALL", "purpose": "funding_call"}, "funding_call"),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_saves_nothing(client, world, changes, field):
    body = new_post(world.cluster_a.slug, **changes)
    response = as_user(client, world.manager_a).post(URL, body, content_type="application/json")
    assert response.status_code == 422, response.content
    assert any(error["loc"][-1] == field for error in response.json()["detail"]), response.json()
    assert not PartnerSearch.objects.exists()


def test_a_body_with_an_unknown_field_or_no_title_is_a_422(client, world):
    client = as_user(client, world.manager_a)
    extra = {**new_post(world.cluster_a.slug), "x": 1}
    assert client.post(URL, extra, content_type="application/json").status_code == 422
    body = new_post(world.cluster_a.slug)
    del body["title"]
    assert client.post(URL, body, content_type="application/json").status_code == 422
    assert client.post(URL, {**body, "title": ""}, content_type="application/json").status_code == 422
    assert not PartnerSearch.objects.exists()


def test_a_manager_changes_only_the_fields_sent(client, world):
    textiles = EcosystemFactory(code="textiles")
    post = make_post(world.cluster_a, ecosystems=[textiles], title="Old")
    client = as_user(client, world.manager_a)

    response = client.patch(f"{URL}/{post.pk}", {"title": "New title"}, content_type="application/json")

    assert response.status_code == 200, response.content
    post.refresh_from_db()
    assert post.title == "New title" and list(post.ecosystems.values_list("code", flat=True)) == ["textiles"]
    assert "new title" in post.search_text and post.author == world.manager_a
    response = client.patch(f"{URL}/{post.pk}", {"ecosystems": []}, content_type="application/json")
    assert response.json()["ecosystems"] == [] and not post.ecosystems.exists()


def test_a_bad_change_saves_nothing(client, world):
    post = make_post(world.cluster_a, title="Old")
    body = {"title": "New", "expires_on": in_days(-3)}
    response = as_user(client, world.manager_a).patch(f"{URL}/{post.pk}", body, content_type="application/json")
    assert response.status_code == 422
    post.refresh_from_db()
    assert post.title == "Old"


@pytest.mark.parametrize(
    ("persona", "status"),
    [("manager_b", 403), ("regional_a", 403), ("officer", 403), ("outsider", 403), (None, 401)],
)
def test_others_may_not_change_or_close_a_post(client, world, persona, status):
    post = make_post(world.cluster_a, title="Old")
    client = as_user(client, getattr(world, persona) if persona else None)
    assert client.patch(f"{URL}/{post.pk}", {"title": "X"}, content_type="application/json").status_code == status
    assert client.post(f"{URL}/{post.pk}/close").status_code == status
    post.refresh_from_db()
    assert post.title == "Old" and post.closed_at is None


def test_a_post_another_manager_cannot_see_is_a_404_for_changes(client, world):
    post = make_post(world.cluster_a, closed=True)
    client = as_user(client, world.manager_b)
    assert client.patch(f"{URL}/{post.pk}", {"title": "X"}, content_type="application/json").status_code == 404
    assert client.post(f"{URL}/{post.pk}/close").status_code == 404


def test_a_manager_closes_a_post_and_closing_again_changes_nothing(client, world):
    post = make_post(world.cluster_a)
    client = as_user(client, world.manager_a)
    response = client.post(f"{URL}/{post.pk}/close")
    assert response.status_code == 200 and response.json()["status"] == "closed"
    closed_at = PartnerSearch.objects.get().closed_at
    assert client.post(f"{URL}/{post.pk}/close").status_code == 200
    assert PartnerSearch.objects.get().closed_at == closed_at
    assert ids(as_user(client, None).get(URL)) == []


def test_anyone_signed_in_follows_and_unfollows_a_post_they_see(client, world):
    post = make_post(world.cluster_a)
    client = as_user(client, world.outsider)
    for _twice in range(2):
        response = client.put(f"{URL}/{post.pk}/follow")
        assert response.status_code == 200 and response.json() == {"post": post.pk, "following": True}
    assert PartnerSearchFollow.objects.filter(post=post, user=world.outsider).count() == 1
    assert client.get(f"{URL}/{post.pk}").json()["following"] is True
    assert client.delete(f"{URL}/{post.pk}/follow").json() == {"post": post.pk, "following": False}
    assert not PartnerSearchFollow.objects.exists()
    assert as_user(client, None).put(f"{URL}/{post.pk}/follow").status_code == 401
    hidden = make_post(world.cluster_a, closed=True)
    assert as_user(client, world.outsider).put(f"{URL}/{hidden.pk}/follow").status_code == 404
    assert not PartnerSearchFollow.objects.exists()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_and_the_interest_queries_do_not_grow_with_the_data(client, world):
    textiles = EcosystemFactory(code="textiles")
    post = make_post(world.cluster_a, ecosystems=[textiles])
    services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    client = as_user(client, world.manager_a)
    few = _queries(client, URL), _queries(client, "/api/v1/partner-interests")
    for cluster in (world.cluster_b, world.cluster_c):
        for _n in range(3):
            other = make_post(cluster, ecosystems=[textiles])
            services.express_interest(world.manager_a, other, world.cluster_a, "Hello")
            services.follow(world.manager_a, other)
    many = _queries(client, URL), _queries(client, "/api/v1/partner-interests")
    assert many == few
