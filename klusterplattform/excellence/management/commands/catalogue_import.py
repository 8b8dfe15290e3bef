"""klusterplattform catalogue_import FILE: a JSON catalogue document becomes a new catalogue version."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from klusterplattform.core.file_commands import fail_on_problems, read_input_file
from klusterplattform.excellence.catalogue.io import CatalogueImportError, import_catalogue


class Command(BaseCommand):
    help = (
        "Import an indicator catalogue from a JSON file as a new version. The whole file is checked first; on any "
        "problem every one is listed and nothing is written. See docs/data-formats.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a catalogue document (.json, UTF-8)")

    def handle(self, file, **options):
        path, content = read_input_file(file)
        try:
            document = json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise CommandError(
                _("%(file)s is not valid JSON in UTF-8: %(reason)s") % {"file": path.name, "reason": error}
            ) from None
        try:
            version = import_catalogue(document)
        except CatalogueImportError as error:
            fail_on_problems(self, error.errors, path)
        self.stdout.write(
            _("Imported catalogue version %(code)s with %(count)s indicators.")
            % {"code": version.code, "count": version.indicators.count()}
        )
