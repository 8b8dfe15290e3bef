"""The audit trail records who changed what, field by field, through which channel, and cannot be edited."""

import datetime
import io
import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditEvent, ImmutableAuditTrail
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.models import ClusterOrganisation, Membership, RoleGrant
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    ContactPersonFactory,
    LabelFactory,
    MembershipFactory,
    RegionFactory,
    RoleGrantFactory,
    UserFactory,
)
from klusterplattform.registry.tests.import_helpers import create_regions, csv_bytes, org_number

DERIVED = {"search_text", "sort_name", "updated_at", "created_at"}


def events_of(obj):
    return list(AuditEvent.objects.for_object(obj).order_by("at", "id"))


@pytest.fixture
def officer(db):
    return RoleGrantFactory(role="officer", user__email="officer@example.org").user


# Create, update, delete -------------------------------------------------------------------------------------------


def test_creating_a_cluster_records_its_fields_as_after_values(db):
    cluster = ClusterOrganisation.objects.create(name="Nordic Wood", slug="nordic-wood", website="https://w.example/")
    (event,) = events_of(cluster)
    assert event.action == "create" and event.object_id == str(cluster.pk) and event.object_repr == "Nordic Wood"
    assert event.changes["name"] == [None, "Nordic Wood"]
    assert event.changes["website"] == [None, "https://w.example/"]
    assert "legal_name" not in event.changes  # empty values say nothing on creation


def test_changing_a_cluster_records_only_the_changed_fields_with_before_and_after(db):
    cluster = ClusterFactory(name="Old Name", founded=datetime.date(2001, 5, 1))
    cluster.name = "New Name"
    cluster.founded = datetime.date(2002, 6, 1)
    cluster.save()
    event = events_of(cluster)[-1]
    assert event.action == "update"
    assert event.changes == {"name": ["Old Name", "New Name"], "founded": ["2001-05-01", "2002-06-01"]}


def test_a_save_that_changes_nothing_records_nothing(db):
    cluster = ClusterFactory()
    before = AuditEvent.objects.count()
    cluster.save()
    ClusterOrganisation.objects.get(pk=cluster.pk).save()
    assert AuditEvent.objects.count() == before


def test_deleting_a_cluster_records_its_last_values_as_before_values(db):
    cluster = ClusterFactory(name="Gone Cluster")
    pk = cluster.pk
    cluster.delete()
    event = AuditEvent.objects.filter(object_id=str(pk), action="delete").get()
    assert event.object_repr == "Gone Cluster"
    assert event.changes["name"] == ["Gone Cluster", None]


def test_derived_fields_never_appear_in_the_trail(db):
    cluster = ClusterFactory(name="Alpha", description="Text")
    cluster.name = "Beta"
    cluster.save()
    cluster.delete()
    for event in AuditEvent.objects.filter(content_type__model="clusterorganisation"):
        assert not DERIVED & set(event.changes), event.changes


def test_setting_a_many_to_many_field_records_the_id_lists(db):
    north, south, west = RegionFactory(), RegionFactory(), RegionFactory()
    cluster = ClusterFactory(regions=[north])
    cluster.regions.add(south)
    added = events_of(cluster)[-1]
    assert added.action == "update"
    assert added.changes == {"regions": [[north.pk], sorted([north.pk, south.pk])]}
    count = AuditEvent.objects.count()
    cluster.regions.set([west])
    regions_changes = [e.changes["regions"] for e in AuditEvent.objects.order_by("id")[count:]]
    # set() removes, then adds: the first change starts from the old list, the last ends at the new one.
    assert regions_changes[0][0] == sorted([north.pk, south.pk])
    assert regions_changes[-1][1] == [west.pk]


