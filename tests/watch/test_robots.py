"""robots.txt: disallowed paths are refused with a reason; a missing file allows all, an unreachable one none."""
from __future__ import annotations

from newsloom.watch.fetch import Fetcher
from newsloom.watch.robots import Robots

from .conftest import FAST
from bench.site import Page, Site


def test_disallowed_paths_are_refused_and_rules_fetched_once(site):
    site.pages["/robots.txt"] = Page(b"User-agent: newsloom\nDisallow: /private/\n", "text/plain")
    robots = Robots(Fetcher(FAST))
    assert robots.refusal(site.url("/news/1")) is None
    reason = robots.refusal(site.url("/private/2"))
    assert reason is not None and "disallows /private/2" in reason
    assert site.hits("/robots.txt") == 1


def test_no_robots_file_allows_everything(site):
    assert Robots(Fetcher(FAST)).refusal(site.url("/any")) is None


def test_an_unreachable_robots_file_refuses_for_now(site):
    site.pages["/robots.txt"] = Page(b"", fail_times=10)
    reason = Robots(Fetcher(FAST, sleep=lambda s: None)).refusal(site.url("/any"))
    assert reason is not None and "could not be read" in reason


def test_a_redirect_to_a_host_whose_robots_txt_disallows_it_is_not_fetched(site):
    other = Site().start()
    try:
        other.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        other.pages["/private/page"] = Page(b"<p>secret</p>")
        other.pages["/open/page"] = Page(b"<p>open</p>")
        site.pages["/go"] = Page(location=other.url("/private/page"))
        site.pages["/fine"] = Page(location=other.url("/open/page"))
        fetcher = Fetcher(FAST)
        robots = Robots(fetcher)
        refused = fetcher.get(site.url("/go"), gate=robots.refusal)
        assert refused.refused and not refused.ok and "disallows /private/page" in refused.error
        assert other.hits("/private/page") == 0 and other.hits("/robots.txt") == 1
        allowed = fetcher.get(site.url("/fine"), gate=robots.refusal)
        assert allowed.ok and allowed.body == b"<p>open</p>" and allowed.final_url == other.url("/open/page")
    finally:
        other.stop()
