"""klusterplattform import_organisations FILE [--cluster SLUG] [--dry-run] — the member import on the command line."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from klusterplattform.core.file_commands import fail_on_problems, read_input_file
from klusterplattform.registry.importing import import_organisations
from klusterplattform.registry.importing.progress import ProgressBar


class Command(BaseCommand):
    help = "Import organisations (members, participants) from a CSV or XLSX file; see docs/data-formats.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv (UTF-8, comma or semicolon) or .xlsx file")
        parser.add_argument("--cluster", default="", help="slug of the cluster every row becomes a member of")
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, but write nothing")

    def handle(self, *args, file, cluster, dry_run, **options):
        path, content = read_input_file(file)
        progress = ProgressBar(lambda text: self.stderr.write(text, ending=""))
        result = import_organisations(content, path.name, cluster=cluster, dry_run=dry_run, progress=progress)
        progress.close()
        for warning in result.warnings:
            self.stderr.write(_("Warning: %(warning)s") % {"warning": warning})
        fail_on_problems(self, result.errors, path)
        summary = _(
            "Organisations: %(created)s created, %(updated)s updated. "
            "Memberships: %(m_created)s created, %(m_updated)s updated."
        ) % {
            "created": result.created,
            "updated": result.updated,
            "m_created": result.memberships_created,
            "m_updated": result.memberships_updated,
        }
        if dry_run:
            summary += " " + _("Dry run: nothing was written.")
        self.stdout.write(summary)
        rate = ngettext(
            "%(rows)s row in %(seconds).1f s (%(rate)s rows/s).",
            "%(rows)s rows in %(seconds).1f s (%(rate)s rows/s).",
            result.rows,
        )
        self.stdout.write(
            rate % {"rows": result.rows, "seconds": result.seconds, "rate": f"{result.rows_per_second:,.0f}"}
        )
