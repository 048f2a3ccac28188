"""The HTML pages: story list, story brief, report page, downloads and 404s."""
from __future__ import annotations

import html
import re

from tests.web.conftest import QUOTE, SPEAKER, ferry_story


def test_index_lists_every_story_with_counts_and_outlets(client):
    page = client.get("/")
    assert page.status_code == 200
    text = html.unescape(page.text)
    for story in client.get("/api/stories").json():
        assert story["headline"] in text
        assert f'href="/stories/{story["id"]}"' in page.text
    assert "2 reports" in text and "2 independent sources" in text
    assert "Aldwyn Gazette" in text and "Skarra Island Courier" in text
    assert "3 Mar 2031" in text


def test_index_shows_inputs_with_empty_file_skipped(client):
    page = client.get("/")
    row = re.search(r'<tr class="row-skipped">.*?</tr>', page.text, re.S)
    assert row and "empty.txt" in row.group(0) and "empty file" in row.group(0)
    assert page.text.count('<tr class="row-ok">') == 3


def test_story_page_shows_speaker_and_quote(client):
    story = ferry_story(client)
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert SPEAKER in text
    assert QUOTE in text
    assert story["headline"] in text


def test_story_page_links_evidence_to_marked_spans_in_the_report_text(client):
    story = ferry_story(client)
    page = client.get(f"/stories/{story['id']}").text
    anchors = set(re.findall(r'<a class="chip cite" href="#(ev\d+)"', page))
    assert anchors
    for anchor in anchors:  # every evidence link lands on a marked span (or an anchor just before one)
        assert re.search(rf'(<mark id="{anchor}"|<span class="anchor" id="{anchor}">)', page), anchor
    marked = "".join(re.findall(r"<mark[^>]*>([^<]*)</mark>", page))
    assert QUOTE.split(" until")[0] in html.unescape(marked)


def test_story_page_escapes_and_has_no_external_assets(client):
    story = ferry_story(client)
    page = client.get(f"/stories/{story['id']}").text
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "@import" not in page


def test_report_page_shows_text_metadata_and_marked_span(client):
    story = ferry_story(client)
    doc = client.get(f"/api/stories/{story['id']}").json()
    report = next(r for r in doc["stories"][0]["reports"] if r["outlet"] == "Aldwyn Gazette")
    start = report["text"].index(QUOTE)
    page = client.get(f"/reports/{report['id']}", params={"start": start, "end": start + len(QUOTE)})
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "Jonas Wilde" in text and "Aldwyn Gazette" in text and "ferry-gazette.txt" in text
    assert f'<mark id="hl" class="on">{QUOTE}</mark>' in text
    assert f'href="/stories/{story["id"]}"' in page.text


def test_story_brief_downloads(client):
    story = ferry_story(client)
    md = client.get(f"/stories/{story['id']}/brief.md")
    assert md.status_code == 200 and story["headline"] in md.text
    assert "attachment" in md.headers["content-disposition"]
    standalone = client.get(f"/stories/{story['id']}/brief.html")
    assert standalone.status_code == 200 and "<!DOCTYPE html>" in standalone.text
    assert client.get(f"/stories/{story['id']}/brief.pdf").status_code == 404


def test_unknown_ids_give_404(client):
    for path in ("/stories/s-nope", "/reports/nope", "/stories/s-nope/brief.md"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "Not found" in page.text
    api = client.get("/api/stories/s-nope")
    assert api.status_code == 404 and "s-nope" in api.json()["detail"]


def test_static_stylesheet_is_served(client):
    css = client.get("/static/newsloom.css")
    assert css.status_code == 200 and "--accent" in css.text


def test_report_page_shows_a_speaker_below_the_threshold_as_unattributed(built_store, tmp_path):
    import shutil
    import sqlite3

    from fastapi.testclient import TestClient

    from newsloom.web import create_app

    db = tmp_path / "newsloom.db"
    shutil.copyfile(built_store, db)
    with sqlite3.connect(db) as con:
        (report_id,) = con.execute("SELECT report_id FROM quotes WHERE speaker = ? LIMIT 1", (SPEAKER,)).fetchone()
    client = TestClient(create_app(str(db)))
    found = re.search(r'class="found-quotes">(.*?)</ul>', client.get(f"/reports/{report_id}").text, re.S).group(1)
    assert SPEAKER in found
    with sqlite3.connect(db) as con:
        con.execute("UPDATE quotes SET confidence = 0.42 WHERE report_id = ? AND speaker = ?", (report_id, SPEAKER))
    found = re.search(r'class="found-quotes">(.*?)</ul>', client.get(f"/reports/{report_id}").text, re.S).group(1)
    assert SPEAKER not in found and "unattributed" in found
    with sqlite3.connect(db) as con:
        con.execute("UPDATE quotes SET doubt = 'Marta Kessling relays words Hanne Toller gave' WHERE report_id = ?",
                    (report_id,))
    found = re.search(r'class="found-quotes">(.*?)</ul>', client.get(f"/reports/{report_id}").text, re.S).group(1)
    assert "unattributed · direct · Marta Kessling relays words Hanne Toller gave" in found


def test_story_page_says_why_each_quote_has_its_speaker_or_none(built_store, tmp_path):
    import shutil
    import sqlite3

    from fastapi.testclient import TestClient

    from newsloom.web import create_app

    db = tmp_path / "newsloom.db"
    shutil.copyfile(built_store, db)
    client = TestClient(create_app(str(db)))
    story = next(s for s in client.get("/api/stories").json() if s["reports"] == 2)
    page = client.get(f"/stories/{story['id']}").text
    assert '<span class="why-speaker">Speaker: explicit in 2 reports</span>' in page
    with sqlite3.connect(db) as con:  # as if each report had left the words to nobody, for a rival "she"
        con.execute("UPDATE quotes SET speaker = NULL, basis = 'pronoun', confidence = 0, "
                    "doubt = '“she” could be Marta Kessling or Hanne Toller' WHERE speaker = ?", (SPEAKER,))
    page = TestClient(create_app(str(db))).get(f"/stories/{story['id']}").text
    assert ("Why unattributed: no report says who said it (“she” could be Marta Kessling or Hanne Toller)"
            in page.replace("&#34;", '"'))


def test_report_page_marks_a_span_of_the_headline_when_asked(client):
    story = ferry_story(client)
    doc = client.get(f"/api/stories/{story['id']}").json()
    report = next(r for r in doc["stories"][0]["reports"] if r["outlet"] == "Aldwyn Gazette")
    start = report["title"].index("crews walk out")
    page = client.get(f"/reports/{report['id']}", params={"start": start, "end": start + 14, "part": "title"})
    assert page.status_code == 200
    assert '<mark id="hl" class="on">crews walk out</mark>' in page.text
    assert page.text.count('<mark id="hl"') == 1  # the body is not marked at the headline's offsets
