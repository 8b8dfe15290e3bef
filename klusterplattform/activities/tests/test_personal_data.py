"""The personal-data lookup, export and erasure (registry/people.py) reach what the activities module holds about an
address: registrations made for someone without an account, programme contacts, news subscriptions."""

import datetime

from django.utils import timezone

from klusterplattform.accounts.models import AuditEvent
from klusterplattform.activities.models import (
    Activity,
    Delivery,
    FeedbackResponse,
    NewsSubscription,
    ProgrammeContact,
    Registration,
)
from klusterplattform.registry import people
from klusterplattform.registry.tests.factories import ClusterFactory, ProgrammeFactory, UserFactory


def _activity(programme):
    start = timezone.now() + datetime.timedelta(days=10)
    return Activity.objects.create(
        programme=programme,
        type="workshop",
        title_sv="Verkstad",
        title_en="Workshop",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        place="Stockholm",
    )


def _registration(activity, cluster, name, email):
    return Registration.objects.create(
        activity=activity, cluster=cluster, name=name, email=email, queued_at=timezone.now()
    )


def test_a_person_without_an_account_is_found_by_their_registrations_and_contact_entries(db):
    programme, cluster = ProgrammeFactory(), ClusterFactory()
    activity = _activity(programme)
    _registration(activity, cluster, "Kim Deltagare", "Kim@Example.org")
    _registration(activity, cluster, "Annan Person", "annan@example.org")
    ProgrammeContact.objects.create(programme=programme, name="Kim Deltagare", email="kim@example.org")
    Delivery.objects.create(kind="reminder", reference="registration:1", recipient="kim@example.org")

    person = people.find("kim@example.org")
    data = people.export("kim@example.org")

    assert not person.is_empty
    ours = {key: person.elsewhere[key] for key in ("activity_registrations", "activity_emails", "programme_contacts")}
    assert ours == {"activity_registrations": 1, "activity_emails": 1, "programme_contacts": 1}
    assert [r["name"] for r in data["activity_registrations"]["records"]] == ["Kim Deltagare"]
    assert data["activity_registrations"]["records"][0]["cluster"] == cluster.slug
    assert data["programme_contacts"]["records"][0]["programme"] == programme.slug


def test_erasure_anonymises_registrations_keeps_the_counts_and_redacts_the_trail(db):
    programme, cluster = ProgrammeFactory(), ClusterFactory()
    activity = _activity(programme)
    kept = _registration(activity, cluster, "Annan Person", "annan@example.org")
    erased = _registration(activity, cluster, "Kim Deltagare", "kim@example.org")
    ProgrammeContact.objects.create(programme=programme, name="Kim Deltagare", email="kim@example.org")
    FeedbackResponse.objects.create(activity=activity, answers={"overall": 5}, submitted_on=datetime.date.today())
    Delivery.objects.create(kind="reminder", reference=f"registration:{erased.pk}", recipient="kim@example.org")

    report = people.erase("kim@example.org")

    erased.refresh_from_db()
    kept.refresh_from_db()
    assert report.elsewhere == 3
    assert not Delivery.objects.exists()
    assert erased.name == "[redacted]" and "kim" not in erased.email
    assert kept.name == "Annan Person"
    assert Registration.objects.filter(activity=activity).count() == 2  # participation counts stay right
    assert FeedbackResponse.objects.count() == 1  # anonymous: nothing to erase
    assert not ProgrammeContact.objects.exists()
    trail = " ".join(str(e.changes) + e.object_repr for e in AuditEvent.objects.all())
    assert "Kim Deltagare" not in trail and "kim@example.org" not in trail
    assert people.find("kim@example.org").is_empty


def test_the_export_lists_the_accounts_news_subscriptions(db):
    user, programme = UserFactory(email="prenumerant@example.org"), ProgrammeFactory()
    NewsSubscription.objects.create(user=user, programme=programme)

    data = people.export("prenumerant@example.org")

    assert data["news_subscriptions"]["records"][0]["programme"] == programme.slug
