"""Claims aligned across reports, each with its count of independent sources."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from newsloom.compare.embeddings import embed
from newsloom.compare.textsim import content_terms, tfidf_matrix
from newsloom.model import Annotated, Claim, ClaimGroup, Evidence, Story

SAME_CLAIM = 0.6  # combined similarity for a claim to join a group (average over its members)
EMBEDDING_WEIGHT = 0.75
ENTITY_BONUS = 0.15
NUMBER_BONUS = 0.1


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
    names = sorted({e for c in claims for e in c.entities} | {f"#{x}" for c in claims for x in c.numbers})
    col = {k: i for i, k in enumerate(names)}
    ents = np.zeros((n, max(1, len(names))), dtype=np.float32)
    nums = np.zeros_like(ents)
    for i, c in enumerate(claims):
        for e in c.entities:
            ents[i, col[e]] = 1.0
        for x in c.numbers:
            nums[i, col[f"#{x}"]] = 1.0
    inter = ents @ ents.T
    sizes = ents.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    return ENTITY_BONUS * jaccard + NUMBER_BONUS * ((nums @ nums.T) > 0)


def align_claims(anns: list[Annotated]) -> tuple[list[AlignedClaim], np.ndarray]:
    """Greedy average-link alignment of every claim of the story; returns groups and the similarity matrix."""
    claims = [c for ann in anns for c in ann.claims]
    if not claims:
        return [], np.zeros((0, 0))
    sim = similarity_matrix(claims)
    groups: list[tuple[AlignedClaim, list[int]]] = []
    for i in np.argsort(-sim.max(axis=1), kind="stable"):
        best, best_score = None, SAME_CLAIM
        for group, idx in groups:
            if claims[i].report_id in group.reports:
                continue
            score = float(sim[i, idx].mean())
            if score >= best_score:
                best, best_score = (group, idx), score
        if best is None:
            groups.append((AlignedClaim([claims[i]]), [int(i)]))
        else:
            best[0].members.append(claims[i])
            best[1].append(int(i))
    return [g for g, _ in groups], sim


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
