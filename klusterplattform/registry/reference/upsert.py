"""Idempotent writes for reference data: create what is missing, update only facts that changed, touch nothing else.

A second run with unchanged data issues no UPDATE at all, so `updated_at` columns and users' own edits stay put.
"""

from dataclasses import dataclass

from django.db import models


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: "Tally") -> "Tally":
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self


def upsert(
    model: type[models.Model],
    key: str,
    facts: list[dict],
    tally: Tally,
    on_create: dict[str, dict] | None = None,
) -> dict[str, models.Model]:
    """Upsert rows of `facts` (field → value, including `key`), returning the objects by key.

    `on_create` maps a key to extra values set only when the row is created: fields a user may edit afterwards.
    """
    on_create = on_create or {}
    keys = [row[key] for row in facts]
    existing = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": keys})}
    result = {}
    for row in facts:
        obj = existing.get(row[key])
        if obj is None:
            obj = model(**row, **on_create.get(row[key], {}))
            obj.save()
            tally.created += 1
        else:
            changed = [field for field, value in row.items() if getattr(obj, field) != value]
            for field in changed:
                setattr(obj, field, row[field])
            if changed:
                obj.save(update_fields=changed)
                tally.updated += 1
            else:
                tally.unchanged += 1
        result[row[key]] = obj
    return result
