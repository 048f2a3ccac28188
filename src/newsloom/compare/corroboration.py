"""Claims aligned across reports, each with its count of independent sources."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newsloom.annotate.acronyms import is_acronym_of, letters, spell_out
from newsloom.annotate.embeddings import DIMENSIONS, claim_vectors
from newsloom.compare.claim_blocks import ClaimSimilarity, blocks, candidate_group_pairs, distinct_keys
from newsloom.compare.claim_speakers import ClaimVoice
from newsloom.compare.textsim import content_terms, tfidf_matrix
from newsloom.model import Annotated, ChainLink, Claim, ClaimGroup, Evidence, Independence, Story

SAME_CLAIM = 0.6  # combined similarity for a claim to join a group (average over its members)
EMBEDDING_WEIGHT = 0.75
ENTITY_BONUS = 0.15
NUMBER_BONUS = 0.15
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
SAME_REPORT_DISTANCE = 4.0
DENSE_CLAIMS = 1500  # a story with more claims is aligned in blocks of distinct claims
SAME_SPEAKER_FACT = 0.35  # similarity at which two groups of one speaker's words, in the same reports, are one fact
Support = Callable[[list[str], list[Evidence]], tuple[list[ChainLink], list[Independence], int]]
Voice = Callable[[Claim], ClaimVoice | None]


@dataclass
class AlignedClaim:
    """A group of claims from different reports that state the same thing."""

    members: list[Claim] = field(default_factory=list)

    @cached_property
    def reports(self) -> list[str]:
        """Reports carrying the claim (members are not changed once grouped)."""
        return sorted({c.report_id for c in self.members})


@dataclass
class ClaimViews:
    """Every claim's whole text and facets, with the similarity of each view pair."""

    claims: list[Claim]
    spans: list[tuple[int, int, str]]  # (start, end, text) of each view
    owner: np.ndarray  # claim index of each view; a claim's views are contiguous, whole claim first
    sim: np.ndarray  # view-to-view similarity
    alias: dict[str, str] = field(default_factory=dict)  # story-wide canonical names

    @property
    def starts(self) -> np.ndarray:
        """Index of each claim's first view (its whole text)."""
        return whole_views(self.owner)

    def best_view(self, i: int, others: list[int]) -> int:
        """The view of claim `i` most like the claims `others` (its whole text unless a facet fits better)."""
        rows = np.flatnonzero(self.owner == i)
        cols = np.flatnonzero(np.isin(self.owner, others))
        if len(rows) == 1 or not len(cols):
            return int(rows[0])
        return int(rows[np.argmax(self.sim[np.ix_(rows, cols)].mean(axis=1))])


def claim_views(claims: list[Claim], text_of: dict[str, str], alias: dict[str, str] | None = None) -> ClaimViews:
    """Views of every claim and their similarities: sentence embeddings blended with TF-IDF.

    A facet is compared with whole claims only, so two side clauses never align claims on their own.
    Acronyms the story spells out somewhere ("U.N.", "United Nations") count as the same words.
    """
    alias = alias or {}
    expansions = {letters(k): v for k, v in alias.items() if is_acronym_of(k, v)}
    spans = [v for c in claims for v in c.views(text_of[c.report_id])]
    owner = np.repeat(np.arange(len(claims)), [1 + len(c.facets) for c in claims])
    vectors = np.vstack(claim_vectors(claims, text_of)) if claims else np.zeros((0, DIMENSIONS), dtype=np.float32)
    lexical = tfidf_matrix([content_terms(spell_out(t, expansions)) for _, _, t in spans])
    sim = EMBEDDING_WEIGHT * (vectors @ vectors.T) + (1 - EMBEDDING_WEIGHT) * (lexical @ lexical.T).toarray()
    facet = np.ones(len(owner), dtype=bool)
    facet[whole_views(owner)] = False
    sim[np.ix_(facet, facet)] = -1.0
    return ClaimViews(claims, spans, owner, sim, alias)


def whole_views(owner: np.ndarray) -> np.ndarray:
    """Positions of each claim's whole-text view, given the claim index of every view."""
    return np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner) else np.zeros(0, dtype=np.int64)


def similarity_matrix(views: ClaimViews) -> np.ndarray:
    """Claim-to-claim similarity: the best pair of their views, plus agreement of entities and numbers.

    Claims of the same report get 0: a report does not corroborate itself.
    """
    sim = _any_report_similarity(views)
    reports = np.array([c.report_id for c in views.claims])
    sim[reports[:, None] == reports[None, :]] = 0.0
    return sim


def _any_report_similarity(views: ClaimViews) -> np.ndarray:
    """Claim-to-claim similarity whatever reports the claims come from."""
    starts = views.starts
    sim = np.maximum.reduceat(np.maximum.reduceat(views.sim, starts, axis=0), starts, axis=1)
    sim += _agreement(views.claims, views.alias)
    return sim


