"""Applications, invited editors and regional endorsements in the permission matrix.

An open, published call with two applications: cluster A's draft (naming region 25, with an attachment and a
pending invitation to invitee-editor@example.org) and cluster B's submitted application (naming region 12, its
endorsement pending). A draft is seen by its cluster's managers and officers only (the region sees it once
submitted); whoever sees an application but may not change it is refused (403); everyone else gets a 404. Each
request is rolled back.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.matrix_common import API_SIGNED_IN, GET, POST, SIGNED_IN, Call, page, statuses

ATTACHMENT = "calls/applications/matrix/strategi.pdf"
PATCH = "PATCH"

DRAFT_A = statuses(404, anonymous=302, manager_a=200, officer=200, admin=200)
DRAFT_A_EDIT = statuses(404, anonymous=302, manager_a=200, officer=403, admin=403)
SUBMITTED_B = statuses(404, anonymous=302, manager_b=200, regional_out=200, officer=200, admin=200)
OFFICER_ACTION_B = statuses(404, anonymous=302, manager_b=403, regional_out=403, officer=302, admin=302)
STARTERS = statuses(403, anonymous=302, manager_a=302, manager_b=302)
REGIONAL = statuses(403, anonymous=302, regional_in=200, regional_out=200)
ENDORSER_B = statuses(404, anonymous=302, regional_out=200)


def _api(expect):
    return {**expect, "anonymous": 401}


PAGES = {
    "utlysningar/<slug:slug>/ansok/": page(
        # Both managers' clusters have applied already: the page leads them to their application.
        Call(GET, "/utlysningar/{applications_call}/ansok/", STARTERS),
        Call(POST, "/utlysningar/{applications_call}/ansok/", STARTERS, {"cluster": "{cluster_a_id}"}),
    ),
    "utlysningar/<slug:slug>/ansokningar/": page(Call(GET, "/utlysningar/{applications_call}/ansokningar/", SIGNED_IN)),
    "ansokningar/regionala-beslut/": page(Call(GET, "/ansokningar/regionala-beslut/", REGIONAL)),
    "ansokningar/regionala-beslut/<int:pk>/": page(
        Call(GET, "/ansokningar/regionala-beslut/{endorsement_b}/", ENDORSER_B),
        Call(
            POST,
            "/ansokningar/regionala-beslut/{endorsement_b}/",
            {**ENDORSER_B, "regional_out": 302},
            {"decision": "decline", "reason": "Matrix."},
        ),
    ),
    # Nobody in the matrix has the invited address: everyone signed in is told so.
    "ansokningar/inbjudan/<str:token>/": page(
        Call(GET, "/ansokningar/inbjudan/{editor_token}/", statuses(403, anonymous=302)),
        Call(POST, "/ansokningar/inbjudan/{editor_token}/", statuses(403, anonymous=302)),
    ),
    "ansokningar/<int:pk>/": page(
        Call(GET, "/ansokningar/{application_draft_a}/", DRAFT_A),
        Call(GET, "/ansokningar/{application_submitted_b}/", SUBMITTED_B),
    ),
    "ansokningar/<int:pk>/redigera/": page(
        Call(GET, "/ansokningar/{application_draft_a}/redigera/", DRAFT_A_EDIT),
        Call(
            POST,
            "/ansokningar/{application_draft_a}/redigera/",
            {**DRAFT_A_EDIT, "manager_a": 302},
            {"mission": "Matrix."},
        ),
        # A submitted application is no longer edited, not even by its managers.
        Call(
            GET,
            "/ansokningar/{application_submitted_b}/redigera/",
            statuses(404, anonymous=302, manager_b=403, regional_out=403, officer=403, admin=403),
        ),
    ),
    "ansokningar/<int:pk>/bilagor/<int:file_id>/": page(
        Call(GET, "/ansokningar/{application_draft_a}/bilagor/{file_a}/", DRAFT_A)
    ),
    "ansokningar/<int:pk>/bilagor/<int:file_id>/ta-bort/": page(
        Call(GET, "/ansokningar/{application_draft_a}/bilagor/{file_a}/ta-bort/", DRAFT_A_EDIT),
        Call(POST, "/ansokningar/{application_draft_a}/bilagor/{file_a}/ta-bort/", {**DRAFT_A_EDIT, "manager_a": 302}),
    ),
    "ansokningar/<int:pk>/atgard/<slug:action>/": page(
        Call(GET, "/ansokningar/{application_draft_a}/atgard/withdraw/", DRAFT_A_EDIT),
        Call(
            GET,
            "/ansokningar/{application_submitted_b}/atgard/check/",
            {**OFFICER_ACTION_B, "officer": 200, "admin": 200},
        ),
        Call(POST, "/ansokningar/{application_submitted_b}/atgard/check/", OFFICER_ACTION_B),
    ),
    "ansokningar/<int:pk>/redaktorer/": page(
        Call(GET, "/ansokningar/{application_draft_a}/redaktorer/", DRAFT_A_EDIT),
        # Not an address: the managers reach the form's error, nothing is sent.
        Call(POST, "/ansokningar/{application_draft_a}/redaktorer/", DRAFT_A_EDIT, {"email": "not an address"}),
    ),
    "ansokningar/<int:pk>/redaktorer/<int:editor_id>/ta-bort/": page(
        Call(GET, "/ansokningar/{application_draft_a}/redaktorer/{editor_a}/ta-bort/", DRAFT_A_EDIT),
        Call(
            POST,
            "/ansokningar/{application_draft_a}/redaktorer/{editor_a}/ta-bort/",
            {**DRAFT_A_EDIT, "manager_a": 302},
        ),
    ),
}

API = {
    ("GET", "/api/v1/calls/{slug}/applications"): page(
        Call(GET, "/api/v1/calls/{applications_call}/applications", API_SIGNED_IN)
    ),
    # Cluster A has applied: its manager gets that application (200). A is unpublished: 404 outside its scope.
    ("POST", "/api/v1/calls/{slug}/applications"): page(
        Call(
            POST,
            "/api/v1/calls/{applications_call}/applications",
            statuses(404, anonymous=401, manager_a=200, regional_in=403, officer=403, admin=403),
            {"cluster": "kluster-a"},
            True,
        )
    ),
    ("GET", "/api/v1/applications/{application_id}"): page(
        Call(GET, "/api/v1/applications/{application_draft_a}", _api(DRAFT_A)),
        Call(GET, "/api/v1/applications/{application_submitted_b}", _api(SUBMITTED_B)),
    ),
    ("PATCH", "/api/v1/applications/{application_id}"): page(
        Call(
            PATCH, "/api/v1/applications/{application_draft_a}", _api(DRAFT_A_EDIT), {"answers": {"mission": "M"}}, True
        )
    ),
    ("POST", "/api/v1/applications/{application_id}/actions/{action}"): page(
        Call(
            POST,
            "/api/v1/applications/{application_submitted_b}/actions/check",
            _api({**OFFICER_ACTION_B, "officer": 200, "admin": 200}),
            {"comment": "Matrix."},
            True,
        )
    ),
}


def values(objects: dict) -> dict:
    import datetime

    from django.utils import timezone

    from klusterplattform.calls.forms_engine import current_form
    from klusterplattform.calls.models import (
        Application,
        ApplicationEditor,
        ApplicationFile,
        Endorsement,
    )
    from klusterplattform.calls.models import (
        Call as CallModel,
    )
    from klusterplattform.registry.models import Programme

    if not default_storage.exists(ATTACHMENT):
        default_storage.save(ATTACHMENT, ContentFile(b"%PDF-1.4\n% matrix\n"))
    now = timezone.now()
    programme = Programme.objects.get(slug="open-programme")
    call, _created = CallModel.objects.get_or_create(
        slug="matrix-applications",
        defaults={
            "programme": programme,
            "title_sv": "Utlysning (ansökningar)",
            "title_en": "Call (applications)",
            "opens_at": now - datetime.timedelta(days=5),
            "closes_at": now + datetime.timedelta(days=20),
            "is_published": True,
        },
    )
    form = current_form(call, now)
    cluster_a, cluster_b = objects["cluster_a"], objects["cluster_b"]
    draft_a = Application.objects.create(call=call, cluster=cluster_a, form_version=form)
    draft_a.regions.set(cluster_a.regions.all())
    attached = ApplicationFile.objects.create(
        application=draft_a, field="strategy_document", file=ATTACHMENT, name="strategi.pdf", size=18
    )
    editor = ApplicationEditor.objects.create(application=draft_a, email="invitee-editor@example.org")
    submitted_b = Application.objects.create(
        call=call, cluster=cluster_b, form_version=form, status="submitted", submitted_at=now
    )
    submitted_b.regions.set(cluster_b.regions.all())
    endorsement = Endorsement.objects.create(application=submitted_b, region=cluster_b.regions.get())
    return {
        "applications_call": call.slug,
        "cluster_a_id": cluster_a.pk,
        "application_draft_a": draft_a.pk,
        "application_submitted_b": submitted_b.pk,
        "file_a": attached.pk,
        "editor_a": editor.pk,
        "editor_token": editor.token,
        "endorsement_b": endorsement.pk,
    }
