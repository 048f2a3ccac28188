"""Claims aligned across reports, each with its count of independent sources."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newsloom.compare.embeddings import embed
from newsloom.compare.textsim import content_terms, tfidf_matrix
from newsloom.model import Annotated, Claim, ClaimGroup, Evidence, Story

SAME_CLAIM = 0.6  # combined similarity for a claim to join a group (average over its members)
EMBEDDING_WEIGHT = 0.75
ENTITY_BONUS = 0.15
NUMBER_BONUS = 0.15
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
SAME_REPORT_DISTANCE = 4.0


@dataclass
class AlignedClaim:
    """A group of claims from different reports that state the same thing."""

    members: list[Claim] = field(default_factory=list)

    @property
    def reports(self) -> list[str]:
        """Reports carrying the claim."""
        return sorted({c.report_id for c in self.members})


def similarity_matrix(claims: list[Claim]) -> np.ndarray:
    """Claim-to-claim similarity: sentence embeddings and TF-IDF, plus agreement of entities and numbers.

    Claims of the same report get 0: a report does not corroborate itself.
    """
    texts = [c.text for c in claims]
    vectors = embed(texts)
    lexical = tfidf_matrix([content_terms(t) for t in texts])
    sim = EMBEDDING_WEIGHT * (vectors @ vectors.T) + (1 - EMBEDDING_WEIGHT) * (lexical @ lexical.T)
    sim += _agreement(claims)
    reports = np.array([c.report_id for c in claims])
    sim[reports[:, None] == reports[None, :]] = 0.0
    return sim


def _agreement(claims: list[Claim]) -> np.ndarray:
    """Bonus for shared named entities (Jaccard) and shared numbers between claims."""
    n = len(claims)
    figures = [{f"#{d}" for x in c.numbers for d in _DIGITS.findall(x)} for c in claims]
    names = sorted({e for c in claims for e in c.entities} | set().union(*figures))
    col = {k: i for i, k in enumerate(names)}
    ents = np.zeros((n, max(1, len(names))), dtype=np.float32)
    nums = np.zeros_like(ents)
    for i, c in enumerate(claims):
        for e in c.entities:
            ents[i, col[e]] = 1.0
        for x in figures[i]:
            nums[i, col[x]] = 1.0
    inter = ents @ ents.T
    sizes = ents.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    return ENTITY_BONUS * jaccard + NUMBER_BONUS * ((nums @ nums.T) > 0)


def align_claims(anns: list[Annotated]) -> tuple[list[AlignedClaim], np.ndarray]:
    """Average-link clustering of every claim of the story; returns groups and the similarity matrix.

    Two claims of one report are kept apart by a large distance, so a group gathers each report at
    most once unless a report repeats itself.
    """
    claims = [c for ann in anns for c in ann.claims]
    if not claims:
        return [], np.zeros((0, 0))
    sim = similarity_matrix(claims)
    if len(claims) == 1:
        return [AlignedClaim([claims[0]])], sim
    dist = np.clip(1.0 - sim, 0.0, None)
    reports = np.array([c.report_id for c in claims])
    dist[reports[:, None] == reports[None, :]] = SAME_REPORT_DISTANCE
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"), t=1.0 - SAME_CLAIM, criterion="distance")
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    _attach_compound_claims(members, sim, reports)
    return [AlignedClaim([claims[i] for i in idx]) for idx in members.values()], sim


def _attach_compound_claims(members: dict[int, list[int]], sim: np.ndarray, reports: np.ndarray) -> None:
    """Also place a claim in every other group it matches: one sentence can state several claims."""
    for idx in members.values():
        if len(idx) < 2:
            continue
        present = set(reports[idx])
        extra = [
            j for j in range(len(reports))
            if reports[j] not in present and j not in idx and float(sim[j, idx].mean()) >= SAME_CLAIM
        ]
        for j in extra:
            if reports[j] not in present:
                idx.append(j)
                present.add(reports[j])


def representative(group: AlignedClaim) -> Claim:
    """The member that best stands for the group: the one most like the others, then the shortest."""
    if len(group.members) == 1:
        return group.members[0]
    terms = [set(content_terms(c.text)) for c in group.members]

    def centrality(i: int) -> float:
        return sum(len(terms[i] & t) / (len(terms[i] | t) or 1) for j, t in enumerate(terms) if j != i)

    best = max(range(len(group.members)), key=lambda i: (centrality(i), -len(group.members[i].text)))
    return group.members[best]


def claim_groups(groups: list[AlignedClaim], story: Story) -> list[ClaimGroup]:
    """Brief entries for aligned claims, counting a report and its copies as one source."""
    roots = story.independence_groups()
    out: list[ClaimGroup] = []
    for group in groups:
        rep = representative(group)
        out.append(ClaimGroup(
            text=rep.text,
            reports=group.reports,
            independent_reports=len({roots.get(r, r) for r in group.reports}),
            evidence=[Evidence(c.report_id, c.start, c.end) for c in group.members],
            speaker=rep.speaker,
        ))
    out.sort(key=lambda g: (-g.independent_reports, -len(g.reports), g.evidence[0].report, g.evidence[0].start))
    return out
