"""Page routes of the excellence module: assessments (included by urls.py under the "excellence" namespace)."""

from django.urls import path, register_converter

from . import views_assessments as views
from . import views_list_exports as exports
from .workflow import TRANSITIONS


class TransitionConverter:
    """Only the workflow's transition codes: `bedomningar/<pk>/benchmark/` and the like stay other pages' routes."""

    regex = "|".join(sorted(TRANSITIONS))

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TransitionConverter, "transition")

urlpatterns: list = [
    path("bedomningsomgangar/", views.round_list, name="rounds"),
    path("bedomningsomgangar/export.<str:file_format>", exports.rounds_export, name="rounds_export"),
    path("bedomningsomgangar/ny/", views.round_create, name="round_create"),
    path("bedomningsomgangar/<slug:slug>/", views.round_detail, name="round"),
    path("bedomningsomgangar/<slug:slug>/starta/", views.round_start, name="round_start"),
    path("bedomningar/", views.assessment_list, name="assessments"),
    path("bedomningar/export.<str:file_format>", exports.assessments_export, name="assessments_export"),
    path("bedomningar/<int:pk>/", views.assessment_detail, name="assessment"),
    path("bedomningar/<int:pk>/omrade/<str:area>/", views.assessment_area, name="assessment_area"),
    path("bedomningar/<int:pk>/underlag/<int:evidence_id>/", views.evidence_download, name="evidence"),
    path("bedomningar/<int:pk>/underlag/<int:evidence_id>/ta-bort/", views.evidence_delete, name="evidence_delete"),
    path("bedomningar/<int:pk>/kommentar/", views.assessment_comment, name="assessment_comment"),
    path("bedomningar/<int:pk>/<transition:action>/", views.assessment_transition, name="assessment_transition"),
]
