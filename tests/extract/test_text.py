"""Plain text copied from web pages: the body without chrome, metadata from the text, exact segments."""
from __future__ import annotations

import pytest

from newsloom.extract import ExtractionError, extract_article
from newsloom.model import Article
from tests.extract.conftest import FIXTURES, check_segments, report_of


def extract(text: str, **kw: object) -> Article:
    article = extract_article(report_of(text, "text", **kw))
    check_segments(article, text)
    return article


def fixture(name: str) -> tuple[str, Article]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, extract(text)


def test_forum_repost_drops_forum_chrome_and_reader_comments() -> None:
    _, article = fixture("forum_repost.txt")
    assert article.title == "Lakeside council votes to close the old ferry pier"
    assert article.author == "Jane Q. Doe"  # ALL-CAPS byline normalised
    assert article.outlet == "The Lakeside Tribune"  # the line under the byline
    assert article.published == "2024-07-14"
    assert article.text.startswith("LAKESIDE – The town council voted on Saturday")
    assert article.text.endswith("smaller jetty for rowing boats.")
    for chrome in ("Only logged in", "Porchtalk", "OP Note", "Top | New", "boatman77", "@boatman77", "Post Comment",
                   "every summer"):
        assert chrome not in article.text
    assert article.lang == "en"


def test_news_feed_page_drops_labels_captions_bio_and_read_more_list() -> None:
    _, article = fixture("news_feed.txt")
    assert article.title == "Harbor authority approves new container terminal"
    assert article.outlet == "The Harbor Times"  # from "the news team of the Harbor Times"
    assert article.published is None  # the caption's date is not the article's
    assert article.text.startswith("The harbor authority on Thursday approved plans")
    assert article.text.endswith("with construction due to begin next year.")
    assert article.text.count("container terminal") == 1  # the repeated headline is not in the body
    for chrome in ("News Feed", "min read", "Getty Images", "Avatar", "news team", "herring", "Show More"):
        assert chrome not in article.text


def test_promo_blurbs_and_outlet_footer_are_dropped() -> None:
    _, article = fixture("promo.txt")
    assert article.title == "Glacier Rail Line Reopens: What It Means for Mountain Towns?"
    assert article.outlet == "QuickWire"  # copyright line beats the self-description
    assert article.published == "2024-07-14"  # "7/14/2024"
    assert article.text.startswith("On Monday, the first passenger train in two years")
    assert article.text.endswith("more than 200,000 passengers this year.")
    assert "Repairs After the Landslide" in article.text  # an inner section heading stays
    for chrome in ("QUICKWIRE", "Read on", "Discover", "Trains Return to the Pass", "independent news platform",
                   "Copyright"):
        assert chrome not in article.text


def test_topline_page_with_outlet_only_byline_caption_and_further_reading() -> None:
    _, article = fixture("key_facts.txt")
    assert article.title == "City Hall Says New Bus Lanes Cut Commute Times ‘Significantly’"
    assert article.author is None and article.outlet == "Metro Ledger"
    assert article.text.startswith("City officials said on Tuesday that new bus lanes")
    assert article.text.endswith("misstated the length of the new lanes.")  # the correction is kept
    assert "[+]" not in article.text and "Getty" not in article.text and "Further Reading" not in article.text
    assert "\n\nKey Facts\n\n" in article.text


def test_hard_wrapped_paragraphs_are_kept_whole() -> None:
    text = (
        "Storm closes mountain pass\n\nBy Ana Ruiz\n\n"
        "The mountain pass road was closed on Sunday after heavy snow\n"
        "blocked both lanes near the summit, police said, leaving dozens\n"
        "of drivers stranded overnight in their cars.\n\n"
        "Snowploughs reached the summit by dawn and the road reopened\n"
        "at noon, but officials warned that more snow was forecast for\n"
        "the coming week.\n"
    )
    article = extract(text)
    assert article.author == "Ana Ruiz" and article.title == "Storm closes mountain pass"
    assert article.text.startswith("The mountain pass road was closed on Sunday after heavy snow\nblocked")
    assert article.text.endswith("forecast for\nthe coming week.")


def test_windows_line_endings_map_exactly() -> None:
    text = ("Bridge toll to rise in May\r\n\r\nThe bridge toll will rise by one euro in May, the operator said."
            "\r\n\r\nCommuters criticised the increase.\r\n")
    article = extract(text)
    assert article.title == "Bridge toll to rise in May"
    assert article.text == ("The bridge toll will rise by one euro in May, the operator said.\n\n"
                            "Commuters criticised the increase.")
    assert text[article.to_source_offset(article.text.index("Commuters")):].startswith("Commuters")


