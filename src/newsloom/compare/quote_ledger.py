"""The quote ledger: the same quote across reports, grouped, with each outlet's wording."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np
from scipy import sparse

from newsloom.compare.speaker_basis import decide, is_explicit
from newsloom.compare.speaker_fixes import corrected, latest, match_fixes
from newsloom.compare.textsim import containment, content_terms, quote_words, words
from newsloom.model import Annotated, Evidence, Quote, QuoteGroup, SpeakerFix, Variant

MIN_WORDS = 3
SAME_QUOTE = 0.75  # share of the shorter wording found in order in the other
LONG_QUOTE = 10  # words; a quote this long, reworded inside a longer one, is still the same quote
SAME_SPEAKER_QUOTE = 0.55  # the same, when both reports name the same speaker
SPREAD = 1.5  # how far beyond its own length a shorter wording may spread inside a much longer one
OTHER_SPEAKER_SAME = 0.9  # share of the shorter wording a quote needs to overrule a weak attribution to someone else
OTHER_SPEAKER_WORDS = 6  # a quote this long is one quote even when a weak attribution names someone else
LEGACY_CONFIDENCE = 0.8  # for quotes stored before the basis of their attribution was recorded
SELF_NAMED = 0.5  # factor for a pronoun, role or carried attribution to someone the quote names ("Zelenskyy does not ...")
WEAK_BASES = {"pronoun", "role", "carried", "description"}
_INSERTION = re.compile(r"\([^()]*\)")


@dataclass
class QuoteUnit:
    """One quote in one report, with its speaker resolved story-wide."""

    report: str
    text: str
    start: int
    end: int
    speaker: str | None
    kind: str
    tokens: list[str]
    basis: str = "verb"
    confidence: float = 0.85
    speaker_start: int | None = None
    speaker_end: int | None = None
    doubt: str = ""  # why the attribution is less sure than its basis says
    fix: SpeakerFix | None = None  # a person's fix of who said this quote
    part: str = "text"  # "title": the quote is in the report's headline

    @property
    def where(self) -> Evidence:
        """The unit's own span as evidence."""
        return Evidence(self.report, self.start, self.end, self.part)


def _unit(report: str, q: Quote, alias: dict[str, str]) -> QuoteUnit:
    """A quote as a unit, with its speaker's story-wide name and the basis of the attribution."""
    speaker = alias.get(q.speaker, q.speaker) if q.speaker else None
    basis = q.basis or ("verb" if speaker else "none")
    confidence = q.confidence if q.confidence is not None else (LEGACY_CONFIDENCE if speaker else 0.0)
    tokens = quote_words(q.text)
    doubt = q.doubt
    if speaker and basis in WEAK_BASES and words(speaker)[-1:] and words(speaker)[-1] in tokens:
        confidence, doubt = round(confidence * SELF_NAMED, 2), f"the quote itself names {speaker}"
    return QuoteUnit(report, q.text, q.start, q.end, speaker, q.kind, tokens, basis, confidence,
                     q.speaker_start, q.speaker_end, doubt, part=q.part)


def _scare_quote(unit: QuoteUnit) -> bool:
    """A single quoted word (a figure aside) with no cue beside its marks: the writer's word, not a quote."""
    return len([t for t in unit.tokens if not t[:1].isdigit()]) < 2 and unit.basis != "cue"


def quote_units(
    anns: list[Annotated], alias: dict[str, str], fixes: Sequence[SpeakerFix] = ()
) -> tuple[list[QuoteUnit], list[QuoteUnit]]:
    """Every quote of the story as a unit, with any fix found for it; returns (quoted units, indirect-speech units)."""
    fixed, _ = match_fixes(anns, fixes)
    quoted: list[QuoteUnit] = []
    indirect: list[QuoteUnit] = []
    for ann in anns:
        for q in ann.quotes:
            unit = _unit(ann.report_id, q, alias)
            unit.fix = fixed.get((ann.report_id, q.start, q.end, q.part))
            if unit.fix is None and (not unit.tokens or (len(unit.tokens) < MIN_WORDS and unit.speaker is None)):
                continue
            if q.kind == "indirect":
                if unit.fix is not None:
                    unit.speaker = _fixed_speaker(unit.fix, alias)
                indirect.append(unit)
            elif unit.fix is not None or not _scare_quote(unit):
                quoted.append(unit)
    return quoted, indirect


