"""The feedback survey: answering once through the personal link, anonymity, results and the officers' export."""

import csv
import datetime
import io

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from klusterplattform.activities import feedback
from klusterplattform.activities.models import FeedbackResponse, Registration
from klusterplattform.activities.tests.activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db

GOOD = {
    "overall": "4",
    "relevance": "5",
    "usefulness": "3",
    "organisation": "",
    "networking": "2",
    "comment": "More time for questions, please.",
}


def register(activity, cluster, email, status="confirmed", **fields):
    return Registration.objects.create(
        activity=activity,
        cluster=cluster,
        name=fields.pop("name", email.split("@")[0].title()),
        email=email,
        status=status,
        queued_at=timezone.now(),
        **fields,
    )


def url(registration, language="en"):
    with translation.override(language):
        return reverse("activities:feedback", args=[registration.token])


@pytest.fixture
def world():
    return build_world("fb")


@pytest.fixture
def past(world):
    return make_activity(world.programme, starts_in_days=-1)


def test_participant_answers_once_through_the_personal_link(client, world, past):
    registration = register(past, world.own, "anna@example.org", name="Anna Andersson")
    page = client.get(url(registration))
    assert page.status_code == 200
    assert "How satisfied are you with the activity overall?" in page.content.decode()

    answer = client.post(url(registration), GOOD)

    assert answer.status_code == 200
    assert "Thank you for your feedback" in answer.content.decode()
    response = FeedbackResponse.objects.get()
    assert response.activity == past
    assert response.answers == {
        "overall": 4,
        "relevance": 5,
        "usefulness": 3,
        "organisation": None,
        "networking": 2,
    }
    assert response.comment == "More time for questions, please."
    assert response.submitted_on == timezone.localdate(timezone.now(), past.zone)
    registration.refresh_from_db()
    assert registration.feedback_given_at is not None
    # Anonymous: nothing in the response points at the person.
    stored = str(response.answers) + response.comment
    assert "anna" not in stored.lower() and not hasattr(response, "registration")


def test_a_second_attempt_says_already_answered_and_writes_nothing(client, world, past):
    registration = register(past, world.own, "anna@example.org")
    client.post(url(registration), GOOD)

    again_get = client.get(url(registration))
    again_post = client.post(url(registration), {**GOOD, "overall": "1"})

    assert "You have already answered" in again_get.content.decode()
    assert "You have already answered" in again_post.content.decode()
    assert FeedbackResponse.objects.count() == 1
    assert FeedbackResponse.objects.get().answers["overall"] == 4


def test_two_simultaneous_submissions_make_one_response(world, past):
    registration = register(past, world.own, "anna@example.org")
    stale = Registration.objects.select_related("activity").get(pk=registration.pk)
    feedback.submit(registration, {"overall": 5})

    with pytest.raises(feedback.FeedbackRefused) as refused:
        feedback.submit(stale, {"overall": 1})  # still thinks nobody has answered

    assert refused.value.code == feedback.ALREADY_ANSWERED
    assert FeedbackResponse.objects.count() == 1


def test_survey_opens_only_when_the_activity_has_started(client, world):
    future = make_activity(world.programme, starts_in_days=2)
    registration = register(future, world.own, "anna@example.org")

    page = client.get(url(registration))
    posted = client.post(url(registration), GOOD)

    assert "opens when the activity starts" in page.content.decode()
    assert "opens when the activity starts" in posted.content.decode()
    assert not FeedbackResponse.objects.exists()
    registration.refresh_from_db()
    assert registration.feedback_given_at is None


@pytest.mark.parametrize("status", ["cancelled", "waiting"])
def test_cancelled_or_waiting_registrations_cannot_answer(client, world, past, status):
    registration = register(past, world.own, "anna@example.org", status=status)

    posted = client.post(url(registration), GOOD)

    assert "Only confirmed participants can give feedback" in posted.content.decode()
    assert not FeedbackResponse.objects.exists()


def test_bad_answers_are_refused_with_a_clear_error_and_nothing_written(client, world, past):
    registration = register(past, world.own, "anna@example.org")

    posted = client.post(url(registration), {**GOOD, "overall": "7"})
    missing = client.post(url(registration), {**GOOD, "overall": ""})

    assert posted.status_code == 200 and "There is a problem" in posted.content.decode()
    assert "This field is required" in missing.content.decode()
    assert not FeedbackResponse.objects.exists()
    registration.refresh_from_db()
    assert registration.feedback_given_at is None


def test_an_unknown_link_is_not_found(client):
    assert client.get("/en/aktiviteter/aterkoppling/not-a-token/").status_code == 404


def test_the_survey_is_in_swedish_by_default(client, world, past):
    registration = register(past, world.own, "anna@example.org")
    page = client.get(url(registration, "sv"))
    assert "Hur nöjd är du med aktiviteten som helhet?" in page.content.decode()
    assert "Vad borde vi göra annorlunda?" in page.content.decode()


