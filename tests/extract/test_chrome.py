"""Web chrome in several languages, the tail of HTML bodies, and the visible text of a page."""
from __future__ import annotations

import pytest

from newsloom.extract.chrome import is_chrome, is_section_end
from newsloom.extract.html import parse, strip_chrome
from newsloom.extract.lines import Kind, classify
from newsloom.extract.visible import visible_text

ARTICLE = [
    "Der Stadtrat hat am Montag beschlossen, die alte Fähre bis zum Sommer wieder in Betrieb zu nehmen.",
    "Die Reparatur des Anlegers soll rund zwei Millionen Euro kosten, teilte die Verwaltung mit.",
    "Anwohner hatten seit Monaten gefordert, die Verbindung zur Insel wiederherzustellen.",
]


@pytest.mark.parametrize(
    "line",
    ["Mehr zum Thema", "Das könnte Sie auch interessieren:", "Lire aussi", "Notas relacionadas", "Czytaj też",
     "Artigos relacionados", "Über Lena Brandt", "Weitere Artikel"],
)
def test_section_end_headings(line: str) -> None:
    assert is_section_end(line)


@pytest.mark.parametrize(
    "line",
    ["Lesen Sie auch: Neue Brücke eröffnet", "Lea también: El puerto reabre", "VEA TAMBIÉN: La ciudad vota",
     "Jetzt Newsletter abonnieren und nichts verpassen", "Síguenos en Telegram y WhatsApp",
     "Foto: Lena Brandt", "© Omar Haddad/Getty Images", "Anzeige", "Kategorie: Lokales",
     "To view the full story, please subscribe to the Harbour Post."],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    ["Die Fähre fährt ab Juli wieder stündlich zwischen Hafen und Insel.",
     "Mehr als zweihundert Menschen kamen zur Sitzung des Stadtrats am Montag in das Rathaus der Stadt.",
     "Agerblad said he got the tattoo after a shop advertised the design for a temporary run of prints."],
)
def test_article_sentences_are_not_chrome(line: str) -> None:
    assert not is_chrome(line) and not is_section_end(line)


@pytest.mark.parametrize(
    "line",
    ["The bakery on Quay Street makes oat biscuits, ginger cookies and other baked goods there.",
     "Once installed, the program steals login credentials for online games.",
     "The harbour ferry app now has forty thousand subscribers, the operator said.",
     "The mayor posted the notice on Telegram late on Sunday night.",
     "Residents were told to register their boats with the harbour office by Friday."],
)
def test_a_prompts_word_in_a_news_sentence_is_not_chrome(line: str) -> None:
    assert not is_chrome(line)
    assert classify(line) is Kind.PROSE


@pytest.mark.parametrize(
    "line",
    ["We use cookies to give you the best experience on our site.", "Already a subscriber? Log in",
     "Subscribe to the Harbour Post for unlimited access.", "Follow us on WhatsApp for the latest news.",
     "Please log in to read the rest of this article.", "Log in to comment.",
     "© 2024 Harbour Post. All rights reserved.",
     "Der Hafen-Newsletter informiert Sie über die wichtigsten Meldungen des Tages.",
     "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.",
     "New readers get a welcome gift when they subscribe! Do it today."],
)
def test_prompts_addressed_to_the_reader_stay_chrome(line: str) -> None:
    assert classify(line) is not Kind.PROSE


def test_strip_chrome_drops_inline_links_and_cuts_a_late_related_list() -> None:
    paragraphs = [ARTICLE[0], "Lesen Sie auch: Neue Brücke eröffnet", *ARTICLE[1:], "Mehr zum Thema",
                  "Neue Buslinie zum Hafen", "Kita im Hafenviertel schließt"]
    assert strip_chrome(paragraphs) == ARTICLE


def test_an_early_list_heading_is_dropped_without_cutting_the_article() -> None:
    paragraphs = [ARTICLE[0], "Weitere Informationen", *ARTICLE[1:]]
    assert strip_chrome(paragraphs) == ARTICLE


def test_visible_text_puts_blocks_on_lines_and_leaves_out_hidden_parts() -> None:
    tree = parse(
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h1>Ferries sail again</h1><p>The ferry <b>resumed</b> on Monday.</p>"
        "<div style='display:none'>Hidden promo</div><div hidden>Also hidden</div>"
        "<script>var x = 1;</script><table><tr><td>Mon</td><td>9:00</td></tr></table>"
        "<p>Line one<br>Line two</p></body></html>"
    )
    text = visible_text(tree)
    assert text.splitlines() == ["Home News", "", "Ferries sail again", "", "The ferry resumed on Monday.", "",
                                 "Mon 9:00", "", "Line one", "Line two"]
    assert "Hidden" not in text and "var x" not in text and "p{}" not in text
