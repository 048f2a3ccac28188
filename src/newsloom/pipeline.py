"""The pipeline: chains ingest, extract, annotate, stories, compare and brief over a store and an executor."""
from __future__ import annotations

import logging
import secrets
import tempfile
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from newsloom.executors import Executor, LocalExecutor
from newsloom.ingest import read_paths
from newsloom.model import (
    Annotated, Article, Brief, InputStatus, Report, ReportStage, SpeakerFix, Story, StoryBrief, StoryUpdate,
)
from newsloom.report_steps import (  # noqa: F401 - re-exported: the pipeline's document steps
    ANNOTATE, ReportResult, extract_report, over_limit, process_report, process_reports, warm_extractor, warm_parser,
    warm_worker,
)
from newsloom.store import SQLiteStore, Store, StoreError
from newsloom.workers import GuardedExecutor, Limits

if TYPE_CHECKING:
    from newsloom.claim_encoder import ClaimEncoder
    from newsloom.executor_spec import ExecutorSpec
    from newsloom.stories import StoryIndex

Progress = Callable[[str, int, int], None]
CompareJob = tuple[Story, list[Annotated], list[SpeakerFix]]  # a story, its articles, people's fixes of its speakers
log = logging.getLogger("newsloom")
STORY_INDEX = "story_index"  # the store's name for the kept story index
STORY_INDEX_TOKEN = "story_index_token"  # changes whenever the kept story index does


def document_executor(
    where: int | ExecutorSpec, limits: Limits | None, warmup: Callable[[], object] | None = warm_parser
) -> Executor:
    """Where documents are processed: an executor spec (or N guarded worker processes) under `limits`.

    Each worker first runs `warmup`; without limits (or with `local`) they run unguarded in this process or a pool.
    """
    from newsloom.executor_spec import ExecutorSpec, document_executor as build

    spec = where if isinstance(where, ExecutorSpec) else ExecutorSpec("processes", max(1, where))
    return build(spec, over_limit, limits, warmup)


def process_inputs(
    paths: Sequence[str | Path], executor: Executor, follow_links: bool = False, annotate: bool = True
) -> Iterator[tuple[InputStatus, Annotated | Article | None, Report | None]]:
    """Read and process inputs one-shot, lazily: (status, found or None, report or None) per input, in order.

    `found` is the annotated article, or with `annotate` off only the extracted `Article` (no NLP model is loaded).
    """
    waiting: deque[Report | InputStatus] = deque()

    def reports() -> Iterator[Report]:
        for item in read_paths(paths, follow_links=follow_links):
            waiting.append(item)
            if isinstance(item, Report):
                yield item

    for result in executor.map(ANNOTATE if annotate else extract_report, reports()):
        while waiting:
            item = waiting.popleft()
            if isinstance(item, InputStatus):
                yield item, None, None
            else:
                yield result.status, result.annotated if annotate else result.article, item
                break
    for item in waiting:
        if isinstance(item, InputStatus):
            yield item, None, None


def _analyze(job: CompareJob) -> tuple[StoryBrief, dict[str, list[bytes | None]]]:
    """Executor-friendly wrapper around the compare stage: the story's brief, and the claim embeddings it encoded.

    Claims are embedded only in stories of two or more reports (a lone report has nothing to align
    with); the new embeddings come back so the store keeps them. A story that fails to compare
    still lists its reports.
    """
    from newsloom.annotate.embeddings import fill_story_vectors
    from newsloom.compare import analyze_story

    story, anns, fixes = job
    fresh: dict[str, list[bytes | None]] = {}
    try:
        if len(anns) >= 2:
            fresh = fill_story_vectors(anns)
        return analyze_story(story, anns, fixes), fresh
    except Exception as exc:  # one bad story must not cost the others their brief
        return _not_compared(job, f"{type(exc).__name__}: {exc}"), fresh


