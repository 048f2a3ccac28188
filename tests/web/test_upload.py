"""Uploads: files are ingested, stories regrouped and each input's status shown."""
from __future__ import annotations

import html
import os
import re

from newsloom.web.desk import display_source
from newsloom.web.intake import safe_filename
from tests.web.conftest import FERRY_GAZETTE, csrf_token, ferry_story, upload_and_wait

LIGHTHOUSE = """Storm topples Gullmere lighthouse lantern
Published 21 June 2031
By Petra Lund
Gullmere Tribune

A storm with winds of over 120 kilometres an hour tore the lantern off the Gullmere lighthouse on Saturday night, the coastguard said, leaving the northern approach to the harbour without its main light.

"The lantern room is gone, but the tower itself is sound," said coastguard officer Arvid Holm. A temporary light on a floating buoy will guide ships into the harbour until repairs are finished in the autumn.
"""


def upload(client, *files):
    return upload_and_wait(client, *files)


def test_upload_ingests_a_report_and_shows_its_status(fresh_client):
    page = upload(fresh_client, ("lighthouse.txt", LIGHTHOUSE.encode(), "text/plain"))
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "Upload processed" in text and "lighthouse.txt" in text
    assert "Storm topples Gullmere lighthouse lantern" in text
    stories = fresh_client.get("/api/stories").json()
    assert len(stories) == 3
    lighthouse = next(s for s in stories if "Gullmere" in s["headline"])
    doc = fresh_client.get(f"/api/stories/{lighthouse['id']}").json()
    assert doc["stories"][0]["reports"][0]["outlet"] == "Gullmere Tribune"
    statuses = {display_source(i["source"]): i["status"] for i in fresh_client.get("/api/inputs").json()}
    assert statuses["lighthouse.txt"] == "ok"


def test_upload_of_binary_junk_is_reported_not_fatal(fresh_client):
    junk = bytes(range(256)) * 8 + os.urandom(512)
    page = upload(fresh_client, ("junk.bin", junk, "application/octet-stream"))
    assert page.status_code == 200
    text = html.unescape(page.text)
    notice = text[text.index("Upload processed"):text.index("</section>", text.index("Upload processed"))]
    assert "junk.bin" in notice
    assert "skipped" in notice or "failed" in notice
    junk_input = next(i for i in fresh_client.get("/api/inputs").json() if i["source"].endswith("junk.bin"))
    assert junk_input["status"] in ("skipped", "failed") and junk_input["reason"]
    assert len(fresh_client.get("/api/stories").json()) == 2


def test_upload_of_known_content_is_skipped_with_reason(fresh_client):
    page = upload(fresh_client, ("again.txt", FERRY_GAZETTE.encode(), "text/plain"))
    assert "same content as" in html.unescape(page.text)


def test_upload_without_files_asks_for_one(fresh_client):
    page = fresh_client.post("/upload", data={"csrf_token": csrf_token(fresh_client)})
    assert page.status_code == 200 and "Choose at least one file" in page.text


def test_upload_drops_cached_briefs(fresh_client):
    desk = fresh_client.app.state.desk
    ferry = ferry_story(fresh_client)["id"]
    before = desk.story_brief(ferry)
    upload(fresh_client, ("lighthouse.txt", LIGHTHOUSE.encode(), "text/plain"))
    after = desk.story_brief(ferry)  # the ferry story keeps its reports, its brief is computed anew
    assert after is not None and after is not before


def test_safe_filename_keeps_only_the_name():
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\reports\\a b.html") == "a b.html"
    assert safe_filename("...") == "upload"
    assert safe_filename("<script>.txt") == "_script_.txt"


def test_uploaded_wire_copy_shows_its_shared_passages(fresh_client):
    copy = FERRY_GAZETTE.replace("Published 3 March 2031", "Published 4 March 2031").replace(
        "By Jonas Wilde\nAldwyn Gazette", "By Jonas Wilde\nHarbour Lights Weekly")
    upload(fresh_client, ("ferry-copy.txt", copy.encode(), "text/plain"))
    story = next(s for s in fresh_client.get("/api/stories").json() if s["reports"] == 3)
    page = fresh_client.get(f"/stories/{story['id']}").text
    shared = re.search(r'<details class="shared">(.*?)</details>', page, re.S)
    assert shared and re.search(r"\d+ shared passages?, similarity (0\.9\d|1\.00)", shared.group(1))
    anchors = re.findall(r'href="#(ev\d+)"', shared.group(1))
    assert len(anchors) >= 4  # passages in the copy and in the Gazette
    for anchor in anchors:
        assert re.search(rf'(<mark id="{anchor}"|<span class="anchor" id="{anchor}">)', page), anchor
