from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from klusterplattform.registry.models import ClusterOrganisation, Membership, Organisation
from klusterplattform.registry.stats import member_counts
from klusterplattform.registry.validation import eccp_checklist


@pytest.fixture
def cluster(db):
    return ClusterOrganisation.objects.create(name="Kluster", slug="kluster", website="https://example.org")


def _org(key, type_):
    return Organisation.objects.create(key=f"ID:{key}", name=f"Org {key}", type=type_)


def test_counts_by_type_are_derived_from_memberships_on_a_given_day(cluster):
    Membership.objects.create(cluster=cluster, organisation=_org(1, "sme"), joined=date(2020, 1, 1))
    Membership.objects.create(
        cluster=cluster, organisation=_org(2, "research"), joined=date(2020, 1, 1), left=date(2022, 6, 30)
    )
    Membership.objects.create(
        cluster=cluster, organisation=_org(3, "public_body"), joined=date(2023, 1, 1), kind="participant"
    )
    on_2021 = member_counts([cluster.pk], date(2021, 1, 1))[cluster.pk]
    on_2024 = member_counts([cluster.pk], date(2024, 1, 1))[cluster.pk]
    assert (on_2021["total"], on_2021["by_type"]["research"], on_2021["by_type"]["public_body"]) == (2, 1, 0)
    assert (on_2024["total"], on_2024["members"], on_2024["participants"]) == (2, 1, 1)
    assert on_2024["by_type"]["research"] == 0


def test_the_day_someone_leaves_they_no_longer_count(cluster):
    Membership.objects.create(
        cluster=cluster, organisation=_org(1, "sme"), joined=date(2020, 1, 1), left=date(2024, 3, 1)
    )
    assert member_counts([cluster.pk], date(2024, 2, 29))[cluster.pk]["total"] == 1
    assert member_counts([cluster.pk], date(2024, 3, 1))[cluster.pk]["total"] == 0


def test_counts_for_a_cluster_without_members_are_zero(cluster):
    assert member_counts([cluster.pk])[cluster.pk]["total"] == 0


def test_leaving_before_joining_is_refused_by_the_database(cluster):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            cluster=cluster, organisation=_org(1, "sme"), joined=date(2024, 1, 1), left=date(2023, 1, 1)
        )


def test_only_one_open_membership_per_organisation_and_cluster(cluster):
    org = _org(1, "sme")
    Membership.objects.create(cluster=cluster, organisation=org, joined=date(2019, 1, 1), left=date(2020, 1, 1))
    Membership.objects.create(cluster=cluster, organisation=org, joined=date(2021, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(cluster=cluster, organisation=org, joined=date(2022, 1, 1))


def test_eccp_checklist_reports_each_criterion(cluster):
    counts = member_counts([cluster.pk])[cluster.pk]
    failing = {r.code: r.passed for r in eccp_checklist(cluster, counts)}
    assert failing == {"management_fte": False, "committed_members": False, "member_types": False, "website": False}

    cluster.management_fte = Decimal("0.5")
    cluster.website_in_english = True
    cluster.save()
    for n in range(14):
        Membership.objects.create(cluster=cluster, organisation=_org(n, "sme"))
    Membership.objects.create(cluster=cluster, organisation=_org(99, "research"))
    counts = member_counts([cluster.pk])[cluster.pk]
    results = {r.code: r for r in eccp_checklist(cluster, counts)}
    assert all(r.passed for r in results.values()), [r.detail for r in results.values()]
    assert "15" in results["committed_members"].detail


def test_participants_do_not_count_as_committed_members(cluster):
    for n in range(20):
        Membership.objects.create(cluster=cluster, organisation=_org(n, "sme"), kind="participant")
    counts = member_counts([cluster.pk])[cluster.pk]
    results = {r.code: r.passed for r in eccp_checklist(cluster, counts)}
    assert results["committed_members"] is False


def test_saving_a_cluster_fills_its_search_and_sort_columns(cluster):
    cluster.name = "Östgöta Kluster"
    cluster.save(update_fields=["name"])
    cluster.refresh_from_db()
    assert "östgöta" in cluster.search_text
    assert cluster.sort_name.startswith("}")
