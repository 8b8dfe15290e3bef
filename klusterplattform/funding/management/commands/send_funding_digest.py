"""Send the weekly digest of funding calls to cluster managers (see funding/digest.py). Meant for cron, once a week,
e.g. on Monday mornings:

    0 7 * * 1  cd /srv/klusterplattform && .venv/bin/klusterplattform send_funding_digest

Running it again in the same ISO week sends nothing twice: each digest is recorded as a DigestDelivery before it goes;
a digest whose sending failed is retried by the next run.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from klusterplattform.funding import digest


def parse_now(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--now must be an ISO date and time, e.g. 2026-11-23T07:00+01:00 ({error})") from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = (
        "Send this week's digest of funding calls (new fitting calls, deadlines within 30 days) to every cluster "
        "manager who has not turned it off; once per user and ISO week."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would get what; send and record nothing.")
        parser.add_argument("--now", help="Act as if it were this time (ISO 8601), for testing.")

    def handle(self, *args, dry_run=False, now=None, **options):
        moment = parse_now(now) if now else timezone.now()
        tally = digest.run(moment, dry_run=dry_run, report=self.stdout.write)
        verb = "would send" if dry_run else "sent"
        line = (
            f"week {digest.period_of(moment)}: {tally.sent} {verb}, {tally.already} already sent this week, "
            f"{tally.empty} with nothing to tell"
        )
        if tally.failed:
            line += f", {tally.failed} failed (retried on the next run)"
        self.stdout.write(line)
        for error in tally.errors:
            self.stderr.write(error)
        if tally.errors:
            raise CommandError(f"{len(tally.errors)} digest(s) could not be sent; they are retried on the next run.")
