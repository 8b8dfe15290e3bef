"""The demo step "evaluation": demo KPIs (computed and entered), the starter question sets and a survey with enough
fictional responses to show results, all on the demo programme, and removable."""

import pytest

from klusterplattform.registry.demo import DemoContext, registered_steps
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.tests.factories import ProgrammeFactory
from klusterplattform.reporting import demo, kpis, surveys
from klusterplattform.reporting.kpi_metrics import recent_periods
from klusterplattform.reporting.models import Kpi, QuestionSet, Survey, SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    programme = ProgrammeFactory(slug=PROGRAMME_SLUG, is_demo=True)
    demo.make_evaluation(DemoContext())
    return programme


def test_the_demo_programme_gets_kpis_with_computed_and_entered_values(programme):
    assert set(Kpi.objects.values_list("programme__slug", flat=True)) == {PROGRAMME_SLUG}
    rows = kpis.kpi_table(programme, recent_periods("year", 3))
    origins = {row.kpi.code: [cell.origin for cell in row.cells] for row in rows}
    assert origins["clusters"] == ["computed"] * 3
    assert origins["co-financing"][:2] == ["entered", "entered"]


def test_the_demo_survey_shows_results_and_every_question_set_is_valid(programme):
    survey = Survey.objects.get(programme=programme)
    assert surveys.results(survey).shown
    assert SurveyResponse.objects.filter(survey=survey).count() == 5
    for question_set in QuestionSet.objects.all():
        assert surveys.validate_definition(question_set.definition) == []
    assert QuestionSet.objects.count() == 2


def test_the_step_is_loaded_once_and_removed(programme):
    step = next(step for step in registered_steps() if step.name == demo.STEP)
    assert step.is_loaded()
    step.remove()
    assert not step.is_loaded()
    assert not Survey.objects.exists() and not QuestionSet.objects.exists()
