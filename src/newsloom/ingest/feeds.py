"""Read RSS/Atom feeds with feedparser: each entry becomes one report with feed metadata as hints."""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from newsloom.ingest import limits
from newsloom.ingest.sniff import looks_html
from newsloom.model import InputStatus, Report


def iso_datetime(value: str | None, parsed: Any = None) -> str | None:
    """Return an ISO 8601 timestamp for a feed date, keeping its own UTC offset when it has one."""
    if value:
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(value.strip()).isoformat()
            except (TypeError, ValueError, IndexError):
                continue
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()
    return None


def entry_body(entry: Any) -> tuple[str, str] | None:
    """Return `(body, media_type)`: full content (HTML preferred) if the entry has it, else its summary."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    contents.sort(key=lambda c: "html" not in (c.get("type") or ""))
    candidates = [c["value"] for c in contents] + [entry.get("summary") or ""]
    body = next((c for c in candidates if c.strip()), None)
    if body is None:
        return None
    return body, "html" if looks_html(body) else "text"


def entry_hints(entry: Any, outlet: str | None) -> dict[str, Any]:
    """Collect title, author, published (ISO), outlet and url of one entry."""
    hints = {
        "title": entry.get("title"),
        "author": entry.get("author"),
        "published": iso_datetime(entry.get("published"), entry.get("published_parsed"))
        or iso_datetime(entry.get("updated"), entry.get("updated_parsed")),
        "outlet": outlet,
        "url": entry.get("link"),
    }
    return {key: value for key, value in hints.items() if value}


def read_feed(raw: bytes, source: str) -> Iterator[Report | InputStatus]:
    """Yield one report per feed entry (`source#N`, 1-based), or a status when the feed yields none."""
    import feedparser  # imported on a feed's first read: start-up stays light

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        reason = f"malformed feed: {parsed.get('bozo_exception')}" if parsed.bozo else "feed has no entries"
        yield InputStatus(source, "failed" if parsed.bozo else "skipped", reason)
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, 1):
        entry_source = f"{source}#{number}"
        found = entry_body(entry)
        if found is None:
            yield InputStatus(entry_source, "skipped", "feed entry has no content or summary")
            continue
        body, media = found
        refused = limits.too_long(len(body), media)
        if refused:
            yield InputStatus(entry_source, "skipped", refused)
            continue
        hints = entry_hints(entry, outlet)
        yield Report.make(entry_source, body.encode("utf-8"), media, url=hints.get("url"), hints=hints)
