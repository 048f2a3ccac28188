"""Progress bars show on a terminal or on request, never when quiet or when stderr is a file or pipe."""
import io
import os
import subprocess
import sys

import pytest
from rich.console import Console

from newsloom.progress import FORCE_ENV, progress_bars, wanted

REPORT = ("Bridge to reopen in Northgate\n\n"
          "Officials in Northgate said on Monday that the bridge would reopen next week after repairs.\n")


def piped() -> Console:
    """A console writing to a buffer, as stderr is when redirected."""
    return Console(file=io.StringIO())


def test_bars_follow_the_terminal_unless_forced_or_quiet(monkeypatch):
    monkeypatch.delenv(FORCE_ENV, raising=False)
    assert not wanted(piped())
    assert wanted(Console(file=io.StringIO(), force_terminal=True))
    assert not wanted(Console(file=io.StringIO(), force_terminal=True), quiet=True)
    monkeypatch.setenv(FORCE_ENV, "1")
    assert wanted(piped()) and not wanted(piped(), quiet=True)
    monkeypatch.setenv(FORCE_ENV, "0")
    assert not wanted(Console(file=io.StringIO(), force_terminal=True))


def test_forced_bars_show_stage_count_and_rate(monkeypatch):
    monkeypatch.setenv(FORCE_ENV, "1")
    console = piped()
    with progress_bars(console) as update:
        assert update is not None
        for done in range(4):
            update("extract+annotate", done, 3)
    shown = console.file.getvalue()
    assert "extract+annotate" in shown and "3/3" in shown and "/s" in shown


def test_no_bars_when_not_wanted(monkeypatch):
    monkeypatch.delenv(FORCE_ENV, raising=False)
    console = piped()
    with progress_bars(console) as update:
        assert update is None
    assert console.file.getvalue() == ""


def _ingest(tmp_path, *extra: str, env: dict) -> str:
    """Stderr of `newsloom ingest` on one report, with stderr a pipe."""
    (tmp_path / "bridge.txt").write_text(REPORT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newsloom.cli", "ingest", str(tmp_path / "bridge.txt"),
                           "--db", str(tmp_path / "news.db"), *extra],
                          capture_output=True, text=True, timeout=300, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.mark.parametrize(("extra", "env", "shown"), [
    ((), {FORCE_ENV: "1"}, True),
    (("--quiet",), {FORCE_ENV: "1"}, False),
    ((), {FORCE_ENV: ""}, False),
])
def test_ingest_command_shows_bars_only_when_wanted(tmp_path, extra, env, shown):
    stderr = _ingest(tmp_path, *extra, env=env)
    assert ("extract+annotate" in stderr) is shown
    assert "ingested: 1 ok" in stderr


@pytest.mark.parametrize(("extra", "shown"), [((), True), (("--quiet",), False)])
def test_stories_command_shows_its_bar_unless_quiet(tmp_path, extra, shown):
    _ingest(tmp_path, "--quiet", env={FORCE_ENV: "1"})
    done = subprocess.run([sys.executable, "-m", "newsloom.cli", "stories", "--db", str(tmp_path / "news.db"), *extra],
                          capture_output=True, text=True, timeout=300, env={**os.environ, FORCE_ENV: "1"})
    assert done.returncode == 0, done.stderr
    assert ("1/1" in done.stderr) is shown
