"""RSS and Atom feeds read with feedparser: one report per entry with feed metadata as hints."""
from __future__ import annotations

import shutil
from pathlib import Path

from newsloom.ingest import read_paths
from newsloom.model import InputStatus, Report

FIXTURES = Path(__file__).parent / "fixtures"


def test_rss_entries_prefer_full_content_and_carry_hints(tmp_path: Path) -> None:
    path = tmp_path / "feed.bin"  # the extension says nothing; the bytes say RSS
    shutil.copy(FIXTURES / "rss.xml", path)
    items = list(read_paths([path]))
    assert [i.source for i in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = items
    assert isinstance(first, Report) and first.media_type == "html"
    assert b"Hollin reservoir" in first.raw and b"teaser" not in first.raw
    assert first.url == "https://valleycourier.example/reservoir"
    assert first.hints == {
        "title": "Reservoir levels rise after a wet March",
        "author": "Priya Nandakumar",
        "published": "2025-03-02T23:35:00-05:00",
        "outlet": "The Valley Courier",
        "url": "https://valleycourier.example/reservoir",
    }
    assert isinstance(second, Report) and second.media_type == "text" and b"Sundays" in second.raw
    assert isinstance(third, InputStatus) and third.status == "skipped"


def test_atom_entry(tmp_path: Path) -> None:
    [report] = list(read_paths([FIXTURES / "atom.xml"]))
    assert isinstance(report, Report) and report.source == f"{FIXTURES / 'atom.xml'}#1"
    assert report.media_type == "html" and b"island ferry" in report.raw
    assert report.hints["outlet"] == "Northern Gazette"
    assert report.hints["author"] == "Ola Haugen"
    assert report.hints["published"] == "2025-03-04T08:15:00+01:00"


def test_feed_without_entries_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    [status] = list(read_paths([path]))
    assert status == InputStatus(str(path), "skipped", "feed has no entries")
