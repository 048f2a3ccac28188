"""Quote attribution quality and speed of `newsloom.annotate` on PolNeAR (train or dev split).

    python bench/quotes.py [--data DIR] [--split dev|train] [--limit N] [--cli]

PolNeAR (github.com/networkdynamics/PolNeAR) marks attributions in BRAT standoff files: each
`E` event links a Content span, a Cue and (mostly) a Source span. Its data stays outside the
repository, by default in shared/polnear (a checkout or extract of the PolNeAR repository, only
data/<split>/text and data/<split>/attributions are read); without it the script prints a message
and exits 0. Articles annotated by several annotators are scored against the first annotator's file
(by file name). Do not run the test split except for a final, one-off evaluation.

Scoring, per article, then summed:
- spans are sets of the letters and digits they cover, so white space, quotation marks and
  punctuation never decide a match: a gold content that includes its quotation marks equals a quote
  found inside them, and a gold quote cut into one fragment per sentence equals the whole quote;
- overlap(a, b) = |a & b| / max(|a|, |b|); each predicted quote goes to the gold content it shares
  most characters with, and a gold content is found when the union of its predictions has overlap 1
  ("exact") or >= 0.5 (">=50%") with it. PolNeAR keeps a quote split by its cue ("X," she said. "Y")
  as one content of several fragments, which newsloom reports as two quotes; both then count as
  correct. Recall = found gold / gold, precision = predictions given to found gold / predictions;
- quote-marked = a span whose text, widened by one character each side, holds a double quotation
  mark (or, widened by two, two apostrophes: a typewriter double quote). Gold and our quotes are
  split by the same test, so indirect speech that weaves in quoted words is scored with the
  quote-marked contents: quote-marked gold is compared with our quote-marked quotes, the other gold
  with our other quotes, and all gold with all our quotes;
- source accuracy: of the predictions given to a >=50% found gold content that has a Source, the
  share whose [speaker_start, speaker_end) overlaps a gold Source fragment (no speaker = wrong);
  that share's complement is split into "wrong speaker" (a speaker that is not the gold Source)
  and "unattributed" (no speaker name, or one below the brief's confidence threshold of 0.5: newsloom
  abstained, and the brief says "unattributed").
`--cli` also scores the path users run: `newsloom quotes DIR --jsonl` (a subprocess) on the articles as
plain-text files, its offsets (which index each file's own text) scored the same way, in a row beside the
in-process "all" row.
Speed: `annotate()` per article (spaCy parse included; model load and claim embeddings, which quotes
do not use, excluded) pinned to one core,
and `find_quotes()` alone on a pre-parsed document.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "polnear"
QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e'
_TLINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_ELINE = re.compile(r"^(E\d+)\t(.*)$")

Span = list[tuple[int, int]]
Predicted = list[tuple[Span, Span]]  # per quote: its content fragments and its speaker fragments


@dataclass
class Attribution:
    """One gold attribution: content, cue and source fragments as (start, end) character offsets."""

    content: Span
    cue: Span = field(default_factory=list)
    source: Span = field(default_factory=list)


@dataclass
class Counts:
    """Matching counts of one comparison, summed over articles."""

    gold: int = 0
    pred: int = 0
    exact_gold: int = 0
    exact_pred: int = 0
    half_gold: int = 0
    half_pred: int = 0
    src_total: int = 0
    src_ok: int = 0
    src_none: int = 0  # of src_total, predictions that name no speaker (unattributed, not wrong)

    def add(self, other: Counts) -> None:
        """Add another article's counts to these."""
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def parse_ann(ann: str) -> list[Attribution]:
    """Attributions of a BRAT .ann file; notes, Discuss/Discard spans and continuation lines are skipped."""
    spans: dict[str, Span] = {}
    events: list[str] = []
    for line in ann.splitlines():
        if m := _TLINE.match(line):
            spans[m[1]] = [(int(a), int(b)) for a, b in (p.split() for p in m[3].split(";"))]
        elif m := _ELINE.match(line):
            events.append(m[2])
    found: list[Attribution] = []
    for event in events:
        att = Attribution(content=[])
        for arg in event.split():
            role, _, ref = arg.partition(":")
            frags = spans.get(ref, [])
            if role.startswith("Content"):
                att.content.extend(frags)
            elif role == "Cue":
                att.cue.extend(frags)
            elif role == "Source":
                att.source.extend(frags)
        if att.content:
            att.content.sort()
            found.append(att)
    return found


