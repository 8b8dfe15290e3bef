"""The demo step "calls": the demo programme's decided selection call and an open call with applications in several
states, all of them demo data, and removable."""

from io import StringIO

import pytest
from django.core.management import call_command

from klusterplattform.calls.models import Application, Call
from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import Programme
from klusterplattform.registry.reference import load_reference


@pytest.fixture
def demo(db, settings):
    settings.KP_ALLOW_DEMO = True
    load_reference()
    call_command("load_demo", stdout=StringIO(), clusters=40, organisations=600)


def test_the_demo_programme_has_a_decided_selection_call_and_an_open_call(demo):
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    selection, open_call = Call.objects.get(slug="demo-selection-call"), Call.objects.get(slug="demo-open-call")
    participants = set(
        programme.participations.exclude(status=ParticipationStatus.WITHDRAWN).values_list("cluster_id", flat=True)
    )
    assert selection.status() == "closed" and open_call.status() == "open"
    assert set(selection.applications.filter(status="selected").values_list("cluster_id", flat=True)) == participants
    assert {"draft", "submitted", "in_review"} <= set(open_call.applications.values_list("status", flat=True))
    assert not Call.objects.filter(programme__is_demo=False).exists()
    assert all(a.form_version.frozen_at for a in Application.objects.select_related("form_version"))


def test_removing_the_demo_removes_the_calls(demo):
    call_command("load_demo", "--remove", stdout=StringIO())
    assert not Call.objects.exists() and not Application.objects.exists()
