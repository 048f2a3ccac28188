"""Conversions between model objects and table rows, shared by every backend."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from newsloom.model import (
    Annotated,
    Article,
    Claim,
    CopyEdge,
    Correction,
    DateMention,
    Evidence,
    Mention,
    Quote,
    Report,
    Segment,
    SourceCite,
    Story,
)
from newsloom.store.base import StoreError

Row = tuple[Any, ...]

# Value columns in model field order, so that `Cls(*row)` rebuilds an object from its row.
REPORT = ("id", "source", "raw", "media_type", "url", "hints", "content_hash", "arrival")
ARTICLE = ("report_id", "source", "text", "title", "author", "published", "outlet", "url", "lang")
SEGMENT = ("clean_start", "source_start", "length")
SENTENCE = ("start", "end")
MENTION = ("text", "start", "end", "label", "canonical")
DATE = ("text", "start", "end", "value")
QUOTE = ("text", "start", "end", "kind", "cue", "speaker", "speaker_start", "speaker_end",
         "sentence_start", "sentence_end", "basis", "confidence", "speaker_role", "doubt", "part")
CLAIM = ("text", "start", "end", "speaker", "entities", "numbers", "facets", "vectors")
SOURCE = ("name", "kind", "role", "cue", "start", "end", "sentence_start", "sentence_end")
CORRECTION = ("kind", "text", "start", "end", "date_text", "date")
EDGE = ("copy_id", "original_id", "kind", "similarity")
EVIDENCE = ("report_id", "start", "end")


@dataclass(frozen=True)
class Child:
    """A table of ordered child rows: the parent's key columns, `idx`, then value columns."""

    table: str
    keys: tuple[str, ...]
    cols: tuple[str, ...]

    @property
    def all_columns(self) -> tuple[str, ...]:
        """Every column, in insert order."""
        return self.keys + ("idx",) + self.cols


SEGMENTS = Child("segments", ("report_id",), SEGMENT)
SENTENCES = Child("sentences", ("report_id",), SENTENCE)
MENTIONS = Child("mentions", ("report_id",), MENTION)
DATES = Child("date_mentions", ("report_id",), DATE)
QUOTES = Child("quotes", ("report_id",), QUOTE)
CLAIMS = Child("claims", ("report_id",), CLAIM)
CLAIM_DATES = Child("claim_dates", ("report_id", "claim_idx"), DATE)
SOURCES = Child("source_cites", ("report_id",), SOURCE)
CORRECTIONS = Child("corrections", ("report_id",), CORRECTION)
SPANS = (SENTENCES, MENTIONS, DATES, QUOTES, CLAIMS, SOURCES, CORRECTIONS)  # one row per span, keyed by report
MEMBERS = Child("story_reports", ("story_id",), ("report_id",))
EDGES = Child("copy_edges", ("story_id",), EDGE)
EDGE_EVIDENCE = Child("edge_evidence", ("story_id", "edge_idx"), EVIDENCE)


def columns(cols: Sequence[str], table: str = "") -> str:
    """A quoted, comma-separated column list (`end` is a reserved word), optionally qualified."""
    prefix = f"{table}." if table else ""
    return ", ".join(f'{prefix}"{c}"' for c in cols)


def nest(groups: Mapping[Row, list[Row]]) -> dict[Any, dict[Any, list[Row]]]:
    """Regroup rows keyed by (parent, index) as {parent: {index: rows}}."""
    nested: dict[Any, dict[Any, list[Row]]] = {}
    for (parent, index), found in groups.items():
        nested.setdefault(parent, {})[index] = found
    return nested


def to_json(value: Any, what: str) -> str:
    """Encode a small field as JSON, naming the field when it cannot be."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{what} is not JSON-serialisable: {exc}") from exc


def values(obj: Any, cols: Sequence[str]) -> Row:
    """The object's attributes named by `cols`, in order."""
    return tuple(getattr(obj, c) for c in cols)


def report_row(report: Report) -> Row:
    """A report as a row of REPORT columns; its hints go as JSON (tuples come back as lists)."""
    if not report.content_hash:
        raise StoreError(f"report {report.id} has no content_hash; build reports with Report.make")
    fields = dict(zip(REPORT, values(report, REPORT)))
    fields["hints"] = to_json(report.hints, f"hints of report {report.id}")
    return tuple(fields.values())


def report_from(row: Row) -> Report:
    """Rebuild a report from a row of REPORT columns."""
    fields = dict(zip(REPORT, row))
    fields["raw"] = bytes(fields["raw"])
    fields["hints"] = json.loads(fields["hints"])
    return Report(**fields)