def _same(a: QuoteUnit, b: QuoteUnit) -> bool:
    """Whether two units are one quote: compatible speakers and mostly the same words in order.

    Speakers conflict only when both reports name them explicitly; a pronoun or a carried attribution
    naming someone else does not keep a long enough quote apart.
    """
    if a.speaker and b.speaker and a.speaker != b.speaker:
        if (is_explicit(a) and is_explicit(b)) or min(len(a.tokens), len(b.tokens)) < OTHER_SPEAKER_WORDS:
            return False
        # A weak attribution is overruled only by the same words ("The water question goes to the technical teams
        # tonight," she said, is not the spokeswoman's "The water question has been handed to the technical teams").
        return containment(a.tokens, b.tokens) >= OTHER_SPEAKER_SAME and not _scattered(a.tokens, b.tokens)
    if min(len(a.tokens), len(b.tokens)) < MIN_WORDS:
        # A word or two quoted ("a pragmatist") is the same quote as a longer one of the same speaker
        # that holds those words in that order.
        return bool(a.speaker and a.speaker == b.speaker) and _contains_run(a.tokens, b.tokens)
    score = containment(a.tokens, b.tokens)
    if score >= SAME_SPEAKER_QUOTE and _scattered(a.tokens, b.tokens):
        return False  # a few words found here and there in a long transcript turn are not a quote taken from it
    if score >= SAME_QUOTE:
        return True
    # One speaker's quote translated two ways differs in a word or two: accept less overlap when the
    # content words still largely agree.
    shorter = min(len(a.tokens), len(b.tokens))
    similar_length = shorter >= LONG_QUOTE or shorter / max(len(a.tokens), len(b.tokens)) >= 0.6
    if a.speaker and a.speaker == b.speaker and similar_length and score >= SAME_SPEAKER_QUOTE:
        ca, cb = set(content_terms(a.text)), set(content_terms(b.text))
        return len(ca & cb) >= 2 and len(ca & cb) / min(len(ca), len(cb)) >= 0.5
    return False


