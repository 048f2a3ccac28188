"""Copy detection on real news text: recall of planted copies and rewrites, precision on independent reports.

    python -m bench.copies [--data FILE] [--seed 7] [--wordnet DIR] [--limit-topics N] [--show-false]
                           [--one-story] [--all-pairs] [--kinds "sub 5%,paraphrase"]

Base texts are the ECB+ dev documents (`../shared/eval/clustering/ecbplus-dev/docs.jsonl`, tokenizer
spacing undone, one sentence a line; read at run time and never copied into the repository; without
them the script says so and exits 0). Each ECB+ topic, about 22 reports of two similar events written
independently by different outlets, is one story. Half of a topic's documents with at least 3 sentences
and 60 words (picked with the seed) each get one planted derivative, dated a day after the originals:

- `sub N%`: N% of all word tokens replaced; a content word becomes a synonym (see bench/rewrites.py:
  WordNet's most frequent sense, regular -s/-ed/-ing inflections put back naively) or, when it has none,
  a random word of the corpus vocabulary. Layout and everything else untouched.
- `paraphrase`: sentence by sentence, (1) with p=0.8 the clause order is turned around where a sentence
  starts or ends with a subordinate clause ("After X, Y." <-> "Y after X."), or its attribution is moved
  ("X, Y said." -> "Y said that X."; "Y said X." -> "According to Y, X."); (2) numbers are reformatted
  (1,200 -> 1200, 0-10 spelled out before a word, "percent" <-> "%"); (3) each content word becomes a
  synonym with p=0.3. Then adjacent sentences are joined with "; " (p=0.15 a pair), sentences after the
  first dropped (p=0.1), adjacent pairs swapped (p=0.1), and the rest run together as one paragraph.
  No sentence is written anew: this is an article spinner, not a journalist rewriting a wire story.
- `heavy paraphrase`: the same with synonyms p=0.5, reordering p=1, join 0.25, drop 0.2, swap 0.2.

Each derivative kind is its own run of `find_copies` over every topic (originals plus that kind's
derivatives). A derivative is found when its edge points at its base, or at a report its base shares a
10-word passage with (a copy of a copy points at the first source). Every other edge is false, between
two originals (same event or same topic) or from a derivative elsewhere, except edges between originals
sharing a 10-word passage outside quotation marks: ECB+ holds wire copies and excerpts of each other,
real text reuse, so such pairs are neither negatives nor counted. Some remaining "independent" pairs are
rewrites of one wire story or press release without 10 words in common; their edges count as false,
so precision is a lower bound. Odd topics are the dev half (the only ones looked at while changing the
detector); even topics are held out. Prints Markdown tables; `--show-false` lists false edges on stderr.
`--one-story` puts every topic's reports into one story of over a thousand, where each report is compared
only with its closest earlier reports (`provenance.MAX_SOURCES`); `--all-pairs` compares every pair
instead, to see what that cap costs in recall and saves in time.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.clustering import DATA, detokenize
from bench.rewrites import (
    HEAVY,
    STANDARD,
    WORDNET,
    Lexicon,
    Rewrite,
    paraphrase,
    substitute,
)
from newsloom.model import Annotated, Article, CopyEdge, Story
from newsloom.stories import find_copies, provenance

ORIGINAL_DAY, COPY_DAY = "2024-01-01", "2024-01-02"
MIN_SENTENCES, MIN_WORDS = 3, 60
PASSAGE = 10  # originals sharing this many consecutive words outside quotes reuse each other's text
ROWS = ("same event, written independently", "same topic, other event",
        f"sharing a {PASSAGE}-word passage (reuse in ECB+, not counted)")
KINDS: dict[str, float | Rewrite] = {"sub 2%": 0.02, "sub 5%": 0.05, "sub 10%": 0.10,
                                     "paraphrase": STANDARD, "heavy paraphrase": HEAVY}
_QUOTE = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')
_SPACED_NUMBER = [(re.compile(r"\b(\d{1,3}), (\d{3})\b"), r"\1,\2"), (re.compile(r"(\d)([.:]) (\d)"), r"\1\2\3"),
                  (re.compile(r"\b([a-z]+|\d+) - ([a-z]+)\b"), r"\1-\2"), (re.compile(r"\b([ap])\. m\."), r"\1.m.")]


@dataclass(frozen=True)
class Doc:
    """One ECB+ document: id, topic, gold event, text (one sentence a line)."""

    doc_id: str
    topic: int
    event: str
    text: str

    @property
    def eligible(self) -> bool:
        """Long enough to carry a derivative (at least 3 sentences and 60 words)."""
        return len(self.text.splitlines()) >= MIN_SENTENCES and len(self.text.split()) >= MIN_WORDS


def clean(text: str) -> str:
    """ECB+ text with the tokenizer's spacing undone, numbers and hyphenated words rejoined."""
    text = detokenize(text)
    for pattern, repl in _SPACED_NUMBER:
        text = pattern.sub(repl, text)
    return text


