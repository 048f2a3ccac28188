"""Dates of undated reports, resolved against the story's news cycle, and publication dates read from the text."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsloom.annotate.corrections import with_dates
from newsloom.annotate.dates import MONTH, parse_iso, resolve
from newsloom.compare.statement_dates import aired_before
from newsloom.model import Annotated, DateMention, Evidence, Notice, TimelineEntry

_CALENDAR = re.compile(rf"\d{{1,2}}/\d{{1,2}}|\b{MONTH}\s+\d|\d\s+{MONTH}", re.I)


@dataclass
class InferredDate:
    """A publication date read from a report's own words, with the words it rests on."""

    date: str
    evidence: list[Evidence]


def story_base_date(anns: list[Annotated]) -> str | None:
    """The latest publication date among the story's dated reports."""
    dates = [a.article.published[:10] for a in anns if parse_iso(a.article.published)]
    return max(dates) if dates else None


def redate(anns: list[Annotated]) -> list[Annotated]:
    """Resolve relative dates of undated reports against the story's latest publication date.

    A report that states no date of its own ("on Wednesday", "last Friday") is read as part of the
    same news cycle as the story's dated reports; dated reports are returned unchanged.
    """
    base = story_base_date(anns)
    if base is None:
        return anns
    out = []
    day = parse_iso(base)
    resolved: dict[str, str | None] = {}  # copies repeat the same expressions; each is read once
    for ann in anns:
        if parse_iso(ann.article.published):
            out.append(ann)
            continue
        for d in ann.dates:
            if not d.value and d.text not in resolved:
                resolved[d.text] = resolve(d.text, day)
        fixed = {(d.start, d.end): replace(d, value=d.value or resolved[d.text]) for d in ann.dates}

        def swap(ds: list[DateMention]) -> list[DateMention]:
            return [fixed.get((d.start, d.end), d) for d in ds]

        claims = [replace(c, dates=swap(c.dates)) for c in ann.claims]
        out.append(replace(ann, dates=swap(ann.dates), claims=claims))
    return [replace(a, corrections=with_dates(a.corrections, parse_iso(a.article.published) or parse_iso(base)))
            for a in out]


def infer_published(ann: Annotated) -> InferredDate | None:
    """The publication date of an undated report, read from its text (run on `redate`d reports).

    The latest day it names by calendar ("on March 2") or as an airing or publication ("aired Sunday") is
    the earliest it can have appeared; a dated correction or update ("CORRECTION (3/2)") is the latest.
    """
    if parse_iso(ann.article.published):
        return None
    rid, text = ann.report_id, ann.article.text
    latest = min((n.date for n in ann.corrections if n.date), default=None)
    seen = [d for d in ann.dates if d.value and (_CALENDAR.search(d.text) or aired_before(text, d.start))
            and (latest is None or d.value <= latest)]
    day = max((d.value for d in seen if d.value), default=latest)
    if day is None:
        return None
    evidence = [Evidence(rid, d.start, d.end) for d in seen if d.value == day]
    evidence += [Evidence(rid, n.start, n.end) for n in ann.corrections if n.date and n.date >= day]
    return InferredDate(day, evidence)


def notices(ann: Annotated) -> list[Notice]:
    """A report's correction and update notices as the brief lists them."""
    return [Notice(n.kind, n.date, n.text, [Evidence(ann.report_id, n.start, n.end)]) for n in ann.corrections]


def notice_entries(anns: list[Annotated]) -> list[TimelineEntry]:
    """Timeline rows for the dated correction and update notices of the story's reports."""
    return [
        TimelineEntry(date=n.date, text=n.text, reports=[a.report_id],
                      evidence=[Evidence(a.report_id, n.start, n.end)], kind="correction")
        for a in anns for n in a.corrections if n.date
    ]
