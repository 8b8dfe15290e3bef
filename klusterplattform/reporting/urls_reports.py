from django.urls import path

from . import views_reports

urlpatterns = [
    path("uppfoljning/rapport.<str:file_format>", views_reports.programme_report, name="programme_report"),
    path("uppfoljning/region/<str:code>/rapport.<str:file_format>", views_reports.region_report, name="region_report"),
    path("uppfoljning/kluster/<slug:slug>/faktablad.pdf", views_reports.factsheet, name="factsheet"),
    path("uppfoljning/utvardering/export.<str:file_format>", views_reports.evaluation_export, name="evaluation_export"),
]
