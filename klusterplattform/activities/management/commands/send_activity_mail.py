"""Send the activities module's e-mails that are due: reminders, seats from the waiting list, feedback invitations
and programme news (see activities/mail.py). Meant for cron, e.g. every 15 minutes:

    */15 * * * *  cd /srv/klusterplattform && .venv/bin/klusterplattform send_activity_mail

Running it again sends nothing twice: each message is recorded as a Delivery before it goes.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from klusterplattform.activities import mail


def parse_now(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--now must be an ISO date and time, e.g. 2026-05-04T09:00+02:00 ({error})") from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = "Send the due activity e-mails (reminders, waiting-list seats, feedback invitations, news) once each."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; send and record nothing.")
        parser.add_argument("--now", help="Act as if it were this time (ISO 8601), for testing.")
        parser.add_argument(
            "--include-demo", action="store_true", help="Also send for demo programmes (normally they send nothing)."
        )

    def handle(self, *args, dry_run=False, now=None, include_demo=False, **options):
        moment = parse_now(now) if now else timezone.now()
        tallies = mail.run(moment, dry_run=dry_run, include_demo=include_demo, report=self.stdout.write)
        verb = "would send" if dry_run else "sent"
        for kind, tally in tallies.items():
            line = f"{kind}: {tally.sent} {verb}"
            if tally.failed:
                line += f", {tally.failed} failed (retried on the next run)"
            self.stdout.write(line)
        errors = [error for tally in tallies.values() for error in tally.errors]
        for error in errors:
            self.stderr.write(error)
        if errors:
            raise CommandError(f"{len(errors)} e-mail(s) could not be sent; they are retried on the next run.")
