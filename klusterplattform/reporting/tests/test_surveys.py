"""Evaluation surveys as services: question sets checked, sending to the audience (idempotent), answering once,
anonymity, and results only from the smallest group up."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import RegionFactory, UserFactory
from klusterplattform.reporting import surveys
from klusterplattform.reporting.models import QuestionSet, Survey, SurveyInvitation, SurveyResponse

from .world_evaluation import build_world, personas

pytestmark = pytest.mark.django_db

DEFINITION = {
    "sections": [
        {
            "code": "programme",
            "title_sv": "Programmet",
            "title_en": "The programme",
            "fields": [
                {
                    "code": "relevance",
                    "kind": "scale",
                    "label_sv": "Relevans",
                    "label_en": "Relevance",
                    "required": True,
                },
                {"code": "ten", "kind": "scale", "label_sv": "Tio", "label_en": "Ten", "low": 0, "high": 10},
                {
                    "code": "focus",
                    "kind": "choice",
                    "label_sv": "Fokus",
                    "label_en": "Focus",
                    "options": [
                        {"code": "a", "label_sv": "A", "label_en": "A"},
                        {"code": "b", "label_sv": "B", "label_en": "B"},
                    ],
                },
                {"code": "comment", "kind": "textarea", "label_sv": "Kommentar", "label_en": "Comment"},
            ],
        }
    ]
}


def make_survey(programme, audience="cluster_managers", opens=-5, closes=5, min_group=3, definition=DEFINITION):
    today = timezone.localdate()
    question_set = QuestionSet.objects.create(name_sv="Frågor", name_en="Questions", definition=definition)
    return Survey.objects.create(
        programme=programme,
        question_set=question_set,
        definition=definition,
        title_sv="Enkät",
        title_en="Survey",
        audience=audience,
        opens_on=today + datetime.timedelta(days=opens),
        closes_on=today + datetime.timedelta(days=closes),
        min_group=min_group,
    )


@pytest.fixture
def world():
    world = build_world()
    world.users = personas(world)
    c2 = world.clusters["C2"]
    world.manager_c2 = UserFactory(email="manager-c2@example.org")
    grant_role(world.manager_c2, "cluster_manager", clusters=[c2.slug])
    world.manager_c5 = UserFactory(email="manager-c5@example.org")  # C5 is outside the programme
    grant_role(world.manager_c5, "cluster_manager", clusters=[world.clusters["C5"].slug])
    world.manager_c3 = UserFactory(email="manager-c3@example.org")  # C3 withdrew
    grant_role(world.manager_c3, "cluster_manager", clusters=[world.clusters["C3"].slug])
    world.regional_south = UserFactory(email="regional-south@example.org")
    grant_role(world.regional_south, "regional_officer", regions=[c2.regions.get().code])
    world.regional_elsewhere = UserFactory(email="regional-elsewhere@example.org")
    grant_role(world.regional_elsewhere, "regional_officer", regions=[RegionFactory(code="99").code])
    return world


def test_the_definition_is_checked_with_scale_questions():
    assert surveys.validate_definition(DEFINITION) == []
    bad = {
        "sections": [
            {
                "code": "s",
                "title_sv": "S",
                "title_en": "S",
                "fields": [
                    {"code": "x", "kind": "scale", "label_sv": "X", "label_en": "X", "low": 5, "high": 1},
                    {"code": "y", "kind": "scale", "label_sv": "Y", "label_en": "", "colour": "red"},
                    {"code": "x", "kind": "poll", "label_sv": "Z", "label_en": "Z"},
                ],
            }
        ]
    }
    problems = surveys.validate_definition(bad)
    assert "sections[0].fields[0].high: low and high are whole numbers from 0 to 10, low below high" in problems
    assert "sections[0].fields[1].colour: unknown key" in problems
    assert "sections[0].fields[1].label_en: required text is missing" in problems
    assert any(p.startswith("sections[0].fields[2].code:") for p in problems)  # used twice
    assert any(p.startswith("sections[0].fields[2].kind:") for p in problems)
    assert surveys.validate_definition([]) != []


def test_the_form_has_a_scale_from_the_definition(world):
    survey = make_survey(world.programme)
    form = surveys.answer_form(survey, {"relevance": "4", "ten": "9", "focus": "b", "comment": "Bra"})
    assert form.is_valid(), form.errors
    assert surveys.forms_engine.answers_from(form) == {"relevance": 4, "ten": 9, "focus": "b", "comment": "Bra"}
    assert not surveys.answer_form(survey, {"relevance": "6"}).is_valid()
    assert not surveys.answer_form(survey, {}).is_valid()  # relevance is required


def test_sending_to_cluster_managers_invites_the_managers_of_the_programmes_clusters_once(world):
    survey = make_survey(world.programme)
    new = surveys.send(survey)
    assert {i.user for i in new} == {world.users["manager"], world.manager_c2}
    assert surveys.send(survey) == []
    assert survey.invitations.count() == 2


def test_sending_to_regional_officers_invites_those_of_the_regions_with_programme_clusters(world):
    survey = make_survey(world.programme, audience="regional_officers")
    surveys.send(survey)
    invited = set(survey.invitations.values_list("user__email", flat=True))
    assert invited == {world.users["regional"].email, world.regional_south.email}


def test_an_invited_user_answers_once_and_the_response_has_no_link_to_them(world):
    survey = make_survey(world.programme)
    surveys.send(survey)
    manager = world.users["manager"]
    response = surveys.submit(survey, manager, {"relevance": 5})
    with pytest.raises(surveys.AlreadyAnswered):
        surveys.submit(survey, manager, {"relevance": 1})
    assert SurveyResponse.objects.count() == 1
    assert response.submitted_on == timezone.localdate()
    assert SurveyInvitation.objects.get(user=manager).responded_on == timezone.localdate()
    related = {f.related_model for f in SurveyResponse._meta.get_fields() if f.is_relation}
    assert related == {Survey}  # no user, no invitation


def test_the_uninvited_and_a_closed_survey_are_refused_and_nothing_is_written(world):
    survey = make_survey(world.programme)
    surveys.send(survey)
    with pytest.raises(surveys.NotInvited):
        surveys.submit(survey, world.users["outsider"], {"relevance": 5})
    closed = make_survey(world.programme, opens=-10, closes=-1)
    surveys.send(closed)
    with pytest.raises(surveys.NotOpen):
        surveys.submit(closed, world.users["manager"], {"relevance": 5})
    assert not SurveyResponse.objects.exists()
    assert not SurveyInvitation.objects.filter(responded_on__isnull=False).exists()


def _answer(survey, answers):
    for values in answers:
        user = UserFactory()
        SurveyInvitation.objects.create(survey=survey, user=user)
        surveys.submit(survey, user, values)


def test_results_are_hidden_below_the_smallest_group_and_summarised_from_it(world):
    survey = make_survey(world.programme, min_group=3)
    _answer(survey, [{"relevance": 5, "comment": "Första"}, {"relevance": 3, "focus": "a"}])
    hidden = surveys.results(survey)
    assert (hidden.responses, hidden.shown, hidden.summaries) == (2, False, [])
    assert surveys.anonymised_results(survey) == []
    _answer(survey, [{"relevance": 4, "focus": "a", "comment": "Andra"}])
    shown = surveys.results(survey)
    relevance, ten, focus, comment = shown.summaries
    assert relevance.counts == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1} and relevance.mean == 4.0
    assert ten.answered == 0
    assert focus.counts == {"a": 2, "b": 0}
    assert sorted(comment.texts) == ["Andra", "Första"]


def test_anonymised_rows_hold_counts_means_and_texts_without_dates(world):
    survey = make_survey(world.programme, min_group=3)
    _answer(survey, [{"relevance": 5, "comment": "Bra"}, {"relevance": 3}, {"relevance": 4}])
    rows = surveys.anonymised_results(survey)
    relevance = [(r.answer, r.count, r.mean) for r in rows if r.question == "relevance"]
    assert relevance == [(1, 0, None), (2, 0, None), (3, 1, None), (4, 1, None), (5, 1, None), ("", 3, 4.0)]
    assert [(r.answer, r.count) for r in rows if r.question == "comment"] == [("Bra", 1)]
    assert all(not isinstance(r.answer, datetime.date) for r in rows)


def test_free_texts_are_shuffled(world):
    survey = make_survey(world.programme, min_group=3)
    _answer(survey, [{"relevance": 1, "comment": t} for t in ("a", "b", "c")])
    reversed_order = surveys.results(survey, shuffle=lambda texts: texts.reverse())
    assert reversed_order.summaries[3].texts == list(
        reversed(surveys.results(survey, shuffle=lambda t: None).summaries[3].texts)
    )


def test_invitations_are_mailed_in_both_languages_but_not_for_the_demo(world, mailoutbox):
    survey = make_survey(world.programme)
    new = surveys.send(survey)
    assert surveys.mail_invitations(survey, new) == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.users["manager"].email, world.manager_c2.email])
    assert f"/enkater/{survey.pk}/" in mailoutbox[0].body
    world.programme.is_demo = True
    assert surveys.mail_invitations(survey, new) == 0


def test_the_personal_data_export_lists_invitations_but_no_answers(world):
    from klusterplattform.reporting.personal_data import invitations_of

    survey = make_survey(world.programme)
    surveys.send(survey)
    surveys.submit(survey, world.users["manager"], {"relevance": 2, "comment": "Privat"})
    [row] = invitations_of(world.users["manager"])
    assert (row["survey"], row["answered"]) == (survey.pk, timezone.localdate().isoformat())
    assert "Privat" not in str(row)
    assert invitations_of(world.users["outsider"]) == []
