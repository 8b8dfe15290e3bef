"""One EU Funding & Tenders topic (a dict of the export) → the values of a FundingCall and its deadlines, or the
reasons it cannot be imported. Pure: no database access. The rules are in docs/funding.md ("Import").
"""

import datetime
import hashlib
import json
import re
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..choices import BRUSSELS, EU_DEADLINE_HOUR, CallStatus, DeadlineModel, Source
from ..html import drop_stray_tag_end, plain_text, repair_text, sanitise, text_to_html

# Bump when the mapping changes, so the next import rewrites every call once (the content hash includes it).
MAPPING_VERSION = 1
FUNDER = "European Commission"
DIGITAL_PRIORITIES = frozenset({"DigitalAgenda", "AI"})

MAX_LENGTHS = {
    "identifier": 120,
    "title": 500,
    "programme": 200,
    "call_identifier": 120,
    "strand": 300,
    "action_type": 200,
    "source_url": 500,
}
MAX_AMOUNT = Decimal(10**15 - 1)  # max_digits=15

DEADLINE_MODELS = {
    "": DeadlineModel.SINGLE_STAGE,
    "single-stage": DeadlineModel.SINGLE_STAGE,
    "two-stage": DeadlineModel.TWO_STAGE,
    "multiple cut-off": DeadlineModel.MULTIPLE_CUTOFF,
    "multiple-cut-off": DeadlineModel.MULTIPLE_CUTOFF,
}
STATUSES = {status.value: status.value for status in CallStatus}

# Matched on case-folded text, after a plain substring test (a case-insensitive search of 10 kB descriptions was 1 ms).
CLUSTER_ORGANISATIONS = re.compile(r"\bcluster\s+organi[sz]ations?\b|\beuroclusters?\b")
CASCADE_FUNDING = re.compile(r"financial\s+support\s+to\s+third\s+parties|cascade\s+funding")
_TAG = re.compile(r"<[a-zA-Z/!]")
_SPACES = re.compile(r"\s+")

# The fields the import owns: it writes exactly these on create and update (and the hash covers them); everything
# else on an imported call (ecosystems, eligibility counts, other tags, publication) is left to people.
IMPORTED_FIELDS = (
    "title",
    "language",
    "programme",
    "funder",
    "call_identifier",
    "strand",
    "action_type",
    "time_zone",
    "deadline_model",
    "source_status",
    "currency",
    "budget_min",
    "budget_max",
    "expected_grants",
    "keywords",
    "description_html",
    "conditions_html",
    "cluster_organisations_eligible",
    "cluster_eligibility_inferred",
    "is_cascade_funding",
    "source",
    "source_url",
)


@dataclass
class MappedTopic:
    identifier: str
    values: dict  # IMPORTED_FIELDS → value
    deadlines: list[dict]  # [{at (aware, UTC), time_zone, stage, label}]
    digital: bool
    warnings: list[str] = field(default_factory=list)
    content_hash: str = ""


def _text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _line(value) -> str:
    """A one-line field: repaired, whitespace collapsed."""
    return _SPACES.sub(" ", repair_text(_text(value))).strip()


def to_html(text: str) -> str:
    """Source text as sanitised HTML: HTML is sanitised, plain text escaped into paragraphs; a stray '">' at the
    start (left by the export's tag stripping) is dropped either way."""
    text = drop_stray_tag_end(text).strip()
    if not text:
        return ""
    return sanitise(text) if _TAG.search(text) else text_to_html(text)


def deadline_at(value: str) -> datetime.datetime:
    """A source deadline as an aware UTC instant: a date alone means 17:00 Brussels time that day (the Portal's
    usual hour); a date-time without a zone is Brussels time. Raises ValueError when it is not a date."""
    value = value.strip()
    brussels = zoneinfo.ZoneInfo(BRUSSELS)
    if len(value) == 10:
        day = datetime.date.fromisoformat(value)
        local = datetime.datetime.combine(day, datetime.time(EU_DEADLINE_HOUR, 0), tzinfo=brussels)
    else:
        local = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if local.tzinfo is None:
            local = local.replace(tzinfo=brussels)
    return local.astimezone(datetime.UTC)


def _deadlines(raw, reasons: list[str]) -> list[dict]:
    if raw is None or raw == "":
        return []
    values = raw if isinstance(raw, list) else [raw]
    instants = []
    for value in values:
        if not isinstance(value, str):
            reasons.append(_("deadline %(value)r is not a date") % {"value": value})
            continue
        try:
            instants.append(deadline_at(value))
        except ValueError:
            reasons.append(_("deadline %(value)r is not a valid date (expected YYYY-MM-DD)") % {"value": value})
    return [
        {"at": at, "time_zone": BRUSSELS, "stage": stage, "label": ""}
        for stage, at in enumerate(sorted(set(instants)), start=1)
    ]


def _amount(topic: dict, key: str, reasons: list[str]) -> Decimal | None:
    value = topic.get(key)
    if value is None or value == "":
        return None
    try:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise InvalidOperation
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        reasons.append(_("%(field)s %(value)r is not a number") % {"field": key, "value": value})
        return None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        reasons.append(_("%(field)s %(value)r is not an amount in euro") % {"field": key, "value": value})
        return None
    return amount.quantize(Decimal(1))