def _not_compared(job: CompareJob, reason: str) -> StoryBrief:
    """The brief of a story that could not be compared: its reports, nothing said of them."""
    from newsloom.compare import brief_reports

    story, anns, _ = job
    log.warning("comparing story %s failed: %s", story.id, reason)
    headline = next((a.article.title for a in anns if a.article.title), story.id)
    return StoryBrief(id=story.id, headline=headline, summary=[], reports=brief_reports(story, anns))


def _compare_worker_lost(job: CompareJob, reason: str) -> tuple[StoryBrief, dict[str, list[bytes | None]]]:
    """What a story gets when the worker comparing it died: its reports, and no embeddings to keep."""
    return _not_compared(job, reason), {}


class Pipeline:
    """Runs the stages against a store; the executor decides where per-item work runs."""

    def __init__(
        self,
        store: Store,
        executor: Executor | None = None,
        progress: Progress | None = None,
        documents: Executor | None = None,
        encoder: ClaimEncoder | None = None,
    ):
        self.store = store
        self.executor = executor or LocalExecutor()
        self.documents = documents or self.executor  # where each report is extracted and annotated
        self.encoder = encoder  # where claims are embedded before compare (None: in compare itself)
        self.progress = progress or (lambda stage, done, total: None)
        self._held: tuple[bytes, StoryIndex] | None = None  # the story index this pipeline last kept, and its token
        self.placed: int | None = None  # reports the last build_stories placed in a kept index (None: grouped all)
        self.processed = 0  # reports the last ingest extracted and annotated (the others were done before)
        self.track_updates: bool | None = None  # record story update events (None: when the store already does)
        self.updates: list[StoryUpdate] = []  # the update events the last build_stories recorded

    def ingest(
        self, paths: Sequence[str | Path], retry_failed: bool = False, follow_links: bool = False
    ) -> list[InputStatus]:
        """Store every input, then extract and annotate every report not processed to the end.

        Each report's state is kept in the store, so a run killed at any point loses nothing: the
        next run processes what was left. Content stored from another input is skipped as a
        duplicate; an input read again is not a duplicate of itself. `retry_failed` processes
        reports that failed or yielded no article again. Links leading out of an input folder are
        read only with `follow_links`.
        """
        seen = {item.source: None for item in map(self.add, read_paths(paths, follow_links=follow_links))}
        self.processed = self.process_pending(retry_failed)
        return [s for s in self.store.inputs() if s.source in seen]

    def add(self, item: Report | InputStatus) -> Report | InputStatus:
        """Store one input read: a report (or a `same content as` skip for a duplicate), or its status."""
        if isinstance(item, InputStatus):
            self.store.record_input(item)
        elif not self.store.add_report(item):
            known = self.store.report_state(item.id)
            if known is None or known.source != item.source:
                where = known.source if known else "an earlier input"
                self.store.record_input(InputStatus(item.source, "skipped", f"same content as {where}"))
        return item

    def process_pending(self, retry_failed: bool = False) -> int:
        """Extract and annotate the pending reports this run claims (runs sharing a store split them); returns how many.

        Claims are not embedded here: compare encodes them once a second report joins their story.
        """
        retry: tuple[ReportStage, ...] = ("failed", "skipped") if retry_failed else ()
        pending = self.store.pending_reports(retry)
        total = len(pending)
        if self.encoder is not None and total >= 2:  # they may make a story to compare: load the encoder meanwhile
            self.encoder.start()
        self.progress("extract+annotate", 0, total)
        stored = (r for r in map(self.store.get_report, self.store.claim_reports(pending, retry)) if r is not None)
        done = 0
        for done, result in enumerate(self.documents.map(ANNOTATE, stored), 1):
            self.store.finish_report(result.report_id, result.stage, result.status, result.annotated)
            self.progress("extract+annotate", done, total)
        return done

    def build_stories(self, rebuild: bool = False) -> list[Story]:
        """Place the stored articles in stories and find copies; stores the result.

        With a story index kept from the last run, only reports added since are placed (and copies
        looked for again only in the stories they change); otherwise, or with `rebuild`, every
        report is grouped anew, which gives the same stories whatever order the reports came in.
        """
        from newsloom.stories import grouped_streamed, regroup

        self.progress("stories", 0, 1)
        arrival = self.store.annotated_ids()
        index = None if rebuild else self._kept_index(arrival)
        self._held = None  # the index is about to change; it is held again once kept
        stories = None
        if index is not None:
            new = self._load([r for r in arrival if r not in index])
            stories = regroup(index, new, self.store.stories(), self._load, arrival)
            self.placed = len(new)
        if stories is None:
            stories, index = grouped_streamed(self.store.iter_annotated(), self._load)
            self.placed = None
        self.store.put_stories(stories)
        self._keep_index(index)
        self.progress("stories", 1, 1)
        self._record_updates(stories)
        return stories

    def _record_updates(self, stories: list[Story]) -> None:
        """Record what changed in the stories that grew, when this pipeline or its store tracks updates."""
        from newsloom.watch.events import record_updates, tracking

        self.updates = []
        if self.track_updates or (self.track_updates is None and tracking(self.store)):
            try:
                self.updates = record_updates(self, stories)
            except (StoreError, ValueError, KeyError, TypeError) as exc:  # the stories are stored; updates can wait
                log.warning("story updates not recorded: %s: %s", type(exc).__name__, exc)

    def _keep_index(self, index: StoryIndex) -> None:
        """Keep the index in the store under a fresh token, and hold it in memory for this pipeline's next run."""
        token = secrets.token_bytes(16)
        try:
            self.store.put_state(STORY_INDEX_TOKEN, b"")  # no holder may trust its copy while the index changes
            self.store.put_state(STORY_INDEX, index.dumps())
            self.store.put_state(STORY_INDEX_TOKEN, token)
        except StoreError as exc:  # the stories are stored; the next run groups everything anew
            log.warning("story index not kept: %s", exc)
            return
        self._held = (token, index)

    def _kept_index(self, arrival: list[str]) -> StoryIndex | None:
        """The story index kept by the last run, if it is readable and all its reports are still stored.

        The copy this pipeline holds is used when the store's token says nobody has replaced it since.
        """
        from newsloom.stories import StoryIndex

        token = self.store.get_state(STORY_INDEX_TOKEN)
        if self._held is not None and token == self._held[0]:
            index = self._held[1]
        else:
            data = self.store.get_state(STORY_INDEX)
            if data is None:
                return None
            try:
                index = StoryIndex.loads(data)
            except ValueError as exc:
                log.warning("grouping every report anew: %s", exc)
                return None
        stored = set(arrival)
        return index if all(rid in stored for rid in index.report_ids()) else None

    def _load(self, report_ids: list[str]) -> list[Annotated]:
        """The stored annotated articles of some reports, in the given order."""
        return [ann for ann in map(self.store.get_annotated, report_ids) if ann is not None]

    def brief(self, story_ids: Sequence[str] | None = None) -> Brief:
        """Compare the reports of each story and assemble the brief."""
        stories = list(self.story_briefs(story_ids))
        return Brief(inputs=self.store.inputs(), stories=stories)

    def story_briefs(self, story_ids: Sequence[str] | None = None) -> Iterator[StoryBrief]:
        """Compare the reports of each story (all, or those named) and yield its brief, in story order.

        A story's articles are read from the store only when the executor takes its turn, so the
        articles in memory are those of the stories in flight, however many are stored.
        """
        stories = [s for s in self.store.stories() if not story_ids or s.id in story_ids]
        fixes: dict[str, list[SpeakerFix]] = {}
        for fix in self.store.speaker_fixes([r for s in stories for r in s.report_ids] if story_ids else None):
            fixes.setdefault(fix.report_id, []).append(fix)
        jobs = ((s, self._embedded(self._load(s.report_ids)), [f for r in s.report_ids for f in fixes.get(r, [])])
                for s in stories)
        self.progress("compare", 0, len(stories))
        for done, (sb, fresh) in enumerate(self.executor.map(_analyze, jobs), 1):
            self._keep_vectors(fresh)
            self.progress("compare", done, len(stories))
            yield sb

    def _embedded(self, anns: list[Annotated]) -> list[Annotated]:
        """A story's articles, their claims embedded by the encoder (when this pipeline has one) and the vectors kept."""
        if self.encoder is not None and len(anns) >= 2:
            self._keep_vectors(self.encoder.fill(anns))
        return anns

    def _keep_vectors(self, fresh: dict[str, list[bytes | None]]) -> None:
        """Store claim embeddings compare encoded, so the next brief reuses them (a failed write only costs time)."""
        for report_id, vectors in fresh.items():
            try:
                self.store.put_claim_vectors(report_id, vectors)
            except StoreError as exc:
                log.warning("claim embeddings of %s not kept: %s", report_id, exc)
                return

    def run(self, paths: Sequence[str | Path], follow_links: bool = False) -> Brief:
        """Ingest the inputs, build stories and return the brief."""
        self.ingest(paths, follow_links=follow_links)
        self.build_stories()
        return self.brief()


