"""Check-worthy claims: sentences stating events, numbers, dates or attributed statements."""
from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np
from spacy.attrs import DEP, IS_PUNCT
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from newsloom.annotate.doc_text import doc_text
from newsloom.annotate.token_values import indices, tagged, valued
from newsloom.model import Claim, DateMention, Mention, Quote

FACT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT", "LAW", "LOC"}
NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# Wording that marks the outlet's own commentary rather than a checkable statement.
OPINION = re.compile(
    r"\b(remains to be seen|raises questions|far-reaching|clear indication|it(?: is|'s|\u2019s) unclear|poised to|"
    r"hangs in the balance|precariously|undoubtedly|arguably|we believe|in our view|must not|should be)\b",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
FACET_DEPS = {"advcl", "conj", "relcl", "acl", "ccomp"}  # clauses that can carry a claim of their own
FACET_MIN_TOKENS = 5
FACET_MAX_SHARE = 0.8  # a facet shorter than this share of its claim's tokens adds something
MAX_FACETS = 3


def _has_finite_verb(sent: Span, roots: list[int]) -> bool:
    """True when the sentence has a main verb (headings and captions do not); `roots`: the document's verbs that
    may be a root (`_Index.verb_roots`)."""
    doc = sent.doc
    return any(doc[i].dep_ == "ROOT" and doc[i].pos_ in {"VERB", "AUX"} for i in _within(roots, sent))


def _within(tokens: list[int], span: Span) -> list[int]:
    """The token indices of a sorted list that lie in the span."""
    return tokens[bisect_left(tokens, span.start) : bisect_left(tokens, span.end)]


def _is_event(sent: Span) -> bool:
    """A declarative sentence with an explicit subject and a past or present action verb."""
    root = sent.root
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
    index = _Index(doc, mentions, dates, quotes)
    claims: list[Claim] = []
    for sent in doc.sents:
        said = _span_text(index.text, sent).strip()
        if len(said) < 30 or said.endswith("?") or not _has_finite_verb(sent, index.verb_roots):
            continue
        for start, end in _clauses(index.text, sent, index.ands):
            claim = _claim(index, start, end, report_id)
            if claim is not None:
                claims.append(claim)
    return claims


class _Index:
    """The article's text, number entities, mentions, dates and quotes, sorted for lookups by position."""

    def __init__(self, doc: Doc, mentions: list[Mention], dates: list[DateMention], quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.numbers = [(e.start, e.end, e.text) for e in doc.ents if e.label_ in NUMBER_LABELS]
        self.number_starts = [n[0] for n in self.numbers]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.dates = sorted(dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        self.quotes = sorted((q.start, n, q) for n, q in enumerate(quotes) if q.speaker)
        self.quote_starts = [q[0] for q in self.quotes]
        # The tokens the clause tests may care about, each list a superset of them, in order (they test each one).
        verbs = tagged(doc, VERB) | tagged(doc, AUX)
        self.verb_roots = indices(verbs & valued(doc, DEP, {"ROOT"}))
        self.ands = indices(valued(doc, DEP, {"cc"}))
        self.facet_verbs = indices(verbs & valued(doc, DEP, FACET_DEPS))
        words = doc.to_array([IS_PUNCT]) == 0 if len(doc) else np.zeros(0, dtype=bool)
        self.words_before = [0, *np.cumsum(words).tolist()]  # words (not punctuation) before each token

    def words_in(self, span: Span) -> int:
        """How many tokens of the span are not punctuation."""
        return self.words_before[span.end] - self.words_before[span.start]

    def numbers_in(self, span: Span) -> list[str]:
        """Numbers stated inside a span of tokens, as written."""
        inside = self.numbers[bisect_left(self.number_starts, span.start) : bisect_left(self.number_starts, span.end)]
        return [text for _, end, text in inside if end <= span.end]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Entity mentions starting in [start, end)."""
        return self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Date mentions starting in [start, end)."""
        return self.dates[bisect_left(self.date_starts, start) : bisect_left(self.date_starts, end)]

    def speaker_of(self, clause: Span) -> str | None:
        """Who states the clause: the speaker of the quotes that are its main statement, None for the outlet's voice.

        A quote is the clause's statement when its speaker is the subject of the clause's main verb
        ("Peskov said ...", "... , he said", "'...,' Peskov said, but ...") or, failing that, when the main
        verb lies in the quoted words. A quote inside a side clause ("the harbour vote, in which Brun warned the
        lease was 'a gamble', has been seen as a gift") leaves the clause to the outlet;
        different people as its statement leave it to no one.
        """
        start, end = clause.start_char, clause.end_char
        inside = [q for _, _, q in self.quotes[bisect_left(self.quote_starts, start) : bisect_left(self.quote_starts, end)]]
        root = clause.root
        subjects = {q.speaker for q in inside if self._speaks_main_verb(q, clause, root)}
        if subjects:
            return subjects.pop() if len(subjects) == 1 else None
        holders = {q.speaker for q in inside if q.start <= root.idx < q.end}
        return holders.pop() if len(holders) == 1 else None

    def _speaks_main_verb(self, quote: Quote, clause: Span, root: Token) -> bool:
        """True when the quote's speaker, written in the clause, is the subject of its main verb or of a verb beside it."""
        at = quote.speaker_start
        if at is None or not clause.start_char <= at < clause.end_char:
            return False
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None:
            return False
        verb = _governing_verb(span[0])
        return verb == root or (verb.dep_ == "parataxis" and verb.head == root)


def _span_text(text: str, span: Span) -> str:
    """A span's text, `span.text`, cut from the document's text (spaCy joins the span's tokens anew each time)."""
    return text[span.start_char : span.end_char]


def _governing_verb(tok: Token) -> Token:
    """The verb a token belongs to: its nearest verb ancestor (itself when a verb), else the sentence root."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _clauses(text: str, sent: Span, ands: list[int]) -> list[tuple[int, int]]:
    """Character spans of a sentence's coordinated main clauses when each has its own subject.

    "The council approved X and the mayor signed Y" is two claims; "the port praised X and expects Y"
    stays one, its second verb phrase being a facet. A second clause the parser hung inside the first
    ("Dancz gloated over the thrashing of Brun, and spokeswoman Lena Ostrova marveled at ...")
    is split off too. `ands`: the document's tokens that may be a coordinating word (`_Index.ands`).
    """
    root = sent.root
    conj = next((c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}), None)
    cc = next((c for c in root.children if c.dep_ == "cc" and conj is not None and c.i < conj.i), None)
    said = _span_text(text, sent)
    start = sent.start_char + (len(said) - len(said.lstrip()))
    end = start + len(said.strip())
    if (conj is None or cc is None or sent.end - conj.i < 4
            or not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in conj.children)):
        conj, cc = _hung_clause(sent, ands)
    if conj is None or cc is None or cc.i - sent.start < 5 or sent.end - conj.i < 4 or _in_quote_marks(text, sent, cc):
        return [(start, end)]
    first_end = cc.idx
    while first_end > start and text[first_end - 1] in " ,;:\u2014\u2013-":
        first_end -= 1
    return [(start, first_end), (conj.left_edge.idx if conj.left_edge.i > cc.i else conj.idx, end)]


def _hung_clause(sent: Span, ands: list[int]) -> tuple[Token | None, Token | None]:
    """A ", and <named subject> <verb> ..." clause the parser attached inside the one before it: its verb and the "and".

    Only a noun or a name right after ", and" that is the subject of a verb hung on an earlier word
    counts ("..., and Lena Ostrova marveled at ..."); "..., and that ...", "..., and I agree" do not.
    """
    for cc in map(sent.doc.__getitem__, _within(ands, sent)):
        if cc.dep_ != "cc" or cc.i == sent.start or sent.doc[cc.i - 1].text != "," or cc.i + 1 >= sent.end:
            continue
        subject = next((t for t in sent[cc.i + 1 - sent.start :] if t.dep_ in {"nsubj", "nsubjpass"}
                        and t.left_edge.i == cc.i + 1 and t.pos_ in {"NOUN", "PROPN"}), None)
        verb = subject.head if subject is not None else None
        if (verb is not None and verb.pos_ == "VERB" and verb.i > subject.i and verb.head.i < cc.i
                and verb.dep_ in {"relcl", "conj", "advcl", "acl"}):
            return verb, cc
    return None, None


def _has_subject(span: Span) -> bool:
    """True when some verb of the clause has a subject in it (headline fragments and captions have none)."""
    return any(t.dep_ in SUBJECT_DEPS and span.start <= t.head.i < span.end for t in span)


def _quote_fragment(text: str, span: Span) -> bool:
    """True for a sentence that continues a quotation with a pronoun for subject and no one said to say it.

    "It means, as everyone can see, a shift." inside a longer quote leans on the sentence before it.
    """
    start, end = span.start_char, span.end_char
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if not (before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1):
        return False
    closing = max(text.rfind("\u201d", start, end), text.rfind('"', start, end))
    if closing >= 0 and any(ch.isalpha() for ch in text[closing:end]):
        return False  # '... our vision," Peskov said': the sentence names its speaker
    subjects = [c for c in span.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and all(c.pos_ == "PRON" for c in subjects)


def _in_quote_marks(text: str, sent: Span, tok: Token) -> bool:
    """True when the token sits inside quotation marks (a quote is kept whole)."""
    before = text[sent.start_char : tok.idx]
    return (before.count("\u201c") > before.count("\u201d")) or before.count('"') % 2 == 1


def _claim(index: _Index, start: int, end: int, report_id: str) -> Claim | None:
    """A claim for one clause, when it names something checkable and is not the outlet's own opinion."""
    text = index.text[start:end]
    sent = index.doc.char_span(start, end, alignment_mode="expand")
    if sent is None:
        return None
    ents = [m for m in index.mentions_in(start, end) if m.label in FACT_LABELS]
    sent_dates = index.dates_in(start, end)
    numbers = index.numbers_in(sent)
    speaker = index.speaker_of(sent)
    if not (ents or numbers or sent_dates or _is_event(sent)):
        return None
    if not _has_subject(sent) or _quote_fragment(index.text, sent):
        return None  # words with no subject of their own, or the rest of a quotation ("It means ...")
    if speaker is None and OPINION.search(text):
        return None
    return Claim(
        report_id=report_id, text=_WS.sub(" ", text), start=start, end=end, speaker=speaker,
        entities=sorted({m.canonical for m in ents}), numbers=numbers, dates=sent_dates, facets=_facets(sent, index),
    )


def _facets(span: Span, index: _Index) -> list[tuple[int, int]]:
    """Character spans of the clause's embedded clauses ("..., notably siding with Russia in U.N. votes").

    A sentence often states a second claim in a participial, relative or adverbial clause; aligning
    that clause on its own lets a report back a claim its main clause does not make.
    """
    words = index.words_in(span)
    found: list[tuple[int, int]] = []
    for tok in map(span.doc.__getitem__, _within(index.facet_verbs, span)):
        if tok.dep_ not in FACET_DEPS or tok.pos_ not in {"VERB", "AUX"} or tok.head.i == tok.i:
            continue
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            continue  # "voted to lease the terminal": a purpose, not a claim of its own
        sub = [t for t in tok.subtree if span.start <= t.i < span.end]
        body = [t for t in sub if not t.is_punct]
        if len(body) < FACET_MIN_TOKENS or len(body) > FACET_MAX_SHARE * words:
            continue
        while sub and (sub[0].is_punct or sub[0].dep_ in {"cc", "mark"}):
            sub = sub[1:]
        while sub and sub[-1].is_punct:
            sub = sub[:-1]
        if sub:
            found.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    found.sort(key=lambda f: f[0] - f[1])
    return sorted(set(found[:MAX_FACETS]))
