"""The evaluation pages: programme KPIs (/uppfoljning/kpi/) and evaluation surveys (/enkater/)."""

from django.urls import path

from . import views_kpis, views_surveys

urlpatterns = [
    path("uppfoljning/kpi/", views_kpis.kpi_table, name="kpis"),
    path("uppfoljning/kpi/export.<str:file_format>", views_kpis.kpi_export, name="kpi_export"),
    path("uppfoljning/kpi/ny/", views_kpis.kpi_create, name="kpi_create"),
    path("uppfoljning/kpi/<int:pk>/andra/", views_kpis.kpi_edit, name="kpi_edit"),
    path("uppfoljning/kpi/<int:pk>/ta-bort/", views_kpis.kpi_delete, name="kpi_delete"),
    path("uppfoljning/kpi/<int:pk>/varden/", views_kpis.kpi_values, name="kpi_values"),
    path(
        "uppfoljning/kpi/<int:pk>/varden/<int:value_pk>/ta-bort/",
        views_kpis.kpi_value_delete,
        name="kpi_value_delete",
    ),
    path("enkater/", views_surveys.survey_list, name="surveys"),
    path("enkater/export.<str:file_format>", views_surveys.survey_list_export, name="surveys_export"),
    path("enkater/ny/", views_surveys.survey_create, name="survey_create"),
    path("enkater/mina/", views_surveys.my_surveys, name="my_surveys"),
    path("enkater/<int:pk>/", views_surveys.survey_answer, name="survey_answer"),
    path("enkater/<int:pk>/uppfoljning/", views_surveys.survey_tracking, name="survey_tracking"),
    path("enkater/<int:pk>/skicka/", views_surveys.survey_send, name="survey_send"),
    path("enkater/<int:pk>/paminn/", views_surveys.survey_remind, name="survey_remind"),
    path("enkater/<int:pk>/resultat/", views_surveys.survey_results, name="survey_results"),
    path(
        "enkater/<int:pk>/resultat/export.<str:file_format>",
        views_surveys.survey_results_export,
        name="survey_results_export",
    ),
    path("enkater/fragor/", views_surveys.question_set_list, name="question_sets"),
    path(
        "enkater/fragor/export.<str:file_format>", views_surveys.question_set_list_export, name="question_sets_export"
    ),
    path("enkater/fragor/ny/", views_surveys.question_set_edit, name="question_set_create"),
    path("enkater/fragor/<int:pk>/", views_surveys.question_set_edit, name="question_set_edit"),
]
