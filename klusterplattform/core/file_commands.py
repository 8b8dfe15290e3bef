"""What every command that loads a file does the same way: read it, or say it is missing; report every problem
and fail with nothing written (rule 8 of ARCHITECTURE.md)."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def read_input_file(file: str) -> tuple[Path, bytes]:
    path = Path(file)
    if not path.is_file():
        raise CommandError(_("No such file: %(path)s") % {"path": path})
    return path, path.read_bytes()


def fail_on_problems(command, errors, path: Path) -> None:
    """Print each problem (row, column, reason) on stderr and stop with a non-zero exit; nothing was written."""
    if not errors:
        return
    for problem in errors:
        command.stderr.write(str(problem))
    raise CommandError(
        _("%(count)s problem(s) found in %(file)s; nothing was written.") % {"count": len(errors), "file": path.name}
    )
