"""The public call pages: the list (status groups, filters, paging, empty state), a call's page (dates in its zone,
countdown, outcome, documents, the start button), and who sees unpublished calls."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from klusterplattform.calls.models import Application, CallDocument
from klusterplattform.calls.views_calls import countdown
from klusterplattform.registry.tests.factories import ProgrammeFactory

from .calls_world import build_world, make_call

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world():
    return build_world()


def test_countdown_words():
    from django.utils import translation

    with translation.override("en"):
        assert countdown(datetime.timedelta(days=3, hours=4, minutes=20)) == "3 days, 4 hours"
        assert countdown(datetime.timedelta(days=1, minutes=5)) == "1 day, 0 hours"
        assert countdown(datetime.timedelta(hours=5, minutes=10)) == "5 hours, 10 minutes"
        assert countdown(datetime.timedelta(seconds=20)) == "1 minute"
        assert countdown(datetime.timedelta(seconds=-5)) == "1 minute"


def test_the_list_shows_open_then_forthcoming_then_closed(client, world):
    make_call(world.programme, slug="later", opens_in_days=5, closes_in_days=20, title_en="Later call")
    make_call(world.programme, slug="much-later", opens_in_days=9, closes_in_days=20, title_en="Much later call")
    make_call(world.programme, slug="over", opens_in_days=-30, closes_in_days=-2, title_en="Old call")
    make_call(world.programme, slug="older", opens_in_days=-60, closes_in_days=-40, title_en="Older call")
    make_call(world.programme, slug="hidden", is_published=False, title_en="Secret call")
    response = client.get("/en/utlysningar/", **EN)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Secret call" not in html
    order = ("Call for cluster organisations", "Later call", "Much later call", "Old call", "Older call")
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    assert "5 calls" in html


def test_the_list_filters_by_status_and_programme(client, world):
    other = ProgrammeFactory(slug="other-programme", is_published=True)
    make_call(other, slug="elsewhere", title_en="Elsewhere call")
    make_call(world.programme, slug="over", opens_in_days=-30, closes_in_days=-2, title_en="Old call")
    html = client.get("/en/utlysningar/?status=closed", **EN).content.decode()
    assert "Old call" in html and "Elsewhere call" not in html and "1 call" in html
    html = client.get("/en/utlysningar/?programme=other-programme", **EN).content.decode()
    assert "Elsewhere call" in html and "Old call" not in html
    html = client.get("/en/utlysningar/?status=forthcoming", **EN).content.decode()
    assert "No call matches these filters." in html


def test_the_list_has_an_empty_state_and_pages(client, settings):
    html = client.get("/en/utlysningar/", **EN).content.decode()
    assert "There are no calls yet." in html
    programme = ProgrammeFactory(is_published=True)
    settings.KP_PAGE_SIZE = 2
    for number in range(5):
        make_call(programme, slug=f"c{number}", form=False)
    html = client.get("/en/utlysningar/?page=3", **EN).content.decode()
    assert "Calls, page 3 of 3" in html


def test_the_list_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for number in range(6):
        make_call(world.programme, slug=f"c{number}", form=False)
    with django_assert_max_num_queries(8):
        assert client.get("/en/utlysningar/", **EN).status_code == 200


def test_unpublished_calls_are_404_except_for_officers(client, world):
    call = make_call(world.programme, slug="draft-call", is_published=False)
    for user in (None, world.manager_a, world.regional_a, world.reviewer_1, world.outsider):
        client.logout()
        if user:
            client.force_login(user)
        assert client.get(call.get_absolute_url()).status_code == 404
    client.force_login(world.officer)
    assert client.get(call.get_absolute_url()).status_code == 200
    assert "draft-call" in client.get("/en/utlysningar/", **EN).content.decode()


def test_a_call_in_an_unpublished_programme_is_hidden(client):
    call = make_call(ProgrammeFactory(is_published=False), slug="quiet")
    assert client.get(call.get_absolute_url()).status_code == 404


def test_the_call_page_shows_dates_in_the_calls_zone_and_a_countdown(client, world):
    opens = datetime.datetime(2026, 3, 1, 8, 0, tzinfo=datetime.UTC)
    now = timezone.now()
    call = make_call(
        world.programme,
        slug="ny-york",
        opens_at=opens,
        closes_at=now + datetime.timedelta(days=3, hours=4, minutes=30),
        time_zone="America/New_York",
    )
    html = client.get(f"/en/utlysningar/{call.slug}/", **EN).content.decode()
    assert "1 March 2026 03:00" in html and "(America/New_York)" in html
    assert "Closes in 3 days, 4 hours." in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_a_forthcoming_call_counts_down_to_opening(client, world):
    call = make_call(world.programme, slug="soon", opens_in_days=2.5, closes_in_days=10)
    html = client.get(f"/en/utlysningar/{call.slug}/", **EN).content.decode()
    assert "Opens in 2 days, 11 hours." in html or "Opens in 2 days, 12 hours." in html


def test_a_closed_call_shows_its_outcome_and_the_number_selected(client, world):
    call = make_call(
        world.programme, slug="done", opens_in_days=-40, closes_in_days=-10, outcome_en="Two clusters were chosen."
    )
    form = call.form_versions.get()
    for cluster, status in ((world.cluster_a, "selected"), (world.cluster_b, "rejected")):
        Application.objects.create(call=call, cluster=cluster, form_version=form, status=status)
    html = client.get(f"/en/utlysningar/{call.slug}/", **EN).content.decode()
    assert "The call has closed." in html
    assert "1 application was selected." in html and "Two clusters were chosen." in html


def test_the_start_button_is_for_cluster_managers_while_the_call_is_open(client, world):
    url = f"/en/utlysningar/{world.call.slug}/"
    start = reverse("calls:application_start", args=[world.call.slug])
    assert client.get(url, **EN).status_code == 200
    assert start not in client.get(url, **EN).content.decode()  # anonymous
    client.force_login(world.manager_a)
    html = client.get(url, **EN).content.decode()
    assert start in html and "Start an application" in html
    for user in (world.outsider, world.officer, world.regional_a, world.reviewer_1):
        client.force_login(user)
        assert "Start an application" not in client.get(url, **EN).content.decode()
    closed = make_call(world.programme, slug="shut", opens_in_days=-9, closes_in_days=-1)
    later = make_call(world.programme, slug="later", opens_in_days=3)
    client.force_login(world.manager_a)
    for call in (closed, later):
        assert "Start an application" not in client.get(f"/en/utlysningar/{call.slug}/", **EN).content.decode()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_documents_are_public_with_a_published_call_only(client, world, media):
    document = CallDocument.objects.create(
        call=world.call, title="Guide", file=SimpleUploadedFile("guide.pdf", b"%PDF-1.4 guide")
    )
    url = reverse("calls:call_document", args=[world.call.slug, document.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 guide"
    assert "Guide" in client.get(world.call.get_absolute_url()).content.decode()
    world.call.is_published = False
    world.call.save()
    assert client.get(url).status_code == 404
    client.force_login(world.officer)
    assert client.get(url).status_code == 200
