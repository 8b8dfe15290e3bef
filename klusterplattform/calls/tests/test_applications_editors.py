"""Colleagues invited to edit an application: the invitation e-mail, accepting it signed in with the invited
address, what an editor may do, and removing them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from klusterplattform.calls import editors, workflow
from klusterplattform.calls.models import ApplicationEditor
from klusterplattform.calls.tests.application_fixtures import draft
from klusterplattform.calls.tests.calls_world import build_world
from klusterplattform.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


def _invite(client, world, application, email="Kollega@Example.org"):
    client.force_login(world.manager_a)
    return client.post(reverse("calls:application_editors", args=[application.pk]), {"email": email})


def test_manager_invites_a_colleague_by_e_mail(client, world):
    application = draft(world, complete=False)
    response = _invite(client, world, application)
    assert response.status_code == 302
    editor = ApplicationEditor.objects.get()
    assert editor.email == "kollega@example.org" and editor.user is None and editor.invited_by == world.manager_a
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kollega@example.org"]
    assert f"/ansokningar/inbjudan/{editor.token}/" in mail.outbox[0].body
    assert world.cluster_a.name in mail.outbox[0].subject


def test_accepting_signed_in_with_the_invited_address_makes_an_editor(client, world):
    application = draft(world, complete=False)
    _invite(client, world, application)
    editor = ApplicationEditor.objects.get()
    colleague = UserFactory(email="kollega@example.org")
    client.force_login(colleague)
    url = reverse("calls:application_invitation", args=[editor.token])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302 and response.url == application.get_absolute_url()
    editor.refresh_from_db()
    assert editor.user == colleague
    # The editor fills in the draft.
    edit = client.post(reverse("calls:application_edit", args=[application.pk]), {"mission": "Från kollegan"})
    assert edit.status_code == 302
    application.refresh_from_db()
    assert application.answers == {"mission": "Från kollegan"}


def test_another_address_gets_a_clear_message_and_nothing_changes(client, world):
    application = draft(world, complete=False)
    _invite(client, world, application)
    editor = ApplicationEditor.objects.get()
    client.force_login(UserFactory(email="nagon-annan@example.org"))
    url = "/en" + reverse("calls:application_invitation", args=[editor.token])
    page = client.get(url)
    assert page.status_code == 403
    assert "This invitation was sent to kollega@example.org, but you are signed in as nagon-annan@example.org" in (
        page.content.decode()
    )
    assert client.post(url).status_code == 403
    editor.refresh_from_db()
    assert editor.user is None


def test_accepting_needs_signing_in_and_a_valid_link(client, world):
    application = draft(world, complete=False)
    _invite(client, world, application)
    editor = ApplicationEditor.objects.get()
    client.logout()
    assert client.get(reverse("calls:application_invitation", args=[editor.token])).status_code == 302
    client.force_login(UserFactory(email="kollega@example.org"))
    assert client.get(reverse("calls:application_invitation", args=["inte-en-token"])).status_code == 404


def test_a_removed_editor_loses_access(client, world):
    application = draft(world, complete=False)
    colleague = UserFactory(email="kollega@example.org")
    editor = ApplicationEditor.objects.create(application=application, email=colleague.email, user=colleague)
    client.force_login(world.manager_a)
    response = client.post(reverse("calls:application_editor_remove", args=[application.pk, editor.pk]))
    assert response.status_code == 302 and not ApplicationEditor.objects.exists()
    client.force_login(colleague)
    assert client.get(application.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("persona,status", [("manager_b", 404), ("officer", 403), ("editor", 403)])
def test_only_the_clusters_managers_invite_and_remove(client, world, persona, status):
    application = draft(world, complete=False)
    colleague = UserFactory(email="kollega@example.org")
    editor = ApplicationEditor.objects.create(application=application, email=colleague.email, user=colleague)
    client.force_login(colleague if persona == "editor" else getattr(world, persona))
    invite = client.post(reverse("calls:application_editors", args=[application.pk]), {"email": "x@example.org"})
    assert invite.status_code == status
    remove = client.post(reverse("calls:application_editor_remove", args=[application.pk, editor.pk]))
    assert remove.status_code == status
    assert list(ApplicationEditor.objects.values_list("email", flat=True)) == ["kollega@example.org"]
    assert not mail.outbox


def test_invitations_are_for_drafts_and_valid_addresses(world):
    application = draft(world, complete=False)
    with pytest.raises(ValidationError):
        editors.invite(application, world.manager_a, "inte en adress")
    with pytest.raises(ValidationError):
        editors.invite(application, world.manager_a, world.manager_a.email)
    workflow.transition(application, world.manager_a, "withdraw")
    with pytest.raises(ValidationError):
        editors.invite(application, world.manager_a, "kollega@example.org")
    assert not ApplicationEditor.objects.exists() and not mail.outbox
