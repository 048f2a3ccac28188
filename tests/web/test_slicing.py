"""The desk sliced on the web: filters and sort of the story list, paged inputs, entity pages and follow buttons."""
from __future__ import annotations

import csv
import io
import re
import shutil

from fastapi.testclient import TestClient

from newsloom.model import InputStatus
from newsloom.store import open_store
from newsloom.web import create_app

from .conftest import SPEAKER, csrf_token, ferry_story


def headlines(page) -> list[str]:
    assert page.status_code == 200, page.text
    return re.findall(r'<h2><a href="/stories/([^"]+)">', page.text)


def test_story_list_filters(client):
    ferry = ferry_story(client)["id"]
    every = headlines(client.get("/"))
    assert len(every) == 2 and every[0] == ferry
    library = every[1]
    assert headlines(client.get("/", params={"outlet": "brenmoor evening post"})) == [library]
    assert headlines(client.get("/", params={"speaker": SPEAKER})) == [ferry]
    assert headlines(client.get("/", params={"entity": "skarra island"})) == [ferry]
    assert headlines(client.get("/", params={"since": "2031-04-01", "until": "2031-04-30"})) == [library]
    assert headlines(client.get("/", params={"min_sources": "2"})) == [ferry]
    none = client.get("/", params={"min_sources": "9"})
    assert headlines(none) == [] and "No story matches" in none.text
    shown = client.get("/", params={"outlet": "Aldwyn Gazette"}).text
    assert "1 of 2 stories from Aldwyn Gazette" in shown and f'<option value="{SPEAKER}">' in shown


def test_story_list_sorts(client):
    ferry = ferry_story(client)["id"]
    assert headlines(client.get("/", params={"sort": "latest"}))[0] != ferry  # the library fire is newer
    assert headlines(client.get("/", params={"sort": "size"}))[0] == ferry
    assert len(headlines(client.get("/", params={"sort": "disagreements"}))) == 2
    assert 'value="latest" selected' in client.get("/", params={"sort": "latest"}).text


def test_bad_filters_are_a_clear_message(client):
    for params, words in (({"since": "March"}, "not a day written YYYY-MM-DD"),
                          ({"min_sources": "two"}, "must be a whole number"), ({"sort": "oldest"}, "unknown sort")):
        page = client.get("/", params=params)
        assert page.status_code == 400 and words in page.text


def test_inputs_are_paged_with_a_status_filter(built_store, tmp_path):
    shutil.copyfile(built_store, tmp_path / "newsloom.db")
    with open_store(str(tmp_path / "newsloom.db")) as store:
        for n in range(120):
            store.record_input(InputStatus(f"bulk/{n:03d}.txt", "failed" if n % 3 == 0 else "skipped", f"reason {n}"))
    client = TestClient(create_app(str(tmp_path / "newsloom.db")))
    first = client.get("/")
    assert first.text.count('<tr class="row-') == 50 and "Inputs 1–50 of 124" in first.text
    assert 'rel="next" href="/?inputs=2#inputs"' in first.text and 'rel="prev"' not in first.text
    last = client.get("/", params={"inputs": "3"})
    assert last.text.count('<tr class="row-') == 24 and 'rel="prev"' in last.text and 'rel="next"' not in last.text
    failed = client.get("/", params={"status": "failed", "outlet": "Aldwyn Gazette"})
    assert failed.text.count('<tr class="row-failed">') == 40 and '<tr class="row-ok">' not in failed.text
    assert "Inputs 1–40 of 40 failed" in failed.text
    assert client.get("/", params={"inputs": "99"}).text.count('<tr class="row-') == 24  # past the end: last page


def test_entity_page_and_links(client):
    ferry = ferry_story(client)["id"]
    story = client.get(f"/stories/{ferry}").text
    assert 'href="/entity/marta-kessling"' in story
    page = client.get("/entity/marta-kessling")
    assert page.status_code == 200 and f"<h1>{SPEAKER}</h1>" in page.text
    assert f'href="/stories/{ferry}"' in page.text and "We will keep the ferries tied up" in page.text
    assert re.search(r'href="/reports/[^"?]+\?start=\d+&amp;end=\d+#hl"', page.text)
    assert client.get("/entity/Kessling").status_code == 200
    assert client.get("/entity/atlantis").status_code == 404


