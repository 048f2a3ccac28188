"""One poll round of `newsloom watch`: fetch what is new from each source, keep it as WARC, store it as reports."""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import feedparser

from newsloom.ingest.feeds import entry_body, entry_hints
from newsloom.ingest.reader import read_document
from newsloom.ingest.sniff import sniff
from newsloom.model import FeedState, InputStatus, Report, StoryUpdate, content_hash
from newsloom.pipeline import Pipeline
from newsloom.store import Store, StoreError
from newsloom.watch.events import utc_now
from newsloom.watch.fetch import Fetched, Fetcher
from newsloom.watch.robots import Robots
from newsloom.watch.sources import Source
from newsloom.watch.warcstore import WarcStore


@dataclass
class RoundSummary:
    """What one poll round did: answers per kind, reports added, rows that were not ok, and the updates found."""

    started: str
    seconds: float = 0.0
    sources: int = 0
    conditional: int = 0  # source GETs sent with If-None-Match or If-Modified-Since
    not_modified: int = 0  # sources that answered 304
    fetched: int = 0  # pages and feeds fetched whole and kept as WARC records
    new_reports: int = 0
    requests: int = 0  # HTTP requests sent, robots.txt and retries included
    problems: list[InputStatus] = field(default_factory=list)  # skipped and failed rows of this round
    updates: list[StoryUpdate] = field(default_factory=list)


