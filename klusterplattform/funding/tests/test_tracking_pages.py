"""The interest form, the bookmark button and the officers' overview of intentions with its export."""

import csv
import io
from urllib.parse import urlencode

import pytest
from openpyxl import load_workbook

from klusterplattform.funding.models import FundingInterest, FundingPartner
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def call():
    return make_funding_call("EuropeAid/186246/DD/ACT/Multi", closes_in_days=40, title="Slashes in the identifier")


def interest_url(cluster, call):
    return f"/en/finansiering/kluster/{cluster.slug}/utlysning/{call.identifier}/"


def bookmark_url(cluster, call):
    return f"/en/finansiering/kluster/{cluster.slug}/bokmark/{call.identifier}"


def form_data(**extra):
    data = {"partners-TOTAL_FORMS": "2", "partners-INITIAL_FORMS": "0", "note": ""}
    data.update(extra)
    return data


def test_manager_saves_bookmark_intention_note_and_partners(client, world, call):
    client.force_login(world.manager_a)
    response = client.get(interest_url(world.cluster_a, call))
    assert response.status_code == 200
    assert "Slashes in the identifier" in response.content.decode()
    response = client.post(
        interest_url(world.cluster_a, call),
        form_data(
            bookmarked="on",
            intends_to_apply="on",
            note="Lead: Anna",
            **{
                "partners-0-name": "Hohenstein",
                "partners-0-country": "DE",
                "partners-1-partner_cluster": world.cluster_b.slug,
            },
        ),
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/finansiering/kluster/{world.cluster_a.slug}/")
    interest = FundingInterest.objects.get(cluster=world.cluster_a, call=call)
    assert (interest.bookmarked, interest.intends_to_apply, interest.note) == (True, True, "Lead: Anna")
    assert set(FundingPartner.objects.values_list("name", "partner_cluster_id")) == {
        ("Hohenstein", None),
        (world.cluster_b.name, world.cluster_b.pk),
    }
    # the form shows what was saved
    html = client.get(interest_url(world.cluster_a, call)).content.decode()
    assert "Hohenstein" in html and "Lead: Anna" in html


@pytest.mark.parametrize(
    "partner, message",
    [
        ({"partners-0-name": "X", "partners-0-country": "XX"}, "Select a valid choice."),
        ({"partners-0-partner_cluster": "no-such-cluster"}, "there is no such cluster organisation"),
        ({"partners-0-name": "No country"}, "is not a country code we know"),
    ],
)
def test_bad_partner_shows_the_problem_and_saves_nothing(client, world, call, partner, message):
    client.force_login(world.manager_a)
    response = client.post(interest_url(world.cluster_a, call), form_data(bookmarked="on", **partner))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FundingInterest.objects.exists() and not FundingPartner.objects.exists()


@pytest.mark.parametrize("persona", ["regional_a", "officer", "manager_b"])
def test_others_who_see_the_cluster_may_not_change_its_interest(client, world, call, persona):
    client.force_login(getattr(world, persona))
    assert client.get(interest_url(world.cluster_a, call)).status_code == 403
    assert client.post(interest_url(world.cluster_a, call), form_data(bookmarked="on")).status_code == 403
    assert client.post(bookmark_url(world.cluster_a, call)).status_code == 403
    assert not FundingInterest.objects.exists()


def test_unknown_call_or_unseeable_cluster_is_not_found(client, world, call):
    hidden_cluster = ClusterFactory(is_published=False)
    draft = make_funding_call("DRAFT-1", is_published=False)
    client.force_login(world.manager_a)
    assert client.get(f"/en/finansiering/kluster/{world.cluster_a.slug}/utlysning/NOPE/").status_code == 404
    assert client.get(interest_url(world.cluster_a, draft)).status_code == 404
    client.force_login(world.outsider)
    assert client.get(interest_url(hidden_cluster, call)).status_code == 404


def test_bookmark_button_toggles_and_returns_to_the_page_it_came_from(client, world, call):
    client.force_login(world.manager_a)
    back = f"/en/finansiering/kluster/{world.cluster_a.slug}/?min_fit=10"
    response = client.post(bookmark_url(world.cluster_a, call), {"next": back}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == back
    assert FundingInterest.objects.get().bookmarked
    response = client.post(bookmark_url(world.cluster_a, call), {"next": "https://evil.example.org/"})
    assert response["Location"] == f"/en/finansiering/kluster/{world.cluster_a.slug}/"
    assert not FundingInterest.objects.exists()
    assert client.get(bookmark_url(world.cluster_a, call)).status_code == 405
    client.logout()
    assert client.post(bookmark_url(world.cluster_a, call)).status_code == 302
    assert not FundingInterest.objects.exists()


# The officers' overview ---------------------------------------------------------------------------------------


@pytest.fixture
def intentions(world, call):
    other = make_funding_call("I3-2024-INV1", closes_in_days=20)
    third = ClusterFactory(name="Cluster in no region", regions=[RegionFactory()])
    FundingInterest.objects.create(call=call, cluster=world.cluster_a, intends_to_apply=True)
    FundingInterest.objects.create(call=other, cluster=world.cluster_a, bookmarked=True)
    FundingInterest.objects.create(call=other, cluster=world.cluster_b, intends_to_apply=True, bookmarked=True)
    FundingInterest.objects.create(call=call, cluster=third, note="only a note")  # neither: not listed
    demo = ClusterFactory(is_demo=True, regions=[world.region_a])
    FundingInterest.objects.create(call=call, cluster=demo, intends_to_apply=True)
    return world


def overview_rows(client, query=""):
    """(call, cluster) per row of the page, in order."""
    html = client.get("/en/finansiering/avsikter/" + query).content.decode()
    rows = []
    for chunk in html.split('<tr>\n          <th scope="row">')[1:]:
        identifier = chunk.split("</a>")[0].rsplit(">", 1)[-1]
        cluster = chunk.split("/finansiering/kluster/")[1].split("/")[0]
        rows.append((identifier, cluster))
    return rows


def export_rows(client, query="", file_format="csv"):
    response = client.get(f"/en/finansiering/avsikter/export.{file_format}" + query)
    assert response.status_code == 200
    if file_format == "csv":
        lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        lines = [[str(c) if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    header, body = lines[0], lines[1:]
    return header, [(line[0], line[7]) for line in body]


def test_officer_sees_every_clusters_intentions_and_bookmarks_by_closing_date(client, intentions):
    w = intentions
    client.force_login(w.officer)
    assert overview_rows(client) == [
        ("I3-2024-INV1", w.cluster_a.slug),
        ("I3-2024-INV1", w.cluster_b.slug),
        ("EuropeAid/186246/DD/ACT/Multi", w.cluster_a.slug),
    ]
    intending = [("EuropeAid/186246/DD/ACT/Multi", w.cluster_a), ("I3-2024-INV1", w.cluster_b)]
    by_cluster = [(call, cluster.slug) for call, cluster in sorted(intending, key=lambda row: row[1].sort_name)]
    assert overview_rows(client, "?kind=intending&sort=cluster") == by_cluster
    assert overview_rows(client, "?call=europeaid") == [("EuropeAid/186246/DD/ACT/Multi", w.cluster_a.slug)]
    assert len(overview_rows(client, "?demo=on")) == 4
    by_name = overview_rows(client, "?" + urlencode({"cluster": w.cluster_b.name.upper()}))
    assert by_name == [("I3-2024-INV1", w.cluster_b.slug)]


def test_regional_officer_sees_only_the_clusters_of_their_region(client, intentions):
    w = intentions
    client.force_login(w.regional_a)
    assert {cluster for _call, cluster in overview_rows(client)} == {w.cluster_a.slug}
    client.force_login(w.regional_b)
    assert overview_rows(client) == [("I3-2024-INV1", w.cluster_b.slug)]


@pytest.mark.parametrize("persona", ["manager_a", "outsider"])
def test_managers_and_outsiders_may_not_see_the_overview(client, intentions, persona):
    client.force_login(getattr(intentions, persona))
    assert client.get("/en/finansiering/avsikter/").status_code == 403
    assert client.get("/en/finansiering/avsikter/export.csv").status_code == 403
    client.logout()
    assert client.get("/en/finansiering/avsikter/").status_code == 302


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("query", ["", "?kind=bookmarked&sort=call", "?call=I3&sort=cluster", "?demo=on&sort=updated"])
def test_export_holds_exactly_the_rows_of_the_filtered_overview(client, intentions, query, file_format):
    client.force_login(intentions.officer)
    header, rows = export_rows(client, query, file_format)
    assert header[0] == "Call" and header[7] == "Cluster (address name)"
    assert rows == overview_rows(client, query)
    client.force_login(intentions.regional_b)
    assert export_rows(client, query, file_format)[1] == overview_rows(client, query)


def test_export_of_an_unknown_format_is_not_found(client, intentions):
    client.force_login(intentions.officer)
    assert client.get("/en/finansiering/avsikter/export.pdf").status_code == 404
