from django.core.management.base import BaseCommand, CommandError

from klusterplattform.core import roles_doc


class Command(BaseCommand):
    help = "Write the permission table into docs/roles.md from the table the code enforces (--check: only compare)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Fail if docs/roles.md is out of date.")

    def handle(self, *args, check=False, **options):
        document = roles_doc.current_document()
        updated = roles_doc.rewrite(document)
        if check:
            if updated != document:
                raise CommandError("docs/roles.md is out of date: run `klusterplattform roles_doc`.")
            self.stdout.write("docs/roles.md matches the permission table.")
            return
        roles_doc.roles_doc_path().write_text(updated, encoding="utf-8")
        self.stdout.write(f"Wrote the permission table ({len(updated.splitlines())} lines) to docs/roles.md.")
