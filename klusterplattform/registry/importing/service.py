"""The member import: read a CSV or XLSX file, check every row, and only then write it all in one transaction."""

from collections.abc import Callable
from time import perf_counter

from django.utils.translation import gettext as _

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditChannel

from .cleaners import CellError
from .columns import resolve_header
from .lookups import Lookups
from .readers import read_table
from .result import FileError, ImportResult, RowError
from .rows import RowValidator
from .writer import write

Progress = Callable[[str, int, int | None], None]


def import_organisations(
    data: bytes, filename: str, *, cluster: str = "", dry_run: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Upsert the organisations of a file by stable key, with memberships when a cluster is named.

    `cluster` (a slug) applies to rows whose cluster column is empty. With `dry_run` nothing is written, and the
    result says what would be created and updated. Any error means nothing is written at all.
    """
    started = perf_counter()
    result = ImportResult(dry_run=dry_run)
    try:
        _import(data, filename, cluster, result, progress)
    except FileError as exc:
        result.errors.append(exc.error)
    result.seconds = perf_counter() - started
    return result


def _import(data, filename, cluster, result, progress) -> None:
    table = read_table(data, filename)
    header = resolve_header(table.header, table.header_row)
    result.warnings += header.warnings
    result.errors += header.errors
    if header.errors:
        return
    lookups = Lookups()
    default_cluster_id = None
    if cluster:
        try:
            default_cluster_id = lookups.cluster_id(cluster)
        except CellError as exc:
            result.errors.append(RowError(None, "cluster", str(exc)))
            return
    validator = RowValidator(header, lookups, default_cluster_id)
    rows = validator.validate_all(table.rows, progress, table.estimated_rows)
    result.errors += validator.errors
    result.rows = len(rows) + len({error.row for error in validator.errors})
    if not result.rows:
        result.errors.append(RowError(None, "", _("The file has a header but no data rows.")))
    if result.errors:
        return
    _channel, actor = audit.current_channel_and_actor()
    with audit.audit_context(AuditChannel.IMPORT, actor=actor):  # the page's or command's user, channel "import"
        write(rows, header, result, progress)
