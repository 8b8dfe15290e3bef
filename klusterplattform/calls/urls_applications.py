from django.urls import path

from . import views_list_exports as exports
from .views_applications import editors, endorsements, lists, pages

urlpatterns = [
    path("utlysningar/<slug:slug>/ansok/", pages.application_start, name="application_start"),
    path("utlysningar/<slug:slug>/ansokningar/", lists.call_applications, name="call_applications"),
    path(
        "utlysningar/<slug:slug>/ansokningar/export.<str:file_format>",
        exports.applications_export,
        name="call_applications_export",
    ),
    path("ansokningar/regionala-beslut/", endorsements.endorsement_list, name="endorsements"),
    path(
        "ansokningar/regionala-beslut/export.<str:file_format>",
        exports.endorsements_export,
        name="endorsements_export",
    ),
    path("ansokningar/regionala-beslut/<int:pk>/", endorsements.endorsement_answer, name="endorsement"),
    path("ansokningar/inbjudan/<str:token>/", editors.application_invitation, name="application_invitation"),
    path("ansokningar/<int:pk>/", pages.application_detail, name="application"),
    path("ansokningar/<int:pk>/redigera/", pages.application_edit, name="application_edit"),
    path("ansokningar/<int:pk>/bilagor/<int:file_id>/", pages.application_file, name="application_file"),
    path(
        "ansokningar/<int:pk>/bilagor/<int:file_id>/ta-bort/",
        pages.application_file_delete,
        name="application_file_delete",
    ),
    path("ansokningar/<int:pk>/atgard/<slug:action>/", pages.application_action, name="application_action"),
    path("ansokningar/<int:pk>/redaktorer/", editors.application_editors, name="application_editors"),
    path(
        "ansokningar/<int:pk>/redaktorer/<int:editor_id>/ta-bort/",
        editors.application_editor_remove,
        name="application_editor_remove",
    ),
]
