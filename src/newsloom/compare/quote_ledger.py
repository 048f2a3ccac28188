"""The quote ledger: the same quote across reports, grouped, with each outlet's wording."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsloom.compare.textsim import containment, content_terms, quote_words
from newsloom.model import Annotated, Evidence, QuoteGroup, Variant

MIN_WORDS = 3
SAME_QUOTE = 0.75  # share of the shorter wording found in order in the other
LONG_QUOTE = 10  # words; a quote this long, reworded inside a longer one, is still the same quote
SAME_SPEAKER_QUOTE = 0.55  # the same, when both reports name the same speaker


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


def quote_units(anns: list[Annotated], alias: dict[str, str]) -> tuple[list[QuoteUnit], list[QuoteUnit]]:
    """Every quote of the story as a unit; returns (quoted units, indirect-speech units)."""
    quoted: list[QuoteUnit] = []
    indirect: list[QuoteUnit] = []
    for ann in anns:
        for q in ann.quotes:
            speaker = alias.get(q.speaker, q.speaker) if q.speaker else None
            tokens = quote_words(q.text)
            if len(tokens) < MIN_WORDS and speaker is None:
                continue
            unit = QuoteUnit(ann.report_id, q.text, q.start, q.end, speaker, q.kind, tokens)
            (indirect if q.kind == "indirect" else quoted).append(unit)
    return quoted, indirect


def _same(a: QuoteUnit, b: QuoteUnit) -> bool:
    """Whether two units are one quote: compatible speakers and mostly the same words in order."""
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    if min(len(a.tokens), len(b.tokens)) < MIN_WORDS:
        # A word or two quoted ("a pragmatist") is the same quote as a longer one of the same speaker
        # that holds those words in that order.
        return bool(a.speaker and a.speaker == b.speaker) and _contains_run(a.tokens, b.tokens)
    score = containment(a.tokens, b.tokens)
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
    shared = (counts @ present.T).toarray()
    bound = np.minimum(shared, shared.T)
    lengths = np.array([max(1, len(u.tokens)) for u in units], dtype=np.float32)
    ratio = bound / np.minimum(lengths[:, None], lengths[None, :])
    i, j = np.nonzero(np.triu(ratio >= min(SAME_QUOTE, SAME_SPEAKER_QUOTE) - 1e-6, k=1))
    return list(zip(i.tolist(), j.tolist()))


def _groups(units: list[QuoteUnit]) -> list[list[QuoteUnit]]:
    """Single-link grouping of units that are the same quote (union-find)."""
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(units):
        if find(i) != find(j) and _same(units[i], units[j]):
            parent[find(j)] = find(i)
    grouped: dict[int, list[QuoteUnit]] = {}
    for i, unit in enumerate(units):
        grouped.setdefault(find(i), []).append(unit)
    return list(grouped.values())


def _variants(units: list[QuoteUnit]) -> list[Variant]:
    """Distinct wordings in a group; a wording contained whole in a longer one joins it (partial vs full)."""
    by_key: dict[tuple[str, ...], list[QuoteUnit]] = {}
    for u in units:
        by_key.setdefault(tuple(u.tokens), []).append(u)
    keys = sorted(by_key, key=lambda k: (-len(k), k))
    merged: dict[tuple[str, ...], list[QuoteUnit]] = {}
    for key in keys:
        home = next((big for big in merged if containment(key, big) == 1.0), None)
        merged.setdefault(home or key, []).extend(by_key[key])
    variants = []
    for key, members in merged.items():
        full = max(members, key=lambda u: len(u.tokens))
        variants.append(Variant(
            text=full.text,
            reports=sorted({u.report for u in members}),
            evidence=[Evidence(u.report, u.start, u.end) for u in members],
        ))
    variants.sort(key=lambda v: (-len(v.reports), v.text))
    return variants


def build_ledger(anns: list[Annotated], alias: dict[str, str]) -> list[QuoteGroup]:
    """Group the story's quotes across reports; indirect speech is attached as paraphrase."""
    quoted, indirect = quote_units(anns, alias)
    ledger: list[QuoteGroup] = []
    for members in _groups(quoted):
        speakers = Counter(u.speaker for u in members if u.speaker)
        if not speakers and len({u.report for u in members}) < 2:
            continue  # an unattributed phrase in one report is scare quotes, not a quote
        variants = _variants(members)
        ledger.append(QuoteGroup(
            speaker=speakers.most_common(1)[0][0] if speakers else None,
            text=variants[0].text,
            reports=sorted({u.report for u in members}),
            variants=variants,
            evidence=[Evidence(u.report, u.start, u.end) for u in members],
            kind="direct" if any(u.kind == "direct" for u in members) else "partial",
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
        evidence = Evidence(unit.report, unit.start, unit.end)
        same = next((p for p in best.paraphrases if quote_words(p.text) == unit.tokens), None)
        if same is None:
            best.paraphrases.append(Variant(unit.text, [unit.report], [evidence]))
        else:  # a copy's identical paraphrase is one more report carrying it, not another line
            same.reports = sorted({*same.reports, unit.report})
            same.evidence.append(evidence)
