"""klusterplattform import_funding_calls FILE [--dry-run] — import EU Funding & Tenders topics (the export's JSON,
gzipped or not). A scheduled job runs exactly this; a second run over the same file writes nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from klusterplattform.funding.importing import FundingFileError, import_topics, read_topics
from klusterplattform.registry.importing.progress import ProgressBar


class Command(BaseCommand):
    help = "Import funding calls from an EU Funding & Tenders topic export (JSON, gzipped or not); see docs/funding.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the topic export: JSON objects one per line or concatenated, or an array")
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, but write nothing")

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except FileNotFoundError as error:
            raise CommandError(_("No such file: %(path)s") % {"path": file}) from error
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(reason)s") % {"path": file, "reason": error.strerror or error}
            ) from error
        try:
            records = read_topics(data)
        except FundingFileError as error:
            raise CommandError(_("%(path)s: %(error)s") % {"path": file, "error": error}) from error

        progress = ProgressBar(lambda text: self.stderr.write(text, ending=""))
        report = import_topics(records, dry_run=dry_run, progress=progress)
        progress.close()

        for warning in report.warnings:
            self.stderr.write(_("Warning: %(warning)s") % {"warning": warning})
        for rejection in report.rejected:
            self.stdout.write(_("Rejected: %(rejection)s") % {"rejection": rejection})
        summary = _(
            "Topics: %(total)s read, %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(rejected)s rejected (%(seconds).1f s)."
        ) % {
            "total": report.total,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
            "seconds": report.seconds,
        }
        if dry_run:
            summary += " " + _("Dry run: nothing was written.")
        self.stdout.write(summary)