def _agreement(claims: list[Claim], alias: dict[str, str]) -> np.ndarray:
    """Bonus for shared named entities (Jaccard, by story-wide name) and shared numbers between claims."""
    n = len(claims)
    entities = [{alias.get(e, e) for e in c.entities} for c in claims]
    figures = [{f"#{d}" for x in c.numbers for d in _DIGITS.findall(x)} for c in claims]
    names = sorted(set().union(*entities, *figures))
    col = {k: i for i, k in enumerate(names)}
    ents = np.zeros((n, max(1, len(names))), dtype=np.float32)
    nums = np.zeros_like(ents)
    for i in range(n):
        for e in entities[i]:
            ents[i, col[e]] = 1.0
        for x in figures[i]:
            nums[i, col[x]] = 1.0
    inter = ents @ ents.T
    sizes = ents.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    return ENTITY_BONUS * jaccard + NUMBER_BONUS * ((nums @ nums.T) > 0)


def align_claims(
    anns: list[Annotated], alias: dict[str, str] | None = None
) -> tuple[list[AlignedClaim], np.ndarray | ClaimSimilarity]:
    """Average-link clustering of every claim of the story; returns groups and the claim similarities.

    Two claims of one report are kept apart by a large distance, so a group gathers each report at
    most once unless a report repeats itself. A member that joined through one of its facets is
    listed with that facet's text and span. Stories of more than `DENSE_CLAIMS` claims are aligned
    in blocks of distinct claims (see `claim_blocks`), so their cost grows with what can align.
    """
    claims = [c for ann in anns for c in ann.claims]
    if len({c.report_id for c in claims}) < 2:  # nothing to align across, so no embeddings are needed
        return [AlignedClaim([c]) for c in claims], np.zeros((len(claims), len(claims)))
    alias = alias or {}
    text_of = {a.report_id: a.article.text for a in anns}
    if len(claims) > DENSE_CLAIMS:
        return _align_in_blocks(claims, text_of, alias)
    views = claim_views(claims, text_of, alias)
    sim = similarity_matrix(views)
    reports = np.array([c.report_id for c in claims])
    members = _clusters(sim, reports)
    speakers = [alias.get(c.speaker, c.speaker) if c.speaker else None for c in claims]
    groups = _merge_same_facts(members, sim, reports, speakers)
    return [AlignedClaim([_as_matched(views, i, idx) for i in idx]) for idx in groups.values()], sim


def _clusters(sim: np.ndarray, reports: np.ndarray) -> dict[int, list[int]]:
    """Average-link groups of claims alike enough, each report at most once, with compound claims attached."""
    dist = np.clip(1.0 - sim, 0.0, None)
    dist[reports[:, None] == reports[None, :]] = SAME_REPORT_DISTANCE
    np.fill_diagonal(dist, 0.0)
    if len(reports) == 1:
        return {1: [0]}
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"), t=1.0 - SAME_CLAIM, criterion="distance")
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    _attach_compound_claims(members, sim, reports)
    return members


def _align_in_blocks(
    claims: list[Claim], text_of: dict[str, str], alias: dict[str, str]
) -> tuple[list[AlignedClaim], ClaimSimilarity]:
    """Align a large story's claims: similarities between distinct claims only, clustered block by block."""
    own_views = [c.views(text_of[c.report_id]) for c in claims]
    keys, first = distinct_keys([(tuple(t for _, _, t in vs), frozenset(alias.get(e, e) for e in c.entities),
                                  tuple(c.numbers)) for c, vs in zip(claims, own_views)])
    views = claim_views([claims[i] for i in first], text_of, alias)
    reports = np.array([c.report_id for c in claims])
    sim = ClaimSimilarity(_any_report_similarity(views), keys, reports)
    found: list[list[int]] = []
    for block in blocks(sim.distinct, keys, SAME_CLAIM):
        local = _clusters(sim.dense(block), reports[block])
        found += [[block[i] for i in idx] for idx in local.values()]
    speakers = [alias.get(c.speaker, c.speaker) if c.speaker else None for c in claims]
    groups = _merge_same_facts(dict(enumerate(found)), sim, reports, speakers).values()
    rows = [np.flatnonzero(views.owner == k) for k in range(len(first))]

    def backed(group: list[int]) -> AlignedClaim:
        """The group with each member as it matched the others (one look per distinct claim)."""
        count = Counter(int(keys[j]) for j in group)
        best: dict[int, int] = {}
        for k in count:
            others = {o: n - (o == k) for o, n in count.items() if n - (o == k)}
            if len(rows[k]) == 1 or not others:
                best[k] = 0
                continue
            cols = np.concatenate([rows[o] for o in others])
            weight = np.concatenate([np.full(len(rows[o]), n, dtype=np.float64) for o, n in others.items()])
            best[k] = int(np.argmax(views.sim[np.ix_(rows[k], cols)] @ weight))
        return AlignedClaim([_backing(claims[i], own_views[i][best[int(keys[i])]]) for i in group])

    return [backed(idx) for idx in groups], sim


