"""Extract an HTML article: parse once; body from trafilatura (else the article element); metadata from the page."""
from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from newsloom.extract.authors import page_author
from newsloom.extract.chrome import is_chrome, is_section_end
from newsloom.extract.dates import page_date
from newsloom.extract.htmlmeta import canonical_url, outlet, page_title, site_names
from newsloom.extract.limits import check_html_size, tame_html
from newsloom.extract.lines import Kind, byline_parts, classify, ends_sentence
from newsloom.extract.metadata import domain, find_date, person_name
from newsloom.extract.structured import Structured
from newsloom.ingest.encoding import decode
from newsloom.model import Article, Report

_JUNK_TAGS = ("script", "style", "noscript", "nav", "aside", "footer", "header", "form", "figure", "figcaption",
              "button", "iframe", "svg", "template", "select", "dialog")
_JUNK_ATTR = re.compile(
    r"comment|related|newsletter|cookie|consent|share|social|promo|advert|\bads?\b|caption|subscribe|sign-?up|"
    r"sidebar|popup|modal|breadcrumb|recommend|author-bio|more-stories|read-more|paywall|banner|byline|dateline",
)  # searched in lower-cased class and id values
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td")
_TRUNCATED = (0.25, 0.5)  # trafilatura's text this share of the article element's looks cut short
_SHORT_BODY = 300  # characters: a body shorter than this is probably a miss
_LATE = 0.5  # a "related articles" heading ends the article only after this share of its words
_TAIL = 0.2  # ... when what follows is this share of the words or less, or mostly not sentences
_PARSER = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                           remove_pis=True)
# lxml.html's elements, looked up in C: lxml.html's own lookup is a Python call for every element object made (and
# trafilatura makes hundreds of thousands a page set); only its form-control classes (FormElement, InputElement, ...)
# are not used, and nothing here or in trafilatura uses their extras.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))


def parse(html: str) -> Any:
    """Parse HTML into an lxml tree without comments (None when there is nothing to parse)."""
    try:
        return lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def _furniture(tree: Any) -> set[Any]:
    """The page-furniture elements of a tree: navigation, asides, forms, captions, and those whose class or id says so."""
    found = set(tree.iter(*_JUNK_TAGS))
    found.update(value.getparent() for value in tree.xpath("//@class | //@id") if _JUNK_ATTR.search(value.lower()))
    return found


def _clean_text(element: Any, junk: set[Any]) -> str:
    """An element's text without the text of its furniture descendants."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child not in junk:
            parts.append(_clean_text(child, junk))
        parts.append(child.tail or "")
    return "".join(parts)


def _inside(element: Any, top: Any, junk: set[Any], stop_at: tuple[str, ...] = ()) -> bool:
    """True when an element is furniture or sits inside furniture (or inside a `stop_at` block) below `top`."""
    if element is not top and element in junk:
        return True
    for ancestor in element.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag in stop_at or ancestor in junk:
            return True
    return False


def _link_density(element: Any, text: str) -> float:
    """Share of an element's text that sits inside links."""
    linked = sum(len(a.text_content()) for a in element.iter("a"))
    return linked / len(text) if text else 1.0


def fallback_text(tree: Any) -> tuple[str, bool]:
    """Paragraph text of the largest `<article>`/`<main>` (else the body) without page furniture.

    Returns the text and whether it came from an explicit article container.
    """
    junk = _furniture(tree)
    containers = [c for c in tree.xpath('//article|//main|//*[@itemprop="articleBody"]') if not _inside(c, tree, junk)]
    best = max(containers or [tree], key=lambda el: len(el.text_content()))
    blocks = [el for el in best.iter(*_BLOCKS) if not _inside(el, best, junk, _BLOCKS)]
    texts = [(el, re.sub(r"\s+", " ", _clean_text(el, junk)).strip()) for el in blocks]
    kept = [text for el, text in texts if _link_density(el, text) < 0.5]
    if not blocks:
        kept = [line.strip() for line in _clean_text(best, junk).splitlines()]
    return "\n\n".join(t for t in kept if t), bool(containers)


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


def _ends_here(rest: list[str], seen: int, total: int) -> bool:
    """True when a list heading, after `seen` of `total` words, is followed by a tail rather than more article."""
    if seen < _LATE * total:
        return False
    sentences = sum(ends_sentence(line) and len(line.split()) >= 8 for line in rest)
    return sentences <= 0.5 * len(rest) or sum(len(line.split()) for line in rest) <= _TAIL * total


def strip_chrome(paragraphs: list[str]) -> list[str]:
    """Drop furniture lines from extracted paragraphs and cut the tail a late "related articles" heading opens."""
    total = sum(len(p.split()) for p in paragraphs)
    kept: list[str] = []
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if is_section_end(paragraph) and _ends_here(paragraphs[index + 1:], seen, total):
            break
        seen += len(paragraph.split())
        if not is_section_end(paragraph) and not is_chrome(paragraph):
            kept.append(paragraph)
    return kept


def _body(tree: Any, url: str | None) -> str:
    """Article text from trafilatura, or from the article element when trafilatura finds nothing or cuts it short.

    Precision mode first; a page where that and the article element give next to nothing gets trafilatura's default
    mode, which tries harder.
    """
    text = _trafilatura(tree, url, precision=True)
    containers = tree.xpath('//article|//main|//*[@itemprop="articleBody"]')
    if text.strip() and not containers:
        return text
    low, high = _TRUNCATED
    inner = set(containers)
    outer = [c for c in containers if not any(a in inner for a in c.iterancestors())]  # the longest are outermost
    if text.strip() and len(text) >= high * max(len(c.text_content()) for c in outer):
        return text  # the fallback could not be long enough to replace it
    fallback, contained = fallback_text(tree)
    if not text.strip() or (contained and low * len(fallback) <= len(text) < high * len(fallback)):
        text = fallback  # trafilatura found nothing, or about a quarter to a half of the article element
    if len(text.strip()) >= _SHORT_BODY:
        return text
    default = _trafilatura(tree, url, precision=False)
    return default if len(default) > len(text) else text


def _trafilatura(tree: Any, url: str | None, precision: bool) -> str:
    """The main text trafilatura finds in a parsed page (it works on its own copy), without comments."""
    doc = trafilatura.bare_extraction(tree, url=url, favor_precision=precision, include_comments=False,
                                      with_metadata=False)
    return (doc.text if doc is not None else "") or ""


def extract_html(report: Report) -> Article:
    """Extract body and metadata of an HTML report (the body is empty when nothing usable is found).

    Raises ExtractionError for a page over the size, element or attribute caps.
    """
    check_html_size(report.raw)
    tree = parse(tame_html(decode(report.raw, report.hints.get("charset"))))
    if tree is None:
        return Article(report_id=report.id, source=report.source, text="", url=report.url)
    data = Structured(tree)
    url = report.url or canonical_url(data)
    host = domain(url) or ""
    title = page_title(data, site_names(data, url), host)
    paragraphs, byline, dateline = _paragraphs(_body(tree, url), title)
    return Article(
        report_id=report.id, source=report.source, text="\n\n".join(strip_chrome(paragraphs)), title=title,
        author=person_name(page_author(data, host) or byline), published=page_date(data, title, url) or dateline,
        outlet=outlet(data), url=url,
    )
