"""Decode raw bytes to text: BOM, then a declared charset checked against the bytes, then detection."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)", re.I)
# Labels browsers treat as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "ascii", "us-ascii", "cp819"}
_SINGLE_BYTE_PREFIXES = ("cp", "windows", "iso8859", "latin", "mac", "koi8")
_MESS_LIMIT = 0.1
_PROBE = 20000


def bom_encoding(raw: bytes) -> str | None:
    """Return the codec named by a byte-order mark at the start of `raw`, if any."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    return None


def declared_charset(raw: bytes) -> str | None:
    """Return the charset an HTML meta tag or XML declaration in the first 4 KB declares, if valid."""
    head = raw[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _canonical(match.group(1).decode("ascii", "ignore")) if match else None


def _canonical(label: str | None) -> str | None:
    """Return Python's codec name for a charset label (WHATWG aliases applied), or None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _is_single_byte(codec: str) -> bool:
    """True for legacy one-byte-per-character codecs (where UTF-8 bytes turn into mojibake)."""
    return codec.replace("_", "").replace("-", "").startswith(_SINGLE_BYTE_PREFIXES)


def _has_multibyte_utf8(raw: bytes) -> bool:
    """True when `raw` is valid UTF-8 and holds at least one non-ASCII character."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _try(raw: bytes, codec: str) -> str | None:
    """Decode strictly, or return None."""
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _trust_declared(raw: bytes, codec: str) -> str | None:
    """Decode with the declared codec unless the bytes contradict it (errors, mojibake)."""
    if _is_single_byte(codec) and _has_multibyte_utf8(raw):
        return None  # UTF-8 bytes under a legacy label: decoding would produce mojibake
    if codec.startswith(("utf-16", "utf-32")) and b"\x00" not in raw[:1024]:
        return None  # a wide encoding declared in bytes that hold no NULs (a copied declaration)
    text = _try(raw, codec)
    if text is None or (not text.isascii() and mess_ratio(text[:_PROBE]) > _MESS_LIMIT):
        return None
    return text


def _detect(raw: bytes) -> str:
    """Decode undeclared bytes: UTF-8, then windows-1252 when it reads cleanly, then charset-normalizer."""
    text = _try(raw, "utf-8")
    if text is not None:
        return text
    western = _try(raw, "cp1252")
    if western is not None and mess_ratio(western[:_PROBE]) <= _MESS_LIMIT:
        return western
    best = from_bytes(raw).best()
    if best is not None:
        return str(best)
    return raw.decode("cp1252", errors="replace")


def decode(raw: bytes, declared: str | None = None) -> str:
    """Decode `raw` using its BOM, else a declared charset the bytes agree with, else detection."""
    bom = bom_encoding(raw)
    if bom:
        text = _try(raw, bom)
        if text is not None:
            return text
    for label in (declared, declared_charset(raw)):
        codec = _canonical(label)
        if codec:
            text = _trust_declared(raw, codec)
            if text is not None:
                return text
    return _detect(raw)
