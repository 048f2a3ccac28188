"""When each report says a widely quoted speaker made their remarks, and where reports disagree on it."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from newsloom.annotate.dates import parse_iso
from newsloom.model import Annotated, DateMention, Disagreement, Evidence, Position, Quote, QuoteGroup

AIRED = re.compile(r"\b(aired|air|broadcast|published|released|reported|posted|ran|shown)\b", re.I)
MAX_ACCOUNTS = 2  # more distinct days than this: the reports date different remarks, not one remark
VAGUE = re.compile(
    r"\b(?:earlier\s+(?:in\s+the|this)\s+(?P<week>week)|(?P<lastweek>last\s+week)|earlier\s+this\s+(?P<month>month)"
    r"|(?P<lastmonth>last\s+month)|(?P<recent>recently|in\s+recent\s+days|days\s+ago))\b",
    re.I,
)
RANGE = "range:"  # a vague account's value: "range:FIRST..LAST|as written"
RECENT_DAYS = 14
FOLLOW_CHARS = 300  # reported speech and the speaker's quotation right after it are one occasion


@dataclass
class DateClaim:
    """One report's account of when a speaker made a statement."""

    report: str
    speaker: str
    value: str  # ISO date, or "range:FIRST..LAST|words" for a vague time ("earlier in the week")
    sentence: tuple[int, int]
    text: str
    remarks: frozenset[str] | None = None  # the quote lines it dates ("i:..." for unshared reported speech); None: "X's comments"


def aired_before(sentence: str, date_offset: int) -> bool:
    """True when the date in the sentence says when remarks were aired/published, not made."""
    window = sentence[max(0, date_offset - 40) : date_offset]
    return bool(AIRED.search(window.split(",")[-1]))


def vague_range(words: str, base: date) -> tuple[date, date] | None:
    """The days a vague time can mean, seen from `base` ("earlier in the week": Monday to the day before; "last
    week": the week before, counted from Monday or from Sunday)."""
    m = VAGUE.search(words)
    if m is None:
        return None
    monday = base - timedelta(days=base.weekday())
    first = base.replace(day=1)
    if m.group("week"):
        return min(monday, base - timedelta(days=1)), base - timedelta(days=1)
    if m.group("lastweek"):  # a week from Monday or from Sunday: either may be meant ("last week" on a Sunday)
        sunday = base - timedelta(days=(base.weekday() + 1) % 7)
        return min(monday, sunday) - timedelta(days=7), max(monday, sunday) - timedelta(days=1)
    if m.group("month"):
        return first, max(first, base - timedelta(days=1))
    if m.group("lastmonth"):
        end = first - timedelta(days=1)
        return end.replace(day=1), end
    return base - timedelta(days=RECENT_DAYS), base - timedelta(days=1)


def _date_value(d: DateMention, base: date | None) -> str | None:
    """A comparable value for a date mention: its day, or the range a vague time leaves open."""
    if d.value:
        return d.value
    span = vague_range(d.text, base) if base else None
    return f"{RANGE}{span[0]}..{span[1]}|{VAGUE.search(d.text).group(0)}" if span else None


def range_of(value: str) -> tuple[str, str, str] | None:
    """(first day, last day, words) of a vague account's value, None for a day."""
    if not value.startswith(RANGE):
        return None
    days, words = value[len(RANGE):].split("|", 1)
    first, last = days.split("..")
    return first, last, words


STATEMENT_VERBS = re.compile(
    r"\b(welcomed|responded|reacted|announced|said|told|praised|hailed|critici[sz]ed|replied|commented|"
    r"stated|declared|confirmed|denied|warned|insisted)\b"
)
POSSESSED_REMARKS = re.compile(
    r"\b([A-Z][\w-]+)['\u2019]s\s+(?:\w+\s+)?(?:comments?|remarks?|interview|statement)\b"
    r"|\b(his|her|their)\s+(?:\w+\s+)?(?:comments?|remarks?|interview|statement)\b",
    re.I,
)


