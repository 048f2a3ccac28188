"""Tell what a document is from its bytes: WARC, feed, JSON, HTML, plain text, or unsupported."""
from __future__ import annotations

import json
import re
import zlib
from typing import Literal, NamedTuple

from newsloom.ingest.encoding import bom_encoding, decode

Kind = Literal["warc", "feed", "json", "html", "text", "empty", "binary", "xml"]

_GZIP = b"\x1f\x8b"
_BINARY_MAGIC = (
    b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x7fELF",
    b"\xfd7zXZ", b"7z\xbc\xaf", b"\x00\x00\x01\x00", b"SQLite format 3\x00", b"\x28\xb5\x2f\xfd",
    b"Rar!\x1a\x07", b"\xd0\xcf\x11\xe0", b"OggS", b"fLaC", b"\x00asm", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe",
)
# Control bytes that never occur in text (tab, newlines, form feed and escape are allowed).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20), 0x7f])
_MAX_CONTROL_SHARE = 0.05
_MAX_NUL_SHARE = 0.3
_WIDE_PROBE = 4096
_PROLOG = r"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*"
_FEED_ROOT = re.compile(_PROLOG + r"<(?:rss|feed|rdf:RDF)\b", re.I | re.S)
_HTML_START = re.compile(
    _PROLOG + r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|section|h[1-6]"
    r"|script|style|link|noscript|header|nav|iframe|table|form)\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|li|ul|ol|img|table|em|strong|b|i)\b[^>]*>", re.I)
_XML_START = re.compile(r"\s*<\?xml\b|\s*<[A-Za-z][\w:.-]*[\s>]")
_JSON_START = re.compile(r'\[?\s*\{\s*"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def gunzip_head(raw: bytes, size: int = 64) -> bytes:
    """Return up to `size` decompressed bytes of a gzip stream (empty when it is not valid gzip)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, size)
    except zlib.error:
        return b""


def is_warc(head: bytes) -> bool:
    """True when the bytes start a WARC file, plain or gzip-compressed."""
    if head.startswith(_GZIP):
        head = gunzip_head(head)
    return head.startswith(b"WARC/")


def looks_html(text: str) -> bool:
    """True when a string is HTML markup rather than prose (starts with a tag, or is dense in tags)."""
    if _HTML_START.match(text[:4096]):
        return True
    return len(_HTML_TAG.findall(text[:20000])) >= 3


def wide_encoding(raw: bytes) -> str | None:
    """Name UTF-16/32 text without a byte-order mark from where its NULs fall (Latin script), else None."""
    probe = raw[:_WIDE_PROBE]
    probe = probe[: len(probe) - len(probe) % 4]
    if len(probe) < 8 or b"\x00" not in probe:
        return None
    zeros = [probe[i::4].count(0) / (len(probe) // 4) for i in range(4)]
    if zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.5:
        return "utf-32-le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[3] < 0.5:
        return "utf-32-be"
    if min(zeros[1], zeros[3]) > 0.6 and max(zeros[0], zeros[2]) < 0.2:
        return "utf-16-le"
    if min(zeros[0], zeros[2]) > 0.6 and max(zeros[1], zeros[3]) < 0.2:
        return "utf-16-be"
    return None


def text_bytes(raw: bytes) -> bytes | None:
    """Return the bytes of a text document ready to decode, or None when they are not text.

    Known binary formats and bytes dense in NULs or control codes are not text; UTF-16/32 without a
    byte-order mark becomes UTF-8; stray NULs in other text are dropped.
    """
    if raw.startswith(_BINARY_MAGIC) or raw.startswith(_GZIP):
        return None
    if bom_encoding(raw) is not None:
        return raw
    wide = wide_encoding(raw)
    if wide is not None:
        return raw[: len(raw) - len(raw) % (4 if "32" in wide else 2)].decode(wide, "replace").encode("utf-8")
    nuls = raw.count(0)
    if nuls > _MAX_NUL_SHARE * len(raw):
        return None
    if len(raw) - len(raw.translate(None, _CONTROL_BYTES)) > _MAX_CONTROL_SHARE * len(raw):
        return None
    return raw.replace(b"\x00", b"") if nuls else raw


def _looks_json(text: str) -> bool:
    """True for a JSON document or JSONL (or something plainly meant as JSON), not prose that opens with "["."""
    first = text.split("\n", 1)[0]
    for candidate in (text, first):
        try:
            json.loads(candidate)
            return True
        except json.JSONDecodeError:
            continue
    return bool(_JSON_START.match(text))


def sniff_text(text: str) -> Kind:
    """Classify decoded text as feed, JSON, HTML, other XML or plain text."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        return "empty"
    if stripped[0] in "{[" and _looks_json(stripped):
        return "json"
    if _FEED_ROOT.match(stripped[:4096]):
        return "feed"
    if looks_html(stripped):
        return "html"
    if stripped.startswith("<") and _XML_START.match(stripped):
        return "xml"
    probe = stripped[:8192]
    if len(_CONTROL.findall(probe)) > 0.05 * len(probe):
        return "binary"
    return "text"


class Sniffed(NamedTuple):
    """What some bytes are, their decoded text, and the bytes to keep (stray NULs dropped)."""

    kind: Kind
    text: str
    raw: bytes


def sniff(raw: bytes) -> Sniffed:
    """Classify raw bytes; the text is empty for WARC, binary and empty input."""
    if not raw.strip():
        return Sniffed("empty", "", raw)
    if is_warc(raw[:4096]):
        return Sniffed("warc", "", raw)
    clean = text_bytes(raw)
    if clean is None:
        return Sniffed("binary", "", raw)
    if not clean.strip():
        return Sniffed("empty", "", clean)
    text = decode(clean)
    return Sniffed(sniff_text(text), text, clean)