def test_memberships_labels_and_contacts_are_recorded(db):
    membership = MembershipFactory(kind="member")
    membership.left = datetime.date(2024, 12, 31)
    membership.save()
    assert [e.action for e in events_of(membership)] == ["create", "update"]
    assert events_of(membership)[-1].changes == {"left": [None, "2024-12-31"]}
    assert events_of(membership)[0].changes["cluster_id"] == [None, membership.cluster_id]

    label = LabelFactory(level="bronze")
    label.level = "silver"
    label.save()
    assert events_of(label)[-1].changes == {"level": ["bronze", "silver"]}

    contact = ContactPersonFactory(name="Anna")
    assert events_of(contact)[0].changes["name"] == [None, "Anna"]


def test_granting_a_role_is_recorded(db):
    user = UserFactory()
    cluster = ClusterFactory(slug="granted")
    (grant,) = grant_role(user, "cluster_manager", clusters=["granted"])
    (event,) = events_of(grant)
    assert event.action == "create"
    assert event.changes["role"] == [None, "cluster_manager"]
    assert event.changes["cluster_id"] == [None, cluster.pk]
    assert "granted_at" not in event.changes


# Channels and actors ---------------------------------------------------------------------------------------------


def test_a_direct_save_outside_a_request_is_a_command_without_actor(db):
    cluster = ClusterFactory()
    (event,) = events_of(cluster)
    assert event.channel == "command" and event.actor is None


def test_a_management_command_records_channel_command_without_actor(db):
    old_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        call_command("adduser", "new.officer@example.org", "--role", "officer", stdout=io.StringIO())
    finally:
        sys.stdin = old_stdin
    grant = RoleGrant.objects.get(user__email="new.officer@example.org")
    (event,) = events_of(grant)
    assert (event.channel, event.actor, event.changes["role"]) == ("command", None, [None, "officer"])


def test_the_import_page_records_memberships_with_channel_import_and_the_officer(client, officer):
    create_regions()
    cluster = ClusterFactory(slug="importklustret")
    client.force_login(officer)
    with translation.override("en"):
        url = reverse("registry:import_organisations")
    data = csv_bytes([["organisation_number", "name", "type"], [org_number(1), "A", "sme"]])
    response = client.post(url, {"file": SimpleUploadedFile("m.csv", data), "cluster": "importklustret"})
    assert response.status_code == 200
    membership = Membership.objects.get(cluster=cluster)
    (event,) = events_of(membership)
    assert (event.channel, event.actor, event.action) == ("import", officer, "create")
    assert event.changes["cluster_id"] == [None, cluster.pk]


def test_the_import_command_records_channel_import_without_actor(db, tmp_path):
    cluster = ClusterFactory(slug="cmdklustret")
    path = tmp_path / "members.csv"
    path.write_bytes(csv_bytes([["organisation_number", "name", "type"], [org_number(2), "B", "research"]]))
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("import_organisations", str(path), "--cluster", "cmdklustret", **quiet)
    (event,) = events_of(Membership.objects.get(cluster=cluster))
    assert (event.channel, event.actor) == ("import", None)


