"""Page routes of the needs analysis (included by urls.py under the "activities" namespace)."""

from django.urls import path

from . import views_needs as views
from . import views_programme_exports as exports

urlpatterns: list = [
    path("program/<slug:slug>/behovsanalys/", views.needs_analysis, name="needs"),
    path("program/<slug:slug>/behovsanalys/export.xlsx", views.needs_xlsx, name="needs_xlsx"),
    path("program/<slug:slug>/behovsanalys/export.pdf", views.needs_pdf, name="needs_pdf"),
    path(
        "program/<slug:slug>/behovsanalys/<slug:round_slug>/mina-behov/<slug:cluster_slug>/",
        views.stated_needs,
        name="stated_needs",
    ),
    path("program/<slug:slug>/fokusomraden/", views.focus_list, name="focus_list"),
    path("program/<slug:slug>/fokusomraden/export.<str:file_format>", exports.focus_export, name="focus_export"),
    path("program/<slug:slug>/fokusomraden/anvand-standard/", views.focus_adopt, name="focus_adopt"),
    path("program/<slug:slug>/fokusomraden/nytt/", views.focus_create, name="focus_create"),
    path("program/<slug:slug>/fokusomraden/<int:pk>/", views.focus_edit, name="focus_edit"),
    path("program/<slug:slug>/fokusomraden/<int:pk>/ta-bort/", views.focus_delete, name="focus_delete"),
]
