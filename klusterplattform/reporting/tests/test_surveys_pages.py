"""The survey pages: who sees what, answering once, the tracking page that shows no answers, the results page that
hides small groups, exports that parse back, question sets with their problems listed, and pinned query counts."""

import csv
import io
import json

import openpyxl
import pytest

from klusterplattform.registry.tests.factories import UserFactory
from klusterplattform.reporting import surveys
from klusterplattform.reporting.models import QuestionSet, Survey, SurveyInvitation, SurveyResponse

from .test_surveys import DEFINITION, make_survey
from .world_evaluation import build_world, personas

pytestmark = pytest.mark.django_db

SECRET = "Hemlig kommentar från en klusterledare"


@pytest.fixture
def world():
    world = build_world()
    world.users = personas(world)
    world.survey = make_survey(world.programme)
    surveys.send(world.survey)  # invites C1's manager (the persona)
    return world


def as_user(client, user):
    if user is not None:
        client.force_login(user)
    return client


def answer_as_others(survey, answers):
    for values in answers:
        user = UserFactory()
        SurveyInvitation.objects.create(survey=survey, user=user)
        surveys.submit(survey, user, values)


OFFICER_PAGES = [
    "/enkater/",
    "/enkater/ny/",
    "/enkater/{pk}/uppfoljning/",
    "/enkater/{pk}/resultat/",
    "/enkater/{pk}/resultat/export.csv",
    "/enkater/fragor/",
    "/enkater/fragor/ny/",
    "/enkater/fragor/{qs}/",
]


@pytest.mark.parametrize("path", OFFICER_PAGES)
@pytest.mark.parametrize(
    "persona, status", [("officer", 200), ("regional", 404), ("manager", 404), ("outsider", 404), (None, 302)]
)
def test_the_survey_management_pages_are_for_officers(client, world, path, persona, status):
    url = path.format(pk=world.survey.pk, qs=world.survey.question_set_id)
    assert as_user(client, world.users.get(persona)).get(url).status_code == status


@pytest.mark.parametrize(
    "persona, status", [("manager", 200), ("officer", 404), ("regional", 404), ("outsider", 404), (None, 302)]
)
def test_only_invited_users_see_the_survey(client, world, persona, status):
    assert as_user(client, world.users.get(persona)).get(f"/enkater/{world.survey.pk}/").status_code == status


def test_an_invited_manager_answers_once(client, world):
    client = as_user(client, world.users["manager"])
    url = f"/enkater/{world.survey.pk}/"
    response = client.post(url, {"relevance": "4", "comment": SECRET})
    assert response.status_code == 200 and 'data-state="thanks"' in response.content.decode()
    response = client.post(url, {"relevance": "1"})
    assert 'data-state="already"' in response.content.decode()
    assert 'data-state="already"' in client.get(url).content.decode()
    assert list(SurveyResponse.objects.values_list("answers", flat=True)) == [{"relevance": 4, "comment": SECRET}]


def test_a_bad_answer_gets_an_error_and_nothing_is_written(client, world):
    response = as_user(client, world.users["manager"]).post(f"/enkater/{world.survey.pk}/", {"relevance": "9"})
    assert response.status_code == 200 and "relevance" in response.context["form"].errors
    assert not SurveyResponse.objects.exists()
    assert SurveyInvitation.objects.get(user=world.users["manager"]).responded_on is None


def test_a_closed_survey_says_so_and_takes_no_answer(client, world):
    closed = make_survey(world.programme, opens=-10, closes=-1)
    surveys.send(closed)
    response = as_user(client, world.users["manager"]).post(f"/enkater/{closed.pk}/", {"relevance": "4"})
    assert 'data-state="closed"' in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_tracking_shows_who_has_not_answered_but_no_answers(client, world):
    answer_as_others(world.survey, [{"relevance": 5, "comment": SECRET}])
    response = as_user(client, world.users["officer"]).get(f"/enkater/{world.survey.pk}/uppfoljning/")
    page = response.content.decode()
    tracking = response.context["tracking"]
    assert (tracking.invited, tracking.answered, tracking.rate) == (2, 1, 50.0)
    assert [i.user.email for i in tracking.not_answered] == [world.users["manager"].email]
    assert world.users["manager"].email in page
    assert SECRET not in page


def test_sending_from_the_tracking_page_is_idempotent(client, world):
    client = as_user(client, world.users["officer"])
    assert client.post(f"/enkater/{world.survey.pk}/skicka/", {"email": "on"}).status_code == 302
    assert world.survey.invitations.count() == 1  # the manager was already invited


