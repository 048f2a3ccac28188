"""What changed in a story: compare a digest of its brief before and after it grew, and record update events."""
from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsloom.model import BriefReport, Story, StoryBrief, StoryUpdate
from newsloom.store import Store, StoreError

if TYPE_CHECKING:
    from newsloom.pipeline import Pipeline

log = logging.getLogger("newsloom")
DIGESTS = "story_digests"  # the store's name for the kept digest of each story's brief
Digest = dict[str, Any]
EMPTY: Digest = {"reports": [], "outlets": [], "quotes": [], "disputes": {}, "claims": {}, "notices": []}


def utc_now() -> str:
    """The time now, ISO 8601 in UTC to the second (how update times are kept and compared)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def utc_iso(value: str) -> str | None:
    """An ISO 8601 time as update times are kept (UTC, to the second; no zone means UTC), or None if it is none."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def outlet_name(report: BriefReport) -> str:
    """The outlet a report is credited to: its outlet, else its site, else its source."""
    return report.outlet or (urlsplit(report.url).netloc if report.url else "") or report.source


def digest(sb: StoryBrief) -> Digest:
    """The parts of a story's brief that updates compare, as plain JSON-ready data."""
    return {
        "reports": sorted(r.id for r in sb.reports),
        "outlets": sorted({outlet_name(r) for r in sb.reports}),
        "quotes": [[q.speaker, sorted({v.text for v in q.variants} | {q.text})] for q in sb.quotes],
        "disputes": {d.about: sorted({p.text for p in d.positions}) for d in sb.disagreements},
        "claims": {c.text: c.independent_reports for c in sb.claims},
        "notices": sorted({f"{r.id}\x1f{n.kind}\x1f{n.text}" for r in sb.reports for n in r.corrections}),
    }


def changes(sb: StoryBrief, before: Digest | None, at: str) -> list[StoryUpdate]:
    """The update events between a story's digest `before` (None: a new story) and its brief now."""
    def event(kind: str, text: str, reports: Sequence[str]) -> StoryUpdate:
        return StoryUpdate(sb.id, kind, text, sorted(set(reports)), at)

    if before is None:
        outlets = ", ".join(digest(sb)["outlets"])
        return [event("story", f"New story: {sb.headline} ({len(sb.reports)} reports: {outlets})",
                      [r.id for r in sb.reports])]
    before = {**EMPTY, **before}  # a digest kept by an older newsloom may lack a part
    found = []
    known = set(before["reports"])
    fresh = [r for r in sb.reports if r.id not in known]
    for outlet in sorted({outlet_name(r) for r in fresh} - set(before["outlets"])):
        found.append(event("outlet", f"{outlet} joined the story", [r.id for r in fresh if outlet_name(r) == outlet]))
    found += _quote_changes(sb, before, event)
    for d in sb.disagreements:
        positions = {p.text: p.reports for p in d.positions}
        if d.about not in before["disputes"]:
            sides = " / ".join(f"“{t}”" for t in positions)
            found.append(event("disagreement", f"New disagreement about {d.about}: {sides}",
                               [r for rs in positions.values() for r in rs]))
            continue
        for text in sorted(set(positions) - set(before["disputes"][d.about])):
            found.append(event("position", f"New position on {d.about}: “{text}”", positions[text]))
    for c in sb.claims:
        was = before["claims"].get(c.text)
        if was is not None and c.independent_reports > was:
            found.append(event("support", f"“{c.text}” is now backed by {c.independent_reports} independent "
                               f"sources (was {was})", c.reports))
    old_notices = set(before["notices"])
    for r in sb.reports:
        for n in r.corrections:
            if f"{r.id}\x1f{n.kind}\x1f{n.text}" not in old_notices:
                found.append(event("correction", f"{outlet_name(r)} printed a {n.kind}: {n.text}", [r.id]))
    return found


def _quote_changes(sb: StoryBrief, before: Digest, event: Any) -> list[StoryUpdate]:
    """New wordings of quotes seen before, and quotes not seen before."""
    old = {(speaker, text) for speaker, texts in before["quotes"] for text in texts}
    found = []
    for q in sb.quotes:
        wordings = {v.text: v.reports for v in q.variants} or {q.text: q.reports}
        new = [t for t in wordings if (q.speaker, t) not in old]
        if not new:
            continue
        who = q.speaker or "an unnamed speaker"
        if len(new) == len(wordings):
            found.append(event("quote", f"New quote from {who}: “{q.text}”", q.reports))
        else:
            found += [event("wording", f"New wording of {who}'s quote: “{t}”", wordings[t]) for t in new]
    return found


def kept_digests(store: Store) -> dict[str, Digest]:
    """The digests kept by the last update run (empty when updates were never recorded, or unreadable)."""
    data = store.get_state(DIGESTS)
    if data is None:
        return {}
    try:
        found = json.loads(data)
    except ValueError as exc:
        log.warning("story digests unreadable, every story counts as new: %s", exc)
        return {}
    return found if isinstance(found, dict) else {}


def tracking(store: Store) -> bool:
    """Whether this store records story updates (a watch or `stories --updates` ran on it)."""
    return store.get_state(DIGESTS) is not None


def _before(story: Story, kept: dict[str, Digest]) -> str | None:
    """The id of the kept digest this story had: its own, else that of the kept story sharing most of its reports."""
    if story.id in kept:
        return story.id
    mine = set(story.report_ids)
    best = max(kept, key=lambda sid: len(mine & set(kept[sid]["reports"])), default=None)
    return best if best is not None and mine & set(kept[best]["reports"]) else None


def record_updates(pipeline: Pipeline, stories: list[Story], at: str | None = None) -> list[StoryUpdate]:
    """Record what changed in the stories whose reports changed since the last run; returns the new events.

    Events are stored before the digests, and an event recorded again is not added twice, so a run
    killed between the two records nothing twice when run again.
    """
    store = pipeline.store
    kept = kept_digests(store)
    grown = [s for s in stories if (kept.get(s.id) or {}).get("reports") != sorted(s.report_ids)]
    briefs = pipeline.brief([s.id for s in grown]).stories if grown else []
    when = at or utc_now()
    current = {s.id for s in stories}
    before = {s.id: _before(s, kept) for s in grown}
    for new_id, old_id in before.items():  # a story whose id changed keeps its history
        if old_id is not None and old_id != new_id and old_id not in current:
            store.move_updates(old_id, new_id)
            current.add(old_id)  # moved once, to the first story that took it over
    events = [e for sb in briefs for e in changes(sb, kept.get(before[sb.id] or ""), when)]
    added = store.add_updates(events)
    current = {s.id for s in stories}
    digests = {sid: d for sid, d in kept.items() if sid in current}
    digests.update({sb.id: digest(sb) for sb in briefs})
    try:
        store.put_state(DIGESTS, json.dumps(digests, ensure_ascii=False).encode("utf-8"))
    except StoreError as exc:
        log.warning("story digests not kept, the next run compares against older ones: %s", exc)
    return added
