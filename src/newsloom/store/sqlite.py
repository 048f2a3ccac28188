"""The embedded store: one SQLite file (WAL journal, foreign keys on), safe to share between threads."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Sequence

from newsloom.store import fts
from newsloom.store.base import SEARCH_KINDS, SearchHit, SearchKind
from newsloom.store.migrations import MIGRATIONS, Migration
from newsloom.store.sql import SQLStore

MEMORY = ":memory:"


class SQLiteStore(SQLStore):
    """A store in one SQLite database file, or in memory for `":memory:"`."""

    dialect = "sqlite"
    BEGIN_WRITE = "BEGIN IMMEDIATE"
    integrity_errors = (sqlite3.IntegrityError,)
    database_errors = (sqlite3.DatabaseError,)

    def __init__(self, path: str | Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self.path = str(path) if str(path) == MEMORY else str(Path(path).expanduser())
        self.where = self.path
        if self.path != MEMORY:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self._start(migrations)

    def _prepare(self) -> None:
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
            self._conn.execute(f"PRAGMA {pragma}")

    def _db(self) -> sqlite3.Connection:
        return self._conn

    def _in_transaction(self) -> bool:
        return self._conn.in_transaction

    def _close(self) -> None:
        self._conn.close()

    def search(
        self, query: str, kinds: Sequence[SearchKind] = SEARCH_KINDS, limit: int = 20, offset: int = 0
    ) -> list[SearchHit]:
        with self._tx() as c:
            return fts.search(c, query, kinds, limit, offset)
