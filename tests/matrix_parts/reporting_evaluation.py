"""The KPI and evaluation-survey pages in the permission matrix.

KPIs are seen by officers, admins and regional officers (kpi.view) and managed by officers and admins (kpi.manage);
the survey pages are the officers' and admins' (survey.manage, survey.results). The list exports follow their pages;
an unknown format is a 404. For anyone else the pages do not
exist (404); anonymous visitors are sent to sign in. Answering a survey needs an invitation: manager_a is invited,
everyone else gets 404. Deleting a value, sending a survey and reminding are POST only.
"""

from tests.matrix_common import GET, POST, SIGNED_IN, STAFF_PAGE, Call, page, statuses

KPI_VIEW = statuses(404, anonymous=302, regional_in=200, regional_out=200, officer=200, admin=200)
STAFF_POST = statuses(404, anonymous=302, officer=302, admin=302)
POST_ONLY = statuses(405)

PAGES = {
    "uppfoljning/kpi/": page(Call(GET, "/uppfoljning/kpi/?programme={programme}", KPI_VIEW)),
    "uppfoljning/kpi/export.<str:file_format>": page(
        Call(GET, "/uppfoljning/kpi/export.csv?programme={programme}", KPI_VIEW),
        Call(GET, "/uppfoljning/kpi/export.pdf?programme={programme}", statuses(404, anonymous=302)),
    ),
    "uppfoljning/kpi/ny/": page(Call(GET, "/uppfoljning/kpi/ny/?programme={programme}", STAFF_PAGE)),
    "uppfoljning/kpi/<int:pk>/andra/": page(Call(GET, "/uppfoljning/kpi/{kpi}/andra/", STAFF_PAGE)),
    "uppfoljning/kpi/<int:pk>/ta-bort/": page(
        Call(GET, "/uppfoljning/kpi/{kpi}/ta-bort/", STAFF_PAGE),
        Call(POST, "/uppfoljning/kpi/{kpi}/ta-bort/", STAFF_POST),
    ),
    "uppfoljning/kpi/<int:pk>/varden/": page(
        Call(GET, "/uppfoljning/kpi/{kpi}/varden/", STAFF_PAGE),
        Call(POST, "/uppfoljning/kpi/{kpi}/varden/", STAFF_POST, {"period": "2024"}),
    ),
    "uppfoljning/kpi/<int:pk>/varden/<int:value_pk>/ta-bort/": page(
        Call(GET, "/uppfoljning/kpi/{kpi}/varden/{kpi_value}/ta-bort/", POST_ONLY),
        Call(POST, "/uppfoljning/kpi/{kpi}/varden/{kpi_value}/ta-bort/", STAFF_POST),
    ),
    "enkater/": page(Call(GET, "/enkater/", STAFF_PAGE)),
    "enkater/export.<str:file_format>": page(
        Call(GET, "/enkater/export.csv", STAFF_PAGE), Call(GET, "/enkater/export.xlsx", STAFF_PAGE)
    ),
    "enkater/ny/": page(Call(GET, "/enkater/ny/", STAFF_PAGE)),
    # Everyone signed in has a list of their own invitations (empty for most).
    "enkater/mina/": page(Call(GET, "/enkater/mina/", SIGNED_IN)),
    "enkater/<int:pk>/": page(Call(GET, "/enkater/{survey}/", statuses(404, anonymous=302, manager_a=200))),
    "enkater/<int:pk>/uppfoljning/": page(Call(GET, "/enkater/{survey}/uppfoljning/", STAFF_PAGE)),
    "enkater/<int:pk>/skicka/": page(
        Call(GET, "/enkater/{survey}/skicka/", POST_ONLY),
        Call(POST, "/enkater/{survey}/skicka/", STAFF_POST),
    ),
    "enkater/<int:pk>/paminn/": page(
        Call(GET, "/enkater/{survey}/paminn/", POST_ONLY),
        Call(POST, "/enkater/{survey}/paminn/", STAFF_POST),
    ),
    "enkater/<int:pk>/resultat/": page(Call(GET, "/enkater/{survey}/resultat/", STAFF_PAGE)),
    "enkater/<int:pk>/resultat/export.<str:file_format>": page(
        Call(GET, "/enkater/{survey}/resultat/export.xlsx", STAFF_PAGE)
    ),
    "enkater/fragor/": page(Call(GET, "/enkater/fragor/", STAFF_PAGE)),
    "enkater/fragor/export.<str:file_format>": page(
        Call(GET, "/enkater/fragor/export.csv", STAFF_PAGE),
        Call(GET, "/enkater/fragor/export.json", statuses(404, anonymous=302)),
    ),
    "enkater/fragor/ny/": page(Call(GET, "/enkater/fragor/ny/", STAFF_PAGE)),
    "enkater/fragor/<int:pk>/": page(Call(GET, "/enkater/fragor/{question_set}/", STAFF_PAGE)),
}


def values(objects: dict) -> dict:
    import datetime

    from django.utils import timezone

    from klusterplattform.registry.models import Programme
    from klusterplattform.reporting.models import Kpi, KpiValue, QuestionSet, Survey, SurveyInvitation

    programme = Programme.objects.get(slug="open-programme")  # objects["programme"] is its slug
    kpi = Kpi.objects.create(
        programme=programme,
        code="matrix-clusters",
        name_sv="Kluster",
        name_en="Clusters",
        definition_sv="d",
        definition_en="d",
        source="computed",
        metric="clusters",
    )
    value = KpiValue.objects.create(kpi=kpi, period="2023", value=1)
    definition = {
        "sections": [
            {
                "code": "s",
                "title_sv": "S",
                "title_en": "S",
                "fields": [{"code": "q", "kind": "scale", "label_sv": "F", "label_en": "Q"}],
            }
        ]
    }
    question_set = QuestionSet.objects.create(name_sv="Matris", name_en="Matrix", definition=definition)
    today = timezone.localdate()
    survey = Survey.objects.create(
        programme=programme,
        question_set=question_set,
        definition=definition,
        title_sv="Matrisenkät",
        title_en="Matrix survey",
        audience="cluster_managers",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=1),
    )
    SurveyInvitation.objects.create(survey=survey, user=objects["users"]["manager_a"])
    return {"kpi": kpi.pk, "kpi_value": value.pk, "survey": survey.pk, "question_set": question_set.pk}
