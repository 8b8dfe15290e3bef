"""Writing mapped topics: one transaction, upsert by identifier, nothing written for a topic whose content is
unchanged (compared by content hash), calls entered by hand never overwritten. Deadlines, the digital tag and the
search index are written in bulk; closes_at is computed here as the last deadline (what refresh_dates would store).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from time import perf_counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import search
from ..choices import Source
from ..models import FundingCall, FundingDeadline, ThematicTag
from .mapping import IMPORTED_FIELDS, MappedTopic, map_topic

BATCH = 200
LOADED_FIELDS = (
    "id",
    "identifier",
    "source",
    "content_hash",
    "cluster_organisations_eligible",
    "cluster_eligibility_inferred",
)
DIGITAL = "digital"


@dataclass
class Rejection:
    index: int  # the topic's position in the file, from 1
    topic_id: str
    reason: str

    def __str__(self):
        return _("Topic %(index)s (%(topic)s): %(reason)s") % {
            "index": self.index,
            "topic": self.topic_id or _("no topicId"),
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0


def _topic_id(record) -> str:
    value = record.get("topicId") if isinstance(record, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _map_all(records: list, report: ImportReport, progress) -> list[MappedTopic]:
    accepted: dict[str, MappedTopic] = {}
    first_seen: dict[str, int] = {}
    for index, record in enumerate(records, start=1):
        mapped, reasons = map_topic(record)
        if mapped and mapped.identifier in first_seen:
            reasons = [_("topicId appears again (first at topic %(index)s)") % {"index": first_seen[mapped.identifier]}]
        if reasons:
            report.rejected.append(Rejection(index, _topic_id(record), "; ".join(reasons)))
        else:
            first_seen[mapped.identifier] = index
            accepted[mapped.identifier] = mapped
            report.warnings += [Rejection(index, mapped.identifier, warning) for warning in mapped.warnings]
        if progress:
            progress("validate", index, len(records))
    return list(accepted.values())


def _existing(identifiers: list[str]) -> dict[str, FundingCall]:
    found = {}
    for start in range(0, len(identifiers), 500):
        chunk = identifiers[start : start + 500]
        calls = FundingCall.objects.filter(identifier__in=chunk).only(
            "id",
            "identifier",
            "source",
            "content_hash",
            "cluster_organisations_eligible",
            "cluster_eligibility_inferred",
        )
        found.update((call.identifier, call) for call in calls)
    return found


def _apply(call: FundingCall, mapped: MappedTopic, now) -> None:
    values = dict(mapped.values)
    if (
        not call._state.adding
        and not call.cluster_eligibility_inferred
        and call.cluster_organisations_eligible is not None
    ):
        # A person said whether cluster organisations may apply: the import's inference does not replace that.
        del values["cluster_organisations_eligible"], values["cluster_eligibility_inferred"]
    for name, value in values.items():
        setattr(call, name, value)
    call.content_hash = mapped.content_hash
    call.last_imported_at = now
    call.closes_at = max((d["at"] for d in mapped.deadlines), default=None)


def _write(created: list, updated: list, now, progress) -> None:
    terms = []  # (call, its search terms); the search text is set before the row is written, so it is written once
    new_calls = []
    for mapped in created:
        call = FundingCall(identifier=mapped.identifier)
        _apply(call, mapped, now)
        terms.append((call, search.index_fields(call)))
        new_calls.append(call)
    FundingCall.objects.bulk_create(new_calls, batch_size=BATCH)
    changed_at = timezone.now()
    for call, mapped in updated:
        _apply(call, mapped, now)
        call.updated_at = changed_at
        terms.append((call, search.index_fields(call)))
    update_fields = [*IMPORTED_FIELDS, "content_hash", "last_imported_at", "closes_at", "updated_at"]
    update_fields += ["search_text", "search_terms"]
    FundingCall.objects.bulk_update([call for call, _mapped in updated], update_fields, batch_size=BATCH)
    pairs = list(zip(new_calls, created, strict=True)) + updated
    if progress:
        progress("write", len(pairs) // 2, len(pairs))

    updated_ids = [call.pk for call, _mapped in updated]
    for start in range(0, len(updated_ids), 500):
        FundingDeadline.objects.filter(call_id__in=updated_ids[start : start + 500]).delete()
    FundingDeadline.objects.bulk_create(
        [FundingDeadline(call_id=call.pk, **deadline) for call, mapped in pairs for deadline in mapped.deadlines],
        batch_size=1000,
    )
    digital = ThematicTag.objects.filter(code=DIGITAL).first()
    if digital:
        through = FundingCall.tags.through
        for start in range(0, len(updated_ids), 500):
            through.objects.filter(fundingcall_id__in=updated_ids[start : start + 500], thematictag=digital).delete()
        through.objects.bulk_create(
            [through(fundingcall_id=call.pk, thematictag_id=digital.pk) for call, mapped in pairs if mapped.digital],
            batch_size=1000,
        )
    search.write_terms({call.pk: call_terms for call, call_terms in terms})
    if progress:
        progress("write", len(pairs), len(pairs))


def import_topics(
    records: Iterable,
    *,
    now=None,
    dry_run: bool = False,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> ImportReport:
    """Import EU topics (dicts as read by reader.read_topics). Rejected topics are reported and skipped; everything
    else is written in one transaction, or nothing at all if anything fails. A dry run does the whole import and
    rolls it back."""
    started = perf_counter()
    now = now or timezone.now()
    records = list(records)
    report = ImportReport(total=len(records), dry_run=dry_run)
    accepted = _map_all(records, report, progress)
    existing = _existing([m.identifier for m in accepted])
    created, updated = [], []
    for mapped in accepted:
        call = existing.get(mapped.identifier)
        if call is None:
            created.append(mapped)
        elif call.source != Source.EU_FUNDING_TENDERS:
            index = next(i for i, r in enumerate(records, start=1) if _topic_id(r) == mapped.identifier)
            reason = _("a call with this identifier was entered by hand; the import does not overwrite it")
            report.rejected.append(Rejection(index, mapped.identifier, reason))
        elif call.content_hash == mapped.content_hash:
            report.unchanged += 1
        else:
            updated.append((call, mapped))
    report.rejected.sort(key=lambda rejection: rejection.index)
    report.created, report.updated = len(created), len(updated)
    if created or updated:
        with transaction.atomic():
            _write(created, updated, now, progress)
            if dry_run:
                transaction.set_rollback(True)
    report.seconds = perf_counter() - started
    return report
