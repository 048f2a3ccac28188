"""`newsloom search` and `newsloom export`: find words in a store; export stories' quotes and claims as CSV."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from newsloom.cli_common import DbOpt, _store, err, fail
from newsloom.find import Filters, search_filtered
from newsloom.store import StoreError
from newsloom.store.base import SEARCH_COLUMNS, SEARCH_KINDS, SearchHit


OutletOpt = typer.Option("", "--outlet", help="Only reports from this outlet (its name, any case).")
SpeakerOpt = typer.Option("", "--speaker", help="Only quotes and claims by this person (reports and stories quoting them).")
EntityOpt = typer.Option("", "--entity", help="Only reports and stories naming this person, organisation or place.")
SinceOpt = typer.Option("", "--since", help="Only reports published on this day (YYYY-MM-DD) or later.")
UntilOpt = typer.Option("", "--until", help="Only reports published on this day (YYYY-MM-DD) or earlier.")
MinSourcesOpt = typer.Option(0, "--min-sources", min=0, help="Only claims backed by at least this many independent "
                             "sources (and reports, quotes and stories holding such a claim).")


def make_filters(outlet: str, speaker: str, entity: str, since: str, until: str, min_sources: int) -> Filters:
    """The filters of the command line, or a failure naming a date that is not YYYY-MM-DD."""
    try:
        return Filters.make(outlet, speaker, entity, since, until, min_sources)
    except ValueError as exc:
        fail(str(exc))
        raise


class HitFormat(str, Enum):
    """Output formats of search hits."""

    text = "text"
    jsonl = "jsonl"
    csv = "csv"


class Kind(str, Enum):
    """What a search looks in."""

    report = "report"
    quote = "quote"
    claim = "claim"


class Table(str, Enum):
    """What `export` writes."""

    quotes = "quotes"
    claims = "claims"


def search(
    query: str = typer.Argument(..., help='Words (all must match), "exact phrases", prefix*, OR, NOT, ( ).'),
    db: str = DbOpt,
    kind: Optional[List[Kind]] = typer.Option(None, "--kind", "-k", help="Look only in reports, quotes or claims "
                                              "(repeat for several; default: all three)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000, help="Most hits to print."),
    offset: int = typer.Option(0, "--offset", min=0, help="Hits to skip first (the next page)."),
    fmt: HitFormat = typer.Option(HitFormat.text, "--format", "-f", help="text, jsonl or csv."),
    outlet: str = OutletOpt, speaker: str = SpeakerOpt, entity: str = EntityOpt,
    since: str = SinceOpt, until: str = UntilOpt, min_sources: int = MinSourcesOpt,
) -> None:
    """Find words in the stored reports (titles and texts), quotes (words and speakers) and claims, best first."""
    from newsloom.brief.render_csv import table_csv
    from newsloom.pipeline import Pipeline

    kinds = [k.value for k in kind] if kind else list(SEARCH_KINDS)
    filters = make_filters(outlet, speaker, entity, since, until, min_sources)
    with _store(db) as store:
        pipeline = Pipeline(store)

        def brief_of(story_id: str):
            found = pipeline.brief([story_id]).stories
            return found[0] if found else None

        try:
            hits = search_filtered(store, query, kinds, limit, offset, filters, brief_of)
        except StoreError as exc:
            fail(str(exc))
    if fmt is HitFormat.csv:
        sys.stdout.write(table_csv(SEARCH_COLUMNS, (asdict(h) for h in hits)))
    elif fmt is HitFormat.jsonl:
        for hit in hits:
            sys.stdout.write(json.dumps(asdict(hit), ensure_ascii=False) + "\n")
    else:
        for hit in hits:
            sys.stdout.write(_line(hit) + "\n")
    if not hits:
        err.print(f"no {' or '.join(kinds)} matches {query!r}" + (f" after the first {offset}" if offset else "")
                  + (f" ({filters.describe()})" if filters.active else ""))


def _line(hit: SearchHit) -> str:
    """A hit as one tab-separated line: kind, report, story, span, who or where, snippet."""
    span = f"{hit.start}:{hit.end}" if hit.start is not None else "title"
    who = hit.speaker if hit.kind == "quote" else hit.outlet
    return "\t".join((hit.kind, hit.report_id, hit.story_id or "-", span, who or "-", " ".join(hit.snippet.split())))


def export(
    table: Table = typer.Argument(..., help="quotes (one row per quote in each report) or claims (one per claim)."),
    db: str = DbOpt,
    story: Optional[List[str]] = typer.Option(None, "--story", help="Only these story ids (default: every story)."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the CSV here instead of stdout."),
) -> None:
    """Write the stored stories' quotes or claims as CSV for a spreadsheet (run `stories` first after ingesting)."""
    from newsloom.brief.render_csv import to_csv
    from newsloom.pipeline import Pipeline

    with _store(db) as store:
        known = {s.id for s in store.stories()}
        unknown = [s for s in story or [] if s not in known]
        if unknown:
            fail(f"no story {', '.join(unknown)} in this store (`newsloom stories --db {db}` lists them)")
        brief = Pipeline(store).brief(story)
    text = to_csv(brief, table.value)
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8", newline="")
    err.print(f"wrote {out}")
