"""klusterplattform token EMAIL — print a new personal API token for an operator's scripts."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from klusterplattform.accounts.models import ApiToken


class Command(BaseCommand):
    help = "Create a new API token for a user and print it once (only its hash is stored)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="command line", help="what the token is for")
        parser.add_argument("--days", type=int, default=None, help="expire after this many days (default: never)")

    def handle(self, email, name, days, **options):
        user = get_user_model().objects.filter(email=email.strip().lower(), is_active=True).first()
        if user is None:
            raise CommandError(f"No active user with e-mail {email!r} (create one with: klusterplattform adduser)")
        if days is not None and days < 1:
            raise CommandError("--days must be 1 or more")
        expires = timezone.now() + timedelta(days=days) if days else None
        _token, raw = ApiToken.issue(user, name=name, expires_at=expires)
        self.stdout.write(raw)
