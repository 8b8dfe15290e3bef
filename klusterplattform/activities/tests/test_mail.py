"""send_activity_mail: each message once, at the right time, to the right people; failures are retried."""

import datetime
import io

import pytest
from django.core import mail as outbox
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.utils import timezone

from klusterplattform.activities import mail
from klusterplattform.activities.models import Delivery, NewsItem, NewsSubscription, Registration
from klusterplattform.activities.tests.activities_world import build_world, make_activity
from klusterplattform.registry.tests.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world("mail")


def register(activity, email, cluster, status="confirmed", **fields):
    return Registration.objects.create(
        activity=activity,
        cluster=cluster,
        name=fields.pop("name", "Anna Andersson"),
        email=email,
        status=status,
        queued_at=timezone.now(),
        **fields,
    )


def send(*args, now=None) -> str:
    out = io.StringIO()
    arguments = list(args)
    if now is not None:
        arguments += ["--now", now.isoformat()]
    call_command("send_activity_mail", *arguments, stdout=out)
    return out.getvalue()


def to(address):
    return [message for message in outbox.outbox if message.to == [address]]


def test_reminder_goes_once_with_the_calendar_link_and_the_place(world):
    activity = make_activity(
        world.programme, starts_in_days=1, place="Kungsgatan 1, Stockholm", online_url="https://example.org/meet"
    )
    anna = register(activity, "anna@example.org", world.own)

    first = send()
    second = send()

    assert len(outbox.outbox) == 1
    message = outbox.outbox[0]
    assert message.to == ["anna@example.org"]
    assert "Workshop om finansiering" in message.subject and "Workshop on funding" in message.subject
    assert f"http://127.0.0.1:8000/aktiviteter/deltagare/{anna.token}/kalender.ics" in message.body
    assert "Kungsgatan 1, Stockholm" in message.body and "https://example.org/meet" in message.body
    assert "In English" in message.body  # Swedish first, English below
    assert "reminder: 1 sent" in first and "reminder: 0 sent" in second
    assert Delivery.objects.get().reference == f"registration:{anna.pk}"


def test_reminder_times_are_shown_in_the_activitys_zone(world):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=30)
    activity = make_activity(world.programme, time_zone="America/New_York", starts_at=starts)
    activity.ends_at = starts + datetime.timedelta(hours=2)
    activity.save()
    register(activity, "anna@example.org", world.own)
    send()
    local = timezone.localtime(starts, activity.zone)
    assert f"{local:%H:%M}" in outbox.outbox[0].body and "America/New_York" in outbox.outbox[0].body


def test_reminders_wait_for_the_window_and_stop_at_the_start(world, settings):
    settings.KP_ACTIVITY_REMINDER_HOURS = 48
    activity = make_activity(world.programme, starts_in_days=3)
    register(activity, "anna@example.org", world.own)
    start = activity.starts_at

    send(now=start - datetime.timedelta(hours=49))  # too early
    assert outbox.outbox == []
    send(now=start + datetime.timedelta(minutes=1))  # too late: it has started
    assert outbox.outbox == []
    send(now=start - datetime.timedelta(hours=47))
    assert len(outbox.outbox) == 1


def test_the_reminder_window_is_a_setting(world, settings):
    settings.KP_ACTIVITY_REMINDER_HOURS = 2
    activity = make_activity(world.programme, starts_in_days=1)
    register(activity, "anna@example.org", world.own)
    send()
    assert outbox.outbox == []
    send(now=activity.starts_at - datetime.timedelta(hours=1))
    assert len(outbox.outbox) == 1


def test_cancelled_and_waiting_registrations_get_no_reminder(world):
    activity = make_activity(world.programme, starts_in_days=1)
    register(activity, "gone@example.org", world.own, status="cancelled")
    register(activity, "queue@example.org", world.own, status="waiting")
    send()
    assert outbox.outbox == []


def test_unpublished_activities_send_nothing(world):
    register(make_activity(world.programme, starts_in_days=1, is_published=False), "anna@example.org", world.own)
    send()
    assert outbox.outbox == []


def test_dry_run_lists_and_sends_nothing(world):
    activity = make_activity(world.programme, starts_in_days=1)
    anna = register(activity, "anna@example.org", world.own)

    output = send("--dry-run")

    assert f"reminder registration:{anna.pk} → anna@example.org" in output
    assert "reminder: 1 would send" in output
    assert outbox.outbox == [] and not Delivery.objects.exists()


def test_a_failed_send_is_retried_on_the_next_run(world, monkeypatch):
    activity = make_activity(world.programme, starts_in_days=1)
    register(activity, "anna@example.org", world.own)
    register(activity, "bo@example.org", world.own)
    real_send = EmailBackend.send_messages

    def refuse_anna(self, messages):
        if messages[0].to == ["anna@example.org"]:
            raise ConnectionError("SMTP server not reachable")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_anna)
    with pytest.raises(CommandError, match="1 e-mail"):
        send()
    assert [message.to for message in outbox.outbox] == [["bo@example.org"]]
    assert list(Delivery.objects.values_list("recipient", flat=True)) == ["bo@example.org"]  # anna's claim is gone

    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    send()
    send()
    assert len(to("anna@example.org")) == 1 and len(to("bo@example.org")) == 1


def test_a_message_claimed_by_another_run_is_not_sent_again(world):
    activity = make_activity(world.programme, starts_in_days=1)
    anna = register(activity, "anna@example.org", world.own)
    (outgoing,) = mail.pending("reminder", timezone.now())
    Delivery.objects.create(kind="reminder", reference=f"registration:{anna.pk}", recipient="anna@example.org")

    assert mail.deliver(outgoing) is False
    assert outbox.outbox == []


