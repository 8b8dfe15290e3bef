"""klusterplattform rebuild_peer_distributions [--demo | --real]: recompute every stored peer distribution.

Validation keeps the distributions of the validated cluster's groups up to date; run this after registry facts that
decide group membership change (ecosystems, sectors, programmes, labels), or after loading demo data.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from klusterplattform.excellence.peers import rebuild_all


class Command(BaseCommand):
    help = "Recompute the peer distributions the benchmark uses (real and demo populations, or one of them)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--demo", action="store_true", help="only the demo population")
        which.add_argument("--real", action="store_true", help="only the real population")

    def handle(self, demo, real, **options):
        is_demo = True if demo else False if real else None
        stored = rebuild_all(is_demo)
        for flag, groups in stored.items():
            population = _("demo") if flag else _("real")
            self.stdout.write(
                _("Peer groups stored (%(population)s): %(groups)s") % {"population": population, "groups": groups}
            )
