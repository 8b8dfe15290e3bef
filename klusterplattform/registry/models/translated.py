"""Content written in both languages has a field per language; this picks the one for the active language."""

from django.utils.translation import get_language


def in_language(obj, field: str) -> str:
    language = (get_language() or "sv")[:2]
    preferred = getattr(obj, f"{field}_{language}", "") or ""
    return preferred or getattr(obj, f"{field}_sv", "") or getattr(obj, f"{field}_en", "") or ""


class TranslatedNameMixin:
    @property
    def name(self) -> str:
        return in_language(self, "name")

    def __str__(self):
        return self.name
