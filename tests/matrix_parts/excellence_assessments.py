"""Self-assessment pages in the permission matrix (the assessments API is another part's).

The world: a round of the open programme, cluster A's draft (with one evidence file) in it, and in a second round
A's assessment under validation, assigned to the assessor persona. Assessments are never public: whoever is outside
A's scope gets 404. Rounds are the way into the workflow for everyone with a role in it; the reviewer has none.
Filling in is the cluster's own managers' alone (officers and admins read); validating is the assigned assessor's
(and the admin's).
"""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.matrix_common import GET, POST, Call, page, statuses

EVIDENCE = "excellence/evidence/matrix-evidence.pdf"

ROUNDS = statuses(200, anonymous=302, reviewer=403)
# Who sees A's assessments: its manager, the regional officer of its region, officers and admins.
A_SEES = statuses(404, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
# Changing A's draft: its managers only; the others who see it are refused.
A_FILLS = statuses(404, anonymous=302, manager_a=200, regional_in=403, officer=403, admin=403)
# A's assessment under validation, seen also by its assessor; validating is the assessor's and the admin's.
U_VALIDATES = statuses(404, anonymous=302, manager_a=403, regional_in=403, assessor=200, officer=403, admin=200)

PAGES = {
    "bedomningsomgangar/": page(Call(GET, "/bedomningsomgangar/", ROUNDS)),
    "bedomningsomgangar/ny/": page(
        Call(GET, "/bedomningsomgangar/ny/", statuses(403, anonymous=302, officer=200, admin=200))
    ),
    "bedomningsomgangar/<slug:slug>/": page(Call(GET, "/bedomningsomgangar/{round}/", ROUNDS)),
    # A has an assessment in the round already: whoever may start it is led to that one (302).
    "bedomningsomgangar/<slug:slug>/starta/": page(
        Call(
            POST,
            "/bedomningsomgangar/{round}/starta/",
            statuses(404, anonymous=302, manager_a=302, regional_in=403, officer=302, admin=302),
            {"cluster": "kluster-a"},
        )
    ),
    "bedomningar/": page(Call(GET, "/bedomningar/", statuses(200, anonymous=302))),
    "bedomningar/<int:pk>/": page(
        Call(GET, "/bedomningar/{assessment_a}/", A_SEES),
        Call(GET, "/bedomningar/{assessment_u}/", {**A_SEES, "assessor": 200}),
    ),
    "bedomningar/<int:pk>/omrade/<str:area>/": page(
        Call(GET, "/bedomningar/{assessment_a}/omrade/structure/", A_FILLS)
    ),
    "bedomningar/<int:pk>/underlag/<int:evidence_id>/": page(
        Call(GET, "/bedomningar/{assessment_a}/underlag/{evidence_a}/", A_SEES)
    ),
    "bedomningar/<int:pk>/underlag/<int:evidence_id>/ta-bort/": page(
        Call(GET, "/bedomningar/{assessment_a}/underlag/{evidence_a}/ta-bort/", A_FILLS)
    ),
    "bedomningar/<int:pk>/kommentar/": page(
        Call(
            POST,
            "/bedomningar/{assessment_u}/kommentar/",
            {**U_VALIDATES, "assessor": 302, "admin": 302},
            {"indicator": "S1", "text": "Source?"},
        )
    ),
    "bedomningar/<int:pk>/<transition:action>/": page(
        Call(GET, "/bedomningar/{assessment_a}/submit/", A_FILLS),
        Call(GET, "/bedomningar/{assessment_u}/validate/", U_VALIDATES),
        Call(GET, "/bedomningar/{assessment_u}/return/", U_VALIDATES),
        # Assigning is for officers: on A's draft it is not possible yet, so they are sent back with a message.
        Call(
            GET,
            "/bedomningar/{assessment_a}/assign/",
            statuses(404, anonymous=302, manager_a=403, regional_in=403, officer=302, admin=302),
        ),
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.excellence.models import Assessment, Evidence
    from klusterplattform.excellence.tests.factories import RoundFactory, small_catalogue
    from klusterplattform.registry.models import Programme, ProgrammeParticipation

    # "programme" is the open programme's slug by now (the world's values override its objects).
    programme, cluster_a = Programme.objects.get(slug="open-programme"), objects["cluster_a"]
    catalogue = small_catalogue()
    first = RoundFactory(slug="matrix-round", programme=programme, catalogue=catalogue)
    second = RoundFactory(
        slug="matrix-round-2",
        programme=programme,
        catalogue=catalogue,
        opens_on=datetime.date(2027, 8, 1),
        closes_on=datetime.date(2027, 9, 30),
    )
    ProgrammeParticipation.objects.get_or_create(programme=programme, cluster=cluster_a)
    draft = Assessment.objects.create(round=first, cluster=cluster_a, catalogue=catalogue)
    validating = Assessment.objects.create(
        round=second,
        cluster=cluster_a,
        catalogue=catalogue,
        status="under_validation",
        assessor=objects["users"]["assessor"],
    )
    if not default_storage.exists(EVIDENCE):
        default_storage.save(EVIDENCE, ContentFile(b"%PDF-1.4\n% matrix\n"))
    # bulk_create: the audit trail cannot serialise a file field on save() (see excellence/evidence.py).
    (evidence,) = Evidence.objects.bulk_create(
        [Evidence(assessment=draft, indicator=catalogue.indicators.get(code="F3"), file=EVIDENCE, name="strategy.pdf")]
    )
    return {
        "round": first.slug,
        "assessment_a": draft.pk,
        "assessment_u": validating.pk,
        "evidence_a": evidence.pk,
    }