def _as_matched(views: ClaimViews, i: int, group: list[int]) -> Claim:
    """Claim `i` as it backs its group: the whole claim, or the facet that matched the others."""
    return _backing(views.claims[i], views.spans[views.best_view(i, [j for j in group if j != i])])


def _backing(claim: Claim, view: tuple[int, int, str]) -> Claim:
    """The claim as one of its views states it: itself for its whole text, else a claim of the facet alone."""
    start, end, text = view
    if (start, end) == (claim.start, claim.end):
        return claim
    return replace(claim, text=text, start=start, end=end, facets=[],
                   dates=[d for d in claim.dates if start <= d.start < end])


def _attach_compound_claims(members: dict[int, list[int]], sim: np.ndarray, reports: np.ndarray) -> None:
    """Also place a claim in every other group it matches: one sentence can state several claims."""
    for idx in members.values():
        if len(idx) < 2:
            continue
        present = set(reports[idx])
        for j in np.flatnonzero(sim[:, idx].mean(axis=1) >= SAME_CLAIM):
            if reports[j] not in present:
                idx.append(int(j))
                present.add(reports[j])


def _merge_same_facts(
    members: dict[int, list[int]], sim: np.ndarray | ClaimSimilarity, reports: np.ndarray, speakers: list[str | None]
) -> dict[int, list[int]]:
    """Join groups that state one fact: most of their claims are the same sentences, or they hold only
    one speaker's words, in the same reports, and are alike (two groups for one person's praise).

    Groups are joined first-come (the earliest group with the earliest one it matches), and only
    pairs that share a claim or a speaker and reports are tried.
    """

    def one_fact(a: list[int], b: list[int]) -> bool:
        shared = len(set(a) & set(b))
        if shared >= 2 and 2 * shared >= min(len(a), len(b)):
            return True
        voices = {speakers[i] for i in a + b}
        return (len(a) >= 2 and set(reports[a]) == set(reports[b]) and len(voices) == 1 and None not in voices
                and float(sim[np.ix_(a, b)].mean()) >= SAME_SPEAKER_FACT)

    groups = list(members.values())
    merged = True
    while merged:
        merged = False
        for x, y in sorted(candidate_group_pairs(groups, reports, speakers)):
            if one_fact(groups[x], groups[y]):
                groups[x] = list(dict.fromkeys(groups[x] + groups.pop(y)))
                merged = True
                break
    return dict(enumerate(groups))


def representative(group: AlignedClaim) -> Claim:
    """The member that best stands for the group: the one most like the others, then the shortest.

    Members of one wording are scored once (wire copies repeat a claim word for word).
    """
    if len(group.members) == 1:
        return group.members[0]
    texts = Counter(c.text for c in group.members)
    terms = {t: set(content_terms(t)) for t in texts}

    def jaccard(a: str, b: str) -> float:
        return len(terms[a] & terms[b]) / (len(terms[a] | terms[b]) or 1)

    centrality = {a: math.fsum((n - (a == b)) * jaccard(a, b) for b, n in texts.items()) for a in texts}
    best = max(range(len(group.members)),
               key=lambda i: (centrality[group.members[i].text], -len(group.members[i].text)))
    return group.members[best]


def claim_groups(
    groups: list[AlignedClaim], story: Story, support: Support | None = None, voice: Voice | None = None
) -> list[ClaimGroup]:
    """Brief entries for aligned claims, counting a report and its copies as one source.

    With `support`, each claim also gets its source chain, and reports resting on one upstream source count once.
    With `voice`, the speaker is the story's decision on the quote the claim rests on (see `claim_speakers`).
    """
    roots = story.independence_groups()
    out: list[ClaimGroup] = []
    for group in groups:
        rep = representative(group)
        evidence = [Evidence(c.report_id, c.start, c.end) for c in group.members]
        chain, independence, count = support(group.reports, evidence) if support else ([], [], 0)
        said = voice(rep) if voice else None
        out.append(ClaimGroup(
            text=rep.text,
            reports=group.reports,
            independent_reports=count if support else len({roots.get(r, r) for r in group.reports}),
            evidence=evidence,
            speaker=said.speaker if said else (None if voice else rep.speaker),
            chain=chain,
            independence=independence,
            speaker_basis=said.basis if said else "",
            attribution=said.reason if said else "",
            speaker_confidence=said.confidence if said else None,
            speaker_evidence=said.evidence if said else [],
        ))
    out.sort(key=lambda g: (-g.independent_reports, -len(g.reports), g.evidence[0].report, g.evidence[0].start))
    return out