def _scattered(a: list[str], b: list[str]) -> bool:
    """True when the shorter wording, matched in order inside one at least twice as long, is spread over much more of
    it than its own length (an excerpt keeps its words together; a long turn holds common words everywhere)."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) < 2 * len(short):
        return False
    blocks = [m for m in SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return False
    spread = blocks[-1].b + blocks[-1].size - blocks[0].b
    return spread > SPREAD * len(short) + 2


def _contains_run(a: list[str], b: list[str]) -> bool:
    """True when the shorter token list occurs as one contiguous run inside the longer."""
    short, long_ = sorted((a, b), key=len)
    n = len(short)
    return bool(short) and any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _candidate_pairs(units: list[QuoteUnit]) -> list[tuple[int, int]]:
    """Pairs (i < j) that share enough words to pass `_same` at all, found with sparse products.

    Words matched in order cannot outnumber, for each word, the copies both units hold, so the sum
    over one unit's words present in the other bounds the matched share from above; pairs under the
    lowest threshold of `_same` are skipped without comparing their wordings.
    """
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, u in enumerate(units):
        for t in u.tokens:
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    shape = (len(units), max(1, len(vocab)))
    counts = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=shape)
    present = counts.copy()
    present.data[:] = 1.0
    shared = (counts @ present.T).tocsr()
    bound = sparse.triu(shared.minimum(shared.T), k=1).tocoo()  # only pairs sharing a word, never n x n
    lengths = np.array([max(1, len(u.tokens)) for u in units], dtype=np.float32)
    ratio = bound.data / np.minimum(lengths[bound.row], lengths[bound.col])
    keep = ratio >= min(SAME_QUOTE, SAME_SPEAKER_QUOTE) - 1e-6
    return sorted(zip(bound.row[keep].tolist(), bound.col[keep].tolist()))


def _groups(units: list[QuoteUnit]) -> list[list[QuoteUnit]]:
    """Single-link grouping of units that are the same quote (union-find); two different speakers named
    explicitly never end up in one group, even through a third unit."""
    parent = list(range(len(units)))
    named = [{u.speaker} if is_explicit(u) else set() for u in units]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # `_same` reads only these of a unit; wire copies repeat them, so each pair of keys is scored once.
    keys = [(tuple(u.tokens), u.speaker, is_explicit(u), tuple(content_terms(u.text))) for u in units]
    scored: dict[tuple, bool] = {}

    def same(i: int, j: int) -> bool:
        pair = (keys[i], keys[j])
        if pair not in scored:
            scored[pair] = _same(units[i], units[j])
        return scored[pair]

    def join(i: int, j: int) -> bool:
        ri, rj = find(i), find(j)
        if ri == rj or len(named[ri] | named[rj]) > 1 or not same(i, j):
            return False
        parent[rj] = ri
        named[ri] |= named[rj]
        return True

    short = {i for i, u in enumerate(units) if len(u.tokens) < MIN_WORDS}
    near: dict[int, list[int]] = {i: [] for i in short}
    for i, j in _candidate_pairs(units):
        if i in short or j in short:
            near.setdefault(i, []).append(j)
            near.setdefault(j, []).append(i)
        else:
            join(i, j)
    # A word or two quoted joins one longer quote that holds them, never bridging two quotes.
    for i in sorted(short):
        for j in sorted(near[i], key=lambda j: (j in short, units[j].report != units[i].report, j)):
            if join(j, i):
                break
    grouped: dict[int, list[QuoteUnit]] = {}
    for i, unit in enumerate(units):
        grouped.setdefault(find(i), []).append(unit)
    return list(grouped.values())


def _holds(whole: tuple[str, ...] | list[str], part: tuple[str, ...]) -> bool:
    """True when `part` occurs as one contiguous run of words inside `whole`."""
    n = len(part)
    return bool(part) and any(tuple(whole[i : i + n]) == part for i in range(len(whole) - n + 1))


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    """The quote words of a text, each with the span of the whitespace-delimited chunk it came from."""
    masked = _INSERTION.sub(lambda m: " " * len(m.group()), text)
    return [(w, m.start(), m.end()) for m in re.finditer(r"\S+", masked) for w in words(m.group())]


def _locate(unit: QuoteUnit, part: tuple[str, ...]) -> Evidence:
    """Where in the unit's quote the wording `part` stands (the whole quote when it cannot be placed)."""
    spans = _word_spans(unit.text)
    n = len(part)
    for i in range(len(spans) - n + 1):
        if tuple(w for w, _, _ in spans[i : i + n]) == part:
            start, end = spans[i][1], spans[i + n - 1][2]
            piece = unit.text[start:end]
            lead = len(piece) - len(piece.lstrip(_EDGE))
            trail = len(piece.rstrip(_EDGE))
            if trail > lead:
                return Evidence(unit.report, unit.start + start + lead, unit.start + start + trail, unit.part)
    return unit.where


_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb,;:.!?\u2026-\u2013\u2014"


