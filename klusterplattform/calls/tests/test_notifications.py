"""Decision e-mails: who gets them, what they say (Swedish then English, the justification, a link), the call's
choice of which decisions are e-mailed, the preview page, and idempotent sending."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from klusterplattform.calls import notifications, workflow
from klusterplattform.calls.models import ApplicationEditor, DecisionNotice
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import UserFactory

from .decisions_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def decided(world):
    """own selected, other on the reserve list, third rejected."""
    workflow.transition(world.applications["own"], world.officer, "select", "A strong and broad consortium.")
    workflow.transition(world.applications["other"], world.officer, "reserve", "Good, but less focused.")
    workflow.transition(world.applications["third"], world.officer, "reject", "Outside the programme's aim.")
    return world


def preview_url(world, language="en"):
    with translation.override("sv"):
        path = reverse("calls:notifications", args=[world.call.slug])
    return (f"/{language}" if language else "") + path


def test_recipients_are_the_managers_and_invited_editors_with_accounts(world):
    application = world.applications["own"]
    second = UserFactory(email="Second.Manager@example.org")
    grant_role(second, "cluster_manager", clusters=[world.own.slug])
    inactive = UserFactory(email="gone@example.org", is_active=False)
    grant_role(inactive, "cluster_manager", clusters=[world.own.slug])
    ApplicationEditor.objects.create(application=application, email="pending@example.org")  # no account yet
    # The invited editor who is also a manager is listed once.
    ApplicationEditor.objects.create(application=application, email=world.manager.email, user=world.manager)
    assert notifications.recipients(application) == [
        world.editor.email,
        world.manager.email,
        "Second.Manager@example.org",
    ]
    # Another cluster's application: only its own manager.
    assert notifications.recipients(world.applications["other"]) == [world.other_manager.email]


def test_the_message_is_in_swedish_then_english_with_justification_and_link(world):
    decided(world)
    application = world.applications["own"]
    application.refresh_from_db()
    subject, body = notifications.render(application)
    assert subject.endswith("Decision on your application: Call for clusters")
    assert "In English" in body
    swedish, english = body.split("In English")
    assert "A strong and broad consortium." in swedish and "A strong and broad consortium." in english
    assert "has been selected" in english
    # The link goes to the application's page in the text's language.
    assert f"{notifications.base_url()}/ansokningar/{application.pk}/" in swedish
    assert f"{notifications.base_url()}/en/ansokningar/{application.pk}/" in english
    # Reserve and rejected use their own templates.
    reserve = world.applications["other"]
    reserve.refresh_from_db()
    assert "reserve list" in notifications.render(reserve)[1]
    rejected = world.applications["third"]
    rejected.refresh_from_db()
    assert "has not been selected" in notifications.render(rejected)[1]


def test_only_the_calls_chosen_decisions_are_e_mailed(world):
    decided(world)
    world.call.notify_decisions = ["selected", "reserve"]
    world.call.save()
    statuses = {notice.application.status for notice in notifications.notices(world.call)}
    assert statuses == {"selected", "reserve"}
    tally = notifications.send(world.call, world.officer)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([world.editor.email, world.manager.email, world.other_manager.email])
    assert tally.sent == 3
    assert not DecisionNotice.objects.filter(status="rejected").exists()


def test_no_e_mails_when_the_call_chooses_none(world):
    decided(world)
    world.call.notify_decisions = []
    world.call.save()
    assert notifications.notices(world.call) == []
    assert notifications.send(world.call).sent == 0
    assert mail.outbox == []


def test_undecided_applications_are_not_e_mailed(world):
    assert notifications.notices(world.call) == []
    notifications.send(world.call)
    assert mail.outbox == []


def test_sending_twice_sends_nothing_twice(world):
    decided(world)
    first = notifications.send(world.call, world.officer)
    assert first.sent == 3  # own: manager + editor; other: its manager; third: no manager
    assert len(mail.outbox) == 3
    assert DecisionNotice.objects.count() == 3
    second = notifications.send(world.call, world.officer)
    assert second.sent == 0
    assert len(mail.outbox) == 3
    # A manager added later gets the message the next time, and only they.
    late = UserFactory(email="late@example.org")
    grant_role(late, "cluster_manager", clusters=[world.third.slug])
    third = notifications.send(world.call, world.officer)
    assert third.sent == 1
    assert mail.outbox[-1].to == ["late@example.org"]


def test_each_message_goes_to_one_recipient_with_the_previewed_text(world):
    decided(world)
    notice = next(n for n in notifications.notices(world.call) if n.application == world.applications["own"])
    notifications.send(world.call, world.officer)
    own_messages = [m for m in mail.outbox if m.to[0] in notice.recipients]
    assert len(own_messages) == 2
    for message in own_messages:
        assert len(message.to) == 1
        assert (message.subject, message.body) == (notice.subject, notice.body)


def test_a_failed_message_is_tried_again(world, monkeypatch):
    decided(world)
    from django.core.mail import EmailMessage

    real_send = EmailMessage.send

    def failing(self, *args, **kwargs):
        if self.to == [world.editor.email]:
            raise OSError("mailbox unavailable")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", failing)
    tally = notifications.send(world.call, world.officer)
    assert (tally.sent, tally.failed) == (2, 1)
    assert not DecisionNotice.objects.filter(recipient=world.editor.email).exists()
    monkeypatch.setattr(EmailMessage, "send", real_send)
    tally = notifications.send(world.call, world.officer)
    assert tally.sent == 1
    assert mail.outbox[-1].to == [world.editor.email]


def test_the_record_names_the_decision_and_the_preview_marks_it_sent(world):
    decided(world)
    notifications.send(world.call)
    application = world.applications["other"]
    assert DecisionNotice.objects.filter(application=application, status="reserve").count() == 1
    notice = next(n for n in notifications.notices(world.call) if n.application.pk == application.pk)
    assert notice.unsent == []


# --- the preview page -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("manager", 403),
        ("editor", 403),
        ("regional", 403),
        ("reviewer", 403),
        ("outsider", 403),
        ("officer", 200),
        ("admin", 200),
    ],
)
def test_preview_per_persona(client, world, persona, expected):
    decided(world)
    client.force_login(getattr(world, persona))
    assert client.get(preview_url(world)).status_code == expected
    response = client.post(preview_url(world))
    assert response.status_code == (302 if expected == 200 else expected)
    assert len(mail.outbox) == (3 if expected == 200 else 0)


def test_preview_anonymous_is_sent_to_sign_in(client, world):
    decided(world)
    assert client.get(preview_url(world)).status_code == 302
    assert client.post(preview_url(world)).status_code == 302
    assert mail.outbox == []


def test_preview_shows_subject_recipients_and_body_then_sends(client, world, django_assert_max_num_queries):
    decided(world)
    world.call.notify_decisions = ["selected", "rejected"]
    world.call.save()
    client.force_login(world.officer)
    with django_assert_max_num_queries(10):
        response = client.get(preview_url(world))
    content = response.content.decode()
    assert "Decision on your application: Call for clusters" in content
    assert world.manager.email in content and world.editor.email in content
    assert world.other_manager.email not in content  # reserve is not e-mailed by this call
    assert "A strong and broad consortium." in content
    assert "Nobody: the cluster organisation has no manager" in content  # third has no manager
    assert "Send the e-mails" in content
    assert "not sent yet" in content
    response = client.post(preview_url(world), follow=True)
    assert "2 e-mails sent." in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.manager.email, world.editor.email])
    content = client.get(preview_url(world)).content.decode()
    assert "Send the e-mails" not in content
    assert "Every e-mail above has been sent." in content
    response = client.post(preview_url(world), follow=True)
    assert "nothing was sent again" in response.content.decode()
    assert len(mail.outbox) == 2


def test_decision_notices_are_audited(world):
    from klusterplattform.accounts.models import AuditEvent

    decided(world)
    notifications.send(world.call, world.officer)
    notice = DecisionNotice.objects.first()
    assert AuditEvent.objects.for_object(notice).filter(action="create").exists()


def test_preview_query_count_does_not_grow_with_applications(client, world, django_assert_max_num_queries):
    from klusterplattform.registry.tests.factories import ClusterFactory

    from .decisions_world import make_application

    decided(world)
    for n in range(6):
        cluster = ClusterFactory(slug=f"dec-many-{n}")
        manager = UserFactory(email=f"many-{n}@example.org")
        grant_role(manager, "cluster_manager", clusters=[cluster.slug])
        application = make_application(world.call, cluster)
        workflow.transition(application, world.officer, "reject", "Too many.")
    client.force_login(world.officer)
    with django_assert_max_num_queries(10):
        content = client.get(preview_url(world)).content.decode()
    assert "many-5@example.org" in content
