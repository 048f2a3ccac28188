"""Watch state and story update events round-trip on both backends and are never recorded twice."""
from newsloom.model import FeedState, StoryUpdate
from newsloom.store import SQLiteStore


def update(story: str = "s1", kind: str = "outlet", text: str = "Daily joined", at: str = "2026-12-01T10:00:00+00:00"):
    return StoryUpdate(story, kind, text, ["r2"], at)


def test_feed_state_round_trips_and_replaces(store):
    assert store.feed_state("https://a.test/feed") is None
    first = FeedState("https://a.test/feed", '"v1"', "Mon, 01 Dec 2026 10:00:00 GMT", "2026-12-01T10:00:00+00:00", 200)
    store.put_feed_state(first)
    assert store.feed_state(first.url) == first
    later = FeedState(first.url, None, None, "2026-12-01T11:00:00+00:00", None, "timed out")
    store.put_feed_state(later)
    assert store.feed_state(first.url) == later


def test_seen_urls_are_remembered_once(store):
    store.mark_seen("https://a.test/1", "https://a.test/feed", "r1", "2026-12-01T10:00:00+00:00")
    store.mark_seen("https://a.test/1", "https://a.test/feed", "r9", "2026-12-01T11:00:00+00:00")
    store.mark_seen("https://a.test/2", "https://a.test/feed", None, "2026-12-01T10:00:00+00:00")
    assert store.seen(["https://a.test/1", "https://a.test/2", "https://a.test/3"]) == {
        "https://a.test/1", "https://a.test/2"}
    assert store.seen([]) == set()


def test_updates_are_numbered_filtered_and_not_duplicated(store):
    a = update()
    b = update("s2", "support", "claim now backed by 3 independent sources", "2026-12-02T10:00:00+00:00")
    added = store.add_updates([a, b])
    assert [(u.seq, u.story_id) for u in added] == [(1, "s1"), (2, "s2")]
    assert store.add_updates([update(at="2026-12-03T10:00:00+00:00")]) == []  # the same event, recorded again
    assert [u.seq for u in store.updates()] == [2, 1]
    assert store.updates("s1") == [StoryUpdate("s1", "outlet", "Daily joined", ["r2"], a.at, 1)]
    assert [u.seq for u in store.updates(since="2026-12-02T00:00:00+00:00")] == [2]
    assert [u.seq for u in store.updates(limit=1)] == [2]
    assert store.move_updates("s1", "s9") == 1 and [u.seq for u in store.updates("s9")] == [1]
    assert store.updates("s1") == []


def test_watch_state_outlives_reopening(tmp_path):
    path = tmp_path / "watch.db"
    with SQLiteStore(path) as s:
        s.mark_seen("https://a.test/1", "https://a.test/feed", "r1", "2026-12-01T10:00:00+00:00")
        s.add_updates([update()])
    with SQLiteStore(path) as s:
        assert s.seen(["https://a.test/1"]) == {"https://a.test/1"}
        assert len(s.updates()) == 1


def test_a_watcher_polls_into_either_backend_and_a_restart_fetches_nothing_new(store, tmp_path):
    from bench.site import Page, Site, article, rss
    from newsloom.watch.fetch import Fetcher, FetchPolicy
    from newsloom.watch.poll import Watcher
    from newsloom.watch.sources import Source
    from newsloom.watch.warcstore import WarcStore

    site = Site().start()
    try:
        site.pages["/1"] = Page(article("One", ["The first report of the harbour works in Velm."]))
        site.pages["/feed.xml"] = Page(rss("Velm", [("One", site.url("/1"))]), "application/rss+xml", etag='"a"')
        policy = FetchPolicy(timeout_s=5, retries=0, delay_s=0)
        for _ in range(2):  # the second watcher stands for a restarted process
            watcher = Watcher(store, [Source(site.url("/feed.xml"))], WarcStore(tmp_path / "w"), Fetcher(policy))
            watcher.poll()
            watcher.warcs.close()
    finally:
        site.stop()
    assert [r.url for r in store.reports()] == [site.url("/1")] and site.hits("/1") == 1
    assert store.feed_state(site.url("/feed.xml")).etag == '"a"'
