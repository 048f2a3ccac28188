"""`newsloom watch --interval`: polls round after round, picks up items published in between, stops on Ctrl+C."""
from __future__ import annotations

import os
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


def ignore_sigint() -> None:
    """Start the watcher as a shell starts a background job: with SIGINT ignored, which it must undo."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def interrupt(running: subprocess.Popen, signum: int) -> tuple[str, str]:
    """Send the signal and collect the output; a watcher still running a minute later dumps its stacks and fails."""
    running.send_signal(signum)
    try:
        return running.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        running.send_signal(signal.SIGABRT)  # PYTHONFAULTHANDLER prints every thread's stack
        out, err = running.communicate(timeout=30)
        raise AssertionError(f"the watcher did not stop within 60 s of {signal.Signals(signum).name}:\n{err[-4000:]}")


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
                               text=True, env={**os.environ, "PYTHONFAULTHANDLER": "1"}, preexec_fn=ignore_sigint)
    try:
        assert wait_for_reports(db, 1, time.monotonic() + 120)
        publish(site, 2)
        assert wait_for_reports(db, 2, time.monotonic() + 120)
    finally:
        out, err = interrupt(running, signal.SIGINT)
    assert running.returncode == 0, err
    assert "stopped; the next run goes on from what was stored" in err
    assert [site.hits(f"/items/{n}") for n in range(2)] == [1, 1]
    assert site.hits("/feed.xml") >= 2 and '"kind": "story"' in out


def test_sigterm_stops_the_watcher_as_ctrl_c_does(site, tmp_path):
    publish(site, 1)
    sources = tmp_path / "sources.txt"
    sources.write_text(site.url("/feed.xml") + "\n")
    db = tmp_path / "desk.db"
    running = subprocess.Popen([sys.executable, "-m", "newsloom.cli", "watch", str(sources), "--db", str(db),
                                "--interval", "1", "--delay", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    try:
        assert wait_for_reports(db, 1, time.monotonic() + 120)
    finally:
        out, err = interrupt(running, signal.SIGTERM)
    assert running.returncode == 0, err
    assert "stopped; the next run goes on from what was stored" in err


def test_the_watchers_signal_handlers_are_given_back_after_its_clean_up():
    from newsloom.cli_watch import hold_signals, restore_signals, stop_on_signals

    first = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    before = stop_on_signals()
    try:
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        hold_signals()  # stopping: a second Ctrl+C or SIGTERM must not cut the clean-up short
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN and signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        restore_signals(before)
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == first


def test_a_handled_interrupt_raised_inside_c_run_code_does_not_end_the_process_by_sigint():
    script = ("import ctypes, sys\n"
              "from newsloom.cli_watch import forget_unhandled_interrupt\n"
              "try:\n"
              "    ctypes.pythonapi.PyRun_SimpleString(b'raise KeyboardInterrupt')\n"
              "except KeyboardInterrupt:\n"
              "    pass\n"
              "if sys.argv[1] == 'forget':\n"
              "    forget_unhandled_interrupt()\n")
    runs = {how: subprocess.run([sys.executable, "-c", script, how], capture_output=True) for how in ("keep", "forget")}
    assert runs["keep"].returncode == -signal.SIGINT  # what the watcher's process did after an orderly stop
    assert runs["forget"].returncode == 0
