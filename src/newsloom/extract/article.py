"""Turn a report into an article: dispatch on media type, then fill metadata gaps and the language."""
from __future__ import annotations

from newsloom.extract.html import extract_html
from newsloom.extract.limits import ExtractionError, check_text_size
from newsloom.extract.lines import count_words
from newsloom.extract.metadata import domain, fill_from_hints, language
from newsloom.extract.text import find_body
from newsloom.extract.textmeta import text_metadata
from newsloom.ingest.encoding import decode
from newsloom.model import Article, Report

MIN_WORDS = 3


def extract_text(report: Report) -> Article:
    """Extract body, segments and metadata from a plain-text report (ExtractionError when it is too long)."""
    text = decode(report.raw, report.hints.get("charset"))
    check_text_size(text)
    body = find_body(text)
    meta = text_metadata(body)
    return Article(
        report_id=report.id, source=report.source, text=body.text, title=meta.title, author=meta.author,
        published=meta.published, outlet=meta.outlet, url=report.url, segments=body.segments,
    )


def extract_article(report: Report) -> Article:
    """Extract the clean article of a report, or raise ExtractionError when it has no usable body."""
    if report.media_type == "html":
        article = extract_html(report)
    elif report.media_type == "text":
        article = extract_text(report)
    else:
        raise ExtractionError(f"unsupported media type: {report.media_type}")
    check_text_size(article.text, "article text")
    if count_words(article.text) < MIN_WORDS:
        raise ExtractionError("no article body found" if not article.text.strip() else "article body too short")
    fill_from_hints(article, report.hints)
    article.url = article.url or report.url
    article.outlet = article.outlet or domain(article.url)
    article.lang = language(article.text)
    return article
