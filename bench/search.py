"""Search latency: p50/p95 of `newsloom search`'s query function over a SQLite store of N synthetic reports.

The store is filled through the store API (add_report, put_annotated, put_stories): reports, articles,
quotes and claims are written as rows directly, with no extraction or NLP, since only search is measured.
Run: `python bench/search.py [--reports 100000] [--repeat 5] [--db PATH]`.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from newsloom.find import Filters, search_filtered
from newsloom.model import Annotated, Article, Claim, Quote, Report, Story
from newsloom.store import SQLiteStore, Store

SEED = 16
STORY_SIZE = 5
WORDS = ("harbour board ferry strike union pay offer council island mainland hospital nurse storm bridge "
         "mayor budget school teacher flood river levee rail signal minister vote election court judge ruling "
         "factory wage protest police crowd square museum fire library records drought farm harvest price "
         "market bank rate inflation port cargo ship crew talks deal agreement deadline report inquiry").split()
FIRST = "Marta Hanne Jonas Ilona Teodor Pia Tomas Ana Jo Mara Ilse Sven Lena Omar Aisha Kofi Yuki Nils".split()
LAST = "Kessling Toller Wilde Pratt Vance Lund Reyl Ruiz Lee Lind Varga Berg Haas Nadir Mensah Sato Holm".split()
OUTLETS = ("Aldwyn Gazette", "Skarra Island Courier", "Brenmoor Evening Post", "Oderby Herald", "North Wire",
           "Valley Times", "Coastal Daily", "Metro Ledger")
QUERIES = ("strike", "harbour board", '"fair offer"', "ferr*", "storm OR flood", "Kessling", "budget NOT school",
           "nurse hospital island", "inquiry", "zeppelin")
FILTERED = (("strike", Filters(outlet="Aldwyn Gazette")), ("harbour", Filters(since="2031-03-01", until="2031-03-31")))


def sentence(rng: random.Random, n: int) -> str:
    """A sentence of `n` words from the vocabulary."""
    words = rng.choices(WORDS, k=n)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def annotated(i: int, rng: random.Random) -> tuple[Report, Annotated]:
    """Report number `i`: a title, four sentences, a quote with its speaker and two claims, with offsets."""
    speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    quote = sentence(rng, 12)[:-1]
    parts = [sentence(rng, 18), f"\u201c{quote},\u201d said {speaker}.", sentence(rng, 15), sentence(rng, 20)]
    text = " ".join(parts)
    report = Report.make(f"synthetic/{i}.txt", f"{i}\n{text}".encode(), "text", arrival=i)
    day = f"2031-{1 + i % 12:02d}-{1 + i % 28:02d}"
    article = Article(report.id, report.source, text, sentence(rng, 6)[:-1], None, day, rng.choice(OUTLETS),
                      None, "en")
    q_start = text.index(quote)
    first_end, third_start = len(parts[0]), text.index(parts[2])
    ann = Annotated(
        article=article,
        quotes=[Quote(report.id, quote, q_start, q_start + len(quote), "direct", "said", speaker)],
        claims=[Claim(report.id, parts[0], 0, first_end),
                Claim(report.id, parts[2], third_start, third_start + len(parts[2]), speaker)],
    )
    return report, ann


def fill(store: Store, n: int, seed: int = SEED, progress: bool = False) -> None:
    """Write `n` synthetic reports, annotated, into the store, grouped in stories of STORY_SIZE."""
    rng = random.Random(seed)
    ids: list[str] = []
    for i in range(n):
        report, ann = annotated(i, rng)
        if store.add_report(report):
            store.put_annotated(ann)
            ids.append(report.id)
        if progress and (i + 1) % 10_000 == 0:
            print(f"  stored {i + 1} reports", file=sys.stderr)
    store.put_stories([Story(f"s-{k:08d}", ids[k:k + STORY_SIZE]) for k in range(0, len(ids), STORY_SIZE)])


def cases() -> Iterator[tuple[str, str, Filters]]:
    """(label, query, filters) of every measured search."""
    for q in QUERIES:
        yield q, q, Filters()
    for q, f in FILTERED:
        yield f"{q} [{f.describe()}]", q, f


def measure(store: Store, repeat: int = 5, limit: int = 20) -> list[dict]:
    """Per query: hits on the first page and the latencies (ms) of `repeat` runs of the query function."""
    rows = []
    for label, q, filters in cases():
        times, hits = [], 0
        for _ in range(repeat):
            began = time.perf_counter()
            hits = len(search_filtered(store, q, limit=limit, filters=filters))
            times.append((time.perf_counter() - began) * 1000)
        rows.append({"query": label, "hits": hits, "times": times})
    return rows


def percentile(values: list[float], p: float) -> float:
    """The `p`th percentile (0..100) of the values, by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def render(n: int, fill_s: float, rows: list[dict]) -> str:
    """The results table, then the p50/p95 over every run of every query."""
    every = [t for r in rows for t in r["times"]]
    lines = [f"search latency over {n} synthetic reports (rows written through the store API, no NLP), "
             f"stored in {fill_s:.1f} s",
             "| query | hits (page of 20) | p50 ms | p95 ms |", "|---|---:|---:|---:|"]
    lines += [f"| {r['query'].replace('|', '/')} | {r['hits']} | {statistics.median(r['times']):.2f} | "
              f"{percentile(r['times'], 95):.2f} |" for r in rows]
    lines.append(f"all {len(every)} searches: p50 {statistics.median(every):.2f} ms, p95 {percentile(every, 95):.2f} ms")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000, help="synthetic reports to store (default 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsloom-search-") as tmp:
        path = args.db or Path(tmp) / "search.db"
        with SQLiteStore(path) as store:
            began = time.perf_counter()
            fill(store, args.reports, progress=True)
            fill_s = time.perf_counter() - began
            print(render(args.reports, fill_s, measure(store, args.repeat)))


if __name__ == "__main__":
    main()
