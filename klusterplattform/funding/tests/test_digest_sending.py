"""send_funding_digest is idempotent: one digest per user and ISO week, claimed before it is sent; a failed send is
retried by the next run; --dry-run sends and records nothing; a new week tells only what is new since the last."""

import datetime

import pytest
from django.core import mail as outbox
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError
from django.utils import timezone

from klusterplattform.funding import digest
from klusterplattform.funding.models import DigestDelivery
from klusterplattform.funding.tests.digest_world import digest_world, english, sections, send, to
from klusterplattform.funding.tests.funding_world import make_funding_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return digest_world()


def test_running_twice_in_a_week_sends_one_digest(world):
    now = timezone.now()
    later = now + datetime.timedelta(hours=3)
    if digest.period_of(later) != digest.period_of(now):  # run on a Sunday evening: 3 hours on is a new week
        later = now + datetime.timedelta(seconds=1)
    first = send(now=now)
    second = send(now=later)

    assert len(to(world.manager_a)) == 1
    delivery = DigestDelivery.objects.get(user=world.manager_a)
    assert delivery.period == digest.period_of(now)
    assert delivery.sent_at == now
    assert {"FIT-FAR", "FIT-SOON", "BOOK-SOON"} <= set(delivery.call_identifiers)
    assert "1 sent" in first
    assert "0 sent, 1 already sent this week" in second


def test_the_period_is_the_iso_week_in_the_platforms_zone():
    # Sunday 29 November 2026, 23:30 UTC is already Monday 30 November in Stockholm: week 49.
    assert digest.period_of(datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC)) == "2026-W49"
    assert digest.period_of(datetime.datetime(2026, 11, 29, 12, 0, tzinfo=datetime.UTC)) == "2026-W48"
    assert digest.period_of(datetime.datetime(2027, 1, 1, 12, 0, tzinfo=datetime.UTC)) == "2026-W53"


def test_an_already_claimed_week_is_not_sent_again(world):
    # Another run claimed manager A's digest and is sending it now.
    DigestDelivery.objects.create(
        user=world.manager_a, period=digest.period_of(timezone.now()), claimed_at=timezone.now()
    )
    send()
    assert to(world.manager_a) == []


def test_a_failed_send_gives_back_the_claim_and_the_next_run_sends_it(world, monkeypatch):
    real_send = EmailBackend.send_messages

    def refuse(self, messages):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with pytest.raises(CommandError, match="retried on the next run"):
        send()
    assert outbox.outbox == []
    assert not DigestDelivery.objects.exists()

    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    send()
    assert len(to(world.manager_a)) == 1
    assert DigestDelivery.objects.get(user=world.manager_a).sent_at is not None


def test_one_failed_recipient_does_not_stop_the_others(world, monkeypatch):
    make_funding_call("FOR-B", closes_in_days=60, ecosystems=[world.health])
    world.cluster_b.ecosystems.add(world.health)
    real_send = EmailBackend.send_messages

    def refuse_a(self, messages):
        if any(world.manager_a.email in m.to for m in messages):
            raise ConnectionRefusedError("mailbox full")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_a)
    with pytest.raises(CommandError):
        send()
    assert len(to(world.manager_b)) == 1 and to(world.manager_a) == []
    assert set(DigestDelivery.objects.values_list("user_id", flat=True)) == {world.manager_b.pk}


def test_dry_run_lists_who_would_get_what_and_sends_and_claims_nothing(world):
    output = send("--dry-run")

    assert outbox.outbox == []
    assert not DigestDelivery.objects.exists()
    assert world.manager_a.email in output and "FIT-FAR" in output and "BOOK-SOON" in output
    assert world.manager_b.email not in output
    assert "1 would send" in output
    # The real run afterwards still sends.
    send()
    assert len(to(world.manager_a)) == 1


def test_next_week_tells_only_calls_new_since_the_last_digest(world):
    now = timezone.now()
    send(now=now)
    later_call = make_funding_call("FIT-LATER", closes_in_days=80, ecosystems=[world.textiles])
    send(now=now + datetime.timedelta(days=7))

    messages = to(world.manager_a)
    assert len(messages) == 2
    new, _deadlines = sections(english(messages[1]))
    assert "FIT-LATER" in new
    assert "FIT-FAR" not in new
    assert (
        later_call.identifier
        in DigestDelivery.objects.get(period=digest.period_of(now + datetime.timedelta(days=7))).call_identifiers
    )


def test_a_week_with_nothing_new_and_no_close_deadlines_sends_nothing(world):
    now = timezone.now()
    send(now=now)
    # 70 days on, every call has closed and nothing new has come.
    send(now=now + datetime.timedelta(days=70))
    assert len(to(world.manager_a)) == 1
    assert DigestDelivery.objects.count() == 1


def test_a_bad_now_is_refused(world):
    with pytest.raises(CommandError, match="ISO"):
        send("--now", "next monday")
    assert outbox.outbox == [] and not DigestDelivery.objects.exists()
