"""Programme news: who reads what (participants-only items, drafts, scheduled items), writing and unpublishing,
the e-mail opt-in, and query counts of the list."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.activities.models import NewsItem, NewsSubscription
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ProgrammeFactory, RegionFactory, UserFactory

from .activities_world import build_world

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def news(programme, title, *, audience="public", days_ago=1, **fields):
    published = None if days_ago is None else timezone.now() - datetime.timedelta(days=days_ago)
    values = {"title_sv": f"{title} (sv)", "title_en": title, "body_sv": "Text.", "body_en": "Text.", **fields}
    return NewsItem.objects.create(programme=programme, audience=audience, published_at=published, **values)


@pytest.fixture
def world():
    world = build_world("n")
    world.public = news(world.programme, "Public news", days_ago=2)
    world.participants = news(world.programme, "Participants news", audience="participants", days_ago=1)
    world.draft = news(world.programme, "Draft news", days_ago=None)
    world.scheduled = news(world.programme, "Scheduled news", days_ago=-3)
    region = world.own.regions.get()
    world.regional = UserFactory(email="n-regional@example.org")
    grant_role(world.regional, "regional_officer", regions=[region.code])
    other_region = RegionFactory(code="n9")
    world.regional_out = UserFactory(email="n-regional-out@example.org")
    grant_role(world.regional_out, "regional_officer", regions=[other_region.code])
    return world


def titles(client, world, user=None):
    if user:
        client.force_login(user)
    response = client.get(f"/en/program/{world.programme.slug}/aktuellt/")
    assert response.status_code == 200
    return {t for t in ("Public news", "Participants news", "Draft news", "Scheduled news") if t in response.text}


def test_who_reads_what(client, world):
    assert titles(client, world) == {"Public news"}
    assert titles(client, world, world.outsider) == {"Public news"}
    assert titles(client, world, world.outside_manager) == {"Public news"}  # its cluster does not take part
    assert titles(client, world, world.regional_out) == {"Public news"}
    assert titles(client, world, world.manager) == {"Public news", "Participants news"}
    assert titles(client, world, world.regional) == {"Public news", "Participants news"}
    assert titles(client, world, world.officer) == {"Public news", "Participants news", "Draft news", "Scheduled news"}


def test_drafts_are_marked_for_officers(client, world):
    client.force_login(world.officer)
    text = client.get(f"/en/program/{world.programme.slug}/aktuellt/").text
    assert ">Draft<" in text and ">Scheduled<" in text


def test_item_page_404_outside_the_scope(client, world):
    url = f"/en/program/{world.programme.slug}/aktuellt/{{}}/"
    assert client.get(url.format(world.public.pk)).status_code == 200
    for item in (world.participants, world.draft, world.scheduled):
        assert client.get(url.format(item.pk)).status_code == 404
    client.force_login(world.outside_manager)
    assert client.get(url.format(world.participants.pk)).status_code == 404
    client.force_login(world.manager)
    assert client.get(url.format(world.participants.pk)).status_code == 200
    assert client.get(url.format(world.draft.pk)).status_code == 404
    client.force_login(world.officer)
    assert client.get(url.format(world.draft.pk)).status_code == 200


def test_item_of_another_programme_is_404(client, world):
    other = ProgrammeFactory()
    assert client.get(f"/en/program/{other.slug}/aktuellt/{world.public.pk}/").status_code == 404


def test_unpublished_programme_news_is_404(client, world):
    hidden = ProgrammeFactory(is_published=False, clusters=[world.own])
    news(hidden, "Hidden")
    assert client.get(f"/program/{hidden.slug}/aktuellt/").status_code == 404
    client.force_login(world.officer)
    assert client.get(f"/program/{hidden.slug}/aktuellt/").status_code == 200


def test_body_is_escaped_plain_text(client, world):
    item = news(world.programme, "Markup", body_en="<script>x</script>\n\nSecond paragraph")
    text = client.get(f"/en/program/{world.programme.slug}/aktuellt/{item.pk}/").text
    assert "<script>x</script>" not in text
    assert "&lt;script&gt;" in text
    assert "<p>Second paragraph</p>" in text


def test_list_is_newest_first_and_paged(client, world):
    for n in range(30):
        news(world.programme, f"Item {n:02d}", days_ago=10 + n)
    text = client.get(f"/en/program/{world.programme.slug}/aktuellt/").text
    assert text.index("Public news") < text.index("Item 00") < text.index("Item 01")
    assert "Item 29" not in text  # on the next page
    assert "Item 29" in client.get(f"/en/program/{world.programme.slug}/aktuellt/?page=2").text


def test_list_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world.manager)
    url = f"/en/program/{world.programme.slug}/aktuellt/"
    client.get(url)
    with django_assert_max_num_queries(12):
        client.get(url)
    for n in range(15):
        news(world.programme, f"More {n}", audience="participants")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def form(**overrides):
    data = {
        "title_sv": "Nyhet",
        "title_en": "News",
        "body_sv": "Text",
        "body_en": "Text",
        "audience": "public",
        "when": "now",
        "scheduled_at": "",
    }
    data.update(overrides)
    return data


def test_create_permissions(client, world):
    url = f"/program/{world.programme.slug}/aktuellt/ny/"
    assert client.get(url).status_code == 302
    client.force_login(world.manager)
    assert client.get(url).status_code == 403
    assert client.post(url, form()).status_code == 403
    assert not NewsItem.objects.filter(title_en="News").exists()
    client.force_login(world.officer)
    response = client.post(url, form())
    item = NewsItem.objects.get(title_en="News")
    assert response.status_code == 302 and response.url == item.get_absolute_url()
    assert item.is_published and item.author == world.officer and item.programme == world.programme


def test_create_needs_both_languages(client, world):
    client.force_login(world.officer)
    response = client.post(f"/en/program/{world.programme.slug}/aktuellt/ny/", form(title_en="", body_sv=""))
    assert response.status_code == 200
    assert "This field is required" in response.text
    assert NewsItem.objects.count() == 4


def test_draft_and_schedule(client, world):
    client.force_login(world.officer)
    url = f"/en/program/{world.programme.slug}/aktuellt/ny/"
    client.post(url, form(title_en="As draft", when="draft"))
    assert NewsItem.objects.get(title_en="As draft").published_at is None
    response = client.post(url, form(title_en="Past", when="schedule", scheduled_at="2000-01-01T10:00"))
    assert response.status_code == 200 and "must be in the future" in response.text
    response = client.post(url, form(title_en="No time", when="schedule"))
    assert "Give the time" in response.text
    future = (timezone.localtime() + datetime.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    client.post(url, form(title_en="Later", when="schedule", scheduled_at=future))
    later = NewsItem.objects.get(title_en="Later")
    assert later.published_at > timezone.now() and not later.is_published


def test_edit_keeps_publishing_date(client, world):
    client.force_login(world.officer)
    before = world.public.published_at
    url = f"/program/{world.programme.slug}/aktuellt/{world.public.pk}/redigera/"
    assert client.get(url).status_code == 200
    client.post(url, form(title_en="Changed"))
    world.public.refresh_from_db()
    assert world.public.title_en == "Changed" and world.public.published_at == before


def test_edit_refused_for_managers_and_unknown_to_outsiders(client, world):
    client.force_login(world.manager)
    assert client.get(f"/program/{world.programme.slug}/aktuellt/{world.public.pk}/redigera/").status_code == 403
    assert client.get(f"/program/{world.programme.slug}/aktuellt/{world.draft.pk}/redigera/").status_code == 404


def test_unpublish_and_delete(client, world):
    client.force_login(world.manager)
    url = f"/program/{world.programme.slug}/aktuellt/{world.public.pk}/"
    assert client.post(url + "avpublicera/").status_code == 403
    client.force_login(world.officer)
    assert client.get(url + "avpublicera/").status_code == 405
    assert client.post(url + "avpublicera/").status_code == 302
    world.public.refresh_from_db()
    assert world.public.published_at is None
    assert client.get(url + "ta-bort/").status_code == 200  # the confirmation
    assert NewsItem.objects.filter(pk=world.public.pk).exists()
    assert client.post(url + "ta-bort/").status_code == 302
    assert not NewsItem.objects.filter(pk=world.public.pk).exists()


def test_subscription(client, world):
    url = f"/program/{world.programme.slug}/aktuellt/prenumeration/"
    list_url = f"/en/program/{world.programme.slug}/aktuellt/"
    assert client.post(url, {"subscribe": "1"}).status_code == 302  # to sign in
    client.force_login(world.outside_manager)
    assert "Get the news by e-mail" not in client.get(list_url).text
    assert client.post(url, {"subscribe": "1"}).status_code == 403
    for user in (world.manager, world.regional, world.officer):
        client.force_login(user)
        assert "Get the news by e-mail" in client.get(list_url).text
        assert client.post(url, {"subscribe": "1"}).status_code == 302
        assert client.post(url, {"subscribe": "1"}).status_code == 302  # twice is once
        assert NewsSubscription.objects.filter(user=user, programme=world.programme).count() == 1
        assert "Stop the e-mails" in client.get(list_url).text
    client.force_login(world.manager)
    client.post(url, {"subscribe": "0"})
    assert not NewsSubscription.objects.filter(user=world.manager).exists()
    assert NewsSubscription.objects.count() == 2
