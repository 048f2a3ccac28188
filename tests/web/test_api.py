"""The JSON API: story list, one story's brief (newsloom.brief/1) and inputs."""
from __future__ import annotations

from newsloom.brief import validate
from tests.web.conftest import QUOTE, SPEAKER, ferry_story


def test_api_stories_lists_cards(client):
    stories = client.get("/api/stories").json()
    assert [s["reports"] for s in stories] == [2, 1]  # largest first
    ferry = stories[0]
    assert ferry["independent_sources"] == 2
    assert set(ferry["outlets"]) == {"Aldwyn Gazette", "Skarra Island Courier"}
    assert ferry["first_published"] == ferry["last_published"] == "2031-03-03"
    assert len(ferry["report_ids"]) == 2


def test_api_story_is_a_valid_brief_of_just_that_story(client):
    story = ferry_story(client)
    doc = client.get(f"/api/stories/{story['id']}").json()
    validate(doc)
    assert doc["schema"] == "newsloom.brief/1"
    assert [s["id"] for s in doc["stories"]] == [story["id"]]
    quotes = doc["stories"][0]["quotes"]
    assert any(q["speaker"] == SPEAKER and QUOTE in q["text"] and len(q["reports"]) == 2 for q in quotes)
    assert {i["status"] for i in doc["inputs"]} == {"ok", "skipped"}


def test_api_inputs(client):
    inputs = {i["source"].rsplit("/", 1)[-1]: i for i in client.get("/api/inputs").json()}
    assert inputs["empty.txt"]["status"] == "skipped" and inputs["empty.txt"]["reason"]
    assert inputs["ferry-gazette.txt"]["status"] == "ok"


def test_briefs_are_cached_per_story(client):
    desk = client.app.state.desk
    story = ferry_story(client)
    assert desk.story_brief(story["id"]) is desk.story_brief(story["id"])
