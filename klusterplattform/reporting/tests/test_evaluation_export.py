"""The evaluation data export: one sheet per topic with hand-counted rows (world_reports.py, as of 2025-06-30), the
data dictionary, the zip of CSV files, no personal data, formula-safe cells, and officers only."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from klusterplattform.reporting.models import Kpi, KpiValue, QuestionSet, Survey, SurveyResponse

from .reading_reports import cells, csv_rows, sheet_by_file, workbook, zip_members
from .world_reports import AS_OF, FORMULA_NAME, add_clusters, build_world

pytestmark = pytest.mark.django_db
QUERY = f"?programme=rapportprogram&as_of={AS_OF:%Y-%m-%d}"


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def sheets(client, world):
    client.force_login(world.users["officer"])
    response = client.get("/uppfoljning/utvardering/export.xlsx" + QUERY)
    assert response.status_code == 200
    assert "evaluation-data-rapportprogram-2025-06-30-sv.xlsx" in response["Content-Disposition"]
    return workbook(response.content)


def _body(sheet) -> list:
    return list(sheet[1:])


def test_clusters_are_those_in_the_programme_on_the_day_with_formula_names_neutralised(sheets):
    clusters = _body(sheet_by_file(sheets, "clusters"))
    assert sorted(row[0] for row in clusters) == ["alfa", "formel"]
    names = {row[0]: row[1] for row in clusters}
    assert names["formel"] == "'" + FORMULA_NAME
    assert names["alfa"] == "Alfakluster"


def test_memberships_are_counts_by_cluster_and_type(sheets):
    rows = {(row[0], row[1]): (row[2], row[3]) for row in _body(sheet_by_file(sheets, "memberships"))}
    assert rows == {
        ("alfa", "large_company"): (1, 0),
        ("alfa", "sme"): (1, 1),
        ("formel", "research"): (1, 1),
        ("formel", "sme"): (1, 0),
    }


def test_labels_awarded_by_the_day_with_whether_in_force(sheets):
    rows = [(row[0], row[1], row[6]) for row in _body(sheet_by_file(sheets, "labels"))]
    assert sorted(rows) == [("alfa", "silver", 1), ("formel", "bronze", 0)]


def test_activities_participation_and_feedback(sheets):
    activities = _body(sheet_by_file(sheets, "activities"))
    assert len(activities) == 1  # the later workshop and this year's seminar come after the day
    fair = activities[0]
    assert fair[1] == "Hannover Messe" and fair[3].date() == datetime.date(2025, 3, 10)
    assert fair[4:] == [3, 1, 2, 2]  # registered, attended, clusters, feedback responses
    participation = {row[0]: (row[2], row[3]) for row in _body(sheet_by_file(sheets, "participation"))}
    assert participation == {"alfa": (2, 1), "formel": (1, 0)}
    feedback = {row[1]: (row[2], row[3]) for row in _body(sheet_by_file(sheets, "feedback"))}
    assert feedback == {"q1": (2, 4.5), "q2": (1, 3)}


def test_applications_and_funding_intentions(sheets):
    applications = _body(sheet_by_file(sheets, "applications"))
    assert [(row[1], row[2]) for row in applications] == [("alfa", "selected")]
    assert applications[0][3].date() == datetime.date(2024, 2, 1)
    funding = _body(sheet_by_file(sheets, "funding"))
    assert [(row[0], row[2]) for row in funding] == [("FUND-1", 2)]


def test_data_dictionary_describes_every_column_of_every_sheet(sheets):
    dictionary = list(sheets.values())[-1]
    described = {}
    for row in dictionary[1:]:
        described.setdefault(row[0], []).append(row[2])
        assert row[3] and row[5]  # a meaning and a source for each column
    for title, rows in list(sheets.items())[:-1]:
        assert described[title] == [str(header) for header in rows[0]], title


def test_no_personal_data_in_the_workbook(sheets):
    text = " ".join(str(value) for value in cells(sheets))
    assert "example.org" not in text
    assert "Person " not in text
    assert "Testföretag" not in text


def test_zip_has_a_csv_per_topic_the_dictionary_and_a_readme(client, world):
    client.force_login(world.users["officer"])
    response = client.get("/en/uppfoljning/utvardering/export.zip" + QUERY)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    members = zip_members(response.content)
    for name in ["clusters.csv", "memberships.csv", "labels.csv", "kpis.csv", "data_dictionary.csv", "README.txt"]:
        assert name in members, name
    clusters = csv_rows(members["clusters.csv"])
    assert clusters[0][:2] == ["Cluster", "Name"]
    assert sorted(row[1] for row in clusters[1:]) == sorted(["Alfakluster", "'" + FORMULA_NAME])
    dictionary = csv_rows(members["data_dictionary.csv"])
    files = {row[1] for row in dictionary[1:]}
    assert files == {name for name in members if name.endswith(".csv")} - {"data_dictionary.csv"}
    readme = members["README.txt"].decode("utf-8")
    assert "rapportprogram" in readme and "2025-06-30" in readme and "data_dictionary.csv" in readme
    assert b"example.org" not in b"".join(members.values())


@pytest.mark.parametrize(
    ("persona", "status"),
    [("officer", 200), ("regional_north", 404), ("manager_alfa", 404), ("outsider", 404)],
)
def test_only_officers_may_export(client, world, persona, status):
    client.force_login(world.users[persona])
    assert client.get("/uppfoljning/utvardering/export.zip" + QUERY).status_code == status


def test_anonymous_signs_in_and_bad_input_is_refused(client, world):
    assert client.get("/uppfoljning/utvardering/export.xlsx").status_code == 302
    client.force_login(world.users["officer"])
    assert client.get("/uppfoljning/utvardering/export.csv" + QUERY).status_code == 404
    assert client.get("/uppfoljning/utvardering/export.xlsx?as_of=2025-13-45").status_code == 400


SURVEY = {
    "sections": [
        {
            "code": "programme",
            "title_sv": "Programmet",
            "title_en": "The programme",
            "fields": [{"code": "relevance", "kind": "scale", "label_sv": "Relevans", "label_en": "Relevance"}],
        }
    ]
}


def _survey(programme, answers, min_group=3):
    questions = QuestionSet.objects.create(name_sv="Frågor", name_en="Questions", definition=SURVEY)
    survey = Survey.objects.create(
        programme=programme,
        question_set=questions,
        definition=SURVEY,
        title_sv="Enkät",
        title_en="Survey",
        audience="cluster_managers",
        opens_on=datetime.date(2025, 5, 1),
        closes_on=datetime.date(2025, 5, 31),
        min_group=min_group,
    )
    for given in answers:
        SurveyResponse.objects.create(survey=survey, answers=given, submitted_on=datetime.date(2025, 5, 2))
    return survey


def test_survey_results_are_counts_and_means_and_small_groups_are_left_out(client, world):
    shown = _survey(world.programme, [{"relevance": 4}, {"relevance": 4}, {"relevance": 2}])
    _survey(world.programme, [{"relevance": 5}, {"relevance": 1}])  # two answers: below the smallest group
    client.force_login(world.users["officer"])
    sheets = workbook(client.get("/uppfoljning/utvardering/export.xlsx" + QUERY).content)
    rows = _body(sheet_by_file(sheets, "surveys"))
    assert {row[0] for row in rows} == {shown.pk}
    counts = {row[6]: row[7] for row in rows if row[6] not in ("", None)}
    assert counts.get(4) == 2 and counts.get(2) == 1
    means = [row[8] for row in rows if row[8] is not None]
    assert means == [3.33]


def test_export_query_count_does_not_grow_with_the_programme(client, world, django_assert_num_queries):
    client.force_login(world.users["officer"])
    path = "/uppfoljning/utvardering/export.xlsx" + QUERY
    client.get(path)  # warm caches
    with django_assert_num_queries(EXPORT_QUERIES):
        client.get(path)
    add_clusters(world.programme, 8, world.north)
    with django_assert_num_queries(EXPORT_QUERIES):
        response = client.get(path)
    assert len(_body(sheet_by_file(workbook(response.content), "clusters"))) == 10


EXPORT_QUERIES = 35


def test_kpis_have_a_row_per_year_with_entered_values(client, world):
    kpi = Kpi.objects.create(
        programme=world.programme,
        code="nojdhet",
        name_sv="Nöjdhet",
        name_en="Satisfaction",
        definition_sv="Andel nöjda.",
        definition_en="Share satisfied.",
        unit="percent",
        source="entered",
        baseline=50,
        target=80,
    )
    KpiValue.objects.create(kpi=kpi, period="2024", value=Decimal("61.50"))
    client.force_login(world.users["officer"])
    rows = _body(sheet_by_file(workbook(client.get("/uppfoljning/utvardering/export.xlsx" + QUERY).content), "kpis"))
    assert [row[6] for row in rows] == ["2021", "2022", "2023", "2024", "2025"]  # five years up to the as-of day
    by_year = {row[6]: (row[7], row[8]) for row in rows}
    assert by_year["2024"] == (61.5, "entered")
    assert by_year["2025"] == (None, "missing")
    assert rows[0][:6] == ["nojdhet", "Nöjdhet", "percent", "entered", 50, 80]


def test_swedish_zip_uses_semicolons_and_the_active_languages_headers(client, world):
    client.force_login(world.users["officer"])
    members = zip_members(client.get("/uppfoljning/utvardering/export.zip" + QUERY).content)
    header = members["clusters.csv"].decode("utf-8-sig").splitlines()[0]
    with translation.override("sv"):
        expected = [str(gettext_lazy("Cluster")), str(gettext_lazy("Name"))]
    assert header.split(";")[:2] == expected
    assert '";"' in members["README.txt"].decode("utf-8")
