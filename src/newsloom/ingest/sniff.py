"""Tell what a document is from its bytes: WARC, feed, JSON, HTML, plain text, or unsupported."""
from __future__ import annotations

import json
import re
import zlib
from typing import Literal

from newsloom.ingest.encoding import bom_encoding, decode

Kind = Literal["warc", "feed", "json", "html", "text", "empty", "binary", "xml"]

_GZIP = b"\x1f\x8b"
_BINARY_MAGIC = (
    b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x7fELF",
    b"\xfd7zXZ", b"7z\xbc\xaf", b"\x00\x00\x01\x00",
)
_PROLOG = r"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*"
_FEED_ROOT = re.compile(_PROLOG + r"<(?:rss|feed|rdf:RDF)\b", re.I | re.S)
_HTML_START = re.compile(_PROLOG + r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|section|h[1-6])\b",
                         re.I | re.S)
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
    return head.startswith(b"WARC/1.") or head.startswith(b"WARC/0.")


def looks_html(text: str) -> bool:
    """True when a string is HTML markup rather than prose (starts with a tag, or is dense in tags)."""
    if _HTML_START.match(text[:4096]):
        return True
    return len(_HTML_TAG.findall(text[:20000])) >= 3


def is_binary(raw: bytes) -> bool:
    """True for bytes that are not text: known binary magic numbers, or NULs outside UTF-16/32."""
    if raw.startswith(_BINARY_MAGIC) or raw.startswith(_GZIP):
        return True
    return b"\x00" in raw[:8192] and bom_encoding(raw) is None


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


def sniff(raw: bytes) -> tuple[Kind, str]:
    """Classify raw bytes; also return the decoded text (empty for WARC, binary and empty input)."""
    if not raw.strip():
        return "empty", ""
    if is_warc(raw[:4096]):
        return "warc", ""
    if is_binary(raw):
        return "binary", ""
    text = decode(raw)
    return sniff_text(text), text
