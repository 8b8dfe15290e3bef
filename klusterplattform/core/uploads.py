"""The one check for uploaded files (evidence, certificates, declarations): the size limit and the file's type,
judged by its first bytes as well as its name, so a renamed file is refused.

    validate_upload(upload, (".pdf", ".docx"), _("Attach a PDF or Word file."))
"""

import io
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ZIP = (b"PK\x03\x04",)
# Extension → the first bytes such a file starts with.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": ZIP,
    ".xlsx": ZIP,
    ".odt": ZIP,
    ".pptx": ZIP,
    ".odp": ZIP,
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}
# An office document is a zip archive with a known member: any zip renamed .docx is not a Word document.
ZIP_MEMBER = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".odt": "content.xml",
    ".pptx": "ppt/presentation.xml",
    ".odp": "content.xml",
}


def validate_upload(upload, extensions, type_message, *, by_content_only: bool = False) -> str:
    """Refuse a file over settings.KP_MAX_UPLOAD_BYTES or not of one of `extensions`; return the extension.

    With `by_content_only`, the name is ignored and the first type whose signature the content has is taken
    (a certificate downloaded as "certificate" without an extension is still a PDF)."""
    limit = settings.KP_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the upload limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if by_content_only:
        candidates = [ext for ext in extensions if head.startswith(SIGNATURES[ext])]
    else:
        extension = os.path.splitext(upload.name or "")[1].lower()
        candidates = [extension] if extension in extensions and head.startswith(SIGNATURES[extension]) else []
    for extension in candidates:
        if extension not in ZIP_MEMBER or _zip_has(upload, ZIP_MEMBER[extension]):
            return extension
    raise ValidationError(type_message, code="file_type")


def _zip_has(upload, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            return member in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)


def stored_file_response(field, filename: str = ""):
    """A stored upload as a download: named `filename` (else the stored file's own name), its type guessed from the
    name; 404 when the field is empty or the file has gone from storage (it does not exist for the user then)."""
    import mimetypes
    import os

    from django.http import FileResponse, Http404

    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = filename or os.path.basename(field.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