def test_text_without_headline_starts_at_its_first_sentence() -> None:
    text = ("The council approved the budget on Monday after a debate that lasted until midnight.\n"
            "Opposition members voted against it.")
    article = extract(text)
    assert article.title is None and article.text == text.replace("\n", "\n\n")


def test_inline_read_more_links_and_ad_labels_inside_the_body_are_dropped() -> None:
    text = (
        "Port strike enters second week\n\n"
        "Dock workers extended their strike into a second week on Monday, leaving ships waiting.\n\n"
        "READ MORE: Shipping firms warn of price rises as strike drags on\n\nAdvertisement\n\n"
        "The union said talks with employers had broken down over pay and shift patterns.\n\n"
        "Employers said they had made a fair offer and urged workers to return.\n"
    )
    article = extract(text)
    assert "READ MORE" not in article.text and "Advertisement" not in article.text
    assert article.text.endswith("urged workers to return.") and article.text.startswith("Dock workers")


def test_a_paragraph_repeated_later_appears_once() -> None:
    para = "The new library opened its doors on Saturday with a reading marathon for children."
    text = f"Library opens\n\n{para}\n\nVisitors queued around the block before the doors opened.\n\n{para}\n"
    article = extract(text)
    assert article.text.count("reading marathon") == 1


def test_hints_fill_what_the_text_lacks_but_do_not_override_it() -> None:
    text = "The market reopened after the flood.\n\nTraders said business was slow but improving."
    article = extract(text, url="https://www.riverpost.example/a", hints={
        "title": "Market reopens", "author": "lee park", "published": "2025-03-02T23:35:00-05:00",
        "outlet": "River Post"})
    assert (article.title, article.published, article.outlet) == ("Market reopens", "2025-03-02", "River Post")
    assert article.url == "https://www.riverpost.example/a"
    titled = extract("Flood waters recede in town\n\n" + text, hints={"title": "Other headline"})
    assert titled.title == "Flood waters recede in town"


def test_outlet_falls_back_to_the_url_domain() -> None:
    article = extract("Ice rink closes early this year.\n\nWarm weather melted the ice.",
                      url="https://www.icenews.example/rink")
    assert article.outlet == "icenews.example"


def test_language_is_detected() -> None:
    article = extract("Der Stadtrat hat am Montag den neuen Haushalt beschlossen, nachdem die Debatte bis "
                      "Mitternacht gedauert hatte. Die Opposition stimmte dagegen.")
    assert article.lang == "de"


@pytest.mark.parametrize("text", ["", "   \n\n", "Fire at the docks", "Top | New | Old\nPost Comment"])
def test_no_usable_body_raises(text: str) -> None:
    with pytest.raises(ExtractionError) as error:
        extract_article(report_of(text, "text"))
    assert error.value.reason


def test_author_bio_that_opens_with_the_byline_name_is_dropped() -> None:
    text = (
        "Tram line extension approved\n\nBy Petra Holm\n\n"
        "The city approved a two-kilometre extension of the tram line to the university on Monday.\n\n"
        "Construction will start in the autumn and take about two years, officials said.\n\n"
        "Students had campaigned for the extension since the campus moved out of the centre.\n\n"
        "Petra Holm covers transport and city planning. She rides the tram every day.\n\n"
        "More from the city desk: Parking fees rise in the old town."
    )
    article = extract(text)
    assert article.author == "Petra Holm"
    assert article.text.endswith("moved out of the centre.")


def test_story_lists_comment_threads_cookie_notices_and_relative_times_are_left_out() -> None:
    teasers = "".join(
        f"{headline}\n\n{blurb}\n\n3H ago\n\n" for headline, blurb in [
            ("Council delays vote on harbour parking", "Members asked for a new traffic study first"),
            ("Storm warning lifted for the coast", "Forecasters expect calm seas through the weekend"),
            ("School roof repairs finish early", "Pupils return to their classrooms on Monday morning"),
        ])
    text = (
        "This website uses cookies to improve your experience. Accept all cookies to continue browsing the site.\n\n"
        f"Latest headlines\n\n{teasers}"
        "Ferry service resumes after the storm\n\nBy Lena Brandt\n\n"
        "The ferry between the harbour and the island resumed service on Monday after a week of storms.\n\n"
        "The operator said the first crossing left at seven and carried about forty passengers and six cars.\n\n"
        "Repairs to the landing stage cost less than expected, the harbour office said in a statement.\n\n"
        "Residents of the island had relied on a small water taxi while the ferry was suspended.\n\n"
        "The council thanked the crews who worked through the weekend to reopen the crossing.\n\n"
        "12 responses to “Ferry service resumes after the storm”\n\n"
        "islandfan says:\n\nMonday at 9:14 am\n\n"
        "Finally! We waited far too long for this and the council should explain why it took a whole week.\n\n"
        "harbourwatch says:\n\nMonday at 9:30 am\n\n"
        "The crews did a great job, but the water taxi was overcrowded every single day of the closure.\n"
    )
    article = extract(text)
    assert article.text.startswith("The ferry between the harbour and the island resumed service on Monday")
    assert article.text.endswith("to reopen the crossing.")
    for chrome in ("cookies", "Storm warning", "3H ago", "says:", "Finally!", "water taxi was overcrowded"):
        assert chrome not in article.text


