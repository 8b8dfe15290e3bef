"""An object's history as CSV or XLSX (historik/<reference>/export.<format>): every event of the trail (not one
page), one row per changed field, for officers only (404 for everyone else, as the page), formula-safe."""

import pytest
from django.utils import translation

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditEvent
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, UserFactory
from klusterplattform.registry.tests.test_list_exports_common import column, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    cluster = ClusterFactory(name="Polar Cluster", slug="polar", regions=[RegionFactory(code="25")])
    cluster.name = "=HYPERLINK(1)"
    cluster.save()
    cluster.website = "https://polar.example.org/"
    cluster.save()
    return cluster


@pytest.fixture
def officer_client(client):
    officer = UserFactory(email="officer@example.org", full_name="Olle Officer")
    grant_role(officer, "officer")
    client.force_login(officer)
    return client


def export_url(cluster, file_format="csv") -> str:
    """The Swedish address (the headers below are Swedish), whatever language an earlier test left active."""
    with translation.override("sv"):
        return audit.audit_url(cluster).rstrip("/") + "/export." + file_format


def test_the_export_holds_every_change_of_the_trail(officer_client, cluster):
    events = AuditEvent.objects.filter(object_id=str(cluster.pk), content_type__model="clusterorganisation")
    rows = csv_rows(officer_client.get(export_url(cluster)))
    assert len(rows) - 1 == sum(max(1, len(event.changes)) for event in events)  # a row per change, every event
    changed = list(zip(column(rows, "Före"), column(rows, "Efter"), strict=True))
    assert ("Polar Cluster", "'=HYPERLINK(1)") in changed  # the new name, as text
    assert ("https://example.org/", "https://polar.example.org/") in changed


def test_the_export_is_not_paged(officer_client, cluster, settings):
    for n in range(30):
        cluster.description = f"Version {n}"
        cluster.save()
    page = officer_client.get(audit.audit_url(cluster) + "?page=1")
    assert len(page.context["rows"]) < page.context["total"]  # the page shows one page of the trail
    exported = csv_rows(officer_client.get(export_url(cluster) + "?page=1"))
    assert [f"Version {n}" for n in reversed(range(30))] == [v for v in column(exported, "Efter") if "Version" in v]


def test_formulas_are_neutralised_in_xlsx(officer_client, cluster):
    rows = xlsx_rows(officer_client.get(export_url(cluster, "xlsx")))
    assert "'=HYPERLINK(1)" in column(rows, "Efter")


@pytest.mark.parametrize(
    "role, scope", [("cluster_manager", {"clusters": ["polar"]}), ("regional_officer", {"regions": ["25"]})]
)
def test_nobody_but_officers_gets_the_trail(client, cluster, role, scope):
    user = UserFactory()
    grant_role(user, role, **scope)
    client.force_login(user)
    assert client.get(audit.audit_url(cluster)).status_code == 404
    assert client.get(export_url(cluster)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_and_unknown_formats_are_404(client, officer_client, cluster):
    assert officer_client.get(export_url(cluster, "pdf")).status_code == 404
    officer_client.logout()
    response = officer_client.get(export_url(cluster))
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]


def test_the_query_count_does_not_grow_with_the_events(officer_client, cluster, django_assert_num_queries):
    url = export_url(cluster)
    officer_client.get(url)
    with django_assert_num_queries(5) as before:
        officer_client.get(url)
    for n in range(5):
        cluster.description = f"Version {n}"
        cluster.save()
    with django_assert_num_queries(len(before.captured_queries)):
        officer_client.get(url)
