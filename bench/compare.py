"""Speed of the compare stage on one story of N reports: seconds per story, median of runs, one core.

    python bench/compare.py [PATH ...] [--reports 50,500] [--runs 5] [--cache DB]

The base reports are ../shared/seeds when present (five reports of one event), else the bundled
sample corpus. They are made into N distinct reports of one story: variant k of a base report keeps
a seeded random 80% of its paragraphs, in order, so every report differs from the others while the
story still repeats quotes and claims the way real coverage does. Annotation (spaCy, claim
embeddings) runs first and is not timed; the timed part is `analyze_story` on the whole story:
quote ledger, claim alignment, disagreements, timeline, framing, summary. For reference the same
story is also timed with the stored claim embeddings removed, so that compare has to encode them.
The process is pinned to one core and torch to one thread; models and date parsers are loaded on a
smaller story first, and memoised word lists are cleared before every timed run. One row per story
size of --reports. With --cache, annotations (with their claim embeddings) are kept in that SQLite
store and reused by later runs, so only the compare stage costs time again.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import dataclasses
import hashlib
import random
import statistics
import time
from pathlib import Path

from newsloom.annotate import annotate
from newsloom.compare import analyze_story
from newsloom.compare.textsim import clear_cache
from newsloom.compare.tone import clear_cache as clear_tone_cache
from newsloom.extract import ExtractionError, extract_article
from newsloom.ingest import read_paths
from newsloom.model import Annotated, Article, Report, Story
from newsloom.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
KEEP = 0.8


def base_articles(paths: list[Path]) -> list[Article]:
    """Clean articles of the inputs (extraction failures are left out)."""
    out = []
    for report in read_paths(paths):
        if isinstance(report, Report):
            try:
                out.append(extract_article(report))
            except ExtractionError:
                pass
    return out


def variants(bases: list[Article], n: int, seed: int = 7) -> list[Article]:
    """N distinct articles: base k % len(bases), keeping a seeded random share of its paragraphs."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        base = bases[k % len(bases)]
        paragraphs = [p for p in base.text.split("\n\n") if p.strip()]
        if k >= len(bases):
            keep = max(1, round(KEEP * len(paragraphs)))
            paragraphs = [paragraphs[i] for i in sorted(rng.sample(range(len(paragraphs)), keep))]
        out.append(dataclasses.replace(base, report_id=f"r{k:03d}", source=f"{base.source}~{k}",
                                       text="\n\n".join(paragraphs), segments=[]))
    return out


def annotated(articles: list[Article], cache: Path | None) -> list[Annotated]:
    """The articles annotated with claim embeddings, read from the `cache` store when it holds them."""
    if cache is None:
        return [annotate(a) for a in articles]
    out = []
    with SQLiteStore(cache) as store:
        for article in articles:
            key = hashlib.sha256(article.text.encode()).hexdigest()[:16]
            ann = store.get_annotated(key)
            if ann is None:
                keyed = dataclasses.replace(article, report_id=key)
                store.add_report(Report(key, article.source, article.text.encode(), "text", content_hash=key))
                ann = annotate(keyed)
                store.put_annotated(ann)
            out.append(relabel(ann, article.report_id))
    return out


def relabel(ann: Annotated, report_id: str) -> Annotated:
    """An annotation moved to another report id (its claims' and quotes' report ids follow)."""
    def moved(items: list) -> list:
        return [dataclasses.replace(x, report_id=report_id) if hasattr(x, "report_id") else x for x in items]

    article = dataclasses.replace(ann.article, report_id=report_id)
    return dataclasses.replace(ann, article=article, claims=moved(ann.claims), quotes=moved(ann.quotes))


def without_vectors(anns: list[Annotated]) -> list[Annotated]:
    """Copies of the annotations whose claims carry no stored embeddings."""
    return [dataclasses.replace(a, claims=[dataclasses.replace(c, vectors=None) for c in a.claims]) for a in anns]


def timed(story: Story, anns: list[Annotated], runs: int) -> list[float]:
    """Seconds of `analyze_story` for each run."""
    out = []
    for _ in range(runs):
        clear_cache()
        clear_tone_cache()
        t = time.perf_counter()
        analyze_story(story, anns)
        out.append(time.perf_counter() - t)
    return out


def pin_to_one_core() -> None:
    """Run this process, and torch inside it, on a single core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    import torch

    torch.set_num_threads(1)


def main() -> None:
    """Build the stories, time the compare stage and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--reports", default="50", help="Comma-separated story sizes, one row each (e.g. 50,500).")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, help="A SQLite store that keeps the annotations between runs.")
    parser.add_argument("--encoded", action="store_true", help="Also time compare with the embeddings encoded anew.")
    args = parser.parse_args()
    paths = args.paths or ([SEEDS] if SEEDS.is_dir() else [ROOT / "samples" / "corpus"])
    sizes = [int(n) for n in args.reports.split(",") if n.strip()]
    bases = base_articles(paths)
    shown = ", ".join(str(p.resolve().relative_to(ROOT.parent)) if p.resolve().is_relative_to(ROOT.parent)
                      else str(p) for p in paths)
    print(f"stories of N reports from {shown}, compare stage on one core\n")
    print("| reports | claims | quotes | embeddings | median s | min s | max s | runs |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|")
    warmed = False
    for size in sizes:
        anns = annotated(variants(bases, size), args.cache)
        story = Story(id="s-bench", report_ids=[a.report_id for a in anns])
        if not warmed:  # load models and parsers once
            timed(Story(id="s-warm", report_ids=story.report_ids[:5]), anns[:5], 1)
            warmed = True
        claims = sum(len(a.claims) for a in anns)
        quotes = sum(len(a.quotes) for a in anns)
        rows = [("stored", anns, args.runs)]
        if args.encoded:
            rows.append(("encoded in compare", without_vectors(anns), max(1, args.runs // 2)))
        for label, given, runs in rows:
            times = timed(story, given, runs)
            print(f"| {size} | {claims} | {quotes} | {label} | {statistics.median(times):.2f} | {min(times):.2f} "
                  f"| {max(times):.2f} | {len(times)} |", flush=True)


if __name__ == "__main__":
    pin_to_one_core()
    main()
