"""The history page: officers read an object's audit trail, newest first, field by field; nobody else sees it."""

import datetime

import pytest
from django.utils import timezone, translation

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditEvent
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    MembershipFactory,
    RegionFactory,
    RoleGrantFactory,
    UserFactory,
)


def english_url(obj) -> str:
    with translation.override("en"):
        return audit.audit_url(obj)


@pytest.fixture
def region(db):
    return RegionFactory(code="25")


@pytest.fixture
def cluster(region):
    return ClusterFactory(name="Polar Cluster", slug="polar", regions=[region], is_published=False)


@pytest.fixture
def officer(db):
    return UserFactory(email="officer@example.org", full_name="Olle Officer")


@pytest.fixture
def officer_client(client, officer):
    grant_role(officer, "officer")
    client.force_login(officer)
    return client


def _as(client, role, **scope):
    user = UserFactory()
    grant_role(user, role, **scope)
    client.force_login(user)
    return client


# Who may see it --------------------------------------------------------------------------------------------------


def test_officers_see_the_history(officer_client, cluster):
    assert officer_client.get(english_url(cluster)).status_code == 200


def test_administrators_see_the_history(client, cluster):
    assert _as(client, "admin").get(english_url(cluster)).status_code == 200


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        ("cluster_manager", {"clusters": ["polar"]}),  # even the cluster's own manager
        ("regional_officer", {"regions": ["25"]}),  # even in the cluster's region
        ("assessor", {}),
    ],
)
def test_everyone_else_signed_in_gets_not_found(client, cluster, role, scope):
    assert _as(client, role, **scope).get(english_url(cluster)).status_code == 404


def test_another_clusters_manager_gets_not_found(client, cluster):
    ClusterFactory(slug="other")
    assert _as(client, "cluster_manager", clusters=["other"]).get(english_url(cluster)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, cluster):
    response = client.get(audit.audit_url(cluster))
    assert response.status_code == 302 and "/konto/logga-in/?next=" in response.url


@pytest.mark.parametrize(
    "reference",
    [
        "nonsense",
        "registry.clusterorganisation",
        "registry.clusterorganisation:",
        "registry.clusterorganisation:abc",
        "registry.nosuchmodel:1",
        "accounts.user:1",  # a real model without a trail
        "accounts.auditevent:1",
    ],
)
def test_a_malformed_or_untracked_reference_is_not_found(officer_client, reference):
    assert officer_client.get(f"/en/historik/{reference}/").status_code == 404


# What it shows ---------------------------------------------------------------------------------------------------


def test_the_page_shows_each_change_field_by_field_with_who_when_and_how(officer_client, officer, cluster):
    with audit.audit_context("page", actor=officer):
        cluster.name = "Arctic Cluster"
        cluster.founded = datetime.date(2010, 3, 1)
        cluster.save()
    html = officer_client.get(english_url(cluster)).content.decode()
    assert "<h1>History: Arctic Cluster</h1>" in html
    assert "Olle Officer (officer@example.org)" in html and "Web page" in html and "Changed" in html
    assert '<tr><th scope="row">Name</th><td>Polar Cluster</td><td>Arctic Cluster</td></tr>' in html
    assert '<tr><th scope="row">Founded</th><td>–</td><td>2010-03-01</td></tr>' in html
    assert "system" in html and "Command" in html  # the creation, by the factory: no actor
    assert html.index("Arctic Cluster</td>") < html.index("Created")  # newest first
    assert "search_text" not in html and "Sort_name" not in html


def test_times_are_shown_in_swedish_local_time_with_a_machine_readable_offset(officer_client, cluster):
    event = AuditEvent.objects.for_object(cluster).first()
    html = officer_client.get(english_url(cluster)).content.decode()
    stockholm = timezone.localtime(event.at)
    assert stockholm.utcoffset() in (datetime.timedelta(hours=1), datetime.timedelta(hours=2))
    assert f'<time datetime="{stockholm.isoformat()}">{stockholm:%Y-%m-%d %H:%M:%S}</time>' in html


def test_foreign_keys_show_the_field_and_the_related_objects_name_and_choices_their_label(officer_client, cluster):
    membership = MembershipFactory(cluster=cluster, kind="participant", organisation__name="Fjäll AB")
    html = officer_client.get(english_url(membership)).content.decode()
    assert '<tr><th scope="row">Cluster</th><td>–</td><td>Polar Cluster</td></tr>' in html
    assert '<tr><th scope="row">Organisation</th><td>–</td><td>Fjäll AB</td></tr>' in html
    assert '<tr><th scope="row">Kind</th><td>–</td><td>Participating organisation</td></tr>' in html
    assert "cluster_id" not in html


