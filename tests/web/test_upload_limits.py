"""Uploaded documents run in a worker process under the per-document limits, not in the web app's process."""
from __future__ import annotations

import html
import os

from tests.web.conftest import FERRY_GAZETTE, post_upload

REPORT = ("tarrow.txt", FERRY_GAZETTE.replace("Port Aldwyn", "Tarrow").encode(), "text/plain")


def test_an_upload_is_processed_in_a_guarded_worker(fresh_client):
    desk = fresh_client.app.state.desk
    where = post_upload(fresh_client, REPORT).headers["location"]
    assert desk.uploads.wait(where.rsplit("/", 1)[1], 180)
    assert "tarrow.txt" in html.unescape(fresh_client.get(where).text)
    workers = [w.process.pid for w in desk._documents._pool]
    assert workers and os.getpid() not in workers
    assert desk._documents.limits.seconds > 0 and desk._documents.limits.memory_mb > 0
