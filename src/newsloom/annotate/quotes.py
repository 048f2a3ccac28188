"""Quotes with their cue verbs and speakers: direct, partial and indirect speech."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsloom.annotate.attribution import attribute
from newsloom.annotate.basis import basis_of, carried
from newsloom.annotate.cues import CUE_LEMMAS, REPORT_LEMMAS, according_in, subject_of
from newsloom.annotate.indirect import find_indirect, framed_statement
from newsloom.annotate.quotemarks import QuotedSpan, find_quoted_spans
from newsloom.annotate.speakers import SpeakerMention, SpeakerResolver
from newsloom.model import Mention, Quote

SENTENCE_OPENERS = set(":,.;\u2014\u2013-\n")
_PARA_BREAK = re.compile(r"\n\s*")
_MARKS = "\"'\u201c\u201e\u00ab"
_WORD = re.compile(r"[^\W_][\w'\u2019.-]*")
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "at", "by", "with", "from", "no"}
MAX_TITLE_WORDS = 6


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    """Tokens covering the character range, expanded to token boundaries."""
    return doc.char_span(start, end, alignment_mode="expand")


def _kind(text: str, start: int) -> str:
    """Direct when the quote (inside starting at `start`) opens its own clause; partial when woven into a sentence."""
    inner = text[start:].lstrip()
    j = start - 1
    while j >= start - 2 and j >= 0 and text[j] in _MARKS:
        j -= 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    prev = text[j] if j >= 0 else "\n"
    if prev in SENTENCE_OPENERS and (inner[:1].isupper() or inner[:1] in "\u2026."):
        return "direct"
    return "partial"


def _is_title(qs: QuotedSpan, text: str) -> bool:
    """A short run of capitalised words inside a sentence: a title or a name ("This Week", "The Revenant")."""
    words = _WORD.findall(text[qs.start : qs.end])
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return 0 < len(words) <= MAX_TITLE_WORDS and bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def find_quotes(doc: Doc, mentions: list[Mention], report_id: str) -> list[Quote]:
    """Quoted passages (direct, partial) in text order, then reported speech (indirect), speakers resolved."""
    resolver = SpeakerResolver(doc, mentions)
    text = resolver.text
    spans = find_quoted_spans(text)
    quoted = [(s.start, s.end) for s in spans]
    firsts = [s.start for s in resolver.sents]

    def sent_of(i: int) -> Span:
        """The sentence holding token `i`."""
        return resolver.sents[bisect_right(firsts, i) - 1]

    indirect = find_indirect(doc, resolver, quoted, report_id)
    found: list[tuple[QuotedSpan, Quote]] = []
    first_token: list[int] = []
    for qs in spans:
        tokens = _tokens_in(doc, qs.start, qs.end)
        if tokens is None or not len(tokens):
            continue
        kind = _kind(text, qs.start)
        cue, subj, beside = attribute(tokens, quoted, sent_of)
        speaker = _speaker(resolver, subj, sent_of(tokens.start))
        if kind == "partial" and ((cue is None and speaker is None) or _is_title(qs, text)):
            continue  # scare quotes, titles and slogans: nobody is quoted
        quote = Quote(
            report_id=report_id, text=text[qs.start : qs.end], start=qs.start, end=qs.end, kind=kind,
            cue=cue.text if cue is not None else "",
            sentence_start=sent_of(tokens.start).start_char, sentence_end=sent_of(tokens.end - 1).end_char,
        )
        quote.basis, quote.confidence = basis_of(speaker, cue, beside)
        if speaker is not None:
            _give(quote, speaker)
            if speaker.name:
                resolver.last_speaker = speaker
        found.append((qs, quote))
        first_token.append(tokens.start)
        if kind == "partial" and cue is not None and not any(q.start <= qs.start and qs.end <= q.end for q in indirect):
            framed = framed_statement(cue, quote, text, quoted, sent_of(tokens.start))
            if framed is not None:
                indirect.append(framed)
    own = [q.speaker_start is not None for _, q in found]
    for n, (qs, quote) in enumerate(found):
        if own[n] or quote.kind != "direct":
            continue
        speaker = (
            _from_following(text, found, own, n)
            or _continued_speaker(text, found[:n], qs, indirect)
            or _introduced(resolver, doc, first_token[n], sent_of)
        )
        if speaker is not None:
            _give(quote, speaker)
            quote.basis, quote.confidence = carried(speaker)
    return [q for _, q in found] + sorted(indirect, key=lambda q: q.start)


def _give(quote: Quote, speaker: SpeakerMention) -> None:
    """Attribute a quote to a speaker mention."""
    quote.speaker, quote.speaker_start, quote.speaker_end = speaker.name, speaker.start, speaker.end


def _from_following(text: str, found: list[tuple[QuotedSpan, Quote]], own: list[bool], n: int) -> SpeakerMention | None:
    """The speaker of a later piece of the same quotation: the rest of a quote running across paragraphs,
    or the attributed quote that follows in the same paragraph ("'A.' 'B,' she said.")."""
    qs, quote = found[n]
    for m in range(n + 1, len(found)):
        later_span, later = found[m]
        between = text[quote.end : later.start]
        same_chain = later_span.chain == qs.chain
        if not same_chain and ("\n" in between.strip() or len(between) >= 200):
            return None
        if own[m]:
            return _mention_of(later)
        if not same_chain:
            return None
    return None


def _speaker(resolver: SpeakerResolver, subj: Token | None, sent: Span) -> SpeakerMention | None:
    """Speaker for a quote from the subject of its cue, or from "according to X" in its sentence."""
    if subj is not None:
        return resolver.resolve(subj)
    obj = according_in(sent)
    return resolver.resolve(obj) if obj is not None else None


def _continued_speaker(
    text: str, earlier: list[tuple[QuotedSpan, Quote]], qs: QuotedSpan, indirect: list[Quote]
) -> SpeakerMention | None:
    """Speaker of a quote that goes on from an attributed one: the previous quotation in its paragraph
    or chain, else the latest attributed statement in the same or the previous paragraph."""
    if earlier:
        pspan, pquote = earlier[-1]
        same = pspan.chain == qs.chain or "\n" not in text[pspan.end : qs.start]
        if same and pquote.speaker_start is not None:
            return _mention_of(pquote)
    before = [q for q in (*(q for _, q in earlier), *indirect) if q.speaker_start is not None and q.start < qs.start]
    if not before:
        return None
    last = max(before, key=lambda q: q.end)
    gap = text[last.end : qs.start]
    if len(_PARA_BREAK.findall(gap)) <= 1 and len(gap) < 400:
        return _mention_of(last)
    return None


def _mention_of(quote: Quote) -> SpeakerMention:
    """The speaker mention a quote was given."""
    return SpeakerMention(quote.speaker_start or 0, quote.speaker_end or 0, quote.speaker)


def _introduced(resolver: SpeakerResolver, doc: Doc, first: int, sent_of: Callable[[int], Span]) -> SpeakerMention | None:
    """The speaker a paragraph-opening quote is introduced by: the subject of the cue closing the paragraph before."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 0 or "\n" not in resolver.text[doc[k].idx : doc[first].idx]:
        return None
    root = sent_of(k).root
    if root.lemma_.lower() not in CUE_LEMMAS | REPORT_LEMMAS:
        return None
    subj = subject_of(root)
    return resolver.resolve(subj) if subj is not None else None
