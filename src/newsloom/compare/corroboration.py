"""Claims aligned across reports, each with its count of independent sources."""
from __future__ import annotations

from dataclasses import dataclass, field

from newsloom.compare.textsim import TfIdf, content_terms
from newsloom.model import Annotated, Claim, ClaimGroup, Evidence, Story

SAME_CLAIM = 0.42  # TF-IDF cosine (with entity/number agreement bonus) for two claims to align


@dataclass
class AlignedClaim:
    """A group of claims from different reports that state the same thing."""

    members: list[Claim] = field(default_factory=list)

    @property
    def reports(self) -> list[str]:
        """Reports carrying the claim."""
        return sorted({c.report_id for c in self.members})


def _bonus(a: Claim, b: Claim) -> float:
    """Agreement of named entities and numbers, added to lexical similarity."""
    ea, eb = set(a.entities), set(b.entities)
    ent = len(ea & eb) / len(ea | eb) if ea | eb else 0.0
    na, nb = set(a.numbers), set(b.numbers)
    num = 0.1 if na & nb else 0.0
    return 0.15 * ent + num


def align_claims(anns: list[Annotated]) -> tuple[list[AlignedClaim], list[list[float]]]:
    """Greedy average-link alignment of every claim of the story; returns groups and the similarity matrix."""
    claims = [c for ann in anns for c in ann.claims]
    tfidf = TfIdf([content_terms(c.text) for c in claims])
    n = len(claims)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if claims[i].report_id != claims[j].report_id:
                s = tfidf.cosine(i, j)
                if s > 0.15:
                    s += _bonus(claims[i], claims[j])
                sim[i][j] = sim[j][i] = s
    groups: list[tuple[AlignedClaim, list[int]]] = []
    order = sorted(range(n), key=lambda i: -max(sim[i], default=0.0))
    for i in order:
        best, best_score = None, SAME_CLAIM
        for group, idx in groups:
            if claims[i].report_id in group.reports:
                continue
            score = sum(sim[i][k] for k in idx) / len(idx)
            if score >= best_score:
                best, best_score = (group, idx), score
        if best is None:
            groups.append((AlignedClaim([claims[i]]), [i]))
        else:
            best[0].members.append(claims[i])
            best[1].append(i)
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
