"""Demo step "programme": a fictional programme with about twenty fictional Swedish clusters.

It gives programme pages something to show without inventing anything about the real S3-piloten clusters.
The period is set around today, so the demo programme is always running.
"""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from ..choices import ParticipationStatus
from ..models import ClusterOrganisation, Programme, ProgrammeParticipation
from .context import DemoContext
from .steps import DemoStep, register

STEP = "programme"
SLUG = "demo-programme"


def make_programme(context: DemoContext) -> str:
    rng = context.random(STEP)
    year = context.today.year
    programme = Programme.objects.create(
        slug=SLUG,
        name_sv="Demoprogrammet (fiktivt)",
        name_en="Demo programme (fictional)",
        description_sv=(
            "Ett fiktivt klusterprogram med fiktiva svenska klusterorganisationer. Det finns för att visa hur "
            "plattformen fungerar och hör inte till några verkliga resultat."
        ),
        description_en=(
            "A fictional cluster programme with fictional Swedish cluster organisations. It exists to show how the "
            "platform works and is never part of real results."
        ),
        owner=_("Demo agency (fictional)"),
        starts_on=date(year - 1, 1, 1),
        ends_on=date(year + 2, 12, 31),
        website="https://demo-programme.example.org",
        is_published=True,
        is_demo=True,
    )
    swedish = list(ClusterOrganisation.objects.filter(is_demo=True, country="SE").order_by("slug"))
    chosen = sorted(rng.sample(swedish, min(context.size.programme_clusters, len(swedish))), key=lambda c: c.slug)
    participations = []
    for cluster in chosen:
        status = rng.choices(
            (ParticipationStatus.ACTIVE, ParticipationStatus.SELECTED, ParticipationStatus.WITHDRAWN),
            weights=(85, 10, 5),
        )[0]
        selected_on = programme.starts_on + timedelta(days=rng.randint(0, 60))
        participations.append(
            ProgrammeParticipation(programme=programme, cluster=cluster, selected_on=selected_on, status=status)
        )
    ProgrammeParticipation.objects.bulk_create(participations)
    return _("the fictional demo programme with %(count)s Swedish demo clusters") % {"count": len(participations)}


register(
    DemoStep(
        STEP,
        order=30,
        run=make_programme,
        is_loaded=lambda: Programme.objects.filter(slug=SLUG).exists(),
        remove=lambda: Programme.objects.filter(is_demo=True).delete(),
    )
)
