"""Poll rounds: each item fetched once across rounds and restarts, none lost, failures kept as rows with reasons."""
from __future__ import annotations

from warcio.archiveiterator import ArchiveIterator

from newsloom.store import SQLiteStore
from newsloom.watch.fetch import Fetcher
from newsloom.watch.poll import Watcher
from newsloom.watch.sources import Source
from newsloom.watch.warcstore import WarcStore

from .conftest import FAST
from bench.site import Page, Site, article, http_date, rss


def story(n: int) -> bytes:
    return article(f"Item {n}", [f"Item number {n} tells of the harbour works in the town of Velm, part {n}."])


def watcher(store, site, tmp_path, sources=None) -> Watcher:
    listed = sources or [Source(site.url("/feed.xml"), "Velm Herald")]
    return Watcher(store, listed, WarcStore(tmp_path / "desk.db.warc"), Fetcher(FAST, sleep=lambda s: None))


def serve_feed(site, items: list[int], etag: str, day: int) -> None:
    site.pages["/feed.xml"] = Page(rss("Velm feed", [(f"Item {n}", site.url(f"/items/{n}")) for n in items]),
                                   "application/rss+xml", etag=etag, last_modified=http_date(day))
    for n in items:
        site.pages.setdefault(f"/items/{n}", Page(story(n)))


def test_items_are_fetched_once_across_rounds_and_unchanged_feeds_answer_304(site, tmp_path):
    serve_feed(site, [1, 2], '"v1"', 1)
    with SQLiteStore(tmp_path / "desk.db") as store:
        w = watcher(store, site, tmp_path)
        first = w.poll()
        assert (first.fetched, first.new_reports, first.not_modified, first.conditional) == (3, 2, 0, 0)
        second = w.poll()
        assert (second.fetched, second.new_reports, second.not_modified, second.conditional) == (0, 0, 1, 1)
        feed_asks = [h for p, h in site.requests if p == "/feed.xml"]
        assert feed_asks[1]["if-none-match"] == '"v1"' and feed_asks[1]["if-modified-since"] == http_date(1)
        serve_feed(site, [1, 2, 3], '"v2"', 2)
        third = w.poll()
        assert (third.fetched, third.new_reports) == (2, 1)
        assert [site.hits(f"/items/{n}") for n in (1, 2, 3)] == [1, 1, 1]
        reports = store.reports()
        assert sorted(r.url for r in reports) == [site.url(f"/items/{n}") for n in (1, 2, 3)]
        assert {r.hints["outlet"] for r in reports} == {"Velm Herald"} and reports[0].hints["title"] == "Item 1"
        state = store.feed_state(site.url("/feed.xml"))
        assert state is not None and state.etag == '"v2"' and state.status == 200


def test_a_restart_fetches_nothing_new(site, tmp_path):
    serve_feed(site, [1, 2], '"v1"', 1)
    with SQLiteStore(tmp_path / "desk.db") as store:
        watcher(store, site, tmp_path).poll()
    site.pages["/feed.xml"].etag = site.pages["/feed.xml"].last_modified = None  # no 304 now: a full feed
    with SQLiteStore(tmp_path / "desk.db") as store:
        again = watcher(store, site, tmp_path).poll()
        assert (again.fetched, again.new_reports) == (1, 0) and len(store.reports()) == 2
    assert [site.hits(f"/items/{n}") for n in (1, 2)] == [1, 1]


def test_failures_become_rows_and_transient_ones_are_tried_again(site, tmp_path):
    site.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /secret/\n", "text/plain")
    items = [("ok", "/items/1"), ("flaky", "/items/flaky"), ("slow", "/items/slow"), ("big", "/items/big"),
             ("moved", "/items/old"), ("secret", "/secret/1")]
    site.pages["/feed.xml"] = Page(rss("Velm feed", [(t, site.url(p)) for t, p in items]), "application/rss+xml",
                                   etag='"v1"')
    site.pages["/items/1"] = Page(story(1))
    site.pages["/items/flaky"] = Page(story(2), fail_times=1)
    site.pages["/items/slow"] = Page(story(3), delay=5.0)
    site.pages["/items/big"] = Page(b"<p>" + b"x" * 60_000 + b"</p>")
    site.pages["/items/old"] = Page(location="/items/new")
    site.pages["/items/new"] = Page(story(4))
    site.pages["/secret/1"] = Page(story(5))
    with SQLiteStore(tmp_path / "desk.db") as store:
        w = watcher(store, site, tmp_path)
        first = w.poll()
        rows = [store.input_status(site.url(p)) for p in ("/items/slow", "/items/big", "/secret/1")]
        reasons = {r.source.rsplit("/", 1)[-1]: (r.status, r.reason) for r in rows}
        assert reasons["slow"][0] == "failed" and reasons["slow"][1].startswith("timed out after 2 s")
        assert reasons["big"][0] == "failed" and "size cap" in reasons["big"][1]
        assert reasons["1"] == ("skipped", f"robots.txt of {site.url('')} disallows /secret/1")
        assert site.hits("/secret/1") == 0 and site.hits("/items/flaky") == 2  # a 500, then the page
        assert first.new_reports == 3
        assert site.url("/items/new") in {r.url for r in store.reports()}
        assert store.feed_state(site.url("/feed.xml")).etag is None  # an item is owed: no 304 next round
        site.pages["/items/slow"].delay = 0.0
        second = w.poll()
        assert second.new_reports == 1 and len(store.reports()) == 4
        third = w.poll()
        assert (third.fetched, third.not_modified) == (0, 1)
    assert site.hits("/items/big") == 1 and site.hits("/items/new") == 1


