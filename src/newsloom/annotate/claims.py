"""Check-worthy claims: sentences stating events, numbers, dates or attributed statements."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsloom.model import Claim, DateMention, Mention, Quote

FACT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT", "LAW", "LOC"}
NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# Wording that marks the outlet's own commentary rather than a checkable statement.
OPINION = re.compile(
    r"\b(remains to be seen|raises questions|far-reaching|clear indication|it is unclear|poised to|"
    r"hangs in the balance|precariously|undoubtedly|arguably|we believe|in our view|must not|should be)\b",
    re.I,
)
_WS = re.compile(r"\s+")


def _numbers(sent: Span) -> list[str]:
    """Numbers stated in a sentence, as written."""
    return [e.text for e in sent.ents if e.label_ in NUMBER_LABELS]


def _has_finite_verb(sent: Span) -> bool:
    """True when the sentence has a main verb (headings and captions do not)."""
    return any(t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"} for t in sent)


def _is_event(sent: Span) -> bool:
    """A declarative sentence with an explicit subject and a past or present action verb."""
    root = next((t for t in sent if t.dep_ == "ROOT"), None)
    return (
        root is not None
        and root.pos_ == "VERB"
        and root.tag_ in {"VBD", "VBZ", "VBP"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)
        and len(sent) >= 7
    )


def find_claims(
    doc: Doc, mentions: list[Mention], dates: list[DateMention], quotes: list[Quote], report_id: str
) -> list[Claim]:
    """Claims of an article: sentences with a verb and a checkable anchor (entity, number or date)."""
    claims: list[Claim] = []
    for sent in doc.sents:
        text = sent.text.strip()
        if len(text) < 30 or text.endswith("?") or not _has_finite_verb(sent):
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        ents = [m for m in mentions if start <= m.start < end and m.label in FACT_LABELS]
        sent_dates = [d for d in dates if start <= d.start < end]
        numbers = _numbers(sent)
        speaker = _attributed_to(quotes, start, end)
        if not (ents or numbers or sent_dates or _is_event(sent)):
            continue
        if speaker is None and OPINION.search(text):
            continue
        claims.append(Claim(
            report_id=report_id, text=_WS.sub(" ", text), start=start, end=end, speaker=speaker,
            entities=sorted({m.canonical for m in ents}), numbers=numbers, dates=sent_dates,
        ))
    return claims


def _attributed_to(quotes: list[Quote], start: int, end: int) -> str | None:
    """Speaker of a quote that lies in the sentence, when the sentence reports someone's statement."""
    for q in quotes:
        if start <= q.start < end and q.speaker:
            return q.speaker
    return None
