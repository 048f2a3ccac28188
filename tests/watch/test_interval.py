"""`newsloom watch --interval`: polls round after round, picks up items published in between, stops on Ctrl+C."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

from bench.site import Page, article, rss
from newsloom.store import SQLiteStore


def wait_for_reports(db, count: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if db.exists():
            with SQLiteStore(db) as store:
                if len(store.annotated_ids()) >= count:
                    return True
        time.sleep(0.3)
    return False


def publish(site, count: int) -> None:
    for n in range(count):
        site.pages[f"/items/{n}"] = Page(article(f"Orrin report {n}", [
            f"The council of Orrin met on day {n} to discuss the budget for the town's schools and roads."]))
    site.pages["/feed.xml"] = Page(rss("Orrin Times", [(f"Report {n}", site.url(f"/items/{n}"))
                                                      for n in range(count)]), "application/rss+xml", etag=f'"v{count}"')


def test_rounds_follow_one_another_until_interrupted(site, tmp_path):
    publish(site, 1)
    sources = tmp_path / "sources.txt"
    sources.write_text(site.url("/feed.xml") + "\n")
    db = tmp_path / "desk.db"
    running = subprocess.Popen([sys.executable, "-m", "newsloom.cli", "watch", str(sources), "--db", str(db),
                                "--interval", "1", "--delay", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        assert wait_for_reports(db, 1, time.monotonic() + 120)
        publish(site, 2)
        assert wait_for_reports(db, 2, time.monotonic() + 120)
    finally:
        running.send_signal(signal.SIGINT)
        out, err = running.communicate(timeout=60)
    assert running.returncode == 0, err
    assert "stopped; the next run goes on from what was stored" in err
    assert [site.hits(f"/items/{n}") for n in range(2)] == [1, 1]
    assert site.hits("/feed.xml") >= 2 and '"kind": "story"' in out
