"""Uploads are refused when too large, when sent from another site and when they lack the form's token."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsloom.web import create_app, local_hosts
from newsloom.web.desk import UPLOAD_PREFIX
from tests.web.conftest import FERRY_GAZETTE, csrf_token, post_upload

REPORT = ("gullmere.txt", FERRY_GAZETTE.replace("Port Aldwyn", "Gullmere").encode(), "text/plain")


@pytest.fixture
def small_client(built_store, tmp_path) -> TestClient:
    """A client over a copy of the store whose app takes at most 1 MB per upload and 0.5 MB per file."""
    shutil.copyfile(built_store, tmp_path / "newsloom.db")
    return TestClient(create_app(str(tmp_path / "newsloom.db"), max_upload_mb=1, max_file_mb=0.5))


def upload_folders() -> set[str]:
    """The upload folders in the temp directory right now."""
    return {p.name for p in Path(tempfile.gettempdir()).glob(UPLOAD_PREFIX + "*")}


def nothing_ingested(client: TestClient, before: int) -> bool:
    """No upload queued and no input recorded since `before` inputs."""
    return not client.app.state.desk.uploads.pending() and len(client.get("/api/inputs").json()) == before


def test_oversized_upload_is_refused_before_reading_it(small_client):
    before, folders = len(small_client.get("/api/inputs").json()), upload_folders()
    answer = post_upload(small_client, ("big.txt", b"x" * 2_000_000, "text/plain"))
    assert answer.status_code == 413
    assert "upload too large" in answer.text and "at most 1.0 MB per upload" in answer.text
    assert nothing_ingested(small_client, before) and upload_folders() <= folders


def test_upload_without_length_is_counted_while_streaming(small_client):
    before = len(small_client.get("/api/inputs").json())
    token = csrf_token(small_client)
    boundary = "b0undary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    # chunks of 0.3 MB spread over files: none over the per-file limit alone but 1.5 MB together
    parts = [head, b"y" * 300_000]
    for n in range(4):
        parts.append(f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
                     f"filename=\"part{n}.txt\"\r\n\r\n".encode() + b"y" * 300_000)
    parts.append(f"\r\n--{boundary}--\r\n".encode())
    answer = small_client.post("/upload", content=iter(parts), follow_redirects=False, headers={
        "content-type": f"multipart/form-data; boundary={boundary}", "origin": str(small_client.base_url)})
    assert answer.status_code == 413 and "more than 1.0 MB sent" in answer.text
    assert nothing_ingested(small_client, before)


def test_a_file_over_the_per_file_limit_is_refused(small_client):
    before = len(small_client.get("/api/inputs").json())
    answer = post_upload(small_client, ("a.txt", b"a" * 100, "text/plain"), ("huge.txt", b"z" * 600_000, "text/plain"))
    assert answer.status_code == 413 and "file too large: huge.txt is over 0.5 MB" in answer.text
    assert nothing_ingested(small_client, before)


def test_cross_origin_post_is_refused(fresh_client):
    before = len(fresh_client.get("/api/inputs").json())
    answer = post_upload(fresh_client, REPORT, headers={"origin": "http://evil.example"})
    assert answer.status_code == 403 and "another site" in answer.text
    assert nothing_ingested(fresh_client, before)


def test_cross_site_referer_is_refused(fresh_client):
    before = len(fresh_client.get("/api/inputs").json())
    answer = post_upload(fresh_client, REPORT, headers={"referer": "http://evil.example/page.html"})
    assert answer.status_code == 403
    assert nothing_ingested(fresh_client, before)


@pytest.mark.parametrize("token", [None, "forged.0123456789abcdef", "not-a-token"])
def test_same_origin_post_without_a_valid_token_is_refused(fresh_client, token):
    before = len(fresh_client.get("/api/inputs").json())
    answer = post_upload(fresh_client, REPORT, token=token)
    assert answer.status_code == 403 and "token is missing or out of date" in answer.text
    assert nothing_ingested(fresh_client, before)


def test_token_of_another_app_run_is_refused(fresh_client, built_store):
    other = TestClient(create_app(str(built_store)))
    answer = post_upload(fresh_client, REPORT, token=csrf_token(other))
    assert answer.status_code == 403


def test_post_with_neither_origin_nor_referer_needs_the_token(fresh_client):
    refused = post_upload(fresh_client, REPORT, token=None, headers={})
    assert refused.status_code == 403
    accepted = post_upload(fresh_client, REPORT, headers={})
    assert accepted.status_code == 303


def test_token_header_serves_scripts(fresh_client):
    token = csrf_token(fresh_client)
    answer = fresh_client.post("/upload", files=[("files", REPORT)], headers={"x-csrf-token": token},
                               follow_redirects=False)
    assert answer.status_code == 303


def test_same_origin_post_with_token_is_ingested(fresh_client):
    answer = post_upload(fresh_client, REPORT)
    assert answer.status_code == 303
    token = answer.headers["location"].rsplit("/", 1)[1]
    assert fresh_client.app.state.desk.uploads.wait(token, 120)
    status = fresh_client.get(f"/api/uploads/{token}").json()
    assert status["state"] == "done" and status["inputs"][0]["status"] == "ok"
    assert any("gullmere.txt" in i["source"] for i in fresh_client.get("/api/inputs").json())


def test_other_state_changing_requests_need_the_same_origin(client):
    assert client.delete("/api/stories", headers={"origin": "http://evil.example"}).status_code == 403
    assert client.post("/api/stories", headers={}).status_code == 403


def test_local_hosts_guard_against_dns_rebinding(built_store):
    app = create_app(str(built_store), allowed_hosts=local_hosts("127.0.0.1"))
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/stories").status_code == 200
    assert TestClient(app, base_url="http://evil.example").get("/api/stories").status_code == 400
    assert local_hosts("0.0.0.0") is None
