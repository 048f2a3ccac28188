"""What the story list knows of each story, and how it is filtered, sorted and marked as followed."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from newsloom.model import Article, Story, StoryBrief

SortKey = Literal["size", "latest", "disagreements"]
SORTS: tuple[SortKey, ...] = ("size", "latest", "disagreements")
SORT_LABELS: dict[SortKey, str] = {"size": "largest first", "latest": "latest update first",
                                   "disagreements": "most disagreements first"}


def fold(name: str | None) -> str:
    """A name as filters compare it: case and inner spacing ignored."""
    return " ".join((name or "").split()).casefold()


@dataclass(frozen=True)
class StoryFacts:
    """One story as the list filters and sorts it; the fields marked brief are empty until its brief is known."""

    id: str
    headline: str
    report_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    days: tuple[str, ...]  # the reports' publication days (ISO), sorted
    ingested: int  # position of its newest report in the store's ingest order
    has_brief: bool = False
    speakers: frozenset[str] = frozenset()  # brief: folded names of those quoted
    entities: frozenset[str] = frozenset()  # brief: folded names and aliases of those it mentions
    best_support: int = 0  # brief: most independent sources behind one claim
    disagreements: int = 0  # brief
    independent_sources: int = 0

    @property
    def reports(self) -> int:
        """How many reports the story groups."""
        return len(self.report_ids)

    @property
    def latest(self) -> str:
        """The newest publication day of its reports ("" when none is dated)."""
        return self.days[-1] if self.days else ""


def story_facts(story: Story, articles: Mapping[str, Article], order: Mapping[str, int],
                brief: StoryBrief | None = None) -> StoryFacts:
    """The facts of one story from its members' articles (and from its brief when given)."""
    members = [articles[r] for r in story.report_ids if r in articles]
    base = dict(
        id=story.id, report_ids=tuple(story.report_ids),
        outlets=tuple(dict.fromkeys(a.outlet for a in members if a.outlet)),
        days=tuple(sorted(a.published[:10] for a in members if a.published)),
        ingested=max((order.get(r, -1) for r in story.report_ids), default=-1),
    )
    if brief is None:
        title = next((a.title for a in members if a.title), None)
        return StoryFacts(headline=title or f"Story {story.id}",
                          independent_sources=len(set(story.independence_groups().values())), **base)
    return StoryFacts(
        headline=brief.headline or f"Story {story.id}", has_brief=True,
        speakers=frozenset(fold(q.speaker) for q in brief.quotes if q.speaker),
        entities=frozenset(fold(n) for e in brief.entities for n in (e.name, *e.aliases)),
        best_support=max((c.independent_reports for c in brief.claims), default=0),
        disagreements=len(brief.disagreements), independent_sources=brief.independent_sources, **base)


