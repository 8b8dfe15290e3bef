"""Pre-filling a self-assessment from the registry: the facts the platform already holds need not be typed again.

A pre-filled answer stays marked (`Answer.is_prefilled`) until the manager changes it; from then on it is the
manager's own answer and pre-filling never overwrites it (answering.save_answers clears the mark).
"""

from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from klusterplattform.registry.choices import OrganisationType
from klusterplattform.registry.models import Membership
from klusterplattform.registry.stats import member_counts

from .choices import PrefillSource
from .models import Answer

HUNDREDTHS = Decimal("0.01")


def _percent(part: int, whole: int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(HUNDREDTHS)


def _whole_years(since, day) -> int:
    return day.year - since.year - ((day.month, day.day) < (since.month, since.day))


def _regional_counts(cluster, day) -> tuple[int, int]:
    """(participants with a known region, those of them in one of the cluster's regions), in one query."""
    in_cluster_regions = Q(organisation__region__in=cluster.regions.values("pk"))
    counts = (
        Membership.objects.active_on(day)
        .filter(cluster=cluster)
        .aggregate(
            known=Count("id", filter=Q(organisation__region__isnull=False)),
            inside=Count("id", filter=in_cluster_regions),
        )
    )
    return counts["known"], counts["inside"]


def registry_values(cluster, day=None) -> dict[str, Decimal]:
    """{PrefillSource value: number} for the cluster as the registry stands on `day`; facts that are unknown (no
    founding date, no participant with a known region, ...) are absent rather than zero."""
    day = day or timezone.localdate()
    counts = member_counts([cluster.pk], day)[cluster.pk]
    by_type, total = counts["by_type"], counts["total"]
    values = {
        PrefillSource.PARTICIPANTS_TOTAL: Decimal(total),
        PrefillSource.DEDICATED_MEMBERS: Decimal(counts["members"]),
        PrefillSource.RESEARCH_PARTICIPANTS: Decimal(
            by_type.get(OrganisationType.RESEARCH, 0) + by_type.get(OrganisationType.EDUCATION, 0)
        ),
        PrefillSource.PUBLIC_PARTICIPANTS: Decimal(by_type.get(OrganisationType.PUBLIC_BODY, 0)),
        PrefillSource.LARGE_COMPANIES: Decimal(by_type.get(OrganisationType.LARGE_COMPANY, 0)),
    }
    if total:
        values[PrefillSource.SME_SHARE] = _percent(by_type.get(OrganisationType.SME, 0), total)
        known, inside = _regional_counts(cluster, day)
        if known:
            values[PrefillSource.REGIONAL_CONCENTRATION] = _percent(inside, known)
    if cluster.founded and cluster.founded <= day:
        values[PrefillSource.ORGANISATION_AGE] = Decimal(_whole_years(cluster.founded, day))
    if cluster.management_fte is not None:
        values[PrefillSource.MANAGEMENT_FTE] = Decimal(cluster.management_fte).quantize(HUNDREDTHS)
    return {str(source): value for source, value in values.items()}


def prefill_answers(assessment, day=None) -> int:
    """Fill the assessment's registry-backed indicators; returns how many answers were written.

    Only answers that are missing or still pre-filled are written, and only when the value changed. The day is the
    assessment's day when it has one, else today. An assessment that can no longer be edited is left alone.
    """
    if not assessment.is_editable:
        return 0
    day = day or assessment.assessed_on or timezone.localdate()
    indicators = [i for i in assessment.catalogue.indicators.all() if i.prefill]
    if not indicators:
        return 0
    values = registry_values(assessment.cluster, day)
    existing = {answer.indicator_id: answer for answer in assessment.answers.filter(indicator__in=indicators)}
    written = 0
    for indicator in indicators:
        value = values.get(indicator.prefill)
        answer = existing.get(indicator.pk)
        if value is None or (answer is not None and not answer.is_prefilled):
            continue
        if answer is not None and answer.number == value:
            continue
        answer = answer or Answer(assessment=assessment)
        answer.indicator = indicator  # also spares Answer.save() a query for the indicator
        answer.number = value
        answer.is_prefilled = True
        answer.save()
        written += 1
    return written
