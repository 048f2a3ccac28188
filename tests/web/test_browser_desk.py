"""In a real browser (Debian's Chromium through Playwright): search, filters, sort, follow, entity pages, CSV export."""
from __future__ import annotations

import csv
import shutil

import pytest

from .browser import expect, served
from .conftest import SPEAKER


@pytest.fixture(scope="module")
def site(built_store, tmp_path_factory):
    """The app over its own copy of the store (follows write to it) and a headless browser: (base URL, browser)."""
    db = tmp_path_factory.mktemp("browser-desk") / "newsloom.db"
    shutil.copyfile(built_store, db)
    with served(db) as site:
        yield site


@pytest.fixture
def page(site):
    url, browser = site
    tab = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab.goto(url + "/")
    try:
        yield tab
    finally:
        tab.close()


def test_search_from_the_top_box_then_filter(page):
    page.fill(".topsearch input[name=q]", "ferries")
    page.press(".topsearch input[name=q]", "Enter")
    expect(page.locator("li.hit").first).to_be_visible()
    every = page.locator("li.hit").count()
    page.click(".search-form .filter-box summary")
    page.fill(".search-form input[name=outlet]", "Aldwyn Gazette")
    page.click(".search-form button[type=submit]")
    expect(page.locator(".downloads").first).to_contain_text("from Aldwyn Gazette")
    assert 0 < page.locator("li.hit").count() < every
    assert set(page.locator("li.hit .card-meta span:not(.count)").all_inner_texts()) == {"Aldwyn Gazette · 2031-03-03"}


def test_filter_and_sort_the_story_list(page):
    assert page.locator("article.card").count() == 2
    page.click(".slice-form .filter-box summary")
    page.fill(".slice-form input[name=speaker]", SPEAKER)
    page.click(".slice-form button[type=submit]")
    expect(page.locator("article.card")).to_have_count(1)
    expect(page.locator(".card.lead h2")).to_contain_text("ferr")
    page.click("a.clear")
    expect(page.locator("article.card")).to_have_count(2)
    page.select_option("#sort", "latest")
    page.click(".slice-form button[type=submit]")
    expect(page.locator(".card.lead h2")).to_contain_text("library")
    assert "sort=latest" in page.url


def test_follow_a_story_and_see_it_first(page):
    page.select_option("#sort", "latest")
    page.click(".slice-form button[type=submit]")
    ferry = page.locator("article.card").nth(1)
    story_id = ferry.get_attribute("data-story")
    ferry.locator("h2 a").click()
    page.click("button.follow-button")
    expect(page.locator(".story-head .badge.following")).to_be_visible()
    assert page.url.endswith(f"/stories/{story_id}")
    page.goto(page.url.split("/stories/")[0] + "/?sort=latest")
    lead = page.locator("article.card").first
    assert lead.get_attribute("data-story") == story_id
    expect(lead.locator(".badge.following")).to_have_text("following")
    lead.locator("h2 a").click()
    page.click("button.follow-button")  # now the unfollow button
    expect(page.locator("button.follow-button")).to_have_text("Follow this story")


def test_entity_page_from_a_story(page):
    page.click(".card.lead h2 a")
    page.locator("a.entity-link", has_text=SPEAKER).first.click()
    expect(page.locator("h1")).to_have_text(SPEAKER)
    expect(page.locator(".entity-quotes li")).to_contain_text("We will keep the ferries tied up")
    page.locator(".entity-stories a").first.click()
    expect(page.locator(".story-head h1")).to_be_visible()


def _download_story_csv(page, tmp_path, table: str):
    """Open the lead story, download its `table` CSV: (story id, its brief from the API, the download, CSV rows)."""
    page.click(".card.lead h2 a")
    story_id = page.url.rsplit("/", 1)[1]
    brief = page.request.get(page.url.split("/stories/")[0] + f"/api/stories/{story_id}").json()["stories"][0]
    with page.expect_download() as info:
        page.click(f"text={table} CSV")
    saved = tmp_path / f"{table}.csv"
    info.value.save_as(saved)
    return story_id, brief, info, list(csv.DictReader(saved.open(encoding="utf-8")))


def test_quotes_csv_download_has_a_row_per_quote(page, tmp_path):
    story_id, brief, info, rows = _download_story_csv(page, tmp_path, "quotes")
    assert info.value.suggested_filename == f"newsloom-{story_id}-quotes.csv"
    assert len(rows) == sum(len(q["evidence"]) for q in brief["quotes"]) == 3
    assert sorted(r["speaker"] for r in rows).count(SPEAKER) == 2


def test_claims_csv_download_has_a_row_per_claim(page, tmp_path):
    story_id, brief, info, rows = _download_story_csv(page, tmp_path, "claims")
    assert info.value.suggested_filename == f"newsloom-{story_id}-claims.csv"
    assert brief["claims"] and len(rows) == len(brief["claims"])
    assert [r["claim"] for r in rows] == [c["text"] for c in brief["claims"]]
    assert {r["story"] for r in rows} == {story_id}