def _count(topic: dict, key: str, reasons: list[str]) -> int | None:
    value = topic.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        reasons.append(_("%(field)s %(value)r is not a whole number") % {"field": key, "value": value})
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value() or not 0 <= number < 2**31:
        reasons.append(_("%(field)s %(value)r is not a whole number") % {"field": key, "value": value})
        return None
    return int(number)


def _keywords(raw, identifiers: set[str]) -> str:
    """Keywords repaired, without the topic and call identifiers the export repeats at their start, each once."""
    seen, kept = set(), []
    for keyword in repair_text(_text(raw)).split(","):
        keyword = _SPACES.sub(" ", keyword).strip()
        key = keyword.casefold()
        if keyword and key not in identifiers and key not in seen:
            seen.add(key)
            kept.append(keyword)
    return ", ".join(kept)


def _description(topic: dict) -> str:
    description = repair_text(_text(topic.get("description"))).strip()
    objectives = repair_text(_text(topic.get("objectives"))).strip()
    parts = [description]
    if objectives and objectives not in description:
        parts.append(objectives)
    return "".join(to_html(part) for part in parts if part)


def _deadline_model(topic: dict, warnings: list[str]) -> str:
    raw = topic.get("deadlineModel")
    if raw is None:
        procedure = topic.get("submissionProcedure")
        raw = procedure.get("abbreviation", "") if isinstance(procedure, dict) else ""
    key = _SPACES.sub(" ", _text(raw)).strip().lower()
    if key not in DEADLINE_MODELS:
        warnings.append(_("unknown deadline model %(value)r, taken as single-stage") % {"value": raw})
        return DeadlineModel.SINGLE_STAGE
    return DEADLINE_MODELS[key]


def content_hash(mapped: MappedTopic) -> str:
    payload = {
        "version": MAPPING_VERSION,
        "values": {key: (str(value) if isinstance(value, Decimal) else value) for key, value in mapped.values.items()},
        "deadlines": [[d["at"].isoformat(), d["time_zone"], d["stage"], d["label"]] for d in mapped.deadlines],
        "digital": mapped.digital,
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def map_topic(topic) -> tuple[MappedTopic | None, list[str]]:
    """(the mapped topic, []) or (None, the reasons it is rejected)."""
    if not isinstance(topic, dict):
        return None, [_("not a JSON object")]
    reasons: list[str] = []
    warnings: list[str] = []
    identifier = _text(topic.get("topicId")).strip()
    title = _line(topic.get("title"))
    if not identifier:
        reasons.append(_("topicId is missing"))
    if not title:
        reasons.append(_("title is missing"))
    call_identifier = _text(topic.get("callIdentifier")).strip()
    values = {
        "title": title,
        "language": "en",
        "programme": _line(topic.get("programme")),
        "funder": FUNDER,
        "call_identifier": call_identifier,
        "strand": _line(topic.get("callTitle")),
        "action_type": _line(topic.get("typesOfAction")) or _line(topic.get("actionType")),
        "time_zone": BRUSSELS,
        "deadline_model": _deadline_model(topic, warnings),
        "source_status": STATUSES.get(_text(topic.get("callStatus")).strip().lower(), ""),
        "currency": "EUR",
        "budget_min": _amount(topic, "budgetMin", reasons),
        "budget_max": _amount(topic, "budgetMax", reasons),
        "expected_grants": _count(topic, "expectedGrants", reasons),
        "keywords": _keywords(topic.get("keywords"), {identifier.casefold(), call_identifier.casefold()}),
        "description_html": _description(topic),
        "conditions_html": to_html(repair_text(_text(topic.get("topicConditions")))),
        "source": Source.EU_FUNDING_TENDERS,
        "source_url": _text(topic.get("portalUrl")).strip(),
    }
    deadlines = _deadlines(topic.get("deadline"), reasons)
    for name, limit in MAX_LENGTHS.items():
        value = identifier if name == "identifier" else values[name]
        if len(value) > limit:
            reasons.append(
                _("%(field)s is longer than %(limit)s characters (%(length)s)")
                % {"field": name, "limit": limit, "length": len(value)}
            )
    if values["source_url"] and not values["source_url"].startswith(("https://", "http://")):
        reasons.append(_("portalUrl %(value)r is not a web address") % {"value": values["source_url"]})
    if reasons:
        return None, reasons
    text = " ".join([plain_text(values["description_html"]), plain_text(values["conditions_html"])]).casefold()
    names_clusters = "cluster" in text and bool(CLUSTER_ORGANISATIONS.search(text))
    values["cluster_organisations_eligible"] = True if names_clusters else None
    values["cluster_eligibility_inferred"] = names_clusters
    values["is_cascade_funding"] = ("third" in text or "cascade" in text) and bool(CASCADE_FUNDING.search(text))
    priorities = {p.strip() for p in re.split(r"[,;\s]+", _text(topic.get("crossCuttingPriorities")))}
    mapped = MappedTopic(identifier, values, deadlines, bool(priorities & DIGITAL_PRIORITIES), warnings)
    mapped.content_hash = content_hash(mapped)
    return mapped, []
