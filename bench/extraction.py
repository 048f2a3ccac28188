"""Extraction quality and speed, newsloom vs trafilatura, on the shared evaluation sets.

    python bench/extraction.py [--limit N] [--sets zyte,traf,text]

Prints Markdown tables. The data lives outside the repository, in shared/eval/extraction
(see its README.md for where it comes from and for the official metrics); without it the
script prints a message and exits 0. Every extractor runs on the same pages in one process,
one page at a time, so the speed figures are per core and comparable.

The "text" set scores the plain-text cleaner: each Zyte page is rendered to its whole visible
text (what a reader selecting everything would copy, boilerplate included), the cleaner finds
the article in it, and the result is scored against the gold body with the Zyte metric.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from newsloom.extract import ExtractionError, extract_article
from newsloom.extract.html import parse
from newsloom.extract.visible import visible_text
from newsloom.ingest.encoding import decode
from newsloom.model import Report

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction"
SETS = ("zyte", "traf", "text")
META_FIELDS = ("title", "author", "date")

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_NONWORD = re.compile(r"\W+")

Meta = dict[str, str | None]
Extractor = Callable[[bytes, str], tuple[str, Meta]]


# ---- metrics ----


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of n-token shingles of a text (a short text gives one shorter shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(pred: str, gold: str, n: int = 4) -> tuple[float, float, float]:
    """Return one document's (tp, fp, fn) shingle overlaps, normalised to sum to 1 (all 0 when both are empty)."""
    p, g = shingles(pred, n), shingles(gold, n)
    tp = sum((p & g).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(tp: float, other: float, fp: float, fn: float) -> float:
    """Return tp/(tp+other), 1 for a perfect document and 0 for a document with no tp and no other."""
    if fp == fn == 0:
        return 1.0
    return tp / (tp + other) if tp + other else 0.0


def shingle_scores(docs: Iterable[tuple[str, str]], n: int = 4) -> dict[str, float]:
    """Return P, R, F1 and exact-token accuracy over (pred, gold) pairs, macro-averaged as in the Zyte benchmark."""
    counts, exact = [], []
    for pred, gold in docs:
        counts.append(shingle_counts(pred, gold, n))
        exact.append(_TOKEN.findall(pred or "") == _TOKEN.findall(gold or ""))
    precs = [_ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recs = [_ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": sum(exact) / len(exact) if exact else 0.0}


def _squash(text: str) -> str:
    """Collapse whitespace runs to one space."""
    return _SPACE.sub(" ", text or "")


def snippet_counts(text: str, with_: list[str], without: list[str]) -> Counter[str]:
    """Return one document's tp/fn (wanted snippets found/missed) and fp/tn (boilerplate found/absent)."""
    body = _squash(text)
    c: Counter[str] = Counter(tp=0, fn=0, fp=0, tn=0)
    for s in with_:
        c["tp" if _squash(s) in body else "fn"] += 1
    for s in without:
        c["fp" if _squash(s) in body else "tn"] += 1
    return c


def snippet_scores(counts: Iterable[Counter[str]]) -> dict[str, float]:
    """Return micro-summed P, R, F1 and accuracy over per-document snippet counts (trafilatura's metric)."""
    c: Counter[str] = Counter(tp=0, fn=0, fp=0, tn=0)
    for one in counts:
        c.update(one)
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    total = sum(c.values())
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "accuracy": (c["tp"] + c["tn"]) / total if total else 0.0,
    }


def meta_key(value: Any, field_name: str) -> str:
    """Normalise a metadata value for exact match: lower-case, non-word runs to one space; dates to YYYY-MM-DD."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value or "").strip()
    if field_name == "date":
        text = text[:10]
    return _NONWORD.sub(" ", text.lower()).strip()


# ---- extractors ----


@dataclass
class Run:
    """What one extractor produced on one set: texts, metadata and time spent."""

    texts: list[str] = field(default_factory=list)
    metas: list[Meta] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0


def _extract(raw: bytes, url: str, media_type: str) -> tuple[str, Meta]:
    """Run newsloom's extract stage on one input; empty text and metadata when it finds no article."""
    try:
        a = extract_article(Report.make(url, raw, media_type, url=url))
    except ExtractionError:
        return "", {}
    return a.text, {"title": a.title, "author": a.author, "date": a.published}


def ours(raw: bytes, url: str) -> tuple[str, Meta]:
    """Run newsloom's HTML extraction on a page."""
    return _extract(raw, url, "html")


def ours_plain(text: bytes, url: str) -> tuple[str, Meta]:
    """Run newsloom's plain-text cleaner on a page's visible text (UTF-8 bytes)."""
    return _extract(text, url, "text")


def as_is(text: bytes, url: str) -> tuple[str, Meta]:
    """Return the whole visible text unchanged (the score of not cleaning at all)."""
    return text.decode("utf-8"), {}


def trafilatura_plain(text: bytes, url: str) -> tuple[str, Meta]:
    """Run `trafilatura.extract` on the visible text given as one `<p>` per line."""
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in text.decode("utf-8").splitlines() if line.strip())
    return trafilatura.extract(f"<html><body>{lines}</body></html>", url=url) or "", {}


def page_text(raw: bytes) -> bytes:
    """The whole visible text of an HTML page, as UTF-8 bytes."""
    tree = parse(decode(raw, None))
    return visible_text(tree).encode("utf-8") if tree is not None else b""


def trafilatura_text(**options: Any) -> Extractor:
    """Return an extractor calling `trafilatura.extract` with the given options."""
    def run(raw: bytes, url: str) -> tuple[str, Meta]:
        return trafilatura.extract(raw, url=url, **options) or "", {}

    return run


def trafilatura_meta(raw: bytes, url: str) -> tuple[str, Meta]:
    """Run `trafilatura.extract_metadata` alone."""
    doc = trafilatura.extract_metadata(raw, default_url=url)
    if doc is None:
        return "", {}
    return "", {"title": doc.title, "author": doc.author, "date": doc.date}


def run_all(pages: list[tuple[str, bytes]], extractors: dict[str, Extractor]) -> dict[str, Run]:
    """Run every extractor on every page, page by page, timing each call (after one untimed warm-up call)."""
    runs = {name: Run() for name in extractors}
    for fn in extractors.values() if pages else ():  # loads lazy models and caches untimed
        with contextlib.suppress(Exception):  # a crash is counted in the timed pass
            fn(pages[0][1], pages[0][0])
    for url, raw in pages:
        for name, fn in extractors.items():
            t = time.perf_counter()
            try:
                text, meta = fn(raw, url)
            except Exception:  # noqa: BLE001 - a crash on one page must not end the benchmark; it is counted
                text, meta = "", {}
                runs[name].errors += 1
            runs[name].seconds += time.perf_counter() - t
            runs[name].texts.append(text)
            runs[name].metas.append(meta)
    return runs


# ---- data sets and tables ----


def load(folder: Path, limit: int | None) -> tuple[list[tuple[str, bytes]], list[dict[str, Any]]]:
    """Return (url, raw html) pages and their gold records, in ground-truth order."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    items = list(gold.items())[:limit]
    pages, golds = [], []
    for key, rec in items:
        name = rec.get("file") or f"{key}.html.gz"
        pages.append((rec.get("url") or key, gzip.decompress((folder / "html" / name).read_bytes())))
        golds.append(rec)
    return pages, golds


def table(header: list[str], rows: list[list[Any]]) -> str:
    """Render a Markdown table; floats get three decimals."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def score_rows(runs: dict[str, Run], scores: Callable[[list[str]], dict[str, float]]) -> list[list[Any]]:
    """Return one table row of quality figures per text extractor."""
    rows = []
    for name, run in runs.items():
        if name == "trafilatura.extract_metadata":
            continue
        s = scores(run.texts)
        rows.append([name, s["precision"], s["recall"], s["f1"], s["accuracy"], run.errors])
    return rows


def bench_zyte(limit: int | None) -> tuple[str, list[Any]]:
    """Score body text on the Zyte article-extraction benchmark; returns the table and a speed row."""
    pages, golds = load(EVAL / "scrapinghub-aeb", limit)
    runs = run_all(pages, {
        "newsloom": ours,
        "trafilatura.extract (default)": trafilatura_text(),
        "trafilatura.extract (favor_precision)": trafilatura_text(favor_precision=True),
    })
    gold = [g.get("articleBody", "") for g in golds]
    rows = score_rows(runs, lambda texts: shingle_scores(zip(texts, gold)))
    head = ["extractor", "precision", "recall", "F1", "accuracy", "errors"]
    out = f"### Zyte article-extraction benchmark ({len(pages)} pages, 4-token shingles)\n\n" + table(head, rows)
    return out, speed_row("Zyte", len(pages), runs["newsloom"], runs["trafilatura.extract (default)"])


def bench_traf(limit: int | None) -> tuple[str, list[Any]]:
    """Score snippets and metadata on trafilatura's evaluation set; returns the tables and a speed row."""
    pages, golds = load(EVAL / "trafilatura-eval", limit)
    runs = run_all(pages, {
        "newsloom": ours,
        "trafilatura.extract": trafilatura_text(include_comments=False, include_tables=True, include_formatting=False),
        "trafilatura.extract_metadata": trafilatura_meta,
    })

    def scores(texts: list[str]) -> dict[str, float]:
        return snippet_scores(snippet_counts(t, g.get("with", []), g.get("without", [])) for t, g in zip(texts, golds))

    head = ["extractor", "precision", "recall", "F1", "accuracy", "errors"]
    out = f"### trafilatura evaluation set ({len(pages)} pages, with/without snippets)\n\n"
    out += table(head, score_rows(runs, scores))
    meta_rows = []
    for name in META_FIELDS:
        idx = [i for i, g in enumerate(golds) if meta_key(g.get(name), name)]
        row: list[Any] = [name, len(idx)]
        for tool in ("newsloom", "trafilatura.extract_metadata"):
            metas = runs[tool].metas
            hits = sum(meta_key(metas[i].get(name), name) == meta_key(golds[i][name], name) for i in idx)
            row.append(hits / len(idx) if idx else "-")
        meta_rows.append(row)
    out += "\n\n### Metadata exact match (pages with a gold value)\n\n"
    out += table(["field", "n", "newsloom", "trafilatura.extract_metadata"], meta_rows)
    return out, speed_row("trafilatura eval", len(pages), runs["newsloom"], runs["trafilatura.extract"])


def bench_text(limit: int | None) -> tuple[str, list[Any] | None]:
    """Score the plain-text cleaner on the visible text of the Zyte pages."""
    pages, golds = load(EVAL / "scrapinghub-aeb", limit)
    texts = [(url, page_text(raw)) for url, raw in pages]
    runs = run_all(texts, {
        "newsloom (plain-text cleaner)": ours_plain,
        "no cleaning (whole visible text)": as_is,
        "trafilatura.extract (one <p> per line)": trafilatura_plain,
    })
    gold = [g.get("articleBody", "") for g in golds]
    rows = score_rows(runs, lambda texts: shingle_scores(zip(texts, gold)))
    head = ["extractor", "precision", "recall", "F1", "accuracy", "errors"]
    out = f"### Plain-text cleaning: Zyte pages as visible text ({len(pages)} pages, 4-token shingles)\n\n"
    return out + table(head, rows), None


def speed_row(name: str, n: int, mine: Run, theirs: Run) -> list[Any]:
    """Return a speed table row: docs/s of both and how many times faster newsloom is."""
    ours_rate = n / mine.seconds if mine.seconds else 0.0
    their_rate = n / theirs.seconds if theirs.seconds else 0.0
    return [name, n, f"{ours_rate:.1f}", f"{their_rate:.1f}", f"{ours_rate / their_rate:.2f}x" if their_rate else "-"]


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the chosen sets and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages of each set")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated subset of: zyte,traf,text")
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    if bad := [s for s in chosen if s not in SETS]:
        parser.error(f"unknown set(s): {', '.join(bad)}")
    if not EVAL.is_dir():
        print(f"skipped: evaluation data not found at {EVAL}")
        return 0
    speed = []
    for name, bench in (("zyte", bench_zyte), ("traf", bench_traf), ("text", bench_text)):
        if name in chosen:
            text, row = bench(args.limit)
            print(text + "\n", flush=True)
            if row is not None:
                speed.append(row)
    if speed:
        head = ["set", "pages", "newsloom docs/s", "trafilatura.extract docs/s", "newsloom/trafilatura"]
        print("### Speed (one core, same pages, same run)\n\n" + table(head, speed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
