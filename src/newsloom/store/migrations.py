"""Schema versions: the ordered migrations every backend applies when it opens a database.

Migrations are written in portable SQL (SQLite and PostgreSQL both run them). The only
dialect-specific word is the type of raw bytes, written `{bytes}`; a migration marked `only` for one
dialect (such as SQLite's full-text index) is recorded by the others without running. Statements are
separated by `;` (a trigger's body keeps its own). The applied versions are rows of `schema_version`.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal, Sequence

from newsloom.store.base import SchemaVersionError, StoreError

Dialect = Literal["sqlite", "postgresql"]

BYTES_TYPE: dict[Dialect, str] = {"sqlite": "BLOB", "postgresql": "BYTEA"}

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

CURRENT_VERSION = "SELECT MAX(version) FROM schema_version"


@dataclass(frozen=True)
class Migration:
    """One step of the schema: its version number, a short name and its SQL script."""

    version: int
    name: str
    sql: str
    only: Dialect | None = None

    def statements(self, dialect: Dialect) -> list[str]:
        """The script's statements, with dialect types filled in; none for a dialect it is not written for."""
        if self.only is not None and self.only != dialect:
            return []
        script = self.sql.replace("{bytes}", BYTES_TYPE[dialect])
        found, pending_text = [], ""
        for part in script.split(";"):
            pending_text += part + ";"
            if sqlite3.complete_statement(pending_text):
                found.append(pending_text.strip().removesuffix(";").strip())
                pending_text = ""
        return [s for s in found + [pending_text.strip().removesuffix(";").strip()] if s]


INITIAL = Migration(1, "initial schema", """
CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    media_type TEXT NOT NULL,
    url TEXT,
    hints TEXT NOT NULL,
    arrival INTEGER NOT NULL,
    raw {bytes} NOT NULL
);
CREATE UNIQUE INDEX reports_content_hash ON reports (content_hash);

CREATE TABLE inputs (
    source TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'failed')),
    reason TEXT NOT NULL
);

CREATE TABLE articles (
    report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT,
    author TEXT,
    published TEXT,
    outlet TEXT,
    url TEXT,
    lang TEXT
);

CREATE TABLE segments (
    report_id TEXT NOT NULL REFERENCES articles (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    clean_start INTEGER NOT NULL,
    source_start INTEGER NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (report_id, idx)
);

CREATE TABLE annotations (
    report_id TEXT PRIMARY KEY REFERENCES articles (report_id) ON DELETE CASCADE
);

CREATE TABLE sentences (
    report_id TEXT NOT NULL REFERENCES annotations (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (report_id, idx)
);

CREATE TABLE mentions (
    report_id TEXT NOT NULL REFERENCES annotations (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    canonical TEXT NOT NULL,
    PRIMARY KEY (report_id, idx)
);

CREATE TABLE date_mentions (
    report_id TEXT NOT NULL REFERENCES annotations (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (report_id, idx)
);

CREATE TABLE quotes (
    report_id TEXT NOT NULL REFERENCES annotations (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect')),
    cue TEXT NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    PRIMARY KEY (report_id, idx)
);

CREATE TABLE claims (
    report_id TEXT NOT NULL REFERENCES annotations (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    entities TEXT NOT NULL,
    numbers TEXT NOT NULL,
    PRIMARY KEY (report_id, idx)
);

CREATE TABLE claim_dates (
    report_id TEXT NOT NULL,
    claim_idx INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (report_id, claim_idx, idx),
    FOREIGN KEY (report_id, claim_idx) REFERENCES claims (report_id, idx) ON DELETE CASCADE
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
);

CREATE TABLE story_reports (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, idx)
);
CREATE UNIQUE INDEX story_reports_report_id ON story_reports (report_id);

CREATE TABLE copy_edges (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    copy_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('copy', 'rewrite')),
    similarity DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (story_id, idx)
);

CREATE TABLE edge_evidence (
    story_id TEXT NOT NULL,
    edge_idx INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (story_id, edge_idx, idx),
    FOREIGN KEY (story_id, edge_idx) REFERENCES copy_edges (story_id, idx) ON DELETE CASCADE
)
""")

