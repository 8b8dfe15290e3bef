from .kpis import Kpi, KpiSource, KpiUnit, KpiValue
from .surveys import QuestionSet, Survey, SurveyAudience, SurveyInvitation, SurveyResponse

__all__ = [
    "Kpi",
    "KpiSource",
    "KpiUnit",
    "KpiValue",
    "QuestionSet",
    "Survey",
    "SurveyAudience",
    "SurveyInvitation",
    "SurveyResponse",
]
