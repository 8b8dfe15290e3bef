"""Which catalogue version is in force: the newest one. Older versions stay for the assessments that use them."""

from ..models import CatalogueVersion

# Spelled out where a query aggregates: the model's default ordering is not to be relied on there.
NEWEST_FIRST = ("-created_at", "-id")


def current_catalogue() -> CatalogueVersion | None:
    """The newest catalogue version, or None before any exists."""
    return CatalogueVersion.objects.order_by(*NEWEST_FIRST).first()
