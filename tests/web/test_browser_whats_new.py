"""In a real browser: a desk filled by `newsloom watch --once` twice shows the outlet that joined under "What's new"."""
from __future__ import annotations

import pytest

from bench.site import Page, Site, rss
from tests.watch.test_cli_watch import OUTLETS, publish, watch

from .browser import expect, served


@pytest.fixture
def news_site():
    """A local site on 127.0.0.1 serving the three outlets' feeds (pages published by the test)."""
    running = Site().start()
    try:
        yield running
    finally:
        running.stop()


def test_whats_new_names_the_outlet_that_joined_between_two_polls(news_site, tmp_path):
    publish(news_site, "herald")
    publish(news_site, "post")
    news_site.pages["/coast/feed.xml"] = Page(rss("Coast Wire", []), "application/rss+xml")
    sources = tmp_path / "sources.txt"
    sources.write_text("".join(f"{news_site.url(f'/{n}/feed.xml')}  {o}\n" for n, (o, _) in OUTLETS.items()))
    assert [e["kind"] for e in watch(tmp_path, sources)] == ["story"]
    publish(news_site, "coast")
    joined = next(e for e in watch(tmp_path, sources) if e["kind"] == "outlet")
    with served(tmp_path / "desk.db") as (url, browser):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/stories/{joined['story']}")
        news = page.locator("section.whats-new")
        expect(news.locator("h2")).to_contain_text("What's new since")
        expect(news.locator("ul.updates li", has_text="Coast Wire joined the story")).to_have_count(1)
        expect(news.locator("ul.updates li .kind").first).to_be_visible()
        styled = news.evaluate("e => getComputedStyle(e).borderLeftStyle + ' ' + getComputedStyle(e).borderLeftWidth")
        assert styled == "solid 4px"  # the stylesheet's boxed "what's new" list, not a bare one
        feed = page.request.get(f"{url}/updates.atom")
        assert feed.ok and "Coast Wire joined the story" in feed.text()
        story_feed = page.request.get(f"{url}/stories/{joined['story']}/updates.atom")
        assert story_feed.ok and "Coast Wire joined the story" in story_feed.text()
        page.close()
