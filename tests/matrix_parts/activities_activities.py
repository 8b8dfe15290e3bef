"""Activities, their documents, registrations and attendance in the permission matrix.

The part's own programme ("matrix-activities", published) has cluster A as its only participant, so A's manager and
the regional officer of A's region are its participants and nobody else is. The published activity is public to
read; the unpublished one exists only for A's scope and staff. Officers manage activities; cluster managers register
and cancel their own cluster's people; a document for participants is a 404 for everyone else.
"""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.matrix_common import A_VISIBLE, GET, POST, PUBLIC, Call, page, statuses

DOCUMENT = "activities/matrix/matrix-document.pdf"

OFFICERS = statuses(403, anonymous=302, officer=200, admin=200)
# The unpublished activity: outside A's scope it does not exist; A's scope sees it but may not manage it.
OFFICERS_HIDDEN = statuses(404, anonymous=302, manager_a=403, regional_in=403, officer=200, admin=200)
A_REGISTERS = statuses(403, anonymous=302, manager_a=200, officer=200, admin=200)
A_REGISTRATION = statuses(404, anonymous=302, manager_a=200, officer=200, admin=200)
PARTICIPANTS = statuses(404, manager_a=200, regional_in=200, officer=200, admin=200)

PAGES = {
    "aktiviteter/": page(Call(GET, "/aktiviteter/", PUBLIC), Call(GET, "/aktiviteter/?when=all&type=workshop", PUBLIC)),
    "aktiviteter/ny/": page(Call(GET, "/aktiviteter/ny/", OFFICERS)),
    "aktiviteter/<int:pk>/": page(
        Call(GET, "/aktiviteter/{act_published}/", PUBLIC), Call(GET, "/aktiviteter/{act_hidden}/", A_VISIBLE)
    ),
    "aktiviteter/<int:pk>/redigera/": page(
        Call(GET, "/aktiviteter/{act_published}/redigera/", OFFICERS),
        Call(GET, "/aktiviteter/{act_hidden}/redigera/", OFFICERS_HIDDEN),
    ),
    # The published activity has a registration: officers get the page saying it cannot be deleted.
    "aktiviteter/<int:pk>/ta-bort/": page(
        Call(GET, "/aktiviteter/{act_published}/ta-bort/", OFFICERS),
        Call(POST, "/aktiviteter/{act_published}/ta-bort/", OFFICERS),
    ),
    "aktiviteter/<int:pk>/dokument/ny/": page(Call(GET, "/aktiviteter/{act_hidden}/dokument/ny/", OFFICERS_HIDDEN)),
    "aktiviteter/<int:pk>/dokument/<int:document_id>/": page(
        Call(GET, "/aktiviteter/{act_published}/dokument/{act_document}/", PARTICIPANTS)
    ),
    "aktiviteter/<int:pk>/dokument/<int:document_id>/ta-bort/": page(
        Call(
            GET,
            "/aktiviteter/{act_published}/dokument/{act_document}/ta-bort/",
            statuses(404, anonymous=302, manager_a=403, regional_in=403, officer=200, admin=200),
        )
    ),
    "aktiviteter/<int:pk>/anmalan/": page(Call(GET, "/aktiviteter/{act_published}/anmalan/", A_REGISTERS)),
    "aktiviteter/<int:pk>/anmalningar/<int:registration_id>/avboka/": page(
        Call(GET, "/aktiviteter/{act_published}/anmalningar/{act_registration}/avboka/", A_REGISTRATION)
    ),
    "aktiviteter/<int:pk>/anmalningar/export.<str:file_format>": page(
        Call(GET, "/aktiviteter/{act_published}/anmalningar/export.csv", OFFICERS)
    ),
    "aktiviteter/<int:pk>/narvaro/": page(Call(GET, "/aktiviteter/{act_published}/narvaro/", OFFICERS)),
    "aktiviteter/<int:pk>/narvaro/lista/": page(Call(GET, "/aktiviteter/{act_published}/narvaro/lista/", OFFICERS)),
}