def _variants(units: list[QuoteUnit]) -> list[Variant]:
    """Distinct wordings in a group, each with exactly the reports whose quote carries it.

    A report carries a wording when one of its quotes holds those words in a row (normalised for case,
    punctuation, quote marks and an editor's insertion). A shorter wording carried by exactly the
    reports that carry a longer one holding it is that longer wording quoted again in part, not another.
    """
    by_key: dict[tuple[str, ...], list[QuoteUnit]] = {}
    for u in units:
        by_key.setdefault(tuple(u.tokens), []).append(u)
    carriers = {key: [u for u in units if _holds(u.tokens, key)] for key in by_key}
    reports = {key: {u.report for u in carriers[key]} for key in by_key}
    kept: list[tuple[str, ...]] = []
    for key in sorted(by_key, key=lambda k: (-len(k), -len(reports[k]), k)):
        if not any(_holds(big, key) and reports[big] == reports[key] for big in kept):
            kept.append(key)
    variants = []
    for key in kept:
        own = min(by_key[key], key=lambda u: (u.part != "text", len(u.text)))  # the body's wording before a headline's
        evidence = [u.where if tuple(u.tokens) == key else _locate(u, key)
                    for u in carriers[key]]
        variants.append(Variant(text=own.text, reports=sorted(reports[key]), evidence=list(dict.fromkeys(evidence))))
    return variants


def _fixed_speaker(fix: SpeakerFix, alias: dict[str, str]) -> str | None:
    """The speaker a fix gives, under its story-wide name."""
    return alias.get(fix.speaker, fix.speaker) if fix.speaker else None


def build_ledger(
    anns: list[Annotated], alias: dict[str, str], fixes: Sequence[SpeakerFix] = ()
) -> list[QuoteGroup]:
    """Group the story's quotes across reports; indirect speech is attached as paraphrase.

    A group holding a quote a person fixed takes the fixed speaker (the latest fix when several).
    """
    quoted, indirect = quote_units(anns, alias, fixes)
    ledger: list[QuoteGroup] = []
    for members in _groups(quoted):
        fix = latest(u.fix for u in members)
        if (fix is None and not any(u.speaker or u.speaker_start is not None for u in members)
                and len({u.report for u in members}) < 2):
            continue  # an unattributed phrase in one report is scare quotes, not a quote; "she said" is a quote
        variants = _variants(members)
        who, correction = decide(members), None
        if fix is not None:
            unit = next(u for u in members if u.fix is fix)
            where = unit.where
            who, correction = corrected(who, fix, _fixed_speaker(fix, alias), where)
        ledger.append(QuoteGroup(
            speaker=who.speaker,
            text=variants[0].text,
            reports=sorted({u.report for u in members}),
            variants=variants,
            evidence=[u.where for u in members],
            kind="direct" if any(u.kind == "direct" for u in members) else "partial",
            speaker_basis=who.basis,
            attribution=who.reason,
            confidence=who.confidence,
            attributions=who.attributions,
            correction=correction,
        ))
    _attach_paraphrases(ledger, indirect)
    ledger.sort(key=lambda g: (-len(g.reports), -len(g.text), g.text))
    return ledger


def _attach_paraphrases(ledger: list[QuoteGroup], indirect: list[QuoteUnit]) -> None:
    """Link reported speech to the quote it paraphrases (same speaker, shared content words)."""
    for unit in indirect:
        terms = set(content_terms(unit.text))
        if len(terms) < 3:
            continue
        best, best_score = None, 0.0
        for group in ledger:
            if unit.speaker and group.speaker and unit.speaker != group.speaker:
                continue
            shared = terms & set(content_terms(group.text))
            score = len(shared) / len(terms)
            if score > best_score:
                best, best_score = group, score
        if best is None or best_score < 0.5:
            continue
        evidence = unit.where
        same = next((p for p in best.paraphrases if quote_words(p.text) == unit.tokens), None)
        if same is None:
            best.paraphrases.append(Variant(unit.text, [unit.report], [evidence]))
        else:  # a copy's identical paraphrase is one more report carrying it, not another line
            same.reports = sorted({*same.reports, unit.report})
            same.evidence.append(evidence)