def test_section_ends_and_credits_in_other_languages() -> None:
    text = (
        "Fähre fährt wieder\n\nVon Lena Brandt\n\n"
        "Die Fähre zwischen Hafen und Insel fährt seit Montag wieder, teilte der Betreiber am Morgen mit.\n\n"
        "Foto: Omar Haddad\n\n"
        "Die Reparatur des Anlegers war günstiger als erwartet, sagte eine Sprecherin der Hafenverwaltung.\n\n"
        "Lesen Sie auch: Neue Buslinie zum Hafen\n\n"
        "Die Inselbewohner hatten während der Sperrung ein kleines Wassertaxi benutzt, das oft überfüllt war.\n\n"
        "Mehr zum Thema\n\nNeue Buslinie zum Hafen\n\nKita im Hafenviertel schließt\n\nRathaus bekommt neues Dach\n"
    )
    article = extract(text)
    assert article.author == "Lena Brandt"
    assert article.text.startswith("Die Fähre zwischen Hafen und Insel")
    assert article.text.endswith("das oft überfüllt war.")
    for chrome in ("Foto:", "Lesen Sie auch", "Mehr zum Thema", "Kita"):
        assert chrome not in article.text


def test_japanese_sentences_count_as_prose() -> None:
    text = ("港のフェリーが再開\n\n"
            "嵐のため一週間止まっていた港と島を結ぶフェリーが、月曜日の朝から運航を再開しました。\n\n"
            "運航会社によると、最初の便には約四十人の乗客と六台の車が乗っていたということです。\n")
    article = extract(text)
    assert article.title == "港のフェリーが再開"
    assert article.text.startswith("嵐のため") and article.text.endswith("ということです。")


@pytest.mark.parametrize(
    ("dateline", "published"),
    [("11 / 09 / 2010", "2010-11-09"), ("Last Updated: Monday, 28 November 2005, 02: 24 GMT", "2005-11-28")],
)
def test_a_dateline_above_the_headline_is_the_date_not_the_title(dateline: str, published: str) -> None:
    text = (f"{dateline}\nHarbour Crane Collapses Onto Two Moored Barges\n"
            "A dockside crane collapsed onto two moored barges on Friday, injuring a crane driver, the port said.\n"
            "Work on the quay was halted while engineers checked the other cranes.")
    article = extract(text)
    assert article.title == "Harbour Crane Collapses Onto Two Moored Barges"
    assert article.published == published
    assert article.text.startswith("A dockside crane collapsed")


def test_a_news_sentence_naming_cookies_or_logins_stays_in_the_body() -> None:
    text = ("Bakery Fire Closes Quay Street\n"
            "A fire broke out at the Quay Street bakery on Tuesday night, the fire service said.\n"
            "The bakery makes oat biscuits, ginger cookies and other baked goods there.\n"
            "Investigators said the blaze started in a fryer and spread to the roof.\n"
            "We use cookies to give you the best experience on our site.")
    article = extract(text)
    assert "ginger cookies" in article.text
    assert "best experience" not in article.text


def test_closing_quotes_after_a_space_still_end_a_sentence() -> None:
    text = (
        "Harbour reopens after dredging\n"
        "The harbour at Velmouth reopened to cargo ships on Monday after six weeks of dredging, the port said.\n"
        "Its director, Ines Marlow, said the channel was now deep enough for the largest feeder ships.\n"
        "Marlow told reporters: \"We kept our promise to the fishermen and the ferry crews. \"\n"
        "The union said in a statement: \"Our members are glad to be back at work. \"\n"
    )
    article = extract(text)
    assert article.title == "Harbour reopens after dredging"
    assert article.text.endswith("\"Our members are glad to be back at work. \"")
    assert "We kept our promise" in article.text
