"""Size caps checked before any parsing, so that one hostile document cannot stall a whole run."""
from __future__ import annotations

import re
from itertools import islice

MAX_TEXT_CHARS = 3_000_000  # characters of plain text in, or of article text out (what annotation accepts)
MAX_HTML_BYTES = 16_000_000  # bytes of an HTML page
MAX_ELEMENTS = 250_000  # start tags in a page
MAX_ELEMENT_ATTRIBUTES = 256  # attributes kept on one element; the rest are dropped before parsing
MAX_ATTRIBUTES = 500_000  # attributes in a whole page

# A start tag (name, attribute text, end), else a comment or a script/style element skipped whole. A quoted value
# (after "=") may hold ">"; unclosed constructs run to the end of the page, so a scan never backtracks. Runs of
# ordinary characters are taken whole (possessive), not one character per step: the matches are those of the
# one-character-at-a-time form, found about four times faster on news pages.
_TAG_REST = r"((?:[^>=]++|=\s*\"[^\"]*(?:\"|\Z)|=\s*'[^']*(?:'|\Z)|=)*)(?:>|\Z)"
_COMMENT_BODY = r"[^-]*+(?:-(?!->)[^-]*+)*+"  # up to the first "-->"
_ELEMENT_BODY = r"[^<]*+(?:<(?!/\1\s*>)[^<]*+)*+"  # up to the first "</script>" or "</style>"
_MARKUP = re.compile(
    rf"<!--{_COMMENT_BODY}(?:-->|\Z)|<(script|style)\b{_TAG_REST}{_ELEMENT_BODY}(?:</\1\s*>|\Z)"
    rf"|<([A-Za-z][^\s/>]*){_TAG_REST}",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)|[^\s\"'>]*))?")


class ExtractionError(Exception):
    """Raised when a report holds no usable article body; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_text_size(text: str, what: str = "text") -> None:
    """Refuse a text longer than MAX_TEXT_CHARS characters."""
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionError(f"{what} too long: {len(text):,} characters (limit {MAX_TEXT_CHARS:,})")


def check_html_size(raw: bytes) -> None:
    """Refuse an HTML page larger than MAX_HTML_BYTES."""
    if len(raw) > MAX_HTML_BYTES:
        raise ExtractionError(f"page too large: {len(raw):,} bytes (limit {MAX_HTML_BYTES:,})")


def tame_html(html: str) -> str:
    """The page with each element's attributes past MAX_ELEMENT_ATTRIBUTES dropped.

    Raises ExtractionError for a page with more than MAX_ELEMENTS elements or MAX_ATTRIBUTES attributes in all.
    """
    elements = attributes = 0
    pieces: list[str] = []
    done = 0
    # An attribute takes two characters or more (with what parts it from the next), a tag two more than its
    # attribute text: a page this short cannot hold too many attributes, nor a tag this short too many to keep.
    short_page, short_tag = len(html) <= 2 * MAX_ATTRIBUTES, 2 * MAX_ELEMENT_ATTRIBUTES
    for tag in _MARKUP.finditer(html):
        if tag.group(3) is None:
            continue
        elements += 1
        body = tag.group(4)
        if short_page and len(body) <= short_tag:
            continue
        count = len(_ATTRIBUTE.findall(body)) if len(body) > 1 else 0
        attributes += min(count, MAX_ELEMENT_ATTRIBUTES)
        if count > MAX_ELEMENT_ATTRIBUTES:
            kept = " ".join(m.group(0) for m in islice(_ATTRIBUTE.finditer(body), MAX_ELEMENT_ATTRIBUTES))
            pieces += [html[done : tag.start(4)], " ", kept, html[tag.end(4) : tag.end()]]
            done = tag.end()
    if elements > MAX_ELEMENTS:
        raise ExtractionError(f"page too complex: {elements:,} elements (limit {MAX_ELEMENTS:,})")
    if attributes > MAX_ATTRIBUTES:
        raise ExtractionError(f"page too complex: {attributes:,} attributes (limit {MAX_ATTRIBUTES:,})")
    return "".join(pieces) + html[done:] if pieces else html

