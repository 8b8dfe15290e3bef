"""Official labels in the permission matrix.

The register and a cluster's labels are public for published clusters (label.view grants anonymous the published
scope), so B's labels answer everyone and A's only A's scope. Recording is for officers; the certificate for the
cluster's own managers and staff (404 for everyone else, as if it did not exist).
"""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.matrix_common import A_VISIBLE, GET, POST, PUBLIC, Call, page, statuses

# One small fixed file, written once: the matrix builds its world for every call.
CERTIFICATE = "excellence/certificates/matrix-certificate.pdf"

PAGES = {
    "etiketter/": page(Call(GET, "/etiketter/", PUBLIC), Call(GET, "/etiketter/?expiring=30", PUBLIC)),
    # Everyone may export; the file holds the labels of the clusters they may see.
    "etiketter/export.<str:file_format>": page(Call(GET, "/etiketter/export.csv", PUBLIC)),
    "etiketter/<int:pk>/certifikat/": page(
        Call(GET, "/etiketter/{label_a}/certifikat/", statuses(404, manager_a=200, officer=200, admin=200))
    ),
    "kluster/<slug:slug>/etiketter/": page(
        Call(GET, "/kluster/{a}/etiketter/", A_VISIBLE), Call(GET, "/kluster/{b}/etiketter/", PUBLIC)
    ),
    "kluster/<slug:slug>/etiketter/ny/": page(
        Call(
            GET,
            "/kluster/{a}/etiketter/ny/",
            statuses(404, anonymous=302, manager_a=403, regional_in=403, officer=200, admin=200),
        ),
        Call(GET, "/kluster/{b}/etiketter/ny/", statuses(403, anonymous=302, officer=200, admin=200)),
        # A future assessment date: whoever may record gets past the permission check to the form's error.
        Call(
            POST,
            "/kluster/{b}/etiketter/ny/",
            statuses(403, anonymous=302, officer=200, admin=200),
            {"level": "bronze", "awarding_body": "eucles", "assessed_on": "2999-01-01"},
        ),
    ),
}

API = {
    ("GET", "/api/v1/labels"): page(Call(GET, "/api/v1/labels", PUBLIC)),
    # A future assessment date: officers reach the 422, nothing is written for anyone.
    ("POST", "/api/v1/labels"): page(
        Call(
            POST,
            "/api/v1/labels",
            statuses(404, anonymous=401, manager_a=403, regional_in=403, officer=422, admin=422),
            {"cluster": "kluster-a", "level": "bronze", "assessed_on": "2999-01-01"},
            True,
        )
    ),
    ("GET", "/api/v1/clusters/{slug}/labels"): page(
        Call(GET, "/api/v1/clusters/{a}/labels", A_VISIBLE), Call(GET, "/api/v1/clusters/{b}/labels", PUBLIC)
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.excellence.models import Label

    if not default_storage.exists(CERTIFICATE):
        default_storage.save(CERTIFICATE, ContentFile(b"%PDF-1.4\n% matrix\n"))
    today = datetime.date.today()
    label_a = Label.objects.create(
        cluster=objects["cluster_a"],
        level="bronze",
        awarded_on=today - datetime.timedelta(days=100),
        valid_from=today - datetime.timedelta(days=100),
        valid_until=today + datetime.timedelta(days=20),
    )
    # update(): the audit trail cannot yet serialise a file field on save() (see excellence/labels.py).
    Label.objects.filter(pk=label_a.pk).update(certificate=CERTIFICATE)
    Label.objects.create(
        cluster=objects["cluster_b"],
        level="silver",
        awarded_on=today - datetime.timedelta(days=100),
        valid_until=today + datetime.timedelta(days=600),
    )
    return {"label_a": label_a.pk}
