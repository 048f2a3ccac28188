"""robots.txt: disallowed paths are refused with a reason; a missing file allows all, an unreachable one none."""
from __future__ import annotations

from newsloom.watch.fetch import Fetcher
from newsloom.watch.robots import Robots

from .conftest import FAST
from bench.site import Page


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
