"""Fetched pages are kept as WARC request and response records that warcio reads back, named as ingest names them."""
from __future__ import annotations

from warcio.archiveiterator import ArchiveIterator

from newsloom.ingest.warc import read_warc
from newsloom.model import Report
from newsloom.watch.fetch import Fetcher
from newsloom.watch.warcstore import WarcStore

from .conftest import FAST
from bench.site import Page, article


def test_records_round_trip_through_warcio_and_ingest(site, tmp_path):
    page = article("Bridge shut", ["The Old Harbour bridge shut on Monday after inspectors found cracks."])
    site.pages["/a"], site.pages["/b"] = Page(page), Page(b"second page, plain", "text/plain")
    fetcher, warcs = Fetcher(FAST), WarcStore(tmp_path / "desk.db.warc")
    first = warcs.write(fetcher.get(site.url("/a")))
    second = warcs.write(fetcher.get(site.url("/b")))
    warcs.close()
    assert first.path == second.path and (first.number, second.number) == (1, 2)
    assert first.source == f"{first.path}#1"
    with open(first.path, "rb") as stream:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read(),
                    r.rec_headers.get_header("WARC-Record-ID"), r.rec_headers.get_header("WARC-Concurrent-To"))
                   for r in ArchiveIterator(stream)]
    assert [r[0] for r in records] == ["warcinfo", "response", "request", "response", "request"]
    assert records[1][1] == site.url("/a") and records[1][2] == page and records[1][3] == first.record_id
    assert records[2][4] == first.record_id  # the request names the response it got
    with open(first.path, "rb") as stream:
        reports = [r for r in read_warc(stream, str(first.path)) if isinstance(r, Report)]
    assert [(r.source, r.raw, r.url) for r in reports] == [
        (first.source, page, site.url("/a")), (second.source, b"second page, plain", site.url("/b"))]


def test_files_rotate_past_their_size(site, tmp_path):
    site.pages["/a"] = Page(b"x" * 5000, "text/plain")
    fetcher, warcs = Fetcher(FAST), WarcStore(tmp_path / "w", max_file_bytes=100)
    made = [warcs.write(fetcher.get(site.url("/a"))) for _ in range(3)]
    warcs.close()
    assert len({r.path for r in made}) == 3 and all(r.number == 1 for r in made)
