"""Reported speech: "X said that ...", "..., X said", "according to X, ...", "X called the plan 'a gift'"."""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from spacy.attrs import LEMMA, LOWER
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from newsloom.annotate.basis import basis_of
from newsloom.annotate.cues import (
    BELIEF_LEMMAS,
    LABEL_LEMMAS,
    REPORT_LEMMAS,
    Spans,
    according_to,
    is_own_subject,
    speaker_of,
)
from newsloom.annotate.speakers import SpeakerMention, SpeakerResolver
from newsloom.annotate.token_values import indices, lowered_in, tagged, valued
from newsloom.model import Quote

MIN_CHARS = 12
_OBJECTS = {"dobj", "xcomp", "attr", "acomp", "oprd"}
_OPENING_MARKS = "\"'\u201c\u201e\u00ab\u2018"
_CLOSING_MARKS = "\"'\u201d\u00bb\u2019"
_CUES = REPORT_LEMMAS | BELIEF_LEMMAS | LABEL_LEMMAS


def find_indirect(doc: Doc, resolver: SpeakerResolver, quoted: Spans, report_id: str) -> list[Quote]:
    """Every reported statement of the article, quotation marks inside it allowed."""
    found: list[Quote] = []
    text = resolver.text
    sents = resolver.sents
    firsts = [s.start for s in sents]
    inside = {t.i for s, e in quoted if (span := doc.char_span(s, e, alignment_mode="expand")) for t in span}
    for i in _cue_words(doc):
        if i in inside:
            continue
        tok = doc[i]
        sent = sents[bisect_right(firsts, i) - 1]
        source = according_to(tok)
        if source is not None:
            content, cue, speaker_tok = _according_content(tok, sent), "according to", source
        elif tok.pos_ == "VERB" and (lemma := tok.lemma_.lower()) in _CUES:
            speaker_tok = speaker_of(tok)
            if speaker_tok is None or speaker_tok.lower_ == "you" or speaker_tok.i in inside:
                continue
            if lemma in BELIEF_LEMMAS and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORT_LEMMAS:
                continue  # "she said she believes X": the belief is what she said
            if _negated(tok) or _conditional(tok):
                continue  # "did not say", "if people think X, ...": nothing was stated
            content = _label_content(tok) if lemma in LABEL_LEMMAS else _complement(tok)
            cue = tok.text
        else:
            continue
        bounds = _bounds(doc, text, content, quoted) if content else None
        if bounds is None:
            continue
        own = source is not None or is_own_subject(speaker_tok, tok)
        speaker = resolver.past_the_agent(resolver.resolve(speaker_tok, describe=own))
        found.append(_statement(report_id, text, bounds, cue, speaker, sent))
    found += _headline_statements(doc, resolver, sents, quoted, report_id)
    return found


def _cue_words(doc: Doc) -> list[int]:
    """The tokens that may report a statement, in order: the verbs whose lemma is a cue, and the word "according"
    (of "according to X"); `find_indirect` passes over every other token without a look."""
    return indices(lowered_in(doc, LEMMA, _CUES, tagged(doc, VERB)) | valued(doc, LOWER, {"according"}))


def _statement(report_id: str, text: str, bounds: tuple[int, int], cue: str, speaker: SpeakerMention, sent: Span) -> Quote:
    """An indirect quote over `bounds`."""
    start, end = bounds
    basis, confidence = basis_of(speaker, None, False)
    return Quote(
        report_id=report_id, text=text[start:end], start=start, end=end, kind="indirect", cue=cue,
        speaker=speaker.name, speaker_start=speaker.start, speaker_end=speaker.end,
        sentence_start=sent.start_char, sentence_end=sent.end_char, basis=basis, confidence=confidence,
        doubt=speaker.doubt,
    )


