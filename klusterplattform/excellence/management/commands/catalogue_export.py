"""klusterplattform catalogue_export CODE [--output FILE]: a catalogue version as a JSON document."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from klusterplattform.excellence.catalogue.io import export_catalogue
from klusterplattform.excellence.models import CatalogueVersion


class Command(BaseCommand):
    help = "Export an indicator catalogue version as JSON (to standard output by default); see docs/data-formats.md."

    def add_arguments(self, parser):
        parser.add_argument("code", help="the catalogue version's code, e.g. kp-2026")
        parser.add_argument("--output", metavar="FILE", help="write to this file instead of standard output")

    def handle(self, code, output, **options):
        version = CatalogueVersion.objects.filter(code=code).first()
        if version is None:
            known = ", ".join(CatalogueVersion.objects.values_list("code", flat=True)) or "–"
            raise CommandError(
                _("There is no catalogue version %(code)s. Known versions: %(known)s.") % {"code": code, "known": known}
            )
        text = json.dumps(export_catalogue(version), indent=2, ensure_ascii=False)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
            self.stderr.write(_("Wrote %(file)s") % {"file": output})
        else:
            self.stdout.write(text)
