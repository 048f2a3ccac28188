"""The sources file: URLs with optional outlet names, comments and blank lines; a bad line is named."""
from __future__ import annotations

import pytest

from newsloom.watch.sources import Source, SourcesError, parse_sources, read_sources


def test_urls_outlets_and_comments():
    text = ("# my desk\n\nhttps://example.org/feed.xml  Example Times\n"
            "https://example.org/a#part   # a page, no outlet\nhttps://example.org/feed.xml again\n"
            "http://news.test/rss\tThe Test Herald  # weekly\n")
    assert parse_sources(text) == [
        Source("https://example.org/feed.xml", "Example Times"),
        Source("https://example.org/a#part", None),
        Source("http://news.test/rss", "The Test Herald"),
    ]


def test_a_line_that_is_no_url_is_named(tmp_path):
    with pytest.raises(SourcesError, match="line 2: 'ftp://x' is not an http"):
        parse_sources("https://ok.test/\nftp://x\n")
    with pytest.raises(SourcesError, match="cannot read"):
        read_sources(tmp_path / "none.txt")
