"""Entity pages: every story, quote (by that speaker) and claim that names a person, organisation or place."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsloom.find.stories import fold
from newsloom.model import ClaimGroup, EntitySummary, QuoteGroup, StoryBrief


def slug(name: str) -> str:
    """A name as a URL piece: lower case words joined by hyphens ("Marta Kessling" -> "marta-kessling")."""
    return "-".join(re.findall(r"\w+", name.casefold()))


@dataclass
class EntityStory:
    """A story that mentions the entity."""

    id: str
    headline: str
    reports: int


@dataclass
class EntityQuote:
    """A quote the entity is given as saying, in one story."""

    story: str
    headline: str
    quote: QuoteGroup


@dataclass
class EntityClaim:
    """A claim that names the entity (or is attributed to it), in one story."""

    story: str
    headline: str
    claim: ClaimGroup


@dataclass
class EntityPage:
    """One person or organisation across the store: its names, stories, quotes and claims."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    stories: list[EntityStory] = field(default_factory=list)
    quotes: list[EntityQuote] = field(default_factory=list)
    claims: list[EntityClaim] = field(default_factory=list)

    @property
    def slug(self) -> str:
        """The piece of the entity's page address."""
        return slug(self.name)

    def to_dict(self) -> dict[str, Any]:
        """The page as JSON-ready data (quotes and claims with their reports and evidence)."""
        from newsloom.model import brief_dict

        return {"name": self.name, "type": self.type, "aliases": self.aliases,
                "stories": [brief_dict(s) for s in self.stories],
                "quotes": [{"story": q.story, **brief_dict(q.quote)} for q in self.quotes],
                "claims": [{"story": c.story, **brief_dict(c.claim)} for c in self.claims]}


def entity_names(briefs: Iterable[StoryBrief]) -> list[EntitySummary]:
    """The people, organisations and places the briefs mention, one per canonical name, most reported first."""
    merged: dict[str, EntitySummary] = {}
    for brief in briefs:
        for e in brief.entities:
            seen = merged.setdefault(fold(e.name), EntitySummary(e.name, e.type, [], []))
            seen.aliases += [a for a in e.aliases if a not in seen.aliases and fold(a) != fold(seen.name)]
            seen.reports += [r for r in e.reports if r not in seen.reports]
    return sorted(merged.values(), key=lambda e: (-len(e.reports), e.name.casefold()))


def find_entity(briefs: Iterable[StoryBrief], key: str) -> EntityPage | None:
    """The page of the entity named `key`, or None.

    `key` is its name, an alias or its slug, in any case; failing those, words of a name ("Kessling"),
    the most reported entity whose name holds them.
    """
    stories = list(briefs)
    wanted = fold(key)
    known = entity_names(stories)
    words = _mention_pattern([key])
    entity = (next((e for e in known if fold(e.name) == wanted or slug(e.name) == wanted), None)
              or next((e for e in known if wanted in map(fold, e.aliases)), None)
              or next((e for e in known if any(words.search(n) for n in (e.name, *e.aliases))), None))
    if entity is None:
        return None
    page = EntityPage(entity.name, entity.type, list(entity.aliases))
    names = {fold(n) for n in (entity.name, *entity.aliases)}
    mention = _mention_pattern([entity.name, *entity.aliases])
    for brief in stories:
        if not any(fold(e.name) in names for e in brief.entities):
            continue
        headline = brief.headline or f"Story {brief.id}"
        page.stories.append(EntityStory(brief.id, headline, len(brief.reports)))
        page.quotes += [EntityQuote(brief.id, headline, q) for q in brief.quotes if fold(q.speaker) in names]
        page.claims += [EntityClaim(brief.id, headline, c) for c in brief.claims
                        if fold(c.speaker) in names or mention.search(c.text)]
    return page


def _mention_pattern(names: list[str]) -> re.Pattern[str]:
    """A pattern finding any of the names as whole words, in any case."""
    words = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