class Watcher:
    """Polls a list of sources into a store: each new item is fetched once, kept as WARC and stored as a report."""

    def __init__(self, store: Store, sources: Sequence[Source], warcs: WarcStore, fetcher: Fetcher,
                 pipeline: Pipeline | None = None) -> None:
        self.store, self.sources, self.warcs, self.fetcher = store, list(sources), warcs, fetcher
        self.pipeline = pipeline or Pipeline(store)
        self.pipeline.track_updates = True

    def round(self, process: bool = True) -> RoundSummary:
        """Poll every source; with `process`, also extract, annotate, place in stories and record the updates."""
        summary = self.poll()
        if process:
            begun = time.monotonic()
            summary.updates = self.settle()
            summary.seconds += time.monotonic() - begun
        return summary

    def settle(self) -> list[StoryUpdate]:
        """Extract and annotate the stored reports not processed yet, place them in stories, record the updates."""
        self.pipeline.process_pending()
        self.pipeline.build_stories()
        return self.pipeline.updates

    def poll(self) -> RoundSummary:
        """Fetch what is new from every source and store it as reports (not processed yet)."""
        summary = RoundSummary(utc_now())
        begun, sent = time.monotonic(), self.fetcher.requests
        robots = Robots(self.fetcher)  # read again each round: sites change their rules
        for source in self.sources:
            summary.sources += 1
            try:
                self._poll_source(source, robots, summary)
            except StoreError:
                raise  # without its store the round cannot go on
            except Exception as exc:  # one odd source must not stop the others
                self._problem(summary, source.url, "failed", f"{type(exc).__name__}: {exc}")
        summary.requests = self.fetcher.requests - sent
        summary.seconds = time.monotonic() - begun
        return summary

    def _problem(self, summary: RoundSummary, url: str, status: str, reason: str) -> None:
        """Record a URL that gave no report, with the reason."""
        row = InputStatus(url, status, reason)  # type: ignore[arg-type]
        self.store.record_input(row)
        summary.problems.append(row)

    def _poll_source(self, source: Source, robots: Robots, summary: RoundSummary) -> None:
        """Poll one source with a conditional GET; a feed's new items are fetched, a changed page is stored."""
        old = self.store.feed_state(source.url) or FeedState(source.url)
        refused = robots.refusal(source.url)
        if refused:
            self._problem(summary, source.url, "skipped", refused)
            self.store.put_feed_state(dataclasses.replace(old, polled_at=utc_now(), status=None, reason=refused))
            return
        headers = {k: v for k, v in (("If-None-Match", old.etag), ("If-Modified-Since", old.last_modified)) if v}
        summary.conditional += bool(headers)
        fetched = self.fetcher.get(source.url, headers, gate=robots.refusal)
        state = dataclasses.replace(old, polled_at=utc_now(), status=fetched.status, reason=fetched.error)
        if fetched.status == 304:
            summary.not_modified += 1
        elif fetched.refused:
            self._problem(summary, source.url, "skipped", fetched.error)
        elif not fetched.ok:
            self._problem(summary, source.url, "failed", fetched.error or f"HTTP {fetched.status}")
        elif sniff(fetched.body).kind == "feed":
            whole = self._feed(source, fetched, robots, summary)
            self.store.record_input(InputStatus(source.url, "ok"))
            state = self._validators(state, fetched) if whole else dataclasses.replace(state, etag=None,
                                                                                         last_modified=None)
        else:
            self._keep(fetched, {"outlet": source.outlet} if source.outlet else {}, summary)
            state = self._validators(state, fetched)
        self.store.put_feed_state(state)  # only now: a run killed before this polls the source whole again

    @staticmethod
    def _validators(state: FeedState, fetched: Fetched) -> FeedState:
        """The state with the answer's ETag and Last-Modified, for the next conditional GET."""
        return dataclasses.replace(state, etag=fetched.header("ETag"), last_modified=fetched.header("Last-Modified"))

    def _feed(self, source: Source, fetched: Fetched, robots: Robots, summary: RoundSummary) -> bool:
        """Fetch a feed's items not fetched before; False when some failed for now (to be tried next round)."""
        record = self.warcs.write(fetched)
        summary.fetched += 1
        parsed = feedparser.parse(fetched.body, response_headers={"content-location": fetched.final_url})
        outlet = source.outlet or (parsed.feed.get("title") or "").strip() or None
        entries = [(n, e, e.get("link") or f"{source.url}#{e.get('id') or n}") for n, e in enumerate(parsed.entries, 1)]
        seen = self.store.seen([key for _, _, key in entries])
        whole = True
        for number, entry, key in entries:
            if key in seen:
                continue
            hints = entry_hints(entry, outlet)
            if entry.get("link"):
                done, report_id = self._item(key, hints, robots, summary)
            else:
                done, report_id = True, self._entry(entry, f"{record.source}#{number}", hints, summary)
            if done:
                self.store.mark_seen(key, source.url, report_id, utc_now())
            whole = whole and done
        return whole

    def _item(self, url: str, hints: dict[str, Any], robots: Robots, summary: RoundSummary) -> tuple[bool, str | None]:
        """Fetch one feed item's page: (whether it is done with, its report id if it gave one)."""
        if urlsplit(url).scheme not in ("http", "https"):
            self._problem(summary, url, "skipped", "feed item link is not an http(s) URL")
            return True, None
        refused = robots.refusal(url)
        if refused:
            self._problem(summary, url, "skipped", refused)
            return True, None
        fetched = self.fetcher.get(url, gate=robots.refusal)
        if fetched.refused:
            self._problem(summary, url, "skipped", fetched.error)
            return True, None
        if not fetched.ok:
            self._problem(summary, url, "failed", fetched.error or f"HTTP {fetched.status}")
            return not fetched.transient, None
        return True, self._keep(fetched, hints, summary)

    def _entry(self, entry: Any, source: str, hints: dict[str, Any], summary: RoundSummary) -> str | None:
        """Store a feed entry that links nowhere from its own content or summary."""
        found = entry_body(entry)
        if found is None:
            self._problem(summary, source, "skipped", "feed entry has no link, content or summary")
            return None
        body, media = found
        return self._store(Report.make(source, body.encode("utf-8"), media, hints=hints), summary)

    def _keep(self, fetched: Fetched, hints: dict[str, Any], summary: RoundSummary) -> str | None:
        """Keep a fetched page as WARC records, then store the report it holds (or the reason it holds none).

        A page whose bytes are stored already (fetched by a run killed before it noted the URL) is not kept again.
        """
        digest = content_hash(fetched.body)
        if self.store.has_report(digest):
            return digest[:16]
        record = self.warcs.write(fetched)
        summary.fetched += 1
        report_id = None
        for item in read_document(fetched.body, record.source):
            if isinstance(item, Report):
                charset = {"charset": fetched.charset} if fetched.charset else {}
                found = {**hints, "url": fetched.final_url, **charset}
                item = dataclasses.replace(item, url=fetched.final_url, hints=found)
                report_id = self._store(item, summary)
            else:
                self.pipeline.add(item)
                summary.problems.append(item)
        return report_id

    def _store(self, report: Report, summary: RoundSummary) -> str:
        """Store one report through the pipeline's ingest step; counts it when it is new."""
        summary.new_reports += not self.store.has_report(report.content_hash)
        self.pipeline.add(report)
        return report.id
