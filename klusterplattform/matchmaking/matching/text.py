"""Profile text as weighted word stems, in Swedish and English.

Words are folded and stemmed with the funding register's bilingual stemmer, and a word of the small Swedish–English
list also counts as its translation, so "cirkulär textilåtervinning" meets "circular textile recycling". Swedish
compounds are split at a known word from that list or from the taxonomy ("fiberåtervinning" → "fiber",
"återvinning"), which is what character n-grams would buy, at a fraction of the index size, and stays explainable:
every match can be named by the words both sides use.
"""

import re
from collections import Counter

from klusterplattform.funding.search import STOPWORDS, TRANSLATIONS, stem, words

# Legal forms and filler that say nothing about what an organisation does.
NOISE = frozenset(
    [
        "ab",
        "aktiebolag",
        "hb",
        "kb",
        "ek",
        "för",
        "ekonomisk",
        "förening",
        "gmbh",
        "ag",
        "kg",
        "ltd",
        "limited",
        "plc",
        "inc",
        "oy",
        "oyj",
        "as",
        "asa",
        "aps",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "sp",
        "zoo",
        "co",
        "company",
        "holding",
        "group",
        "och",
        "the",
        "we",
        "our",
        "vår",
        "våra",
        "vårt",
        "vi",
        "oss",
    ]
)

# Pairs the funding register's list lacks that profiles of clusters use (Swedish → English).
MORE_TRANSLATIONS = {
    "avancerad": "advanced",
    "fiber": "fibre",
    "fibrer": "fiber",
    "avancerade": "advanced",
    "plast": "plastic",
    "trä": "wood",
    "skogsindustri": "forestry",
    "läkemedel": "pharmaceutical",
    "medicinteknik": "medtech",
    "fordonsindustri": "automotive",
    "sjöfart": "maritime",
    "hav": "ocean",
    "marin": "marine",
    "livsvetenskap": "life",
    "elektrifiering": "electrification",
    "sensor": "sensor",
    "robot": "robotics",
    "automation": "automation",
    "design": "design",
    "mode": "fashion",
    "spel": "games",
    "besöksnäring": "tourism",
    "stål": "steel",
    "gruva": "mining",
    "mineral": "mineral",
    "bioekonomi": "bioeconomy",
    "solenergi": "solar",
    "vind": "wind",
    "hållbart": "sustainable",  # the neuter form keeps its "t" through the stemmer
    "förpackning": "packaging",
}


def _canonical_map() -> dict[str, str]:
    """Stem → the one stem that stands for it and its translations (the alphabetically first of the group)."""
    groups: dict[str, set[str]] = {}
    for swedish, english in [*TRANSLATIONS.items(), *MORE_TRANSLATIONS.items()]:
        a, b = stem(swedish), stem(english)
        group = groups.get(a, {a}) | groups.get(b, {b})
        for member in group:
            groups[member] = group
    return {member: min(group) for member, group in groups.items()}


CANONICAL = _canonical_map()

# Swedish compound heads worth splitting off (stems), from the translation lists.
_HEADS = sorted({s for s in CANONICAL if len(s) >= 5}, key=len, reverse=True)
_SPLIT_MIN = 9


def term(word: str) -> str:
    base = stem(word)
    return CANONICAL.get(base, base)


def _compound_parts(word: str) -> list[str]:
    """A long word that ends in a known head word also counts as that head and its remaining first part."""
    if len(word) < _SPLIT_MIN:
        return []
    for head in _HEADS:
        if word.endswith(head) and len(word) - len(head) >= 4:
            return [word[: -len(head)].rstrip("s"), head]
    return []


def stems(text: str) -> Counter:
    """Stem → count for `text` (noise words dropped, compounds split, translations added once per word)."""
    counts: Counter = Counter()
    for word in words(text):
        if word in NOISE or word in STOPWORDS or word.isdigit():
            continue
        base = stem(word)
        counts[CANONICAL.get(base, base)] += 1
        for part in _compound_parts(base):
            counts[term(part)] += 1
    return counts


PHRASE_SPLIT = re.compile(r"[\n;•·|]+|(?<=[.!?])\s+")


def phrases(text: str) -> list[str]:
    """The phrases of a profile text (lines, list items, sentences), for quoting the one that matches."""
    return [p.strip(" -–*,.") for p in PHRASE_SPLIT.split(text or "") if len(p.strip()) > 2]
