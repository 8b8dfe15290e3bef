"""Fictional names for demo records, built from Faker surnames so no real organisation is named.

Faker's own `company()` is not used: some locales draw on lists of real company names.
"""

import random

from faker import Faker

from .population import Theme

_COMPANY_WORDS = ("Tech", "Solutions", "Systems", "Engineering", "Consulting", "Labs", "Industries", "Partners")
_SWEDISH = {
    "research": "{last} forskningsinstitut",
    "education": "{last}skolan",
    "public_body": "Utvecklingsbyrån {last}",
    "other": "Föreningen {last}",
}
_ENGLISH = {
    "research": "{last} Research Institute",
    "education": "{last} College",
    "public_body": "{last} Development Agency",
    "other": "{last} Association",
}


def _surname(fake: Faker) -> str:
    last = fake.last_name()
    return last[:1].upper() + last[1:]  # "von Ahn Energy Cluster" reads as a name only when capitalised


def person_name(fake: Faker) -> str:
    """A first and last name, without the titles Faker sometimes adds (they would end up in e-mail addresses)."""
    return f"{fake.first_name()} {fake.last_name()}"


def cluster_name(fake: Faker, theme: Theme, swedish: bool) -> str:
    return f"{_surname(fake)} {theme.name_sv if swedish else theme.name_en}"


def organisation_name(fake: Faker, rng: random.Random, org_type: str, swedish: bool) -> str:
    last = _surname(fake)
    if org_type in _ENGLISH:
        return (_SWEDISH if swedish else _ENGLISH)[org_type].format(last=last)
    if org_type == "large_company":
        return f"{last} Group"
    pattern = rng.random()
    if pattern < 0.5:
        return f"{last} {fake.company_suffix()}"
    if pattern < 0.75:
        return f"{last} & {fake.last_name()} {fake.company_suffix()}"
    return f"{last} {rng.choice(_COMPANY_WORDS)} {fake.company_suffix()}"
