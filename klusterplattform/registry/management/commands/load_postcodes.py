"""klusterplattform load_postcodes FILE — load the postcode → municipality table the member import derives län from."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from klusterplattform.registry.importing import load_postcodes


class Command(BaseCommand):
    help = (
        "Replace the postcode table from a CSV with postal_code and municipality_code columns "
        "(e.g. swedish-geodata's postal_to_municipality.csv)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        result = load_postcodes(path.read_bytes(), path.name)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("%(count)s problem(s) found in %(file)s; nothing was written.")
                % {"count": len(result.errors), "file": path.name}
            )
        self.stdout.write(
            _("Postcodes: %(rows)s in the file; %(created)s added, %(updated)s updated, %(removed)s removed.")
            % {"rows": result.rows, "created": result.created, "updated": result.updated, "removed": result.removed}
        )
