"""The web app's hold on one store: story cards, briefs cached per story, report pages and uploads."""
from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from newsloom.model import Brief, InputStatus, Story, StoryBrief
from newsloom.pipeline import Pipeline
from newsloom.store import Store
from newsloom.web.cards import StoryCard, make_card

UPLOAD_PREFIX = "newsloom-upload-"
KEPT_UPLOAD_RESULTS = 32


class Desk:
    """Reads stories and reports from the store, computes briefs through the pipeline and takes uploads.

    Briefs are cached per story, keyed on the story's report ids, and dropped after every upload.
    Pipeline work (uploads, briefs) runs one at a time.
    """

    def __init__(self, store: Store):
        self.store = store
        self._pipeline = Pipeline(store)  # one for the app's life: it holds the story index between uploads
        self._work = threading.RLock()
        self._briefs: dict[str, tuple[tuple[str, ...], StoryBrief]] = {}
        self._uploads: OrderedDict[str, list[InputStatus]] = OrderedDict()

    # ---- stories and briefs ----

    def story(self, story_id: str) -> Story | None:
        """The stored story with this id, or None."""
        return next((s for s in self.store.stories() if s.id == story_id), None)

    def cards(self, compute_briefs: bool = True) -> list[StoryCard]:
        """A card per story, largest first; headlines come from the briefs (computed when asked)."""
        stories = self.store.stories()
        if compute_briefs:
            self._fill_cache(stories)
        articles = {a.report_id: a for a in self.store.articles()}
        cards = [make_card(s, articles, self._cached_headline(s)) for s in stories]
        return sorted(cards, key=lambda c: (-c.reports, -c.independent_sources, c.headline.lower()))

    def story_brief(self, story_id: str) -> StoryBrief | None:
        """The brief of one story (cached), or None for an unknown id."""
        story = self.story(story_id)
        if story is None:
            return None
        self._fill_cache([story])
        return self._cached(story)

    def brief(self, story_id: str) -> Brief | None:
        """A brief document holding just this story and the store's inputs, or None for an unknown id."""
        story = self.story_brief(story_id)
        return None if story is None else Brief(inputs=self.store.inputs(), stories=[story])

    def _cached(self, story: Story) -> StoryBrief | None:
        """The cached brief of a story whose membership has not changed since, else None."""
        hit = self._briefs.get(story.id)
        return hit[1] if hit and hit[0] == tuple(story.report_ids) else None

    def _cached_headline(self, story: Story) -> str | None:
        cached = self._cached(story)
        return cached.headline if cached else None

    def _fill_cache(self, stories: list[Story]) -> None:
        """Compute, in one pipeline call, the briefs of the stories not cached yet."""
        with self._work:
            missing = [s for s in stories if self._cached(s) is None]
            if not missing:
                return
            computed = {sb.id: sb for sb in self._pipeline.brief([s.id for s in missing]).stories}
            for story in missing:
                if story.id in computed:
                    self._briefs[story.id] = (tuple(story.report_ids), computed[story.id])

    # ---- uploads ----

    def upload(self, files: Iterable[tuple[str, BinaryIO]]) -> str:
        """Ingest uploaded files, place them in stories and return a token for the inputs' statuses."""
        with self._work, tempfile.TemporaryDirectory(prefix=UPLOAD_PREFIX) as folder:
            paths = save_uploads(files, Path(folder))
            statuses = self._pipeline.ingest(paths)
            self._pipeline.build_stories()
            self._briefs.clear()
            token = secrets.token_urlsafe(8)
            self._uploads[token] = statuses
            while len(self._uploads) > KEPT_UPLOAD_RESULTS:
                self._uploads.popitem(last=False)
        return token

    def upload_result(self, token: str | None) -> list[InputStatus] | None:
        """The statuses of a recent upload, or None when the token is unknown."""
        return self._uploads.get(token) if token else None


def save_uploads(files: Iterable[tuple[str, BinaryIO]], folder: Path) -> list[Path]:
    """Write each upload into `folder` under a safe, unique version of its name."""
    paths: list[Path] = []
    for name, stream in files:
        path = _unique(folder / safe_filename(name))
        with path.open("wb") as out:
            shutil.copyfileobj(stream, out)
        paths.append(path)
    return paths


def safe_filename(name: str) -> str:
    """The last part of an uploaded file's name, restricted to plain characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\- ()]+", "_", base).strip(" .")[:120]
    return base or "upload"


def _unique(path: Path) -> Path:
    """`path`, or `name (2).ext`, `name (3).ext`... when it exists."""
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def display_source(source: str) -> str:
    """A source as people read it: an uploaded file by its name, anything else as given."""
    _, sep, rest = source.partition(UPLOAD_PREFIX)
    if sep and "/" in rest:
        return rest.split("/", 1)[1]
    return source


def is_upload(source: str) -> bool:
    """Whether a source came through the web upload form."""
    return display_source(source) != source
