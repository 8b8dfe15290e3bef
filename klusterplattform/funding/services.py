"""Writes that touch several rows of a funding call: saving it with its deadlines, which also refreshes the derived
dates and the search index."""

from django.db import transaction

from . import search
from .models import FundingDeadline


@transaction.atomic
def save_call(call, deadlines: list[dict] | None = None, ecosystems=None, tags=None):
    """Save `call`; when `deadlines` is given ([{at, time_zone, stage, label}], `at` aware) replace its deadlines.
    Then recompute opens_at/closes_at and the search rows."""
    call.save()
    if deadlines is not None:
        call.deadlines.all().delete()
        FundingDeadline.objects.bulk_create([FundingDeadline(call=call, **d) for d in deadlines])
    if ecosystems is not None:
        call.ecosystems.set(ecosystems)
    if tags is not None:
        call.tags.set(tags)
    call.refresh_dates()
    search.reindex([call])
    return call
