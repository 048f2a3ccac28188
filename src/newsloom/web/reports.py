"""What a report's page shows: its clean text (with one span marked on request), metadata and quotes."""
from __future__ import annotations

from dataclasses import dataclass, field

from newsloom.model import Article, Evidence, InputStatus, Quote, Report
from newsloom.web.desk import Desk


@dataclass
class ReportPage:
    """A report, its article (None when extraction gave none) and where it sits among the stories."""

    report: Report
    article: Article | None
    status: InputStatus | None
    story_id: str | None
    story_headline: str | None
    copy_of: tuple[str, str] | None  # (report id, its name)
    copied_by: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    pieces: list[tuple[str, bool]] = field(default_factory=list)  # (text, marked)
    title_pieces: list[tuple[str, bool]] = field(default_factory=list)  # the headline, (text, marked)

    @property
    def title(self) -> str:
        """The article's title, else its source."""
        return (self.article.title if self.article else None) or self.report.source

    @property
    def link(self) -> str | None:
        """The report's URL when it is safe to link (http or https)."""
        url = ((self.article.url if self.article else None) or self.report.url or "").strip()
        return url if url.lower().startswith(("http://", "https://")) else None


def report_page(desk: Desk, report_id: str, start: int | None = None, end: int | None = None,
                part: str = "text") -> ReportPage | None:
    """Gather a report's page, or None when the store has no such report; the span marked is in its headline when
    `part` is "title"."""
    store = desk.store
    report = store.get_report(report_id)
    if report is None:
        return None
    article = store.get_article(report_id)
    annotated = store.get_annotated(report_id)
    story_id = store.story_of(report_id)
    story = desk.story(story_id) if story_id else None
    brief = desk.story_brief(story_id) if story_id else None
    return ReportPage(
        report=report,
        article=article,
        status=next((i for i in store.inputs() if i.source == report.source), None),
        story_id=story_id,
        story_headline=brief.headline if brief else None,
        copy_of=_named(desk, story.copy_of(report_id)) if story else None,
        copied_by=[_named(desk, e.copy) for e in story.edges if e.original == report_id] if story else [],
        quotes=annotated.quotes if annotated else [],
        pieces=marked(article.text, *((start, end) if part != "title" else (None, None))) if article else [],
        title_pieces=marked((article.title if article else None) or report.source,
                            *((start, end) if part == "title" else (None, None))),
    )


def evidence_query(ev: Evidence | Quote) -> dict[str, object]:
    """The query that marks a span on its report's page: start, end, and part=title for a span of the headline."""
    query: dict[str, object] = {"start": ev.start, "end": ev.end}
    if ev.part == "title":
        query["part"] = "title"
    return query


def _named(desk: Desk, report_id: str | None) -> tuple[str, str] | None:
    """A report id with the name people know it by: its outlet, else its title, else the id."""
    if report_id is None:
        return None
    article = desk.store.get_article(report_id)
    return report_id, (article and (article.outlet or article.title)) or report_id


def marked(text: str, start: int | None, end: int | None) -> list[tuple[str, bool]]:
    """Split text around the span `[start, end)`, clamped to the text; no span, one unmarked piece."""
    if start is None or end is None:
        return [(text, False)]
    start, end = sorted((min(max(start, 0), len(text)), min(max(end, 0), len(text))))
    return [(text[:start], False), (text[start:end], True), (text[end:], False)]
