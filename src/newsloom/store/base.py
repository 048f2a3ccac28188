"""The store interface every backend (SQLite and PostgreSQL) implements."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, Self

from newsloom.model import (
    DONE_STAGES, Annotated, Article, FeedState, InputStatus, Report, ReportStage, ReportState, SpeakerFix, Story,
    StoryUpdate,
)


class StoreError(Exception):
    """A store could not be opened or refused a write."""


class SchemaVersionError(StoreError):
    """The database was written by a newer newsloom than this one."""


class SearchQueryError(StoreError):
    """A search query that cannot be read (an unclosed quotation mark, a dangling OR); its message says why."""


SearchKind = Literal["report", "quote", "claim"]
SEARCH_KINDS: tuple[SearchKind, ...] = ("report", "quote", "claim")
SEARCH_COLUMNS = ("kind", "report_id", "story_id", "outlet", "published", "title", "speaker", "snippet", "start", "end")
FollowKind = Literal["story", "entity"]
FOLLOW_KINDS: tuple[FollowKind, ...] = ("story", "entity")


@dataclass(frozen=True)
class SearchHit:
    """One search result: a report, quote or claim, with the words around the match and its evidence span.

    `start`/`end` index the report's clean text: the quote or claim itself, or a report's first match
    in its text (None when only its title matched). `marks` are the matched words' spans in `snippet`.
    """

    kind: SearchKind
    report_id: str
    story_id: str | None
    snippet: str
    start: int | None
    end: int | None
    marks: tuple[tuple[int, int], ...] = ()
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    speaker: str | None = None


@dataclass(frozen=True)
class Follow:
    """Something a person follows: a story (by id) or an entity (by canonical name), and since when (ISO UTC)."""

    kind: FollowKind
    target: str
    at: str


class Store(ABC):
    """Keeps every stage of a run: reports, input statuses, articles, annotations and stories."""

    @abstractmethod
    def add_report(self, report: Report) -> bool:
        """Store a report; False (and no change) when one with its content hash is already stored."""

    @abstractmethod
    def has_report(self, content_hash: str) -> bool:
        """Whether a report with this content hash is stored."""

    @abstractmethod
    def get_report(self, report_id: str) -> Report | None:
        """The report with this id, or None."""

    @abstractmethod
    def reports(self) -> list[Report]:
        """Every report, in the order they were added."""

    @abstractmethod
    def record_input(self, status: InputStatus) -> None:
        """Record what became of one input; a later status for the same source replaces it."""

    @abstractmethod
    def inputs(self) -> list[InputStatus]:
        """The latest status of each source, in the order sources were first recorded."""

    @abstractmethod
    def input_status(self, source: str) -> InputStatus | None:
        """The latest status recorded for one source, or None."""

    @abstractmethod
    def report_state(self, report_id: str) -> ReportState | None:
        """Where the report with this id stands, or None when it is not stored."""

    @abstractmethod
    def pending_reports(self, retry: tuple[ReportStage, ...] = ()) -> list[str]:
        """Ids of reports not processed to the end (and of those in `retry` states), in the order added."""

    def claim_reports(self, report_ids: Iterable[str], retry: tuple[ReportStage, ...] = ()) -> Iterator[str]:
        """Of these pending reports, lazily, those this store claims to process now; each is held until `finish_report`.

        A store that several processes share skips reports another one holds or that are no longer
        pending (`retry` names the ended states that count as pending); a claim ends with its holder.
        """
        ended = [s for s in DONE_STAGES if s not in retry]
        for report_id in report_ids:
            state = self.report_state(report_id)
            if state is not None and state.state not in ended:
                yield report_id

    @abstractmethod
    def finish_report(
        self, report_id: str, state: ReportStage, status: InputStatus, annotated: Annotated | None = None
    ) -> None:
        """In one transaction: store a report's annotations (if any), its final state and its input's status."""

    @abstractmethod
    def put_article(self, article: Article) -> None:
        """Store or replace a report's article; a changed article drops the annotations of the old one."""

    @abstractmethod
    def get_article(self, report_id: str) -> Article | None:
        """The article of this report, or None."""

    @abstractmethod
    def articles(self) -> list[Article]:
        """Every article, in the order their reports were added."""

    @abstractmethod
    def put_annotated(self, ann: Annotated) -> None:
        """Store an annotated article (its article and span rows), replacing earlier annotations."""

    @abstractmethod
    def put_claim_vectors(self, report_id: str, vectors: Sequence[bytes | None]) -> None:
        """Keep the claim embeddings of an annotated report, one entry per claim in order (None: leave it)."""

    @abstractmethod
    def get_annotated(self, report_id: str) -> Annotated | None:
        """The annotations of this report's article, or None when it was not annotated."""

    @abstractmethod
    def annotated(self) -> list[Annotated]:
        """Every annotated article, in the order their reports were added."""

    def iter_annotated(self) -> Iterator[Annotated]:
        """Every annotated article in report order, read a few at a time: only those in hand are in memory."""
        for report_id in self.annotated_ids():
            ann = self.get_annotated(report_id)
            if ann is not None:
                yield ann

    @abstractmethod
    def annotated_ids(self) -> list[str]:
        """Ids of the reports whose articles are annotated, in the order the reports were added."""

    @abstractmethod
    def put_state(self, name: str, value: bytes) -> None:
        """Keep a named piece of a stage's state (such as the story index), replacing the last one."""

    @abstractmethod
    def get_state(self, name: str) -> bytes | None:
        """The named state last kept, or None."""

    @abstractmethod
    def put_stories(self, stories: list[Story]) -> None:
        """Replace the whole story assignment (stories, members, copy edges and their evidence)."""

    @abstractmethod
    def stories(self) -> list[Story]:
        """The current stories, in the order they were put."""

    @abstractmethod
    def story_of(self, report_id: str) -> str | None:
        """Id of the story this report belongs to, or None."""

    @abstractmethod
    def put_speaker_fix(self, fix: SpeakerFix) -> None:
        """Keep a person's fix of a quote's speaker, replacing an earlier fix of the same quote (report and span)."""

    @abstractmethod
    def speaker_fixes(self, report_ids: Sequence[str] | None = None) -> list[SpeakerFix]:
        """The kept speaker fixes, oldest first; only those of `report_ids` when given."""

    @abstractmethod
    def delete_speaker_fix(self, report_id: str, start: int, end: int) -> bool:
        """Drop the fix of one quote; False when there was none."""

    @abstractmethod
    def put_feed_state(self, state: FeedState) -> None:
        """Keep the last poll of one watched URL (validators for a conditional GET), replacing the one before."""

    @abstractmethod
    def feed_state(self, url: str) -> FeedState | None:
        """The last poll of one watched URL, or None when it was never polled."""

    @abstractmethod
    def mark_seen(self, url: str, feed: str, report_id: str | None, at: str) -> None:
        """Remember that an item URL was fetched to the end, so no later poll fetches it again."""

    @abstractmethod
    def seen(self, urls: Sequence[str]) -> set[str]:
        """Those of `urls` already fetched by an earlier poll."""

    @abstractmethod
    def add_updates(self, updates: Sequence[StoryUpdate]) -> list[StoryUpdate]:
        """Store story update events in order; returns the new ones (an event recorded before is not added again)."""

    @abstractmethod
    def move_updates(self, old_id: str, new_id: str) -> int:
        """File a story's update events under its new id; returns how many moved."""

    @abstractmethod
    def updates(self, story_id: str | None = None, since: str | None = None, limit: int | None = None) -> list[StoryUpdate]:
        """Recorded update events, newest first; one story's, and those at or after `since` (ISO, UTC) when given."""

    @abstractmethod
    def follow(self, kind: FollowKind, target: str) -> bool:
        """Follow a story or an entity; False (and no change) when it is followed already."""

    @abstractmethod
    def unfollow(self, kind: FollowKind, target: str) -> bool:
        """Stop following a story or an entity; False when it was not followed."""

    @abstractmethod
    def follows(self, kind: FollowKind | None = None) -> list[Follow]:
        """What is followed, oldest first; only stories or only entities when `kind` is given."""

    def search(
        self, query: str, kinds: Sequence[SearchKind] = SEARCH_KINDS, limit: int = 20, offset: int = 0
    ) -> list[SearchHit]:
        """Full-text search of report titles and texts, quotes (words, speaker) and claims, best matches first.

        `query` is what a person types: words (all must match, stemmed), "exact phrases", prefix*,
        OR, NOT, AND and parentheses. It reaches the database as a bound parameter. A query that
        cannot be read raises SearchQueryError; a store without a full-text index raises StoreError.
        `kinds` picks what to search; `limit` and `offset` page the results.
        """
        raise StoreError(f"{type(self).__name__} has no full-text search yet")

    @abstractmethod
    def close(self) -> None:
        """Release the connection; closing twice is harmless."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
