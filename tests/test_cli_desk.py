"""`newsloom stories` filtered and sorted, `newsloom entity` and `newsloom follow` / `unfollow` over an ingested store."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsloom.cli import app

from .web.conftest import SPEAKER, write_reports


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """A store of the invented ferry strike (two reports) and library fire (one), grouped into stories."""
    root = tmp_path_factory.mktemp("desk")
    path = str(root / "desk.db")
    assert _run("ingest", *map(str, write_reports(root / "inputs")), "--db", path).exit_code == 0
    return path


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def _stories(db: str, *args: str) -> list[dict]:
    result = _run("stories", "--db", db, "--jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_stories_sort_and_filter(db):
    assert [s["reports"] for s in _stories(db)] == [2, 1]  # largest first
    assert [s["last_published"] for s in _stories(db, "--sort", "latest")] == ["2031-04-09", "2031-03-03"]
    by_disagreement = _stories(db, "--sort", "disagreements")
    assert all("disagreements" in s for s in by_disagreement)
    assert [s["outlets"] for s in _stories(db, "--outlet", "brenmoor evening post")] == [["Brenmoor Evening Post"]]
    assert [s["reports"] for s in _stories(db, "--speaker", SPEAKER)] == [2]
    assert [s["reports"] for s in _stories(db, "--entity", "Skarra Island")] == [2]
    assert [s["reports"] for s in _stories(db, "--since", "2031-04-01", "--until", "2031-04-30")] == [1]
    assert [s["reports"] for s in _stories(db, "--min-sources", "2")] == [2]
    assert _stories(db, "--min-sources", "3") == []
    text = _run("stories", "--db", db, "--outlet", "Aldwyn Gazette")
    assert text.exit_code == 0 and text.stdout.count("\n") == 1 and "\t2 reports\t" in text.stdout
    assert "1 of them: from Aldwyn Gazette" in text.stderr
    bad = _run("stories", "--db", db, "--since", "yesterday")
    assert bad.exit_code == 1 and "not a day written YYYY-MM-DD" in bad.output


def test_entity_text_and_json(db):
    text = _run("entity", "kessling", "--db", db)
    assert text.exit_code == 0, text.output
    assert text.stdout.startswith(f"{SPEAKER} (PERSON)") and "1 stories:" in text.stdout and "1 quotes:" in text.stdout
    page = json.loads(_run("entity", SPEAKER.lower(), "--db", db, "--json").stdout)
    assert page["name"] == SPEAKER and len(page["stories"]) == 1
    assert [q["speaker"] for q in page["quotes"]] == [SPEAKER] and page["quotes"][0]["evidence"]
    assert page["claims"] and all(SPEAKER in c["text"] or c["speaker"] == SPEAKER for c in page["claims"])
    missing = _run("entity", "Atlantis", "--db", db)
    assert missing.exit_code == 1 and "no entity named 'Atlantis'" in missing.output


def test_follow_puts_stories_first_and_unfollow_drops_them(db):
    library = _stories(db)[-1]
    assert _run("follow", "story", library["id"], "--db", db).exit_code == 0
    again = _run("follow", "story", library["id"], "--db", db)
    assert again.exit_code == 0 and "already followed" in again.stderr
    listed = _stories(db)
    assert listed[0]["id"] == library["id"] and listed[0]["followed"] == "following"
    assert _run("follow", "entity", "kessling", "--db", db).exit_code == 0  # kept under the entity's full name
    follows = _run("follow", "--db", db).stdout.splitlines()
    assert sorted(line.split("\t")[:2] for line in follows) == [["entity", SPEAKER], ["story", library["id"]]]
    assert [s["followed"] for s in _stories(db)] == [f"following {SPEAKER}", "following"]  # both followed: by size
    assert _run("unfollow", "story", library["id"], "--db", db).exit_code == 0
    assert _run("unfollow", "entity", SPEAKER.upper(), "--db", db).exit_code == 0
    assert [s["followed"] for s in _stories(db)] == [None, None]
    not_followed = _run("unfollow", "story", library["id"], "--db", db)
    assert not_followed.exit_code == 1 and "is not followed" in not_followed.output
    unknown = _run("follow", "story", "s-nope", "--db", db)
    assert unknown.exit_code == 1 and "no story 's-nope'" in unknown.output
