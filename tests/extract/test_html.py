"""HTML pages: trafilatura body without page furniture, metadata from JSON-LD, meta tags, copyright, domain."""
from __future__ import annotations

import pytest

from newsloom.extract import ExtractionError, extract_article
from newsloom.extract import html as html_module
from tests.extract.conftest import FIXTURES, report_of

CURLY = "The mayor\u2019s office said \u201cwe will rebuild\u201d before winter, and residents cheered the plan."


def page(name: str, **kw: object):  # type: ignore[no-untyped-def]
    return extract_article(report_of((FIXTURES / name).read_bytes(), "html", **kw))


def test_body_excludes_navigation_captions_related_newsletter_cookies_and_comments() -> None:
    article = page("article.html")
    assert article.text.startswith("The Eastport harbour bridge reopened to traffic on Tuesday morning")
    assert article.text.endswith("discounts for commuters.")
    assert article.text.count("\n\n") == 4  # five paragraphs, blank-line separated
    for furniture in ("Home", "cookies", "Photo: Lena", "Related stories", "Storm leaves thousands", "newsletter",
                      "harbourfan42", "All rights reserved", "By Mira Okafor", "Harbour bridge reopens"):
        assert furniture not in article.text
    assert article.segments == []


def test_json_ld_metadata_and_publisher_outlet() -> None:
    article = page("article.html")
    assert article.title == "Harbour bridge reopens after storm repairs"
    assert article.author == "Mira Okafor"
    assert article.published == "2024-11-05"
    assert article.outlet == "The Coastal Ledger"  # JSON-LD publisher wins over og:site_name
    assert article.url == "https://www.coastalledger.example/news/harbour-bridge-reopens"  # canonical link
    assert article.lang == "en"


def test_meta_tag_metadata_and_title_suffix() -> None:
    article = page("meta_tags.html")
    assert article.title == "Night trains return to the northern line"
    assert article.author == "Jonas Berg"
    assert article.published == "2024-09-14"
    assert article.outlet == "Rail Weekly"
    assert "Share on social media" not in article.text and "Front page" not in article.text


def test_copyright_outlet_and_no_date_guessed_from_the_copyright_year() -> None:
    article = page("copyright.html")
    assert article.outlet == "Valley Farm Gazette"
    assert article.published is None
    assert article.text.startswith("Apple growers in the upper valley")


def test_outlet_from_domain_when_the_page_names_none() -> None:
    html = ("<html><body><article><p>The ski lift on the north slope will stay closed all season after an "
            "inspection found cracks in a support tower, the resort said.</p><p>Season passes will be refunded "
            "in part, and the south slope lifts will run longer hours.</p></article></body></html>")
    article = extract_article(report_of(html, "html", url="https://www.snowline.example/news/lift"))
    assert article.outlet == "snowline.example"
    assert article.url == "https://www.snowline.example/news/lift"


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", lambda *a, **k: None)
    article = page("article.html")
    assert article.text.startswith("The Eastport harbour bridge reopened")
    assert article.text.endswith("discounts for commuters.")
    for furniture in ("cookies", "Photo: Lena", "Storm leaves thousands", "newsletter", "harbourfan42"):
        assert furniture not in article.text
    assert article.published == "2024-11-05"  # htmldate
    assert article.outlet == "The Coastal Ledger"


def test_feed_fragment_takes_metadata_from_hints() -> None:
    fragment = "<p>Water levels in the reservoir climbed by four metres during March.</p><p>The ban ended.</p>"
    hints = {"title": "Reservoir levels rise", "author": "PRIYA NANDAKUMAR", "published": "2025-03-02T23:35:00-05:00",
             "outlet": "The Valley Courier", "url": "https://valleycourier.example/reservoir"}
    article = extract_article(report_of(fragment, "html", url=hints["url"], hints=hints))
    assert article.text == ("Water levels in the reservoir climbed by four metres during March.\n\nThe ban ended.")
    assert (article.title, article.author, article.published, article.outlet) == (
        "Reservoir levels rise", "Priya Nandakumar", "2025-03-02", "The Valley Courier")


def test_wrong_declared_charset_does_not_garble_the_text() -> None:
    html = f'<html><head><meta charset="utf-8"></head><body><article><p>{CURLY}</p><p>{CURLY}</p></article></body></html>'
    article = extract_article(report_of(html.encode("cp1252"), "html"))
    assert CURLY in article.text


def test_charset_from_the_container_is_used() -> None:
    html = f"<html><body><article><p>{CURLY}</p></article></body></html>".encode("cp1252")
    article = extract_article(report_of(html, "html", hints={"charset": "windows-1252"}))
    assert CURLY in article.text


@pytest.mark.parametrize("html", ["", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "<p></p>"])
def test_page_without_body_raises(html: str) -> None:
    with pytest.raises(ExtractionError):
        extract_article(report_of(html, "html"))


def test_visible_byline_and_dateline_paragraphs_give_author_and_date() -> None:
    html = ("<html><head><title>Tide gauge breaks record</title></head><body><article><h1>Tide gauge breaks record</h1>"
            "<p>By ROSA LIND</p><p>February 11, 2024 at 8:05 am</p>"
            "<p>The tide gauge at the old lighthouse recorded its highest reading in ninety years on Sunday.</p>"
            "<p>No homes were flooded, but the coastal path will stay closed until the sea wall is checked.</p>"
            "</article></body></html>")
    article = extract_article(report_of(html, "html"))
    assert article.author == "Rosa Lind"
    assert article.published == "2024-02-11"
    assert article.text.startswith("The tide gauge at the old lighthouse")


def test_parsed_elements_are_lxml_html_elements_made_without_a_python_lookup():
    import lxml.html
    from lxml import etree

    tree = html_module.parse("<html><body><form><input name='q'></form><p>Text <b>here</b></p></body></html>")
    assert all(type(el) is lxml.html.HtmlElement for el in tree.iter())  # one class, found in C
    assert tree.find(".//p").text_content() == "Text here"
    assert isinstance(html_module._PARSER, etree.HTMLParser) and not isinstance(html_module._PARSER,
                                                                               lxml.html.HTMLParser)
