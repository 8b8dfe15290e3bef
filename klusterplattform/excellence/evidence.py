"""Evidence files of a self-assessment: which files are accepted, attaching one, removing one.

Files are checked by extension and by their first bytes (a renamed executable is not a PDF), and against the upload
limit (settings.KP_MAX_UPLOAD_BYTES).
The audit trail records each row (Evidence is tracked) with the stored file's name.
"""

import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from klusterplattform.core.uploads import validate_upload as validate_file

from .models import Evidence

EVIDENCE_TYPES = (".pdf", ".docx", ".xlsx", ".odt", ".png", ".jpg", ".jpeg")
ACCEPT = ",".join(EVIDENCE_TYPES)


def validate_upload(upload) -> None:
    validate_file(
        upload,
        EVIDENCE_TYPES,
        _("Attach a PDF, Word (docx), Excel (xlsx), OpenDocument text (odt), PNG or JPEG file."),
    )


def _may_change(assessment, user) -> None:
    from .permissions import can

    allowed, reason = can(user, "assessment.edit", assessment)
    if not allowed:
        raise PermissionDenied(reason)
    if not assessment.is_editable:
        raise ValidationError(_("This self-assessment can no longer be changed."))


def attach(assessment, indicator, upload, user) -> Evidence:
    _may_change(assessment, user)
    validate_upload(upload)
    name = get_valid_filename(os.path.basename(upload.name))[:200]
    evidence = Evidence(assessment=assessment, indicator=indicator, name=name, uploaded_by=user)
    evidence.file.save(name, upload, save=False)
    evidence.save()
    return evidence


def remove(evidence, user) -> None:
    _may_change(evidence.assessment, user)
    stored = evidence.file.name
    with transaction.atomic():
        evidence.delete()
        # The file goes only once the row is gone for good.
        transaction.on_commit(lambda: evidence.file.storage.delete(stored))
