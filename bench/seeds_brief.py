"""A short excerpt of the brief newsloom writes for ../shared/seeds, as Markdown for the README.

    python bench/seeds_brief.py [--width 60]

The seeds are five real reports of one event; they stay outside the repository, so every text the
excerpt shows from them is cut to `--width` characters. It lists the story's reports, the quotes
and claims carried by more than one report (with the sources each report cites and the count of
independent sources), and the disagreements, each with the outlets on each side. Without
../shared/seeds it prints a message and exits 0.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import newsloom
from newsloom.brief.view import StoryView, report_names
from newsloom.model import StoryBrief

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DASH = "\u2014"
QUOTES = " \u201c\u201d\","


def cut(text: str, width: int) -> str:
    """The text on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split()).replace("|", "/")
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "\u2026"


def excerpt(story: StoryBrief, width: int) -> list[str]:
    """Markdown lines: reports, shared quotes, corroborated claims and disagreements of one story."""
    names = report_names(story.reports)

    def who(ids: list[str]) -> str:
        return ", ".join(sorted(names[r] for r in ids))

    lines = [f"**{cut(story.headline, 90)}**: {len(story.reports)} reports", "",
             "| Report | Published | Derivation |", "|---|---|---|"]
    lines += [f"| {names[r.id]} | {r.published or DASH} | {r.copy_kind or 'original'} |" for r in story.reports]
    lines += ["", "| Speaker (basis) | Wordings | Reports carrying each wording |", "|---|---|---|"]
    for q in story.quotes:
        if len(q.reports) > 1:
            wordings = " / ".join(f"\u201c{cut(v.text.strip(QUOTES), width)}\u201d" for v in q.variants)
            speaker = f"{q.speaker or '(unattributed)'} ({q.attribution})" if q.attribution else q.speaker or "(unattributed)"
            lines.append(f"| {speaker} | {wordings} | {' / '.join(who(v.reports) for v in q.variants)} |")
    view = StoryView(story, 1)
    lines += ["", "| Claim | Reports / independent sources | Backed by (and what each cites) |", "|---|---:|---|"]
    lines += [f"| {cut(c.text, width)} | {len(c.reports)} / {c.independent_reports} | "
              f"{view.chain_text(c.chain) if c.chain else who(c.reports)} |"
              for c in story.claims if len(c.reports) > 1]
    lines += ["", "| Disagreement | Position | Reports |", "|---|---|---|"]
    for d in story.disagreements:
        lines += [f"| {d.about} | {cut(p.text, width)} | {who(p.reports)} |" for p in d.positions]
    return lines


def main() -> None:
    """Analyse the seeds and print the excerpt."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=60)
    args = parser.parse_args()
    if not SEEDS.is_dir():
        print(f"no seeds at {SEEDS}; nothing to show")
        return
    brief = newsloom.analyze(SEEDS)
    for story in brief.stories:
        print("\n".join(excerpt(story, args.width)))


if __name__ == "__main__":
    main()
