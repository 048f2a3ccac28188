"""The extraction benchmark's scoring functions on a hand-made two-page example."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import extraction
from bench.extraction import (
    meta_key,
    shingle_counts,
    shingle_scores,
    snippet_counts,
    snippet_scores,
)


def test_shingle_scores_two_pages() -> None:
    """One page with an extra token, one page with nothing extracted: macro P/R as in the Zyte benchmark."""
    assert shingle_counts("a b c d e f", "a b c d e") == pytest.approx((2 / 3, 1 / 3, 0.0))
    assert shingle_counts("", "x y z w") == (0.0, 0.0, 1.0)
    assert shingle_counts("", "") == (0.0, 0.0, 0.0)
    s = shingle_scores([("a b c d e f", "a b c d e"), ("", "x y z w")])
    assert s["precision"] == pytest.approx(2 / 3)  # the empty prediction has no precision to average
    assert s["recall"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(4 / 7)
    assert s["accuracy"] == 0.0
    assert shingle_scores([("A, b!", "A b")])["accuracy"] == 1.0


def test_snippet_scores_two_pages() -> None:
    """Snippets match after whitespace squashing; counts are micro-summed over pages."""
    one = snippet_counts("Hello   world.\nBuy now", ["Hello world."], ["Buy now"])
    two = snippet_counts("Body text", ["Body text", "missing"], ["Imprint"])
    assert (one["tp"], one["fp"], two["tp"], two["fn"], two["tn"]) == (1, 1, 1, 1, 1)
    s = snippet_scores([one, two])
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3)
    assert s["accuracy"] == pytest.approx(3 / 5)


def test_meta_key() -> None:
    """Metadata compares lower-cased with non-word runs collapsed, dates by their day."""
    assert meta_key("Jane  DOE!", "author") == meta_key("jane doe", "author")
    assert meta_key(["A", "B"], "author") == "a b"
    assert meta_key("2020-01-02T10:00:00+00:00", "date") == meta_key("2020-01-02", "date")
    assert meta_key(None, "title") == ""


def test_skips_without_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the shared evaluation data the benchmark says so and exits 0."""
    monkeypatch.setattr(extraction, "EVAL", tmp_path / "absent")
    assert extraction.main(["--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("skipped: evaluation data not found")


def test_plain_text_set_renders_pages_and_scores_the_cleaner_against_no_cleaning() -> None:
    """A page becomes its visible text; the cleaner keeps the article and drops the menu, `as_is` keeps both."""
    page = (b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><h1>Ferries sail again</h1>"
            b"<p>The ferry between the harbour and the island resumed service on Monday after a week of storms.</p>"
            b"<p>The operator said the first crossing carried about forty passengers and six cars.</p></body></html>")
    text = extraction.page_text(page)
    assert text.decode("utf-8").startswith("Home News\n")
    cleaned, meta = extraction.ours_plain(text, "https://harbour.example/ferry")
    assert cleaned.startswith("The ferry between") and "Home" not in cleaned
    assert meta["title"] == "Ferries sail again"
    assert extraction.as_is(text, "")[0] == text.decode("utf-8")
    assert "ferry" in extraction.trafilatura_plain(text, "")[0]  # trafilatura runs on the same text


def test_unknown_set_is_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        extraction.main(["--sets", "nope"])
    assert "unknown set" in capsys.readouterr().err
