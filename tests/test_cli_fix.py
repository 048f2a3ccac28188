"""`newsloom fix`: a speaker fix made on the command line shows in the brief, lists, exports, imports and is removed."""
import json

import pytest
from typer.testing import CliRunner

from newsloom.brief import validate
from newsloom.cli import app

DOCK = (
    "Dock cranes idle as Port Selby talks stall\n\n"
    "Talks between Port Selby and the crane operators broke down on Thursday, the port authority said.\n\n"
    "\u201cWe are not going to sign a deal that cuts night pay,\u201d said Oona Brandt, who leads the operators. "
    "The port said it would return to the table next week."
)
WIRE = (
    "Port Selby crane operators walk out of talks\n\n"
    "Crane operators in Port Selby left the talks on Thursday over plans to cut night pay.\n\n"
    "\u201cWe are not going to sign a deal that cuts night pay,\u201d Oona Brandt told reporters."
)
QUOTE = "We are not going to sign a deal that cuts night pay"
runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def quote_of(db: str) -> dict:
    doc = json.loads(run("brief", "--db", db, "--format", "json").stdout)
    validate(doc)
    return next(q for s in doc["stories"] for q in s["quotes"] if "cuts night pay" in q["text"])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "dock.txt").write_text(DOCK, encoding="utf-8")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    path = str(folder.parent / "news.db")
    run("ingest", str(folder), "--db", path)
    run("stories", "--db", path)
    return path


def test_fix_list_export_import_remove(db, tmp_path):
    before = quote_of(db)
    assert before["speaker"] == "Oona Brandt"
    report = before["evidence"][0]["report"]
    made = run("fix", "speaker", "--db", db, "--report", report, "--quote", "sign a deal",
               "--speaker", "Ivo Marsh", "--by", "ana", "--note", "the recording")
    assert "is now Ivo Marsh (was Oona Brandt)" in made.stderr
    after = quote_of(db)
    assert after["speaker"] == "Ivo Marsh" and after["speaker_basis"] == "corrected"
    assert after["attribution"].startswith("corrected by ana on ") and after["correction"]["note"] == "the recording"

    [listed] = [json.loads(line) for line in run("fix", "list", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert listed["state"] == "applied" and listed["speaker"] == "Ivo Marsh" and QUOTE in listed["quote"]

    shared = tmp_path / "fixes.jsonl"
    run("fix", "export", "--db", db, "-o", str(shared))
    exported = shared.read_text(encoding="utf-8").splitlines()
    assert len(exported) == 1 and json.loads(exported[0])["by"] == "ana"
    bad = ['{"report_id": "x", "start": 1, "end": 2, "quote": "q", "speaker": "A", "run": "rm -rf"}',
           "__import__('os')", '{"report_id": "x", "start": "1", "end": 2, "quote": "q", "speaker": null}']
    shared.write_text("\n".join(exported + bad) + "\n", encoding="utf-8")
    other = str(tmp_path / "other.db")
    imported = run("fix", "import", str(shared), "--db", other, "--create")
    assert "imported 1 fixes, skipped 3 bad lines" in imported.stderr
    assert "line 2: unknown fields ['run']" in imported.stderr and "line 3: not JSON" in imported.stderr
    assert "line 4: start must be a whole number" in imported.stderr
    again = run("fix", "export", "--db", other).stdout.splitlines()
    assert again == exported

    span = f"{listed['start']}:{listed['end']}"
    run("fix", "remove", "--db", db, "--report", report, "--quote", span)
    assert quote_of(db)["speaker"] == "Oona Brandt"
    assert run("fix", "list", "--db", db, "--format", "jsonl").stdout == ""


def test_fix_unattributed_and_bad_requests(db):
    report = quote_of(db)["evidence"][0]["report"]
    both = runner.invoke(app, ["fix", "speaker", "--db", db, "--report", report, "--quote", QUOTE,
                               "--speaker", "A", "--unattributed"])
    assert both.exit_code == 1 and "either --speaker NAME or --unattributed" in both.output
    missing = runner.invoke(app, ["fix", "speaker", "--db", db, "--report", report, "--quote", "never said",
                                  "--unattributed"])
    assert missing.exit_code == 1 and "no quote of report" in missing.output
    run("fix", "speaker", "--db", db, "--report", report, "--quote", QUOTE, "--unattributed")
    quote = quote_of(db)
    assert quote["speaker"] is None and quote["speaker_basis"] == "corrected"
    run("fix", "remove", "--db", db, "--report", report, "--quote", "night pay")
