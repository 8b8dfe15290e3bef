"""The personal-data export and erasure (registry/people.py) reach what the funding module holds about an account:
its digest choice and the digests sent to it (erased), the calls it entered and the bookmarks it last changed
(listed, and kept with the anonymised account)."""

import json

import pytest
from django.utils import timezone

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditEvent
from klusterplattform.funding.models import DigestDelivery, DigestPreference, FundingCall, FundingInterest
from klusterplattform.funding.tests.digest_world import digest_world, send, to
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry import people
from klusterplattform.registry.grants import grant_role

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_digest_choice_the_digests_sent_and_the_records_the_person_touched():
    world = build_world()
    manager = world.manager_a
    DigestPreference.objects.create(user=manager, weekly_digest=False)
    DigestDelivery.objects.create(
        user=manager, period="2026-W48", claimed_at=timezone.now(), sent_at=timezone.now(), call_identifiers=["A-1"]
    )
    DigestDelivery.objects.create(user=world.manager_b, period="2026-W48", claimed_at=timezone.now())
    entered = make_funding_call("HAND-1", created_by=manager, is_published=False)
    FundingInterest.objects.create(cluster=world.cluster_a, call=entered, bookmarked=True, updated_by=manager)
    make_funding_call("SOMEONE-ELSES", created_by=world.officer)

    data = people.export(manager.email)

    assert data["funding_digest_preference"]["records"] == [
        {"weekly_digest": False, "chosen_at": DigestPreference.objects.get().updated_at.isoformat()}
    ]
    [sent] = data["funding_digests_sent"]["records"]
    assert sent["week"] == "2026-W48" and sent["calls"] == ["A-1"]
    assert [c["identifier"] for c in data["funding_calls_entered"]["records"]] == ["HAND-1"]
    [interest] = data["funding_interests_changed"]["records"]
    assert interest == {
        "cluster": world.cluster_a.slug,
        "call": "HAND-1",
        "bookmarked": True,
        "intends_to_apply": False,
        "changed_at": interest["changed_at"],
    }
    assert data["funding_digest_preference"]["explanation"]
    json.dumps(data)  # the export is one JSON document


def test_someone_with_no_funding_records_exports_empty_sections():
    world = build_world()
    data = people.export(world.outsider.email)
    for key in ("funding_digest_preference", "funding_digests_sent", "funding_calls_entered"):
        assert data[key]["records"] == []


def test_erasure_deletes_the_digest_rows_keeps_the_calls_and_bookmarks_and_redacts_the_trail():
    world = digest_world()
    manager = world.manager_a
    send()
    assert len(to(manager)) == 1
    preference = DigestPreference.objects.create(user=manager, weekly_digest=True)
    entered = make_funding_call("HAND-1", created_by=manager)
    interest = FundingInterest.objects.create(
        cluster=world.cluster_a, call=entered, bookmarked=True, updated_by=manager
    )
    # Manager B keeps theirs.
    DigestPreference.objects.create(user=world.manager_b, weekly_digest=False)
    DigestDelivery.objects.create(user=world.manager_b, period="2026-W01", claimed_at=timezone.now())
    email = manager.email

    report = people.erase(email, erased_by=world.officer)

    assert report.account_anonymised
    assert report.elsewhere == 2  # the preference and the digest sent
    assert not DigestPreference.objects.filter(user=manager).exists()
    assert not DigestDelivery.objects.filter(user=manager).exists()
    assert DigestPreference.objects.filter(user=world.manager_b).exists()
    assert DigestDelivery.objects.filter(user=world.manager_b).exists()
    # The register's and the cluster's records stay, pointing at the anonymised account.
    assert FundingCall.objects.get(pk=entered.pk).created_by_id == manager.pk
    assert FundingInterest.objects.get(pk=interest.pk).updated_by_id == manager.pk
    assert people.find(email).is_empty
    trail = AuditEvent.objects.filter(content_type__model="digestpreference", object_id=str(preference.pk))
    assert trail.count() == 2  # created, deleted
    assert {event.object_repr for event in trail} == {audit.REDACTED}
    assert not AuditEvent.objects.filter(object_repr__icontains=email).exists()


def test_an_erased_account_receives_no_digest_even_if_it_kept_a_cluster_role():
    world = digest_world()
    manager = world.manager_a
    people.erase(manager.email)
    manager.refresh_from_db()
    assert manager.email.endswith("@erased.invalid")
    # Erasure deletes the grants; even if one were given again, the anonymised address gets nothing.
    grant_role(manager, "cluster_manager", clusters=[world.cluster_a.slug])
    manager.is_active = True
    manager.save()
    send()
    assert to(manager) == []
    assert not DigestDelivery.objects.exists()
