"""The evaluation export's topics made by the evaluation modules: the KPI table (reporting/kpis.py) with a value per
period, and the anonymised results of the programme's evaluation surveys (reporting/surveys.py)."""

from django.utils.translation import gettext_lazy as _

from ..kpi_metrics import recent_periods
from ..kpis import kpi_table
from ..models import Survey
from ..surveys import anonymised_results
from .sources import COMPUTED, RECORD
from .topics import CODE, COUNT, TEXT, Field, Topic

KPI_PERIODS = 5  # the last five years up to the as-of day


def kpi_topics(scope) -> list[Topic]:
    periods = recent_periods("year", KPI_PERIODS, day=scope.as_of)
    rows = [(row.kpi, cell) for row in kpi_table(scope.programme, periods) for cell in row.cells]
    fields = [
        Field(_("KPI"), _("The KPI's code"), CODE, RECORD, lambda r: r[0].code),
        Field(_("Name"), _("The KPI's name"), TEXT, RECORD, lambda r: r[0].name),
        Field(_("Unit"), _("The KPI's unit"), CODE, RECORD, lambda r: r[0].unit),
        Field(
            _("Data source"),
            _("computed from the platform, or entered by an officer"),
            CODE,
            RECORD,
            lambda r: r[0].source,
        ),
        Field(_("Baseline"), _("The KPI's baseline value"), _("the KPI's unit"), RECORD, lambda r: r[0].baseline),
        Field(_("Target"), _("The KPI's target value"), _("the KPI's unit"), RECORD, lambda r: r[0].target),
        Field(_("Period"), _("The year the value is for"), CODE, RECORD, lambda r: r[1].period.code),
        Field(
            _("Value"),
            _("The KPI's value in the period (empty when missing)"),
            _("the KPI's unit"),
            COMPUTED,
            lambda r: r[1].value,
        ),
        Field(
            _("Origin"),
            _("computed now, frozen (computed and stored), entered, or missing"),
            CODE,
            COMPUTED,
            lambda r: r[1].origin,
        ),
    ]
    return [Topic("kpis", _("KPIs"), fields, rows)]


def survey_topics(scope) -> list[Topic]:
    """All the programme's surveys opened by the as-of day in one table; a survey with fewer answers than its
    minimum group has no rows (anonymised_results leaves it out)."""
    surveys = Survey.objects.filter(programme=scope.programme, opens_on__lte=scope.as_of).order_by("opens_on", "pk")
    rows = [(survey, row) for survey in surveys for row in anonymised_results(survey)]
    fields = [
        Field(_("Survey"), _("The survey's number in the platform"), CODE, RECORD, lambda r: r[0].pk),
        Field(_("Title"), _("The survey's title"), TEXT, RECORD, lambda r: r[0].title),
        Field(
            _("Audience"),
            _("Who was asked: cluster managers or regional officers"),
            CODE,
            RECORD,
            lambda r: r[0].audience,
        ),
        Field(_("Question"), _("The question's code"), CODE, RECORD, lambda r: r[1].question),
        Field(_("Question text"), _("The question as asked"), TEXT, RECORD, lambda r: r[1].label),
        Field(_("Kind"), _("The kind of question (scale, choice, text, ...)"), CODE, RECORD, lambda r: r[1].kind),
        Field(
            _("Answer"),
            _("An answer value, or a free-text answer (in random order); empty on a mean row"),
            TEXT,
            RECORD,
            lambda r: r[1].answer,
        ),
        Field(
            _("Count"),
            _("Responses with this answer (on a mean row: responses that answered)"),
            COUNT,
            COMPUTED,
            lambda r: r[1].count,
        ),
        Field(
            _("Mean"),
            _("The question's mean score, on its mean row"),
            _("the question's scale"),
            COMPUTED,
            lambda r: r[1].mean,
        ),
    ]
    return [Topic("surveys", _("Survey results"), fields, rows)]
