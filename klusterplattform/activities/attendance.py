"""Attendance: who took part, counted per person and per cluster organisation, and the attendance-list upload.

Attendance list format (CSV or XLSX): a header row, then one row per person who attended. The column named
"email" (also "e-mail", "e-post" or "epost", any case) holds the address the person registered with; other columns
are ignored. The whole file is checked before anything is written: an address that matches no confirmed
registration of the activity is reported with its row number, and then nothing is marked.
"""

import csv
import io
import os
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.permissions import check

from .choices import RegistrationStatus
from .models import Registration
from .registrations import normalise_email

EMAIL_HEADERS = {"email", "e-mail", "e-post", "epost", "mail"}
MAX_ROWS = 5000


@dataclass(frozen=True)
class Attendance:
    people: int
    clusters: int


def attendance(activity) -> Attendance:
    """How many people attended, from how many cluster organisations (one query)."""
    rows = activity.registrations.filter(status=RegistrationStatus.CONFIRMED, attended=True).values_list(
        "cluster_id", flat=True
    )
    clusters = list(rows)
    return Attendance(people=len(clusters), clusters=len(set(clusters)))


def attendance_by_cluster(activities) -> dict[int, dict[int, int]]:
    """{activity id: {cluster id: people who attended}} for a query set of activities, in one query. Programme
    statistics build on it; demo programmes are the caller's to exclude (Activity.objects.real())."""
    rows = (
        Registration.objects.filter(activity__in=activities, status=RegistrationStatus.CONFIRMED, attended=True)
        .values("activity_id", "cluster_id")
        .annotate(people=Count("pk"))
        .order_by()
    )
    result: dict[int, dict[int, int]] = defaultdict(dict)
    for row in rows:
        result[row["activity_id"]][row["cluster_id"]] = row["people"]
    return dict(result)


def read_table(upload) -> list[list[str]]:
    """The rows of a CSV (UTF-8, comma or semicolon) or XLSX upload as text."""
    extension = os.path.splitext(upload.name or "")[1].lower()
    upload.seek(0)
    if extension == ".xlsx":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(upload.read()), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
            raise ValidationError(_("The file could not be read as an Excel workbook.")) from error
        sheet = workbook.worksheets[0]
        return [
            ["" if cell is None else str(cell).strip() for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    if extension == ".csv":
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The CSV file must be saved as UTF-8.")) from error
        header = text.split("\n", 1)[0]
        delimiter = max(",;\t", key=header.count)  # the header's most frequent separator; a comma if it has none
        rows = csv.reader(io.StringIO(text), delimiter=delimiter if header.count(delimiter) else ",")
        return [[cell.strip() for cell in row] for row in rows]
    raise ValidationError(_("Upload the attendance list as a CSV or Excel (XLSX) file."))


@dataclass(frozen=True)
class AttendancePlan:
    """What an upload would change: the registrations to mark as attended (and those already marked)."""

    to_mark: list
    already: list


def plan_attendance(activity, rows: list[list[str]]) -> AttendancePlan:
    """Check every row first; ValidationError listing each bad row (row numbers as a spreadsheet shows them)."""
    if not rows or not any(rows[0]):
        raise ValidationError(_("The file is empty: it needs a header row with a column named email."))
    headers = [cell.strip().lower() for cell in rows[0]]
    column = next((index for index, header in enumerate(headers) if header in EMAIL_HEADERS), None)
    if column is None:
        raise ValidationError(_("The header row has no column named email (or e-post)."))
    if len(rows) - 1 > MAX_ROWS:
        raise ValidationError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    confirmed = {
        registration.email: registration
        for registration in activity.registrations.filter(status=RegistrationStatus.CONFIRMED)
    }
    errors, found = [], {}
    for number, row in enumerate(rows[1:], start=2):
        email = normalise_email(row[column] if column < len(row) else "")
        if not email:
            if any(row):
                errors.append(_("Row %(row)s: the e-mail address is empty.") % {"row": number})
            continue
        registration = confirmed.get(email)
        if registration is None:
            errors.append(
                _("Row %(row)s: %(email)s has no confirmed registration for this activity.")
                % {"row": number, "email": email}
            )
            continue
        found[registration.pk] = registration
    if errors:
        raise ValidationError(errors)
    if not found:
        raise ValidationError(_("The file lists nobody: add one row per person who attended."))
    marked = [registration for registration in found.values() if registration.attended]
    return AttendancePlan(to_mark=[r for r in found.values() if not r.attended], already=marked)


def apply_attendance(activity, plan: AttendancePlan, *, by) -> int:
    """Mark the plan's registrations as attended; others are left as they are. Returns how many changed."""
    if not check(by, "activity.manage", activity):
        raise PermissionDenied
    with transaction.atomic():
        for registration in plan.to_mark:
            registration.attended = True
            registration.save(update_fields=["attended"])
    return len(plan.to_mark)
