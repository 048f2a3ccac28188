"""Search hits narrowed by the story-list filters: outlet, speaker, entity, date range and claim support."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from newsloom.find.stories import Filters, fold
from newsloom.model import StoryBrief
from newsloom.store import Store
from newsloom.store.base import SEARCH_KINDS, SearchHit, SearchKind

BATCH = 500  # hits read from the index at a time while filtering
MAX_SCAN = 10_000  # filtered searches look through at most this many of the best hits
BriefOf = Callable[[str], StoryBrief | None]


class HitFilter:
    """Whether a search hit passes the filters; briefs of the hits' stories are asked for once each, when needed."""

    def __init__(self, filters: Filters, brief_of: BriefOf):
        self.filters = filters
        self._brief = lru_cache(maxsize=None)(brief_of)

    def __call__(self, hit: SearchHit) -> bool:
        f = self.filters
        if f.outlet and fold(hit.outlet) != fold(f.outlet):
            return False
        if not f.in_range(hit.published):
            return False
        if not f.needs_brief:
            return True
        brief = self._brief(hit.story_id) if hit.story_id else None
        if brief is None:
            return False
        return self._speaker(hit, brief) and self._entity(hit, brief) and self._support(hit, brief)

    def _speaker(self, hit: SearchHit, brief: StoryBrief) -> bool:
        """A quote or claim by the speaker, or a report quoting them."""
        wanted = fold(self.filters.speaker)
        if not wanted:
            return True
        if hit.kind != "report":
            return fold(hit.speaker) == wanted
        return any(hit.report_id in q.reports for q in brief.quotes if fold(q.speaker) == wanted)

    def _entity(self, hit: SearchHit, brief: StoryBrief) -> bool:
        """The hit's report names the entity (by its name or an alias)."""
        wanted = fold(self.filters.entity)
        return not wanted or any(hit.report_id in e.reports for e in brief.entities
                                 if wanted in {fold(n) for n in (e.name, *e.aliases)})

    def _support(self, hit: SearchHit, brief: StoryBrief) -> bool:
        """A claim with enough independent sources; for a report or quote, a story holding such a claim."""
        least = self.filters.min_sources
        if not least:
            return True
        if hit.kind == "claim":
            own = [c.independent_reports for c in brief.claims
                   if any(e.report == hit.report_id and e.start == hit.start and e.end == hit.end for e in c.evidence)]
            if own:
                return max(own) >= least
        return max((c.independent_reports for c in brief.claims), default=0) >= least


def search_filtered(store: Store, query: str, kinds: Sequence[SearchKind] = SEARCH_KINDS, limit: int = 20,
                    offset: int = 0, filters: Filters = Filters(), brief_of: BriefOf | None = None) -> list[SearchHit]:
    """The best `limit` hits after `offset` that pass `filters` (among the best MAX_SCAN hits when filtering)."""
    if not filters.active:
        return store.search(query, kinds, limit, offset)
    keep = HitFilter(filters, brief_of or (lambda _: None))
    found: list[SearchHit] = []
    skipped, scanned = 0, 0
    while scanned < MAX_SCAN and len(found) < limit:
        batch = store.search(query, kinds, BATCH, scanned)
        scanned += len(batch)
        for hit in filter(keep, batch):
            if skipped < offset:
                skipped += 1
            elif len(found) < limit:
                found.append(hit)
        if len(batch) < BATCH:
            break
    return found