def answer(registration, comment="", **answers):
    feedback.submit(registration, {"overall": 3, **answers, "comment": comment})


def test_results_count_responses_means_distribution_and_sorted_comments(world, past):
    people = [register(past, world.own, f"p{n}@example.org") for n in range(4)]
    register(past, world.own, "gone@example.org", status="cancelled")
    answer(people[0], "Zebra crossing was far away", overall=5, relevance=4)
    answer(people[1], "", overall=4)
    answer(people[2], "  better coffee ", overall=3, relevance=2)

    result = feedback.results(past)

    assert result.responses == 3
    assert result.participants == 4  # confirmed ones; the cancelled registration does not count
    assert result.response_rate == pytest.approx(75.0)
    overall = next(summary for summary in result.summaries if summary.question.code == "overall")
    assert overall.mean == pytest.approx(4.0)
    assert overall.counts == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    relevance = next(summary for summary in result.summaries if summary.question.code == "relevance")
    assert relevance.answered == 2 and relevance.mean == pytest.approx(3.0)
    assert result.comments == ["better coffee", "Zebra crossing was far away"]  # by text, not by who came first


def test_once_attendance_is_marked_only_attendees_count_as_participants(world, past):
    register(past, world.own, "came@example.org", attended=True)
    register(past, world.own, "stayed-home@example.org", attended=False)
    register(past, world.own, "unknown@example.org")

    assert feedback.results(past).participants == 1


def test_no_results_before_the_activity_starts(world):
    assert feedback.results(make_activity(world.programme, starts_in_days=3)) is None


def test_results_take_three_queries_whatever_the_number_of_responses(world, past, django_assert_num_queries):
    for n in range(6):
        answer(register(past, world.own, f"p{n}@example.org"), f"comment {n}")
    with django_assert_num_queries(3):
        feedback.results(past)


def test_results_include_shows_numbers_and_comments_without_names(world, past):
    anna = register(past, world.own, "anna@example.org", name="Anna Andersson")
    answer(anna, "Shorter <b>breaks</b>", overall=5)

    with translation.override("en"):
        html = render_to_string("activities/includes/feedback_results.html", {"results": feedback.results(past)})
        empty = render_to_string("activities/includes/feedback_results.html", {"results": None})

    assert "Responses: 1 of 1 participants" in html
    assert "response rate 100 %" in html
    assert "Shorter &lt;b&gt;breaks&lt;/b&gt;" in html  # escaped
    assert "Anna" not in html
    assert f"/aktiviteter/{past.pk}/aterkoppling/export.csv" in html
    assert "once the activity has started" in empty


def export_url(activity, file_format="csv"):
    with translation.override("en"):
        return reverse("activities:feedback_export", args=[activity.pk, file_format])


def test_officer_exports_the_anonymous_responses(client, world, past, django_assert_max_num_queries):
    for n, comment in enumerate(["=HYPERLINK(1)", "fine"]):
        answer(register(past, world.own, f"p{n}@example.org", name=f"Person {n}"), comment, overall=n + 3)
    client.force_login(world.officer)

    with django_assert_max_num_queries(8):
        response = client.get(export_url(past))

    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Response" and "What should we do differently?" in rows[0]
    assert len(rows) == 3
    assert "'=HYPERLINK(1)" in text  # a formula is neutralised
    assert "Person" not in text and "@example.org" not in text
    assert client.get(export_url(past, "xlsx")).status_code == 200
    assert client.get(export_url(past, "pdf")).status_code == 404


def test_export_is_refused_to_cluster_managers_and_hidden_from_those_who_cannot_see(client, world):
    activity = make_activity(world.programme, starts_in_days=-1)
    hidden = make_activity(world.programme, starts_in_days=-1, is_published=False)

    assert client.get(export_url(activity)).status_code == 302  # anonymous: sign in first
    client.force_login(world.manager)
    assert client.get(export_url(activity)).status_code == 403
    client.force_login(world.outsider)
    assert client.get(export_url(activity)).status_code == 403  # published: seen, not theirs to export
    assert client.get(export_url(hidden)).status_code == 404


def test_feedback_given_at_is_a_time_but_the_response_only_a_day(world, past):
    registration = register(past, world.own, "anna@example.org")
    moment = timezone.now() + datetime.timedelta(minutes=1)
    response = feedback.submit(registration, {"overall": 4}, now=moment)
    assert isinstance(response.submitted_on, datetime.date) and not isinstance(response.submitted_on, datetime.datetime)


def test_an_empty_submission_shows_the_errors(client, world, past):
    registration = register(past, world.own, "anna@example.org")
    posted = client.post(url(registration), {})
    assert "This field is required" in posted.content.decode()
    assert not FeedbackResponse.objects.exists()