def normalise(text: str, span: Span) -> frozenset[int]:
    """Offsets of the letters and digits the fragments cover."""
    return frozenset(i for start, end in span for i in range(start, end) if text[i].isalnum())


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared characters over the larger span's size (1.0 only for equal non-empty spans)."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def is_quote_marked(text: str, span: Span) -> bool:
    """True when the span, widened by one character each side, holds a double quotation mark (or by two, "''")."""
    return any(
        any(ch in QUOTE_MARKS for ch in text[max(0, s - 1) : e + 1]) or "''" in text[max(0, s - 2) : e + 2]
        for s, e in span
    )


def spans_touch(a: Span, b: Span) -> bool:
    """True when any fragment of `a` shares a character with any fragment of `b`."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match(text: str, gold: list[Attribution], pred: list[tuple[Span, Span]]) -> Counts:
    """Give each prediction to the gold content it shares most characters with, then score the unions."""
    gsets = [normalise(text, g.content) for g in gold]
    psets = [normalise(text, p[0]) for p in pred]
    owner: dict[int, list[int]] = {}
    for j, p in enumerate(psets):
        shared = [(len(p & g), -i) for i, g in enumerate(gsets)]
        if shared and max(shared)[0] > 0:
            owner.setdefault(-max(shared)[1], []).append(j)
    counts = Counts(gold=len(gold), pred=len(pred))
    for i, js in owner.items():
        score = overlap(frozenset().union(*(psets[j] for j in js)), gsets[i])
        if score < 0.5:
            continue
        counts.half_gold += 1
        counts.half_pred += len(js)
        if score == 1.0:
            counts.exact_gold += 1
            counts.exact_pred += len(js)
        if gold[i].source:
            counts.src_total += len(js)
            counts.src_ok += sum(spans_touch(pred[j][1], gold[i].source) for j in js)
            counts.src_none += sum(not pred[j][1] for j in js)
    return counts


def score_article(text: str, gold: list[Attribution], pred: list[tuple[Span, Span]]) -> dict[str, Counts]:
    """Counts of one article per row: quote-marked gold against our quote-marked quotes, the rest, all."""
    gmarked = [is_quote_marked(text, g.content) for g in gold]
    pmarked = [is_quote_marked(text, p[0]) for p in pred]
    return {
        row: match(text, [g for g, m in zip(gold, gmarked) if m in keep], [p for p, m in zip(pred, pmarked) if m in keep])
        for row, keep in (("quote-marked", {True}), ("not quote-marked", {False}), ("all", {True, False}))
    }


def prf(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision (correct predictions), recall (found gold) and F1; 0 where undefined."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_split(data: Path, split: str, limit: int | None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, gold attributions) per article, the first annotator's file for each text."""
    base = data / "data" / split
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    out = []
    for name, ann in sorted(chosen.items())[:limit]:
        text_path = base / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        out.append((name, text, parse_ann(ann.read_text(encoding="utf-8"))))
    return out


def predicted(quotes: list[dict], shown_only: bool = True) -> Predicted:
    """Quotes (as `quotes --jsonl` rows or their in-process fields) as content and speaker spans.

    A quote without a speaker name is unattributed, as the brief shows it, even where a subject span was
    found ("it", "the timing"); so is one whose confidence is below the brief's threshold (the CLI already
    gives it no speaker): it never counts as a right or a wrong speaker. With `shown_only` off, every
    speaker found counts, whatever its confidence (how this bench counted before the threshold applied).
    """
    from newsloom.compare.speaker_basis import THRESHOLD

    def shown(q: dict) -> bool:
        """True when the brief names this quote's speaker (with `shown_only` off: whenever one was found)."""
        named = bool(q.get("speaker"))
        return named and (not shown_only or q.get("confidence") is None or q["confidence"] >= THRESHOLD)

    return [([(q["start"], q["end"])],
             [(q["speaker_start"], q["speaker_end"])] if q["speaker_start"] is not None and shown(q) else [])
            for q in quotes]


