"""Which deadlines each calendar holds, and who reaches which feed: the public feed of every open call, a cluster's
secret feed of its bookmarks, one call's file, the feeds page and replacing a secret link."""

import icalendar
import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from klusterplattform.funding.models import FundingCalendarFeed, FundingInterest
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def en(name, *args):
    with translation.override("en"):
        return reverse(f"funding:{name}", args=args)


def identifiers(response) -> set[str]:
    assert response.status_code == 200, response.content[:300]
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]).split()[1] for e in calendar.walk("VEVENT")}


def track(cluster, call, **flags):
    return FundingInterest.objects.create(cluster=cluster, call=call, **flags)


def test_the_all_feed_holds_published_real_calls_that_have_not_closed(client):
    make_funding_call("OPEN-1", closes_in_days=20)
    make_funding_call("SOON-1", opened_days_ago=-10, closes_in_days=90)
    make_funding_call("CLOSED-1", opened_days_ago=90, closes_in_days=-2)
    make_funding_call("DRAFT-1", is_published=False)
    make_funding_call("DEMO-1", is_demo=True)

    response = client.get(en("feed_all"))

    assert identifiers(response) == {"OPEN-1", "SOON-1"}
    assert 'filename="finansiering.ics"' in response["Content-Disposition"]


def test_a_clusters_feed_shows_only_its_own_bookmarks_and_intentions(client, world):
    bookmarked = make_funding_call("BOOK-1")
    intended = make_funding_call("INTEND-1")
    closed = make_funding_call("BOOK-CLOSED", opened_days_ago=60, closes_in_days=-5)
    make_funding_call("NOT-TRACKED")
    others = make_funding_call("OTHER-CLUSTER")
    note_only = make_funding_call("NOTE-ONLY")
    track(world.cluster_a, bookmarked, bookmarked=True)
    track(world.cluster_a, intended, intends_to_apply=True)
    track(world.cluster_a, closed, bookmarked=True)
    track(world.cluster_a, note_only, note="maybe later")
    track(world.cluster_b, others, bookmarked=True)
    feed = FundingCalendarFeed.objects.create(cluster=world.cluster_a)

    found = identifiers(client.get(en("feed_cluster", feed.token)))

    # A deadline that has passed stays in the cluster's calendar.
    assert found == {"BOOK-1", "INTEND-1", "BOOK-CLOSED"}


def test_an_unknown_token_is_not_found(client):
    assert client.get(en("feed_cluster", "not-a-token")).status_code == 404


def test_a_replaced_token_closes_the_old_address(client, world):
    track(world.cluster_a, make_funding_call("BOOK-1"), bookmarked=True)
    feed = FundingCalendarFeed.objects.create(cluster=world.cluster_a)
    old = feed.token
    client.force_login(world.manager_a)

    response = client.post(en("feed_replace", world.cluster_a.slug))

    assert response.status_code == 302 and response["Location"] == en("feeds")
    feed.refresh_from_db()
    assert feed.token != old
    assert client.get(en("feed_cluster", old)).status_code == 404
    assert identifiers(client.get(en("feed_cluster", feed.token))) == {"BOOK-1"}


@pytest.mark.parametrize("persona", ["manager_b", "regional_a", "regional_b", "outsider"])
def test_only_the_clusters_managers_and_officers_replace_its_link(client, world, persona):
    feed = FundingCalendarFeed.objects.create(cluster=world.cluster_a)
    client.force_login(getattr(world, persona))
    assert client.post(en("feed_replace", world.cluster_a.slug)).status_code == 404
    feed.refresh_from_db()
    assert FundingCalendarFeed.objects.get(pk=feed.pk).token == feed.token


def test_an_officer_replaces_a_link_and_a_get_changes_nothing(client, world):
    feed = FundingCalendarFeed.objects.create(cluster=world.cluster_a)
    client.force_login(world.officer)
    assert client.get(en("feed_replace", world.cluster_a.slug)).status_code == 405
    assert FundingCalendarFeed.objects.get(pk=feed.pk).token == feed.token
    assert client.post(en("feed_replace", world.cluster_a.slug)).status_code == 302
    assert FundingCalendarFeed.objects.get(pk=feed.pk).token != feed.token


