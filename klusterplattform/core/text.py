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


def _sort_letter(char: str) -> str:
    if char in _SWEDISH_AFTER_Z:
        return _SWEDISH_AFTER_Z[char]
    if char in _SWEDISH_AS:
        return _SWEDISH_AS[char]
    # Strip accents from other letters (é → e), as Swedish dictionaries do.
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


class _LetterTable(dict):
    """Code point → sort letter, filled on first use: one str.translate call per name instead of a Python loop
    (about 1 µs against 17 µs a name, which matters when an import computes 100,000 keys)."""

    def __missing__(self, codepoint: int) -> str:
        value = self[codepoint] = _sort_letter(chr(codepoint))
        return value


_SORT_TABLE = _LetterTable()


def swedish_sort_key(text: str) -> str:
    """A key whose plain binary order is the Swedish alphabetical order (… x y z å ä ö), case-insensitive."""
    return fold(text).translate(_SORT_TABLE)[:200]


def search_terms(query: str) -> list[str]:
    """Split a user's search into folded words; every word must match (AND)."""
    return [word for word in fold(query).split(" ") if word][:8]
