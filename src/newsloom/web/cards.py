"""Story cards: what the story list shows of each story (counts, outlets, dates), read from the store."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from newsloom.model import Article, Story, StoryBrief


@dataclass
class StoryCard:
    """One line of the story list."""

    id: str
    headline: str
    report_ids: list[str]
    independent_sources: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None

    @property
    def reports(self) -> int:
        """How many reports the story groups."""
        return len(self.report_ids)

    def to_dict(self) -> dict[str, Any]:
        """The card as the JSON API lists it."""
        return {"id": self.id, "headline": self.headline, "reports": self.reports, **{
            k: v for k, v in asdict(self).items() if k not in ("id", "headline")}}


def make_card(story: Story, articles: dict[str, Article], brief: StoryBrief | None = None) -> StoryCard:
    """Summarise a story from its members' articles; headline and independent sources are the brief's when known."""
    members = [articles[r] for r in story.report_ids if r in articles]
    days = sorted(a.published[:10] for a in members if a.published)
    outlets = list(dict.fromkeys(a.outlet for a in members if a.outlet))
    return StoryCard(
        id=story.id,
        headline=(brief.headline if brief else None) or _lead_title(story, articles),
        report_ids=list(story.report_ids),
        independent_sources=brief.independent_sources if brief else len(set(story.independence_groups().values())),
        outlets=outlets,
        first_published=days[0] if days else None,
        last_published=days[-1] if days else None,
    )


def _lead_title(story: Story, articles: dict[str, Article]) -> str:
    """The title of the story's first original report with one (a stand-in until the brief is computed)."""
    originals = [r for r in story.report_ids if story.copy_of(r) is None] + list(story.report_ids)
    for rid in originals:
        article = articles.get(rid)
        if article and article.title:
            return article.title
    return f"Story {story.id}"
