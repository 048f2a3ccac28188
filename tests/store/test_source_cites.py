"""Cited upstream sources survive the store, and older databases gain their table."""
from dataclasses import replace

from newsloom.model import SourceCite
from newsloom.store import SQLiteStore
from newsloom.store.migrations import MIGRATIONS
from tests.store.conftest import make_annotated, make_report

CITES = [SourceCite("Northwire", "agency", "relay", "reported", 10, 28, 10, 58),
         SourceCite("anonymous source", "anonymous", "origin", "a person familiar with", 0, 9, 0, 9)]


def test_cites_round_trip(store):
    report = make_report(1)
    store.add_report(report)
    ann = replace(make_annotated(report), sources=list(CITES))
    store.put_annotated(ann)
    assert store.get_annotated(report.id).sources == CITES


def test_a_database_from_before_cites_opens_and_keeps_them(tmp_path):
    path = tmp_path / "old.db"
    version = next(m.version for m in MIGRATIONS if m.name == "upstream sources each sentence cites")
    with SQLiteStore(path, migrations=MIGRATIONS[:version - 1]) as old:
        report = make_report(2)
        old.add_report(report)
    with SQLiteStore(path) as new:
        ann = replace(make_annotated(report), sources=list(CITES))
        new.put_annotated(ann)
        assert new.get_annotated(report.id).sources == CITES
