"""Splitting a story that has absorbed two similar but different events: 2-means over its reports."""
from __future__ import annotations

from collections.abc import Callable

from newsloom.stories.similarity import Centroid, ReportFeatures

Score = Callable[[ReportFeatures, Centroid, bool], float]  # (report, story, report is a member) -> score
ROUNDS = 10
MIN_HALF = 2


def centroid_of(reports: list[ReportFeatures]) -> Centroid:
    """The centroid of some reports."""
    centroid = Centroid()
    for feats in reports:
        centroid.add(feats)
    return centroid


def _seeds(reports: list[ReportFeatures], score: Score) -> dict[str, bool]:
    """First halves: the report least like its story, and with it every report closer to it than to the
    report least like it."""
    whole = centroid_of(reports)
    first = min(reports, key=lambda f: (score(f, whole, True), f.report_id))
    near = centroid_of([first])
    second = min((f for f in reports if f is not first), key=lambda f: (score(f, near, False), f.report_id))
    far = centroid_of([second])
    return {f.report_id: f is first or (f is not second and score(f, near, False) > score(f, far, False))
            for f in reports}


def bisect(reports: list[ReportFeatures], score: Score, threshold: float) -> tuple[list[str], list[str]] | None:
    """Report ids of two halves of a story, or None when it should stay whole.

    From two seeds, each report goes to the half whose centroid it scores higher with (its own half
    scored without it) until nothing moves. The halves are kept apart only when each has at least two
    reports and a report of one half scores on average below `threshold` with the other half: had they
    arrived in another order, neither half's reports would have joined the other.
    """
    side = _seeds(reports, score)
    for _ in range(ROUNDS):
        ones = [f for f in reports if side[f.report_id]]
        others = [f for f in reports if not side[f.report_id]]
        if not ones or not others:
            return None
        one, other = centroid_of(ones), centroid_of(others)
        moved = {}
        for f in reports:
            mine = side[f.report_id]
            if len(ones if mine else others) == 1:
                moved[f.report_id] = mine
            else:
                moved[f.report_id] = score(f, one, mine) > score(f, other, not mine)
        if moved == side:
            break
        side = moved
    ones = [f for f in reports if side[f.report_id]]
    others = [f for f in reports if not side[f.report_id]]
    if min(len(ones), len(others)) < MIN_HALF:
        return None
    one, other = centroid_of(ones), centroid_of(others)
    cross = [score(f, other, False) for f in ones] + [score(f, one, False) for f in others]
    if sum(cross) / len(cross) >= threshold:
        return None
    return [f.report_id for f in ones], [f.report_id for f in others]
