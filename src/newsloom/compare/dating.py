"""Dates of undated reports, resolved against the story's news cycle."""
from __future__ import annotations

from dataclasses import replace

from newsloom.annotate.dates import parse_iso, resolve
from newsloom.model import Annotated, DateMention


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
    for ann in anns:
        if parse_iso(ann.article.published):
            out.append(ann)
            continue
        fixed = {(d.start, d.end): replace(d, value=d.value or resolve(d.text, parse_iso(base))) for d in ann.dates}

        def swap(ds: list[DateMention]) -> list[DateMention]:
            return [fixed.get((d.start, d.end), d) for d in ds]

        claims = [replace(c, dates=swap(c.dates)) for c in ann.claims]
        out.append(replace(ann, dates=swap(ann.dates), claims=claims))
    return out
