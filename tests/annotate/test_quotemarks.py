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


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


def test_single_marks_quote_where_a_report_uses_them_and_apostrophes_do_not_close():
    text = "\u2018I\u2019m sure the porters\u2019 rights matter,\u2019 she said. The board\u2019s chair agreed."
    assert _texts(text) == ["I\u2019m sure the porters\u2019 rights matter,"]


def test_a_close_after_an_s_is_a_close_when_no_other_follows_in_the_paragraph():
    text = "She said the case was \u2018among the most serious\u2019 her office had handled."
    assert _texts(text) == ["among the most serious"]


def test_a_close_after_an_s_closes_where_the_next_quotation_opens_before_any_other_close():
    text = "They chanted \u2018Schools, not stadiums\u2019 and held a banner reading \u2018Harbour for the People\u2019."
    assert _texts(text) == ["Schools, not stadiums", "Harbour for the People"]


def test_a_single_quoted_quotation_runs_on_into_the_next_paragraph():
    text = "\u2018Parents should not panic.\n\n\u2018Check the label on the bottle.\u2019 That was all."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Parents should not panic.", "Check the label on the bottle."]
    assert spans[0].chain == spans[1].chain


def test_double_marks_inside_single_ones_are_the_inner_quotation():
    text = "\u2018He told me \u201cno\u201d twice,\u2019 she said."
    assert _texts(text) == ["He told me \u201cno\u201d twice,"]


def test_single_marks_inside_double_ones_are_the_inner_quotation():
    assert _texts("\u201cHe told me \u2018no\u2019 twice,\u201d she said.") == ["He told me \u2018no\u2019 twice,"]
    assert _texts("''I hate the term 'Harbour poor,' '' she said.") == ["I hate the term 'Harbour poor,'"]


def test_straight_apostrophes_open_and_close_nothing():
    assert _texts("In the '80s the dockers' union won, said the singers' manager.") == []
    assert _texts("She spoke of the '90s and of her sons' school.") == []
