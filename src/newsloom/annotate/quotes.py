"""Quotes with their cue verbs and speakers: direct, partial and indirect speech."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsloom.annotate.entities import SPEECH_LEMMAS
from newsloom.annotate.quotemarks import QuotedSpan, find_quoted_spans
from newsloom.annotate.speakers import SUBJECT_DEPS, SpeakerMention, SpeakerResolver
from newsloom.model import Mention, Quote

CUE_LEMMAS = SPEECH_LEMMAS | {
    "call", "explain", "announce", "declare", "stress", "emphasize", "emphasise", "suggest", "ask", "reply",
    "respond", "comment", "acknowledge", "admit", "describe", "hail", "deny", "predict", "promise", "vow",
    "concede", "confirm", "assert", "tweet", "post", "recall", "complain", "urge", "quip", "report",
    "accuse", "caution", "observe", "continue", "conclude", "testify", "mention", "lament", "boast", "speak",
}
INDIRECT_LEMMAS = {
    "say", "tell", "claim", "state", "warn", "announce", "insist", "argue", "add", "note", "stress",
    "emphasize", "suggest", "deny", "confirm", "assert", "predict", "acknowledge", "admit", "concede",
}
SENTENCE_OPENERS = set(":,.;\u2014\u2013-\n")
_PARA_BREAK = re.compile(r"\n\s*")


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    """Tokens covering the character range, expanded to token boundaries."""
    return doc.char_span(start, end, alignment_mode="expand")


def _cue_for(span: Span, quoted: list[tuple[int, int]]) -> Token | None:
    """The cue verb governing a quoted span: an ancestor speech verb, else one nearby in its sentence."""
    inside = set(range(span.start, span.end))
    for tok in span:
        if tok.head.i in inside and tok.head is not tok:
            continue
        for anc in [tok, *tok.ancestors]:
            if anc.i in inside:
                continue
            if anc.lemma_.lower() in CUE_LEMMAS and anc.pos_ in {"VERB", "AUX"}:
                return anc
    doc = span.doc
    sent_start, sent_end = doc[span.start].sent.start, doc[span.end - 1].sent.end
    candidates = [
        t for t in doc[sent_start:sent_end]
        if t.lemma_.lower() in CUE_LEMMAS and t.pos_ == "VERB" and not _in_quotes(t, quoted)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))


def _in_quotes(tok: Token, quoted: list[tuple[int, int]]) -> bool:
    """True when the token lies inside any quoted span."""
    return any(s <= tok.idx < e for s, e in quoted)


def _subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through participles and conjuncts ("..., adding that ...")."""
    cur: Token | None = verb
    for _ in range(4):
        if cur is None:
            return None
        subjects = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        agents = [g for c in cur.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        if cur.dep_ in {"advcl", "conj", "xcomp", "ccomp", "relcl"} and cur.head is not cur:
            cur = cur.head
        else:
            return None
    return None


def _according_to(span: Span) -> Token | None:
    """The object of "according to X" in the sentence of a span."""
    for tok in span.sent:
        if tok.lower_ == "according":
            for to in tok.children:
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def _kind(text: str, mark: int) -> str:
    """Direct when the quote (opening mark at `mark`) starts its own clause; partial when woven into a sentence."""
    inner = text[mark + 1 :].lstrip()
    j = mark - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    prev = text[j] if j >= 0 else "\n"
    if prev in SENTENCE_OPENERS and (inner[:1].isupper() or inner[:1] in "\u2026."):
        return "direct"
    return "partial"


def find_quotes(doc: Doc, mentions: list[Mention], report_id: str) -> list[Quote]:
    """All direct, partial and indirect quotes in a parsed article, speakers resolved."""
    text = doc.text
    spans = find_quoted_spans(text)
    quoted = [(s.start, s.end) for s in spans]
    resolver = SpeakerResolver(doc, mentions)
    quotes: list[Quote] = []
    prev: tuple[QuotedSpan, Quote] | None = None
    for qs in spans:
        tokens = _tokens_in(doc, qs.start, qs.end)
        if tokens is None or not len(tokens):
            continue
        kind = _kind(text, qs.start - 1)
        cue = _cue_for(tokens, quoted)
        speaker = _speaker(resolver, cue, tokens)
        quote = Quote(
            report_id=report_id, text=text[qs.start : qs.end], start=qs.start, end=qs.end, kind=kind,
            cue=cue.text if cue is not None else "",
            sentence_start=doc[tokens.start].sent.start_char, sentence_end=doc[tokens.end - 1].sent.end_char,
        )
        if speaker is None and prev is not None and kind == "direct":
            speaker = _continued_speaker(text, prev, qs)
        if speaker is not None:
            quote.speaker, quote.speaker_start, quote.speaker_end = speaker.name, speaker.start, speaker.end
            if speaker.name:
                resolver.last_speaker = speaker
        quotes.append(quote)
        prev = (qs, quote)
    _backfill_split_quotes(quotes, text)
    quotes.extend(_indirect_quotes(doc, resolver, quoted, report_id))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _speaker(resolver: SpeakerResolver, cue: Token | None, tokens: Span) -> SpeakerMention | None:
    """Speaker for a quote from its cue verb, or from "according to X"."""
    if cue is not None:
        subj = _subject_of(cue)
        if subj is not None and not (tokens.start <= subj.i < tokens.end):
            return resolver.resolve(subj)
    obj = _according_to(tokens)
    if obj is not None:
        return resolver.resolve(obj)
    return None


def _continued_speaker(text: str, prev: tuple[QuotedSpan, Quote], qs: QuotedSpan) -> SpeakerMention | None:
    """Speaker of a quote that continues the previous one (same chain, same or next paragraph)."""
    pspan, pquote = prev
    if pquote.speaker is None:
        return None
    gap = text[pspan.end : qs.start]
    if pspan.chain == qs.chain or (len(_PARA_BREAK.findall(gap)) <= 1 and len(gap) < 400):
        return SpeakerMention(pquote.speaker_start or 0, pquote.speaker_end or 0, pquote.speaker)
    return None


def _backfill_split_quotes(quotes: list[Quote], text: str) -> None:
    """Give an unattributed opening quote the speaker of the quote that follows it in the same paragraph."""
    for first, second in zip(quotes, quotes[1:]):
        if first.speaker is None and second.speaker and first.kind == "direct":
            between = text[first.end : second.start]
            if "\n" not in between.strip() and len(between) < 200:
                first.speaker, first.speaker_start, first.speaker_end = (
                    second.speaker, second.speaker_start, second.speaker_end,
                )


def _indirect_quotes(doc: Doc, resolver: SpeakerResolver, quoted: list[tuple[int, int]], report_id: str) -> list[Quote]:
    """Reported speech ("Peskov said that ..."): a speech verb's clausal complement with no quotation marks."""
    found: list[Quote] = []
    for tok in doc:
        if tok.lemma_.lower() not in INDIRECT_LEMMAS or tok.pos_ != "VERB":
            continue
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        if not comps and tok.dep_ in {"ccomp", "parataxis"} and tok.head.i < tok.i:
            comps = [tok.head]
        subj = _subject_of(tok)
        if not comps or subj is None:
            continue
        comp = comps[0]
        left, right = _clause_bounds(comp, tok, subj)
        start, end = doc[left].idx, doc[right].idx + len(doc[right])
        if end - start < 15 or any(s < end and start < e for s, e in quoted):
            continue
        if any(c in doc.text[start:end] for c in '"\u201c\u201d'):
            continue
        speaker = resolver.resolve(subj)
        found.append(Quote(
            report_id=report_id, text=doc.text[start:end], start=start, end=end, kind="indirect",
            cue=tok.text, speaker=speaker.name, speaker_start=speaker.start, speaker_end=speaker.end,
            sentence_start=tok.sent.start_char, sentence_end=tok.sent.end_char,
        ))
    return found


def _clause_bounds(comp: Token, verb: Token, subj: Token) -> tuple[int, int]:
    """Token bounds of a reported clause, without the complementiser, the cue or its subject."""
    left, right = comp.left_edge.i, comp.right_edge.i
    if comp.i < verb.i:  # "X is happening, the Kremlin said"
        right = min(right, subj.left_edge.i - 1, verb.i - 1)
    doc = comp.doc
    while left <= right and (doc[left].lower_ == "that" and doc[left].dep_ == "mark" or doc[left].is_punct):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return left, right