def statement_dates(
    ann: Annotated, ledger: list[QuoteGroup], alias: dict[str, str], base: date | None = None,
    quoted: dict[str, list[tuple[int, int, int]]] | None = None,
) -> list[DateClaim]:
    """When a report says each widely quoted speaker made their remarks (vague times seen from `base`).

    `quoted` is `shared_quotes(ledger)` when the caller has it already.
    """
    base = parse_iso(ann.article.published) or base
    speakers = {g.speaker for g in ledger if g.speaker and len(g.reports) >= 2}
    shared = (shared_quotes(ledger) if quoted is None else quoted).get(ann.report_id, [])
    text = ann.article.text
    quotes = sorted(ann.body_quotes, key=lambda q: q.start)
    out: list[DateClaim] = []
    previous: tuple[int, int] | None = None
    for s_start, s_end in ann.sentences:
        found = _sentence_speaker(ann, quotes, shared, s_start, s_end, speakers, alias)
        lead_in, previous = previous, (s_start, s_end)
        if found is None:
            continue
        speaker, anchor, remarks = found
        span = (s_start, s_end)
        value = _statement_date(ann, span, anchor, base)
        if (
            value is None
            and lead_in is not None
            and "\n" not in text[lead_in[0] : s_start]
            and STATEMENT_VERBS.search(text, lead_in[0], lead_in[1])
        ):
            # "X welcomed the vote on Wednesday. 'Quote,' X's spokeswoman said." dates the quote by its lead-in.
            span = lead_in
            value = _statement_date(ann, span, lead_in[1], base)
        if value is not None:
            out.append(DateClaim(ann.report_id, speaker, value, span, " ".join(text[span[0] : span[1]].split()), remarks))
    return out


def _statement_date(ann: Annotated, span: tuple[int, int], anchor: int, base: date | None) -> str | None:
    """The date in a sentence nearest to where the statement is, unless it dates an airing or publication.

    A vague time ("earlier in the week", "recently") counts as the range of days it leaves open.
    """
    sentence = ann.article.text[span[0] : span[1]]
    mentions = [d for d in ann.dates if span[0] <= d.start < span[1]]
    taken = [(d.start, d.end) for d in mentions]
    mentions += [DateMention(m.group(0), span[0] + m.start(), span[0] + m.end(), None)
                 for m in VAGUE.finditer(sentence)
                 if not any(s < span[0] + m.end() and span[0] + m.start() < e for s, e in taken)]
    candidates = [
        (abs(d.start - anchor), value)
        for d in mentions
        if (value := _date_value(d, base)) is not None and not aired_before(sentence, d.start - span[0])
    ]
    return min(candidates)[1] if candidates else None


def _sentence_speaker(ann, quotes, shared, s_start, s_end, speakers, alias) -> tuple[str, int, frozenset[str] | None] | None:
    """Whose statement a sentence dates, where, and which remark: a shared quote of theirs (its lines), reported
    speech of theirs (a remark of its own), or "X's comments" (any of their remarks)."""
    for q in quotes:
        if not (s_start <= q.start < s_end and q.speaker):
            continue
        lines = frozenset(f"q{k}" for s, e, k in shared if s < q.end and q.start < e)
        if not (lines or q.kind == "indirect") or (q.kind == "partial" and len(q.text.split()) < 4):
            continue  # scare quotes and single words say nothing about when a statement was made
        name = alias.get(q.speaker, q.speaker)
        if name in speakers:
            return name, q.start, lines or _followed_by(quotes, shared, s_end, name, alias) or frozenset(
                {f"i{ann.report_id}:{q.start}"})
    m = POSSESSED_REMARKS.search(ann.article.text, s_start, s_end)
    if m is None:
        return None
    if m.group(1):
        owner = next((x for x in ann.mentions if x.start <= m.start() < x.end), None)
        name = alias.get(owner.canonical, owner.canonical) if owner else alias.get(m.group(1), m.group(1))
    else:
        earlier = [q for q in quotes if q.end <= s_start and s_start - q.end < 300 and q.speaker]
        name = alias.get(earlier[-1].speaker, earlier[-1].speaker) if earlier else None
    return (name, m.start(), None) if name in speakers else None


def _followed_by(
    quotes: list[Quote], shared: list[tuple[int, int, int]], end: int, name: str, alias: dict[str, str]
) -> frozenset[str]:
    """The quote lines of the speaker's next quotation, when it follows reported speech closely with nobody else
    quoted between ("Sorvald said on Sunday that ...\n\n“The decision ... ,” Sorvald said."): one occasion."""
    for q in quotes:
        if q.start < end or not q.speaker:
            continue
        if q.start - end > FOLLOW_CHARS or alias.get(q.speaker, q.speaker) != name:
            return frozenset()
        lines = frozenset(f"q{k}" for s, e, k in shared if s < q.end and q.start < e)
        if lines:
            return lines
    return frozenset()


