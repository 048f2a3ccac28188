"""Uploads waiting for the pipeline, processed one at a time by a background thread off the request path."""
from __future__ import annotations

import logging
import queue
import secrets
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import HTTPException

from newsloom.model import InputStatus
from newsloom.web.cards import StoryCard

log = logging.getLogger(__name__)

KEPT_JOBS = 32
MAX_WAITING = 64


@dataclass
class UploadJob:
    """One upload: its saved files, where processing stands and, once done, each input's status."""

    token: str
    folder: Path
    paths: list[Path]
    state: str = "queued"  # queued, processing, done or failed
    stage: str = ""
    done: int = 0
    total: int = 0
    reason: str = ""
    statuses: list[InputStatus] = field(default_factory=list)
    stories: list[StoryCard] = field(default_factory=list)  # the stories its reports joined
    received: float = field(default_factory=time.time)
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def files(self) -> list[str]:
        """The uploaded files' (safe) names."""
        return [p.name for p in self.paths]

    @property
    def pending(self) -> bool:
        """Whether the job still waits or runs."""
        return self.state in ("queued", "processing")

    def to_dict(self) -> dict:
        """The job as the JSON API gives it."""
        return {"token": self.token, "state": self.state, "files": self.files, "stage": self.stage,
                "done": self.done, "total": self.total, "reason": self.reason,
                "inputs": [{"source": s.source, "status": s.status, "reason": s.reason} for s in self.statuses],
                "stories": [card.to_dict() for card in self.stories]}


class UploadQueue:
    """Runs `process(job)` for each submitted upload in one background thread, then `idle()` once none waits."""

    def __init__(self, process: Callable[[UploadJob], list[InputStatus]], idle: Callable[[], None] | None = None):
        self._process, self._idle = process, idle
        self._queue: queue.Queue[UploadJob | None] = queue.Queue()
        self._jobs: OrderedDict[str, UploadJob] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._current: UploadJob | None = None
        self._busy = 0  # jobs submitted and not finished, plus one while the idle work runs

    @property
    def busy(self) -> bool:
        """Whether uploads wait or run (or their follow-up work does)."""
        return self._busy > 0

    def submit(self, folder: Path, paths: list[Path]) -> UploadJob:
        """Queue an upload saved in `folder`; refuses (503) when too many wait already."""
        with self._lock:
            if sum(1 for j in self._jobs.values() if j.pending) >= MAX_WAITING:
                raise HTTPException(503, f"{MAX_WAITING} uploads are waiting already; try again in a while")
            job = UploadJob(secrets.token_urlsafe(8), folder, paths)
            self._jobs[job.token] = job
            self._busy += 1
            self._forget_old()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="newsloom-uploads", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def get(self, token: str) -> UploadJob | None:
        """A recent upload by its token, or None."""
        return self._jobs.get(token)

    def pending(self) -> list[UploadJob]:
        """The uploads that wait or run, oldest first."""
        return [j for j in list(self._jobs.values()) if j.pending]

    def position(self, job: UploadJob) -> int:
        """How many uploads are ahead of a queued one (0 when it runs or ran)."""
        if job.state != "queued":
            return 0
        return sum(1 for j in self.pending() if j.received < job.received or j.state == "processing")

    def progress(self, stage: str, done: int, total: int) -> None:
        """A pipeline progress callback: record where the running upload stands."""
        job = self._current
        if job is not None:
            job.stage, job.done, job.total = stage, done, total

    def wait(self, token: str, timeout: float | None = None) -> bool:
        """Block until an upload is finished (for scripts and tests); False on timeout or unknown token."""
        job = self.get(token)
        return job is not None and job.finished.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Stop the thread after the running upload and drop the uploads still queued."""
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
        for job in self.pending():
            if job.state == "queued":
                shutil.rmtree(job.folder, ignore_errors=True)

    def _run(self) -> None:
        """Process queued uploads until told to stop."""
        while (job := self._queue.get()) is not None:
            self._current, job.state = job, "processing"
            try:
                job.statuses, job.state = self._process(job), "done"
            except Exception as exc:  # the upload fails, the app goes on
                log.exception("processing upload %s failed", job.token)
                job.state, job.reason = "failed", f"{type(exc).__name__}: {exc}"
            finally:
                self._current = None
                shutil.rmtree(job.folder, ignore_errors=True)
                job.finished.set()
            if self._queue.empty() and self._idle is not None:
                self._after()
            with self._lock:
                self._busy -= 1

    def _after(self) -> None:
        """Run the idle work (e.g. warming caches); its failure is logged, not fatal."""
        try:
            self._idle()
        except Exception:
            log.exception("work after uploads failed")

    def _forget_old(self) -> None:
        """Drop the oldest finished jobs beyond the kept number."""
        finished = [t for t, j in self._jobs.items() if not j.pending]
        for token in finished[: max(0, len(self._jobs) - KEPT_JOBS)]:
            del self._jobs[token]
