"""klusterplattform load_nuts FILE — NUTS regions of the other EU countries from Eurostat's `code,label` CSV."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from klusterplattform.core.file_commands import fail_on_problems, read_input_file
from klusterplattform.registry.reference import load_nuts


class Command(BaseCommand):
    help = (
        "Add or update the NUTS 1–3 regions of the EU countries other than Sweden from a CSV with the columns "
        "code,label (Eurostat's NUTS code list). The whole file is checked first; nothing is written if a row is bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path, content = read_input_file(file)
        result = load_nuts(content)
        fail_on_problems(self, result.errors, path)
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