def _one_remark(claims: list[DateClaim]) -> list[DateClaim]:
    """The accounts that may date one remark: all of them when one speaks of the speaker's remarks in general
    ("Peskov's comments were made Wednesday"), else the accounts of the quote line dated most ways, with the
    reported speech of no shared line that names one of their days.

    Two reports dating different remarks ("called Zelensky a 'dictator'" on Feb. 19, "ready for peace" on
    Friday) do not disagree.
    """
    if any(c.remarks is None for c in claims) or len(claims) < 2:
        return claims
    lines = {line for c in claims for line in c.remarks or () if line.startswith("q")}
    best = max(([c for c in claims if line in (c.remarks or ())] for line in sorted(lines)),
               key=lambda group: (len({c.value for c in group}), len(group)), default=[])
    days = {c.value for c in best}
    # reported speech of no shared line joins a side it agrees with (never a side of its own)
    return best + [c for c in claims if c not in best and c.value in days
                   and all(line.startswith("i") for line in c.remarks or ())]


def _is_disagreement(by_value: dict[str, list[DateClaim]]) -> bool:
    """Two to `MAX_ACCOUNTS` days given, or one day and a vague time whose range leaves it out."""
    days = [v for v in by_value if range_of(v) is None]
    ranges = [r for v in by_value if (r := range_of(v)) is not None]
    if len(days) > MAX_ACCOUNTS or not days:
        return False
    return len(days) >= 2 or any(not first <= days[0] <= last for first, last, _ in ranges)


def _label(value: str) -> str:
    """How a position names its day: the ISO day, or the vague words with the days they leave open."""
    found = range_of(value)
    if found is None:
        return value
    first, last, words = found
    return f"\u201c{words}\u201d (between {first} and {last}, no day stated)"


def shared_quotes(ledger: list[QuoteGroup]) -> dict[str, list[tuple[int, int, int]]]:
    """Per report, the spans of its quotes and paraphrases that two or more reports carry, with their line's index."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for k, g in enumerate(ledger):
        if len(g.reports) >= 2:
            for ev in g.evidence + [e for p in g.paraphrases for e in p.evidence]:
                out.setdefault(ev.report, []).append((ev.start, ev.end, k))
    return out


def statement_date_disagreements(
    anns: list[Annotated], ledger: list[QuoteGroup], alias: dict[str, str], base: date | None = None
) -> list[Disagreement]:
    """Reports placing the same speaker's remarks on different days.

    A vague time ("earlier in the week") is a position of its own: the range of days it leaves open,
    which may fit a day another report names without stating it. A speaker whose remarks the reports
    put on more than `MAX_ACCOUNTS` days is left out: that is a head of state or other frequent speaker
    quoted from several occasions, not one remark misdated. `base` dates reports that give no date.
    """
    speakers = {g.speaker for g in ledger if g.speaker and len(g.reports) >= 2}
    quoted = shared_quotes(ledger)
    claims = [c for ann in anns for c in statement_dates(ann, ledger, alias, base, quoted)]
    out: list[Disagreement] = []
    for speaker in sorted(speakers):
        theirs = [c for c in claims if c.speaker == speaker]
        if len({c.value for c in theirs if range_of(c.value) is None}) > MAX_ACCOUNTS:
            continue  # quoted from several occasions
        by_value: dict[str, list[DateClaim]] = defaultdict(list)
        for c in _one_remark(theirs):
            by_value[c.value].append(c)
        if not _is_disagreement(by_value):
            continue
        positions = []
        for value, items in sorted(by_value.items(), key=lambda kv: (kv[0].startswith(RANGE), kv[0])):
            shown = max(items, key=lambda c: (speaker.split()[-1] in c.text, len(c.text)))
            evidence = list(dict.fromkeys(Evidence(c.report, *c.sentence) for c in items))
            found = range_of(value)
            positions.append(Position(
                text=f"{_label(value)}: " + shown.text, reports=sorted({c.report for c in items}), evidence=evidence,
                date=f"{found[0]}..{found[1]}" if found else value,
            ))
        out.append(Disagreement(about=f"when {speaker} made the remarks", positions=positions, kind="date"))
    return out
