"""Routes of the register (under /finansiering/): the list and its export, entering a call, and a call's pages.

Identifiers may contain slashes (EuropeAid/186246/DD/ACT/NG), so they are matched with <path:…>: the routes that end
in a fixed word come first and the bare call page last (forms.RESERVED_ENDINGS keeps identifiers from ending in one).
"""

from django.urls import path

from . import views_calls as views

urlpatterns: list = [
    path("finansiering/", views.call_list, name="calls"),
    path("finansiering/export.<str:file_format>", views.call_export, name="export"),
    path("finansiering/ny/", views.call_add, name="call_add"),
    path("finansiering/utlysning/<path:identifier>/andra/", views.call_edit, name="call_edit"),
    path("finansiering/utlysning/<path:identifier>/ta-bort/", views.call_delete, name="call_delete"),
    path("finansiering/utlysning/<path:identifier>/", views.call_detail, name="call"),
]
