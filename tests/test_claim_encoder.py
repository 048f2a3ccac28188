"""The claim encoder worker's warm-up: the model loads in a thread of lower priority, torch's threads wait asleep."""
import os
import sys
import threading

import pytest

from newsloom import claim_encoder
from newsloom.claim_encoder import ENCODER_NICENESS, warm_encoder

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own priority is Linux's")


@pytest.fixture
def no_wait_policy(monkeypatch):
    monkeypatch.setenv("OMP_WAIT_POLICY", "unset")  # so that the value warm_encoder sets is undone afterwards
    monkeypatch.delenv("OMP_WAIT_POLICY")


def _loaded_at(monkeypatch) -> list[tuple[int, int]]:
    """Where the patched loader ran: (thread id, that thread's niceness) per call."""
    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(claim_encoder, "load_encoder",
                        lambda: seen.append((threading.get_native_id(), os.getpriority(os.PRIO_PROCESS, 0))))
    return seen


@linux_only
def test_the_model_loads_at_lower_priority_in_a_thread_and_the_caller_keeps_its_own(monkeypatch, no_wait_policy):
    seen = _loaded_at(monkeypatch)
    before = os.getpriority(os.PRIO_PROCESS, 0)
    warm_encoder()
    assert len(seen) == 1
    thread, niceness = seen[0]
    assert thread != threading.get_native_id() and niceness == min(19, before + ENCODER_NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, 0) == before
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"


def test_a_wait_policy_already_set_is_kept(monkeypatch):
    _loaded_at(monkeypatch)
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    warm_encoder()
    assert os.environ["OMP_WAIT_POLICY"] == "ACTIVE"


def test_a_model_that_fails_to_load_fails_the_warm_up(monkeypatch, no_wait_policy):
    def broken():
        raise OSError("no model files")

    monkeypatch.setattr(claim_encoder, "load_encoder", broken)
    with pytest.raises(OSError, match="no model files"):
        warm_encoder()
