"""The story list on the web: filters and sort read from the query, followed stories first, inputs paged."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from newsloom.find import Filters, Following, entity_names, select
from newsloom.find.stories import SORT_LABELS, SORTS, StoryFacts, StoryList
from newsloom.model import InputStatus
from newsloom.web.desk import Desk

INPUTS_PER_PAGE = 50
INPUT_STATUSES = ("ok", "skipped", "failed")
FILTER_FIELDS = ("outlet", "speaker", "entity", "since", "until", "min_sources")
QUERY_FIELDS = (*FILTER_FIELDS, "sort", "status", "inputs")


def read_filters(params: Mapping[str, str]) -> tuple[Filters, str]:
    """The filters of a query string, and what is wrong with them ("" when nothing; then no filter applies)."""
    try:
        least = int(params.get("min_sources") or 0)
    except ValueError:
        return Filters(), f"independent sources must be a whole number, got {params.get('min_sources')!r}"
    try:
        return Filters.make(params.get("outlet", ""), params.get("speaker", ""), params.get("entity", ""),
                           params.get("since", ""), params.get("until", ""), least), ""
    except ValueError as exc:
        return Filters(), str(exc)


def link(path: str, params: Mapping[str, str], **changes: Any) -> str:
    """`path` with the query's known fields, some changed (None or "" drops one), empty ones left out."""
    kept = {k: params.get(k, "") for k in QUERY_FIELDS}
    kept.update({k: "" if v is None else str(v) for k, v in changes.items()})
    query = urlencode({k: v for k, v in kept.items() if v and v != "0"})
    return f"{path}?{query}" if query else path


@dataclass
class InputsPage:
    """One page of the inputs table, maybe of one status only."""

    rows: list[InputStatus]
    page: int
    pages: int
    status: str
    shown: int  # inputs of that status (all when none is chosen)
    prev: str = ""
    next: str = ""


def inputs_page(inputs: list[InputStatus], params: Mapping[str, str]) -> InputsPage:
    """The page of inputs the query asks for (`inputs` page number, `status` ok, skipped or failed)."""
    status = params.get("status", "")
    status = status if status in INPUT_STATUSES else ""
    rows = [i for i in inputs if not status or i.status == status]
    pages = max(1, -(-len(rows) // INPUTS_PER_PAGE))
    try:
        page = min(max(1, int(params.get("inputs") or 1)), pages)
    except ValueError:
        page = 1
    got = InputsPage(rows[(page - 1) * INPUTS_PER_PAGE: page * INPUTS_PER_PAGE], page, pages, status, len(rows))
    if page > 1:
        got.prev = link("/", params, inputs=page - 1) + "#inputs"
    if page < pages:
        got.next = link("/", params, inputs=page + 1) + "#inputs"
    return got


@dataclass
class FilterChoices:
    """The names the filter form suggests: outlets, speakers and entities of the store's stories."""

    outlets: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


def filter_choices(desk: Desk, facts: list[StoryFacts] | None = None) -> FilterChoices:
    """The outlets, speakers and entities of the stories (of the briefs computed so far)."""
    briefs = desk.briefs(compute=False)
    return FilterChoices(
        outlets=sorted({o for f in (facts if facts is not None else desk.facts(False)) for o in f.outlets},
                       key=str.casefold),
        speakers=sorted({q.speaker for b in briefs for q in b.quotes if q.speaker}, key=str.casefold),
        entities=[e.name for e in entity_names(briefs)],
    )


@dataclass
class StoryListPage:
    """What the index shows of the stories: the list, the filter form's values and choices, and any error."""

    listed: StoryList
    filters: Filters
    sort: str
    choices: FilterChoices
    error: str = ""

    @property
    def status_code(self) -> int:
        """400 when the filters could not be read."""
        return 400 if self.error else 200


def story_list(desk: Desk, params: Mapping[str, str]) -> StoryListPage:
    """The stories passing the query's filters, followed ones first, in the query's sort order."""
    filters, error = read_filters(params)
    sort = params.get("sort", "") or "size"
    if sort not in SORTS:
        error, sort = error or f"unknown sort {sort!r}: choose {', '.join(SORTS)}", "size"
    if filters.needs_brief or sort == "disagreements":
        desk.briefs()  # these need every brief, even while an upload is under way
    facts = desk.facts()
    listed = select(facts, filters, sort, Following.of(desk.store.follows()))
    return StoryListPage(listed, filters, sort, filter_choices(desk, facts), error)


SORT_CHOICES = [(key, SORT_LABELS[key]) for key in SORTS]
