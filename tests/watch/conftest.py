"""A local web site started per test, and the fetch policy the watch tests use (short timeouts, no delay)."""
from __future__ import annotations

import pytest

from newsloom.watch.fetch import FetchPolicy

from bench.site import Site

# 2 s: on a loaded 2-core machine a 0.5 s limit timed out local pages and the retry fetched them twice
FAST = FetchPolicy(timeout_s=2.0, retries=2, backoff_s=0.01, max_bytes=50_000, max_redirects=3, delay_s=0.0)


@pytest.fixture
def site():
    """A running site on 127.0.0.1 with no pages yet."""
    running = Site().start()
    try:
        yield running
    finally:
        running.stop()