def test_reports_point_at_their_warc_records(site, tmp_path):
    serve_feed(site, [1], '"v1"', 1)
    site.pages["/page"] = Page(story(7))
    with SQLiteStore(tmp_path / "desk.db") as store:
        w = watcher(store, site, tmp_path, [Source(site.url("/feed.xml")), Source(site.url("/page"), "Velm Post")])
        w.poll()
        w.poll()  # the page is unchanged: nothing is written again
        reports = store.reports()
    w.warcs.close()
    assert len(reports) == 2
    for report in reports:
        path, number = report.source.rsplit("#", 1)
        with open(path, "rb") as stream:
            responses = [(r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                         for r in ArchiveIterator(stream) if r.rec_type == "response"]
            assert responses[int(number) - 1] == (report.url, report.raw)
    assert reports[1].hints["outlet"] == "Velm Post" and site.hits("/page") == 2


def test_a_run_killed_before_noting_its_items_stores_nothing_twice(site, tmp_path):
    serve_feed(site, [1, 2], '"v1"', 1)
    with SQLiteStore(tmp_path / "desk.db") as store:
        watcher(store, site, tmp_path).poll()
        rows = store.inputs()
        store._conn.execute("DELETE FROM watch_seen")  # as if killed after storing the reports, before noting them
        store._conn.execute("DELETE FROM watch_feeds")
        again = watcher(store, site, tmp_path).poll()
        assert (again.fetched, again.new_reports, again.problems) == (1, 0, [])  # only the feed is kept again
        assert store.inputs() == rows and len(store.reports()) == 2
        assert store.seen([site.url("/items/1"), site.url("/items/2")]) == {site.url("/items/1"), site.url("/items/2")}


def test_relative_and_odd_links_and_a_broken_source_do_not_stop_the_round(site, tmp_path, monkeypatch):
    site.pages["/feed.xml"] = Page(rss("Velm feed", [("Relative", "/items/1"), ("Mail", "mailto:desk@velm.test")]),
                                   "application/rss+xml", etag='"v1"')
    site.pages["/items/1"] = Page(story(1))
    site.pages["/page"] = Page(story(2))
    with SQLiteStore(tmp_path / "desk.db") as store:
        w = watcher(store, site, tmp_path, [Source(site.url("/broken")), Source(site.url("/feed.xml")),
                                            Source(site.url("/page"))])
        real = w._poll_source

        def odd(source, robots, summary):
            if source.url.endswith("/broken"):
                raise RuntimeError("odd answer")
            return real(source, robots, summary)

        monkeypatch.setattr(w, "_poll_source", odd)
        done = w.poll()
        assert sorted(r.url for r in store.reports()) == [site.url("/items/1"), site.url("/page")]
        assert store.input_status(site.url("/broken")).reason == "RuntimeError: odd answer"
        assert store.input_status("mailto:desk@velm.test").reason == "feed item link is not an http(s) URL"
        assert store.feed_state(site.url("/feed.xml")).etag == '"v1"' and len(done.problems) == 2


def test_a_feed_item_redirected_to_a_host_that_disallows_it_is_skipped_with_the_reason(site, tmp_path):
    other = Site().start()
    try:
        other.pages["/robots.txt"] = Page(b"User-agent: newsloom\nDisallow: /private/\n", "text/plain")
        other.pages["/private/9"] = Page(story(9))
        serve_feed(site, [1], '"v1"', 1)
        site.pages["/items/1"] = Page(location=other.url("/private/9"))
        with SQLiteStore(tmp_path / "desk.db") as store:
            summary = watcher(store, site, tmp_path).poll()
            assert summary.new_reports == 0 and other.hits("/private/9") == 0
            rows = {s.source: s for s in store.inputs()}
            skipped = rows[site.url("/items/1")]
            assert skipped.status == "skipped" and "disallows /private/9" in skipped.reason
    finally:
        other.stop()
