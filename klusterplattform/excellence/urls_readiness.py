"""Page routes of the excellence module: readiness (included by urls.py under the "excellence" namespace)."""

from django.urls import path

from . import views_readiness as views

urlpatterns: list = [
    path("kluster/<slug:slug>/beredskap/", views.readiness, name="readiness"),
    path("kluster/<slug:slug>/beredskap/forbattringsomraden/", views.improvement_areas, name="improvement_areas"),
    path("kluster/<slug:slug>/beredskap/deklaration/<str:code>/", views.declaration, name="readiness_declaration"),
]
