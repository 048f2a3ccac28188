"""The pipeline: chains ingest, extract, annotate, stories, compare and brief over a store and an executor."""
from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from newsloom.annotate import annotate
from newsloom.annotate.embeddings import embed_claims
from newsloom.compare import analyze_story, brief_reports
from newsloom.executors import Executor, LocalExecutor
from newsloom.extract import ExtractionError, extract_article
from newsloom.ingest import read_paths
from newsloom.model import Annotated, Brief, InputStatus, Report, Story, StoryBrief
from newsloom.stories import StoryIndex, grouped, regroup
from newsloom.store import SQLiteStore, Store, StoreError

Progress = Callable[[str, int, int], None]
log = logging.getLogger("newsloom")
EMBED_BATCH = 32  # reports whose claims are embedded in one encoder pass
STORY_INDEX = "story_index"  # the store's name for the kept story index
STORY_INDEX_TOKEN = "story_index_token"  # changes whenever the kept story index does


@dataclass
class ReportResult:
    """What processing one report gave: its annotated article, or why there is none."""

    status: InputStatus
    annotated: Annotated | None = None


def process_report(report: Report) -> ReportResult:
    """Extract and annotate one report; any failure becomes a status with its reason."""
    try:
        article = extract_article(report)
    except ExtractionError as exc:
        return ReportResult(InputStatus(report.source, "skipped", f"no article text: {exc}"))
    except Exception as exc:  # a broken document must not stop the run
        return ReportResult(InputStatus(report.source, "failed", f"extraction error: {type(exc).__name__}: {exc}"))
    try:
        ann = annotate(article, vectors=False)  # claim embeddings are computed in batches by the pipeline
    except Exception as exc:
        return ReportResult(InputStatus(report.source, "failed", f"annotation error: {type(exc).__name__}: {exc}"))
    return ReportResult(InputStatus(report.source, "ok"), ann)


def _analyze(job: tuple[Story, list[Annotated]]) -> StoryBrief:
    """Executor-friendly wrapper around the compare stage; a story that fails to compare still lists its reports."""
    story, anns = job
    try:
        return analyze_story(story, anns)
    except Exception as exc:  # one bad story must not cost the others their brief
        log.warning("comparing story %s failed: %s: %s", story.id, type(exc).__name__, exc)
        headline = next((a.article.title for a in anns if a.article.title), story.id)
        return StoryBrief(id=story.id, headline=headline, summary=[], reports=brief_reports(story, anns))


class Pipeline:
    """Runs the stages against a store; the executor decides where per-item work runs."""

    def __init__(self, store: Store, executor: Executor | None = None, progress: Progress | None = None):
        self.store = store
        self.executor = executor or LocalExecutor()
        self.progress = progress or (lambda stage, done, total: None)
        self._held: tuple[bytes, StoryIndex] | None = None  # the story index this pipeline last kept, and its token
        self.placed: int | None = None  # reports the last build_stories placed in a kept index (None: grouped all)

    def ingest(self, paths: Sequence[str | Path]) -> list[InputStatus]:
        """Read, extract and annotate every input; already-stored content is skipped."""
        statuses: list[InputStatus] = []
        fresh: list[Report] = []
        for item in read_paths(paths):
            if isinstance(item, InputStatus):
                statuses.append(item)
            elif not self.store.add_report(item):
                known = self.store.get_report(item.id)
                where = known.source if known else "an earlier input"
                statuses.append(InputStatus(item.source, "skipped", f"same content as {where}"))
            else:
                fresh.append(item)
        for status in statuses:
            self.store.record_input(status)
        total = len(fresh)
        self.progress("extract+annotate", 0, total)
        batch: list[ReportResult] = []
        for done, result in enumerate(self.executor.map(process_report, fresh), 1):
            batch.append(result)
            if len(batch) == EMBED_BATCH or done == total:
                self._keep(batch)
                statuses += [r.status for r in batch]
                batch = []
            self.progress("extract+annotate", done, total)
        return statuses

    def _keep(self, results: list[ReportResult]) -> None:
        """Embed the claims of a batch of results in one encoder pass, then store them and their statuses.

        If embedding fails the annotations are stored without vectors; compare encodes them later.
        """
        anns = [r.annotated for r in results if r.annotated is not None]
        try:
            embed_claims([c for a in anns for c in a.claims], {a.report_id: a.article.text for a in anns})
        except Exception as exc:  # embeddings are an optimisation: never lose a report over them
            log.warning("embedding claims failed, compare will encode them: %s: %s", type(exc).__name__, exc)
        for result in results:
            if result.annotated is not None:
                self.store.put_article(result.annotated.article)
                self.store.put_annotated(result.annotated)
            self.store.record_input(result.status)

    def build_stories(self, rebuild: bool = False) -> list[Story]:
        """Place the stored articles in stories and find copies; stores the result.

        With a story index kept from the last run, only reports added since are placed (and copies
        looked for again only in the stories they change); otherwise, or with `rebuild`, every
        report is grouped anew, which gives the same stories whatever order the reports came in.
        """
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
            stories, index = grouped(self.store.annotated())
            self.placed = None
        self.store.put_stories(stories)
        self._keep_index(index)
        self.progress("stories", 1, 1)
        return stories

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
        stories = [s for s in self.store.stories() if not story_ids or s.id in story_ids]
        if story_ids:  # a few stories: read only their reports
            wanted = [self.store.get_annotated(r) for s in stories for r in s.report_ids]
            anns = {a.report_id: a for a in wanted if a is not None}
        else:
            anns = {a.report_id: a for a in self.store.annotated()}
        jobs = [(s, [anns[r] for r in s.report_ids if r in anns]) for s in stories]
        self.progress("compare", 0, len(jobs))
        briefs = []
        for done, sb in enumerate(self.executor.map(_analyze, jobs), 1):
            briefs.append(sb)
            self.progress("compare", done, len(jobs))
        return Brief(inputs=self.store.inputs(), stories=briefs)

    def run(self, paths: Sequence[str | Path]) -> Brief:
        """Ingest the inputs, build stories and return the brief."""
        self.ingest(paths)
        self.build_stories()
        return self.brief()


def analyze(paths: Sequence[str | Path] | str | Path, workers: int = 1, progress: Progress | None = None) -> Brief:
    """One-shot analysis of some inputs with a throwaway in-memory store."""
    from newsloom.executors import make_executor

    if isinstance(paths, (str, Path)):
        paths = [paths]
    with SQLiteStore(":memory:") as store:
        return Pipeline(store, make_executor(workers), progress).run(paths)