def _headline_statements(
    doc: Doc, resolver: SpeakerResolver, sents: list[Span], quoted: Spans, report_id: str
) -> list[Quote]:
    """Headline-style attributions opening a paragraph: "Lynch: No outside influence on FBI probe"."""
    found = []
    text = resolver.text
    for sent in sents:
        if ":" not in text[sent.start_char : sent.end_char]:
            continue  # no colon among its words
        colon = next((t for t in sent[:5] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or (sent.start_char and text[sent.start_char - 1] != "\n"):
            continue
        names = sent.doc[sent.start : colon.i]
        if not all(t.pos_ == "PROPN" for t in names):
            continue
        content = {t.i for t in sent if t.i > colon.i}
        bounds = _bounds(doc, text, content, quoted) if content else None
        if bounds is not None:
            found.append(_statement(report_id, text, bounds, ":", resolver.resolve(names[-1]), sent))
    return found


def framed_statement(cue: Token, quote: Quote, text: str, quoted: Spans, sent: Span) -> Quote | None:
    """What a verb framing quoted words reports, as indirect speech: the words after the verb
    ("mocked [Rubio for 'having a tough night' because he lost]"), the quotation among them."""
    if cue.idx > quote.start:
        return None
    tokens = {t.i for c in cue.rights if c.dep_ not in {"punct", "cc", "conj", "parataxis"} for t in c.subtree}
    if not tokens or not (cue.doc[min(tokens)].idx <= quote.start and quote.end <= _end_of(cue.doc, max(tokens))):
        return None
    bounds = _bounds(cue.doc, text, tokens, quoted)
    if bounds is None or bounds == (quote.start, quote.end):
        return None
    framed = _statement(quote.report_id, text, bounds, cue.text, SpeakerMention(0, 0, quote.speaker), sent)
    framed.speaker_start, framed.speaker_end = quote.speaker_start, quote.speaker_end
    framed.basis, framed.confidence = quote.basis, quote.confidence  # as sure as the quoted words' speaker
    framed.doubt = quote.doubt
    return framed


def _end_of(doc: Doc, i: int) -> int:
    """Character offset just past token `i`."""
    return doc[i].idx + len(doc[i])


def _complement(verb: Token) -> set[int]:
    """Token indices of what a speech verb reports: its clausal complement, or the clause it interrupts."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if comps:
        comp = comps[0]
        tokens = {t.i for t in comp.subtree}
        for part in comp.children:  # "told the AP X and said Y": Y is the verb's own second report
            if part.dep_ == "conj" and part.lemma_.lower() in REPORT_LEMMAS and not _has_subject(part):
                tokens -= {t.i for t in part.subtree} | {c.i for c in comp.children if c.dep_ == "cc" and c.i < part.i}
        return tokens
    head = verb.head
    if verb.dep_ not in {"ccomp", "parataxis"} or head.i == verb.i or head.pos_ not in {"VERB", "AUX"}:
        return set()
    if head.lemma_.lower() in REPORT_LEMMAS | BELIEF_LEMMAS or any(c.dep_ in _OBJECTS for c in verb.children):
        return set()  # "they said they expect ...": the verb is the report, not an aside
    # "X is Y, he said" / "X, he said, is Y"; not "X," he said, and then Y" (a clause of its own)
    cue = {t.i for t in verb.subtree}
    before = {t.i for t in head.subtree if t.i < min(cue)}
    after = [t for t in head.subtree if t.i > max(cue) and not t.is_punct]
    if after and after[0].pos_ != "CCONJ":
        before |= {t.i for t in after}
    return before


def _negated(verb: Token) -> bool:
    """True when the verb is denied ("did not say", "never claimed", "no longer describes")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and (c.lower_ == "never" or (
        c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)))) for c in verb.children)


