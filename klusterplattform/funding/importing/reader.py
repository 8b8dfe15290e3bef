"""Reading an EU Funding & Tenders topic export: bytes → a list of topic dicts, or a FundingFileError saying where the
file stops being readable. Nothing is written while reading.

Accepted: gzip or not (told by the magic bytes, not the name); UTF-8 with or without a byte-order mark; JSON objects
one per line, concatenated without any separator (as the real export is), or one JSON array of objects.
"""

import gzip
import json
import zlib

from django.utils.translation import gettext as _

GZIP_MAGIC = b"\x1f\x8b"
_WHITESPACE = " \t\r\n"


class FundingFileError(ValueError):
    """The file cannot be read as topic JSON; the message says where and why."""


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def decode(data: bytes) -> str:
    if data[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:
            raise FundingFileError(_("The gzip file is damaged: %(error)s") % {"error": error}) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FundingFileError(
            _("The file is not UTF-8 text: byte %(position)s cannot be decoded (%(reason)s).")
            % {"position": error.start, "reason": error.reason}
        ) from error


def parse(text: str) -> list[dict]:
    """Every JSON value in `text`, one after another (a top-level array is unpacked)."""
    decoder = json.JSONDecoder()
    values = []
    position, end = 0, len(text)
    while True:
        while position < end and text[position] in _WHITESPACE:
            position += 1
        if position >= end:
            break
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            line, column = _line_and_column(text, error.pos)
            raise FundingFileError(
                _(
                    "The file is not valid JSON at character %(position)s (line %(line)s, column %(column)s): "
                    "%(reason)s. Nothing was imported."
                )
                % {"position": error.pos, "line": line, "column": column, "reason": error.msg}
            ) from error
        if isinstance(value, list):
            values.extend(value)
        else:
            values.append(value)
    if not values:
        raise FundingFileError(_("The file contains no topics."))
    return values


def read_topics(data: bytes) -> list:
    """The topics in an export file's bytes (dicts; anything else is left for the mapping to reject)."""
    return parse(decode(data))