def test_feedback_invitation_after_the_end_with_the_personal_link(world):
    activity = make_activity(world.programme, starts_in_days=-1, hours=3)
    anna = register(activity, "anna@example.org", world.own)
    register(activity, "gone@example.org", world.own, status="cancelled")

    send(now=activity.ends_at - datetime.timedelta(minutes=1))  # not yet ended
    assert outbox.outbox == []
    send()
    send()

    assert len(outbox.outbox) == 1
    assert outbox.outbox[0].to == ["anna@example.org"]
    assert f"http://127.0.0.1:8000/aktiviteter/aterkoppling/{anna.token}/" in outbox.outbox[0].body


def test_feedback_invitations_stop_after_two_weeks(world):
    activity = make_activity(world.programme, starts_in_days=-20)
    register(activity, "anna@example.org", world.own)
    send()
    assert outbox.outbox == []


def test_once_attendance_is_marked_only_attendees_are_invited(world):
    activity = make_activity(world.programme, starts_in_days=-1)
    register(activity, "came@example.org", world.own, attended=True)
    register(activity, "absent@example.org", world.own, attended=False)
    register(activity, "unmarked@example.org", world.own)
    register(activity, "answered@example.org", world.own, attended=True, feedback_given_at=timezone.now())
    send()
    assert [message.to for message in outbox.outbox] == [["came@example.org"]]


def test_a_seat_from_the_waiting_list_is_announced_once(world):
    activity = make_activity(world.programme, starts_in_days=5)
    promoted = register(activity, "lucky@example.org", world.own, promoted_at=timezone.now())
    register(activity, "plain@example.org", world.own)
    register(activity, "still-waiting@example.org", world.own, status="waiting")

    output = send()
    send()

    assert [message.to for message in outbox.outbox] == [["lucky@example.org"]]
    assert "waiting list" in outbox.outbox[0].body
    assert "promoted: 1 sent" in output
    assert Delivery.objects.get().reference == f"registration:{promoted.pk}"


def test_no_seat_mail_once_the_activity_has_started(world):
    activity = make_activity(world.programme, starts_in_days=-0.01)
    register(activity, "late@example.org", world.own, promoted_at=timezone.now())
    send(now=timezone.now())
    assert not any("promoted" in d for d in Delivery.objects.values_list("kind", flat=True))
    assert to("late@example.org") == []


def subscribe(user, programme, days_ago=1):
    subscription = NewsSubscription.objects.create(user=user, programme=programme)
    NewsSubscription.objects.filter(pk=subscription.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


def news_item(programme, audience="public", published_at="now", **fields):
    moment = timezone.now() - datetime.timedelta(minutes=5) if published_at == "now" else published_at
    return NewsItem.objects.create(
        programme=programme,
        title_sv=fields.get("title_sv", "Nyhet"),
        title_en=fields.get("title_en", "News"),
        body_sv="Text på svenska.",
        body_en="Text in English.",
        audience=audience,
        published_at=moment,
    )


def test_news_reaches_subscribers_who_may_read_it(world):
    public = news_item(world.programme, title_en="Open call")
    members_only = news_item(world.programme, audience="participants", title_en="For participants")
    news_item(world.programme, published_at=None, title_en="Draft")
    news_item(world.programme, published_at=timezone.now() + datetime.timedelta(days=1), title_en="Scheduled")
    subscribe(world.manager, world.programme)
    subscribe(world.outsider, world.programme)
    subscribe(world.outside_manager, world.programme)
    UserFactory(email="not-subscribed@example.org")

    output = send()
    send()

    manager_bodies = [message.body for message in to(world.manager.email)]
    assert len(manager_bodies) == 2 and any("For participants" in body for body in manager_bodies)
    # Participants-only news does not reach a subscriber outside the programme.
    for outsider in (world.outsider, world.outside_manager):
        (message,) = to(outsider.email)
        assert "Open call" in message.body and "For participants" not in message.body
    assert (
        to(world.outsider.email)[0].subject
        == f"{world.programme.name_sv}: Nyhet / {world.programme.name_en}: Open call"
    )
    assert to("not-subscribed@example.org") == []
    assert "news: 4 sent" in output
    assert set(Delivery.objects.filter(kind="news").values_list("reference", flat=True)) == {
        f"news:{public.pk}",
        f"news:{members_only.pk}",
    }


def test_news_published_before_the_subscription_is_not_sent(world):
    news_item(world.programme, published_at=timezone.now() - datetime.timedelta(days=3))
    subscribe(world.manager, world.programme, days_ago=1)
    send()
    assert outbox.outbox == []


def test_inactive_users_get_no_news(world):
    news_item(world.programme)
    subscribe(world.manager, world.programme)
    world.manager.is_active = False
    world.manager.save()
    send()
    assert outbox.outbox == []


def test_demo_programmes_send_nothing_unless_asked(world):
    demo = ProgrammeFactory(is_demo=True, clusters=[world.own])
    register(make_activity(demo, starts_in_days=1), "demo@example.org", world.own)
    news_item(demo)
    subscribe(world.manager, demo)

    dry = send("--dry-run")
    assert "reminder: 0 would send" in dry and "news: 0 would send" in dry
    send()
    assert outbox.outbox == []
    send("--include-demo")
    assert len(to("demo@example.org")) == 1 and len(to(world.manager.email)) == 1


def test_bad_now_is_a_clear_error():
    with pytest.raises(CommandError, match="ISO date"):
        send("--now", "tomorrow")
