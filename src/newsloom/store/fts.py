"""Full-text search in the SQLite store: a person's query made safe for FTS5, hits with their snippets."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from newsloom.model import SPEAKER_THRESHOLD
from newsloom.store.base import SEARCH_KINDS, SearchHit, SearchKind, SearchQueryError
from newsloom.store.migrations import SPAN_ROWS

OPEN, CLOSE = "\x02", "\x03"  # match markers asked of FTS5, taken out again before a hit is made
TABLES: dict[SearchKind, str] = {"report": "articles_search", "quote": "quotes_search", "claim": "claims_search"}
TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s"()]+')
OPERATORS = frozenset({"AND", "OR", "NOT", "(", ")"})
SNIPPET_TOKENS = 24
MAX_LIMIT = 1000

_STORY = "(SELECT story_id FROM story_reports WHERE report_id = r.id)"
_REPORT_HIT = f"""
SELECT r.id, {_STORY}, a.title, a.outlet, a.published, NULL, NULL, NULL,
       snippet(articles_search, -1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}),
       highlight(articles_search, 1, '{OPEN}', '{CLOSE}')
FROM articles_search s JOIN reports r ON r.seq = s.rowid JOIN articles a ON a.report_id = r.id
WHERE articles_search MATCH ? AND s.rowid = ?"""
_SPAN_HIT = """
SELECT r.id, {story}, a.title, a.outlet, a.published, t."start", t."end", {speaker},
       snippet({index}, 0, '{open}', '{close}', '…', {tokens}), NULL
FROM {index} s JOIN reports r ON r.seq = s.rowid / {rows} JOIN articles a ON a.report_id = r.id
JOIN {table} t ON t.report_id = r.id AND t.idx = s.rowid % {rows}
WHERE {index} MATCH ? AND s.rowid = ?"""
# A quote's speaker as the brief shows it: none below the confidence threshold (the name found stays searchable).
HIT_SPEAKER = {"quote": f"CASE WHEN t.confidence < {SPEAKER_THRESHOLD} THEN NULL ELSE t.speaker END",
               "claim": "t.speaker"}
HITS: dict[SearchKind, str] = {
    "report": _REPORT_HIT,
    **{kind: _SPAN_HIT.format(story=_STORY, index=TABLES[kind], table=f"{kind}s", open=OPEN, close=CLOSE,
                              tokens=SNIPPET_TOKENS * 2, rows=SPAN_ROWS, speaker=HIT_SPEAKER[kind])
       for kind in ("quote", "claim")},
}


def fts_query(text: str) -> str:
    """A person's query as an FTS5 expression: every word and "phrase" quoted; prefix*, AND, OR, NOT, ( ) kept."""
    parts = []
    for token in TOKEN.findall(text):
        if token.startswith('"'):
            if len(token) < 2 or not token.endswith('"'):
                raise SearchQueryError(f"cannot read the search {text!r}: a quotation mark is not closed")
            parts.append(_quoted(token[1:-1]))
        elif token in OPERATORS:
            parts.append(token)
        elif not token.strip("*"):
            raise SearchQueryError(f"cannot read the search {text!r}: a * must end a word (as in strik*)")
        else:
            parts.append(_quoted(token.rstrip("*")) + ("*" if token.endswith("*") else ""))
    if all(p in OPERATORS for p in parts):
        raise SearchQueryError("the search is empty: give at least one word")
    return " ".join(parts)


def _quoted(words: str) -> str:
    """Words as one FTS5 string (a phrase), its quotation marks doubled."""
    return '"' + words.replace('"', '""') + '"'


def search(
    c: sqlite3.Connection, query: str, kinds: Sequence[SearchKind] = SEARCH_KINDS, limit: int = 20, offset: int = 0
) -> list[SearchHit]:
    """The best `limit` hits after `offset` of `query` among `kinds`, through the indexes of migration 10."""
    chosen = _kinds(kinds)
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be 1 to {MAX_LIMIT} and offset at least 0, got {limit} and {offset}")
    expr = fts_query(query)
    ranked = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, rowid AS row, rank AS score FROM {TABLES[kind]} WHERE {TABLES[kind]} MATCH ?"
        for kind in chosen
    )
    try:
        found = c.execute(f"SELECT kind, row FROM ({ranked}) ORDER BY score, kind, row LIMIT ? OFFSET ?",
                          (*[expr] * len(chosen), limit, offset)).fetchall()
        rows = [(kind, c.execute(HITS[kind], (expr, row)).fetchone()) for kind, row in found]
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc):
            raise SearchQueryError(f"cannot read the search {query!r}: {exc}") from exc
        raise
    return [_hit(kind, row) for kind, row in rows if row is not None]


def _kinds(kinds: Sequence[str]) -> list[SearchKind]:
    """The kinds asked for, each once, in the usual order; unknown ones are an error."""
    unknown = sorted(set(kinds) - set(SEARCH_KINDS))
    if unknown or not kinds:
        raise SearchQueryError(f"cannot search {', '.join(unknown) or 'nothing'}: "
                               f"choose among {', '.join(SEARCH_KINDS)}")
    return [k for k in SEARCH_KINDS if k in kinds]


def _hit(kind: SearchKind, row: tuple) -> SearchHit:
    """A hit from one row of HITS: its snippet freed of markers, a report's first match in its text found."""
    report_id, story_id, title, outlet, published, start, end, speaker, snippet, highlighted = row
    plain, marks = unmark(snippet or "")
    if kind == "report":
        _, found = unmark(highlighted or "")
        start, end = found[0] if found else (None, None)
    return SearchHit(kind, report_id, story_id, plain, start, end, tuple(marks), title, outlet, published, speaker)


def unmark(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text with the match markers taken out, and the spans they enclosed."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    at, opened = 0, None
    for piece in re.split(f"([{OPEN}{CLOSE}])", text):
        if piece == OPEN:
            opened = at
        elif piece == CLOSE:
            if opened is not None:
                marks.append((opened, at))
            opened = None
        else:
            plain.append(piece)
            at += len(piece)
    return "".join(plain), marks
