"""The masthead, menus and notes above a headline in copied text, and the metadata read around them."""
from __future__ import annotations

import pytest

from newsloom.extract.lines import Line, classify
from newsloom.extract.masthead import find_masthead, is_editor_note, is_nav_line, masthead_outlet, outlet_name
from tests.extract.test_text import extract

BODY = ("The harbour board voted on Tuesday to close the old ferry pier after an inspection found the piles rotten "
        "below the waterline, a decision that leaves the island's morning boat without a berth until spring.\n\n"
        "Engineers said repairs would cost more than a new pier and take at least two winters to finish.\n")


def _lines(*texts: str) -> list[Line]:
    out = []
    for i, text in enumerate(texts):
        line = Line(i, 0, text)
        line.kind = classify(text)
        out.append(line)
    return out


@pytest.mark.parametrize(("text", "nav"), [
    ("THE DAILY HERALD | NEWS | Wednesday, October 15, 2025", True),
    ("Harbour Post > Local > Transport", True),
    ("Harbour Post   Home \u203a Business \u203a Shipping", True),
    ("Opinion | Columnists", True),
    ("Trending: Pier closure \u00b7 Ferry fares \u00b7 Tides", True),
    ("Opinion | The pier was doomed long before the inspectors arrived on Tuesday", False),
    ("Harbour board closes ferry pier as repairs are ruled out", False),
    ("Board says pier \u2018beyond saving\u2019 | updated", False),
])
def test_menus_breadcrumbs_and_masthead_strips_are_nav_lines(text: str, nav: bool) -> None:
    assert is_nav_line(text) is nav


def test_a_bracketed_note_is_an_editor_note() -> None:
    assert is_editor_note("[Translated from the Danish. The original appeared in print.]")
    assert not is_editor_note("[Update] Pier to close")


def test_a_short_name_over_a_menu_or_a_menu_strip_first_is_the_masthead() -> None:
    lines = _lines("HARBOUR EVENING POST", "Local | Transport", "Pier to close after inspection finds rot")
    assert find_masthead(lines) is lines[0]
    assert masthead_outlet(lines[0]) == "Harbour Evening Post"
    strip = _lines("Harbour Post > Local > Transport", "Pier to close after inspection finds rot")
    assert masthead_outlet(find_masthead(strip)) == "Harbour Post"
    headline_first = _lines("PIER IN RUINS: \u201cWE WERE NEVER TOLD\u201d", "By Ana Lima")
    assert find_masthead(headline_first) is None
    over_a_dateline = _lines("Ellis To Host Harbour Gala", "AUGUST 2, 2013 | 08: 06AM PT", "Talk host returns")
    assert find_masthead(over_a_dateline) is None  # a headline over its dateline, not a name over a menu


@pytest.mark.parametrize(("raw", "name"), [
    ("THE DAILY CLARION", "The Daily Clarion"), ("JORNAL DE CASTELMAR", "Jornal de Castelmar"), ("BBC", "BBC"),
    ("BBC NEWS", "BBC NEWS"), ("Harbour Post", "Harbour Post"), (None, None),
])
def test_an_outlet_written_in_capitals_is_written_as_readers_do(raw: str | None, name: str | None) -> None:
    assert outlet_name(raw) == name


def test_the_headline_comes_after_the_masthead_menu_and_a_translation_note() -> None:
    text = ("HARBOUR EVENING POST\nLocal | Transport\n\n[Translated from the Danish.]\n\n"
            "Pier to close after inspection finds rot\n\nBy Ana Lima\n\n" + BODY)
    article = extract(text)
    assert article.title == "Pier to close after inspection finds rot"
    assert article.outlet == "Harbour Evening Post"
    assert article.author == "Ana Lima"


def test_a_breadcrumb_and_a_date_line_are_no_headline() -> None:
    article = extract("Harbour Post > Local > Transport\n\nFriday 18 October\n\n"
                      "Pier to close after inspection finds rot\n\n" + BODY)
    assert article.title == "Pier to close after inspection finds rot"
    assert article.outlet == "Harbour Post"


def test_the_byline_outlet_wins_over_the_masthead_and_a_weekday_under_the_byline_is_no_outlet() -> None:
    article = extract("HARBOUR EVENING POST\nLocal | Transport\n\nPier to close after inspection finds rot\n\n"
                      "By Ana Lima, Coastline News Agency | PORT KELDER, 14 October 2025\n\n" + BODY)
    assert article.outlet == "Coastline News Agency"
    article = extract("Pier to close after inspection finds rot\n\nBy Ana Lima, Transport Correspondent\nThursday\n\n"
                      + BODY)
    assert article.outlet is None
