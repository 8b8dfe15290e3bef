"""klusterplattform load_reference — regions, taxonomies, S3 areas, S3-piloten and its 20 clusters (idempotent)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from klusterplattform.registry.reference import load_reference


class Command(BaseCommand):
    help = (
        "Load the reference data written into the project: the 21 län and the EU-27 countries, the 14 ecosystems, "
        "the 51 sectoral industries, starter technology fields, the Swedish S3 areas and S3-piloten with its "
        "20 clusters. Safe to run again: it only creates what is missing and corrects changed facts."
    )

    def handle(self, *args, **options):
        result = load_reference()
        self.stdout.write(
            _(
                "Reference data: %(regions)s regions, %(ecosystems)s ecosystems, %(sectors)s sectors, "
                "%(technology_fields)s technology fields, %(s3_areas)s S3 areas, %(programmes)s programme, "
                "%(clusters)s clusters (%(created)s created, %(updated)s updated, %(unchanged)s unchanged)."
            )
            % {
                **result.counts,
                "created": result.tally.created,
                "updated": result.tally.updated,
                "unchanged": result.tally.unchanged,
            }
        )
