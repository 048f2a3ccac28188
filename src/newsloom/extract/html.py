"""Extract the article body and metadata from HTML: trafilatura first, htmldate and lxml as fallbacks."""
from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from newsloom.extract.lines import Kind, byline_parts, classify
from newsloom.extract.metadata import copyright_holder, find_date, iso_date, person_name
from newsloom.ingest.encoding import decode
from newsloom.model import Article, Report

_JUNK_TAGS = ("script", "style", "noscript", "nav", "aside", "footer", "header", "form", "figure", "figcaption",
              "button", "iframe", "svg", "template", "select", "dialog")
_JUNK_ATTR = re.compile(
    r"comment|related|newsletter|cookie|consent|share|social|promo|advert|\bads?\b|caption|subscribe|sign-?up|"
    r"sidebar|popup|modal|breadcrumb|recommend|author-bio|more-stories|read-more|paywall|banner|byline|dateline",
    re.I,
)
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td")
_TRUNCATED = (0.25, 0.5)  # trafilatura's text this share of the article element's looks cut short
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")


def parse(html: str) -> Any:
    """Parse HTML into an lxml tree (None when there is nothing to parse)."""
    try:
        return lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Yield every JSON object in the page's JSON-LD blocks (nested `@graph` lists included)."""
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _names(value: Any) -> list[str]:
    """Names of JSON-LD people/organisations given as a string, an object or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def _meta(tree: Any, *keys: str) -> str | None:
    """Return the content of the first `<meta property|name=key>` present."""
    for key in keys:
        for value in tree.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content'):
            if value.strip():
                return value.strip()
    return None


def _structured(tree: Any, prop: str) -> str | None:
    """Name of the article's `prop` (author, publisher) in JSON-LD or schema.org microdata."""
    found = next((names for names in (_names(obj.get(prop)) for obj in _json_ld(tree)) if names), None)
    if found:
        return "; ".join(dict.fromkeys(found))
    for element in tree.xpath(f'//*[@itemprop="{prop}"]'):
        names = element.xpath('.//*[@itemprop="name"]')
        value = (names[0].get("content") or names[0].text_content()) if names else element.get("content")
        if value and value.strip():
            return re.sub(r"\s+", " ", value).strip()
    return None


def html_outlet(tree: Any, sitename: str | None) -> str | None:
    """Outlet from JSON-LD/microdata publisher, og:site_name, trafilatura's site name or a copyright line."""
    publisher = _structured(tree, "publisher")
    if publisher:
        return publisher
    site = _meta(tree, "og:site_name", "application-name") or (sitename if sitename and "." not in sitename else None)
    if site:
        return site
    notices = tree.xpath('//text()[contains(., "©") or contains(translate(., "COPYRIGHT", "copyright"), "copyright")]')
    for notice in reversed(notices):
        holder = copyright_holder(str(notice))
        if holder:
            return holder
    return None


def _author(tree: Any) -> str | None:
    """Author named in structured data (JSON-LD or microdata), which beats guesses from the page text."""
    return _structured(tree, "author") if tree is not None else None


def _clean_title(title: str | None, outlet: str | None) -> str | None:
    """Drop an outlet suffix or prefix from a page title ("Headline | Outlet")."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and outlet:
        key = re.sub(r"\W+", "", outlet.lower()).removeprefix("the")
        kept = [p for p in parts if key not in re.sub(r"\W+", "", p.lower())]
        if kept and len(kept) < len(parts):
            return " - ".join(kept).strip()
    return title.strip()


def _link_density(element: Any) -> float:
    """Share of an element's text that sits inside links."""
    text = element.text_content()
    linked = sum(len(a.text_content()) for a in element.iter("a"))
    return linked / len(text) if text else 1.0


def fallback_text(tree: Any) -> tuple[str, bool]:
    """Paragraph text of the largest `<article>`/`<main>` (else the body) without page furniture.

    Returns the text and whether it came from an explicit article container.
    """
    root = copy.deepcopy(tree)
    for element in list(root.iter(etree.Element)):
        attrs = f"{element.get('class', '')} {element.get('id', '')}"
        junk = element.tag in _JUNK_TAGS or (attrs.strip() and _JUNK_ATTR.search(attrs))
        if junk and element.getparent() is not None:
            element.drop_tree()
    containers = root.xpath('//article|//main|//*[@itemprop="articleBody"]')
    best = max(containers or [root], key=lambda el: len(el.text_content()))
    blocks = [el for el in best.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in el.iterancestors())]
    texts = [re.sub(r"\s+", " ", el.text_content()).strip() for el in blocks if _link_density(el) < 0.5]
    if not blocks:
        texts = [line.strip() for line in best.text_content().splitlines()]
    return "\n\n".join(t for t in texts if t), bool(containers)


def _page_date(tree: Any, found: str | None) -> str | None:
    """Publication date: trafilatura's, else htmldate's; a bare 1 January (a copyright year) needs a real date."""
    if found is None:
        found = iso_date(htmldate.find_date(tree, original_date=True, extensive_search=True))
    if found and found.endswith("-01-01"):
        strict = iso_date(htmldate.find_date(tree, original_date=True, extensive_search=False))
        return found if strict == found else strict
    return found


def _paragraphs(text: str, title: str | None) -> tuple[list[str], str | None, str | None]:
    """Body paragraphs without a leading headline, byline, dateline or "N min read" line.

    Returns the paragraphs and the author and date read from the dropped lines.
    """
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if paragraphs and title and paragraphs[0].lower() == title.strip().lower():
        paragraphs = paragraphs[1:]
    author = date = None
    while paragraphs and classify(paragraphs[0]) in (Kind.BYLINE, Kind.DATE, Kind.CHROME):
        head = paragraphs.pop(0)
        author = author or byline_parts(head)[0]
        date = date or find_date(head)
    return paragraphs, author, date


def extract_html(report: Report) -> Article:
    """Extract body and metadata of an HTML report (the body is empty when nothing usable is found)."""
    html = decode(report.raw, report.hints.get("charset"))
    tree = parse(html)
    doc = trafilatura.bare_extraction(html, url=report.url, favor_precision=True, include_comments=False,
                                      with_metadata=True) if tree is not None else None
    fallback, contained = fallback_text(tree) if tree is not None else ("", False)
    if doc is None and tree is not None:
        doc = trafilatura.extract_metadata(html, default_url=report.url)
    meta: dict[str, Any] = doc.as_dict() if doc is not None else {}
    text = meta.get("text") or ""
    low, high = _TRUNCATED
    if not text.strip() or (contained and low * len(fallback) <= len(text) < high * len(fallback)):
        text = fallback  # trafilatura found nothing, or about a quarter to a half of the article element
    url = report.url or meta.get("url")
    outlet = html_outlet(tree, meta.get("sitename")) if tree is not None else None
    title = _clean_title(meta.get("title"), outlet)
    paragraphs, byline, dateline = _paragraphs(text, title)
    author = person_name(_author(tree) or meta.get("author") or byline)
    published = _page_date(tree, iso_date(meta.get("date"))) if tree is not None else None  # last: may prune tree
    return Article(
        report_id=report.id, source=report.source, text="\n\n".join(paragraphs), title=title,
        author=author, published=published or dateline, outlet=outlet, url=url,
    )
