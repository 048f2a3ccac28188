"""Helpers shared by the extract tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.model import Article, Report

FIXTURES = Path(__file__).parent / "fixtures"


def report_of(data: str | bytes, media_type: str = "text", **kw: object) -> Report:
    """Build a report from a string (UTF-8) or bytes."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return Report.make("test-input", raw, media_type, **kw)  # type: ignore[arg-type]


def check_segments(article: Article, source: str) -> None:
    """Every segment's clean slice equals its input slice, and segments tile the clean text in order."""
    assert article.segments, "plain-text articles carry segments"
    previous_end = 0
    for seg in article.segments:
        clean = article.text[seg.clean_start:seg.clean_start + seg.length]
        assert clean == source[seg.source_start:seg.source_start + seg.length]
        assert seg.clean_start >= previous_end
        assert article.text[previous_end:seg.clean_start].strip() == ""  # only separators between segments
        previous_end = seg.clean_start + seg.length
    assert previous_end == len(article.text)


@pytest.fixture
def fixture_text() -> callable:  # type: ignore[valid-type]
    """Read a text fixture by name."""
    return lambda name: (FIXTURES / name).read_text(encoding="utf-8")
