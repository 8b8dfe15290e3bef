"""Write checked rows: one transaction, an upsert of organisations by stable key, then the memberships."""

import json
from collections.abc import Callable

from django.db import connection, transaction
from django.db.models.expressions import RawSQL

from klusterplattform.accounts import audit
from klusterplattform.accounts.models import AuditAction
from klusterplattform.core.text import fold, swedish_sort_key

from ..choices import MembershipKind
from ..models import Membership, Organisation
from ..signals import organisations_imported
from .columns import Header
from .result import ImportResult
from .rows import ValidRow

BATCH_SIZE = 2000
ALWAYS_UPDATED = ["name", "type", "organisation_number", "vat_number", "is_demo", "search_text", "sort_name"]
UPDATED_WHEN_GIVEN = {
    "size_class": ("size_class",),
    "nace_code": ("nace_code",),
    "country": ("country",),
    "website": ("website",),
    "postcode": ("postcode", "municipality_code", "region"),
    "municipality_code": ("municipality_code", "region"),
    "region": ("region",),
}


def update_fields_for(header: Header) -> list[str]:
    """Columns the file does not have keep their stored values; the place is recomputed from whatever it gives."""
    fields = list(ALWAYS_UPDATED)
    for column, model_fields in UPDATED_WHEN_GIVEN.items():
        if header.has(column):
            fields += [field for field in model_fields if field not in fields]
    return [*fields, "updated_at"]


def existing_organisations(keys: list[str]) -> dict[str, tuple[int, str, str]]:
    """key → (id, organisation number, VAT number) for the keys already stored, in one query."""
    stored = Organisation.objects.values_list("key", "id", "organisation_number", "vat_number")
    return {key: (pk, number, vat) for key, pk, number, vat in stored.filter(key__in=_key_set(keys))}


def _key_set(keys: list[str]):
    """The keys as one query parameter (an array, or JSON on SQLite): one placeholder per key would cost more than
    the look-up itself (about 14 µs a key, measured in bench/import_bench.py)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::text[])", (keys,))
    if connection.vendor == "sqlite" and connection.features.supports_json_field:
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(keys),))
    return keys


def prepare(rows: list[ValidRow], existing: dict) -> None:
    """Fill identifiers a file leaves out from the stored row, then compute the derived search and sort columns."""
    for row in rows:
        organisation = row.organisation
        stored = existing.get(organisation.key)
        if stored is not None:
            organisation.organisation_number = organisation.organisation_number or stored[1]
            organisation.vat_number = organisation.vat_number or stored[2]
        name = organisation.name
        organisation.search_text = fold(f"{name} {organisation.organisation_number} {organisation.vat_number}")[:300]
        organisation.sort_name = swedish_sort_key(name)


def write(rows: list[ValidRow], header: Header, result: ImportResult, progress: Callable | None = None) -> None:
    keys = [row.organisation.key for row in rows]
    existing = existing_organisations(keys)
    result.updated = len(existing)
    result.created = len(rows) - len(existing)
    prepare(rows, existing)
    if result.dry_run:
        plan_memberships(rows, {key: stored[0] for key, stored in existing.items()}, result)
        return
    fields = update_fields_for(header)
    organisations = [row.organisation for row in rows]
    with transaction.atomic():
        for start in range(0, len(organisations), BATCH_SIZE):
            batch = organisations[start : start + BATCH_SIZE]
            Organisation.objects.bulk_create(
                batch, update_conflicts=True, unique_fields=["key"], update_fields=fields, batch_size=BATCH_SIZE
            )
            if progress is not None:
                progress("write", start + len(batch), len(organisations))
        ids = {organisation.key: organisation.pk for organisation in organisations}
        if None in ids.values():  # databases that do not return ids from an upsert
            ids = {key: stored[0] for key, stored in existing_organisations(keys).items()}
        to_create, to_update = plan_memberships(rows, ids, result)
        Membership.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Membership.objects.bulk_update(to_update, ["kind", "joined"], batch_size=BATCH_SIZE)
        record_memberships(to_create, to_update)
        organisations_imported.send(sender=Organisation, organisation_ids=sorted(ids.values()))


def record_memberships(created: list[Membership], updated: list[Membership]) -> None:
    """Bulk writes skip the model signals, so the import records its membership events itself."""
    entries = [
        (m, AuditAction.CREATE, {k: [None, v] for k, v in audit.snapshot(m).items() if v not in (None, "")})
        for m in created
        if m.pk is not None
    ]
    for membership in updated:
        before = membership._kp_audit_before
        after = audit.snapshot(membership)
        entries.append((membership, AuditAction.UPDATE, audit.diff(before, {k: after[k] for k in before})))
    audit.record_many(entries)


def plan_memberships(rows: list[ValidRow], ids: dict[str, int], result: ImportResult):
    """New memberships, and open ones whose kind or joining date the file corrects; an open one is never doubled."""
    with_cluster = [row for row in rows if row.cluster_id is not None]
    open_memberships = {}
    if with_cluster:
        stored = Membership.objects.filter(cluster_id__in={row.cluster_id for row in with_cluster}, left__isnull=True)
        for membership in stored.only("id", "cluster_id", "organisation_id", "kind", "joined"):
            open_memberships[membership.cluster_id, membership.organisation_id] = membership
    to_create, to_update = [], []
    for row in with_cluster:
        organisation_id = ids.get(row.organisation.key)
        current = open_memberships.get((row.cluster_id, organisation_id))
        if current is None:
            kind = row.kind or MembershipKind.MEMBER
            to_create.append(
                Membership(cluster_id=row.cluster_id, organisation_id=organisation_id, kind=kind, joined=row.joined)
            )
        elif (row.kind or current.kind, row.joined or current.joined) != (current.kind, current.joined):
            current._kp_audit_before = {"kind": current.kind, "joined": _iso(current.joined)}
            current.kind, current.joined = row.kind or current.kind, row.joined or current.joined
            to_update.append(current)
    result.memberships_created = len(to_create)
    result.memberships_updated = len(to_update)
    return to_create, to_update


def _iso(day):
    return day.isoformat() if day else None
