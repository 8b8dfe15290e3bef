"""Demo step "labels": fictional Cluster Excellence labels for some demo clusters, some valid today, some expired.

Dates are relative to today, so "valid" labels stay valid whenever the demo is loaded. A label is valid two years
from its assessment (DOMAIN.md 1.3); a cluster with an expired label may have moved up a level since.
"""

from datetime import timedelta

from django.apps import apps
from django.utils.translation import gettext as _

from ..models import ClusterOrganisation
from .context import DemoContext
from .programme import SLUG as PROGRAMME_SLUG
from .steps import DemoStep, register

STEP = "labels"
VALIDITY = timedelta(days=730)
NEXT_LEVEL = {"bronze": "silver", "silver": "gold", "gold": "gold"}


def _label_model():
    return apps.get_model("excellence", "Label")


def make_labels(context: DemoContext) -> str:
    label = _label_model()
    rng = context.random(STEP)
    today = context.today
    clusters = list(ClusterOrganisation.objects.filter(is_demo=True).order_by("slug"))
    in_programme = set(
        ClusterOrganisation.objects.filter(is_demo=True, programmes__slug=PROGRAMME_SLUG).values_list("pk", flat=True)
    )
    # Programme clusters are more often labelled, as in programmes that pay for the benchmarking.
    chosen = [c for c in clusters if rng.random() < (0.6 if c.pk in in_programme else 0.25)] or clusters[:1]
    labels = []
    for cluster in chosen:
        level = rng.choices(("bronze", "silver", "gold"), weights=(60, 25, 15))[0]
        if rng.random() < 0.35:  # an earlier label, now expired
            awarded = today - timedelta(days=rng.randint(900, 2200))
            labels.append(label(cluster=cluster, level=level, awarded_on=awarded, valid_until=awarded + VALIDITY))
            if rng.random() < 0.5:
                continue
            level = NEXT_LEVEL[level]
        awarded = today - timedelta(days=rng.randint(20, 700))
        labels.append(label(cluster=cluster, level=level, awarded_on=awarded, valid_until=awarded + VALIDITY))
    for number, record in enumerate(labels, start=1):
        record.report_id = f"DEMO-{number:05d}"
        record.is_demo = True
    label.objects.bulk_create(labels)
    valid = sum(1 for record in labels if record.valid_until >= today)
    return _("%(count)s fictional labels (%(valid)s valid today, %(expired)s expired)") % {
        "count": len(labels),
        "valid": valid,
        "expired": len(labels) - valid,
    }


register(
    DemoStep(
        STEP,
        order=40,
        run=make_labels,
        is_loaded=lambda: _label_model().objects.filter(is_demo=True).exists(),
        remove=lambda: _label_model().objects.filter(is_demo=True).delete(),
    )
)