@dataclass(frozen=True)
class Filters:
    """What a person narrows stories or search hits to; empty fields do not filter."""

    outlet: str = ""
    speaker: str = ""
    entity: str = ""
    since: str = ""  # ISO day: reports published that day or later
    until: str = ""  # ISO day: reports published that day or earlier
    min_sources: int = 0  # claims with at least this many independent sources

    @classmethod
    def make(cls, outlet: str = "", speaker: str = "", entity: str = "", since: str = "", until: str = "",
             min_sources: int = 0) -> Filters:
        """Filters from what a person typed (names trimmed); a date that is not YYYY-MM-DD raises ValueError."""
        if min_sources < 0:
            raise ValueError(f"independent sources must be 0 or more, got {min_sources}")
        return cls(outlet.strip(), speaker.strip(), entity.strip(), _day(since, "since"), _day(until, "until"),
                   min_sources)

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return bool(self.outlet or self.speaker or self.entity or self.since or self.until or self.min_sources)

    @property
    def needs_brief(self) -> bool:
        """Whether matching needs the stories' briefs (speakers, entities, claim support)."""
        return bool(self.speaker or self.entity or self.min_sources)

    def in_range(self, published: str | None) -> bool:
        """Whether a publication date falls in the date range (an undated one does not, when a range is set)."""
        if not (self.since or self.until):
            return True
        day = (published or "")[:10]
        return bool(day) and (not self.since or day >= self.since) and (not self.until or day <= self.until)

    def matches(self, story: StoryFacts) -> bool:
        """Whether a story passes every filter set."""
        return ((not self.outlet or fold(self.outlet) in map(fold, story.outlets))
                and (not self.speaker or fold(self.speaker) in story.speakers)
                and (not self.entity or fold(self.entity) in story.entities)
                and ((not self.since and not self.until) or any(self.in_range(d) for d in story.days))
                and story.best_support >= self.min_sources)

    def describe(self) -> str:
        """The filters in words ("" when none is set)."""
        parts = [f"from {self.outlet}" if self.outlet else "", f"quoting {self.speaker}" if self.speaker else "",
                 f"mentioning {self.entity}" if self.entity else "",
                 f"published {self.since or '…'} to {self.until or '…'}" if self.since or self.until else "",
                 f"a claim backed by {self.min_sources}+ independent sources" if self.min_sources else ""]
        return ", ".join(p for p in parts if p)


def _day(text: str, label: str) -> str:
    """A typed day as YYYY-MM-DD ("" for none); anything else raises ValueError naming the field."""
    if not text.strip():
        return ""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{label} date {text!r} is not a day written YYYY-MM-DD") from None


@dataclass(frozen=True)
class Following:
    """What a person follows: story ids, and entity names by their folded form."""

    stories: frozenset[str] = frozenset()
    entities: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, follows: Iterable) -> Following:
        """From the store's follow rows (objects with `kind` and `target`)."""
        rows = list(follows)
        return cls(frozenset(f.target for f in rows if f.kind == "story"),
                   {fold(f.target): f.target for f in rows if f.kind == "entity"})

    def reason(self, story: StoryFacts) -> str:
        """Why a story is marked as followed ("" when it is not): the story itself or an entity in it."""
        if story.id in self.stories:
            return "following"
        hit = sorted(self.entities.keys() & story.entities)
        return f"following {self.entities[hit[0]]}" if hit else ""

    def follows_entity(self, name: str) -> bool:
        """Whether the entity of this name is followed."""
        return fold(name) in self.entities


@dataclass(frozen=True)
class Listed:
    """A story in the list: its facts and why it is marked followed ("" when not)."""

    facts: StoryFacts
    followed: str = ""


@dataclass
class StoryList:
    """The stories that pass the filters, followed ones first, then in the chosen order."""

    items: list[Listed] = field(default_factory=list)
    total: int = 0  # stories before filtering


def sort_key(sort: SortKey):
    """The key that orders stories for `sort` (after followed ones)."""
    if sort == "latest":
        return lambda f: (_desc(f.latest), -f.ingested, -f.reports, f.headline.lower())
    if sort == "disagreements":
        return lambda f: (-f.disagreements, -f.reports, f.headline.lower())
    return lambda f: (-f.reports, -f.independent_sources, f.headline.lower())


def _desc(day: str) -> tuple[int, ...]:
    """An ISO day as a key sorting newest first (undated last)."""
    return tuple(-ord(ch) for ch in day) + (1,) if day else (2,)


def select(stories: Iterable[StoryFacts], filters: Filters = Filters(), sort: SortKey = "size",
           following: Following = Following()) -> StoryList:
    """The stories passing `filters`, followed ones first, each group in `sort` order."""
    every = list(stories)
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: choose among {', '.join(SORTS)}")
    key = sort_key(sort)
    kept = [Listed(f, following.reason(f)) for f in every if filters.matches(f)]
    kept.sort(key=lambda item: (not item.followed, key(item.facts)))
    return StoryList(kept, len(every))
