"""Quotation-mark pairing on hostile texts: bounded quotes, near-linear time."""
import time

from newsloom.annotate.quotemarks import MAX_QUOTE_CHARS, find_quoted_spans
from tests.hostile_docs import curly_quotes_text, unbalanced_quotes_text


def test_mark_without_a_close_nearby_opens_nothing():
    text = "\u201cNever closed " + "and on " * (MAX_QUOTE_CHARS // 7) + "he said \u201cshort one\u201d, she added.\u201d"
    assert [text[s.start : s.end] for s in find_quoted_spans(text)] == ["short one"]


def test_close_within_the_bound_still_pairs():
    inner = "word " * (MAX_QUOTE_CHARS // 5 - 1)
    text = f"\u201c{inner}\u201d he said."
    assert [text[s.start : s.end] for s in find_quoted_spans(text)] == [inner.strip()]


def test_unbalanced_text_gives_bounded_quotes_quickly():
    text = unbalanced_quotes_text(544_000).decode("utf-8")
    start = time.process_time()
    spans = find_quoted_spans(text)
    assert time.process_time() - start < 5
    assert spans and all(s.end - s.start <= MAX_QUOTE_CHARS for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_curly_marks_pair_quickly_and_sparingly():
    text = curly_quotes_text(600_000).decode("utf-8")
    start = time.process_time()
    spans = find_quoted_spans(text)
    assert time.process_time() - start < 5
    assert len(spans) <= text.count("\u201c")
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
