"""Title, outlet and canonical URL of an HTML page, from its headline, meta tags and structured data."""
from __future__ import annotations

import re
from typing import Any

from newsloom.extract.metadata import copyright_holder, domain
from newsloom.extract.structured import Structured, names, squash, unescape

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•»:/-]\s+|\s*[|»·•]\s*|\s+::\s+|\s*[-–—]{2,}\s*")
_STRONG_SEPARATORS = re.compile(r"\s*[|»·•]\s*|\s+::\s+|\s+--\s*")
_NONWORD = re.compile(r"\W+")
_HIDDEN = re.compile(r"screen-reader|sr-only|visually-hidden|hidden|offscreen", re.IGNORECASE)
_MAX_TITLE = 300


def key(text: str | None) -> str:
    """Lower-case text with non-word runs collapsed to a space, for comparing names and titles."""
    return _NONWORD.sub(" ", (text or "").lower()).strip()


def site_names(data: Structured, url: str | None) -> list[str]:
    """Names the site goes by: publisher, og:site_name, application name, and its domain."""
    found = data.ld_names("publisher") + [
        name for name in (data.meta("og:site_name"), data.meta("application-name"), data.meta("twitter:site"))
        if name]
    host = domain(url) or ""
    found += [host, host.split(".")[0]] if host else []
    return [name.lstrip("@") for name in found if key(name)]


def outlet(data: Structured) -> str | None:
    """Outlet from the JSON-LD/microdata publisher, og:site_name, application name or a copyright line."""
    publisher = data.ld_names("publisher") or data.microdata("publisher")
    if publisher:
        return "; ".join(publisher)
    site = data.meta("og:site_name", "application-name")
    if site:
        return site
    notices = data.tree.xpath('//text()[contains(., "©") or contains(., "opyright") or contains(., "OPYRIGHT")]')
    for notice in reversed(notices):
        holder = copyright_holder(str(notice))
        if holder:
            return holder
    return None


def canonical_url(data: Structured) -> str | None:
    """The page's canonical link or og:url."""
    links = data.tree.xpath('//link[@rel="canonical"]/@href')
    return links[0].strip() if links and links[0].strip() else data.meta("og:url")


def _is_site(text: str, sites: list[str]) -> bool:
    """True when a text is the site's name (or its domain) rather than a headline."""
    text_key = key(text).removeprefix("the ")
    compact = text_key.replace(" ", "")
    return any(text_key == key(s).removeprefix("the ") or compact == key(s).replace(" ", "") for s in sites)


def strip_site(title: str | None, sites: list[str]) -> str | None:
    """Drop the site's name from a title written "Headline | Site" or "Site - Headline".

    A title split by a strong separator ("|", "»", "::") keeps its longest part when no part is known.
    """
    if not title:
        return None
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) > 1:
        kept = [p for p in parts if not _is_site(p, sites)]
        if kept and len(kept) < len(parts):
            cut = title
            for part in parts:
                if _is_site(part, sites):
                    cut = cut.replace(part, "", 1)
            return cut.strip(" |–—·•»:/-") or title.strip()
        strong = [p.strip() for p in _STRONG_SEPARATORS.split(title) if p.strip()]
        if len(strong) > 1:
            return max(strong, key=len)
    return title.strip()


def _home_link(element: Any, host: str) -> bool:
    """True when an element links to the site's home page (a logo heading)."""
    for href in element.xpath(".//a/@href | ancestor::a/@href"):
        href = href.strip().rstrip("/")
        if href in ("", ".", "/", "index.html", "index.php") or (host and href.split("//")[-1] in (host, f"www.{host}")):
            return True
    return False


def _headings(data: Structured, sites: list[str], host: str) -> list[str]:
    """Texts of the page's visible `<h1>` headings that are not the site's name or logo."""
    found = []
    for element in data.headings:
        if _HIDDEN.search(element.get("class", "")) or element.get("aria-hidden") == "true":
            continue
        if any(a.tag in ("nav", "footer", "aside") for a in element.iterancestors()):
            continue
        text = squash(element.text_content())
        if text and len(text) <= _MAX_TITLE and not _is_site(text, sites) and not _home_link(element, host):
            found.append(text)
    return found


def _segments(title: str) -> list[str]:
    """Keys of the parts of a title written with separators."""
    return [key(p) for p in _TITLE_SEPARATORS.split(title) if key(p)]


def page_title(data: Structured, sites: list[str], host: str = "") -> str | None:
    """The headline: a visible `<h1>` that the page's meta titles confirm, else the best meta title."""
    html_title = squash(data.tree.findtext(".//title")) or None
    clean = [t for t in (_headline(data), data.meta("og:title"), data.meta("twitter:title")) if t]
    metas = clean + ([html_title] if html_title else [])
    headings = _headings(data, sites, host)

    def rank(heading: str) -> int | None:
        """0: a clean meta title; 1: the page title's first part; 2: another part or a substring of one."""
        heading_key = key(heading)
        if heading_key in [key(t) for t in clean]:
            return 0
        if html_title and heading_key in (key(html_title), _segments(html_title)[0]):
            return 1
        if any(heading_key in _segments(t) or heading_key in key(t) for t in metas):
            return 2
        return None

    ranked = sorted((r, i) for i, h in enumerate(headings) if (r := rank(h)) is not None and key(h))
    if ranked:
        return headings[ranked[0][1]]
    firsts = [t.strip() for t in clean] + [p.strip() for t in metas for p in _TITLE_SEPARATORS.split(t)[:1]]
    for heading in headings:  # a kicker in front of the headline in the same <h1>
        for part in firsts:
            if len(part.split()) >= 3 and key(heading).endswith(key(part)) and key(heading) != key(part):
                return part
    cleaned = [c for c in (strip_site(t, sites) for t in metas) if c and not _is_site(c, sites)]
    named = [h for h in headings if len(h.split()) > 1]  # one word is a section label more often than a headline
    return (named or cleaned or headings or [None])[0]


def _headline(data: Structured) -> str | None:
    """The JSON-LD or microdata headline of the article."""
    value = data.ld("headline", article_only=True)
    if isinstance(value, str) and value.strip():
        return unescape(value)
    found = data.microdata("headline") or names(data.meta("headline"))
    return found[0] if found else None
