"""Model objects and stores shared by the store tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.model import (
    Annotated,
    Article,
    Claim,
    CopyEdge,
    DateMention,
    Evidence,
    Mention,
    Quote,
    Report,
    Segment,
    Story,
)
from newsloom.store import SQLiteStore

from .postgres_server import PostgresServer, Unavailable


def make_report(n: int, **kw) -> Report:
    """A small report whose bytes (and so id and hash) depend on `n`."""
    raw = f"Report {n}: the mayor said the bridge will close on Monday.".encode()
    return Report.make(f"inputs/r{n}.txt", raw, "text", arrival=n, **kw)


def make_article(report: Report) -> Article:
    """The article of a report, with metadata and one segment."""
    text = report.raw.decode()
    return Article(
        report_id=report.id, source=report.source, text=text, title=f"Title {report.arrival}",
        author="Ana Ruiz", published="2024-05-06", outlet="Daily", url="https://example.org/a",
        lang="en", segments=[Segment(0, 3, len(text))],
    )


def make_annotated(report: Report) -> Annotated:
    """An annotated article with one span of every kind, nullable fields both set and unset."""
    article = make_article(report)
    rid = report.id
    monday = DateMention("Monday", 51, 57, "2024-05-13")
    return Annotated(
        article=article,
        sentences=[(0, 9), (10, len(article.text))],
        mentions=[Mention("mayor", 14, 19, "PERSON", "Mayor Jo Lee"), Mention("bridge", 34, 40, "FAC")],
        dates=[monday, DateMention("soon", 0, 4, None)],
        quotes=[
            Quote(rid, "the bridge will close", 30, 51, "indirect", cue="said", speaker="Jo Lee",
                  speaker_start=14, speaker_end=19, sentence_start=10, sentence_end=58),
            Quote(rid, "Report", 0, 6, "partial"),
        ],
        claims=[
            Claim(rid, "the bridge will close on Monday", 30, 57, speaker="Jo Lee",
                  entities=["Jo Lee"], numbers=["1"], dates=[monday], facets=[(45, 57)],
                  vectors=bytes(range(256)) * 6),
            Claim(rid, "Report 1", 0, 8),
        ],
    )


def make_story(story_id: str, reports: list[Report]) -> Story:
    """A story over the reports where each later one copies the first, with shared passages."""
    first = reports[0].id
    edges = [
        CopyEdge(r.id, first, "copy" if i % 2 else "rewrite", 0.5 + i / 10,
                 [Evidence(r.id, 0, 8), Evidence(first, 0, 8)])
        for i, r in enumerate(reports[1:], start=1)
    ]
    return Story(story_id, [r.id for r in reports], edges)


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the whole run, or a skip saying why there is none."""
    try:
        server = PostgresServer()
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
    try:
        server.start()
    except Unavailable as exc:
        server.stop()
        pytest.skip(f"PostgreSQL could not start: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of an empty database of its own, dropped after the test."""
    url = postgres_server.new_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request):
    """An empty store of each backend: SQLite in memory, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        with SQLiteStore(":memory:") as s:
            yield s
        return
    from newsloom.store.postgres import PostgresStore

    with PostgresStore(request.getfixturevalue("postgres_url")) as s:
        yield s


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a file store goes."""
    return tmp_path / "sub" / "newsloom.db"
