"""Routes of calls (under /utlysningar/): the public list and page, documents, and the officers' pages."""

from django.urls import path

from . import views_calls as views
from . import views_list_exports as exports

urlpatterns: list = [
    path("utlysningar/", views.call_list, name="calls"),
    path("utlysningar/export.<str:file_format>", exports.calls_export, name="calls_export"),
    path("utlysningar/ny/", views.call_create, name="call_create"),
    path("utlysningar/<slug:slug>/", views.call_detail, name="call"),
    path("utlysningar/<slug:slug>/redigera/", views.call_edit, name="call_edit"),
    path("utlysningar/<slug:slug>/formular/", views.form_editor, name="call_form"),
    path("utlysningar/<slug:slug>/kriterier/", views.call_criteria, name="call_criteria"),
    path("utlysningar/<slug:slug>/faser/", views.call_phases, name="call_phases"),
    path("utlysningar/<slug:slug>/dokument/ny/", views.document_upload, name="call_document_upload"),
    path("utlysningar/<slug:slug>/dokument/<int:document_id>/", views.document_download, name="call_document"),
    path(
        "utlysningar/<slug:slug>/dokument/<int:document_id>/ta-bort/",
        views.document_delete,
        name="call_document_delete",
    ),
]
