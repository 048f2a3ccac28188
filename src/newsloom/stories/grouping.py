"""Grouping annotated reports into stories, with who copied whom: all at once, streamed, or added to a kept index."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from newsloom.model import Annotated, Story
from newsloom.stories.clustering import StoryIndex, add_batch, build_index, build_index_streamed, outgrown
from newsloom.stories.provenance import find_copies

Loader = Callable[[list[str]], list[Annotated]]  # report ids -> their annotated articles, in arrival order


def group(anns: list[Annotated]) -> list[Story]:
    """Stories of the reports with their copy edges, biggest first, then by id.

    The partition does not depend on the order of `anns`; the order only breaks ties between
    undated (or same-time) reports when deciding which one is the original.
    """
    return grouped(anns)[0]


def grouped(anns: list[Annotated]) -> tuple[list[Story], StoryIndex]:
    """`group`, and the index it built, to keep for adding reports later (`regroup`)."""
    index = build_index(anns)
    by_id = {ann.report_id: ann for ann in anns}
    stories = _with_copies(index, [], lambda ids: [by_id[r] for r in ids], [a.report_id for a in anns])
    return _ordered(stories), index


def grouped_streamed(anns: Iterable[Annotated], load: Loader) -> tuple[list[Story], StoryIndex]:
    """`grouped` over reports read once (in report order) and loaded again story by story to find copies:
    the same stories, without every article in memory at once."""
    arrival: list[str] = []

    def noted(reports: Iterable[Annotated]) -> Iterable[Annotated]:
        for ann in reports:
            arrival.append(ann.report_id)
            yield ann

    index = build_index_streamed(noted(anns))
    return _ordered(_with_copies(index, [], load, arrival)), index


def regroup(index: StoryIndex, new: list[Annotated], previous: list[Story], load: Loader,
            arrival: list[str]) -> list[Story] | None:
    """Add new reports to a kept index; copies are looked for again only in stories that changed.

    `previous` are the stories last built from `index`. Returns None when they no longer match it, or
    when the store has doubled since the index was built (`outgrown`): the caller then groups every
    report anew. Stories whose members did not change keep their edges. `arrival` lists every report
    id in arrival order (ties between undated originals follow it). Unlike `group`, the result can
    depend on the order in which batches arrive, but only for the reports placed since the last full
    grouping, never more than half of them (`python bench/clustering.py --batches 10` measures it).
    """
    if outgrown(index, len(arrival)) or _partition(index.stories()) != _partition(previous):
        return None
    add_batch(index, new)
    return _ordered(_with_copies(index, previous, load, arrival))


def _with_copies(index: StoryIndex, previous: list[Story], load: Loader, arrival: list[str]) -> list[Story]:
    """The index's stories with copy edges: kept from `previous` where a story is unchanged, and for a
    story that grew, kept for its earlier reports when the new ones come after them."""
    before = {s.id: s for s in previous}
    position = {rid: i for i, rid in enumerate(arrival)}
    out = []
    for story in index.stories():
        same = before.get(story.id)
        if same is None or same.report_ids != story.report_ids:
            members = sorted(story.report_ids, key=lambda rid: position.get(rid, len(position)))
            # a report alone has nothing to copy: its articles need not be read
            same = find_copies(load(members), story, settled=same) if len(members) > 1 else replace(story, edges=[])
        out.append(same)
    return out


def _ordered(stories: list[Story]) -> list[Story]:
    """Biggest story first, then by id."""
    return sorted(stories, key=lambda s: (-len(s.report_ids), s.id))


def _partition(stories: list[Story]) -> set[frozenset[str]]:
    """Stories as a set of sets of report ids."""
    return {frozenset(s.report_ids) for s in stories}
