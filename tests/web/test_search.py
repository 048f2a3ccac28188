"""The search page, a search's CSV and a story's quotes and claims as CSV downloads."""
from __future__ import annotations

import csv
import html
import io
import re

from .conftest import FERRY_GAZETTE, QUOTE, SPEAKER, ferry_story


def _rows(answer) -> list[dict]:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(answer.text)))


def test_search_page_marks_hits_and_links_to_marked_words(client):
    page = client.get("/search", params={"q": "harbour board", "kind": "report"})
    assert page.status_code == 200
    assert "<mark>harbour</mark>" in page.text.lower()
    links = re.findall(r'href="(/reports/[^"?]+\?start=\d+&amp;end=\d+#hl)"', page.text)
    assert links
    assert re.search(r'href="/stories/[^"]+"', page.text)
    report = client.get(html.unescape(links[0]))
    marked = re.search(r'<mark id="hl" class="on">([^<]*)</mark>', report.text).group(1)
    assert "harbour" in marked.lower()


def test_search_kind_and_speaker(client):
    page = client.get("/search", params={"q": "Kessling", "kind": "quote"})
    assert "hit-quote" in page.text and "hit-report" not in page.text and "hit-claim" not in page.text
    assert SPEAKER in page.text
    nothing = client.get("/search", params={"q": "zeppelin"})
    assert nothing.status_code == 200 and "No hits" in nothing.text


def test_bad_search_is_a_clear_message(client):
    page = client.get("/search", params={"q": '"fair offer'})
    assert page.status_code == 400
    assert "quotation mark is not closed" in page.text
    assert client.get("/search.csv", params={"q": "ferry OR"}).status_code == 400


def test_every_page_has_a_search_box(client):
    assert 'action="/search"' in client.get("/").text


def test_search_csv(client):
    rows = _rows(client.get("/search.csv", params={"q": "ferries", "kind": "quote"}))
    assert rows and {r["kind"] for r in rows} == {"quote"}
    assert {"report_id", "story_id", "snippet", "start", "end", "outlet"} <= set(rows[0])


def test_story_csv_downloads(client):
    story = ferry_story(client)
    page = client.get(f"/stories/{story['id']}")
    assert f"/stories/{story['id']}/quotes.csv" in page.text and f"/stories/{story['id']}/claims.csv" in page.text
    quotes = _rows(client.get(f"/stories/{story['id']}/quotes.csv"))
    kessling = [q for q in quotes if q["speaker"] == SPEAKER]
    assert len(kessling) == 2 and {q["wording"].rstrip(",") for q in kessling} == {QUOTE}
    gazette = next(q for q in kessling if q["outlet"] == "Aldwyn Gazette")
    assert FERRY_GAZETTE.count(QUOTE) == 1
    assert "/reports/" + gazette["report"] in gazette["link"] and f"start={gazette['start']}" in gazette["link"]
    claims = _rows(client.get(f"/stories/{story['id']}/claims.csv"))
    assert claims and all(int(c["independent_reports"]) <= int(c["reports"]) for c in claims)
    assert any("Skarra Island Courier" in c["outlets"] for c in claims)
    assert client.get(f"/stories/{story['id']}/people.csv").status_code == 404
    assert client.get("/stories/nope/quotes.csv").status_code == 404
