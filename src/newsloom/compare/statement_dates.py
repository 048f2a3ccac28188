"""When each report says a widely quoted speaker made their remarks, and where reports disagree on it."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from newsloom.annotate.dates import parse_iso
from newsloom.model import Annotated, DateMention, Disagreement, Evidence, Position, QuoteGroup

AIRED = re.compile(r"\b(aired|air|broadcast|published|released|reported|posted|ran|shown)\b", re.I)
MAX_ACCOUNTS = 2  # more distinct days than this: the reports date different remarks, not one remark
VAGUE_EARLIER = re.compile(r"\bearlier\s+(in\s+the|this)\s+week\b", re.I)


@dataclass
class DateClaim:
    """One report's account of when a speaker made a statement."""

    report: str
    speaker: str
    value: str  # ISO date, or "before:YYYY-MM-DD" for "earlier in the week"
    sentence: tuple[int, int]
    text: str


def _role_is_aired(sentence: str, date_offset: int) -> bool:
    """True when the date in the sentence says when remarks were aired/published, not made."""
    window = sentence[max(0, date_offset - 40) : date_offset]
    return bool(AIRED.search(window.split(",")[-1]))


def _date_value(d: DateMention, published: str | None) -> str | None:
    """A comparable value for a date mention, keeping "earlier in the week" as a bound."""
    if d.value:
        return d.value
    if VAGUE_EARLIER.search(d.text) and published:
        return f"before:{published[:10]}"
    return None


STATEMENT_VERBS = re.compile(
    r"\b(welcomed|responded|reacted|announced|said|told|praised|hailed|critici[sz]ed|replied|commented|"
    r"stated|declared|confirmed|denied|warned|insisted)\b"
)
POSSESSED_REMARKS = re.compile(
    r"\b([A-Z][\w-]+)['\u2019]s\s+(?:\w+\s+)?(?:comments?|remarks?|interview|statement)\b"
    r"|\b(his|her|their)\s+(?:\w+\s+)?(?:comments?|remarks?|interview|statement)\b",
    re.I,
)


def statement_dates(ann: Annotated, ledger: list[QuoteGroup], alias: dict[str, str]) -> list[DateClaim]:
    """When a report says each widely quoted speaker made their remarks."""
    speakers = {g.speaker for g in ledger if g.speaker and len(g.reports) >= 2}
    shared = [
        (ev.start, ev.end)
        for g in ledger if len(g.reports) >= 2
        for ev in g.evidence + [e for p in g.paraphrases for e in p.evidence]
        if ev.report == ann.report_id
    ]
    text = ann.article.text
    quotes = sorted(ann.quotes, key=lambda q: q.start)
    out: list[DateClaim] = []
    previous: tuple[int, int] | None = None
    for s_start, s_end in ann.sentences:
        found = _sentence_speaker(ann, quotes, shared, s_start, s_end, speakers, alias)
        lead_in, previous = previous, (s_start, s_end)
        if found is None:
            continue
        speaker, anchor = found
        span = (s_start, s_end)
        value = _statement_date(ann, span, anchor)
        if (
            value is None
            and lead_in is not None
            and "\n" not in text[lead_in[0] : s_start]
            and STATEMENT_VERBS.search(text, lead_in[0], lead_in[1])
        ):
            # "X welcomed the vote on Wednesday. 'Quote,' X's spokeswoman said." dates the quote by its lead-in.
            span = lead_in
            value = _statement_date(ann, span, lead_in[1])
        if value is not None:
            out.append(DateClaim(ann.report_id, speaker, value, span, " ".join(text[span[0] : span[1]].split())))
    return out


def _statement_date(ann: Annotated, span: tuple[int, int], anchor: int) -> str | None:
    """The date in a sentence nearest to where the statement is, unless it dates an airing or publication."""
    sentence = ann.article.text[span[0] : span[1]]
    candidates = [
        (abs(d.start - anchor), value)
        for d in ann.dates
        if span[0] <= d.start < span[1]
        and (value := _date_value(d, ann.article.published)) is not None
        and not _role_is_aired(sentence, d.start - span[0])
    ]
    return min(candidates)[1] if candidates else None


def _sentence_speaker(ann, quotes, shared, s_start, s_end, speakers, alias) -> tuple[str, int] | None:
    """Whose statement a sentence dates, and where: a shared or reported quote of theirs, or "X's comments"."""
    for q in quotes:
        if not (s_start <= q.start < s_end and q.speaker):
            continue
        in_shared = any(s < q.end and q.start < e for s, e in shared)
        if not (in_shared or q.kind == "indirect") or (q.kind == "partial" and len(q.text.split()) < 4):
            continue  # scare quotes and single words say nothing about when a statement was made
        name = alias.get(q.speaker, q.speaker)
        if name in speakers:
            return name, q.start
    m = POSSESSED_REMARKS.search(ann.article.text, s_start, s_end)
    if m is None:
        return None
    if m.group(1):
        owner = next((x for x in ann.mentions if x.start <= m.start() < x.end), None)
        name = alias.get(owner.canonical, owner.canonical) if owner else alias.get(m.group(1), m.group(1))
    else:
        earlier = [q for q in quotes if q.end <= s_start and s_start - q.end < 300 and q.speaker]
        name = alias.get(earlier[-1].speaker, earlier[-1].speaker) if earlier else None
    return (name, m.start()) if name in speakers else None


def _merge_bounds(by_value: dict[str, list[DateClaim]]) -> dict[str, list[DateClaim]]:
    """Fold "earlier in the week" accounts into the one concrete earlier date they agree with, if unique."""
    concrete = [v for v in by_value if not v.startswith("before:")]
    for value in [v for v in by_value if v.startswith("before:")]:
        bound = parse_iso(value.split(":", 1)[1])
        fits = [c for c in concrete if bound and (bd := parse_iso(c)) and (bound - bd).days in range(1, 7)]
        if len(fits) == 1:
            by_value[fits[0]].extend(by_value.pop(value))
    return by_value


def statement_date_disagreements(anns: list[Annotated], ledger: list[QuoteGroup], alias: dict[str, str]) -> list[Disagreement]:
    """Reports placing the same speaker's remarks on different days.

    A speaker whose remarks the reports put on more than `MAX_ACCOUNTS` days is left out: that is a
    head of state or other frequent speaker quoted from several occasions, not one remark misdated.
    """
    speakers = {g.speaker for g in ledger if g.speaker and len(g.reports) >= 2}
    claims = [c for ann in anns for c in statement_dates(ann, ledger, alias)]
    out: list[Disagreement] = []
    for speaker in sorted(speakers):
        by_value: dict[str, list[DateClaim]] = defaultdict(list)
        for c in claims:
            if c.speaker == speaker:
                by_value[c.value].append(c)
        by_value = _merge_bounds(by_value)
        if not 2 <= len(by_value) <= MAX_ACCOUNTS:
            continue
        positions = []
        for value, items in sorted(by_value.items()):
            label = f"before {value[7:]}" if value.startswith("before:") else value
            shown = max(items, key=lambda c: (speaker.split()[-1] in c.text, len(c.text)))
            evidence = list(dict.fromkeys(Evidence(c.report, *c.sentence) for c in items))
            positions.append(Position(
                text=f"{label}: " + shown.text, reports=sorted({c.report for c in items}), evidence=evidence,
            ))
        out.append(Disagreement(about=f"when {speaker} made the remarks", positions=positions))
    return out
