"""Profile text as stems: Swedish and English words meet on one canonical stem, compounds split at a known head,
legal forms and filler dropped, phrases cut for quoting; and the text need's key."""

from klusterplattform.matchmaking.matching import need as needs
from klusterplattform.matchmaking.matching.text import phrases, stems, term


def test_a_swedish_word_and_its_english_translation_share_one_stem():
    assert term("cirkulär") == term("circular")
    assert term("livsmedel") == term("food")
    assert term("vätgas") == term("hydrogen")
    assert term("hållbart") == term("hållbar") == term("sustainable")
    assert term("förpackningar") == term("packaging")


def test_a_swedish_compound_also_counts_as_its_parts():
    counts = stems("textilåtervinning")
    assert counts[term("textile")] == 1
    assert counts[term("recycling")] == 1


def test_a_short_word_is_not_split():
    assert set(stems("textil")) == {term("textile")}


def test_legal_forms_stopwords_and_numbers_are_dropped():
    assert set(stems("Nordic Textile AB och the 2024 GmbH")) == {"nordic", term("textile")}


def test_repeated_words_are_counted():
    assert stems("textile textiles textil")[term("textile")] == 3


def test_phrases_are_cut_at_lines_list_items_and_sentences():
    text = "Pilot plants. Circular recycling\n• Fibre sorting; design | IT"
    assert phrases(text) == ["Pilot plants", "Circular recycling", "Fibre sorting", "design"]


def test_a_text_need_has_a_stable_key_that_ignores_case():
    assert needs.for_text("Textil Återvinning").key == needs.for_text("textil återvinning").key
    assert needs.for_text("textil").key != needs.for_text("textile").key


def test_a_very_long_text_need_is_cut():
    need = needs.for_text("textile " * 2000)
    assert len(need.text) == needs.MAX_NEED_TEXT
