"""What the SQL stores share: every query of the Store contract, written once with `?` parameters."""
from __future__ import annotations

import threading
from abc import abstractmethod
from collections import defaultdict
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, ClassVar, Iterator, Protocol, Sequence, Union

from newsloom.model import (
    DONE_STAGES, Annotated, Article, InputStatus, Report, ReportStage, ReportState, SpeakerFix, Story,
)
from newsloom.store import rows
from newsloom.store.base import FOLLOW_KINDS, Follow, FollowKind, Store, StoreError
from newsloom.store.migrations import CURRENT_VERSION, VERSION_TABLE, Dialect, Migration, pending
from newsloom.store.rows import Child, Row, columns
from newsloom.store.watching import WatchQueries

FIX_COLUMNS = ("report_id", "start", "end", "quote", "speaker", "author", "created_at", "note", "previous")
FIX_KEY = ("report_id", "start", "end")
READ_BATCH = 500  # reports whose annotated articles are read in one go when all are read
Which = Union[str, Sequence[str], None]  # one report id, some, or (None) all


def _check_follow(kind: str, target: str) -> None:
    """Refuse a follow of an unknown kind or of nothing."""
    if kind not in FOLLOW_KINDS:
        raise StoreError(f"cannot follow a {kind!r}: follow a story or an entity")
    if not target.strip():
        raise StoreError(f"cannot follow a {kind} without its id or name")


class Connection(Protocol):
    """The part of a DB-API connection the queries use; parameters are written `?`."""

    def execute(self, query: str, params: Sequence[Any] = ..., /) -> Any:
        """Run one statement; return a cursor."""

    def executemany(self, query: str, params: Sequence[Sequence[Any]], /) -> Any:
        """Run one statement once per row of parameters."""


def marks(n: int) -> str:
    """`n` comma-separated parameter marks."""
    return ", ".join("?" * n)


