"""The admin shows the event records read-only: their changes go through event_services.py."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from klusterplattform.matchmaking import admin_events  # noqa: F401 - registers the admin pages
from klusterplattform.matchmaking.models import EventParticipant, MeetingRequest, MeetingSlot, ScheduleRun
from klusterplattform.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", [EventParticipant, MeetingSlot, MeetingRequest, ScheduleRun], ids=lambda m: m.__name__
)
def test_the_event_records_are_in_the_admin_and_read_only(model):
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    model_admin = admin.site._registry[model]

    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
