"""`newsloom watch --once` twice (two processes): new items only, a story built, an outlet joining it reported."""
from __future__ import annotations

import json

from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from newsloom.cli import app
from newsloom.store import SQLiteStore

from .harbour import COAST, HERALD, POST
from bench.site import Page, article, rss

OUTLETS = {"herald": ("Velm Herald", HERALD), "post": ("Velm Post", POST), "coast": ("Coast Wire", COAST)}


def publish(site, name: str) -> None:
    outlet, paragraphs = OUTLETS[name]
    site.pages[f"/{name}/1"] = Page(article(f"{outlet}: Velm harbour closed after storm", paragraphs))
    site.pages[f"/{name}/feed.xml"] = Page(rss(outlet, [("Velm harbour closed", site.url(f"/{name}/1"))]),
                                           "application/rss+xml", etag=f'"{name}-1"')


def watch(tmp_path, sources) -> list[dict]:
    result = CliRunner().invoke(app, ["watch", str(sources), "--db", str(tmp_path / "desk.db"), "--once",
                                      "--delay", "0", "--timeout", "5"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_watch_twice_reports_the_story_then_the_outlet_that_joined(site, tmp_path):
    publish(site, "herald")
    publish(site, "post")
    site.pages["/coast/feed.xml"] = Page(rss("Coast Wire", []), "application/rss+xml")
    sources = tmp_path / "sources.txt"
    sources.write_text("# Velm desk\n" + "".join(f"{site.url(f'/{n}/feed.xml')}  {o}\n"
                                                 for n, (o, _) in OUTLETS.items()))
    first = watch(tmp_path, sources)
    assert [e["kind"] for e in first] == ["story"] and "Velm Herald, Velm Post" in first[0]["text"]
    publish(site, "coast")
    second = watch(tmp_path, sources)
    kinds = [e["kind"] for e in second]
    assert "outlet" in kinds and "story" not in kinds
    joined = next(e for e in second if e["kind"] == "outlet")
    assert joined["text"] == "Coast Wire joined the story"
    assert watch(tmp_path, sources) == []  # nothing new: every feed answers 304
    assert [site.hits(f"/{n}/1") for n in OUTLETS] == [1, 1, 1]
    with SQLiteStore(tmp_path / "desk.db") as store:
        assert {s.status for s in store.inputs()} == {"ok"} and len(store.annotated_ids()) == 3
        reports = store.reports()
    for r in reports:  # each report's source names its response record in the WARC folder
        path, number = r.source.rsplit("#", 1)
        assert path.startswith(str(tmp_path / "desk.db.warc"))
        with open(path, "rb") as stream:
            bodies = [x.content_stream().read() for x in ArchiveIterator(stream) if x.rec_type == "response"]
        assert bodies[int(number) - 1] == r.raw
    listed = CliRunner().invoke(app, ["updates", "--db", str(tmp_path / "desk.db"), "--jsonl",
                                      "--story", joined["story"]])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["kind"] for r in rows] == [*reversed(kinds), "story"]  # the story's history follows a changed id
    every = CliRunner().invoke(app, ["updates", "--db", str(tmp_path / "desk.db"), "--jsonl"])
    assert every.exit_code == 0 and joined in [json.loads(line) for line in every.stdout.splitlines()]
    since = CliRunner().invoke(app, ["updates", "--db", str(tmp_path / "desk.db"), "--since", "2999-01-01"])
    assert since.exit_code == 0 and since.stdout == ""


def test_warc_folder_sits_next_to_a_sqlite_store_or_is_asked_for(tmp_path):
    from pathlib import Path

    from newsloom.cli_watch import warc_folder

    assert warc_folder("desk.db", None) == Path("desk.db.warc")
    assert warc_folder("sqlite:////data/desk.db", None) == Path("/data/desk.db.warc")
    assert warc_folder("postgresql://u@h/db", tmp_path) == tmp_path
    result = CliRunner().invoke(app, ["watch", str(tmp_path / "none.txt"), "--db", "postgresql://u@127.0.0.1:1/db"])
    assert result.exit_code == 1


def test_a_bad_sources_line_or_since_time_is_a_one_line_error(tmp_path):
    sources = tmp_path / "sources.txt"
    sources.write_text("ftp://nope\n")
    result = CliRunner().invoke(app, ["watch", str(sources), "--db", str(tmp_path / "d.db"), "--once"])
    assert result.exit_code == 1 and "line 1: 'ftp://nope' is not an http(s) URL" in result.output
    listed = CliRunner().invoke(app, ["updates", "--db", str(tmp_path / "d.db"), "--since", "last week"])
    assert listed.exit_code == 1 and "is not an ISO 8601 time" in listed.output
