"""Text and HTML of funding calls: repair of double-encoded UTF-8, an allowlist sanitiser for the HTML kept in the
register, and plain text for search and previews.

`repair_text` uses ftfy with the fixes that change how text looks switched off: curly quotes stay curly, ligatures and
full-width characters stay as written, so only mojibake ("Europeâ€™s" → "Europe’s") is repaired and correct text
("Västra Götaland", "Ø", "—") is left as it is, also when one string mixes both.

`sanitise` keeps paragraphs, lists, emphasis, headings h3–h6, tables, block quotes and links (http, https, mailto;
rel="noopener noreferrer" added); everything else is dropped, and the content of script and style elements with it.
"""

import functools
import html as html_lib
import re

import ftfy
import ftfy.badness
import ftfy.chardata
import ftfy.fixes
import nh3

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "a",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# The Portal's export cuts tags out of the HTML and sometimes leaves the end of the first one behind ('">General…').
_STRAY_TAG_END = re.compile(r"""^\s*["']\s*>""")
_BLOCK_END = re.compile(r"<\s*(?:br|/?p|/li|/h[1-6]|/tr|/td|/th|/blockquote|/ul|/ol|/table|/div)\b[^>]*>", re.I)
_SPACES = re.compile(r"\s+")

# ftfy's mojibake test (`is_bad`, one large regular expression) runs several times per text and costs about 0.5 µs a
# character, mostly spent on long ASCII stretches that cannot be mojibake: it made repairing the 629-topic EU file
# (7 MB of text) take 5 s. Every pattern of that expression needs a non-ASCII character and looks at most 3 ASCII
# characters either side of it, so shortening each ASCII run to its first and last 4 characters gives exactly the same
# answer. ftfy's own functions are swapped for this equivalent once, at import (a test compares both on the real file).
_LONG_ASCII = re.compile(r"[\x00-\x7f]{9,}")
_original_is_bad = ftfy.badness.is_bad


def _shorten(match: re.Match) -> str:
    run = match.group()
    return run[:4] + run[-4:]


def is_bad_fast(text: str) -> bool:
    """ftfy.badness.is_bad(text), answered on `text` with long ASCII runs shortened (same result, much faster)."""
    if len(text) > 64:
        text = _LONG_ASCII.sub(_shorten, text)
    return _original_is_bad(text)


if ftfy.is_bad is _original_is_bad:
    ftfy.is_bad = is_bad_fast
    ftfy.fixes.is_bad = is_bad_fast


_FIXES = {
    "unescape_html": False,
    "fix_encoding": True,
    "restore_byte_a0": True,
    "replace_lossy_sequences": True,
    "decode_inconsistent_utf8": True,
    "fix_c1_controls": True,
    "uncurl_quotes": False,
    "fix_latin_ligatures": False,
    "fix_character_width": False,
    "fix_line_breaks": True,
    "fix_surrogates": True,
    "remove_terminal_escapes": True,
    "normalization": "NFC",
}
# ftfy removes control characters with str.translate, which takes 0.1 ms per 1,000 characters of non-ASCII text
# whether or not there is anything to remove; a regular expression finds out first whether there is.
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(ftfy.chardata.CONTROL_CHARS)) + "]")


_NON_ASCII_WORD = re.compile(r"[^\s]*[^\x00-\x7f][^\s]*")


def _fix(text: str) -> str:
    if not _CONTROL.search(text):
        repaired = ftfy.fix_text(text, remove_control_chars=False, **_FIXES)
        if not _CONTROL.search(repaired):
            return repaired
    return ftfy.fix_text(text, remove_control_chars=True, **_FIXES)


def _fix_word(match: re.Match) -> str:
    word = match.group()
    return _fix(word) if _original_is_bad(word) else word


@functools.lru_cache(maxsize=512)  # the EU export repeats long texts: 629 topics share 41 distinct objectives
def repair_text(text: str | None) -> str:
    """Repair double-encoded UTF-8 (mojibake) in `text`; correct characters are never changed.

    ftfy decodes a whole text only when all its non-ASCII characters are mojibake, and in mixed text repairs only the
    3-byte sequences (’, “, –); a 2-byte one such as "UmeÃ¥" next to a correct "Malmö" stays. So every word that
    still looks like mojibake afterwards is repaired on its own."""
    if not text:
        return ""
    repaired = _fix(text)
    if is_bad_fast(repaired):
        repaired = _NON_ASCII_WORD.sub(_fix_word, repaired)
    return repaired


def drop_stray_tag_end(text: str) -> str:
    """Remove a leading '">' left over from broken tag stripping in the source."""
    return _STRAY_TAG_END.sub("", text or "", count=1)


def sanitise(html: str | None) -> str:
    """Allowlist-sanitised HTML: safe to render as it is."""
    if not html:
        return ""
    cleaned = nh3.clean(
        drop_stray_tag_end(html),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
    return cleaned.strip()


def plain_text(html: str | None) -> str:
    """The text of `html` (or of plain text) for search and previews: tags removed, script/style content dropped,
    entities decoded, whitespace collapsed to single spaces."""
    if not html:
        return ""
    spaced = _BLOCK_END.sub(" ", drop_stray_tag_end(html))
    text = nh3.clean(spaced, tags=set(), attributes={}, clean_content_tags={"script", "style"}, strip_comments=True)
    return _SPACES.sub(" ", html_lib.unescape(text)).strip()


def text_to_html(text: str | None) -> str:
    """Plain text as sanitised HTML: escaped, one paragraph per blank-line-separated block, single line breaks kept."""
    if not text or not text.strip():
        return ""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return "".join("<p>" + html_lib.escape(b, quote=False).replace("\n", "<br>") + "</p>" for b in blocks)