def segment_rows(article: Article) -> list[Row]:
    """The article's segments as (report_id, idx, SEGMENT...) rows."""
    return [(article.report_id, i, *values(s, SEGMENT)) for i, s in enumerate(article.segments)]


def article_from(row: Row, segments: list[Row]) -> Article:
    """Rebuild an article from a row of ARTICLE columns and its segment rows."""
    return Article(*row, segments=[Segment(*s) for s in segments])


def annotation_rows(ann: Annotated) -> list[tuple[Child, list[Row]]]:
    """The span rows of an annotated article, table by table (claims before their dates)."""
    rid = ann.report_id
    strays = [x for x in (*ann.quotes, *ann.claims) if x.report_id != rid]
    if strays:
        raise StoreError(f"annotations of report {rid} hold spans of report {strays[0].report_id}")
    claims = [(rid, i, c.text, c.start, c.end, c.speaker, to_json(c.entities, f"entities of {rid}"),
               to_json(c.numbers, f"numbers of {rid}"), to_json(c.facets, f"facets of {rid}"), c.vectors)
              for i, c in enumerate(ann.claims)]
    dates = [(rid, ci, di, *values(d, DATE))
             for ci, c in enumerate(ann.claims) for di, d in enumerate(c.dates)]
    return [
        (SENTENCES, [(rid, i, s, e) for i, (s, e) in enumerate(ann.sentences)]),
        (MENTIONS, [(rid, i, *values(m, MENTION)) for i, m in enumerate(ann.mentions)]),
        (DATES, [(rid, i, *values(d, DATE)) for i, d in enumerate(ann.dates)]),
        (QUOTES, [(rid, i, *values(q, QUOTE)) for i, q in enumerate(ann.quotes)]),
        (CLAIMS, claims),
        (CLAIM_DATES, dates),
        (SOURCES, [(rid, i, *values(c, SOURCE)) for i, c in enumerate(ann.sources)]),
        (CORRECTIONS, [(rid, i, *values(n, CORRECTION)) for i, n in enumerate(ann.corrections)]),
    ]


def annotated_from(
    article: Article, spans: Mapping[Child, list[Row]], claim_dates: Mapping[int, list[Row]]
) -> Annotated:
    """Rebuild an annotated article from its span rows by table and its claims' date rows by claim index."""
    rid = article.report_id
    claims = [
        Claim(rid, text, start, end, speaker, json.loads(entities), json.loads(numbers),
              [DateMention(*d) for d in claim_dates.get(i, [])], [tuple(f) for f in json.loads(facets)],
              None if vectors is None else bytes(vectors))
        for i, (text, start, end, speaker, entities, numbers, facets, vectors) in enumerate(spans.get(CLAIMS, []))
    ]
    return Annotated(
        article=article,
        sentences=[(s, e) for s, e in spans.get(SENTENCES, [])],
        mentions=[Mention(*r) for r in spans.get(MENTIONS, [])],
        dates=[DateMention(*r) for r in spans.get(DATES, [])],
        quotes=[Quote(rid, *r[:-5], r[-5] or "", r[-4], r[-3], r[-2] or "", r[-1] or "text")  # older rows: NULLs
                for r in spans.get(QUOTES, [])],
        claims=claims,
        sources=[SourceCite(*r) for r in spans.get(SOURCES, [])],
        corrections=[Correction(*r) for r in spans.get(CORRECTIONS, [])],
    )


def story_rows(stories: Sequence[Story]) -> list[tuple[Child, list[Row]]]:
    """The members, copy edges and edge evidence of stories as rows, parents before children."""
    members: list[Row] = []
    edges: list[Row] = []
    evidence: list[Row] = []
    for story in stories:
        members += [(story.id, i, rid) for i, rid in enumerate(story.report_ids)]
        for ei, e in enumerate(story.edges):
            edges.append((story.id, ei, e.copy, e.original, e.kind, e.similarity))
            evidence += [(story.id, ei, vi, v.report, v.start, v.end) for vi, v in enumerate(e.evidence)]
    return [(MEMBERS, members), (EDGES, edges), (EDGE_EVIDENCE, evidence)]


def story_from(
    story_id: str, members: list[Row], edges: list[Row], evidence: Mapping[int, list[Row]]
) -> Story:
    """Rebuild a story from its member rows, edge rows and edge evidence rows by edge index."""
    return Story(
        id=story_id,
        report_ids=[m[0] for m in members],
        edges=[CopyEdge(*e, evidence=[Evidence(*v) for v in evidence.get(i, [])])
               for i, e in enumerate(edges)],
    )