API = {
    ("GET", "/api/v1/activities"): page(Call(GET, "/api/v1/activities", PUBLIC)),
    # The end before the start: officers reach the 422, nothing is written for anyone.
    ("POST", "/api/v1/activities"): page(
        Call(
            POST,
            "/api/v1/activities",
            statuses(403, anonymous=401, officer=422, admin=422),
            {
                "programme": "matrix-activities",
                "type": "workshop",
                "title_sv": "x",
                "title_en": "x",
                "starts_at": "2031-01-02T10:00:00",
                "ends_at": "2031-01-01T10:00:00",
                "place": "Umeå",
            },
            True,
        )
    ),
    ("GET", "/api/v1/activities/{activity_id}"): page(
        Call(GET, "/api/v1/activities/{act_published}", PUBLIC),
        Call(GET, "/api/v1/activities/{act_hidden}", A_VISIBLE),
    ),
    ("PATCH", "/api/v1/activities/{activity_id}"): page(
        Call(
            "PATCH",
            "/api/v1/activities/{act_hidden}",
            statuses(404, anonymous=401, manager_a=403, regional_in=403, officer=200, admin=200),
            {},
            True,
        )
    ),
    ("GET", "/api/v1/activities/{activity_id}/registrations"): page(
        Call(
            GET,
            "/api/v1/activities/{act_published}/registrations",
            statuses(403, anonymous=401, manager_a=200, manager_b=200, officer=200, admin=200),
        )
    ),
    # Cluster A is unpublished: for those outside its scope it does not exist (404); its regional officer sees it
    # but may not register its people (403).
    ("POST", "/api/v1/activities/{activity_id}/registrations"): page(
        Call(
            POST,
            "/api/v1/activities/{act_published}/registrations",
            statuses(404, anonymous=401, manager_a=201, regional_in=403, officer=201, admin=201),
            {"cluster": "kluster-a", "people": [{"name": "Matrix Person", "email": "matrix.person@example.org"}]},
            True,
        )
    ),
    ("DELETE", "/api/v1/activities/{activity_id}/registrations/{registration_id}"): page(
        Call(
            "DELETE",
            "/api/v1/activities/{act_published}/registrations/{act_registration}",
            statuses(404, anonymous=401, manager_a=200, officer=200, admin=200),
        )
    ),
}


def values(objects: dict) -> dict:
    from django.utils import timezone

    from klusterplattform.activities.models import Activity, ActivityDocument, Registration
    from klusterplattform.registry.models import Programme, ProgrammeParticipation

    if not default_storage.exists(DOCUMENT):
        default_storage.save(DOCUMENT, ContentFile(b"%PDF-1.4\n% matrix\n"))
    programme, _created = Programme.objects.get_or_create(
        slug="matrix-activities", defaults={"name_sv": "Matrisaktiviteter", "name_en": "Matrix activities"}
    )
    ProgrammeParticipation.objects.get_or_create(programme=programme, cluster=objects["cluster_a"])
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)
    common = {
        "programme": programme,
        "type": "workshop",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "place": "Umeå",
    }
    published = Activity.objects.create(title_sv="Öppen", title_en="Open", capacity=10, **common)
    hidden = Activity.objects.create(title_sv="Dold", title_en="Hidden", is_published=False, **common)
    document = ActivityDocument.objects.create(activity=published, title="Slides", access="participants")
    ActivityDocument.objects.filter(pk=document.pk).update(file=DOCUMENT)
    registration = Registration.objects.create(
        activity=published,
        cluster=objects["cluster_a"],
        name="Matrix Registered",
        email="matrix.registered@example.org",
        queued_at=timezone.now(),
    )
    return {
        "act_published": published.pk,
        "act_hidden": hidden.pk,
        "act_document": document.pk,
        "act_registration": registration.pk,
    }
