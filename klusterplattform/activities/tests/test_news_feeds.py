"""RSS and Atom feeds of a programme's public news: only public, published items of a published programme, in the
language of the request."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from klusterplattform.activities.models import NewsItem
from klusterplattform.registry.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 (our own feed, written by Django's feed generator)


def news(programme, title, *, audience="public", days_ago=1):
    published = None if days_ago is None else timezone.now() - datetime.timedelta(days=days_ago)
    return NewsItem.objects.create(
        programme=programme,
        title_sv=f"{title} på svenska",
        title_en=title,
        body_sv="Brödtext",
        body_en="Body text",
        audience=audience,
        published_at=published,
    )


@pytest.fixture
def programme():
    programme = ProgrammeFactory(slug="feed-programme")
    news(programme, "Older public", days_ago=5)
    news(programme, "Newer public", days_ago=1)
    news(programme, "For participants", audience="participants")
    news(programme, "A draft", days_ago=None)
    news(programme, "Scheduled", days_ago=-2)
    news(ProgrammeFactory(), "Other programme")
    return programme


def test_rss_has_public_published_items_newest_first(client, programme):
    response = client.get("/en/program/feed-programme/aktuellt/rss/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    channel = parse(response.content).find("channel")
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newer public", "Older public"]
    assert items[0].findtext("description") == "Body text"
    assert (
        items[0]
        .findtext("link")
        .endswith(f"/en/program/feed-programme/aktuellt/{NewsItem.objects.get(title_en='Newer public').pk}/")
    )


def test_rss_in_swedish_by_default(client, programme):
    channel = parse(client.get("/program/feed-programme/aktuellt/rss/").content).find("channel")
    assert channel.findtext("language") == "sv"
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Newer public på svenska",
        "Older public på svenska",
    ]


def test_atom_feed(client, programme):
    response = client.get("/en/program/feed-programme/aktuellt/atom/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = parse(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newer public", "Older public"]
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)


def test_feeds_of_unpublished_or_unknown_programme_are_404(client):
    hidden = ProgrammeFactory(is_published=False)
    news(hidden, "Hidden")
    for kind in ("rss", "atom"):
        assert client.get(f"/program/{hidden.slug}/aktuellt/{kind}/").status_code == 404
        assert client.get(f"/program/no-such/aktuellt/{kind}/").status_code == 404


def test_list_page_links_the_feeds(client, programme):
    text = client.get("/en/program/feed-programme/aktuellt/").text
    assert 'href="/en/program/feed-programme/aktuellt/rss/"' in text
    assert 'href="/en/program/feed-programme/aktuellt/atom/"' in text
