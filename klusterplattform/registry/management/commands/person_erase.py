"""klusterplattform person_erase EMAIL --yes [--by OFFICER_EMAIL]: erase a person's data (GDPR art. 17).

Without --yes it only says what would be removed. The account is anonymised, never deleted (see registry/people.py).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from klusterplattform.registry import people


class Command(BaseCommand):
    help = "Erase everything held about an e-mail address: anonymise the account, delete the person's records."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="really erase (without it, only show what would go)")
        parser.add_argument("--by", metavar="EMAIL", default="", help="the officer who asked for it, for the trail")

    def handle(self, email, yes, by, **options):
        person = people.find(email)
        if person.is_empty:
            raise CommandError(f"Nothing is held about {person.email!r}.")
        erased_by = None
        if by:
            erased_by = get_user_model().objects.filter(email__iexact=by.strip(), is_active=True).first()
            if erased_by is None:
                raise CommandError(f"No active user {by!r} (--by).")
        self.stdout.write(
            f"{person.email}: account {'yes' if person.user else 'none'}, {len(person.grants)} role grants, "
            f"{len(person.tokens)} API tokens, {len(person.login_failures)} failed sign-ins, "
            f"two-factor {'yes' if person.two_factor else 'no'}, {len(person.contacts)} contact-person records, "
            f"{len(person.invitations_received)} invitations, {sum(person.elsewhere.values())} other records."
        )
        if not yes:
            raise CommandError("Nothing erased: run again with --yes to erase.")
        try:
            report = people.erase(person.email, erased_by=erased_by)
        except people.ErasureRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(
            f"Erased: account anonymised: {'yes' if report.account_anonymised else 'no account'}; deleted "
            f"{report.grants} role grants, {report.tokens} tokens, {report.login_failures} failed sign-ins, "
            f"{report.two_factor} two-factor devices, {report.contacts} contact persons, {report.elsewhere} other "
            f"records (activity registrations, programme contacts); anonymised "
            f"{report.invitations} invitations; redacted {report.events_redacted} audit events."
        )