def _where(column: str, which: Which) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause keeping rows whose `column` is one id or one of some ids; none for None (every row)."""
    if which is None:
        return "", ()
    if isinstance(which, str):
        return f"WHERE {column} = ?", (which,)
    return f"WHERE {column} IN ({marks(len(which))})", tuple(which)


def upsert(table: str, cols: Sequence[str], key: Sequence[str]) -> str:
    """An INSERT that replaces the non-key columns of the row with the same key."""
    updates = ", ".join(f'"{col}" = excluded."{col}"' for col in cols if col not in key)
    return (f"INSERT INTO {table} ({columns(cols)}) VALUES ({marks(len(cols))}) "
            f"ON CONFLICT ({columns(key)}) DO UPDATE SET {updates}")


class SQLStore(WatchQueries, Store):
    """A store on one SQL connection, shared between threads under a lock; backends fill in the dialect."""

    dialect: ClassVar[Dialect]
    BEGIN_WRITE: ClassVar[str] = "BEGIN"
    BEGIN_READ: ClassVar[str] = "BEGIN"
    integrity_errors: ClassVar[tuple[type[Exception], ...]] = ()
    database_errors: ClassVar[tuple[type[Exception], ...]] = ()
    state_part = 256 * 2**20  # bytes of kept state per row (both engines refuse values over about 1 GB)
    where: str
    _lock: threading.RLock

    # ---- what a backend provides ----

    @abstractmethod
    def _db(self) -> Connection:
        """The connection queries run on."""

    @abstractmethod
    def _in_transaction(self) -> bool:
        """Whether a transaction is open on the connection."""

    @abstractmethod
    def _close(self) -> None:
        """Close the connection."""

    def _prepare(self) -> None:
        """Set up the fresh connection before the schema is brought up to date."""

    def _serialize(self, c: Connection, table: str) -> None:
        """Make writers of `table` (numbering or replacing its rows) wait for one another until commit."""

    def _lock_report(self, c: Connection, report_id: str) -> None:
        """Make writers of one report's article and annotations wait for one another until commit."""

    def _lock_schema(self, c: Connection) -> None:
        """Make stores opening the same database migrate it one at a time."""

    # ---- plumbing ----

    def _start(self, migrations: Sequence[Migration]) -> None:
        """Bring the schema up to date, closing the connection if that fails."""
        try:
            self._prepare()
            self.schema_version = self._migrate(migrations)
        except self.database_errors as exc:
            self._close()
            raise StoreError(f"cannot open store {self.where}: {exc}") from exc
        except BaseException:
            self._close()
            raise

    @contextmanager
    def _tx(self, action: str | None = None) -> Iterator[Connection]:
        """One transaction under the lock; a write (`action` names it) takes the write lock at once."""
        with self._lock:
            c = self._db()
            c.execute(self.BEGIN_WRITE if action else self.BEGIN_READ)
            try:
                yield c
            except BaseException as exc:
                if self._in_transaction():
                    c.execute("ROLLBACK")
                if isinstance(exc, self.integrity_errors):
                    raise StoreError(f"cannot store {action}: {exc}") from exc
                raise
            c.execute("COMMIT")

    def _migrate(self, migrations: Sequence[Migration]) -> int:
        """Bring the schema up to date in one transaction; return its version."""
        with self._tx("schema migrations") as c:
            self._lock_schema(c)
            c.execute(VERSION_TABLE)
            current = c.execute(CURRENT_VERSION).fetchone()[0] or 0
            for m in pending(current, migrations):
                for statement in m.statements(self.dialect):
                    c.execute(statement)
                c.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
                )
            return len(migrations)

    @staticmethod
    def _insert(c: Connection, table: str, cols: Sequence[str], data: list[Row]) -> None:
        if data:
            c.executemany(f"INSERT INTO {table} ({columns(cols)}) VALUES ({marks(len(cols))})", data)

    @staticmethod
    def _grouped(c: Connection, child: Child, parent: Which = None) -> dict[Row, list[Row]]:
        """Rows of a child table grouped by parent key, in `idx` order; only `parent`'s (one or some) when given."""
        where, params = _where(f'"{child.keys[0]}"', parent)
        order = columns(child.keys + ("idx",))
        query = f"SELECT {columns(child.keys + child.cols)} FROM {child.table} {where} ORDER BY {order}"
        groups: dict[Row, list[Row]] = defaultdict(list)
        n = len(child.keys)
        for row in c.execute(query, params):
            groups[tuple(row[:n])].append(tuple(row[n:]))
        return groups

    # ---- reports and inputs ----

    def add_report(self, report: Report) -> bool:
        row = rows.report_row(report)
        with self._tx(f"report {report.id}") as c:
            self._serialize(c, "reports")
            cur = c.execute(
                f"INSERT INTO reports (seq, {columns(rows.REPORT)}) "
                f"VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM reports), {marks(len(row))}) "
                "ON CONFLICT (content_hash) DO NOTHING",
                row,
            )
            return cur.rowcount == 1

    def has_report(self, content_hash: str) -> bool:
        with self._tx() as c:
            found = c.execute("SELECT 1 FROM reports WHERE content_hash = ?", (content_hash,)).fetchone()
        return found is not None

    def get_report(self, report_id: str) -> Report | None:
        found = self._reports("WHERE id = ?", (report_id,))
        return found[0] if found else None

    def reports(self) -> list[Report]:
        return self._reports()

    def _reports(self, where: str = "", params: Row = ()) -> list[Report]:
        with self._tx() as c:
            query = f"SELECT {columns(rows.REPORT)} FROM reports {where} ORDER BY seq"
            return [rows.report_from(r) for r in c.execute(query, params).fetchall()]

    def record_input(self, status: InputStatus) -> None:
        with self._tx(f"input status of {status.source}") as c:
            self._record_input(c, status)

    def _record_input(self, c: Connection, status: InputStatus) -> None:
        self._serialize(c, "inputs")
        c.execute(
            "INSERT INTO inputs (seq, source, status, reason) "
            "VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM inputs), ?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET status = excluded.status, reason = excluded.reason",
            (status.source, status.status, status.reason),
        )

    def input_status(self, source: str) -> InputStatus | None:
        with self._tx() as c:
            row = c.execute("SELECT source, status, reason FROM inputs WHERE source = ?", (source,)).fetchone()
        return InputStatus(*row) if row else None

    def report_state(self, report_id: str) -> ReportState | None:
        with self._tx() as c:
            row = c.execute("SELECT id, source, state, reason FROM reports WHERE id = ?", (report_id,)).fetchone()
        return ReportState(*row) if row else None

    def pending_reports(self, retry: tuple[ReportStage, ...] = ()) -> list[str]:
        done = [s for s in DONE_STAGES if s not in retry]
        where = f"WHERE state NOT IN ({marks(len(done))})" if done else ""
        with self._tx() as c:
            return [r[0] for r in c.execute(f"SELECT id FROM reports {where} ORDER BY seq", done).fetchall()]

    def finish_report(
        self, report_id: str, state: ReportStage, status: InputStatus, annotated: Annotated | None = None
    ) -> None:
        spans = rows.annotation_rows(annotated) if annotated is not None else []
        with self._tx(f"result of report {report_id}") as c:
            if annotated is not None:
                self._write_annotated(c, annotated, spans)
            c.execute("UPDATE reports SET state = ?, reason = ? WHERE id = ?", (state, status.reason, report_id))
            self._record_input(c, status)

    def inputs(self) -> list[InputStatus]:
        with self._tx() as c:
            found = c.execute("SELECT source, status, reason FROM inputs ORDER BY seq").fetchall()
        return [InputStatus(*r) for r in found]

    # ---- articles and annotations ----

    def put_article(self, article: Article) -> None:
        with self._tx(f"article of report {article.report_id}") as c:
            self._write_article(c, article)
            c.execute(
                "UPDATE reports SET state = CASE WHEN EXISTS (SELECT 1 FROM annotations WHERE report_id = ?) "
                "THEN 'annotated' ELSE 'extracted' END, reason = '' WHERE id = ?",
                (article.report_id, article.report_id),
            )

    def _write_article(self, c: Connection, article: Article) -> None:
        """Upsert an article; drop its annotations when its text changed (their offsets are stale)."""
        rid = article.report_id
        self._lock_report(c, rid)
        old = c.execute("SELECT text FROM articles WHERE report_id = ?", (rid,)).fetchone()
        if old is not None and old[0] != article.text:
            c.execute("DELETE FROM annotations WHERE report_id = ?", (rid,))
        c.execute(upsert("articles", rows.ARTICLE, ("report_id",)), rows.values(article, rows.ARTICLE))
        c.execute("DELETE FROM segments WHERE report_id = ?", (rid,))
        self._insert(c, rows.SEGMENTS.table, rows.SEGMENTS.all_columns, rows.segment_rows(article))

    def get_article(self, report_id: str) -> Article | None:
        with self._tx() as c:
            found = self._articles(c, report_id)
        return found[0] if found else None

    def articles(self) -> list[Article]:
        with self._tx() as c:
            return self._articles(c)

    def _articles(self, c: Connection, report_id: Which = None, annotated: bool = False) -> list[Article]:
        """Articles in report order: all, or one or some reports'; only annotated ones when asked."""
        join = "JOIN annotations n ON n.report_id = a.report_id" if annotated else ""
        where, params = _where("a.report_id", report_id)
        query = (f"SELECT {columns(rows.ARTICLE, 'a')} FROM articles a JOIN reports r ON r.id = a.report_id "
                 f"{join} {where} ORDER BY r.seq")
        found = c.execute(query, params).fetchall()
        segments = self._grouped(c, rows.SEGMENTS, report_id)
        return [rows.article_from(r, segments.get((r[0],), [])) for r in found]

    def put_annotated(self, ann: Annotated) -> None:
        spans = rows.annotation_rows(ann)
        with self._tx(f"annotations of report {ann.report_id}") as c:
            self._write_annotated(c, ann, spans)

    def _write_annotated(self, c: Connection, ann: Annotated, spans: list) -> None:
        """Write an article and its span rows in place of any earlier annotations."""
        self._write_article(c, ann.article)
        c.execute("DELETE FROM annotations WHERE report_id = ?", (ann.report_id,))
        c.execute("INSERT INTO annotations (report_id) VALUES (?)", (ann.report_id,))
        c.execute("UPDATE reports SET state = 'annotated', reason = '' WHERE id = ?", (ann.report_id,))
        for child, data in spans:
            self._insert(c, child.table, child.all_columns, data)

    def put_claim_vectors(self, report_id: str, vectors: Sequence[bytes | None]) -> None:
        data = [(blob, report_id, idx) for idx, blob in enumerate(vectors) if blob is not None]
        with self._tx(f"claim embeddings of report {report_id}") as c:
            c.executemany("UPDATE claims SET vectors = ? WHERE report_id = ? AND idx = ?", data)

    def get_annotated(self, report_id: str) -> Annotated | None:
        found = self._annotated(report_id)
        return found[0] if found else None

    def annotated(self) -> list[Annotated]:
        """Every annotated article in report order, read some hundreds at a time (the raw rows never all at once)."""
        ids = self.annotated_ids()
        return [ann for at in range(0, len(ids), READ_BATCH) for ann in self._annotated(ids[at : at + READ_BATCH])]

    def iter_annotated(self) -> Iterator[Annotated]:
        """Every annotated article in report order, read some hundreds at a time and handed on batch by batch."""
        ids = self.annotated_ids()
        for at in range(0, len(ids), READ_BATCH):
            yield from self._annotated(ids[at : at + READ_BATCH])

    def _annotated(self, report_id: Which = None) -> list[Annotated]:
        with self._tx() as c:
            articles = self._articles(c, report_id, annotated=True)
            spans = {child: self._grouped(c, child, report_id) for child in rows.SPANS}
            claim_dates = rows.nest(self._grouped(c, rows.CLAIM_DATES, report_id))
        out = []
        for article in articles:
            key = (article.report_id,)
            by_table = {child: found.get(key, []) for child, found in spans.items()}
            out.append(rows.annotated_from(article, by_table, claim_dates.get(article.report_id, {})))
        return out

    def annotated_ids(self) -> list[str]:
        with self._tx() as c:
            query = "SELECT n.report_id FROM annotations n JOIN reports r ON r.id = n.report_id ORDER BY r.seq"
            return [row[0] for row in c.execute(query).fetchall()]

    # ---- kept state ----

    def put_state(self, name: str, value: bytes) -> None:
        size = self.state_part
        parts = [(name, i, value[at : at + size]) for i, at in enumerate(range(0, max(1, len(value)), size))]
        try:
            with self._tx(f"state {name}") as c:
                self._serialize(c, "state")
                c.execute("DELETE FROM state WHERE name = ?", (name,))
                c.executemany("INSERT INTO state (name, part, value) VALUES (?, ?, ?)", parts)
        except self.database_errors as exc:
            raise StoreError(f"cannot keep state {name}: {exc}") from exc

    def get_state(self, name: str) -> bytes | None:
        with self._tx() as c:
            parts = c.execute("SELECT value FROM state WHERE name = ? ORDER BY part", (name,)).fetchall()
        return b"".join(bytes(p[0]) for p in parts) if parts else None

    # ---- stories ----

    def put_stories(self, stories: list[Story]) -> None:
        children = rows.story_rows(stories)
        with self._tx("stories") as c:
            self._serialize(c, "stories")
            c.execute("DELETE FROM stories")
            self._insert(c, "stories", ("id", "seq"), [(s.id, i) for i, s in enumerate(stories)])
            for child, data in children:
                self._insert(c, child.table, child.all_columns, data)

    def stories(self) -> list[Story]:
        with self._tx() as c:
            ids = [r[0] for r in c.execute("SELECT id FROM stories ORDER BY seq").fetchall()]
            members = self._grouped(c, rows.MEMBERS)
            edges = self._grouped(c, rows.EDGES)
            evidence = rows.nest(self._grouped(c, rows.EDGE_EVIDENCE))
        return [
            rows.story_from(s, members.get((s,), []), edges.get((s,), []), evidence.get(s, {})) for s in ids
        ]

    def story_of(self, report_id: str) -> str | None:
        with self._tx() as c:
            row = c.execute("SELECT story_id FROM story_reports WHERE report_id = ?", (report_id,)).fetchone()
        return row[0] if row else None

    # ---- speaker fixes ----

    def put_speaker_fix(self, fix: SpeakerFix) -> None:
        row = (fix.report_id, fix.start, fix.end, fix.quote, fix.speaker, fix.by, fix.at, fix.note, fix.previous)
        with self._tx(f"speaker fix of report {fix.report_id}") as c:
            c.execute(upsert("speaker_fixes", FIX_COLUMNS, FIX_KEY), row)

    def speaker_fixes(self, report_ids: Sequence[str] | None = None) -> list[SpeakerFix]:
        where, params = "", ()
        if report_ids is not None:
            if not report_ids:
                return []
            where, params = f"WHERE report_id IN ({marks(len(report_ids))})", tuple(report_ids)
        query = (f"SELECT {columns(FIX_COLUMNS)} FROM speaker_fixes {where} "
                 'ORDER BY created_at, report_id, "start"')
        with self._tx() as c:
            return [SpeakerFix(*row) for row in c.execute(query, params).fetchall()]

    def delete_speaker_fix(self, report_id: str, start: int, end: int) -> bool:
        with self._tx(f"speaker fix of report {report_id}") as c:
            cur = c.execute('DELETE FROM speaker_fixes WHERE report_id = ? AND "start" = ? AND "end" = ?',
                            (report_id, start, end))
            return cur.rowcount > 0

    # ---- follows ----

    def follow(self, kind: FollowKind, target: str) -> bool:
        _check_follow(kind, target)
        with self._tx(f"follow of {kind} {target}") as c:
            cur = c.execute("INSERT INTO follows (kind, target, created_at) VALUES (?, ?, ?) "
                            "ON CONFLICT (kind, target) DO NOTHING",
                            (kind, target, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            return cur.rowcount == 1

    def unfollow(self, kind: FollowKind, target: str) -> bool:
        _check_follow(kind, target)
        with self._tx(f"unfollow of {kind} {target}") as c:
            return c.execute("DELETE FROM follows WHERE kind = ? AND target = ?", (kind, target)).rowcount > 0

    def follows(self, kind: FollowKind | None = None) -> list[Follow]:
        where, params = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        with self._tx() as c:
            found = c.execute(f"SELECT kind, target, created_at FROM follows {where} ORDER BY created_at, kind, target",
                              params).fetchall()
        return [Follow(*row) for row in found]

    def close(self) -> None:
        with self._lock:
            self._close()
