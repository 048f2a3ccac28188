"""Speaker fixes made by people: finding each fix's quote again and applying it to the quote's group."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsloom.compare.speaker_basis import Decision
from newsloom.compare.textsim import quote_words
from newsloom.model import Annotated, Evidence, Quote, SpeakerCorrection, SpeakerFix

QuoteKey = tuple[str, int, int, str]  # report id, start, end and part ("text" or "title") of a quote


class QuoteNotFound(ValueError):
    """A quote named by text or span is not one of the report's quotes, or names several."""


def find_quote(fix: SpeakerFix, quotes: Sequence[Quote]) -> Quote | None:
    """The quote a fix names: same span and words, else the same words elsewhere (nearest first), else None."""
    words = quote_words(fix.quote)
    for q in quotes:
        if (q.start, q.end) == (fix.start, fix.end) and quote_words(q.text) == words:
            return q
    moved = [q for q in quotes if words and quote_words(q.text) == words]
    return min(moved, key=lambda q: abs(q.start - fix.start)) if moved else None


def match_fixes(anns: Iterable[Annotated], fixes: Sequence[SpeakerFix]) -> tuple[dict[QuoteKey, SpeakerFix], list[SpeakerFix]]:
    """Each fix of these reports on the quote it names now, and the fixes whose quote is gone (stale).

    When two fixes land on one quote the later one holds. Fixes of other reports are left out of both.
    """
    by_report: dict[str, list[SpeakerFix]] = {}
    for fix in fixes:
        by_report.setdefault(fix.report_id, []).append(fix)
    found: dict[QuoteKey, SpeakerFix] = {}
    stale: list[SpeakerFix] = []
    for ann in anns:
        for fix in sorted(by_report.get(ann.report_id, []), key=lambda f: f.at):
            quote = find_quote(fix, ann.quotes)
            if quote is None:
                stale.append(fix)
            else:
                found[(ann.report_id, quote.start, quote.end, quote.part)] = fix
    return found, stale


def with_fixed_speakers(anns: list[Annotated], fixes: Sequence[SpeakerFix]) -> list[Annotated]:
    """The reports with each fixed quote's speaker set as fixed (for what counts a report's voices)."""
    found, _ = match_fixes(anns, fixes)
    if not found:
        return anns
    return [replace(ann, quotes=[
        replace(q, speaker=found[key].speaker) if (key := (ann.report_id, q.start, q.end, q.part)) in found else q
        for q in ann.quotes]) for ann in anns]


def latest(fixes: Iterable[SpeakerFix | None]) -> SpeakerFix | None:
    """The most recent of some fixes (None when there are none)."""
    made = [f for f in fixes if f is not None]
    return max(made, key=lambda f: f.at) if made else None


def corrected(who: Decision, fix: SpeakerFix, speaker: str | None, where: Evidence) -> tuple[Decision, SpeakerCorrection]:
    """The group's decision once a person fixed its speaker to `speaker`, and the correction the brief shows."""
    was = who.speaker
    reason = f"corrected by {fix.by or 'someone'} on {fix.at[:10] or 'an unknown date'}: was {was or 'unattributed'}"
    rows = [replace(a, accepted=speaker is not None and a.speaker == speaker) for a in who.attributions]
    rows.sort(key=lambda a: not a.accepted)
    decision = Decision(speaker, "corrected", reason, 1.0, rows)
    return decision, SpeakerCorrection(speaker, was, fix.by, fix.at, fix.note, [where])


def resolve_quote(ann: Annotated, spec: str) -> Quote:
    """The report's quote named by `spec`: "START:END" (its span) or words of it (one quote only)."""
    start, sep, end = spec.partition(":")
    if sep and start.strip().isdigit() and end.strip().isdigit():
        span = (int(start), int(end))
        for q in ann.quotes:
            if (q.start, q.end) == span:
                return q
        raise QuoteNotFound(f"no quote at characters {span[0]}:{span[1]} of report {ann.report_id}")
    words = quote_words(spec)
    if not words:
        raise QuoteNotFound("give the quote's words or its span as START:END")
    exact = [q for q in ann.quotes if quote_words(q.text) == words]
    held = exact or [q for q in ann.quotes if _holds(quote_words(q.text), words)]
    if len(held) == 1:
        return held[0]
    if not held:
        raise QuoteNotFound(f"no quote of report {ann.report_id} holds {spec!r}")
    spans = ", ".join(f"{q.start}:{q.end}" for q in held)
    raise QuoteNotFound(f"{len(held)} quotes of report {ann.report_id} hold {spec!r}; name one by span ({spans})")


def _holds(whole: list[str], part: list[str]) -> bool:
    """True when `part` occurs as one contiguous run of words inside `whole`."""
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))
