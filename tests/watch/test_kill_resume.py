"""`newsloom watch --once` killed with SIGKILL at seeded moments, then run again: every item stored once, none lost."""
from __future__ import annotations

import random
import subprocess
import sys
import time

import pytest

from bench.site import Page, article, rss
from newsloom.store import SQLiteStore

ITEMS = 12


def command(tmp_path, sources) -> list[str]:
    return [sys.executable, "-m", "newsloom.cli", "watch", str(sources), "--db", str(tmp_path / "desk.db"),
            "--once", "--delay", "0.1", "--timeout", "5"]


@pytest.mark.parametrize("seed", [1, 2])
def test_killed_watch_loses_and_duplicates_nothing(site, tmp_path, seed):
    items = [f"/items/{n}" for n in range(ITEMS)]
    for n, path in enumerate(items):
        site.pages[path] = Page(article(f"Orrin report {n}", [
            f"The council of Orrin met on day {n} to discuss the town's budget for schools and roads.",
            f"Councillor Lina Berg said decision number {n} would be taken on Friday after a public hearing."]))
    site.pages["/feed.xml"] = Page(rss("Orrin Times", [(f"Report {n}", site.url(p)) for n, p in enumerate(items)]),
                                   "application/rss+xml", etag='"v1"')
    sources = tmp_path / "sources.txt"
    sources.write_text(f"{site.url('/feed.xml')} Orrin Times\n")
    killed = subprocess.Popen(command(tmp_path, sources), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random(seed).uniform(2.0, 5.0))  # after start-up: while fetching or processing
    killed.kill()
    assert killed.wait() == -9  # it was still running
    done = subprocess.run(command(tmp_path, sources), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with SQLiteStore(tmp_path / "desk.db") as store:
        reports = store.reports()
        assert sorted(r.url for r in reports) == sorted(site.url(p) for p in items)  # each item once, none lost
        rows = store.inputs()
        assert all(r.status == "ok" for r in rows), [r for r in rows if r.status != "ok"]
        assert {r.source for r in reports} <= {r.source for r in rows}
        assert store.pending_reports() == [] and len(store.annotated_ids()) == ITEMS
        assert sum(len(s.report_ids) for s in store.stories()) == ITEMS
        assert store.seen([site.url(p) for p in items]) == {site.url(p) for p in items}
