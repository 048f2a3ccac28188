"""The store's queries for watching sources: per-URL poll state, fetched item URLs and story update events."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from newsloom.model import FeedState, StoryUpdate
from newsloom.store.rows import columns

FEED_COLUMNS = ("url", "etag", "last_modified", "polled_at", "status", "reason")
UPDATE_COLUMNS = ("seq", "story_id", "kind", "text", "reports", "at")


def update_key(update: StoryUpdate) -> str:
    """What makes an update the same one when it is recorded again: its story, kind, words and reports."""
    parts = json.dumps([update.story_id, update.kind, update.text, sorted(update.reports)], ensure_ascii=False)
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()


class WatchQueries:
    """Mixed into the SQL store: keeps what `newsloom watch` needs to survive restarts, and the update events."""

    _tx: Callable[..., AbstractContextManager[Any]]  # the SQL store's transaction
    _serialize: Callable[[Any, str], None]  # the SQL store's writer lock on a table

    # ---- watched URLs ----

    def put_feed_state(self, state: FeedState) -> None:
        """Keep the last poll of one watched URL, replacing the one before."""
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in FEED_COLUMNS[1:])
        with self._tx(f"poll state of {state.url}") as c:
            c.execute(f"INSERT INTO watch_feeds ({columns(FEED_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?) "
                      f"ON CONFLICT (url) DO UPDATE SET {updates}",
                      (state.url, state.etag, state.last_modified, state.polled_at, state.status, state.reason))

    def feed_state(self, url: str) -> FeedState | None:
        """The last poll of one watched URL, or None when it was never polled."""
        with self._tx() as c:
            row = c.execute(f"SELECT {columns(FEED_COLUMNS)} FROM watch_feeds WHERE url = ?", (url,)).fetchone()
        return FeedState(*row) if row else None

    def mark_seen(self, url: str, feed: str, report_id: str | None, at: str) -> None:
        """Remember that an item URL was fetched to the end (its report, if it gave one), so no poll fetches it again."""
        with self._tx(f"seen item {url}") as c:
            c.execute("INSERT INTO watch_seen (url, feed, report_id, seen_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (url) DO NOTHING", (url, feed, report_id, at))

    def seen(self, urls: Sequence[str]) -> set[str]:
        """Those of `urls` already fetched by an earlier poll."""
        found: set[str] = set()
        with self._tx() as c:
            for at in range(0, len(urls), 500):
                part = list(urls[at : at + 500])
                query = f"SELECT url FROM watch_seen WHERE url IN ({', '.join('?' * len(part))})"
                found.update(r[0] for r in c.execute(query, part).fetchall())
        return found

    # ---- story update events ----

    def add_updates(self, updates: Sequence[StoryUpdate]) -> list[StoryUpdate]:
        """Store update events in order; returns those that were new (one recorded before is not added twice)."""
        added = []
        with self._tx("story updates") as c:
            self._serialize(c, "story_updates")
            for u in updates:
                seq = c.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM story_updates").fetchone()[0]
                cur = c.execute(
                    "INSERT INTO story_updates (seq, story_id, kind, text, reports, at, key) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                    (seq, u.story_id, u.kind, u.text, json.dumps(u.reports), u.at, update_key(u)),
                )
                if cur.rowcount == 1:
                    added.append(StoryUpdate(u.story_id, u.kind, u.text, list(u.reports), u.at, seq))
        return added

    def move_updates(self, old_id: str, new_id: str) -> int:
        """File a story's update events under its new id (a story's id changes when an earlier report joins it)."""
        with self._tx(f"updates of story {old_id}") as c:
            return c.execute("UPDATE story_updates SET story_id = ? WHERE story_id = ?", (new_id, old_id)).rowcount

    def updates(self, story_id: str | None = None, since: str | None = None, limit: int | None = None) -> list[StoryUpdate]:
        """Recorded update events, newest first: all, or one story's; only those at or after `since` (ISO) when given."""
        where, params = [], []
        if story_id is not None:
            where.append("story_id = ?")
            params.append(story_id)
        if since is not None:
            where.append("at >= ?")
            params.append(since)
        query = (f"SELECT {columns(UPDATE_COLUMNS)} FROM story_updates "
                 f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY seq DESC")
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        with self._tx() as c:
            return list(_updates(c.execute(query, params).fetchall()))


def _updates(found: list[tuple]) -> Iterator[StoryUpdate]:
    """Update events from their rows."""
    for seq, story_id, kind, text, reports, at in found:
        yield StoryUpdate(story_id, kind, text, json.loads(reports), at, seq)
