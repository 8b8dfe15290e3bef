"""The Swedish catalogue is complete and the compiled file matches it (rule 6 of ARCHITECTURE.md)."""

import gettext
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PO = LOCALE / "sv" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def catalogue():
    assert PO.exists(), "run: .venv/bin/python scripts/messages.py"
    return polib.pofile(str(PO))


def test_every_swedish_entry_is_translated_and_none_is_fuzzy(catalogue):
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated[:20]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:20]}"


def test_the_compiled_catalogue_matches_the_po_file(catalogue):
    with open(PO.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, "stale .mo: run scripts/messages.py compile"


def test_placeholders_survive_translation(catalogue):
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    for entry in catalogue.translated_entries():
        if not entry.msgid_plural:
            assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr)), entry.msgid
