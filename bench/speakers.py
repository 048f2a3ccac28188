"""Who said what on invented multi-outlet reports, through the command users run (`newsloom quotes DIR --jsonl`).

    python bench/speakers.py [--sets a,b] [--show wrong,unattributed,described,missing]

Each set under bench/speaker_corpora/ holds plain-text reports (invented people, outlets and events) and a
gold.json listing, for every quotation, a few words from inside its marks, the speaker a fact-checker would
name (the full name as first given; an unnamed source or a group as written, without its article; null when
nobody speaks: a title, a slogan, a scare quote) and the hard case it plants. A line with `"part": "title"` is
the headline's quotation of words the body prints again; only a quotation the command found in the headline
answers for it.

Each gold line is scored on the quote the command printed whose text holds its words, as the brief shows it
(the `speaker` field: null below the confidence threshold):
- right: the speaker shown is the gold speaker (case, a leading article and a trailing comma aside; a full
  name may carry or drop a first name only when the gold has one: "Fairlaw" for "Esme Fairlaw");
- described: a description as written ("the company", "the 44-year-old") where the gold names someone: not
  wrong, not the name either;
- wrong: another speaker shown; for a gold null, any speaker shown;
- unattributed: no speaker shown for words someone said;
- no speaker, right: gold null and nobody shown (or the words not reported as a quote at all);
- missing: words someone said that no printed quote holds.
Words quoted inside another quotation (case "nested_inner") are not scored: the outer quotation holds them.
Where several printed quotations hold a line's words, the shortest is scored; one that holds them only inside
quotation marks of its own (a transcript turn reading out a slogan) does not answer for them.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

CORPORA = Path(__file__).resolve().parent / "speaker_corpora"
OUTCOMES = ("right", "described", "wrong", "unattributed", "missing", "no speaker, right")
_LEADING = re.compile(r"^(?:a|an|the|one)\s+", re.IGNORECASE)


def normalise(name: str) -> str:
    """A speaker name for comparison: lower case, curly apostrophes straight, no leading article or end commas."""
    return _LEADING.sub("", name.strip().lower().replace("\u2019", "'")).strip(" ,.")


def same_speaker(shown: str, gold: str) -> bool:
    """True when a shown speaker names the gold one (the same words, or one of them its surname-ended part)."""
    a, b = normalise(shown), normalise(gold)
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return len(long) > len(short) and long[-len(short):] == short and (len(short) > 1 or short[0] == long[-1])


def outcome(gold: dict, quote: dict | None) -> str:
    """The outcome of one gold line given the printed quote holding its words (None: no quote holds them)."""
    speaker = gold["speaker"]
    if quote is None:
        return "no speaker, right" if speaker is None else "missing"
    shown = quote.get("speaker")
    if speaker is None:
        return "wrong" if shown else "no speaker, right"
    if not shown:
        return "unattributed"
    if same_speaker(shown, speaker):
        return "right"
    return "described" if quote.get("basis") == "description" or _LEADING.match(shown) else "wrong"


def run_cli(folder: Path) -> dict[str, list[dict]]:
    """File name -> quotes that `newsloom quotes FOLDER --jsonl` prints for it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.clustering import newsloom_command

    done = subprocess.run([*newsloom_command(), "quotes", str(folder), "--jsonl"], capture_output=True, text=True,
                          check=True)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return {Path(r["source"]).name: r.get("quotes", []) for r in rows}


def score_set(folder: Path, printed: dict[str, list[dict]]) -> list[tuple[str, dict, dict | None]]:
    """(outcome, gold line, quote) for every scored gold line of one set."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    scored = []
    for line in gold:
        if line.get("case") == "nested_inner":
            continue
        quotes = printed.get(line["file"], [])
        if line.get("part") == "title":  # words a headline prints and the body prints again: the headline's
            quotes = [q for q in quotes if q.get("part") == "title"]
        quote = holder(quotes, line["words"])
        scored.append((outcome(line, quote), line, quote))
    return scored


def holder(quotes: list[dict], words: str) -> dict | None:
    """The printed quotation that holds gold words as its own: the shortest one holding them, not counting one
    that holds them only inside quotation marks of its own (a transcript turn that quotes a slogan)."""
    held = [q for q in quotes if q.get("kind") != "indirect" and words in q["text"]
            and not _inside_inner_marks(q["text"], words)]
    return min(held, key=lambda q: len(q["text"])) if held else None


def _inside_inner_marks(text: str, words: str) -> bool:
    """True when words lie between an opening and a closing quotation mark inside a quotation's text."""
    at = text.find(words)
    return any(c in _OPENING for c in text[:at]) and any(c in _CLOSING for c in text[at + len(words):])


_OPENING = "\"\u201c\u2018\u00ab"
_CLOSING = "\"\u201d\u2019\u00bb"


def table(results: dict[str, list[tuple[str, dict, dict | None]]]) -> str:
    """The Markdown table of outcomes per set and in all."""
    rows = ["| set | quotes | " + " | ".join(OUTCOMES) + " | wrong % | unattributed % |",
            "|---|---:|" + "---:|" * (len(OUTCOMES) + 2)]
    everything = [r for scored in results.values() for r in scored]
    for name, scored in [*results.items(), ("all", everything)]:
        counts = Counter(o for o, _, _ in scored)
        said = sum(1 for _, g, _ in scored if g["speaker"] is not None)
        rows.append(f"| {name} | {len(scored)} | " + " | ".join(str(counts[o]) for o in OUTCOMES)
                    + f" | {100 * counts['wrong'] / max(1, len(scored)):.1f} | "
                    f"{100 * counts['unattributed'] / max(1, said):.1f} |")
    return "\n".join(rows)


def main() -> None:
    """Run the command on each set and print the table (and the lines asked for)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(sorted(p.name for p in CORPORA.iterdir() if p.is_dir())))
    parser.add_argument("--show", default="wrong", help="outcomes to list line by line, comma-separated ('' for none)")
    args = parser.parse_args()
    show = {s.strip() for s in args.show.split(",") if s.strip()}
    results = {}
    for name in args.sets.split(","):
        folder = CORPORA / name
        results[name] = score_set(folder, run_cli(folder))
    print(table(results))
    for name, scored in results.items():
        for what, line, quote in scored:
            if what in show:
                got = quote.get("speaker") if quote else None
                print(f"{what:>12}  {name}/{line['file']}  gold={line['speaker']!r}  shown={got!r}  "
                      f"[{line['case']}]  {line['words']}")


if __name__ == "__main__":
    main()
