"""Render a brief's quotes and claims as CSV tables a spreadsheet opens: one row per quote, one per claim."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence

from newsloom.brief.view import part_text
from newsloom.model import Brief, BriefReport, Evidence

QUOTE_COLUMNS = ("story", "speaker", "speaker_rule", "wording", "outlet", "published", "report", "start", "end",
                 "link", "in")  # in: "text" (offsets index the clean text) or "title" (the headline)
CLAIM_COLUMNS = ("story", "claim", "reports", "independent_reports", "outlets", "report_ids", "speaker", "evidence")
TABLES = ("quotes", "claims")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Link = Callable[[Evidence, BriefReport], str]


def safe_cell(value: object) -> object:
    """A cell a spreadsheet will not run as a formula: text starting with = + - @ gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def table_csv(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """A CSV document with a header row; each row's cells made safe, keys outside `columns` left out."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(row.get(key)) for key in columns})
    return out.getvalue()


def source_link(evidence: Evidence, report: BriefReport) -> str:
    """The report's own URL, where it has one."""
    return report.url or ""


def quote_rows(brief: Brief, link: Link = source_link) -> list[dict[str, object]]:
    """One row per quote in each report that carries it: the words as that report prints them, with the rule its
    speaker rests on (or why nobody is named)."""
    rows = []
    for story in brief.stories:
        reports = {r.id: r for r in story.reports}
        for group in story.quotes:
            for ev in group.evidence:
                report = reports.get(ev.report)
                if report is None:
                    continue
                rows.append({"story": story.id, "speaker": group.speaker or "unattributed",
                             "speaker_rule": group.attribution, "wording": part_text(report, ev.part)[ev.start:ev.end],
                             "outlet": report.outlet or report.source, "published": report.published,
                             "report": ev.report, "start": ev.start, "end": ev.end, "link": link(ev, report),
                             "in": ev.part})
    return rows


def claim_rows(brief: Brief) -> list[dict[str, object]]:
    """One row per claim: how many reports back it, how many of them independently, and which outlets."""
    rows = []
    for story in brief.stories:
        outlet = {r.id: r.outlet or r.source for r in story.reports}
        for claim in story.claims:
            rows.append({"story": story.id, "claim": claim.text, "reports": len(claim.reports),
                         "independent_reports": claim.independent_reports,
                         "outlets": "; ".join(dict.fromkeys(outlet.get(r, r) for r in claim.reports)),
                         "report_ids": "; ".join(claim.reports), "speaker": claim.speaker,
                         "evidence": "; ".join(f"{e.report}:{e.start}-{e.end}" for e in claim.evidence)})
    return rows


def to_csv(brief: Brief, table: str, link: Link = source_link) -> str:
    """The brief's "quotes" or "claims" as one CSV document."""
    if table == "quotes":
        return table_csv(QUOTE_COLUMNS, quote_rows(brief, link))
    if table == "claims":
        return table_csv(CLAIM_COLUMNS, claim_rows(brief))
    raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
