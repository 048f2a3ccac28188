"""Opening a store from a path or URL."""
from __future__ import annotations

import pytest

from newsloom.store import SQLiteStore, Store, StoreError, open_store

from .conftest import make_report
from .postgres_server import free_port


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


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_unreachable_postgres_is_a_store_error_without_the_password(scheme):
    url = f"{scheme}://u:secret@127.0.0.1:{free_port()}/db"
    with pytest.raises(StoreError, match="cannot open store .*u:\\*\\*\\*@127.0.0.1") as caught:
        open_store(url)
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgres_url(scheme, postgres_url):
    from newsloom.store.postgres import PostgresStore

    with open_store(postgres_url.replace("postgresql", scheme, 1)) as s:
        assert isinstance(s, PostgresStore) and isinstance(s, Store)
        assert s.add_report(make_report(1))


@pytest.mark.parametrize("url", ["mysql://h/db", "sqlite://host/x.db"])
def test_unknown_urls(url):
    with pytest.raises(StoreError, match="cannot open|bad SQLite URL"):
        open_store(url)
