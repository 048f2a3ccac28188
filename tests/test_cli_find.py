"""`newsloom search` and `newsloom export` over a store filled by `ingest` from invented reports."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsloom.cli import app

SILO = ("Grain silo collapses at Oderby docks\n\nBy Pia Lund\nOderby Herald\n\n"
        "A grain silo at the Oderby docks collapsed on Tuesday night, spilling barley across the quay.\n\n"
        "\u201cThe walls had been cracking for months and nobody listened,\u201d said Tomas Reyl, "
        "a crane driver at the docks.\n\nThe port authority said no one was hurt.\n")
SILO_WIRE = ("Barley spills as Oderby silo falls\n\nNorth Wire\n\n"
             "A silo holding barley collapsed at the Oderby docks on Tuesday night, the port authority said.\n\n"
             "\u201cThe walls had been cracking for months and nobody listened,\u201d Tomas Reyl told reporters.\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store holding both reports, grouped into stories."""
    root = tmp_path_factory.mktemp("find")
    (root / "herald.txt").write_text(SILO, encoding="utf-8")
    (root / "wire.txt").write_text(SILO_WIRE, encoding="utf-8")
    path = str(root / "find.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(root / "herald.txt"), str(root / "wire.txt"), "--db", path]).exit_code == 0
    assert runner.invoke(app, ["stories", "--db", path]).exit_code == 0
    return path


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_search_jsonl_finds_quotes_by_words_and_speaker(db):
    result = _run("search", "cracking", "--db", db, "--kind", "quote", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 2 and {h["kind"] for h in hits} == {"quote"}
    assert all(h["speaker"] == "Tomas Reyl" and h["story_id"] for h in hits)
    limited = _run("search", "barley", "--db", db, "--limit", "1", "--format", "jsonl")
    assert len(limited.stdout.splitlines()) == 1


def test_search_csv_and_text(db):
    result = _run("search", "silo", "--db", db, "--kind", "report", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2 and {r["kind"] for r in rows} == {"report"}
    assert {r["outlet"] for r in rows} >= {"Oderby Herald"}
    text = _run("search", "quay", "--db", db, "--kind", "report")
    assert text.exit_code == 0 and text.stdout.startswith("report\t")


def test_malformed_search_fails_with_a_reason(db):
    result = _run("search", '"nobody listened', "--db", db)
    assert result.exit_code == 1
    assert "quotation mark is not closed" in result.output
    assert "Traceback" not in result.output


def test_export_quotes_and_claims(db, tmp_path):
    result = _run("export", "quotes", "--db", db)
    assert result.exit_code == 0, result.output
    quotes = list(csv.DictReader(io.StringIO(result.stdout)))
    reyl = [q for q in quotes if q["speaker"] == "Tomas Reyl"]
    assert len(reyl) == 2 and all("nobody listened" in q["wording"] for q in reyl)
    out = tmp_path / "claims.csv"
    assert _run("export", "claims", "--db", db, "-o", str(out)).exit_code == 0
    claims = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert claims and {"claim", "reports", "independent_reports", "outlets"} <= set(claims[0])
    missing = _run("export", "quotes", "--db", db, "--story", "nope")
    assert missing.exit_code == 1 and "no story nope" in missing.output


def _jsonl(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_search_filters_by_outlet_speaker_entity_dates_and_support(db):
    every = _jsonl(_run("search", "barley OR silo", "--db", db, "--format", "jsonl", "--limit", "100"))
    assert {h["outlet"] for h in every} == {"Oderby Herald", None}  # the wire report names no outlet
    herald = _jsonl(_run("search", "barley OR silo", "--db", db, "--format", "jsonl", "--outlet", "oderby herald"))
    assert herald and {h["outlet"] for h in herald} == {"Oderby Herald"}
    reyl = _jsonl(_run("search", "walls", "--db", db, "--format", "jsonl", "--speaker", "Tomas Reyl", "-k", "quote"))
    assert len(reyl) == 2 and {h["speaker"] for h in reyl} == {"Tomas Reyl"}
    nobody = _run("search", "walls", "--db", db, "--speaker", "Pia Lund", "-k", "quote")
    assert nobody.exit_code == 0 and not nobody.stdout and "quoting Pia Lund" in nobody.stderr
    named = _jsonl(_run("search", "cracking", "--db", db, "--format", "jsonl", "--entity", "Tomas Reyl"))
    assert named and all(h["story_id"] for h in named)
    undated = _run("search", "silo", "--db", db, "--since", "2000-01-01")  # neither report gives a date
    assert undated.exit_code == 0 and not undated.stdout
    strong = _jsonl(_run("search", "cracking", "--db", db, "--format", "jsonl", "-k", "claim", "--min-sources", "2"))
    assert len(strong) == 2  # the quote's sentence is a claim both outlets carry
    assert not _run("search", "cracking", "--db", db, "-k", "claim", "--min-sources", "3").stdout
    bad = _run("search", "silo", "--db", db, "--until", "last week")
    assert bad.exit_code == 1 and "not a day written YYYY-MM-DD" in bad.output
