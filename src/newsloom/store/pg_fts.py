"""Full-text search in the PostgreSQL store: the query as a tsquery, GIN-indexed tsvectors, ts_headline snippets.

The query language is the one the SQLite store reads (words, "phrases", prefix*, AND, OR, NOT,
parentheses); each word or phrase goes to `websearch_to_tsquery` quoted, so it is always a phrase and
never an operator. Matching stems English words and keeps stop words, as SQLite's porter tokenizer does;
accents are kept (PostgreSQL's unaccent is an extension a server may lack).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newsloom.store.base import SEARCH_KINDS, SearchHit, SearchKind, SearchQueryError
from newsloom.store.fts import HIT_SPEAKER, MAX_LIMIT, OPERATORS, TOKEN, _hit, _kinds
from newsloom.store.migrations import PG_SEARCH_CONFIG as CONFIG, PG_SEARCH_TEXT

VECTORS: dict[SearchKind, str] = {
    kind: f"to_tsvector('{CONFIG}', {PG_SEARCH_TEXT[table].format(t=alias)})"
    for kind, table, alias in (("report", "articles", "a."), ("quote", "quotes", "t."), ("claim", "claims", "t."))
}
SNIPPET = "StartSel=\x02, StopSel=\x03, MaxWords=24, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""
WHOLE = "StartSel=\x02, StopSel=\x03, HighlightAll=true"
_STORY = "(SELECT story_id FROM story_reports WHERE report_id = r.id)"
_FROM: dict[SearchKind, str] = {
    "report": "articles a JOIN reports r ON r.id = a.report_id",
    "quote": "quotes t JOIN reports r ON r.id = t.report_id JOIN articles a ON a.report_id = r.id",
    "claim": "claims t JOIN reports r ON r.id = t.report_id JOIN articles a ON a.report_id = r.id",
}
_HITS: dict[SearchKind, str] = {
    "report": f"""SELECT r.id, {_STORY}, a.title, a.outlet, a.published, NULL, NULL, NULL,
       CASE WHEN to_tsvector('{CONFIG}', a.text) @@ q THEN ts_headline('{CONFIG}', a.text, q, ?)
            ELSE ts_headline('{CONFIG}', COALESCE(a.title, ''), q, ?) END,
       ts_headline('{CONFIG}', a.text, q, ?)
FROM {_FROM['report']}, (SELECT {{query}} AS q) x WHERE r.seq = ?""",
    **{kind: f"""SELECT r.id, {_STORY}, a.title, a.outlet, a.published, t."start", t."end", {HIT_SPEAKER[kind]},
       ts_headline('{CONFIG}', t.text, q, ?), NULL
FROM {_FROM[kind]}, (SELECT {{query}} AS q) x WHERE r.seq = ? AND t.idx = ?""" for kind in ("quote", "claim")},
}


def tsquery(text: str) -> tuple[str, list[str]]:
    """A person's query as a tsquery SQL expression over bound parameters (each word or phrase one parameter)."""
    tokens = TOKEN.findall(text)
    parser = _Parser(tokens, text)
    expression = parser.expression()
    if parser.at < len(tokens):
        raise _unreadable(text, f"{tokens[parser.at]!r} has nothing to join")
    if not parser.params:
        raise SearchQueryError("the search is empty: give at least one word")
    return expression, parser.params


def _unreadable(text: str, why: str) -> SearchQueryError:
    return SearchQueryError(f"cannot read the search {text!r}: {why}")


class _Parser:
    """Reads `a OR b`, `a AND b` / `a b`, `a NOT b` and `( ... )` (NOT tightest, then AND, then OR)."""

    def __init__(self, tokens: list[str], text: str) -> None:
        self.tokens, self.text, self.at = tokens, text, 0
        self.params: list[str] = []

    def _peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def expression(self) -> str:
        parts = [self._all()]
        while self._peek() == "OR":
            self.at += 1
            parts.append(self._all())
        return parts[0] if len(parts) == 1 else "(" + " || ".join(parts) + ")"

    def _all(self) -> str:
        parts = [self._but()]
        while (token := self._peek()) is not None and token not in ("OR", ")"):
            if token == "AND":
                self.at += 1
            parts.append(self._but())
        return parts[0] if len(parts) == 1 else "(" + " && ".join(parts) + ")"

    def _but(self) -> str:
        found = self._unit()
        while self._peek() == "NOT":
            self.at += 1
            found = f"({found} && !!{self._unit()})"
        return found

    def _unit(self) -> str:
        token = self._peek()
        if token is None:
            raise _unreadable(self.text, "it ends where a word should follow")
        self.at += 1
        if token == "(":
            inner = self.expression()
            if self._peek() != ")":
                raise _unreadable(self.text, "a parenthesis is not closed")
            self.at += 1
            return inner
        if token in OPERATORS:
            raise _unreadable(self.text, f"{token} needs a word before and after it")
        return self._leaf(token)

    def _leaf(self, token: str) -> str:
        """One word, "phrase" or prefix* as a tsquery over a bound parameter."""
        if token.startswith('"'):
            if len(token) < 2 or not token.endswith('"'):
                raise _unreadable(self.text, "a quotation mark is not closed")
            token = token[1:-1]
        elif token.endswith("*"):
            words = re.findall(r"\w+", token)
            if not words:
                raise _unreadable(self.text, "a * must end a word (as in strik*)")
            self.params.append(" <-> ".join(words) + ":*")
            return f"to_tsquery('{CONFIG}', ?)"
        self.params.append('"' + token.replace('"', " ") + '"')
        return f"websearch_to_tsquery('{CONFIG}', ?)"


def search(c: Any, query: str, kinds: Sequence[SearchKind] = SEARCH_KINDS, limit: int = 20,
           offset: int = 0) -> list[SearchHit]:
    """The best `limit` hits after `offset` of `query` among `kinds`, through the GIN indexes of migration 13."""
    chosen = _kinds(kinds)
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be 1 to {MAX_LIMIT} and offset at least 0, got {limit} and {offset}")
    expression, params = tsquery(query)
    ranked = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, r.seq AS seq, {'0' if kind == 'report' else 't.idx'} AS idx, "
        f"ts_rank({VECTORS[kind]}, {expression}) AS score FROM {_FROM[kind]} WHERE {VECTORS[kind]} @@ {expression}"
        for kind in chosen
    )
    found = c.execute(f"SELECT kind, seq, idx FROM ({ranked}) hits ORDER BY score DESC, kind, seq, idx "
                      "LIMIT ? OFFSET ?", [*params * 2 * len(chosen), limit, offset]).fetchall()
    hits = []
    for kind, seq, idx in found:
        sql = _HITS[kind].format(query=expression)
        extra = [SNIPPET, SNIPPET, WHOLE, *params, seq] if kind == "report" else [SNIPPET, *params, seq, idx]
        row = c.execute(sql, extra).fetchone()
        if row is not None:
            hits.append(_hit(kind, row))
    return hits
