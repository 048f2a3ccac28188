"""Fetching: user agent, retries with backoff, timeouts, redirects and their cap, the size cap, the per-host delay."""
from __future__ import annotations

from newsloom.watch.fetch import USER_AGENT, Fetcher, FetchPolicy

from .conftest import FAST
from bench.site import Page


def test_user_agent_names_newsloom_and_body_comes_whole(site):
    site.pages["/a"] = Page(b"<p>hello</p>")
    got = Fetcher(FAST).get(site.url("/a"))
    assert got.ok and got.body == b"<p>hello</p>" and got.charset == "utf-8"
    assert USER_AGENT.startswith("newsloom/") and "(+https://github.com/newsloom/newsloom)" in USER_AGENT
    assert site.requests[0][1]["user-agent"] == USER_AGENT
    assert ("user-agent", USER_AGENT) in [(k.lower(), v) for k, v in got.request_headers]


def test_server_errors_are_retried_with_growing_waits(site):
    site.pages["/flaky"] = Page(b"ok now", fail_times=2)
    waits: list[float] = []
    got = Fetcher(FAST, sleep=waits.append).get(site.url("/flaky"))
    assert got.ok and got.tries == 3 and got.body == b"ok now"
    assert waits == [FAST.backoff_s, FAST.backoff_s * 2]


def test_a_server_that_keeps_failing_gives_a_transient_error(site):
    site.pages["/down"] = Page(b"", fail_times=10)
    got = Fetcher(FAST, sleep=lambda s: None).get(site.url("/down"))
    assert not got.ok and got.transient and got.error == "server error 500 (after 3 tries)"
    assert site.hits("/down") == 3


def test_a_slow_server_times_out(site):
    site.pages["/slow"] = Page(b"late", delay=1.5)
    got = Fetcher(FetchPolicy(timeout_s=0.2, retries=1, backoff_s=0.0, delay_s=0.0)).get(site.url("/slow"))
    assert not got.ok and got.transient and got.error.startswith("timed out after 0.2 s")


def test_redirects_are_followed_up_to_the_cap(site):
    site.pages["/old"] = Page(location="/new")
    site.pages["/new"] = Page(b"moved here")
    got = Fetcher(FAST).get(site.url("/old"))
    assert got.ok and got.final_url == site.url("/new") and got.body == b"moved here"
    for n in range(5):
        site.pages[f"/loop{n}"] = Page(location=f"/loop{n + 1}")
    looped = Fetcher(FAST).get(site.url("/loop0"))
    assert not looped.ok and not looped.transient and looped.error == "more than 3 redirects"


def test_a_body_over_the_cap_is_given_up(site):
    site.pages["/big"] = Page(b"x" * 60_000)
    got = Fetcher(FAST).get(site.url("/big"))
    assert not got.ok and not got.transient and "over the" in got.error and "size cap" in got.error
    assert got.body == b""


def test_a_client_error_is_not_retried(site):
    got = Fetcher(FAST).get(site.url("/missing"))
    assert got.status == 404 and got.error == "HTTP 404 Not Found" and not got.transient
    assert site.hits("/missing") == 1


def test_requests_to_one_host_wait_for_the_delay():
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(FetchPolicy(delay_s=2.0), sleep=sleep, clock=lambda: now[0])
    fetcher._wait_turn("http://a.test/1")
    now[0] += 0.5
    fetcher._wait_turn("http://a.test/2")
    fetcher._wait_turn("http://b.test/1")  # another host does not wait
    assert slept == [1.5]


def test_too_many_requests_is_tried_again_later(site):
    site.pages["/busy"] = Page(b"slow down", status=429)
    got = Fetcher(FAST, sleep=lambda s: None).get(site.url("/busy"))
    assert got.transient and got.error == "HTTP 429 Too Many Requests (after 3 tries)" and site.hits("/busy") == 3