def _conditional(verb: Token) -> bool:
    """True when the verb heads a condition ("if people think ...", "unless they claim ..."): nobody stated it."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


_CONDITIONS = {"if", "unless", "whether"}


def _has_subject(verb: Token) -> bool:
    """True when the verb has a subject of its own."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _label_content(verb: Token) -> set[int]:
    """The object and its description: "called [the plan a gift]", "described [the vote as historic]"."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    descs = [c for c in verb.children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")]
    if not objs or not descs:
        return _complement(verb)
    return {t.i for part in (objs[0], *descs) for t in part.subtree}


def _according_content(according: Token, sent: Span) -> set[int]:
    """The clause an "according to X" phrase attributes, without the phrase itself."""
    clause = according.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in {"VERB", "AUX"}:
        clause = sent.root
    return {t.i for t in clause.subtree} - {t.i for t in according.subtree}


def _bounds(doc: Doc, text: str, tokens: set[int], quoted: Spans) -> tuple[int, int] | None:
    """Character bounds of the reported content, trimmed of edge punctuation and widened to whole quotes.

    None when it is too short, starts inside a quotation, or is nothing but one quotation (a direct
    quote already stands for it).
    """
    words = [i for i in tokens if not (doc[i].is_punct or doc[i].is_space)]
    if not words:
        return None
    left, right = min(words), max(words)
    while left < right and (doc[left].dep_ == "cc" or doc[left].is_punct or _opener(doc, left)):
        left += 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    if start < _end_before(quoted, start):
        return None
    end = max(end, _end_before(quoted, end))
    at = _containing(quoted, start)
    if at is not None and at[0] == start and end > at[1] and _joined_after(doc, at[1]):
        end = at[1]  # 'said: "A mistake," but in fact she used one account': the writer adds the rest
    if at is not None and end <= at[1]:
        return None
    if not any(ch.isalnum() for s, e in _outside(start, end, quoted) for ch in text[s:e]):
        return None
    if at is not None and at[0] == start:  # keep the marks of a quotation the content starts or ends with
        start -= _run(text[max(0, start - 2) : start][::-1], _OPENING_MARKS)
    if _end_before(quoted, end) == end:
        end += _run(text[end : end + 2], _CLOSING_MARKS)
    return (start, end) if end - start >= MIN_CHARS else None


def _joined_after(doc: Doc, offset: int) -> bool:
    """True when the first word after a quotation ending at `offset` joins a clause of the writer's to it ("but in
    fact she used ..."), not another quotation ('"Get out" and "Be nice"') or more words ('"painful" but necessary')."""
    span = doc.char_span(offset, min(offset + 40, doc[-1].idx + len(doc[-1])), alignment_mode="expand")
    words = [t for t in (span if span is not None else []) if not (t.is_punct or t.is_space) or t.is_quote]
    words = words[1:] if words and words[0].is_quote else words  # the quotation's own closing mark
    if len(words) < 2 or words[0].pos_ != "CCONJ" or words[1].is_quote:
        return False
    joined = [c for c in words[0].head.children if c.dep_ == "conj" and c.i > words[0].i]
    return bool(joined) and joined[0].pos_ in {"VERB", "AUX"} and _has_subject(joined[0])  # a clause of its own


def _opener(doc: Doc, i: int) -> bool:
    """A discourse adverb and its comma opening the content ("Meanwhile, ...", "Still, ...")."""
    return doc[i].pos_ in {"ADV", "CCONJ"} and i + 1 < len(doc) and doc[i + 1].text == ","


def _run(chars: str, marks: str) -> int:
    """How many leading characters of `chars` are quotation marks."""
    n = 0
    while n < len(chars) and chars[n] in marks:
        n += 1
    return n


def _end_before(quoted: Spans, i: int) -> int:
    """End of the last quoted span starting before offset `i` (-1 when none); spans in text order, none overlapping."""
    k = bisect_left(quoted, (i,)) - 1
    return quoted[k][1] if k >= 0 else -1


def _containing(quoted: Spans, i: int) -> tuple[int, int] | None:
    """The last quoted span starting at or before offset `i`."""
    k = bisect_right(quoted, (i, math.inf)) - 1
    return quoted[k] if k >= 0 else None


def _outside(start: int, end: int, quoted: Spans) -> Spans:
    """The parts of [start, end) that no quoted span covers."""
    parts, cur = [], start
    for s, e in quoted[max(0, bisect_left(quoted, (start,)) - 1) : bisect_left(quoted, (end,))]:
        if e <= cur or s >= end:
            continue
        if s > cur:
            parts.append((cur, s))
        cur = max(cur, e)
    if cur < end:
        parts.append((cur, end))
    return parts
