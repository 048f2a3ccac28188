"""Claim embeddings for compare, encoded in a worker process of their own that loads the model while ingest runs.

Compare embeds the claims of every story of two or more reports. Loading the encoder (torch and
sentence-transformers) takes seconds; started when a run has two or more reports to process, the
worker loads it beside the document workers (at a lower priority), and neither the command's process
nor the compare workers load it.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence

import numpy as np

from newsloom.annotate.embeddings import embed, fill_story_vectors, load_encoder
from newsloom.model import Annotated
from newsloom.workers import GuardedExecutor, Limits, drop_early, start_early

log = logging.getLogger("newsloom")
ENCODER_NICENESS = 10  # how much lower the encoder worker's priority is than the document workers'


def warm_encoder() -> None:
    """The worker's warm-up: load the encoder in a thread of lower priority than the document workers beside it.

    While documents are processed on every core, the model loads in the time they leave; it is needed
    only once they are done. The claims are then encoded in the worker's main thread, at the usual
    priority: on Linux a priority belongs to one thread (and the threads it starts), so only the
    loading is lowered (elsewhere the whole worker is). Torch's threads wait for work asleep rather
    than spinning (`OMP_WAIT_POLICY=PASSIVE`, unless set otherwise): with compare workers or other
    programs on the cores, one spinning thread held up the other and encoding took several times as long.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read when torch is first imported, below
    failed: list[BaseException] = []
    loader = threading.Thread(target=_load_at_low_priority, args=(failed,), name="newsloom-load-encoder")
    loader.start()
    loader.join()
    if failed:
        raise failed[0]


def _load_at_low_priority(failed: list[BaseException]) -> None:
    """Lower this thread's priority and load the encoder; an error is kept in `failed` for the caller to raise."""
    try:
        os.nice(ENCODER_NICENESS)
    except OSError:  # not allowed here: load at the same priority
        pass
    try:
        load_encoder()
    except BaseException as exc:  # noqa: BLE001 - raised again in the worker's main thread
        failed.append(exc)


def _failed(texts: Sequence[str], reason: str) -> np.ndarray:
    """A failed encoding: raised, so that the story's claims are left to compare."""
    raise RuntimeError(reason)


class ClaimEncoder:
    """Fills the missing claim embeddings of stories in one worker process (the same vectors `embed` gives here).

    Should the worker fail, the claims are left without embeddings and compare encodes them itself, as it
    would have without this worker.
    """

    def __init__(self) -> None:
        self._pool: GuardedExecutor[Sequence[str], np.ndarray] | None = None
        self._started = False
        self._broken = False

    def start(self) -> None:
        """Start the worker now, so that it loads the model while other work goes on."""
        if not self._started and self._pool is None:
            start_early(warm_encoder)
            self._started = True

    def fill(self, anns: list[Annotated]) -> dict[str, list[bytes | None]]:
        """Encode the story's missing claim embeddings in the worker (see `fill_story_vectors`); {} when it fails."""
        if self._broken:
            return {}
        try:
            return fill_story_vectors(anns, self._encode)
        except Exception as exc:  # noqa: BLE001 - compare encodes the claims itself
            log.warning("claim encoder worker failed, compare encodes the claims itself: %s: %s", type(exc).__name__, exc)
            self._broken = True
            return {}

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        """`embed(texts)`, run in the worker."""
        if self._pool is None:
            self._pool = GuardedExecutor(_failed, workers=1, limits=Limits(0, 0), warmup=warm_encoder)
        return next(self._pool.map(embed, [list(texts)]))

    def close(self) -> None:
        """Stop the worker (or the one started early, if nothing was encoded)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        elif self._started:
            drop_early(warm_encoder)
        self._started = False
