"""The survey list (enkater/export.<format>) and the question-set list (enkater/fragor/export.<format>) as CSV or
XLSX: the rows of their pages, for officers only (404 for others, as the pages), formula-safe, unknown formats 404,
and a fixed number of queries."""

import pytest

from klusterplattform.registry.tests.test_list_exports_common import column, count_queries, csv_rows, xlsx_rows
from klusterplattform.reporting.models import QuestionSet

from .test_surveys import DEFINITION, make_survey
from .world_evaluation import build_world, personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world()
    world.users = personas(world)
    world.first = make_survey(world.programme, opens=-30, closes=-10)
    world.second = make_survey(world.programme, opens=-5, closes=5)
    world.second.title_en = "=Second round"
    world.second.save()
    QuestionSet.objects.create(name_sv="Tom", name_en="@Empty", definition={})
    return world


def get(client, user, path):
    if user is not None:
        client.force_login(user)
    return client.get(path)


def test_the_survey_export_holds_the_lists_rows(client, world):
    officer = world.users["officer"]
    rows = csv_rows(get(client, officer, "/en/enkater/export.csv"), ",")
    listed = [survey.title for survey in client.get("/en/enkater/").context["surveys"]]
    assert column(rows, "Survey") == ["'=Second round", "Survey"]  # newest first, as the page
    assert [title.removeprefix("'") for title in column(rows, "Survey")] == listed
    assert column(rows, "Question set") == ["Questions", "Questions"]
    assert column(rows, "Results")[0].endswith(f"/en/enkater/{world.second.pk}/resultat/")


def test_the_question_set_export_counts_questions_and_surveys(client, world):
    rows = csv_rows(get(client, world.users["officer"], "/en/enkater/fragor/export.csv"), ",")
    listed = [question_set.name for question_set in client.get("/en/enkater/fragor/").context["question_sets"]]
    assert [name.removeprefix("'") for name in column(rows, "Question set")] == listed
    assert column(rows, "Question set") == ["Questions", "Questions", "'@Empty"]  # by Swedish name: Frågor, Frågor, Tom
    assert column(rows, "Questions") == ["4", "4", "0"]  # DEFINITION has four questions
    assert column(rows, "Surveys") == ["1", "1", "0"]
    assert len(DEFINITION["sections"][0]["fields"]) == 4


@pytest.mark.parametrize("path", ["/enkater/export.csv", "/enkater/fragor/export.xlsx"])
@pytest.mark.parametrize(
    "persona, status", [("officer", 200), ("regional", 404), ("manager", 404), ("outsider", 404), (None, 302)]
)
def test_officers_only_like_the_pages(client, world, path, persona, status):
    user = world.users[persona] if persona else None
    assert get(client, user, path).status_code == status
    assert client.get(path.split("export.")[0]).status_code == status


def test_formula_safe_xlsx_unknown_formats_and_links(client, world):
    client.force_login(world.users["officer"])
    assert "'=Second round" in column(xlsx_rows(client.get("/en/enkater/export.xlsx")), "Survey")
    assert "'@Empty" in column(xlsx_rows(client.get("/en/enkater/fragor/export.xlsx")), "Question set")
    assert client.get("/enkater/export.pdf").status_code == 404
    assert client.get("/enkater/fragor/export.json").status_code == 404
    assert 'href="/enkater/export.csv"' in client.get("/enkater/").content.decode()
    assert 'href="/enkater/fragor/export.xlsx"' in client.get("/enkater/fragor/").content.decode()


def test_the_query_counts_do_not_grow_with_the_rows(client, world):
    client.force_login(world.users["officer"])
    counts = {path: count_queries(client, path) for path in ("/enkater/export.csv", "/enkater/fragor/export.csv")}
    for _ in range(4):
        make_survey(world.programme)
    for path, count in counts.items():
        assert count_queries(client, path) == count
