"""Full-text search over funding calls in Swedish and English, the same on SQLite and PostgreSQL.

Each call's text (identifier, title, programme, funder, strand, action type, keywords, description) is cut into
words, folded (case, accents kept for å/ä/ö) and reduced to a light stem (`stem`: common English and Swedish
endings removed, so "clusters" finds "cluster" and "klustren" finds "kluster"). The distinct stems are stored as
rows of FundingSearchTerm and looked up by exact match on an indexed column, which stays fast at 5,000 calls on
both databases where LIKE over 14 kB descriptions does not.

A query word matches a call when its stem, or the stem of its translation in the small Swedish–English word list
below, is among the call's stems; every word of the query must match (AND). So "cirkulär textil" finds an English
topic about circular textiles, and "digital" finds a Swedish call about "digitalisering".
"""

import functools
import re

from django.db import transaction
from django.db.models import Q
from django.utils.html import strip_tags

from klusterplattform.core.bulk import insert_rows
from klusterplattform.core.text import fold

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TERM = 40
MAX_TERMS_PER_CALL = 3000

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "which",
        "into",
        "their",
        "these",
        "those",
        "than",
        "then",
        "also",
        "such",
        "other",
        "more",
        "can",
        "may",
        "not",
        "all",
        "any",
        "each",
        "both",
        "within",
        "under",
        "about",
        "och",
        "att",
        "av",
        "den",
        "det",
        "en",
        "ett",
        "för",
        "från",
        "har",
        "i",
        "med",
        "men",
        "om",
        "på",
        "som",
        "till",
        "under",
        "vid",
        "är",
        "de",
        "du",
        "vi",
        "ni",
        "man",
        "eller",
    ]
)

# Longest first; a stem keeps at least four letters.
SUFFIXES = sorted(
    [
        "ational",
        "ations",
        "ation",
        "ings",
        "ing",
        "ities",
        "ity",
        "ies",
        "ied",
        "ness",
        "ments",
        "ment",
        "ers",
        "er",
        "es",
        "ed",
        "s",
        "ally",
        "al",
        "ly",
        "ernas",
        "arnas",
        "ornas",
        "erna",
        "arna",
        "orna",
        "heten",
        "heter",
        "het",
        "ningar",
        "ningen",
        "ning",
        "ande",
        "ende",
        "isering",
        "iseringen",
        "ar",
        "or",
        "er",
        "en",
        "et",
        "na",
        "a",
    ],
    key=len,
    reverse=True,
)

# Swedish ↔ English words of cluster and funding work (both directions are used).
TRANSLATIONS = {
    "cirkulär": "circular",
    "digitalisering": "digitalisation",
    "digital": "digital",
    "grön": "green",
    "hållbar": "sustainable",
    "hållbarhet": "sustainability",
    "hälsa": "health",
    "vård": "care",
    "energi": "energy",
    "livsmedel": "food",
    "mat": "food",
    "textil": "textile",
    "klimat": "climate",
    "innovation": "innovation",
    "forskning": "research",
    "företag": "enterprise",
    "småföretag": "sme",
    "kluster": "cluster",
    "klusterorganisation": "cluster",
    "vatten": "water",
    "transport": "transport",
    "tillverkning": "manufacturing",
    "industri": "industry",
    "material": "material",
    "skog": "forest",
    "jordbruk": "agriculture",
    "turism": "tourism",
    "säkerhet": "security",
    "försvar": "defence",
    "rymd": "space",
    "utbildning": "education",
    "kompetens": "skills",
    "samarbete": "cooperation",
    "värdekedja": "value",
    "återvinning": "recycling",
    "batteri": "battery",
    "vätgas": "hydrogen",
    "bygg": "construction",
    "fordon": "automotive",
    "mobilitet": "mobility",
    "kultur": "culture",
    "kreativ": "creative",
    "elektronik": "electronics",
    "region": "region",
    "motståndskraft": "resilience",
    "investering": "investment",
    "finansiering": "funding",
    "utlysning": "call",
    "kommersialisering": "commercialisation",
}


@functools.lru_cache(maxsize=200_000)  # an import stems ~500,000 words, mostly the same few thousand
def stem(word: str) -> str:
    """Two rounds of suffix stripping, so a Swedish inflection of an English-looking word ends where the English one
    does ("interregionala" → "interregional" → "interregion")."""
    word = word.casefold()
    for _round in range(2):
        if len(word) <= 5 or word.isdigit():
            break
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word[:MAX_TERM]


def _pairs() -> dict[str, set[str]]:
    pairs: dict[str, set[str]] = {}
    for swedish, english in TRANSLATIONS.items():
        a, b = stem(swedish), stem(english)
        pairs.setdefault(a, set()).add(b)
        pairs.setdefault(b, set()).add(a)
    return pairs


_ALTERNATIVES = _pairs()


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1]


def terms(text: str) -> set[str]:
    """The distinct stems of `text`."""
    return {stem(w) for w in set(words(text))}


def query_alternatives(query: str) -> list[set[str]]:
    """One set of acceptable stems per query word (the word's stem and its translations)."""
    groups = []
    for word in words(query):
        base = stem(word)
        groups.append({base, *_ALTERNATIVES.get(base, ())})
    return groups


def matching(query: str) -> Q:
    """A filter for FundingCall: every word of `query` (or its translation) is in the call's text. An empty query
    matches everything."""
    from .models import FundingSearchTerm

    condition = Q()
    for alternatives in query_alternatives(query):
        condition &= Q(pk__in=FundingSearchTerm.objects.filter(term__in=sorted(alternatives)).values("call_id"))
    return condition


def call_text(call) -> str:
    return " ".join(
        [
            call.identifier,
            call.call_identifier,
            call.title,
            call.programme,
            call.funder,
            call.strand,
            call.action_type,
            call.keywords,
            strip_tags(call.description_html or ""),
        ]
    )


def index_fields(call) -> list[str]:
    """Set the call's folded search text and fit stems (not saved) and return its search terms. For writers that save
    the call afterwards anyway (the import), so the row is written once; then write the terms with `write_terms`."""
    text = call_text(call)
    call.search_text = fold(text)
    call.search_terms = " ".join(sorted(terms(" ".join([call.title, call.keywords, call.strand]))))
    return sorted(terms(text))[:MAX_TERMS_PER_CALL]


def write_terms(terms_by_call: dict[int, list[str]]) -> None:
    """Replace the search rows of the calls (by pk) with the given terms."""
    from .models import FundingSearchTerm

    with transaction.atomic():
        FundingSearchTerm.objects.filter(call_id__in=list(terms_by_call)).delete()
        rows = [(pk, term) for pk, call_terms in terms_by_call.items() for term in call_terms]
        _insert_terms(FundingSearchTerm._meta.db_table, rows)


def reindex(calls) -> None:
    """Rewrite the search rows and the folded text of `calls` (instances; call inside the writer's transaction)."""
    from .models import FundingCall

    calls = list(calls)
    with transaction.atomic():
        write_terms({call.pk: index_fields(call) for call in calls})
        FundingCall.objects.bulk_update(calls, ["search_text", "search_terms"], batch_size=500)


def _insert_terms(table: str, rows: list[tuple[int, str]]) -> None:
    insert_rows(table, ["call_id", "term"], rows)
