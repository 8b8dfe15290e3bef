"""Programme contacts: officers keep them; the programme page shows them, pointing to the stand-in while a contact
is away. The programme page's activities sections use a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.activities.models import NewsItem, ProgrammeContact
from klusterplattform.registry.tests.factories import ProgrammeFactory

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world("c")


def contact(programme, name, **fields):
    return ProgrammeContact.objects.create(programme=programme, name=name, **fields)


def data(**overrides):
    values = {"name": "Anna Andersson", "role_sv": "Handläggare", "role_en": "Officer", "email": "anna@example.org"}
    values.update({"phone": "", "away_until": "", "stand_in": "", "position": "0"})
    values.update(overrides)
    return values


def test_officer_adds_edits_and_deletes_a_contact(client, world):
    base = f"/program/{world.programme.slug}/kontakter/"
    client.force_login(world.officer)
    assert client.get(base + "ny/").status_code == 200
    assert client.post(base + "ny/", data()).status_code == 302
    anna = ProgrammeContact.objects.get(name="Anna Andersson")
    assert anna.programme == world.programme
    assert client.post(f"{base}{anna.pk}/redigera/", data(phone="08-123")).status_code == 302
    anna.refresh_from_db()
    assert anna.phone == "08-123"
    assert client.get(f"{base}{anna.pk}/ta-bort/").status_code == 200
    assert ProgrammeContact.objects.filter(pk=anna.pk).exists()
    assert client.post(f"{base}{anna.pk}/ta-bort/").status_code == 302
    assert not ProgrammeContact.objects.filter(pk=anna.pk).exists()


def test_only_officers_keep_contacts(client, world):
    anna = contact(world.programme, "Anna")
    base = f"/program/{world.programme.slug}/kontakter/"
    assert client.get(base).status_code == 200  # the list is public
    assert client.get(base + "ny/").status_code == 302
    for user in (world.manager, world.outsider):
        client.force_login(user)
        assert client.get(base + "ny/").status_code == 403
        assert client.post(base + "ny/", data(name="Intruder")).status_code == 403
        assert client.post(f"{base}{anna.pk}/ta-bort/").status_code == 403
    assert not ProgrammeContact.objects.filter(name="Intruder").exists()
    assert ProgrammeContact.objects.filter(pk=anna.pk).exists()


def test_stand_in_must_be_of_the_same_programme_and_not_the_contact(client, world):
    anna = contact(world.programme, "Anna")
    stranger = contact(ProgrammeFactory(), "Stranger")
    base = f"/en/program/{world.programme.slug}/kontakter/"
    client.force_login(world.officer)
    response = client.post(base + "ny/", data(name="Bo", stand_in=str(stranger.pk)))
    assert response.status_code == 200 and "Select a valid choice" in response.text
    response = client.post(f"{base}{anna.pk}/redigera/", data(name="Anna", stand_in=str(anna.pk)))
    assert response.status_code == 200 and "Select a valid choice" in response.text
    anna.refresh_from_db()
    assert anna.stand_in is None
    assert client.post(base + "ny/", data(name="Bo", stand_in=str(anna.pk))).status_code == 302
    assert ProgrammeContact.objects.get(name="Bo").stand_in == anna


def test_contact_of_another_programme_is_404(client, world):
    stranger = contact(ProgrammeFactory(), "Stranger")
    client.force_login(world.officer)
    assert client.get(f"/program/{world.programme.slug}/kontakter/{stranger.pk}/redigera/").status_code == 404


def test_programme_page_points_to_the_stand_in_while_away(client, world):
    today = timezone.localdate()
    bo = contact(world.programme, "Bo Berg", email="bo@example.org", phone="08-555", position=2)
    contact(
        world.programme,
        "Anna Andersson",
        email="anna@example.org",
        away_until=today + datetime.timedelta(days=7),
        stand_in=bo,
        position=1,
    )
    contact(
        world.programme,
        "Cecilia Back",
        email="cecilia@example.org",
        away_until=today - datetime.timedelta(days=1),
        position=3,
    )
    text = client.get(f"/en/program/{world.programme.slug}/").text
    day = (today + datetime.timedelta(days=7)).isoformat()
    assert f"Away until {day} — please contact Bo Berg" in text
    assert text.index("Anna Andersson") < text.index("Bo Berg")
    assert "bo@example.org" in text and "08-555" in text
    assert "anna@example.org" not in text  # while away, visitors are pointed to the stand-in
    assert "cecilia@example.org" in text and "Away until" not in text.split("Cecilia Back")[1][:200]


def test_programme_page_sections(client, world):
    now = timezone.now()
    for n in range(4):
        NewsItem.objects.create(
            programme=world.programme,
            title_sv=f"Nyhet {n}",
            title_en=f"News {n}",
            body_sv="x",
            body_en="x",
            published_at=now - datetime.timedelta(days=n + 1),
        )
    NewsItem.objects.create(
        programme=world.programme,
        title_sv="Intern",
        title_en="Internal",
        body_sv="x",
        body_en="x",
        audience="participants",
        published_at=now,
    )
    make_activity(world.programme, title_en="Coming workshop", starts_in_days=3)
    make_activity(world.programme, title_en="Past workshop", starts_in_days=-30)
    url = f"/en/program/{world.programme.slug}/"
    text = client.get(url).text
    assert "News 0" in text and "News 2" in text and "News 3" not in text  # the latest three
    assert "Internal" not in text
    assert "Coming workshop" in text and "Past workshop" not in text
    assert f"/en/aktiviteter/?programme={world.programme.slug}" in text
    assert "All news" in text and "Participation statistics" not in text
    client.force_login(world.manager)
    text = client.get(url).text
    assert "Internal" in text and "Participation statistics" in text and "effect view" not in text
    client.force_login(world.outside_manager)
    assert "Participation statistics" not in client.get(url).text
    client.force_login(world.officer)
    text = client.get(url).text
    assert "Participation statistics" in text and "effect view" in text and "Manage the contacts" in text


def test_programme_page_query_count_is_fixed(client, world, django_assert_num_queries):
    client.force_login(world.manager)
    url = f"/program/{world.programme.slug}/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    now = timezone.now()
    bo = contact(world.programme, "Bo")
    for n in range(6):
        contact(world.programme, f"Person {n}", stand_in=bo, away_until=timezone.localdate())
        NewsItem.objects.create(
            programme=world.programme, title_sv="n", title_en="n", body_sv="x", body_en="x", published_at=now
        )
        make_activity(world.programme, starts_in_days=n + 1)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_programme_sections_extension_point(client, world):
    from django.utils.safestring import mark_safe

    from klusterplattform.registry import programme_sections

    def provider(request, programme):
        return [mark_safe(f"<section id='extra'>{programme.slug}</section>")]

    programme_sections.register(provider)
    programme_sections.register(provider)  # once only
    try:
        text = client.get(f"/program/{world.programme.slug}/").text
        assert text.count(f"<section id='extra'>{world.programme.slug}</section>") == 1
        assert "programme-news-title" in text  # the activities module's own sections are still there
    finally:
        programme_sections._PROVIDERS.remove(provider)
