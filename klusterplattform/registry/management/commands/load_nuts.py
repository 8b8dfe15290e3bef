"""klusterplattform load_nuts FILE — NUTS regions of the other EU countries from Eurostat's `code,label` CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from klusterplattform.registry.reference import load_nuts


class Command(BaseCommand):
    help = (
        "Add or update the NUTS 1–3 regions of the EU countries other than Sweden from a CSV with the columns "
        "code,label (Eurostat's NUTS code list). The whole file is checked first; nothing is written if a row is bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        result = load_nuts(path.read_bytes())
        if not result.ok:
            for problem in result.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                _("%(count)s problem(s) found in %(file)s; nothing was written.")
                % {"count": len(result.errors), "file": path.name}
            )
        self.stdout.write(
            _(
                "NUTS regions: %(rows)s rows; %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
                "%(swedish)s Swedish rows skipped (the län hold Sweden's NUTS codes)."
            )
            % {
                "rows": result.rows,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "swedish": result.skipped_swedish,
            }
        )
