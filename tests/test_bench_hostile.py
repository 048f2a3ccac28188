"""`newsloom analyze` on a generated hostile folder: every file accounted for, in bounded time and memory."""
import sys

import pytest

from bench.hostile import outcome, run_measured
from bench.hostile_corpus import write_hostile_corpus

SECONDS = 400  # the whole folder, CLI start-up and model loading included, on a 2-core machine
PEAK_BYTES = 4 * 2**30  # the whole process tree


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory):
    import json

    folder = tmp_path_factory.mktemp("hostile") / "in"
    written = write_hostile_corpus(folder, scale=0.05)
    command = [sys.executable, "-m", "newsloom.cli", "analyze", str(folder), "--format", "json",
               "--time-limit", "20"]
    done, seconds, peak = run_measured(command)
    inputs = json.loads(done.stdout)["inputs"] if done.stdout else []
    return written, inputs, done, seconds, peak


def _rows(inputs, written, name):
    path = next(p for p, k in written.items() if k.file == name)
    return [i for i in inputs if i["source"] == path or i["source"].startswith(path + "#")]


def test_the_run_ends_in_bounded_time_and_memory(analyzed):
    _, _, done, seconds, peak = analyzed
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert seconds < SECONDS and peak < PEAK_BYTES


def test_every_file_has_a_row(analyzed):
    written, inputs, *_ = analyzed
    missing = [k.file for p, k in written.items() if not _rows(inputs, written, k.file)]
    assert missing == []
    assert all(i["status"] in ("ok", "skipped", "failed") for i in inputs)
    assert all(i["reason"] for i in inputs if i["status"] != "ok")


@pytest.mark.parametrize("name, expected", [
    ("article.txt", "ok"),
    ("nul.txt", "ok"),
    ("records.jsonl", "3 ok"),
    ("install.sh", "skipped: source code or script"),
    ("tool.py", "skipped: source code or script"),
    ("image.png", "skipped: binary"),
    ("empty.txt", "skipped: empty"),
    ("dangling.txt", "failed: dangling symbolic link"),
    ("passwd.txt", "skipped: symbolic link leaves the input folder"),
    ("pipe.fifo", "skipped"),
])
def test_each_kind_ends_as_it_should(analyzed, name, expected):
    written, inputs, *_ = analyzed
    assert outcome(_rows(inputs, written, name)).startswith(expected)


def test_archives_say_what_they_lost(analyzed):
    written, inputs, *_ = analyzed
    truncated = _rows(inputs, written, "truncated.warc.gz")
    assert any(i["status"] == "failed" and "truncated" in i["reason"] for i in truncated)
    assert sum(i["status"] == "ok" for i in truncated) >= 3
    inflating = _rows(inputs, written, "inflating.warc.gz")
    assert any("over 20 MB" in i["reason"] for i in inflating)
    assert sum(i["status"] == "ok" for i in inflating) == 2


def test_the_pathological_documents_end_within_their_limit(analyzed):
    written, inputs, *_ = analyzed
    for name in ("attributes.html", "curly.txt", "unbalanced.txt", "oneline.txt", "deep.html"):
        rows = _rows(inputs, written, name)
        assert len(rows) == 1 and rows[0]["status"] in ("ok", "skipped", "failed"), name
