"""Routes of fit and tracking. The cluster's slug comes before the call's identifier, because identifiers may
contain '/' and are matched with <path:…> at the end."""

from django.urls import path

from . import views_fit as views
from . import views_fit_export

urlpatterns: list = [
    path("finansiering/kluster/<slug:slug>/", views.calls_for_cluster, name="for_cluster"),
    path("finansiering/kluster/<slug:slug>/export.<str:file_format>", views_fit_export.fit_export, name="fit_export"),
    path("finansiering/kluster/<slug:slug>/utlysning/<path:identifier>/", views.interest, name="interest"),
    path("finansiering/kluster/<slug:slug>/bokmark/<path:identifier>", views.bookmark, name="bookmark"),
    path("finansiering/avsikter/", views.intentions, name="intentions"),
    path("finansiering/avsikter/export.<str:file_format>", views.intentions_export, name="intentions_export"),
]
