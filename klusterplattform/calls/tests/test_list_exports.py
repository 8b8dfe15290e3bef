"""The call module's list exports: calls, a call's applications, the regional endorsements and "my reviews". Each
holds exactly the rows its page shows (same filters, same visibility, not paged), in both formats, formula-safe,
with a query count that does not grow with the rows."""

import pytest
from django.utils import timezone

from klusterplattform.calls.models import Application, Endorsement
from klusterplattform.core.exports import safe_cell
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory
from klusterplattform.registry.tests.test_list_exports_common import column, csv_rows, xlsx_rows

from .calls_world import make_call
from .review_world import NAME_A, NAME_B, assign, build

pytestmark = pytest.mark.django_db
EVIL = "=2+3 Kluster"
SAFE_EVIL = "'" + EVIL  # as the export writes it: text, never a formula
QUERIES = {"/utlysningar/export.csv": 4, "/utlysningar/review-call/ansokningar/export.csv": 7}


@pytest.fixture
def world():
    world = build()
    # Answered by the northern region (confirmed), waiting in the southern one; a formula-like cluster name.
    Endorsement.objects.create(
        application=world.app_a, region=world.north, status="confirmed", decided_at=timezone.now()
    )
    Endorsement.objects.create(application=world.app_b, region=world.south, status="pending")
    evil = ClusterFactory(name=EVIL, regions=[world.south])
    world.app_evil = Application.objects.create(
        call=world.call, cluster=evil, form_version=world.form_version, status="submitted"
    )
    world.app_evil.regions.set([world.south])
    world.regional_out = UserFactory(email="regional_out@example.org")
    grant_role(world.regional_out, "regional_officer", regions=["12"])
    return world


def names(response, header="Klusterorganisation"):
    return column(csv_rows(response), header)


# The calls ---------------------------------------------------------------------------------------------------------


def test_the_calls_export_follows_the_status_filter_and_visibility(client, world):
    make_call(world.call.programme, slug="open-now", title_sv="Öppen utlysning", form=False)
    make_call(world.call.programme, slug="unpublished", title_sv="Opublicerad", is_published=False, form=False)
    assert names(client.get("/utlysningar/export.csv?status=open"), "Utlysning") == ["Öppen utlysning"]
    assert names(client.get("/utlysningar/export.csv?status=closed"), "Utlysning") == ["Granskningsutlysning"]
    assert "Opublicerad" not in names(client.get("/utlysningar/export.csv"), "Utlysning")
    client.force_login(world.officer)
    assert "Opublicerad" in names(client.get("/utlysningar/export.csv"), "Utlysning")


def test_the_calls_export_is_the_page_in_its_order_and_unknown_formats_are_404(client, world):
    make_call(world.call.programme, slug="later", title_sv="Senare", opens_in_days=5, form=False)
    page = client.get("/utlysningar/")
    listed = [call.title for call in page.context["page"].items]
    assert names(client.get("/utlysningar/export.csv"), "Utlysning") == listed == ["Senare", "Granskningsutlysning"]
    assert 'href="/utlysningar/export.xlsx"' in page.content.decode()
    assert client.get("/utlysningar/export.json").status_code == 404


# A call's applications ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("officer", [SAFE_EVIL, NAME_A, NAME_B, "Utkastklustret"]),
        ("manager_a", [NAME_A]),
        ("regional_in", [NAME_A]),  # the region's submitted ones; a draft is not the region's
        ("regional_out", [SAFE_EVIL, NAME_B]),
        ("outsider", []),
    ],
)
def test_the_applications_export_holds_what_the_persona_sees(client, world, persona, expected):
    client.force_login(getattr(world, persona))
    url = "/utlysningar/review-call/ansokningar/"
    exported = names(client.get(url + "export.csv"))
    assert sorted(exported, key=str.lower) == sorted(expected, key=str.lower)
    assert exported == [safe_cell(a.cluster.name) for a in client.get(url).context["page"].items]


def test_the_applications_export_follows_the_filters(client, world):
    client.force_login(world.officer)
    url = "/utlysningar/review-call/ansokningar/export.csv"
    assert sorted(names(client.get(url + "?status=in_review"))) == sorted([NAME_A, NAME_B])
    assert sorted(names(client.get(url + "?region=12"))) == sorted([SAFE_EVIL, NAME_B])


