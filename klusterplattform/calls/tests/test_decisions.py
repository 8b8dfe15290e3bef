"""Decisions: the effect of a selection (programme participation, audited), outcome counts, the single and bulk
decision pages with their permissions per persona, required justifications and all-or-nothing bulk decisions."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from klusterplattform.accounts.models import AuditEvent
from klusterplattform.calls import decisions, workflow
from klusterplattform.calls.models import ApplicationEvent
from klusterplattform.registry.models import ProgrammeParticipation

from .decisions_world import build_world, make_application, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def participations(world, cluster=None):
    queryset = ProgrammeParticipation.objects.filter(programme=world.programme)
    return queryset.filter(cluster=cluster) if cluster else queryset


# --- the effect of a selection ------------------------------------------------------------------------------------


def test_selection_makes_the_cluster_a_participant_once_and_audited(world):
    application = world.applications["own"]
    workflow.transition(application, world.officer, "select", "Strong consortium.")
    participation = participations(world).get()
    assert participation.cluster == world.own
    assert participation.status == "selected"
    assert participation.selected_on == application.decided_at.astimezone(world.call.zone).date()
    events = AuditEvent.objects.for_object(participation)
    assert [e.action for e in events] == ["create"]
    assert events[0].changes["status"] == [None, "selected"]
    # The decision itself is in the trail too (the application's status) and in its history.
    assert AuditEvent.objects.for_object(application).filter(changes__status=["in_review", "selected"]).exists()
    assert ApplicationEvent.objects.get(application=application, transition="select").comment == "Strong consortium."
    # A second selection is impossible (state), so there is still exactly one participation.
    with pytest.raises(workflow.TransitionRefused):
        workflow.transition(application, world.officer, "select", "Again.")
    assert participations(world).count() == 1


@pytest.mark.parametrize("code", ["reserve", "reject"])
def test_reserve_and_reject_do_not_make_a_participant(world, code):
    workflow.transition(world.applications["own"], world.officer, code, "Weaker than the others.")
    assert not participations(world).exists()


def test_selected_on_is_the_decision_date_in_the_calls_time_zone(world, monkeypatch):
    # 23:30 UTC on 31 December is already 1 January in Stockholm.
    moment = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    workflow.transition(world.applications["own"], world.officer, "select", "Good.")
    assert participations(world).get().selected_on == datetime.date(2027, 1, 1)


def test_selected_on_follows_another_time_zone(world, monkeypatch):
    world.call.time_zone = "America/New_York"
    world.call.save()
    moment = datetime.datetime(2027, 1, 1, 3, 0, tzinfo=datetime.UTC)  # still 31 December in New York
    monkeypatch.setattr(timezone, "now", lambda: moment)
    application = world.applications["own"]
    application.refresh_from_db()
    workflow.transition(application, world.officer, "select", "Good.")
    assert participations(world).get().selected_on == datetime.date(2026, 12, 31)
    assert zoneinfo.ZoneInfo("America/New_York") == application.call.zone


def test_a_withdrawn_participation_is_taken_up_again(world):
    ProgrammeParticipation.objects.create(
        programme=world.programme, cluster=world.own, status="withdrawn", selected_on=datetime.date(2020, 1, 1)
    )
    application = world.applications["own"]
    workflow.transition(application, world.officer, "select", "Back again.")
    participation = participations(world).get()
    assert participation.status == "selected"
    assert participation.selected_on == application.decided_at.astimezone(world.call.zone).date()
    assert AuditEvent.objects.for_object(participation).filter(action="update").get().changes["status"] == [
        "withdrawn",
        "selected",
    ]


def test_an_active_participation_is_kept_as_it_is(world):
    ProgrammeParticipation.objects.create(
        programme=world.programme, cluster=world.own, status="active", selected_on=datetime.date(2020, 1, 1)
    )
    workflow.transition(world.applications["own"], world.officer, "select", "Still good.")
    participation = participations(world).get()
    assert (participation.status, participation.selected_on) == ("active", datetime.date(2020, 1, 1))


def test_outcome_counts(world):
    call = world.call
    assert decisions.outcome_counts(call) == {"selected": 0, "reserve": 0, "rejected": 0, "withdrawn": 0}
    workflow.transition(world.applications["own"], world.officer, "select", "a")
    workflow.transition(world.applications["other"], world.officer, "reserve", "b")
    fourth = make_application(call, make_cluster("dec-fourth"), status="withdrawn")
    assert fourth.status == "withdrawn"
    assert decisions.outcome_counts(call) == {"selected": 1, "reserve": 1, "rejected": 0, "withdrawn": 1}
    # Another call's applications do not count.
    other_call = make_call(world.programme, slug="dec-other-call")
    make_application(other_call, world.own, status="rejected")
    assert decisions.outcome_counts(call)["rejected"] == 0


def make_cluster(slug):
    from klusterplattform.registry.tests.factories import ClusterFactory

    return ClusterFactory(slug=slug)


# --- the single decision page ---------------------------------------------------------------------------------------


def swedish(name, *args):
    with translation.override("sv"):  # unprefixed: the language of an earlier request must not leak in
        return reverse(name, args=args)


def decide_url(application, language=""):
    return (f"/{language}" if language else "") + swedish("calls:decide", application.pk)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("manager", 403),  # sees the own application, may not decide
        ("editor", 403),
        ("regional", 403),
        ("reviewer", 403),
        ("other_manager", 404),  # may not see it at all
        ("outsider", 404),
        ("officer", 200),
        ("admin", 200),
    ],
)
def test_decision_page_per_persona(client, world, persona, expected):
    client.force_login(getattr(world, persona))
    application = world.applications["own"]
    assert client.get(decide_url(application)).status_code == expected
    response = client.post(decide_url(application), {"decision": "selected", "justification": "Because."})
    application.refresh_from_db()
    if expected == 200:
        assert response.status_code == 302
        assert application.status == "selected"
    else:
        assert response.status_code == expected
        assert application.status == "in_review"
        assert not participations(world).exists()


def test_anonymous_is_sent_to_sign_in(client, world):
    application = world.applications["own"]
    for response in (
        client.get(decide_url(application)),
        client.post(decide_url(application), {"decision": "selected", "justification": "x"}),
    ):
        assert response.status_code == 302
        assert "logga-in" in response.url or "login" in response.url
    application.refresh_from_db()
    assert application.status == "in_review"


def test_officer_selects_and_the_cluster_joins_the_programme(client, world):
    client.force_login(world.officer)
    application = world.applications["own"]
    page = client.get(decide_url(application, "en"))
    content = page.content.decode()
    assert "Record the decision" in content
    assert "Selected so far: 0 of the 2" in content
    response = client.post(
        decide_url(application, "en"), {"decision": "selected", "justification": "Strong consortium."}
    )
    assert response.status_code == 302
    assert response.url.endswith(f"/ansokningar/{application.pk}/")  # back to the application
    application.refresh_from_db()
    assert (application.status, application.justification) == ("selected", "Strong consortium.")
    assert participations(world, world.own).get().status == "selected"
    # The page of a decided application says so and offers no form.
    content = client.get(decide_url(application, "en")).content.decode()
    assert "only an application in review can be decided" in content
    assert "Record the decision" not in content
    assert "Selected so far: 1 of the 2" in content


@pytest.mark.parametrize("justification", ["", "   "])
def test_the_justification_is_required(client, world, justification):
    client.force_login(world.officer)
    application = world.applications["own"]
    response = client.post(decide_url(application, "en"), {"decision": "selected", "justification": justification})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "in_review"
    assert not participations(world).exists()


def test_an_unknown_decision_is_refused(client, world):
    client.force_login(world.officer)
    application = world.applications["own"]
    response = client.post(decide_url(application, "en"), {"decision": "withdrawn", "justification": "x"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "in_review"


def test_a_decided_application_cannot_be_decided_again(client, world):
    application = world.applications["own"]
    workflow.transition(application, world.officer, "reject", "Weak.")
    client.force_login(world.officer)
    response = client.post(decide_url(application, "en"), {"decision": "selected", "justification": "Changed mind."})
    assert response.status_code == 200
    assert "is rejected" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "rejected"
    assert not participations(world).exists()


# --- the bulk table -------------------------------------------------------------------------------------------------


def bulk_url(world, language=""):
    return (f"/{language}" if language else "") + swedish("calls:bulk_decide", world.call.slug)


def row(application, decision="", justification=""):
    return {f"a{application.pk}-decision": decision, f"a{application.pk}-justification": justification}


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
def test_bulk_page_per_persona(client, world, persona, expected):
    client.force_login(getattr(world, persona))
    assert client.get(bulk_url(world)).status_code == expected
    response = client.post(bulk_url(world), row(world.applications["own"], "selected", "Good."))
    assert response.status_code == (302 if expected == 200 else expected)
    world.applications["own"].refresh_from_db()
    assert world.applications["own"].status == ("selected" if expected == 200 else "in_review")


def test_bulk_anonymous_and_unpublished_call(client, world):
    assert client.get(bulk_url(world)).status_code == 302
    world.call.is_published = False
    world.call.save()
    client.force_login(world.manager)
    assert client.get(bulk_url(world)).status_code == 404  # an unpublished call does not exist for them
    client.force_login(world.officer)
    assert client.get(bulk_url(world)).status_code == 200


def test_bulk_page_lists_in_review_applications_with_the_target(client, world, django_assert_max_num_queries):
    workflow.transition(world.applications["third"], world.officer, "select", "Already.")
    client.force_login(world.officer)
    with django_assert_max_num_queries(8):
        response = client.get(bulk_url(world, "en"))
    content = response.content.decode()
    assert "Alfa kluster" in content and "Beta kluster" in content
    assert "Gamma kluster" not in content  # decided: not in the table
    assert "Selected so far: 1 of the 2" in content
    assert "Record the decisions" in content


def test_bulk_query_count_does_not_grow_with_rows(client, world, django_assert_max_num_queries):
    for n in range(8):
        make_application(world.call, make_cluster(f"dec-more-{n}"))
    client.force_login(world.officer)
    with django_assert_max_num_queries(8):
        assert client.get(bulk_url(world, "en")).status_code == 200


def test_bulk_decides_the_chosen_rows_and_skips_empty_ones(client, world):
    own, other, third = (world.applications[k] for k in ("own", "other", "third"))
    client.force_login(world.officer)
    data = {**row(own, "selected", "Best."), **row(other, "reserve", "Second."), **row(third)}
    response = client.post(bulk_url(world, "en"), data)
    assert response.status_code == 302
    for application in (own, other, third):
        application.refresh_from_db()
    assert (own.status, other.status, third.status) == ("selected", "reserve", "in_review")
    assert (own.justification, other.justification) == ("Best.", "Second.")
    assert list(participations(world).values_list("cluster", flat=True)) == [world.own.pk]


def test_bulk_is_all_or_nothing_when_a_justification_is_missing(client, world):
    own, other = world.applications["own"], world.applications["other"]
    client.force_login(world.officer)
    response = client.post(bulk_url(world, "en"), {**row(own, "selected", "Best."), **row(other, "rejected", " ")})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nothing was decided" in content
    assert "Write a justification" in content
    for application in (own, other):
        application.refresh_from_db()
        assert application.status == "in_review"
    assert not participations(world).exists()
    assert not ApplicationEvent.objects.filter(transition__in=["select", "reject"]).exists()


def test_bulk_is_all_or_nothing_when_the_workflow_refuses_a_row(client, world):
    """Someone decided `other` meanwhile: its row is refused, so `own` is not selected either (the participation and
    the audit events of the attempt are rolled back)."""
    own, other = world.applications["own"], world.applications["other"]
    workflow.transition(other, world.admin, "reject", "Decided by the admin.")
    audit_before = AuditEvent.objects.count()
    client.force_login(world.officer)
    response = client.post(bulk_url(world, "en"), {**row(own, "selected", "Best."), **row(other, "selected", "Mine.")})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nothing was decided" in content
    assert "is rejected" in content
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.status, other.status) == ("in_review", "rejected")
    assert not participations(world).exists()
    assert AuditEvent.objects.count() == audit_before


def test_decide_many_reports_every_refused_row(world):
    own, other, third = (world.applications[k] for k in ("own", "other", "third"))
    workflow.transition(other, world.officer, "reserve", "x")
    workflow.transition(third, world.officer, "reserve", "y")
    rows = [
        decisions.Row(own, "selected", "ok"),
        decisions.Row(other, "selected", "no"),
        decisions.Row(third, "rejected", "no"),
    ]
    decided, errors = decisions.decide_many(world.officer, rows)
    assert decided == 0
    assert set(errors) == {other.pk, third.pk}
    own.refresh_from_db()
    assert own.status == "in_review"
    # A refused permission is reported per row too, and nothing is decided.
    decided, errors = decisions.decide_many(world.manager, [decisions.Row(own, "selected", "mine")])
    assert (decided, list(errors)) == (0, [own.pk])


def test_bulk_with_no_decision_changes_nothing(client, world):
    client.force_login(world.officer)
    response = client.post(bulk_url(world, "en"), row(world.applications["own"]), follow=True)
    assert "nothing was changed" in response.content.decode()
    world.applications["own"].refresh_from_db()
    assert world.applications["own"].status == "in_review"
