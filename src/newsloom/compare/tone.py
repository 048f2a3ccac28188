"""Tone of each report toward the story's main actors: lexicon sentiment of the sentences naming them."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from newsloom.model import Annotated

MAIN_ACTORS = 5
ACTOR_LABELS = {"PERSON", "ORG", "GPE"}


@lru_cache(maxsize=1)
def _analyzer():
    """The VADER sentiment analyser (its lexicon ships inside the package)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=65536)
def _compound(text: str) -> float:
    """VADER compound score of a text (memoised: wire copies repeat sentences word for word)."""
    return _analyzer().polarity_scores(text)["compound"]


def clear_cache() -> None:
    """Forget memoised sentence scores (benchmarks time every run from cold)."""
    _compound.cache_clear()


def main_actors(anns: list[Annotated], alias: dict[str, str], n: int = MAIN_ACTORS) -> list[str]:
    """The people, organisations and places named by most reports of the story (at least two)."""
    reports: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for ann in anns:
        names = [alias.get(m.canonical, m.canonical) for m in ann.mentions if m.canonical and m.label in ACTOR_LABELS]
        mentions.update(names)
        reports.update(set(names))
    ranked = sorted((a for a, k in reports.items() if k >= 2), key=lambda a: (-reports[a], -mentions[a], a))
    return ranked[:n]


def tone_toward(ann: Annotated, actors: list[str], alias: dict[str, str]) -> dict[str, float]:
    """Mean VADER compound score (-1..1) of the report's own sentences naming each actor.

    Quoted words are left out of each sentence first: they carry the speaker's tone, not the outlet's.
    An actor the report does not name gets no score.
    """
    text = ann.article.text
    quoted = sorted((q.start, q.end) for q in ann.body_quotes if q.kind != "indirect")
    mentions = sorted(ann.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    wanted = set(actors)
    scores: dict[str, list[float]] = {}
    for start, end in ann.sentences:
        inside = mentions[bisect_left(starts, start) : bisect_left(starts, end)]  # the mentions the sentence holds
        named = {alias.get(m.canonical, m.canonical) for m in inside if m.canonical} & wanted
        if not named:
            continue
        own = _without(text, start, end, quoted)
        if not own.strip():
            continue
        compound = _compound(own)
        for actor in named:
            scores.setdefault(actor, []).append(compound)
    return {a: round(sum(v) / len(v), 2) for a in actors if (v := scores.get(a))}


def _without(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The text of [start, end) with the given spans cut out."""
    parts, pos = [], start
    for s, e in spans:
        if e <= pos or s >= end:
            continue
        parts.append(text[pos:max(pos, s)])
        pos = max(pos, e)
    parts.append(text[pos:end])
    return " ".join(parts)
