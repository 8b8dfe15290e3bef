"""Repairing double-encoded text, sanitising HTML and plain text for search (funding/html.py)."""

import ftfy
import pytest

from klusterplattform.funding.html import is_bad_fast, plain_text, repair_text, sanitise


def mojibake(text: str) -> str:
    """`text` as it looks after its UTF-8 bytes were read as Windows-1252 (as in the EU export)."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize(
    "correct",
    ["Västra Götaland", "Ø", "Øresund — a strait", "Europe’s “clusters”", "ﬁnance", "ＡＢＣ", "R&amp;D", "Åre – Umeå"],
)
def test_correct_text_is_never_changed(correct):
    assert repair_text(correct) == correct


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        (mojibake("Europe’s future"), "Europe’s future"),
        (
            mojibake("the beneficiaries’ costs") + " in Västra Götaland — Øresund",
            "the beneficiaries’ costs in Västra Götaland — Øresund",
        ),
        (mojibake("“Admissibility”") + " and real ’ quotes", "“Admissibility” and real ’ quotes"),
        (mojibake("Göteborg") + " and Malmö", "Göteborg and Malmö"),
        (mojibake("Umeå") + " and real Malmö and Åre", "Umeå and real Malmö and Åre"),
        (mojibake("Women’s Political") + "\nand more", "Women’s Political\nand more"),
        (mojibake(mojibake("double–double")), "double–double"),
    ],
)
def test_mojibake_is_repaired_also_next_to_correct_characters(broken, repaired):
    assert broken != repaired
    assert repair_text(broken) == repaired


def test_curly_quotes_stay_curly_and_empty_text_is_empty():
    assert repair_text(mojibake("it’s")) == "it’s"
    assert repair_text("") == "" and repair_text(None) == ""


def test_the_fast_mojibake_test_agrees_with_ftfy():
    samples = [
        "x" * 500 + mojibake("’") + "y" * 500,
        "a" * 300 + " Ã " + "b" * 300,
        "Ã la carte " + "z" * 100,
        "plain ascii " * 50,
        "Västra Götaland " * 30,
        "abc" + mojibake("Ä") + "defghijklmnop" * 20,
    ]
    for sample in samples:
        assert is_bad_fast(sample) == ftfy.badness.is_bad(sample), sample[:40]


def test_sanitise_keeps_the_allowlist_and_drops_everything_else():
    html = (
        '"><p onclick="steal()">Text <strong>bold</strong> <em>em</em> <b>b</b> <i>i</i><br>'
        '<a href="https://example.org/x" title="T" target="_blank" style="color:red">link</a> '
        '<a href="javascript:alert(1)">bad</a> <a href="mailto:a@example.org">mail</a></p>'
        "<script>alert('x')</script><style>p{}</style><img src=x onerror=alert(1)><iframe src=x></iframe>"
        "<h2>h2</h2><h3>h3</h3><ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote>"
        "<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>"
    )
    clean = sanitise(html)
    assert clean.startswith("<p>Text")
    for kept in ["<strong>bold</strong>", "<em>em</em>", "<b>b</b>", "<i>i</i>", "<br>", "<h3>h3</h3>", "<blockquote>"]:
        assert kept in clean
    assert "<ul><li>one</li></ul>" in clean and "<ol><li>two</li></ol>" in clean
    assert "<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>" in clean
    assert '<a href="https://example.org/x" title="T" rel="noopener noreferrer">link</a>' in clean
    assert '<a rel="noopener noreferrer">bad</a>' in clean
    assert 'href="mailto:a@example.org"' in clean
    for dropped in ["onclick", "javascript:", "<script", "alert('x')", "<style", "p{}", "<img", "onerror", "<iframe"]:
        assert dropped not in clean
    assert "<h2>" not in clean and "h2" in clean  # the tag goes, its text stays
    assert "target" not in clean and "style=" not in clean


@pytest.mark.parametrize("prefix", ['">', ' ">', "'>", '" >'])
def test_a_stray_tag_end_at_the_start_is_dropped(prefix):
    assert sanitise(prefix + "General conditions") == "General conditions"
    assert plain_text(prefix + "General conditions") == "General conditions"


def test_a_tag_end_inside_the_text_is_kept_as_text():
    assert sanitise('Costs ">" apply') == 'Costs "&gt;" apply'


def test_plain_text_collapses_whitespace_decodes_entities_and_drops_script_content():
    html = "<p>First</p><p>second &amp; third</p>\n\n  <ul><li>a</li><li>b</li></ul><script>bad()</script>x<br>y"
    assert plain_text(html) == "First second & third a b x y"
    assert plain_text("") == "" and plain_text(None) == ""


def test_a_text_that_starts_with_a_plain_greater_than_sign_keeps_it():
    assert plain_text("> 50 % of the budget") == "> 50 % of the budget"