CLAIM_VIEWS = Migration(2, "claim facets and embeddings", """
ALTER TABLE claims ADD COLUMN facets TEXT NOT NULL DEFAULT '[]';
ALTER TABLE claims ADD COLUMN vectors {bytes}
""")

STATE = Migration(3, "kept state of the stories stage", """
CREATE TABLE state (
    name TEXT NOT NULL,
    part INTEGER NOT NULL,
    value {bytes} NOT NULL,
    PRIMARY KEY (name, part)
)
""")

REPORT_STATES = Migration(4, "explicit state of each report", """
ALTER TABLE reports ADD COLUMN state TEXT NOT NULL DEFAULT 'stored';
ALTER TABLE reports ADD COLUMN reason TEXT NOT NULL DEFAULT '';
UPDATE reports SET state = 'extracted' WHERE id IN (SELECT report_id FROM articles);
UPDATE reports SET state = 'annotated' WHERE id IN (SELECT report_id FROM annotations);
CREATE INDEX reports_state ON reports (state, seq)
""")

QUOTE_BASIS = Migration(5, "how each quote's speaker was found", """
ALTER TABLE quotes ADD COLUMN basis TEXT;
ALTER TABLE quotes ADD COLUMN confidence DOUBLE PRECISION
""")

SOURCE_CITES = Migration(6, "upstream sources each sentence cites", """
CREATE TABLE source_cites (
    report_id TEXT NOT NULL REFERENCES annotations (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    cue TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    PRIMARY KEY (report_id, idx)
)
""")

CORRECTIONS = Migration(7, "correction and update notices of each report", """
CREATE TABLE corrections (
    report_id TEXT NOT NULL REFERENCES annotations (report_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    date_text TEXT NOT NULL,
    date TEXT,
    PRIMARY KEY (report_id, idx)
)
""")

SPEAKER_ROLES = Migration(8, "the title or role written with each quote's speaker", """
ALTER TABLE quotes ADD COLUMN speaker_role TEXT
""")

SPEAKER_FIXES = Migration(9, "speakers of quotes fixed by hand", """
CREATE TABLE speaker_fixes (
    report_id TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    speaker TEXT,
    previous TEXT,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (report_id, "start", "end")
)
""")

SPAN_ROWS = 1048576  # a quote's or claim's row in its index is its report's seq times this, plus its idx
SPAN_ROWID = f"{{seq}} * {SPAN_ROWS} + {{idx}}"
SEARCH_TRIGGERS = """
CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_search (rowid, {cols})
    SELECT {rowid_new}, {new_cols} FROM reports WHERE id = new.report_id;
END;
CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN
    DELETE FROM {table}_search WHERE rowid = {rowid_old};
END;
CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table} BEGIN
    DELETE FROM {table}_search WHERE rowid = {rowid_old};
    INSERT INTO {table}_search (rowid, {cols})
    SELECT {rowid_new}, {new_cols} FROM reports WHERE id = new.report_id;
END;
INSERT INTO {table}_search (rowid, {cols})
SELECT {rowid_all}, {all_cols} FROM {table} t JOIN reports r ON r.id = t.report_id
"""


def _search_index(table: str, cols: tuple[str, ...], span: bool) -> str:
    """An FTS5 index of `table`'s text columns, filled now and kept in step by triggers."""
    seq_of_old = "(SELECT seq FROM reports WHERE id = old.report_id)"
    rowid = (lambda seq, row: SPAN_ROWID.format(seq=seq, idx=f"{row}.idx")) if span else (lambda seq, row: seq)
    create = (f"CREATE VIRTUAL TABLE {table}_search USING fts5({', '.join(cols)}, "
              "tokenize = 'porter unicode61 remove_diacritics 2');")
    return create + SEARCH_TRIGGERS.format(
        table=table, cols=", ".join(cols), new_cols=", ".join(f"new.{c}" for c in cols),
        all_cols=", ".join(f"t.{c}" for c in cols), rowid_new=rowid("seq", "new"),
        rowid_old=rowid(seq_of_old, "old"), rowid_all=rowid("r.seq", "t"),
    )