def load(path: Path, limit_topics: int | None = None) -> dict[int, list[Doc]]:
    """Documents of docs.jsonl by topic, optionally only the first N topics."""
    topics: dict[int, list[Doc]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            doc = Doc(row["doc_id"], int(row["topic"]), row["event_cluster"], clean(row["text"]))
            topics.setdefault(doc.topic, []).append(doc)
    keep = sorted(topics)[:limit_topics] if limit_topics else sorted(topics)
    return {t: topics[t] for t in keep}


def passages(text: str, size: int = PASSAGE) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive lowercase words outside quotation marks."""
    tokens = re.findall(r"\w+|\|", _QUOTE.sub(" | ", text).lower())
    runs = [tokens[i : i + size] for i in range(len(tokens) - size + 1)]
    return {tuple(run) for run in runs if "|" not in run}


def reused(docs: list[Doc]) -> set[frozenset[str]]:
    """Pairs of originals that share a passage (text reuse already in the corpus, so not negatives)."""
    grams = {d.doc_id: passages(d.text) for d in docs}
    return {frozenset((a.doc_id, b.doc_id)) for i, a in enumerate(docs) for b in docs[i + 1 :]
            if grams[a.doc_id] & grams[b.doc_id]}


def derive(doc: Doc, kind: float | Rewrite, rng: random.Random, lexicon: Lexicon, pool: list[str]) -> str:
    """The planted derivative of a document: words substituted, or a sentence-level paraphrase."""
    if isinstance(kind, float):
        return substitute(doc.text, kind, rng, lexicon, pool)
    return " ".join(paraphrase(doc.text.splitlines(), kind, rng, lexicon))


def report(rid: str, text: str, day: str) -> Annotated:
    """An annotated report with only what provenance reads (text and date)."""
    return Annotated(article=Article(report_id=rid, source=rid, text=text, published=day))


@dataclass
class Tally:
    """Counts of one derivative kind on one half of the topics."""

    planted: int = 0
    found: int = 0
    edges: int = 0
    as_copy: int = 0
    reuse: int = 0  # edges between originals that share a passage (not counted either way)
    same_event: int = 0  # false edges between originals of the same event
    other_event: int = 0  # false edges between originals of the topic's other event

    def recall(self) -> float:
        """Share of planted derivatives whose edge points at their base (or the text it reused)."""
        return self.found / self.planted if self.planted else 0.0

    def precision(self) -> float:
        """Share of the counted edges (all but those between reusing originals) that are right."""
        counted = self.edges - self.reuse
        return self.found / counted if counted else 1.0


def plant(topics: dict[int, list[Doc]], name: str, seed: int, lexicon: Lexicon,
          pool: list[str]) -> dict[int, list[Annotated]]:
    """Each topic's originals and, for half of its eligible documents, one derivative of kind `name`."""
    planted = {}
    for topic, docs in topics.items():
        pick = random.Random(f"{seed}:{topic}")  # same bases for every kind
        eligible = [d for d in docs if d.eligible]
        bases = pick.sample(eligible, len(eligible) // 2)
        rng = random.Random(f"{seed}:{topic}:{name}")
        anns = [report(d.doc_id, d.text, ORIGINAL_DAY) for d in docs]
        anns += [report(f"{b.doc_id}~copy", derive(b, KINDS[name], rng, lexicon, pool), COPY_DAY) for b in bases]
        planted[topic] = anns
    return planted


def detect(planted: dict[int, list[Annotated]], one_story: bool) -> tuple[list[CopyEdge], float]:
    """Copy edges found in each topic as its own story (or in all topics as one), and the seconds it took."""
    groups = [[a for anns in planted.values() for a in anns]] if one_story else list(planted.values())
    start = time.perf_counter()
    edges = [e for anns in groups
             for e in find_copies(anns, Story(id="story", report_ids=[a.report_id for a in anns])).edges]
    return edges, time.perf_counter() - start


def run(topics: dict[int, list[Doc]], name: str, seed: int, lexicon: Lexicon, pool: list[str],
        show_false: bool = False, one_story: bool = False) -> tuple[dict[str, Tally], float]:
    """Plant one derivative kind in every topic, detect copies, count per half (dev, held-out); and the seconds."""
    planted = plant(topics, name, seed, lexicon, pool)
    edges, seconds = detect(planted, one_story)
    tallies = {"dev": Tally(), "held-out": Tally()}
    half = {a.report_id: tallies["dev" if topic % 2 else "held-out"] for topic, anns in planted.items() for a in anns}
    event = {d.doc_id: d.event for docs in topics.values() for d in docs}
    reuse = set().union(*(reused(docs) for docs in topics.values()))
    for rid, tally in half.items():
        tally.planted += rid.endswith("~copy")
    for edge in edges:
        tally = half[edge.copy]
        tally.edges += 1
        base = edge.copy.removesuffix("~copy")
        if edge.copy != base and (edge.original == base or {base, edge.original} in reuse):
            tally.found += 1  # at its base, or at the text its base already reused
            tally.as_copy += edge.kind == "copy"
            continue
        if {edge.copy, edge.original} in reuse:
            tally.reuse += 1
            continue
        if edge.copy == base:
            same = event[edge.copy] == event[edge.original]
            tally.same_event += same
            tally.other_event += not same
        if show_false:
            print(f"false edge [{name}]: {edge.copy} -> {edge.original} {edge.kind} {edge.similarity:.3f}",
                  file=sys.stderr)
    return tallies, seconds


def pairs(topics: dict[int, list[Doc]], dev: bool) -> tuple[int, int, int]:
    """Pairs of originals in one half: independent same event, independent other event, reusing text."""
    same = other = reuse = 0
    for topic, docs in topics.items():
        if bool(topic % 2) != dev:
            continue
        shared = reused(docs)
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                if {a.doc_id, b.doc_id} in shared:
                    reuse += 1
                elif a.event == b.event:
                    same += 1
                else:
                    other += 1
    return same, other, reuse


def render(results: dict[str, dict[str, Tally]], topics: dict[int, list[Doc]], lexicon: Lexicon) -> str:
    """Markdown tables: recall and precision per derivative kind and half, then false edges between originals."""
    lines = [
        f"Synonyms: {lexicon.source}.",
        "",
        ("| planted derivative | planted (dev / held-out) | recall dev | recall held-out | found as copy"
         " | precision dev | precision held-out |"),
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, halves in results.items():
        dev, held = halves["dev"], halves["held-out"]
        found = dev.found + held.found
        copy_share = (dev.as_copy + held.as_copy) / found if found else 0.0
        lines.append(f"| {name} | {dev.planted} / {held.planted} | {dev.recall():.3f} | {held.recall():.3f} | "
                     f"{copy_share:.0%} | {dev.precision():.3f} | {held.precision():.3f} |")
    lines += ["", "| edges between originals (each run) | pairs | " + " | ".join(results) + " |",
              "|---|---:|" + "---:|" * len(results)]
    for half, dev in (("dev", True), ("held-out", False)):
        counts = pairs(topics, dev)
        for label, n, field in zip(ROWS, counts, ("same_event", "other_event", "reuse"), strict=True):
            edges = " | ".join(str(getattr(r[half], field)) for r in results.values())
            lines.append(f"| {half}: {label} | {n} | {edges} |")
    return "\n".join(lines)


def main() -> None:
    """Load ECB+ dev, run every derivative kind, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "docs.jsonl", help="ECB+ docs.jsonl")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet dict folder (Debian wordnet-base)")
    parser.add_argument("--limit-topics", type=int, default=None, metavar="N", help="only the first N topics")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated derivative kinds to run")
    parser.add_argument("--show-false", action="store_true", help="list every false edge on stderr")
    parser.add_argument("--one-story", action="store_true", help="all topics as one story (a big-story test)")
    parser.add_argument("--all-pairs", action="store_true", help="compare every pair, not the closest sources")
    args = parser.parse_args()
    if args.all_pairs:
        provenance.MAX_SOURCES = 10**9
    if not args.data.exists():
        print(f"skipped: ECB+ dev data not found at {args.data}")
        return
    topics = load(args.data, args.limit_topics)
    lexicon = Lexicon.load(args.wordnet)
    pool = sorted({w for docs in topics.values() for d in docs for w in re.findall(r"\b[a-z]{4,}\b", d.text)})
    n_docs = sum(len(docs) for docs in topics.values())
    print(f"ECB+ dev: {n_docs} documents in {len(topics)} topics (odd topics dev, even held out), seed {args.seed}.")
    start, results, seconds = time.perf_counter(), {}, {}
    for name in [k.strip() for k in args.kinds.split(",") if k.strip()]:
        results[name], seconds[name] = run(topics, name, args.seed, lexicon, pool, args.show_false, args.one_story)
    shape = "all topics as one story" if args.one_story else "each topic its own story"
    sources = "every earlier report" if args.all_pairs else f"the {provenance.MAX_SOURCES} closest earlier reports"
    print(f"Stories: {shape}; each report compared with {sources}.")
    print(render(results, topics, lexicon))
    print("\ncopy detection: " + ", ".join(f"{name} {s:.1f} s" for name, s in seconds.items()))
    print(f"\n{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