def test_a_related_object_that_is_gone_is_shown_by_its_id(officer_client, cluster):
    membership = MembershipFactory(cluster=cluster)
    organisation = membership.organisation
    reference = audit.object_reference(membership)
    organisation_id = organisation.pk
    organisation.delete()  # takes the membership with it
    html = officer_client.get(f"/en/historik/{reference}/").content.decode()
    assert f'<tr><th scope="row">Organisation</th><td>{organisation_id}</td><td>–</td></tr>' in html


def test_a_many_to_many_change_shows_the_id_lists(officer_client, cluster, region):
    south = RegionFactory(code="12")
    cluster.regions.add(south)
    html = officer_client.get(english_url(cluster)).content.decode()
    names = ", ".join(r.name_en for r in sorted([region, south], key=lambda r: r.pk))
    assert f'<tr><th scope="row">Regions</th><td>{region.name_en}</td><td>{names}</td></tr>' in html


def test_a_deleted_object_keeps_its_history(officer_client, cluster):
    url = english_url(cluster)
    cluster.delete()
    html = officer_client.get(url).content.decode()
    assert "<h1>History: Polar Cluster</h1>" in html
    assert "Deleted" in html and "Created" in html
    assert 'class="breadcrumb"' not in html  # no link to an object that is gone


def test_an_existing_object_is_linked_back(officer_client, cluster):
    html = officer_client.get(english_url(cluster)).content.decode()
    assert '<nav class="breadcrumb"' in html and f'href="{cluster.get_absolute_url()}"' in html


def test_an_object_without_events_shows_an_empty_state(officer_client, db):
    html = officer_client.get("/en/historik/registry.clusterorganisation:99999/").content.decode()
    assert "No recorded changes" in html and "<h1>History</h1>" in html


def test_the_history_is_paged_and_the_query_count_does_not_grow_with_the_events(
    officer_client, officer, cluster, settings, django_assert_max_num_queries
):
    settings.KP_PAGE_SIZE = 5
    with audit.audit_context("api", actor=officer):
        for number in range(11):
            cluster.description = f"Version {number}"
            cluster.save()
    url = english_url(cluster)
    with django_assert_max_num_queries(7):
        first = officer_client.get(url).content.decode()
    # 13 events: the creation, the regions set by the factory, and the 11 versions.
    assert first.count("<section") == 5 and "Version 10" in first and "Page 1 of 3" in first
    assert 'href="?page=2" rel="next"' in first and 'rel="prev"' not in first
    with django_assert_max_num_queries(8):
        last = officer_client.get(url + "?page=3").content.decode()
    assert last.count("<section") == 3 and "Created" in last and 'rel="next"' not in last
    assert 'href="?page=2" rel="prev"' in last
    assert "<h1>History: Polar Cluster</h1>" in last  # the name it has now, not the one on the page
    beyond = officer_client.get(url + "?page=99").content.decode()
    assert "Page 3 of 3" in beyond


# The link on the cluster's page ----------------------------------------------------------------------------------


def test_the_cluster_page_links_to_the_history_for_officers_only(client, officer_client, cluster):
    url = english_url(cluster)
    assert f'href="{url}"' in officer_client.get(f"/en/kluster/{cluster.slug}/").content.decode()
    manager = RoleGrantFactory(role="cluster_manager", cluster=cluster).user
    client.force_login(manager)
    page = client.get(f"/en/kluster/{cluster.slug}/")
    assert page.status_code == 200 and "/historik/" not in page.content.decode()
    client.logout()
    cluster.is_published = True
    cluster.save()
    page = client.get(f"/en/kluster/{cluster.slug}/")
    assert page.status_code == 200 and "/historik/" not in page.content.decode()


def test_officers_reach_a_programmes_history_from_its_page(client, db):
    from klusterplattform.registry.tests.factories import ProgrammeFactory, RoleGrantFactory

    programme = ProgrammeFactory(slug="s3-test")
    client.force_login(RoleGrantFactory(role="officer").user)
    html = client.get("/en/program/s3-test/").content.decode()
    assert f'href="/en/historik/registry.programme:{programme.pk}/"' in html
    client.logout()
    assert "historik" not in client.get("/en/program/s3-test/").content.decode()