def _import_later_stages() -> None:
    """Import the stories and compare stages now, while document workers warm up, rather than after ingest."""
    import newsloom.compare.story  # noqa: F401
    import newsloom.stories.grouping  # noqa: F401


@contextmanager
def analysis(
    paths: Sequence[str | Path] | str | Path,
    workers: int = 1,
    progress: Progress | None = None,
    limits: Limits | None = Limits(),
    follow_links: bool = False,
    executor: str | None = None,
) -> Iterator[tuple[list[InputStatus], Iterator[StoryBrief]]]:
    """One-shot analysis through a throwaway store on disk: every input's status, and the story briefs lazily.

    Reports go through the store one by one and each story's articles are read when it is compared,
    so memory holds the story index and the stories in flight, not every report. Each document is
    processed under `limits` (None: unguarded) where `executor` says (`local`, `processes:N`, `ray`,
    `ray:N`, `ray://HOST:PORT`; default $NEWSLOOM_EXECUTOR, else `workers` processes). The store is
    removed when the block ends.
    """
    from newsloom.claim_encoder import ClaimEncoder
    from newsloom.executor_spec import choose, stage_executor

    if isinstance(paths, (str, Path)):
        paths = [paths]
    spec = choose(executor, workers)
    documents = document_executor(spec, limits)
    # compare on N processes: fresh worker interpreters without limits (quicker to start than a process pool)
    stages = (GuardedExecutor(_compare_worker_lost, workers=spec.workers, limits=Limits(0, 0))
              if spec.kind == "processes" and spec.workers > 1 else stage_executor(spec))
    encoder = ClaimEncoder() if spec.kind == "processes" else None  # `local` stays in this process, Ray on Ray
    try:
        if isinstance(documents, GuardedExecutor):  # the workers load spaCy while this process reads the inputs
            documents.start()
            _import_later_stages()
        with tempfile.TemporaryDirectory(prefix="newsloom-analyze-") as tmp, \
                SQLiteStore(Path(tmp) / "analysis.db") as store:
            pipeline = Pipeline(store, stages, progress, documents, encoder)
            pipeline.ingest(paths, follow_links=follow_links)
            pipeline.build_stories()
            yield store.inputs(), pipeline.story_briefs()
    finally:
        documents.close()
        stages.close()
        if encoder is not None:
            encoder.close()


def analyze(
    paths: Sequence[str | Path] | str | Path,
    workers: int = 1,
    progress: Progress | None = None,
    limits: Limits | None = Limits(),
    follow_links: bool = False,
    executor: str | None = None,
) -> Brief:
    """One-shot analysis of some inputs: the whole brief (see `analysis`, which streams the stories instead)."""
    with analysis(paths, workers, progress, limits, follow_links, executor) as (inputs, stories):
        return Brief(inputs=inputs, stories=list(stories))