FULL_TEXT = Migration(10, "full-text search of reports, quotes and claims", ";\n".join((
    _search_index("articles", ("title", "text"), span=False),
    _search_index("quotes", ("text", "speaker"), span=True),
    _search_index("claims", ("text",), span=True),
    f"""CREATE TRIGGER reports_search_delete BEFORE DELETE ON reports BEGIN
    DELETE FROM articles_search WHERE rowid = old.seq;
    DELETE FROM quotes_search WHERE rowid BETWEEN old.seq * {SPAN_ROWS} AND old.seq * {SPAN_ROWS} + {SPAN_ROWS - 1};
    DELETE FROM claims_search WHERE rowid BETWEEN old.seq * {SPAN_ROWS} AND old.seq * {SPAN_ROWS} + {SPAN_ROWS - 1};
END""",
)), only="sqlite")

WATCH = Migration(11, "watched feeds, fetched item URLs and story update events", """
CREATE TABLE watch_feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    polled_at TEXT,
    status INTEGER,
    reason TEXT NOT NULL
);

CREATE TABLE watch_seen (
    url TEXT PRIMARY KEY,
    feed TEXT NOT NULL,
    report_id TEXT,
    seen_at TEXT NOT NULL
);

CREATE TABLE story_updates (
    seq INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    reports TEXT NOT NULL,
    at TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE
);
CREATE INDEX story_updates_story ON story_updates (story_id, seq)
""")

FOLLOWS = Migration(12, "stories and entities a person follows", """
CREATE TABLE follows (
    kind TEXT NOT NULL CHECK (kind IN ('story', 'entity')),
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, target)
)
""")

QUOTE_DOUBTS = Migration(14, "why a quote's speaker is doubted or nobody is named", """
ALTER TABLE quotes ADD COLUMN doubt TEXT
""")

QUOTE_PARTS = Migration(15, "quotations found in a report's headline", """
ALTER TABLE quotes ADD COLUMN part TEXT
""")

PG_SEARCH_CONFIG = "newsloom_search"  # English stemming without a stop-word list, like SQLite's porter tokenizer
PG_SEARCH_TEXT = {  # the text each PostgreSQL search index covers; {t} is the table's alias in a query
    "articles": "COALESCE({t}title, '') || ' ' || {t}text",
    "quotes": "{t}text || ' ' || COALESCE({t}speaker, '')",
    "claims": "{t}text",
}
PG_FULL_TEXT = Migration(13, "PostgreSQL full-text search of reports, quotes and claims", ";\n".join((
    f"CREATE TEXT SEARCH DICTIONARY {PG_SEARCH_CONFIG}_stem (TEMPLATE = snowball, Language = english)",
    f"CREATE TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG} (COPY = english)",
    f"ALTER TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG} ALTER MAPPING FOR asciiword, asciihword, "
    f"hword_asciipart, word, hword, hword_part WITH {PG_SEARCH_CONFIG}_stem",
    *(f"CREATE INDEX {table}_search ON {table} USING GIN "
      f"((to_tsvector('{PG_SEARCH_CONFIG}', {text.format(t='')})))" for table, text in PG_SEARCH_TEXT.items()),
)), only="postgresql")

MIGRATIONS: tuple[Migration, ...] = (
    INITIAL, CLAIM_VIEWS, STATE, REPORT_STATES, QUOTE_BASIS, SOURCE_CITES, CORRECTIONS, SPEAKER_ROLES,
    SPEAKER_FIXES, FULL_TEXT, WATCH, FOLLOWS, PG_FULL_TEXT, QUOTE_DOUBTS, QUOTE_PARTS,
)


def pending(current: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """The migrations to apply to a database at version `current` (0 when new), in order."""
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations must be numbered 1..N in order, got {versions}")
    if current > len(migrations):
        raise SchemaVersionError(
            f"database schema version {current} is newer than this newsloom knows "
            f"(up to {len(migrations)}); upgrade newsloom to open it"
        )
    return list(migrations[current:])
