"""The team store: one PostgreSQL database that several writers (processes or machines) share safely."""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any, Sequence

import psycopg
from psycopg.pq import TransactionStatus

from newsloom.model import DONE_STAGES, Annotated, InputStatus, ReportStage
from newsloom.store import pg_fts
from newsloom.store.base import SEARCH_KINDS, SearchHit, SearchKind, StoreError
from newsloom.store.migrations import MIGRATIONS, Migration
from newsloom.store.sql import Connection, SQLStore

SCHEMA_LOCK = 0x6E65_7773  # advisory lock id held while a store migrates the schema
CLAIM_LOCKS = 0x6E6C  # advisory lock class whose keys are report seqs: the reports a session is processing
CONNECT_TIMEOUT_S = 10


def hide_password(url: str) -> str:
    """The URL with any password replaced by `***`, fit for messages."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def libpq_url(url: str) -> str:
    """The URL libpq understands: `postgresql+psycopg://` and the like become `postgresql://`."""
    scheme, rest = url.split("://", 1)
    return f"postgresql://{rest}" if scheme.split("+", 1)[0] in ("postgres", "postgresql") else url


class _Queries:
    """A psycopg connection that takes `?` parameter marks, like the SQLite one."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def execute(self, query: str, params: Sequence[Any] | None = None) -> psycopg.Cursor:
        """Run one statement; without parameters the text is sent as it is."""
        if params is None:
            return self.conn.execute(query)
        return self.conn.execute(query.replace("?", "%s"), params)

    def executemany(self, query: str, params: Sequence[Sequence[Any]]) -> None:
        """Run one statement per row of parameters, pipelined."""
        with self.conn.cursor() as cur:
            cur.executemany(query.replace("?", "%s"), params)


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database, opened from a `postgresql://user@host:port/db` URL."""

    dialect = "postgresql"
    BEGIN_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    integrity_errors = (psycopg.IntegrityError, psycopg.DataError)
    database_errors = (psycopg.Error,)

    def __init__(self, url: str, *, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self.url = url
        self.where = hide_password(url)
        self._lock = threading.RLock()
        try:
            self._conn = psycopg.connect(libpq_url(url), autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.where}: {exc}") from exc
        self._queries = _Queries(self._conn)
        self._claims: dict[str, int] = {}  # report id -> seq, for the reports this session holds
        self._start(migrations)

    def _db(self) -> Connection:
        return self._queries

    def _in_transaction(self) -> bool:
        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def _close(self) -> None:
        self._conn.close()

    def _serialize(self, c: Connection, table: str) -> None:
        c.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")

    def _lock_report(self, c: Connection, report_id: str) -> None:
        c.execute("SELECT 1 FROM reports WHERE id = ? FOR UPDATE", (report_id,))

    def _lock_schema(self, c: Connection) -> None:
        c.execute(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")

    def search(
        self, query: str, kinds: Sequence[SearchKind] = SEARCH_KINDS, limit: int = 20, offset: int = 0
    ) -> list[SearchHit]:
        with self._tx() as c:
            return pg_fts.search(c, query, kinds, limit, offset)

    def claim_reports(self, report_ids: Iterable[str], retry: tuple[ReportStage, ...] = ()) -> Iterator[str]:
        """Claim each report with a session advisory lock, then check it is still pending (another run may have
        finished it between our reading the list and the lock); a killed run's claims end with its connection."""
        ended = tuple(s for s in DONE_STAGES if s not in retry)
        for report_id in report_ids:
            with self._lock:
                row = self._queries.execute("SELECT seq FROM reports WHERE id = ?", (report_id,)).fetchone()
                if row is None or report_id in self._claims:
                    continue
                lock = "SELECT pg_try_advisory_lock(?::int4, ?::int4)"
                got = self._queries.execute(lock, (CLAIM_LOCKS, row[0])).fetchone()
                if not got[0]:
                    continue
                state = self._queries.execute("SELECT state FROM reports WHERE id = ?", (report_id,)).fetchone()
                if state is None or state[0] in ended:
                    self._unlock(row[0])
                    continue
                self._claims[report_id] = row[0]
            yield report_id

    def finish_report(
        self, report_id: str, state: ReportStage, status: InputStatus, annotated: Annotated | None = None
    ) -> None:
        """Store the report's result, then end this session's claim on it."""
        super().finish_report(report_id, state, status, annotated)
        with self._lock:
            seq = self._claims.pop(report_id, None)
            if seq is not None:
                self._unlock(seq)

    def _unlock(self, seq: int) -> None:
        self._queries.execute("SELECT pg_advisory_unlock(?::int4, ?::int4)", (CLAIM_LOCKS, seq))