def _admin_form_data(response) -> dict:
    """What the admin's change form would send back unchanged: its fields' values and the inlines' counts."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(getattr(v, "pk", v)) for v in value]
        else:
            data[name] = "on" if value is True else value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
    return data


def test_a_change_through_the_admin_form_is_channel_page_with_the_user(client, db):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    cluster = ClusterFactory(name="Admin Cluster", regions=[RegionFactory()])
    client.force_login(superuser)
    url = f"/admin/registry/clusterorganisation/{cluster.pk}/change/"
    data = {**_admin_form_data(client.get(url)), "legal_name": "Admin Cluster ekonomisk förening", "_save": "Save"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    event = events_of(cluster)[-1]
    assert (event.channel, event.actor, event.action) == ("page", superuser, "update")
    assert event.changes == {"legal_name": ["", "Admin Cluster ekonomisk förening"]}


def test_an_api_request_is_channel_api_with_the_token_user_resolved_when_the_write_happens(db, officer):
    cluster = ClusterFactory(name="Before")
    request = RequestFactory().patch(f"/api/v1/clusters/{cluster.slug}")
    request.user = AnonymousUser()

    def view(request):
        request.user = officer  # what the API's token auth does, after the middleware has run
        cluster.name = "After"
        cluster.save()
        return HttpResponse()

    audit.AuditContextMiddleware(view)(request)
    event = events_of(cluster)[-1]
    assert (event.channel, event.actor, event.changes) == ("api", officer, {"name": ["Before", "After"]})
    cluster.name = "Later"
    cluster.save()
    assert events_of(cluster)[-1].channel == "command"  # the request's context ends with it


# Immutability and erasure ----------------------------------------------------------------------------------------


@pytest.fixture
def event(db):
    cluster = ClusterFactory(name="Kept")
    return events_of(cluster)[0]


def test_an_event_cannot_be_saved_again_or_deleted(event):
    event.object_repr = "Tampered"
    with pytest.raises(ImmutableAuditTrail):
        event.save()
    with pytest.raises(ImmutableAuditTrail):
        event.delete()
    event.refresh_from_db()
    assert event.object_repr == "Kept"


def test_events_cannot_be_updated_or_deleted_in_bulk(event):
    with pytest.raises(ImmutableAuditTrail):
        AuditEvent.objects.update(object_repr="Tampered")
    with pytest.raises(ImmutableAuditTrail):
        AuditEvent.objects.filter(pk=event.pk).update(changes={})
    with pytest.raises(ImmutableAuditTrail):
        AuditEvent.objects.all().delete()
    with pytest.raises(ImmutableAuditTrail):
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.object_repr == "Kept" and event.changes["name"] == [None, "Kept"]


def test_redaction_erases_values_and_name_but_keeps_who_when_and_how(db, officer):
    contact = ContactPersonFactory(name="Anna Svensson", email="anna@example.org", role="Chair")
    with audit.audit_context("page", actor=officer):
        contact.email = "anna.s@example.org"
        contact.save()
    before = {e.pk: (e.at, e.actor_id, e.channel, e.action) for e in events_of(contact)}
    assert audit.redact_object(contact, fields=("name", "email")) == 2
    events = events_of(contact)
    assert {e.pk: (e.at, e.actor_id, e.channel, e.action) for e in events} == before
    assert all(e.object_repr == audit.REDACTED for e in events)
    created, changed = events
    assert created.changes["name"] == [None, audit.REDACTED]
    assert created.changes["role"] == [None, "Chair"]  # not named: kept
    assert changed.changes == {"email": [audit.REDACTED, audit.REDACTED]}
    assert changed.actor == officer


# The admin shows the trail, read-only ----------------------------------------------------------------------------


@pytest.fixture
def superuser_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_admin_lists_events_but_offers_no_add(superuser_client, event):
    listing = superuser_client.get("/en/admin/accounts/auditevent/")
    assert listing.status_code == 200 and "Kept" in listing.content.decode()
    assert superuser_client.get("/en/admin/accounts/auditevent/add/").status_code == 403
    assert superuser_client.get("/en/admin/accounts/auditevent/?q=Kept").status_code == 200
    assert "delete_selected" not in listing.content.decode()


def test_the_admin_refuses_to_change_or_delete_an_event_even_for_a_superuser(superuser_client, event):
    change = f"/en/admin/accounts/auditevent/{event.pk}/change/"
    page = superuser_client.get(change)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()  # a read-only view
    assert superuser_client.post(change, {"object_repr": "Tampered", "_save": "Save"}).status_code == 403
    delete = f"/en/admin/accounts/auditevent/{event.pk}/delete/"
    assert superuser_client.get(delete).status_code == 403
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.object_repr == "Kept"


def test_officers_may_read_the_trail_in_the_admin_and_other_staff_may_not(client, event, officer):
    officer.is_staff = True
    officer.save()
    client.force_login(officer)
    assert client.get("/en/admin/accounts/auditevent/").status_code == 200
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/en/admin/accounts/auditevent/").status_code == 403
