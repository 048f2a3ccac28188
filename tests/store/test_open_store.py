"""Opening a store from a path or URL."""
from __future__ import annotations

import pytest

from newsloom.store import SQLiteStore, Store, StoreError, open_store

from .conftest import make_report


def test_plain_path(db_path):
    with open_store(str(db_path)) as s:
        assert isinstance(s, SQLiteStore) and isinstance(s, Store)
        s.add_report(make_report(1))
    assert db_path.exists()


def test_absolute_sqlite_url(db_path):
    with open_store(f"sqlite:///{db_path}") as s:  # db_path is absolute: sqlite:////tmp/...
        assert s.path == str(db_path)


def test_relative_sqlite_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel/x.db") as s:
        s.add_report(make_report(1))
    assert (tmp_path / "rel" / "x.db").exists()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_memory(url):
    with open_store(url) as s:
        assert s.path == ":memory:"
        assert s.add_report(make_report(1))


@pytest.mark.parametrize("url", ["postgresql://u@h/db", "postgres://h/db", "postgresql+psycopg://h/db"])
def test_postgres_not_available_yet(url):
    with pytest.raises(StoreError, match="PostgreSQL store is not available yet"):
        open_store(url)


@pytest.mark.parametrize("url", ["mysql://h/db", "sqlite://host/x.db"])
def test_unknown_urls(url):
    with pytest.raises(StoreError, match="cannot open|bad SQLite URL"):
        open_store(url)
