"""Demo step "labels": fictional Cluster Excellence labels with the real validity rules (labels.py), some valid
today, some expired, a few renewal chains. Registered by excellence/demo.py; order 40, before the assessments.
"""

import datetime
from datetime import timedelta

from django.utils.translation import gettext as _

from klusterplattform.registry.demo import DemoContext, DemoStep
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import ClusterOrganisation

from .labels import Validity, current_rules, validity
from .models import Label

STEP = "labels"
NEXT_LEVEL = {"bronze": "silver", "silver": "gold", "gold": "gold"}


def rules_for_demo() -> dict:
    """Read the rules once for the whole demo run."""
    return current_rules()


def demo_validity(level: str, assessed_on: datetime.date, previous=None, rules=None) -> Validity:
    """(valid_from, valid_until, renews) for a demo label; `renews` is `previous` when it is a renewal, else None.

    `previous` is the cluster's earlier demo label of any level (or None): only one of the same level is renewed.
    """
    if previous is not None and previous.level != level:
        previous = None
    return validity(level, assessed_on, previous, rules or current_rules())


def _demo_label(cluster, level, awarded, previous, rules) -> Label:
    valid_from, valid_until, renews = demo_validity(level, awarded, previous, rules)
    return Label(
        cluster=cluster,
        level=level,
        awarded_on=awarded,
        valid_from=valid_from,
        valid_until=valid_until,
        renews=renews,
        is_demo=True,
    )


def make_labels(context: DemoContext) -> str:
    rng = context.random(STEP)
    today, rules = context.today, rules_for_demo()
    clusters = list(ClusterOrganisation.objects.filter(is_demo=True).order_by("slug"))
    in_programme = set(
        ClusterOrganisation.objects.filter(is_demo=True, programmes__slug=PROGRAMME_SLUG).values_list("pk", flat=True)
    )
    # Programme clusters are more often labelled, as in programmes that pay for the benchmarking.
    chosen = [c for c in clusters if rng.random() < (0.6 if c.pk in in_programme else 0.25)] or clusters[:1]
    firsts, later = [], []
    for cluster in chosen:
        level = rng.choices(("bronze", "silver", "gold"), weights=(60, 25, 15))[0]
        if rng.random() >= 0.35:
            firsts.append(_demo_label(cluster, level, today - timedelta(days=rng.randint(20, 700)), None, rules))
            continue
        earlier = _demo_label(cluster, level, today - timedelta(days=rng.randint(900, 2200)), None, rules)
        firsts.append(earlier)
        if rng.random() < 0.4:  # renewed: assessed from four months before to ten months after the expiry
            awarded = min(today, earlier.valid_until + timedelta(days=rng.randint(-120, 300)))
            later.append(_demo_label(cluster, level, awarded, earlier, rules))
        elif rng.random() < 0.5:  # moved up a level later
            awarded = today - timedelta(days=rng.randint(20, 700))
            later.append(_demo_label(cluster, NEXT_LEVEL[level], awarded, None, rules))
    for number, record in enumerate([*firsts, *later], start=1):
        record.report_id = f"DEMO-{number:05d}"
    Label.objects.bulk_create(firsts)  # first: bulk_create reads each renewal's renews_id from the saved label
    Label.objects.bulk_create(later)
    labels = firsts + later
    valid = sum(1 for record in labels if record.valid_until >= today)
    return _("%(count)s fictional labels (%(valid)s valid today, %(expired)s expired)") % {
        "count": len(labels),
        "valid": valid,
        "expired": len(labels) - valid,
    }


LABELS_STEP = DemoStep(
    STEP,
    order=40,
    run=make_labels,
    is_loaded=lambda: Label.objects.filter(is_demo=True).exists(),
    # Renewals first: a renewal protects the label it renews from deletion.
    remove=lambda: (
        Label.objects.filter(is_demo=True, renews__isnull=False).delete(),
        Label.objects.filter(is_demo=True).delete(),
    ),
)
