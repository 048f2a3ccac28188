"""The store keeps every stage of a run; SQLite by default, PostgreSQL (planned) for teams."""
from __future__ import annotations

from newsloom.store.base import SchemaVersionError, Store, StoreError
from newsloom.store.sqlite import SQLiteStore

__all__ = ["SchemaVersionError", "SQLiteStore", "Store", "StoreError", "open_store"]

POSTGRES_SCHEMES = ("postgres", "postgresql")


def open_store(url: str) -> Store:
    """Open a store from a path, `sqlite:///relative.db`, `sqlite:////absolute.db` or `sqlite://` (memory)."""
    if "://" not in url:
        return SQLiteStore(url)
    scheme, rest = url.split("://", 1)
    if scheme == "sqlite":
        if rest in ("", "/", "/:memory:"):
            return SQLiteStore(":memory:")
        if not rest.startswith("/"):
            raise StoreError(f"bad SQLite URL {url!r}: write sqlite:///relative.db or sqlite:////absolute.db")
        return SQLiteStore(rest[1:])
    if scheme.split("+", 1)[0] in POSTGRES_SCHEMES:
        raise StoreError(
            f"cannot open {url!r}: the PostgreSQL store is not available yet; "
            "use a SQLite file path or sqlite:///path instead"
        )
    raise StoreError(f"cannot open {url!r}: unknown store scheme {scheme!r} (use a path or sqlite:///path)")
