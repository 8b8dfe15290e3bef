"""Evidence files of a self-assessment: which files are accepted, attaching one, removing one.

Files are checked by extension and by their first bytes (a renamed executable is not a PDF), and against the upload
limit (settings.KP_MAX_UPLOAD_BYTES).
The audit trail records each row (Evidence is tracked) with the stored file's name.
"""

import os

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .models import Evidence

ZIP = (b"PK\x03\x04",)
# Extension → the first bytes a file of that type starts with.
ALLOWED_TYPES = {
    ".pdf": (b"%PDF-",),
    ".docx": ZIP,
    ".xlsx": ZIP,
    ".odt": ZIP,
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
ACCEPT = ",".join(ALLOWED_TYPES)


def validate_upload(upload) -> None:
    limit = settings.KP_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the upload limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    heads = ALLOWED_TYPES.get(extension)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if heads is None or not any(head.startswith(magic) for magic in heads):
        raise ValidationError(
            _("Attach a PDF, Word (docx), Excel (xlsx), OpenDocument text (odt), PNG or JPEG file."),
            code="file_type",
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
