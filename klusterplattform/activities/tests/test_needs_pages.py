"""The needs-analysis page and its exports: who sees what (officers names, cluster managers their own position,
regional officers the aggregate), 404/403/302, disclosure control, empty states, round choice, query counts, and
the XLSX and PDF content."""

import io

import pytest
from django.urls import reverse
from django.utils import translation

from klusterplattform.activities.tests.needs_world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World()


def url(world, suffix="", lang="en"):
    return f"/{lang}/program/{world.programme.slug}/behovsanalys/{suffix}"


def get(client, user, address):
    if user is not None:
        client.force_login(user)
    return client.get(address)


def test_the_url_names_reverse_to_swedish_paths(world):
    with translation.override("sv"):
        assert reverse("activities:needs", args=["prog"]) == "/program/prog/behovsanalys/"
        assert reverse("activities:needs_xlsx", args=["prog"]) == "/program/prog/behovsanalys/export.xlsx"


def test_anonymous_is_sent_to_sign_in(client, world):
    assert get(client, None, url(world)).status_code == 302


def test_an_officer_sees_the_ranking_and_who_shares_each_need(client, world):
    response = get(client, world.users["officer"], url(world))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Ranked needs" in text and "Kluster C1" in text and "Clusters sharing the need" in text
    ranking = response.context["result"].ranking
    assert [need.code for need in ranking] == ["H1", "H3", "L1", "H2", "H4"]
    assert "<svg" in text and "Needs per focus area" in text and "Leading without a mandate" in text


def test_a_cluster_manager_sees_their_own_position_and_no_other_cluster(client, world):
    response = get(client, world.users["manager"], url(world))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Position of Kluster C1" in text
    for other in ("Kluster C2", "Kluster C3", "Kluster C4", "Kluster C5"):
        assert other not in text
    assert "Clusters sharing the need" not in text


def test_a_regional_officer_of_a_participant_region_sees_the_aggregate_only(client, world):
    response = get(client, world.users["regional"], url(world))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Ranked needs" in text
    assert "Kluster C1" not in text and "Position of" not in text


def test_outsiders_of_a_published_programme_are_refused_and_of_an_unpublished_one_get_404(client, world):
    assert get(client, world.users["outsider"], url(world)).status_code == 403
    assert get(client, world.users["regional_other"], url(world)).status_code == 403
    world.programme.is_published = False
    world.programme.save()
    assert get(client, world.users["outsider"], url(world)).status_code == 404
    # A participant's manager still reaches the analysis of an unpublished programme.
    assert get(client, world.users["manager"], url(world)).status_code == 200


def test_an_unknown_programme_or_round_is_404(client, world):
    client.force_login(world.users["officer"])
    assert client.get("/en/program/nope/behovsanalys/").status_code == 404
    assert client.get(url(world) + "?round=nope").status_code == 404


def test_the_round_is_chosen_with_a_parameter(client, world):
    client.force_login(world.users["officer"])
    response = client.get(url(world) + f"?round={world.round.slug}")
    assert response.context["result"].round == world.round


def test_a_programme_without_rounds_shows_an_empty_state(client, world):
    from klusterplattform.registry.tests.factories import ProgrammeFactory

    empty = ProgrammeFactory(slug="empty-prog")
    client.force_login(world.users["officer"])
    response = client.get("/en/program/empty-prog/behovsanalys/")
    assert response.status_code == 200
    assert "nothing to analyse" in response.content.decode()
    assert empty.slug == "empty-prog"


def test_small_groups_show_a_message_to_managers_and_a_warning_to_officers(client):
    world = World(clusters=4)
    manager = get(client, world.users["manager"], url(world)).content.decode()
    assert "are not shown" in manager and "Ranked needs" not in manager
    assert "Your cluster's position" in manager and "Kluster C1" in manager  # their own position is theirs
    assert "Kluster C2" not in manager
    officer = get(client, world.users["officer"], url(world)).content.decode()
    assert "Warning" in officer and "Ranked needs" in officer


def test_the_page_is_swedish_by_default(client, world):
    response = get(client, world.users["officer"], url(world, lang="").replace("//", "/"))
    assert response.status_code == 200 and 'lang="sv"' in response.content.decode()


def test_page_queries_do_not_grow_with_the_clusters(client, django_assert_max_num_queries):
    from klusterplattform.excellence.tests.benchmark_world import assessment
    from klusterplattform.registry.models import ProgrammeParticipation
    from klusterplattform.registry.tests.factories import ClusterFactory

    world = World()
    client.force_login(world.users["officer"])
    client.get(url(world))
    for index in range(8):
        cluster = ClusterFactory(name=f"Extra {index}")
        ProgrammeParticipation.objects.create(programme=world.programme, cluster=cluster)
        assessment(world.catalogue, {"H1": 45}, cluster=cluster, round=world.round)
    with django_assert_max_num_queries(25):
        assert client.get(url(world)).status_code == 200


def test_the_workbook_has_a_sheet_per_table_and_the_drill_down_for_officers_only(client, world):
    from openpyxl import load_workbook

    world.state("C1", {"lead": 5}, text='=HYPERLINK("http://example.org")')
    response = get(client, world.users["officer"], url(world, "export.xlsx"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Needs ranking", "Areas", "Focus areas", "Drill-down", "Stated free texts"]
    ranking = list(book["Needs ranking"].iter_rows(values_only=True))
    assert ranking[0][:2] == ("Rank", "Code") and [row[1] for row in ranking[1:]] == ["H1", "H3", "L1", "H2", "H4"]
    assert ranking[1][6] == 3 and ranking[1][8] == 3  # H1: three below the median, three in the bottom quartile
    texts = list(book["Stated free texts"].iter_rows(values_only=True))
    assert texts[1] == ("Kluster C1", '\'=HYPERLINK("http://example.org")')
    manager = load_workbook(io.BytesIO(get(client, world.users["manager"], url(world, "export.xlsx")).content))
    assert manager.sheetnames == ["Needs ranking", "Areas", "Focus areas", "Own position"]
    names = {row[0] for row in manager["Own position"].iter_rows(min_row=2, values_only=True)}
    assert names == {"Kluster C1"}


def test_the_workbook_is_a_dated_attachment_in_the_default_language(client, world):
    response = get(client, world.users["officer"], url(world, "export.xlsx", lang="").replace("//", "/"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="behovsanalys-prog-')


def test_the_pdf_holds_the_ranking(client, world):
    from pypdf import PdfReader

    response = get(client, world.users["officer"], url(world, "export.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Needs analysis" in text and "Ranked needs" in text and "Kluster C2" in text


def test_the_exports_follow_the_same_permissions(client, world):
    assert get(client, world.users["outsider"], url(world, "export.xlsx")).status_code == 403
    client.logout()
    assert client.get(url(world, "export.pdf")).status_code == 302


def test_a_demo_programme_says_its_data_is_fictional(client):
    world = World(is_demo=True)
    text = get(client, world.users["officer"], url(world)).content.decode()
    assert "Demo data" in text and "Ranked needs" in text
