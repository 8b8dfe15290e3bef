"""A cluster's fact sheet: one A4 page with the hand-counted facts of world_reports.py (as of today), members only
as counts, the label as the official record and who may download it."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.registry.tests.factories import ClusterFactory, MembershipFactory, OrganisationFactory
from klusterplattform.reporting.reports import factsheet

from .reading_reports import pdf_pages, pdf_text
from .world_reports import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def _get(client, user, path):
    client.force_login(user)
    return client.get(path)


def test_facts_of_alfa_today(world):
    sheet = factsheet.build(world.alfa, timezone.localdate())
    # Today: o1 (SME, member), o2 (large company), o4 (research, joined 2025-12-01); o3 left in 2025.
    assert (sheet.participants, sheet.members, sheet.smes, sheet.sme_share) == (3, 1, 1, 33)
    assert {row.code: row.count for row in sheet.members_by_type} == {"sme": 1, "large_company": 1, "research": 1}
    assert sheet.label.level == "gold"  # the silver label expired on 2026-03-01
    assert [region.code for region in sheet.regions] == ["25"]
    assert [programme.slug for programme in sheet.programmes] == ["rapportprogram"]
    assert sheet.activity_count == 1  # this year's seminar; the 2025 activities are another year
    assert sheet.application_count == 1  # selected; nothing else submitted
    assert sheet.benchmark is None


def test_fact_sheet_is_one_page_with_the_facts(client, world):
    response = _get(client, world.users["manager_alfa"], "/en/uppfoljning/kluster/alfa/faktablad.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert "factsheet-alfa-" in response["Content-Disposition"]
    assert pdf_pages(response.content) == 1
    text = pdf_text(response.content)
    facts = ["Alfakluster", "Norrbotten County", "Digital", "The report programme", "Gold", "This year's seminar"]
    for expected in facts:
        assert expected in text, expected
    assert "3 participating organisations, of which 1 dedicated members." in text
    assert "SME share: 33 %" in text
    assert "Label (official record)" in text and "computed estimate" in text


def test_member_names_are_not_on_the_fact_sheet(client, world):
    text = pdf_text(_get(client, world.users["officer"], "/uppfoljning/kluster/alfa/faktablad.pdf").content)
    assert "Testföretag" not in text
    assert "example.org" not in text


def test_formula_looking_name_is_shown_as_text(client, world):
    response = _get(client, world.users["officer"], "/uppfoljning/kluster/formel/faktablad.pdf")
    assert pdf_pages(response.content) == 1
    assert "=HYPERLINK" in pdf_text(response.content)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("manager_alfa", 200),
        ("manager_formel", 404),
        ("regional_north", 200),
        ("regional_south", 404),
        ("officer", 200),
        ("outsider", 404),
    ],
)
def test_who_may_download_alfas_fact_sheet(client, world, persona, status):
    assert _get(client, world.users[persona], "/uppfoljning/kluster/alfa/faktablad.pdf").status_code == status


def test_unknown_cluster_is_404_and_anonymous_signs_in(client, world):
    assert client.get("/uppfoljning/kluster/alfa/faktablad.pdf").status_code == 302
    assert _get(client, world.users["officer"], "/uppfoljning/kluster/nope/faktablad.pdf").status_code == 404


def test_latest_benchmark_is_shown_as_a_computed_estimate(client, world):
    from klusterplattform.excellence import peers
    from klusterplattform.excellence.tests.benchmark_world import assessment, numeric_catalogue, population

    catalogue = numeric_catalogue()
    population(catalogue, [10, 20, 30, 40, 50])
    assessment(catalogue, {"N1": 60, "N2": 0, "Y1": True}, cluster=world.alfa, assessed_on=datetime.date(2025, 1, 1))
    peers.rebuild_all()
    sheet = factsheet.build(world.alfa, timezone.localdate())
    assert sheet.benchmark.shown and sheet.benchmark.peer_count == 5
    text = pdf_text(_get(client, world.users["officer"], "/en/uppfoljning/kluster/alfa/faktablad.pdf").content)
    assert "Benchmark (computed estimate)" in text
    assert "among 5 peers" in text
    assert "not an official label" in text


def test_a_busy_cluster_still_fits_one_page(client, world):
    from klusterplattform.activities.models import Registration
    from klusterplattform.activities.tests.activities_world import make_activity
    from klusterplattform.calls.models import Application
    from klusterplattform.calls.tests.calls_world import make_call

    busy = ClusterFactory(name="Ett mycket långt klusternamn " * 4, slug="busy", regions=[world.north, world.south])
    for kind in ["sme", "large_company", "research", "education", "public_body", "other"]:
        MembershipFactory(cluster=busy, organisation=OrganisationFactory(type=kind))
    now = timezone.localtime()
    for number in range(9):
        activity = make_activity(
            world.programme, title_sv=f"Aktivitet {number} " * 5, title_en=f"Activity {number} " * 5
        )
        activity.starts_at = now.replace(month=1, day=1 + number, hour=10)
        activity.ends_at = activity.starts_at + datetime.timedelta(hours=2)
        activity.save()
        Registration.objects.create(
            activity=activity, cluster=busy, name="N", email=f"n{number}@example.org", queued_at=activity.starts_at
        )
        call = make_call(world.programme, title_en=f"Call number {number} for clusters " * 3)
        Application.objects.create(
            call=call, cluster=busy, form_version=call.form_versions.get(), status="in_review", submitted_at=now
        )
    response = _get(client, world.users["officer"], "/en/uppfoljning/kluster/busy/faktablad.pdf")
    assert pdf_pages(response.content) == 1
    text = pdf_text(response.content)
    assert "Took part in 9 activities." in text and "9 applications." in text
