"""The publication date of an HTML page: the dateline under the headline, structured data, `<time>`, then searches."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

import htmldate

from newsloom.extract.metadata import iso_date
from newsloom.extract.structured import Structured, squash
from newsloom.extract.textdates import find_dates

_META_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "article.published", "published_time",
    "og:published_time", "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
    "dcterms.date", "citation_publication_date", "citation_date", "date", "datecreated",
    "originalpublicationdate", "article:post_date",
)
_TIME_HINT = re.compile(r"publish|posted|date|entry|meta|time|byline|article|post", re.IGNORECASE)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|[-_.]|$)")
_EARLIEST = date(1995, 1, 1)
_AFTER, _BEFORE, _WINDOW = 40, 8, 600  # text nodes after/before the headline, and characters looked at
_DATELINE_WORDS = 16
_DATELINE_LEAD = 4  # words at the start of a paragraph that may hold its dateline
_SCAN = 2000  # text nodes looked at for a dateline anywhere on the page


def _valid(value: Any, month_first: bool = True) -> str | None:
    """A date string as `YYYY-MM-DD` when it is a plausible publication date (not in the future, not before 1995).

    A slashed date in metadata reads month first ("11/01/2023" is 1 November), as machines write them.
    """
    if not isinstance(value, str):
        return None
    found = _ISO.match(value.strip())
    found = found.group(0) if found else next(iter(find_dates(value, month_first)), None)
    if not found:
        return None
    try:
        day = date.fromisoformat(found)
    except ValueError:
        return None
    return found if _EARLIEST <= day <= date.today() else None


def _structured_date(data: Structured) -> str | None:
    """Publication date from JSON-LD or meta tags, publication before creation before anything else."""
    for prop in ("datePublished", "dateCreated"):
        found = _valid(data.ld(prop, article_only=True))
        if found:
            return found
    for key in _META_KEYS:
        found = _valid(data.meta(key))
        if found:
            return found
    return None


def _time_element(data: Structured) -> str | None:
    """Date of a `<time>` element marked as the publication date, else of the first one inside the article."""
    times = data.times
    for element in times:
        marks = f"{element.get('itemprop', '')} {element.get('class', '')} {element.get('pubdate', '')}"
        if "datepublished" in marks.lower() or "pubdate" in marks.lower() or element.get("pubdate") is not None:
            found = _valid(element.get("datetime"))
            if found:
                return found
    for element in times:
        inside = any(a.tag in ("article", "main", "header") or _TIME_HINT.search(a.get("class", ""))
                     for a in element.iterancestors())
        found = _valid(element.get("datetime")) if inside else None
        if found:
            return found
    return None


def _near_headline(data: Structured, title: str | None) -> str | None:
    """The first dateline in or just after the headline (or just before it), where readers see it.

    Only short pieces of text count: a date inside a sentence is about something else.
    """
    heading = _heading(data.headings, title)
    if heading is None:
        return None
    month_first = (data.tree.get("lang") or "").lower().startswith("en-us")
    after = heading.xpath(f"descendant::text() | following::text()[position() <= {_AFTER}]")
    before = heading.xpath(f"preceding::text()[position() <= {_BEFORE}]")
    for texts in (after, before):
        seen = 0
        for text in texts:
            line = squash(text)
            seen += len(line)
            if seen > _WINDOW:
                break
            if not line or len(line.split()) > _DATELINE_WORDS or not _shown(text):
                continue
            for found in find_dates(line, month_first):
                if _valid(found):
                    return found
    return None


def _heading(headings: list[Any], title: str | None) -> Any:
    """The `<h1>` holding the headline (the first one in the article when no title is known)."""
    wanted = squash(title).lower()
    for element in headings:
        if wanted and wanted in squash(element.text_content()).lower():
            return element
    inside = [h for h in headings if any(a.tag in ("article", "main") for a in h.iterancestors())]
    return (inside or [None])[0]


def _shown(text: Any) -> bool:
    """True for a text node a reader sees (not in a script, style or template)."""
    parent = text.getparent()
    return parent is not None and parent.tag not in ("script", "style", "noscript", "template", "option")


def _url_date(data: Structured, url: str | None) -> str | None:
    """A date written in the page's address or its main image's ("/2024/05/22/")."""
    for address in (url, data.meta("og:url"), data.meta("og:image")):
        match = _URL_DATE.search(address or "")
        if match:
            found = _valid("-".join(match.groups()))
            if found:
                return found
    return None


def page_date(data: Structured, title: str | None = None, url: str | None = None) -> str | None:
    """The page's publication date as `YYYY-MM-DD`, or None."""
    found = _near_headline(data, title) or _structured_date(data) or _time_element(data)
    if found:
        return found
    strict = iso_date(htmldate.find_date(data.tree, original_date=True, extensive_search=False))
    if strict:
        return strict
    found = _url_date(data, url) or _first_dateline(data.tree)
    if found:
        return found
    loose = iso_date(htmldate.find_date(data.tree, original_date=True, extensive_search=True))
    return None if loose and loose.endswith("-01-01") else loose  # a bare year is a copyright line, not a date


def _first_dateline(tree: Any) -> str | None:
    """The first date written in a short piece of the page's text (a dateline anywhere), before a costly search."""
    month_first = (tree.get("lang") or "").lower().startswith("en-us")
    for text in tree.xpath(f"//body//text()[string-length(normalize-space()) > 5][position() <= {_SCAN}]"):
        line = squash(text)
        if not _shown(text):
            continue
        if len(line.split()) > _DATELINE_WORDS:  # a paragraph may open with its dateline ("27.1.2022 - ...")
            line = " ".join(line.split()[:_DATELINE_LEAD])
        for found in find_dates(line, month_first):
            if _valid(found, month_first):
                return found
    return None
