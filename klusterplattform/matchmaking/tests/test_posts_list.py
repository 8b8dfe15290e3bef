"""The list of open partner searches: search on the folded text, each filter, demo data left out by default, sorting,
paging, the empty state, derived status (expired after the open-until day, closed), and a pinned query count."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.matchmaking.models import PartnerSearch
from klusterplattform.matchmaking.tests.world import build_world, make_post
from klusterplattform.registry.tests.factories import ClusterFactory, EcosystemFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
URL = "/en/partnersok/"
PINNED = 8  # session, user, role grants, the ecosystem filter, count, page, its ecosystems, ecosystem choices


@pytest.fixture
def world():
    return build_world()


def listed(client, **params) -> list[str]:
    response = client.get(URL, params, **EN)
    assert response.status_code == 200
    return [post.title for post in response.context["page"].items]


def test_status_is_derived_from_the_dates_and_the_closing():
    world = build_world()
    post = make_post(world.cluster_a, expires_in_days=0)
    today = timezone.localdate()
    assert post.status_on(today) == "open"  # the whole open-until day counts
    assert post.status_on(today + datetime.timedelta(days=1)) == "expired"
    assert make_post(world.cluster_a, closed=True).status == "closed"


def test_list_shows_only_open_posts_of_published_clusters(client, world):
    make_post(world.cluster_a, title="Open")
    make_post(world.cluster_a, title="Closed", closed=True)
    expired = make_post(world.cluster_b, title="Expired")
    PartnerSearch.objects.filter(pk=expired.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    hidden = ClusterFactory(is_published=False)
    make_post(hidden, title="Unpublished cluster", author=_manager(hidden))
    assert listed(client) == ["Open"]
    client.force_login(world.manager_a)
    assert listed(client) == ["Open"]  # the list is of open posts, even for their own managers


def test_search_is_case_folded_and_matches_every_word(client, world):
    make_post(world.cluster_a, title="Återvinning av TEXTILFIBER", offer="Pilotanläggning")
    make_post(world.cluster_b, title="Battery value chain", offer="Cell testing")
    assert listed(client, q="återvinning textilfiber") == ["Återvinning av TEXTILFIBER"]
    assert listed(client, q="ÅTERVINNING") == ["Återvinning av TEXTILFIBER"]
    assert listed(client, q="cell battery") == ["Battery value chain"]
    assert listed(client, q="battery återvinning") == []
    foundry = ClusterFactory(name="Sörmlands Gjuteriklustret")
    make_post(foundry, title="Casting partners", author=_manager(foundry))
    assert listed(client, q="GJUTERIKLUSTRET") == ["Casting partners"]  # the cluster's name is searched too


def test_filters_by_purpose_partner_type_ecosystem_and_country(client, world):
    textiles = EcosystemFactory(code="textiles")
    make_post(
        world.cluster_a, title="Project SME DE", purpose="project", partner_types=["sme"], countries_sought=["DE"]
    )
    make_post(
        world.cluster_b,
        title="Trade research FR",
        purpose="trade_mission",
        partner_types=["research"],
        countries_sought=["FR"],
        ecosystems=[textiles],
    )
    make_post(world.cluster_c, title="Anyone anywhere", purpose="value_chain", partner_types=[], countries_sought=[])
    assert listed(client, purpose="trade_mission") == ["Trade research FR"]
    assert set(listed(client, partner_type="sme")) == {"Project SME DE", "Anyone anywhere"}
    assert listed(client, ecosystem="textiles") == ["Trade research FR"]
    assert set(listed(client, country="FR")) == {"Trade research FR", "Anyone anywhere"}
    assert listed(client, country="FR", partner_type="research", purpose="trade_mission") == ["Trade research FR"]


def test_invalid_filters_are_left_out_and_named(client, world):
    make_post(world.cluster_a, title="Kept")
    response = client.get(URL, {"purpose": "nonsense", "country": "XX"}, **EN)
    assert [p.title for p in response.context["page"].items] == ["Kept"]
    assert "Some filters were left out" in response.content.decode()


def test_only_my_clusters_posts(client, world):
    make_post(world.cluster_a, title="Ours")
    make_post(world.cluster_b, title="Theirs")
    client.force_login(world.manager_a)
    assert listed(client, mine="on") == ["Ours"]
    client.force_login(world.outsider)
    assert "mine" not in client.get(URL, **EN).context["filters"].fields


def test_demo_posts_are_left_out_unless_asked_for(client, world):
    demo = ClusterFactory(is_demo=True)
    make_post(world.cluster_a, title="Real")
    make_post(demo, title="Demo", author=_manager(demo))
    assert listed(client) == ["Real"]
    assert set(listed(client, demo="on")) == {"Real", "Demo"}


def _manager(cluster):
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.tests.factories import UserFactory

    user = UserFactory()
    grant_role(user, "cluster_manager", clusters=[cluster.slug])
    return user


def test_sorting_newest_or_expiring_soonest(client, world):
    make_post(world.cluster_a, title="Old, long", expires_in_days=90)
    make_post(world.cluster_a, title="New, short", expires_in_days=5)
    make_post(world.cluster_a, title="Newest, middle", expires_in_days=30)
    assert listed(client) == ["Newest, middle", "New, short", "Old, long"]
    assert listed(client, sort="expiring") == ["New, short", "Newest, middle", "Old, long"]


def test_paging(client, world, settings):
    settings.KP_PAGE_SIZE = 2
    for number in range(5):
        make_post(world.cluster_a, title=f"Post {number}")
    assert listed(client) == ["Post 4", "Post 3"]
    assert listed(client, page=3) == ["Post 0"]
    assert listed(client, page=99) == ["Post 0"]  # past the end: the last page
    assert client.get(URL, {"page": 2}, **EN).context["page"].total == 5


def test_empty_state_and_publish_link(client, world):
    body = client.get(URL, **EN).content.decode()
    assert "There are no open partner searches yet." in body
    assert "Publish a partner search" not in body
    client.force_login(world.manager_a)
    assert "Publish a partner search" in client.get(URL, **EN).content.decode()
    assert "No open partner search matches these filters." in client.get(URL, {"q": "zzz"}, **EN).content.decode()


def test_header_links_to_partner_search_and_marks_the_page(client, world):
    body = client.get(URL, **EN).content.decode()
    assert 'href="/en/partnersok/" aria-current="page"' in body


def test_query_count_of_the_list_is_pinned(client, world, django_assert_num_queries, settings):
    settings.KP_PAGE_SIZE = 20
    textiles = EcosystemFactory(code="textiles")
    for number in range(3):
        make_post(world.cluster_a, title=f"Post {number}", ecosystems=[textiles])
    client.force_login(world.manager_b)
    client.get(URL, **EN)  # warm caches (session, content types)

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"ecosystem": "textiles", "q": "post"}, **EN).status_code == 200
        return len(queries)

    few = count()
    for number in range(3, 15):
        make_post(world.cluster_b, title=f"Post {number}", ecosystems=[textiles])
    assert count() == few
    with django_assert_num_queries(PINNED):
        client.get(URL, {"ecosystem": "textiles", "q": "post"}, **EN)
