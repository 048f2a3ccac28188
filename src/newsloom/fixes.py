"""Speaker fixes over a store: record one by naming its quote, list where each stands, and share them as JSON lines."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

from newsloom.model import Annotated, SpeakerFix
from newsloom.store import Store

MAX_LINE = 100_000  # characters of one JSON line of a fix
MAX_NAME = 200  # characters of a speaker's or a fixer's name
MAX_NOTE = 2_000
FIELDS = ("report_id", "start", "end", "quote", "speaker", "by", "at", "note", "previous")
REQUIRED = ("report_id", "start", "end", "quote", "speaker")


class FixError(ValueError):
    """A fix that cannot be recorded: unknown report, quote not found, or a bad field."""


@dataclass
class FixState:
    """A kept fix and where it stands: applied (its quote is found), stale (it is not) or waiting (report not annotated)."""

    fix: SpeakerFix
    state: str
    quote: tuple[int, int] | None = None  # the span of the quote it applies to now


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def record_fix(store: Store, report_id: str, quote: str, speaker: str | None, by: str = "", note: str = "") -> SpeakerFix:
    """Find the report's quote named by words or "START:END", then keep the fix of its speaker (None: unattributed)."""
    from newsloom.compare.speaker_fixes import QuoteNotFound, resolve_quote

    ann = store.get_annotated(report_id)
    if ann is None:
        raise FixError(f"no annotated report {report_id!r} in this store")
    try:
        found = resolve_quote(ann, quote)
    except QuoteNotFound as exc:
        raise FixError(str(exc)) from exc
    fix = checked(SpeakerFix(report_id, found.start, found.end, found.text, _name(speaker), by.strip(), now(),
                             note.strip(), found.speaker))
    store.put_speaker_fix(fix)
    return fix


def _name(speaker: str | None) -> str | None:
    """A speaker's name with its spaces tidied; blank is no speaker."""
    tidy = " ".join((speaker or "").split())
    return tidy or None


def fix_states(store: Store) -> list[FixState]:
    """Every kept fix with where it stands against the reports stored now."""
    from newsloom.compare.speaker_fixes import find_quote

    anns: dict[str, Annotated | None] = {}  # each report read once, however many fixes it has
    out = []
    for fix in store.speaker_fixes():
        if fix.report_id not in anns:
            anns[fix.report_id] = store.get_annotated(fix.report_id)
        ann = anns[fix.report_id]
        if ann is None:
            out.append(FixState(fix, "waiting"))
            continue
        quote = find_quote(fix, ann.quotes)
        out.append(FixState(fix, "applied", (quote.start, quote.end)) if quote else FixState(fix, "stale"))
    return out


def remove_fix(store: Store, report_id: str, quote: str) -> SpeakerFix:
    """Drop the kept fix of a report's quote named by "START:END" (as kept) or by its words."""
    mine = store.speaker_fixes([report_id])
    start, sep, end = quote.partition(":")
    if sep and start.isdigit() and end.isdigit():
        hits = [f for f in mine if (f.start, f.end) == (int(start), int(end))]
    else:
        words = " ".join(quote.split()).lower()
        hits = [f for f in mine if words and words in " ".join(f.quote.split()).lower()]
    if len(hits) != 1:
        raise FixError(f"{len(hits)} kept fixes of report {report_id!r} match {quote!r}" +
                       ("; name one by START:END" if hits else ""))
    store.delete_speaker_fix(hits[0].report_id, hits[0].start, hits[0].end)
    return hits[0]


def to_json(fix: SpeakerFix) -> str:
    """One fix as one JSON line (no newline)."""
    return json.dumps(asdict(fix), ensure_ascii=False, sort_keys=False)


def from_json(line: str) -> SpeakerFix:
    """Read one fix from a JSON line, strictly: known fields only, each of its type; raises FixError."""
    if len(line) > MAX_LINE:
        raise FixError(f"line longer than {MAX_LINE} characters")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FixError(f"not JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise FixError("not a JSON object")
    unknown = sorted(set(data) - set(FIELDS))
    missing = [k for k in REQUIRED if k not in data]
    if unknown or missing:
        raise FixError("; ".join(p for p in (f"unknown fields {unknown}" if unknown else "",
                                             f"missing fields {missing}" if missing else "") if p))
    fix = SpeakerFix(**{k: data[k] for k in FIELDS if k in data})
    if not fix.at:
        fix.at = now()
    return checked(fix)


def checked(fix: SpeakerFix) -> SpeakerFix:
    """The fix itself when every field has its type and size; raises FixError naming the first that does not."""
    for key in ("start", "end"):
        value = getattr(fix, key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise FixError(f"{key} must be a whole number of characters, not {value!r}")
    if fix.end <= fix.start:
        raise FixError(f"end ({fix.end}) must come after start ({fix.start})")
    for key, limit in (("report_id", MAX_NAME), ("quote", MAX_LINE), ("by", MAX_NAME), ("at", 64), ("note", MAX_NOTE)):
        value = getattr(fix, key)
        if not isinstance(value, str) or len(value) > limit:
            raise FixError(f"{key} must be text of at most {limit} characters")
    if not fix.report_id.strip() or not fix.quote.strip():
        raise FixError("report_id and quote must not be blank")
    for key in ("speaker", "previous"):
        value = getattr(fix, key)
        if value is not None and (not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME):
            raise FixError(f"{key} must be a name of at most {MAX_NAME} characters, or null for unattributed")
    try:
        datetime.fromisoformat(fix.at)
    except ValueError as exc:
        raise FixError(f"at must be an ISO 8601 date and time, not {fix.at!r}") from exc
    return fix


def read_fixes(lines: Iterable[str]) -> Iterator[tuple[int, SpeakerFix | FixError]]:
    """Each non-blank line's number with its fix, or the error that line holds."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, from_json(line)
        except FixError as exc:
            yield number, exc
