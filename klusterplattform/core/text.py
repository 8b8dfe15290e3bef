"""Swedish-aware text helpers shared by every app.

SQLite's LIKE does not case-fold Å/Ä/Ö and the two databases collate differently, so we store a folded search column
and a binary-sortable Swedish sort key, computed here in Python; both databases then agree on matches and order.
"""

import unicodedata

# Letters that Swedish sorts as other letters (ü as y, æ as ä, ø as ö, …) or after z (å, ä, ö).
_SWEDISH_AFTER_Z = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"}
_SWEDISH_AS = {"ü": "y", "ß": "ss", "œ": "oe"}


def fold(text: str) -> str:
    """Case-folded, whitespace-collapsed text for searching; keeps å, ä and ö (they are letters in Swedish)."""
    return " ".join((text or "").casefold().split())


def swedish_sort_key(text: str) -> str:
    """A key whose plain binary order is the Swedish alphabetical order (… x y z å ä ö), case-insensitive."""
    out = []
    for char in fold(text):
        if char in _SWEDISH_AFTER_Z:
            out.append(_SWEDISH_AFTER_Z[char])
        elif char in _SWEDISH_AS:
            out.append(_SWEDISH_AS[char])
        else:
            # Strip accents from other letters (é → e), as Swedish dictionaries do.
            decomposed = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)[:200]


def search_terms(query: str) -> list[str]:
    """Split a user's search into folded words; every word must match (AND)."""
    return [word for word in fold(query).split(" ") if word][:8]
