"""klusterplattform person_export EMAIL [--output FILE]: everything held about a person, as JSON (GDPR art. 15)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klusterplattform.registry import people


class Command(BaseCommand):
    help = "Export everything the platform holds about an e-mail address as JSON (to standard output by default)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", metavar="FILE", help="write to this file instead of standard output")

    def handle(self, email, output, **options):
        data = people.export(email)
        if data["nothing_held"]:
            raise CommandError(f"Nothing is held about {people.normalise(email)!r}.")
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
            self.stderr.write(f"Wrote {output}")
        else:
            self.stdout.write(text)
