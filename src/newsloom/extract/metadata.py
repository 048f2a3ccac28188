"""Metadata helpers shared by the HTML and text extractors: dates, names, outlets, language, hints."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import py3langid

from newsloom.extract.langmodel import load_identifier
from newsloom.extract.textdates import find_dates
from newsloom.model import Article

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4})\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|\bcopyright\b)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:by\s+)?"
    r"([A-Z0-9][\w&'’.@ -]{1,60}?)\s*(?:\d{4}\s*)?(?:[.,|•·–—]|\s-\s|\ball rights\b|$)",
    re.IGNORECASE,
)
_LANGUAGE_SAMPLE = 600  # characters: plenty for the language, and the classifier's time grows with the text
_NAME_PARTICLES = {"de", "da", "del", "van", "von", "der", "la", "le", "bin", "al"}


def iso_date(value: Any) -> str | None:
    """Normalise a date string (ISO, RFC 822, "March 2, 2025", "3/2/2025", "2.3.2025", ...) to `YYYY-MM-DD`.

    Slashed dates read month first, as in the US and in machine-written metadata.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO_DATE.match(value.strip())
    if iso:
        return iso.group(0)
    return next(iter(find_dates(value, month_first=True)), None)


def find_date(line: str) -> str | None:
    """Return the first date written in a line, as `YYYY-MM-DD`."""
    return iso_date(line) if DATE_RE.search(line) else None


def person_name(value: Any) -> str | None:
    """Tidy an author name: strip "By", punctuation and spaces; title-case names written in capitals."""
    if not isinstance(value, str):
        return None
    name = re.sub(r"^\s*(?:written\s+|posted\s+|reported\s+)?by\s*[:·]?\s*", "", value, flags=re.IGNORECASE)
    name = re.sub(r"\s+", " ", name).strip(" ,;:|·-–—")
    if not name or not any(ch.isalpha() for ch in name):
        return None
    if name.isupper() or _capitals_with_and(name):
        words = [w.lower() if w.lower() in _NAME_PARTICLES or w == "and" else w.capitalize() for w in name.split(" ")]
        name = " ".join("-".join(p.capitalize() for p in w.split("-")) if "-" in w else w for w in words)
        name = re.sub(r"(?<=['’])([a-z])", lambda m: m.group(1).upper(), name)
    return name


def _capitals_with_and(name: str) -> bool:
    """True for several names in capitals joined by a lower-case "and" ("GAZ PENNOCK and SHONA REILLY")."""
    words = name.split()
    return " and " in name and all(w == "and" or w.isupper() for w in words if any(c.isalpha() for c in w))


def copyright_holder(text: str) -> str | None:
    """Return the holder named in a copyright line ("© Copyright 2025 X. All rights reserved.")."""
    match = _COPYRIGHT.search(text)
    if not match:
        return None
    holder = match.group(1).strip(" -")
    if holder.lower() in {"all", "all rights reserved", "copyright"} or len(holder) < 2:
        return None
    return holder


def domain(url: str | None) -> str | None:
    """Return a URL's host name without "www.", or None."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


def language(text: str) -> str | None:
    """Return the ISO 639-1 language code of a text (py3langid), or None for empty text."""
    if not text.strip():
        return None
    load_identifier()
    return py3langid.classify(text[:_LANGUAGE_SAMPLE])[0]


def fill_from_hints(article: Article, hints: dict[str, Any]) -> Article:
    """Fill metadata the document lacked from the feed's or record's hints."""
    if not article.title and hints.get("title"):
        article.title = str(hints["title"]).strip()
    if not article.author and hints.get("author"):
        article.author = person_name(str(hints["author"]))
    if not article.published and hints.get("published"):
        article.published = iso_date(str(hints["published"]))
    if not article.outlet and hints.get("outlet"):
        article.outlet = str(hints["outlet"]).strip()
    if not article.url and hints.get("url"):
        article.url = str(hints["url"])
    return article