def cli_quotes(articles: list[tuple[str, str, list[Attribution]]]) -> dict[str, Predicted]:
    """Article name -> quotes found by `newsloom quotes DIR --jsonl` on the articles written as .txt files."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.clustering import newsloom_command

    with tempfile.TemporaryDirectory(prefix="newsloom-polnear-") as tmp:
        for name, text, _ in articles:
            (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
        done = subprocess.run([*newsloom_command(), "quotes", tmp, "--jsonl"], capture_output=True, text=True,
                              check=True)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return {Path(r["source"]).stem: predicted(r["quotes"]) for r in rows}


def prf_cells(c: Counts) -> str:
    """Exact and >=50% precision, recall and F1 of some counts as Markdown cells."""
    return " | ".join(f"{v:.3f}" for v in (*prf(c.exact_pred, c.exact_gold, c.pred, c.gold),
                                           *prf(c.half_pred, c.half_gold, c.pred, c.gold)))


def pin_one_core() -> None:
    """Restrict this process to a single CPU where the platform allows it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main() -> None:
    """Annotate the split's articles, score the quotes and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="PolNeAR checkout (holds data/<split>/)")
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N articles")
    parser.add_argument("--cli", action="store_true", help="also run `newsloom quotes` on the articles as files")
    args = parser.parse_args()
    if not (args.data / "data" / args.split / "attributions").is_dir():
        print(f"skipped: PolNeAR {args.split} split not found under {args.data} (pass --data DIR)")
        return
    from newsloom.annotate import annotate, load_nlp
    from newsloom.annotate.entities import doc_mentions
    from newsloom.annotate.quotes import find_quotes
    from newsloom.model import Article

    pin_one_core()
    articles = load_split(args.data, args.split, args.limit)
    nlp = load_nlp()
    rows = {"quote-marked": Counts(), "not quote-marked": Counts(), "all": Counts()}
    any_speaker = Counts()  # quote-marked, every speaker found counting, whatever its confidence
    kinds = {"direct": 0, "partial": 0, "indirect": 0}
    annotate_secs = quotes_secs = 0.0
    for name, text, gold in articles:
        t = time.perf_counter()
        quotes = annotate(Article(report_id=name, source=name, text=text), vectors=False).quotes
        annotate_secs += time.perf_counter() - t
        doc = nlp(text)
        mentions = doc_mentions(doc)
        t = time.perf_counter()
        find_quotes(doc, mentions, name)
        quotes_secs += time.perf_counter() - t
        for q in quotes:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
        pred = predicted([vars(q) for q in quotes])
        for row, counts in score_article(text, gold, pred).items():
            rows[row].add(counts)
        any_speaker.add(score_article(text, gold, predicted([vars(q) for q in quotes], shown_only=False))["quote-marked"])
    n = len(articles)
    print(f"PolNeAR {args.split}: {n} articles, {rows['all'].gold} gold attributions "
          f"({rows['quote-marked'].gold} quote-marked); ours: {rows['all'].pred} quotes "
          + ", ".join(f"{v} {k}" for k, v in kinds.items()) + "\n")
    print("| gold and ours | gold | ours | exact P | exact R | exact F1 "
          "| >=50% P | >=50% R | >=50% F1 | source acc (n) | wrong speaker | unattributed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    label = {"quote-marked": "quote-marked", "not quote-marked": "not quote-marked", "all": "all"}
    for row, c in rows.items():
        src, wrong, none = (
            (c.src_ok / c.src_total, (c.src_total - c.src_ok - c.src_none) / c.src_total, c.src_none / c.src_total)
            if c.src_total else (0.0, 0.0, 0.0)
        )
        print(f"| {label[row]} | {c.gold} | {c.pred} | {prf_cells(c)} | {src:.3f} ({c.src_total}) | {wrong:.3f} | {none:.3f} |")
    c = any_speaker
    if c.src_total:
        print(f"\nquote-marked, counting every speaker found whatever its confidence (as before the brief's "
              f"threshold applied here): source acc {c.src_ok / c.src_total:.3f} ({c.src_total}), wrong speaker "
              f"{(c.src_total - c.src_ok - c.src_none) / c.src_total:.3f}, unattributed {c.src_none / c.src_total:.3f}")
    print(f"\nspeed, one core: annotate() {n / annotate_secs:.2f} articles/s ({annotate_secs:.1f} s); "
          f"find_quotes() alone {n / quotes_secs:.1f} articles/s ({quotes_secs:.2f} s)")
    if args.cli:
        t = time.perf_counter()
        found = cli_quotes(articles)
        cli_secs = time.perf_counter() - t
        through_cli = Counts()
        for name, text, gold in articles:
            through_cli.add(score_article(text, gold, found.get(name, []))["all"])
        print("\nThe same articles through `newsloom quotes DIR --jsonl` on .txt files (all quotes):\n")
        print("| path | gold | ours | exact P | exact R | exact F1 | >=50% P | >=50% R | >=50% F1 | seconds |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        c = rows["all"]
        print(f"| in-process `annotate()` | {c.gold} | {c.pred} | {prf_cells(c)} | {annotate_secs:.0f} |")
        print(f"| CLI `newsloom quotes --jsonl` | {through_cli.gold} | {through_cli.pred} | {prf_cells(through_cli)} "
              f"| {cli_secs:.0f} |")


if __name__ == "__main__":
    main()
