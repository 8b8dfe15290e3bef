"""klusterplattform load_postcodes FILE — load the postcode → municipality table the member import derives län from."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from klusterplattform.core.file_commands import fail_on_problems, read_input_file
from klusterplattform.registry.importing import load_postcodes


class Command(BaseCommand):
    help = (
        "Replace the postcode table from a CSV with postal_code and municipality_code columns "
        "(e.g. swedish-geodata's postal_to_municipality.csv)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path, content = read_input_file(file)
        result = load_postcodes(content, path.name)
        fail_on_problems(self, result.errors, path)
        self.stdout.write(
            _("Postcodes: %(rows)s in the file; %(created)s added, %(updated)s updated, %(removed)s removed.")
            % {"rows": result.rows, "created": result.created, "updated": result.updated, "removed": result.removed}
        )