def test_the_applications_export_is_for_signed_in_users_and_a_hidden_call_is_404(client, world):
    response = client.get("/utlysningar/review-call/ansokningar/export.csv")
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    hidden = make_call(world.call.programme, slug="hidden", is_published=False, form=False)
    client.force_login(world.manager_a)
    assert client.get(f"/utlysningar/{hidden.slug}/ansokningar/export.csv").status_code == 404


def test_the_applications_export_neutralises_formulas_in_both_formats(client, world):
    client.force_login(world.officer)
    url = "/en/utlysningar/review-call/ansokningar/export"
    assert SAFE_EVIL in column(csv_rows(client.get(url + ".csv"), ","), "Cluster organisation")
    assert SAFE_EVIL in column(xlsx_rows(client.get(url + ".xlsx")), "Cluster organisation")


def more_applications(world, count):
    for n in range(count):
        cluster = ClusterFactory(name=f"Extra {n}", regions=[world.north])
        extra = Application.objects.create(
            call=world.call, cluster=cluster, form_version=world.form_version, status="submitted"
        )
        extra.regions.set([world.north])
        Endorsement.objects.create(application=extra, region=world.north, status="pending")


@pytest.mark.parametrize("url", ["/utlysningar/export.csv", "/utlysningar/review-call/ansokningar/export.csv"])
def test_the_query_count_does_not_grow_with_the_rows(client, world, url, django_assert_num_queries):
    client.force_login(world.officer)
    client.get(url)  # the session and the permission caches
    expected = QUERIES[url]
    with django_assert_num_queries(expected):
        client.get(url)
    more_applications(world, 6)
    for n in range(4):
        make_call(world.call.programme, slug=f"extra-{n}", form=False)
    with django_assert_num_queries(expected):
        client.get(url)


# The regional endorsements -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona, cluster, answered", [("regional_in", NAME_A, True), ("regional_out", NAME_B, False)])
def test_the_endorsements_export_holds_only_the_officers_regions(client, world, persona, cluster, answered):
    client.force_login(getattr(world, persona))
    rows = csv_rows(client.get("/en/ansokningar/regionala-beslut/export.csv"), ",")
    assert column(rows, "Cluster organisation") == [cluster]
    assert bool(column(rows, "Answered")[0]) is answered


def test_the_endorsements_export_is_for_regional_officers(client, world):
    response = client.get("/ansokningar/regionala-beslut/export.csv")
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
    for persona in ("manager_a", "officer", "outsider"):
        client.force_login(getattr(world, persona))
        assert client.get("/ansokningar/regionala-beslut/export.csv").status_code == 403


def test_the_endorsements_export_query_count_is_fixed(client, world, django_assert_num_queries):
    client.force_login(world.regional_in)
    url = "/ansokningar/regionala-beslut/export.xlsx"
    client.get(url)
    with django_assert_num_queries(4):
        client.get(url)
    more_applications(world, 5)
    with django_assert_num_queries(4):
        assert len(xlsx_rows(client.get(url))) == 1 + 1 + 5  # header, A's answer, five waiting


# My reviews --------------------------------------------------------------------------------------------------------


def test_my_reviews_export_holds_the_reviewers_own_assignments_only(client, world):
    assign(world.app_a, world.rev1)
    assign(world.app_b, world.rev2)
    client.force_login(world.rev1)
    rows = csv_rows(client.get("/granskning/export.csv"))
    assert column(rows, "Ansökan") == [NAME_A]
    client.force_login(world.outsider)  # no reviewer role: nothing, as on the page
    assert csv_rows(client.get("/granskning/export.csv"))[1:] == []


def test_my_reviews_export_hides_the_applicant_in_a_blind_phase(client, world):
    world.phase.hide_applicants = True
    world.phase.save()
    assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    content = client.get("/en/granskning/export.csv").content.decode("utf-8-sig")
    assert NAME_A not in content and f"Application {world.app_a.pk}" in content


def test_my_reviews_export_needs_sign_in_and_a_known_format(client, world):
    assert client.get("/granskning/export.csv").status_code == 302
    client.force_login(world.rev1)
    assert client.get("/granskning/export.ods").status_code == 404


def test_my_reviews_export_query_count_does_not_grow(client, world, django_assert_num_queries):
    assign(world.app_a, world.rev1)
    client.force_login(world.rev1)
    client.get("/granskning/export.csv")
    with django_assert_num_queries(4) as before:
        client.get("/granskning/export.csv")
    assign(world.app_b, world.rev1)
    assign(world.app_evil, world.rev1, declared=False)
    with django_assert_num_queries(len(before.captured_queries)):
        assert len(csv_rows(client.get("/granskning/export.csv"))) == 1 + 3
