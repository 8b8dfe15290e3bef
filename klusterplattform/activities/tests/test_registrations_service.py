"""The registration service: seats and the waiting list, promotion when a seat frees, all-or-nothing batches,
deadlines, and who may register and cancel."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from klusterplattform.accounts.models import AuditEvent
from klusterplattform.activities import registrations
from klusterplattform.activities.models import Registration

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def people(*names):
    return [(name, f"{name.lower()}@example.org") for name in names]


def statuses(activity):
    return {r.email.split("@")[0]: r.status for r in Registration.objects.filter(activity=activity)}


def test_people_get_seats_until_full_then_the_waiting_list(world):
    activity = make_activity(world.programme, capacity=2)
    created = registrations.register(activity, world.own, people("Ann", "Bo", "Cy"), by=world.manager)
    assert [r.status for r in created] == ["confirmed", "confirmed", "waiting"]
    seats = registrations.seats(activity)
    assert (seats.confirmed, seats.waiting, seats.left) == (2, 1, 0)


def test_no_capacity_means_everyone_is_confirmed(world):
    activity = make_activity(world.programme, capacity=None)
    created = registrations.register(activity, world.own, people("Ann", "Bo", "Cy"), by=world.manager)
    assert {r.status for r in created} == {"confirmed"}
    assert registrations.seats(activity).left is None


def test_cancelling_a_confirmed_seat_promotes_the_first_in_the_queue(world):
    activity = make_activity(world.programme, capacity=1)
    (ann,) = registrations.register(activity, world.own, people("Ann"), by=world.manager)
    registrations.register(activity, world.other, people("Bo"), by=world.other_manager)
    registrations.register(activity, world.own, people("Cy"), by=world.manager)
    promoted = registrations.cancel(ann, by=world.manager)
    assert [r.email for r in promoted] == ["bo@example.org"]
    assert statuses(activity) == {"ann": "cancelled", "bo": "confirmed", "cy": "waiting"}
    bo = Registration.objects.get(email="bo@example.org")
    assert bo.promoted_at is not None
    assert Registration.objects.get(email="ann@example.org").cancelled_at is not None


def test_the_queue_is_ordered_by_registration_time_then_id(world):
    activity = make_activity(world.programme, capacity=1)
    (ann,) = registrations.register(activity, world.own, people("Ann"), by=world.manager)
    later = timezone.now()
    registrations.register(activity, world.own, people("Late"), by=world.manager, now=later)
    registrations.register(
        activity, world.other, people("Early"), by=world.other_manager, now=later - datetime.timedelta(minutes=5)
    )
    registrations.cancel(ann, by=world.manager)
    assert statuses(activity)["early"] == "confirmed"
    assert statuses(activity)["late"] == "waiting"


def test_cancelling_a_waiting_registration_promotes_nobody(world):
    activity = make_activity(world.programme, capacity=1)
    registrations.register(activity, world.own, people("Ann", "Bo", "Cy"), by=world.manager)
    bo = Registration.objects.get(email="bo@example.org")
    assert registrations.cancel(bo, by=world.manager) == []
    assert statuses(activity) == {"ann": "confirmed", "bo": "cancelled", "cy": "waiting"}


def test_raising_the_capacity_promotes_from_the_waiting_list(world):
    activity = make_activity(world.programme, capacity=1)
    registrations.register(activity, world.own, people("Ann", "Bo", "Cy"), by=world.manager)
    activity.capacity = 2
    promoted = registrations.save_activity(activity, by=world.officer)
    assert [r.email for r in promoted] == ["bo@example.org"]
    assert statuses(activity) == {"ann": "confirmed", "bo": "confirmed", "cy": "waiting"}


def test_lowering_the_capacity_below_the_confirmed_seats_is_refused(world):
    activity = make_activity(world.programme, capacity=3)
    registrations.register(activity, world.own, people("Ann", "Bo"), by=world.manager)
    activity.capacity = 1
    with pytest.raises(ValidationError) as refused:
        registrations.save_activity(activity, by=world.officer)
    assert "capacity" in refused.value.message_dict
    activity.refresh_from_db()
    assert activity.capacity == 3


def test_a_batch_with_an_already_registered_email_writes_nobody(world):
    activity = make_activity(world.programme, capacity=10)
    registrations.register(activity, world.own, people("Ann"), by=world.manager)
    with pytest.raises(ValidationError, match="ann@example.org"):
        registrations.register(activity, world.other, people("Bo", "Ann"), by=world.other_manager)
    assert set(statuses(activity)) == {"ann"}


def test_the_same_email_in_another_case_counts_as_already_registered(world):
    activity = make_activity(world.programme)
    registrations.register(activity, world.own, [("Ann", "Ann@Example.org")], by=world.manager)
    with pytest.raises(ValidationError):
        registrations.register(activity, world.own, [("Ann", "ann@example.ORG")], by=world.manager)


def test_a_batch_listing_one_email_twice_or_a_bad_address_is_refused_whole(world):
    activity = make_activity(world.programme)
    with pytest.raises(ValidationError) as refused:
        registrations.register(
            activity,
            world.own,
            [("A", "a@example.org"), ("B", "a@example.org"), ("C", "not-an-address")],
            by=world.manager,
        )
    assert len(refused.value.messages) == 2
    assert not Registration.objects.exists()


def test_a_cancelled_person_may_register_again(world):
    activity = make_activity(world.programme)
    (ann,) = registrations.register(activity, world.own, people("Ann"), by=world.manager)
    registrations.cancel(ann, by=world.manager)
    (again,) = registrations.register(activity, world.own, people("Ann"), by=world.manager)
    assert again.status == "confirmed"


def test_registration_closes_at_the_deadline(world):
    activity = make_activity(world.programme, registration_deadline=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(ValidationError) as refused:
        registrations.register(activity, world.own, people("Ann"), by=world.manager)
    assert refused.value.code == "closed"  # the code, not the text: the message is in the active language
    assert not Registration.objects.exists()


def test_without_a_deadline_registration_closes_at_the_start(world):
    activity = make_activity(world.programme, starts_in_days=-0.01)
    with pytest.raises(ValidationError):
        registrations.register(activity, world.own, people("Ann"), by=world.manager)


def test_registration_is_open_until_the_deadline_itself(world):
    activity = make_activity(world.programme)
    deadline = activity.starts_at - datetime.timedelta(days=1)
    activity.registration_deadline = deadline
    activity.save()
    before = deadline - datetime.timedelta(seconds=1)
    assert registrations.register(activity, world.own, people("Ann"), by=world.manager, now=before)
    with pytest.raises(ValidationError):
        registrations.register(activity, world.own, people("Bo"), by=world.manager, now=deadline)


@pytest.mark.parametrize(
    ("who", "cluster"),
    [("other_manager", "own"), ("outside_manager", "outside"), ("outsider", "own")],
)
def test_who_may_not_register_is_refused(world, who, cluster):
    activity = make_activity(world.programme)
    with pytest.raises(PermissionDenied):
        registrations.register(activity, getattr(world, cluster), people("Ann"), by=getattr(world, who))
    assert not Registration.objects.exists()


def test_an_officer_may_register_people_of_any_participating_cluster(world):
    activity = make_activity(world.programme)
    assert registrations.register(activity, world.other, people("Ann"), by=world.officer)
    with pytest.raises(PermissionDenied):  # not even an officer registers a cluster outside the programme
        registrations.register(activity, world.outside, people("Bo"), by=world.officer)


def test_another_clusters_manager_may_not_cancel_a_registration(world):
    activity = make_activity(world.programme)
    (ann,) = registrations.register(activity, world.own, people("Ann"), by=world.manager)
    with pytest.raises(PermissionDenied):
        registrations.cancel(ann, by=world.other_manager)
    registrations.cancel(ann, by=world.officer)
    assert statuses(activity) == {"ann": "cancelled"}


def test_cancelling_twice_or_after_the_start_is_refused(world):
    activity = make_activity(world.programme)
    (ann, bo) = registrations.register(activity, world.own, people("Ann", "Bo"), by=world.manager)
    registrations.cancel(ann, by=world.manager)
    with pytest.raises(ValidationError):
        registrations.cancel(ann, by=world.manager)
    with pytest.raises(ValidationError):
        registrations.cancel(bo, by=world.manager, now=activity.starts_at + datetime.timedelta(minutes=1))


def test_registrations_and_promotions_are_in_the_audit_trail(world):
    activity = make_activity(world.programme, capacity=1)
    (ann, bo) = registrations.register(activity, world.own, people("Ann", "Bo"), by=world.manager)
    registrations.cancel(ann, by=world.manager)
    changes = [event.changes for event in AuditEvent.objects.for_object(bo).order_by("at", "id")]
    assert changes[-1]["status"] == ["waiting", "confirmed"]


def test_attendance_is_set_for_confirmed_registrations_only(world):
    activity = make_activity(world.programme, capacity=1)
    (ann, bo) = registrations.register(activity, world.own, people("Ann", "Bo"), by=world.manager)
    assert registrations.set_attendance(activity, {ann.pk, bo.pk}, by=world.officer) == 1
    ann.refresh_from_db()
    bo.refresh_from_db()
    assert ann.attended is True
    assert bo.attended is None
    with pytest.raises(PermissionDenied):
        registrations.set_attendance(activity, set(), by=world.manager)


def test_attendance_is_counted_per_person_and_per_cluster(world):
    from klusterplattform.activities.attendance import Attendance, attendance, attendance_by_cluster
    from klusterplattform.activities.models import Activity

    first = make_activity(world.programme)
    second = make_activity(world.programme)
    own = registrations.register(first, world.own, people("Ann", "Bo"), by=world.manager)
    other = registrations.register(first, world.other, people("Cy"), by=world.other_manager)
    (di,) = registrations.register(second, world.own, people("Di"), by=world.manager)
    registrations.set_attendance(first, {own[0].pk, own[1].pk, other[0].pk}, by=world.officer)
    registrations.set_attendance(second, set(), by=world.officer)
    assert attendance(first) == Attendance(people=3, clusters=2)
    assert attendance(second).people == 0
    assert attendance_by_cluster(Activity.objects.all()) == {first.pk: {world.own.pk: 2, world.other.pk: 1}}
    assert di.attended is None
