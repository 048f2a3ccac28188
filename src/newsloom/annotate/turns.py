"""Transcript turns: a line opened by a speaker's label in capitals ("ANST: Not yet. ...") holds that speaker's words.

A text is read as a transcript only when at least three lines open with such a label and at least two
different labels speak more than once between them, so a dateline ("WASHINGTON: ...") or a live blog's
"UPDATE:" never makes one. Each turn is one line (one paragraph): a paragraph without a label after it may
be the writer's again, so it is not given to anyone. Labels are read as:
- a name, with titles and honorifics before it dropped ("SPOKESWOMAN ANST", "MR. PESKOV"), expanded to the
  article's full name ("Mirela Anst"); the words are that person's, as sure as a name beside the marks;
- a title alone ("SPOKESWOMAN", "MODERATOR"): the person the article gave that title to, else the title as
  written (a description);
- a question with the asker named in brackets ("Q (Pavel Dorn, Courier):"): the one named. A bare "Q:" or
  "A:" names nobody, and its line is left out.
A turn that is all one quotation in marks is left to the quotation rules ('ANST: "..."'), and quotations
inside a turn keep their own speakers.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from newsloom.annotate.basis import basis_of
from newsloom.annotate.roles import ROLE_WORDS, TITLE_NOUNS
from newsloom.annotate.speakers import TRANSCRIPT_WORDS, SpeakerMention, SpeakerResolver
from newsloom.model import Quote

_TURN = re.compile(
    r"^[^\S\n]*(?P<label>[^\W\d_][\w.'\u2019-]*(?:[^\S\n]+[^\W\d_][\w.'\u2019-]*){0,3})"
    r"(?:[^\S\n]*\((?P<note>[^()\n]{1,100})\))?[^\S\n]*:[^\S\n]+(?P<words>\S[^\n]*?)[^\S\n]*$",
    re.MULTILINE,
)
_QUESTIONS = {"Q", "Q.", "QUESTION", "REPORTER", "JOURNALIST", "CORRESPONDENT"}
_NOBODY = {"A", "A.", "ANSWER", "VOICE", "VOICES", "UNIDENTIFIED", "UNKNOWN", "CROWD", "AUDIENCE", "OFF-CAMERA"}
_NOT_SPEAKERS = {
    "update", "updated", "note", "editor's", "editor\u2019s", "correction", "clarification", "breaking", "watch",
    "read", "more", "related", "photo", "photos", "video", "source", "sources", "credit", "advertisement", "listen",
    "caption", "warning", "disclaimer", "summary", "background", "context", "analysis", "opinion", "live", "latest",
    "subscribe", "share", "tags", "topics", "published", "posted", "by", "transcript", "end", "begin", "announcer",
} | TRANSCRIPT_WORDS
_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_NAME_NOTE = re.compile(r"^(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]+$")
MIN_TURNS = 3
# Titles a transcript gives the people who run it, beside the titles a person can be called by alone.
_ROLE_LABELS = TITLE_NOUNS | {
    "moderator", "host", "co-host", "anchor", "presenter", "interviewer", "narrator", "operator", "chairperson",
    "speaker", "clerk", "interpreter", "translator", "panelist", "panellist", "witness", "counsel", "defendant",
}


@dataclass(frozen=True)
class Turn:
    """One labelled line: its label, the bracketed note after it, and where its words lie."""

    label: str
    label_start: int
    label_end: int
    note: str | None
    start: int
    end: int


def find_turns(text: str) -> list[Turn]:
    """The labelled lines of a transcript in text order; none when the text is not one."""
    turns = []
    for m in _TURN.finditer(text):
        label = " ".join(m.group("label").split())
        if not label.isupper() or any(w.lower().strip(".") in _NOT_SPEAKERS for w in label.split()):
            continue
        turns.append(Turn(label, m.start("label"), m.end("label"), m.group("note"), m.start("words"), m.end("words")))
    full = _full_labels(turns)
    counts = Counter(full.get(t.label, t.label) for t in turns)
    if len(turns) < MIN_TURNS or sum(1 for n in counts.values() if n >= 2) < 2:
        return []
    return turns


def turn_quotes(resolver: SpeakerResolver, turns: list[Turn], quotes: list[Quote], report_id: str) -> list[Quote]:
    """A direct quote for every transcript turn (of `find_turns`) whose label names someone, beside the quotes
    found in marks (see the module's docstring)."""
    text = resolver.text
    firsts = [s.start_char for s in resolver.sents]
    full = _full_labels(turns)
    found = []
    for turn in turns:
        if _all_quoted(text, turn, quotes):
            continue
        speaker = _speaker(resolver, turn, full)
        if speaker is None:
            continue
        quote = Quote(
            report_id=report_id, text=text[turn.start : turn.end], start=turn.start, end=turn.end, kind="direct",
            sentence_start=resolver.sents[bisect_right(firsts, turn.start) - 1].start_char,
            sentence_end=resolver.sents[bisect_right(firsts, turn.end - 1) - 1].end_char,
        )
        quote.basis, quote.confidence = basis_of(speaker, None, True)
        quote.speaker, quote.speaker_start, quote.speaker_end = speaker.name, speaker.start, speaker.end
        quote.speaker_role = speaker.role
        found.append(quote)
    return found


def _all_quoted(text: str, turn: Turn, quotes: list[Quote]) -> bool:
    """True when a turn's words are one quotation in marks that the quotation rules already hold."""
    words = text[turn.start : turn.end]
    if words[:1] not in _MARKS:
        return False
    return any(q.kind != "indirect" and q.start <= turn.start + 2 and q.end >= turn.end - 3 for q in quotes)


def _full_labels(turns: list[Turn]) -> dict[str, str]:
    """A surname label -> the one longer label of the transcript ending with it ("TAPPER" -> "JAKE TAPPER")."""
    longer: dict[str, set[str]] = {}
    for turn in turns:
        words = turn.label.split()
        if len(words) > 1:
            longer.setdefault(words[-1], set()).add(turn.label)
    return {last: labels.pop() for last, labels in longer.items() if len(labels) == 1}


def _speaker(resolver: SpeakerResolver, turn: Turn, full: dict[str, str]) -> SpeakerMention | None:
    """Who speaks a turn, from its label (and the bracketed note of a question); None when nobody is named."""
    words = full.get(turn.label, turn.label).split()
    if turn.label in _QUESTIONS or words[0] in _QUESTIONS:
        note = (turn.note or "").split(",")[0].strip()
        if not _NAME_NOTE.match(note):
            return None
        return SpeakerMention(turn.label_start, turn.label_end, resolver.label_name(note), "name")
    if turn.label in _NOBODY or words[0] in _NOBODY:
        return None
    k = 0
    while k < len(words) - 1 and (words[k].lower() in ROLE_WORDS or words[k].lower() in _ROLE_LABELS):
        k += 1
    titles, name = words[:k], words[k:]
    role = " ".join(w.lower() for w in titles) or None
    if len(name) == 1 and name[0].lower() in _ROLE_LABELS:  # "SPOKESWOMAN:", "MODERATOR:": the one given that title
        title = name[0].lower()
        holder = resolver.roles.get(title)
        if holder is not None:
            return SpeakerMention(turn.label_start, turn.label_end, holder, "role", role=title)
        return SpeakerMention(turn.label_start, turn.label_end, title, "description", person=True)
    return SpeakerMention(turn.label_start, turn.label_end, resolver.label_name(" ".join(name)), "name", role=role)
