"""klusterplattform load_demo — the fictional demo population (refused where KP_ALLOW_DEMO is off, as in production)."""

import time
from argparse import ArgumentTypeError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.demo import DemoContext, DemoSize, load_demo, remove_demo
from klusterplattform.registry.models import Ecosystem, Region
from klusterplattform.registry.reference import load_reference


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ArgumentTypeError(_("must be at least 1"))
    return value


class Command(BaseCommand):
    help = (
        "Load a deterministic, clearly marked fictional population: cluster organisations in several EU countries, "
        "member organisations and memberships, a demo programme and labels, plus what other modules add. "
        "Every record is flagged is_demo. Running it again loads only what is missing."
    )

    def add_arguments(self, parser):
        defaults = DemoSize()
        parser.add_argument("--clusters", type=positive, default=defaults.clusters)
        parser.add_argument("--organisations", type=positive, default=defaults.organisations)
        parser.add_argument("--programme-clusters", type=positive, default=defaults.programme_clusters)
        parser.add_argument("--seed", type=int, default=DemoContext.seed)
        parser.add_argument("--remove", action="store_true", help="delete every demo record instead")

    def handle(self, *args, clusters, organisations, programme_clusters, seed, remove, **options):
        if remove:
            remove_demo()
            self.stdout.write(_("Demo data removed."))
            return
        if not settings.KP_ALLOW_DEMO:
            raise CommandError(
                _("Demo data is not allowed on this instance (KP_ALLOW_DEMO is off, as in production): nothing loaded.")
            )
        if not (Region.objects.filter(level=RegionLevel.COUNTY).exists() and Ecosystem.objects.exists()):
            load_reference()  # the demo population lives in the reference regions and taxonomies
        started = time.perf_counter()
        size = DemoSize(clusters=clusters, organisations=organisations, programme_clusters=programme_clusters)
        summaries = load_demo(DemoContext(seed=seed, size=size))
        if not summaries:
            self.stdout.write(_("Demo data already loaded."))
            return
        for summary in summaries:
            self.stdout.write(_("Demo: %(summary)s.") % {"summary": summary})
        self.stdout.write(_("Demo data loaded in %(seconds).1f s.") % {"seconds": time.perf_counter() - started})