def test_anonymous_is_sent_to_sign_in_before_replacing_and_nothing_changes(client, world):
    feed = FundingCalendarFeed.objects.create(cluster=world.cluster_a)
    response = client.post(en("feed_replace", world.cluster_a.slug))
    assert response.status_code == 302 and "logga-in" in response["Location"]
    assert FundingCalendarFeed.objects.get(pk=feed.pk).token == feed.token


def test_a_calls_own_file_follows_who_may_see_the_call(client, world):
    public = make_funding_call("EuropeAid/186246/DD/ACT/NG")
    draft = make_funding_call("DRAFT-1", is_published=False, created_by=world.manager_a)

    response = client.get(en("call_ics", public.identifier))
    assert identifiers(response) == {"EuropeAid/186246/DD/ACT/NG"}
    assert response["Content-Disposition"].startswith("attachment")
    assert client.get(en("call_ics", draft.identifier)).status_code == 404
    for user, status in [(world.outsider, 404), (world.manager_b, 404), (world.manager_a, 200), (world.officer, 200)]:
        client.force_login(user)
        assert client.get(en("call_ics", draft.identifier)).status_code == status
    assert client.get(en("call_ics", "NO-SUCH-CALL")).status_code == 404


def test_the_call_page_links_to_the_calls_file():
    call = make_funding_call("LINK-1")
    with translation.override("en"):
        html = render_to_string("funding/includes/call_calendar.html", {"call": call})
    assert f'href="{en("call_ics", "LINK-1")}"' in html
    assert "Add the deadlines to your calendar (.ics)" in html


def test_the_feeds_page_shows_a_manager_their_clusters_secret_address_and_creates_it(client, world):
    client.force_login(world.manager_a)
    assert not FundingCalendarFeed.objects.exists()

    response = client.get(en("feeds"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    feed = FundingCalendarFeed.objects.get()
    assert feed.cluster == world.cluster_a
    body = response.content.decode()
    assert f"http://testserver{en('feed_cluster', feed.token)}" in body
    assert "http://testserver" + en("feed_all") in body
    assert en("feed_replace", world.cluster_a.slug) in body
    # Opening the page again keeps the address.
    client.get(en("feeds"))
    assert FundingCalendarFeed.objects.get().token == feed.token


def test_the_feeds_page_shows_tracking_clusters_only_to_those_who_may_see_their_bookmarks(client, world):
    track(world.cluster_a, make_funding_call("BOOK-1"), bookmarked=True)
    quiet = ClusterFactory(regions=[world.region_a])  # tracks nothing: not listed for officers

    def page_for(user):
        client.force_login(user)
        response = client.get(en("feeds"))
        assert response.status_code == 200
        return response.content.decode()

    for user in (world.regional_a, world.officer):
        body = page_for(user)
        assert world.cluster_a.name in body and quiet.name not in body
        assert world.cluster_b.name not in body
    for user in (world.regional_b, world.outsider):
        body = page_for(user)
        assert world.cluster_a.name not in body
        assert "/kalender/kluster/" not in body.replace(en("feeds"), "")
    # A regional officer sees the address but may not replace it; the officer may.
    assert en("feed_replace", world.cluster_a.slug) not in page_for(world.regional_a)
    assert en("feed_replace", world.cluster_a.slug) in page_for(world.officer)
    assert set(FundingCalendarFeed.objects.values_list("cluster_id", flat=True)) == {world.cluster_a.pk}


def test_the_feeds_page_asks_anonymous_to_sign_in(client):
    response = client.get(en("feeds"))
    assert response.status_code == 302 and "logga-in" in response["Location"]


def test_the_feeds_page_does_not_query_more_for_more_clusters(client, world):
    call = make_funding_call("BOOK-1")
    client.force_login(world.officer)

    def queries_with(n_clusters):
        for _n in range(n_clusters - FundingInterest.objects.count()):
            track(ClusterFactory(regions=[world.region_a]), call, bookmarked=True)
        client.get(en("feeds"))  # creates the missing feeds
        with CaptureQueriesContext(connection) as queries:
            assert client.get(en("feeds")).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(6)
