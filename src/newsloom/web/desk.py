"""The web app's hold on one store: story cards, briefs cached per story, report pages and queued uploads."""
from __future__ import annotations

import threading
from pathlib import Path

from newsloom.find import StoryFacts, story_facts
from newsloom.model import Brief, InputStatus, Story, StoryBrief
from newsloom.pipeline import Pipeline, document_executor
from newsloom.store import Store
from newsloom.web.cards import StoryCard, make_card
from newsloom.web.worker import UploadJob, UploadQueue
from newsloom.workers import Limits

UPLOAD_PREFIX = "newsloom-upload-"


class Desk:
    """Reads stories and reports from the store, computes briefs through the pipeline and queues uploads.

    Uploads are ingested by a background thread, one at a time; pages never wait for them. Briefs are
    cached per story, keyed on the story's report ids, dropped after every upload and computed again
    by the upload thread once no upload waits.
    """

    def __init__(self, store: Store, limits: Limits | None = Limits()):
        self.store = store
        self.uploads = UploadQueue(self._process, self._warm)
        # uploaded documents run in a worker process under `limits` (started at the first upload)
        self._documents = document_executor(1, limits)
        # the upload thread's own pipeline: it holds the story index between uploads
        self._ingest = Pipeline(store, progress=self.uploads.progress, documents=self._documents)
        self._reader = Pipeline(store)  # briefs only: it reads the store and keeps nothing
        self._cache = threading.Lock()
        self._briefs: dict[str, tuple[tuple, StoryBrief]] = {}

    # ---- stories and briefs ----

    def story(self, story_id: str) -> Story | None:
        """The stored story with this id, or None."""
        return next((s for s in self.store.stories() if s.id == story_id), None)

    def cards(self, compute_briefs: bool = True) -> list[StoryCard]:
        """A card per story, largest first; headlines come from the briefs.

        Briefs not cached yet are computed when asked and no upload is under way; otherwise those
        cards carry their lead report's title.
        """
        stories, marks = self.store.stories(), self._fix_marks()
        if compute_briefs and not self.uploads.busy:
            self._fill_cache(stories, marks)
        articles = {a.report_id: a for a in self.store.articles()}
        cards = [make_card(s, articles, brief=self._cached(s, marks)) for s in stories]
        return sorted(cards, key=lambda c: (-c.reports, -c.independent_sources, c.headline.lower()))

    def facts(self, compute_briefs: bool = True) -> list[StoryFacts]:
        """What the story list filters and sorts on, per story; briefs are computed as for `cards`."""
        stories, marks = self.store.stories(), self._fix_marks()
        if compute_briefs and not self.uploads.busy:
            self._fill_cache(stories, marks)
        articles = self.store.articles()
        order = {a.report_id: i for i, a in enumerate(articles)}
        by_id = {a.report_id: a for a in articles}
        return [story_facts(s, by_id, order, self._cached(s, marks)) for s in stories]

    def briefs(self, compute: bool = True) -> list[StoryBrief]:
        """The brief of every story (those not cached computed now); only the cached ones unless `compute`."""
        stories, marks = self.store.stories(), self._fix_marks()
        if compute:
            self._fill_cache(stories, marks)
        return [b for b in (self._cached(s, marks) for s in stories) if b is not None]

    def story_brief(self, story_id: str) -> StoryBrief | None:
        """The brief of one story (cached), or None for an unknown id."""
        story = self.story(story_id)
        if story is None:
            return None
        marks = self._fix_marks()
        self._fill_cache([story], marks)
        return self._cached(story, marks)

    def brief(self, story_id: str) -> Brief | None:
        """A brief document holding just this story and the store's inputs, or None for an unknown id."""
        story = self.story_brief(story_id)
        return None if story is None else Brief(inputs=self.store.inputs(), stories=[story])

    def drop_brief(self, story_id: str) -> None:
        """Forget the cached brief of one story (after a speaker fix), so the next page computes it anew."""
        with self._cache:
            self._briefs.pop(story_id, None)

    def _fix_marks(self) -> dict[str, list[tuple]]:
        """Per report, its kept speaker fixes as they stand (a brief made before they changed is stale)."""
        marks: dict[str, list[tuple]] = {}
        for f in self.store.speaker_fixes():
            marks.setdefault(f.report_id, []).append((f.start, f.end, f.speaker, f.at))
        return marks

    @staticmethod
    def _key(story: Story, marks: dict[str, list[tuple]]) -> tuple:
        """What a story's cached brief depends on: its reports and their speaker fixes."""
        return tuple(story.report_ids), tuple(m for r in story.report_ids for m in marks.get(r, ()))

    def _cached(self, story: Story, marks: dict[str, list[tuple]]) -> StoryBrief | None:
        """The cached brief of a story whose reports and speaker fixes have not changed since, else None."""
        hit = self._briefs.get(story.id)
        return hit[1] if hit and hit[0] == self._key(story, marks) else None

    def _fill_cache(self, stories: list[Story], marks: dict[str, list[tuple]]) -> None:
        """Compute, in one pipeline call, the briefs of the stories not cached yet (reads only the store)."""
        missing = [s for s in stories if self._cached(s, marks) is None]
        if not missing:
            return
        computed = {sb.id: sb for sb in self._reader.brief([s.id for s in missing]).stories}
        with self._cache:
            for story in missing:
                if story.id in computed:
                    self._briefs[story.id] = (self._key(story, marks), computed[story.id])

    # ---- uploads ----

    def upload(self, folder: Path, paths: list[Path]) -> UploadJob:
        """Queue the files saved in `folder` for ingesting; the upload thread removes the folder when done."""
        return self.uploads.submit(folder, paths)

    def _process(self, job: UploadJob) -> list[InputStatus]:
        """Ingest an upload's files and place them in stories (on the upload thread)."""
        statuses = self._ingest.ingest(job.paths)
        stories = self._ingest.build_stories()
        with self._cache:
            self._briefs.clear()
        job.stories = self._joined(stories, {s.source for s in statuses})
        return statuses

    def _joined(self, stories: list[Story], sources: set[str]) -> list[StoryCard]:
        """Cards of the stories holding reports read from `sources`, largest first."""
        articles = {a.report_id: a for a in self.store.articles()}
        mine = {rid for rid, a in articles.items() if a.source in sources}
        marks = self._fix_marks()
        cards = [make_card(s, articles, brief=self._cached(s, marks)) for s in stories if mine & set(s.report_ids)]
        return sorted(cards, key=lambda c: -c.reports)

    def _warm(self) -> None:
        """Compute the briefs the story list shows, so pages find them cached (on the upload thread)."""
        self._fill_cache(self.store.stories(), self._fix_marks())

    def close(self) -> None:
        """Stop the upload thread and the document worker."""
        self.uploads.close()
        self._documents.close()


def display_source(source: str) -> str:
    """A source as people read it: an uploaded file by its name, anything else as given."""
    _, sep, rest = source.partition(UPLOAD_PREFIX)
    if sep and "/" in rest:
        return rest.split("/", 1)[1]
    return source


def is_upload(source: str) -> bool:
    """Whether a source came through the web upload form."""
    return display_source(source) != source
