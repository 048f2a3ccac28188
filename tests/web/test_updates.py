"""Update events on the web: Atom feeds (desk-wide and per story) that feedparser reads, a story page's what's new."""
from __future__ import annotations

import shutil

import feedparser
from fastapi.testclient import TestClient

from newsloom.model import StoryUpdate
from newsloom.store import open_store
from newsloom.web import create_app

from .conftest import ferry_story


def client_with_updates(built_store, tmp_path) -> tuple[TestClient, str]:
    """A client over a copy of the store holding two update events of the ferry story and one of another."""
    db = tmp_path / "newsloom.db"
    shutil.copyfile(built_store, db)
    with open_store(str(db)) as store:
        ferry = next(s.id for s in store.stories() if len(s.report_ids) == 2)
        store.add_updates([
            StoryUpdate(ferry, "story", "New story: Ferry crews walk out", ["r1"], "2031-03-03T08:00:00+00:00"),
            StoryUpdate(ferry, "outlet", "Skarra Island Courier joined the story", ["r2"], "2031-03-03T12:30:00+00:00"),
            StoryUpdate("s-other", "story", "New story: <Fire> & smoke", ["r3"], "2031-04-09T07:00:00+00:00"),
        ])
    return TestClient(create_app(str(db))), ferry


def test_desk_feed_is_valid_atom_newest_first(built_store, tmp_path):
    client, ferry = client_with_updates(built_store, tmp_path)
    answer = client.get("/updates.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.id == "http://testserver/updates.atom" and feed.feed.updated == "2031-04-09T07:00:00+00:00"
    assert [e.title for e in feed.entries] == ["New story: <Fire> & smoke", "Skarra Island Courier joined the story",
                                               "New story: Ferry crews walk out"]
    assert feed.entries[1].link == f"http://testserver/stories/{ferry}#update-2"
    assert feed.entries[1].id == feed.entries[1].link and feed.entries[1].updated == "2031-03-03T12:30:00+00:00"


def test_story_feed_holds_only_its_story(built_store, tmp_path):
    client, ferry = client_with_updates(built_store, tmp_path)
    for path in (f"/stories/{ferry}/updates.atom", f"/story/{ferry}/updates.atom"):
        feed = feedparser.parse(client.get(path).content)
        assert not feed.bozo and [e.category for e in feed.entries] == ["outlet", "story"]
    assert client.get("/stories/s-none/updates.atom").status_code == 404


def test_story_page_lists_whats_new(built_store, tmp_path):
    client, ferry = client_with_updates(built_store, tmp_path)
    page = client.get(f"/stories/{ferry}").text
    assert "What's new since" in page and "2031-03-03 08:00 UTC" in page
    assert page.index("Skarra Island Courier joined the story") < page.index("New story: Ferry crews walk out")
    later = client.get(f"/stories/{ferry}?since=2031-03-03T10:00:00Z").text
    assert "joined the story" in later and "New story: Ferry" not in later and "2031-03-03 10:00 UTC" in later


def test_a_story_without_updates_shows_no_list(client):
    story = ferry_story(client)
    assert "What's new since" not in client.get(f"/stories/{story['id']}").text
