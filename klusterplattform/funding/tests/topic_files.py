"""The project's own topic fixture (fictional topics in the EU Funding & Tenders export format) and the file variants
the tests build from it at run time: gzipped, plain, one object per line, concatenated, a JSON array."""

import gzip
import json
from pathlib import Path

import pytest
from django.utils import translation

from klusterplattform.funding.importing import read_topics

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "topics_sample.jsonl"
VALID_IDS = [f"TEST-2026-FIXTURE-0{n}" for n in (1, 2, 3, 4, 6)]
INVALID_ID = "TEST-2026-FIXTURE-05"


def fixture_bytes() -> bytes:
    return FIXTURE.read_bytes()


def fixture_topics() -> list[dict]:
    return read_topics(fixture_bytes())


def topic(identifier: str) -> dict:
    return next(t for t in fixture_topics() if t["topicId"] == identifier)


def variants() -> dict[str, bytes]:
    topics = fixture_topics()
    lines = "\n".join(json.dumps(t, ensure_ascii=False) for t in topics).encode("utf-8")
    return {
        "as shipped (BOM, some objects concatenated)": fixture_bytes(),
        "gzipped": gzip.compress(fixture_bytes()),
        "one object per line, no BOM": lines,
        "one object per line, CRLF": lines.replace(b"\n", b"\r\n"),
        "concatenated without newlines": "".join(json.dumps(t, ensure_ascii=False) for t in topics).encode("utf-8"),
        "a JSON array, pretty-printed": json.dumps(topics, ensure_ascii=False, indent=2).encode("utf-8"),
        "a gzipped JSON array with BOM": gzip.compress(b"\xef\xbb\xbf" + json.dumps(topics).encode("utf-8")),
    }


@pytest.fixture
def english():
    """Messages are asserted in English (the msgids); the site's default language is Swedish."""
    with translation.override("en"):
        yield