def test_follow_and_unfollow_with_the_form_token(fresh_client):
    client = fresh_client
    ferry = ferry_story(client)["id"]
    library = next(i for i in headlines(client.get("/")) if i != ferry)
    token = csrf_token(client)
    same = {"origin": str(client.base_url)}
    answer = client.post("/follow", data={"csrf_token": token, "kind": "story", "target": library, "action": "follow",
                                          "next": f"/stories/{library}"}, headers=same, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/stories/{library}"
    index = client.get("/")
    assert headlines(index)[0] == library and 'class="badge following" title="following"' in index.text
    assert "Unfollow" in client.get(f"/stories/{library}").text
    client.post("/follow", data={"csrf_token": token, "kind": "entity", "target": "kessling", "action": "follow",
                                 "next": "https://elsewhere.example/"}, headers=same)
    assert client.app.state.desk.store.follows("entity")[0].target == SPEAKER
    assert f"following {SPEAKER}" in client.get("/").text
    client.post("/follow", data={"csrf_token": token, "kind": "story", "target": library, "action": "unfollow"},
                headers=same)
    assert headlines(client.get("/"))[0] == ferry  # followed through its entity, and the larger story


def test_follow_is_refused_without_token_or_from_another_site(fresh_client):
    client = fresh_client
    ferry = ferry_story(client)["id"]
    form = {"kind": "story", "target": ferry, "action": "follow"}
    assert client.post("/follow", data=form, headers={"origin": str(client.base_url)}).status_code == 403
    other = client.post("/follow", data={**form, "csrf_token": csrf_token(client)},
                        headers={"origin": "https://evil.example"})
    assert other.status_code == 403
    bad = client.post("/follow", data={**form, "target": "s-nope", "csrf_token": csrf_token(client)},
                      headers={"origin": str(client.base_url)})
    assert bad.status_code == 404
    assert client.app.state.desk.store.follows() == []


def test_search_page_and_csv_filters(client):
    every = client.get("/search", params={"q": "ferries"}).text.count('<li class="hit ')
    mine = client.get("/search", params={"q": "ferries", "outlet": "Aldwyn Gazette"})
    assert 0 < mine.text.count('<li class="hit ') < every and "Skarra Island Courier ·" not in mine.text
    assert "outlet=Aldwyn+Gazette" in mine.text  # the CSV link and further pages keep the filter
    quotes = client.get("/search", params={"q": "ferries", "speaker": SPEAKER, "kind": "quote"}).text
    assert quotes.count('<li class="hit ') == 2
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv", params={"q": "ferries",
                                                                            "outlet": "Aldwyn Gazette"}).text)))
    assert rows and {r["outlet"] for r in rows} == {"Aldwyn Gazette"}
    assert client.get("/search.csv", params={"q": "ferries", "until": "soon"}).status_code == 400
    assert client.get("/search", params={"q": "ferries", "since": "soon"}).status_code == 400


def test_api_story_list_takes_the_same_query(client):
    every = client.get("/api/stories").json()
    assert [s["reports"] for s in every] == [2, 1] and all(s["followed"] is None for s in every)
    latest = client.get("/api/stories", params={"sort": "latest"}).json()
    assert [s["reports"] for s in latest] == [1, 2]
    assert [s["reports"] for s in client.get("/api/stories", params={"speaker": SPEAKER}).json()] == [2]
    bad = client.get("/api/stories", params={"until": "soon"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["detail"]


def test_filters_needing_briefs_work_while_an_upload_is_under_way(built_store, tmp_path, monkeypatch):
    shutil.copyfile(built_store, tmp_path / "newsloom.db")
    client = TestClient(create_app(str(tmp_path / "newsloom.db")))
    desk = client.app.state.desk
    monkeypatch.setattr(type(desk.uploads), "busy", property(lambda _: True))
    assert desk.briefs(compute=False) == []  # nothing cached: the plain list would show lead titles
    assert len(headlines(client.get("/", params={"speaker": SPEAKER}))) == 1
