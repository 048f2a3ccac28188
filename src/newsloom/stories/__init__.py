"""Stories stage: group annotated reports into stories and find who copied whom."""
from __future__ import annotations

from newsloom.model import Annotated, Story
from newsloom.stories.clustering import StoryIndex, cluster
from newsloom.stories.provenance import find_copies

__all__ = ["StoryIndex", "cluster", "find_copies", "group"]


def group(anns: list[Annotated]) -> list[Story]:
    """Stories of the reports with their copy edges, biggest first, then by id.

    The partition does not depend on the order of `anns`; the order only breaks ties between
    undated (or same-time) reports when deciding which one is the original.
    """
    position = {ann.report_id: i for i, ann in enumerate(anns)}
    stories = []
    for story in cluster(anns):
        members = [anns[i] for i in sorted(position[rid] for rid in story.report_ids)]
        stories.append(find_copies(members, story))
    return sorted(stories, key=lambda s: (-len(s.report_ids), s.id))
