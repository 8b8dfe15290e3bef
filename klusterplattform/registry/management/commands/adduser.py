"""klusterplattform adduser EMAIL --role ROLE [--cluster SLUG] [--region CODE]

The password is read from standard input when one is piped in; otherwise a strong one is generated and printed once.
"""

import secrets
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from klusterplattform.registry.choices import Role
from klusterplattform.registry.grants import grant_role


class Command(BaseCommand):
    help = "Create a user (or add a role to an existing one) with a scoped role."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, choices=[r.value for r in Role])
        parser.add_argument(
            "--cluster",
            action="append",
            default=[],
            metavar="SLUG",
            help="cluster organisation (for cluster_manager); repeat for several",
        )
        parser.add_argument(
            "--region",
            action="append",
            default=[],
            metavar="CODE",
            help="länskod or NUTS code (for regional_officer); repeat for several",
        )
        parser.add_argument("--name", default="", help="the person's name")

    def handle(self, email, role, cluster, region, name, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not a valid e-mail address") from error
        user_model = get_user_model()
        existing = user_model.objects.filter(email=email).first()
        password, generated = None, False
        if existing is None:
            password, generated = self._password(email)
        try:
            with transaction.atomic():
                user = existing or user_model.objects.create_user(email=email, password=password, full_name=name)
                grants = grant_role(user, role, clusters=cluster, regions=region)
        except ValueError as error:
            raise CommandError(str(error)) from error
        scopes = ", ".join(str(g.cluster or g.region) for g in grants if g.cluster or g.region) or "no scope"
        verb = "Added role to" if existing else "Created"
        self.stdout.write(f"{verb} {user.email}: {role} ({scopes})")
        if generated:
            self.stdout.write(f"Password (shown once): {password}")

    def _password(self, email):
        piped = not sys.stdin.isatty() if hasattr(sys.stdin, "isatty") else False
        text = sys.stdin.read().strip() if piped else ""
        if not text:
            return secrets.token_urlsafe(18), True
        try:
            validate_password(text, get_user_model()(email=email))
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from error
        return text, False
