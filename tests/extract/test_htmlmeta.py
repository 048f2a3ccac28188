"""HTML metadata finders on small hand-made pages: headline, author, publication date and outlet."""
from __future__ import annotations

import pytest

from newsloom.extract.authors import clean_author, page_author
from newsloom.extract.dates import page_date
from newsloom.extract.html import parse
from newsloom.extract.htmlmeta import outlet, page_title, site_names, strip_site
from newsloom.extract.structured import Structured
from newsloom.extract.textdates import find_dates

BODY = "<p>The ferry service resumed on Monday after the storm, the harbour office said in a statement.</p>"


def data_of(head: str, body: str) -> Structured:
    tree = parse(f"<html><head>{head}</head><body>{body}</body></html>")
    return Structured(tree)


def title_of(head: str, body: str, url: str = "https://www.harbourpost.example/a") -> str | None:
    data = data_of(head, body)
    return page_title(data, site_names(data, url), "harbourpost.example")


def test_the_visible_headline_confirmed_by_og_title_beats_the_site_logo() -> None:
    head = '<title>Ferries sail again | Harbour Post</title><meta property="og:title" content="Ferries sail again">'
    body = '<header><h1><a href="/">Harbour Post</a></h1></header><article><h1>Ferries sail again</h1>' + BODY
    assert title_of(head, body) == "Ferries sail again"


def test_a_headline_differing_from_the_meta_title_still_wins_over_it() -> None:
    head = "<title>Ferry timetable changes - Harbour Post</title>"
    assert title_of(head, "<article><h1>Ferries return after the storm</h1>" + BODY) == "Ferries return after the storm"


def test_a_label_h1_in_the_navigation_is_ignored_and_the_title_loses_its_site_part() -> None:
    head = '<title>Ferries sail again » Blog Archive » Harbour Notes</title>'
    body = "<nav><h1>Menu</h1></nav>" + BODY
    assert title_of(head, body) == "Ferries sail again"


def test_a_kicker_glued_before_the_headline_is_dropped() -> None:
    head = '<meta property="og:title" content="Ferries sail again after the storm">'
    body = "<h1><span>Harbour</span> Ferries sail again after the storm</h1>" + BODY
    assert title_of(head, body) == "Ferries sail again after the storm"


def test_strip_site_keeps_the_headline_part() -> None:
    assert strip_site("Ferries sail again | Harbour Post", ["Harbour Post"]) == "Ferries sail again"
    assert strip_site("HarbourPost - Ferries sail again", ["harbourpost.example", "harbourpost"]) == "Ferries sail again"


def test_json_ld_entities_escaped_twice_are_decoded() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferries &#038; buses"}</script>'
    assert title_of(head, "") == "Ferries & buses"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("By Lena Brandt | 2 May 2024", "Lena Brandt"),
        ("Von Lena Brandt, 02.05.2024", "Lena Brandt"),
        ("Par Lena Brandt", "Lena Brandt"),
        ("AuthorLena Brandt", "Lena Brandt"),
        ("View all posts by Lena Brandt", "Lena Brandt"),
        ("Lena Brandt Follow", "Lena Brandt"),
        ("https://harbourpost.example/author/lena", None),
        ("admin", None),
        ("Read the full archive of the harbour", None),
    ],
)
def test_clean_author(raw: str, name: str | None) -> None:
    assert clean_author(raw) == name


def test_author_from_json_ld_and_the_page_wording_for_several_authors() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '[{"name": "Lena Brandt"}, {"name": "Omar Haddad"}]}</script>')
    data = data_of(head, '<p class="byline">Von Lena Brandt und Omar Haddad</p>' + BODY)
    assert page_author(data) == "Lena Brandt und Omar Haddad"
    assert page_author(data_of(head, BODY)) == "Lena Brandt; Omar Haddad"


def test_a_byline_beats_structured_data_naming_the_publisher_as_author() -> None:
    head = ('<meta property="og:site_name" content="Harbour Post"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "author": {"name": "Harbour Post"}}</script>')
    data = data_of(head, '<span class="author-name">Omar Haddad</span>' + BODY)
    assert page_author(data) == "Omar Haddad"
    assert page_author(data_of(head, BODY)) == "Harbour Post"  # nothing better on the page


def test_author_written_after_a_marker_in_the_text() -> None:
    data = data_of("", "<div><p>Autor: Lena Brandt</p></div>" + BODY)
    assert page_author(data) == "Lena Brandt"
    assert page_author(data_of("", "<p>Photo by Omar Haddad</p>" + BODY)) is None  # a credit, not a byline


def test_the_dateline_under_the_headline_beats_the_modified_date_in_metadata() -> None:
    head = '<meta property="article:modified_time" content="2024-06-01T10:00:00+02:00">'
    body = "<article><h1>Ferries sail again</h1><p>Stand: 28.05.2024, 18:00 Uhr</p>" + BODY + "</article>"
    assert page_date(data_of(head, body), "Ferries sail again") == "2024-05-28"


def test_date_from_json_ld_then_meta_tags_with_month_first_slashes() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-28T22:10:00Z"}</script>'
    assert page_date(data_of(head, BODY)) == "2024-05-28"
    assert page_date(data_of('<meta name="date" content="05/28/2024 10:00">', BODY)) == "2024-05-28"


def test_a_time_element_marked_as_published() -> None:
    body = '<article><time datetime="2024-05-28T08:00" itemprop="datePublished">28 May</time>' + BODY + "</article>"
    assert page_date(data_of("", body)) == "2024-05-28"


def test_dates_in_several_languages() -> None:
    text = "3 de mayo de 2022; 6. November 2023; Jun 17, 2019; 15 августа 2016; 01.02.2022; 2020-02-19T18:00"
    assert find_dates(text) == ["2022-05-03", "2023-11-06", "2019-06-17", "2016-08-15", "2022-02-01", "2020-02-19"]
    assert find_dates("11/01/2023") == ["2023-01-11"] and find_dates("11/01/2023", month_first=True) == ["2023-11-01"]


def test_outlet_from_publisher_site_name_or_copyright() -> None:
    head = ('<meta property="og:site_name" content="Harbour Online"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "publisher": {"name": "The Harbour Post"}}</script>')
    assert outlet(data_of(head, BODY)) == "The Harbour Post"
    assert outlet(data_of('<meta property="og:site_name" content="Harbour Online">', BODY)) == "Harbour Online"
    assert outlet(data_of("", BODY + "<footer>© 2024 Harbour Weekly. All rights reserved.</footer>")) == "Harbour Weekly"


def test_date_from_the_address_or_a_dateline_anywhere_when_nothing_else_has_one() -> None:
    assert page_date(data_of("", BODY), url="https://harbourpost.example/2024/05/28/ferries/") == "2024-05-28"
    assert page_date(data_of("", "<div><span>28.05.2024</span></div>" + BODY)) == "2024-05-28"
    assert page_date(data_of("", BODY + "<footer>Copyright © 2023 Harbour Post</footer>")) is None
