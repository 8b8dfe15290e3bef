"""Print the official labels that expire soon, for programme officers (meant for cron, mailed by cron's MAILTO).

    klusterplattform label_expiry_report --days 90

Prints nothing and exits 0 when no label expires in the window, so cron sends no empty mail. Demo labels are left
out unless --include-demo is given.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.excellence.labels import expiring
from klusterplattform.excellence.models import Label


class Command(BaseCommand):
    help = "List official labels that expire within --days days (default 90) and have no renewal recorded."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="The window in days (default 90).")
        parser.add_argument("--include-demo", action="store_true", help="Also list the demo data's labels.")

    def handle(self, *args, days, include_demo, **options):
        if days < 0:
            raise CommandError(_("--days must be 0 or more."))
        today = timezone.localdate()
        labels = Label.objects.select_related("cluster")
        if not include_demo:
            labels = labels.filter(is_demo=False)
        rows = expiring(labels, today, days).order_by("valid_until", "cluster__name", "pk")
        for label in rows:
            self.stdout.write(
                "\t".join(
                    [
                        label.valid_until.isoformat(),
                        str((label.valid_until - today).days),
                        label.get_level_display(),
                        label.cluster.name,
                        label.cluster.slug,
                    ]
                )
            )
