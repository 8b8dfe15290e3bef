"""Rebuild the match index from the registry (clusters and member organisations); profile changes keep it current
between rebuilds, so this is for a new installation, a bulk load that skipped the signals, or a change of the text
rules."""

import time

from django.core.management.base import BaseCommand

from klusterplattform.matchmaking.choices import DocumentKind
from klusterplattform.matchmaking.matching import indexing


class Command(BaseCommand):
    help = "Rebuild the match index of cluster organisations and member organisations."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=[k.value for k in DocumentKind], help="only this kind (default both)")

    def handle(self, *args, kind=None, **options):
        for each in [kind] if kind else [k.value for k in DocumentKind]:
            started = time.perf_counter()
            count = indexing.rebuild(each)
            self.stdout.write(f"{each}: {count} documents indexed in {time.perf_counter() - started:.1f} s")
