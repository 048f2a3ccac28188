"""Uploads are processed off the request path: pages answer at once while an upload is being ingested."""
from __future__ import annotations

import html
import threading
import time

from tests.web.conftest import FERRY_GAZETTE, ferry_story, post_upload

REPORT = ("gullmere.txt", FERRY_GAZETTE.replace("Port Aldwyn", "Gullmere").encode(), "text/plain")


def slow_ingest(desk, seconds: float) -> threading.Event:
    """Make the desk's ingest sleep `seconds` before working; the event is set once it has started."""
    started = threading.Event()
    real = desk._ingest.ingest

    def ingest(paths, *args, **kwargs):
        started.set()
        time.sleep(seconds)
        return real(paths, *args, **kwargs)

    desk._ingest.ingest = ingest
    return started


def timed(get, url: str):
    """A GET and the seconds it took."""
    start = time.perf_counter()
    answer = get(url)
    return answer, time.perf_counter() - start


def test_pages_answer_quickly_while_a_slow_upload_is_processed(fresh_client):
    desk = fresh_client.app.state.desk
    ferry = ferry_story(fresh_client)["id"]
    fresh_client.get(f"/stories/{ferry}")  # briefs computed once, as for any visitor
    started = slow_ingest(desk, 3.0)
    start = time.perf_counter()
    answer = post_upload(fresh_client, REPORT)
    assert answer.status_code == 303 and time.perf_counter() - start < 1.0
    where = answer.headers["location"]
    assert started.wait(5)
    index, took = timed(fresh_client.get, "/")
    assert index.status_code == 200 and took < 1.0, took
    assert "Uploads under way" in index.text and where in index.text
    story, took = timed(fresh_client.get, f"/stories/{ferry}")
    assert story.status_code == 200 and took < 1.0, took
    status, took = timed(fresh_client.get, where)
    assert took < 1.0 and "Upload processing" in status.text and 'http-equiv="refresh"' in status.text
    assert desk.uploads.wait(where.rsplit("/", 1)[1], 120)
    done = html.unescape(fresh_client.get(where).text)
    assert "Upload processed" in done and "gullmere.txt" in done and "refresh" not in done


def test_uploads_queue_one_behind_another(fresh_client):
    desk = fresh_client.app.state.desk
    started = slow_ingest(desk, 1.0)
    first = post_upload(fresh_client, REPORT).headers["location"]
    second = post_upload(fresh_client, ("again.txt", b"Some other words.", "text/plain")).headers["location"]
    assert started.wait(5)
    waiting = fresh_client.get(f"/api{second}").json()
    assert waiting["state"] in ("queued", "processing")
    for where in (first, second):
        assert desk.uploads.wait(where.rsplit("/", 1)[1], 120)
        assert fresh_client.get(f"/api{where}").json()["state"] == "done"


def test_a_failing_upload_is_reported_and_the_next_goes_on(fresh_client):
    desk = fresh_client.app.state.desk
    real = desk._ingest.ingest

    def broken(paths, *args, **kwargs):
        desk._ingest.ingest = real
        raise RuntimeError("disk on fire")

    desk._ingest.ingest = broken
    failed = post_upload(fresh_client, REPORT).headers["location"]
    assert desk.uploads.wait(failed.rsplit("/", 1)[1], 60)
    assert "disk on fire" in fresh_client.get(failed).text
    ok = post_upload(fresh_client, REPORT).headers["location"]
    assert desk.uploads.wait(ok.rsplit("/", 1)[1], 120)
    assert fresh_client.get(f"/api{ok}").json()["state"] == "done"


def test_unknown_upload_is_404(client):
    assert client.get("/uploads/nope").status_code == 404
    assert client.get("/api/uploads/nope").json()["detail"].startswith("no upload")
