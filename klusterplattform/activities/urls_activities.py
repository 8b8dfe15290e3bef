"""Routes of activities, their documents, registrations and attendance (under /aktiviteter/)."""

from django.urls import path

from .views_activities import documents, exports, pages, registrations

urlpatterns: list = [
    path("aktiviteter/", pages.activity_list, name="activities"),
    path("aktiviteter/export.<str:file_format>", exports.activities_export, name="activities_export"),
    path("aktiviteter/ny/", pages.activity_create, name="activity_create"),
    path("aktiviteter/<int:pk>/", pages.activity_detail, name="activity"),
    path("aktiviteter/<int:pk>/redigera/", pages.activity_edit, name="activity_edit"),
    path("aktiviteter/<int:pk>/ta-bort/", pages.activity_delete, name="activity_delete"),
    path("aktiviteter/<int:pk>/dokument/ny/", documents.document_upload, name="document_upload"),
    path("aktiviteter/<int:pk>/dokument/<int:document_id>/", documents.document_download, name="document"),
    path("aktiviteter/<int:pk>/dokument/<int:document_id>/ta-bort/", documents.document_delete, name="document_delete"),
    path("aktiviteter/<int:pk>/anmalan/", registrations.registration_create, name="registration_create"),
    path(
        "aktiviteter/<int:pk>/anmalningar/<int:registration_id>/avboka/",
        registrations.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "aktiviteter/<int:pk>/anmalningar/export.<str:file_format>",
        registrations.registrations_export,
        name="registrations_export",
    ),
    path("aktiviteter/<int:pk>/narvaro/", registrations.attendance_view, name="attendance"),
    path("aktiviteter/<int:pk>/narvaro/lista/", registrations.attendance_upload, name="attendance_upload"),
]
