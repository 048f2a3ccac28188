"""How `newsloom watch` polls: a local site of feeds that gain items between rounds; every item fetched once?

    python -m bench.watch [--feeds 10] [--rounds 100,50,50] [--process]

A site on 127.0.0.1 serves `--feeds` RSS feeds with ETag and Last-Modified. Round 1 puts the first
count of `--rounds` items in the feeds (spread evenly); each later round adds its count of items to
half of the feeds, in turn, so the other half is unchanged and should answer 304 to a conditional GET.
Each round is one `Watcher.poll` (fetch, WARC, store) into a fresh SQLite store; `--process` also
extracts, annotates, groups stories and records updates after each poll (timed apart). The per-host
delay is 0 (every feed is on one host). Prints a Markdown table per round and checks: each item page
requested exactly once, every item stored as a report, unchanged feeds answered 304.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.site import Page, Site, article, http_date, rss
from newsloom.store import SQLiteStore
from newsloom.watch.fetch import Fetcher, FetchPolicy
from newsloom.watch.poll import Watcher
from newsloom.watch.sources import Source
from newsloom.watch.warcstore import WarcStore

TOPICS = ("harbour", "bridge", "rail strike", "flood", "school", "election", "fire", "museum", "water", "roads")


@dataclass
class RoundRow:
    """What one poll round did and how long it took."""

    round: int
    new_items: int  # items published since the last round
    changed_feeds: int
    conditional: int
    not_modified: int
    fetched: int
    new_reports: int
    problems: int
    requests: int
    poll_s: float
    process_s: float | None


@dataclass
class Outcome:
    """Every round, and the checks over the whole run."""

    rows: list[RoundRow]
    items: int
    stored: int  # items stored as reports
    fetched_once: int  # item pages requested exactly once
    unchanged_304: bool  # every unchanged feed answered 304 in its round

    @property
    def ok(self) -> bool:
        """Whether every item was fetched once and stored, and unchanged feeds were not fetched again."""
        return self.fetched_once == self.items == self.stored and self.unchanged_304


def item_page(feed: int, n: int) -> bytes:
    """An invented article: item `n` of feed `feed`."""
    topic = TOPICS[feed % len(TOPICS)]
    return article(f"{topic.title()} update {n} from desk {feed}", [
        f"Officials in the town of Orrin gave update number {n} on the {topic} on Monday, desk {feed} reported.",
        f"“We expect more news on the {topic} by the end of the week,” said Lina Berg, a town spokeswoman.",
        f"Residents said item {n} of feed {feed} was the first they had heard of it.",
    ])


def publish(site: Site, feed: int, count: int, version: int) -> None:
    """Serve feed `feed` with its first `count` items and validators naming `version`."""
    items = [(f"Item {n}", site.url(f"/f{feed}/items/{n}")) for n in range(count)]
    for n in range(count):
        site.pages.setdefault(f"/f{feed}/items/{n}", Page(item_page(feed, n)))
    site.pages[f"/f{feed}/feed.xml"] = Page(rss(f"Desk {feed}", items), "application/rss+xml",
                                            etag=f'"f{feed}-v{version}"', last_modified=http_date(1 + version))


def plan(feeds: int, rounds: list[int]) -> list[dict[int, int]]:
    """Per round, the feeds that gain items and how many: all feeds in round 1, then half of them in turn."""
    steps = []
    for r, count in enumerate(rounds):
        chosen = list(range(feeds)) if r == 0 else [f for f in range(feeds) if f % 2 == (r - 1) % 2]
        step = {f: count // len(chosen) for f in chosen}
        for f in chosen[: count - sum(step.values())]:
            step[f] += 1
        steps.append(step)
    return steps


def run(folder: Path, feeds: int = 10, rounds: list[int] | None = None, process: bool = False) -> Outcome:
    """Run the poll rounds against a fresh site and store in `folder`; returns the rows and the checks."""
    rounds = rounds or [100, 50, 50]
    site = Site().start()
    counts, versions = [0] * feeds, [0] * feeds
    rows, unchanged_ok = [], True
    policy = FetchPolicy(timeout_s=10, retries=2, backoff_s=0.05, delay_s=0.0)
    try:
        with SQLiteStore(folder / "desk.db") as store:
            sources = [Source(site.url(f"/f{f}/feed.xml"), f"Desk {f}") for f in range(feeds)]
            watcher = Watcher(store, sources, WarcStore(folder / "desk.db.warc"), Fetcher(policy))
            for number, step in enumerate(plan(feeds, rounds), 1):
                for f, extra in step.items():
                    counts[f] += extra
                    versions[f] += 1
                    publish(site, f, counts[f], versions[f])
                summary = watcher.poll()
                process_s = None
                if process:
                    begun = time.monotonic()
                    watcher.settle()
                    process_s = time.monotonic() - begun
                unchanged = feeds - len(step)
                unchanged_ok = unchanged_ok and summary.not_modified == unchanged
                rows.append(RoundRow(number, sum(step.values()), len(step), summary.conditional, summary.not_modified,
                                     summary.fetched, summary.new_reports, len(summary.problems), summary.requests,
                                     summary.seconds, process_s))
            watcher.warcs.close()
            urls = {r.url for r in store.reports()}
    finally:
        site.stop()
    items = [f"/f{f}/items/{n}" for f in range(feeds) for n in range(counts[f])]
    once = sum(1 for path in items if site.hits(path) == 1)
    stored = sum(1 for path in items if site.url(path) in urls)
    return Outcome(rows, len(items), stored, once, unchanged_ok)


def table(outcome: Outcome) -> str:
    """The rounds as a Markdown table, then the checks."""
    lines = ["| round | new items | feeds changed | conditional GETs | 304s | fetched | new reports | "
             "not ok | requests | poll s | process s |", "|" + "---|" * 11]
    for r in outcome.rows:
        proc = f"{r.process_s:.1f}" if r.process_s is not None else "-"
        lines.append(f"| {r.round} | {r.new_items} | {r.changed_feeds} | {r.conditional} | {r.not_modified} | "
                     f"{r.fetched} | {r.new_reports} | {r.problems} | {r.requests} | {r.poll_s:.2f} | {proc} |")
    lines.append("")
    lines.append(f"items: {outcome.items}; fetched exactly once: {outcome.fetched_once}; stored: {outcome.stored}; "
                 f"unchanged feeds answered 304: {'yes' if outcome.unchanged_304 else 'NO'}")
    return "\n".join(lines)


def main() -> None:
    """Run the bench and print its table; exit 1 when a check fails."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--rounds", default="100,50,50", help="new items per round, comma-separated")
    parser.add_argument("--process", action="store_true", help="also extract, annotate and group after each poll")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsloom-watch-bench-") as folder:
        outcome = run(Path(folder), args.feeds, [int(n) for n in args.rounds.split(",")], args.process)
    print(table(outcome))
    sys.exit(0 if outcome.ok else 1)


if __name__ == "__main__":
    main()