def test_results_are_hidden_below_the_smallest_group(client, world):
    answer_as_others(world.survey, [{"relevance": 5, "comment": SECRET}, {"relevance": 4}])
    client = as_user(client, world.users["officer"])
    page = client.get(f"/enkater/{world.survey.pk}/resultat/").content.decode()
    assert 'data-state="hidden"' in page and SECRET not in page
    rows = list(
        csv.reader(
            io.StringIO(client.get(f"/enkater/{world.survey.pk}/resultat/export.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows == [["question", "label", "kind", "answer", "count", "mean"]]


def test_results_from_the_smallest_group_up_and_their_exports(client, world):
    answer_as_others(world.survey, [{"relevance": 5, "comment": SECRET}, {"relevance": 4}, {"relevance": 3}])
    client = as_user(client, world.users["officer"])
    response = client.get(f"/en/enkater/{world.survey.pk}/resultat/")
    page = response.content.decode()
    assert SECRET in page and 'data-mean="relevance">4.00<' in page
    csv_rows = list(
        csv.reader(
            io.StringIO(client.get(f"/enkater/{world.survey.pk}/resultat/export.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert ["relevance", "Relevans", "scale", "5", "1", ""] in csv_rows
    assert ["comment", "Kommentar", "textarea", SECRET, "1", ""] in csv_rows
    xlsx = client.get(f"/enkater/{world.survey.pk}/resultat/export.xlsx").content
    values = list(openpyxl.load_workbook(io.BytesIO(xlsx)).active.values)
    assert ("relevance", "Relevans", "scale", None, 3, 4) in values or (
        "relevance",
        "Relevans",
        "scale",
        "",
        3,
        4,
    ) in values


@pytest.mark.parametrize("responses", [3, 10])
def test_the_results_page_takes_the_same_queries_whatever_the_number_of_responses(
    client, world, responses, django_assert_num_queries
):
    answer_as_others(world.survey, [{"relevance": 4, "comment": f"Svar {n}"} for n in range(responses)])
    client = as_user(client, world.users["officer"])
    url = f"/enkater/{world.survey.pk}/resultat/"
    client.get(url)
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200


def test_a_question_set_lists_its_problems_and_nothing_is_written(client, world):
    client = as_user(client, world.users["officer"])
    data = {"name_sv": "Ny", "name_en": "New", "definition": "{not json"}
    response = client.post("/enkater/fragor/ny/", data)
    assert "definition" in response.context["form"].errors
    bad = {"sections": [{"code": "s", "title_sv": "S", "title_en": "S", "fields": [{"code": "x", "kind": "scale"}]}]}
    response = client.post("/enkater/fragor/ny/", {**data, "definition": json.dumps(bad)})
    errors = response.context["form"].errors["definition"]
    assert "sections[0].fields[0].label_sv: required text is missing" in errors
    assert QuestionSet.objects.count() == 1
    response = client.post("/enkater/fragor/ny/", {**data, "definition": json.dumps(DEFINITION)})
    assert response.status_code == 302 and QuestionSet.objects.filter(name_sv="Ny").exists()


def test_a_new_survey_copies_its_questions(client, world):
    question_set = world.survey.question_set
    data = {
        "programme": world.programme.pk,
        "question_set": question_set.pk,
        "title_sv": "Runda 2",
        "title_en": "Round 2",
        "audience": "regional_officers",
        "opens_on": "2026-01-01",
        "closes_on": "2026-02-01",
        "min_group": "3",
    }
    client = as_user(client, world.users["officer"])
    for bad, field in [({"min_group": "1"}, "min_group"), ({"closes_on": "2025-12-01"}, "closes_on")]:
        assert field in client.post("/enkater/ny/", {**data, **bad}).context["form"].errors
    assert client.post("/enkater/ny/", data).status_code == 302
    survey = Survey.objects.get(title_sv="Runda 2")
    question_set.definition = {"sections": []}
    question_set.save()
    survey.refresh_from_db()
    assert survey.definition == DEFINITION


def test_a_reminder_goes_to_those_who_have_not_answered(client, world, mailoutbox):
    answer_as_others(world.survey, [{"relevance": 5}])
    client = as_user(client, world.users["officer"])
    assert client.post(f"/enkater/{world.survey.pk}/paminn/").status_code == 302
    assert [message.to for message in mailoutbox] == [[world.users["manager"].email]]
    assert world.survey.invitations.get(user=world.users["manager"]).reminded_at is not None
    assert world.survey.invitations.exclude(user=world.users["manager"]).get().reminded_at is None


def test_no_reminder_for_a_closed_survey(client, world, mailoutbox):
    closed = make_survey(world.programme, opens=-10, closes=-1)
    surveys.send(closed)
    as_user(client, world.users["officer"]).post(f"/enkater/{closed.pk}/paminn/")
    assert mailoutbox == []


def test_an_invited_manager_finds_their_open_survey_first_and_answered_ones_marked(client, world):
    closed = make_survey(world.programme, opens=-10, closes=-1)
    surveys.send(closed)
    client = as_user(client, world.users["manager"])
    html = client.get("/enkater/mina/").content.decode()
    answer_link = f'href="/enkater/{world.survey.pk}/"'
    assert answer_link in html and html.index(f'data-survey="{world.survey.pk}"') < html.index(
        f'data-survey="{closed.pk}"'
    )
    assert f'href="/enkater/{closed.pk}/"' not in html  # a closed survey is listed, not linked
    client.post(f"/enkater/{world.survey.pk}/", {"relevance": "4"})
    html = client.get("/enkater/mina/").content.decode()
    assert answer_link not in html and 'data-state="answered"' in html


@pytest.mark.parametrize("persona", ["officer", "outsider"])
def test_someone_without_an_invitation_sees_none(client, world, persona):
    response = as_user(client, world.users[persona]).get("/enkater/mina/")
    assert response.status_code == 200 and 'data-survey="' not in response.content.decode()


def test_my_surveys_asks_an_anonymous_visitor_to_sign_in(client, world):
    assert client.get("/enkater/mina/").status_code == 302
