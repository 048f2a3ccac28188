"""The store keeps every stage of a run; SQLite by default, PostgreSQL for teams."""
from __future__ import annotations

from pathlib import Path

from newsloom.store.base import SchemaVersionError, Store, StoreError
from newsloom.store.sqlite import MEMORY, SQLiteStore

__all__ = ["MissingStoreError", "SchemaVersionError", "SQLiteStore", "Store", "StoreError", "open_store"]

POSTGRES_SCHEMES = ("postgres", "postgresql")


class MissingStoreError(StoreError):
    """Opening an existing store was asked for and there is none at that path."""


def open_store(url: str, create: bool = True) -> Store:
    """Open a store from a path, `sqlite:///relative.db`, `sqlite:////absolute.db`, `sqlite://` (memory)
    or `postgresql://user@host:port/db` (the database must exist; its tables are made on first open).

    With `create` false a SQLite file that does not exist yet is an error instead of a new empty store.
    """
    if "://" not in url:
        return _sqlite(url, create)
    scheme, rest = url.split("://", 1)
    if scheme == "sqlite":
        if rest in ("", "/", "/:memory:"):
            return SQLiteStore(MEMORY)
        if not rest.startswith("/"):
            raise StoreError(f"bad SQLite URL {url!r}: write sqlite:///relative.db or sqlite:////absolute.db")
        return _sqlite(rest[1:], create)
    if scheme.split("+", 1)[0] in POSTGRES_SCHEMES:
        from newsloom.store.postgres import PostgresStore

        return PostgresStore(url)
    raise StoreError(
        f"cannot open {url!r}: unknown store scheme {scheme!r} (use a path, sqlite:///path or postgresql://...)"
    )


def _sqlite(path: str, create: bool) -> SQLiteStore:
    """The SQLite store at `path`; unless `create`, only one that exists already."""
    if not create and path != MEMORY and not Path(path).expanduser().is_file():
        raise MissingStoreError(f"no store at {path}")
    return SQLiteStore(path)
