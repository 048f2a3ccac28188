"""A quote whose speaker a person fixed reads as corrected in JSON, Markdown and HTML; stale fixes are listed."""
import json

from newsloom.brief import render, validate
from newsloom.model import SpeakerCorrection, SpeakerFix
from tests.brief.sample import COURIER, QUOTE_A, span

AT = "2026-12-01T10:00:00+00:00"


def corrected(brief):
    story = brief.stories[0]
    quote = story.quotes[0]
    quote.speaker, quote.speaker_basis = "Tom Hale", "corrected"
    quote.attribution = "corrected by ana on 2026-12-01: was Elena Vasquez"
    quote.correction = SpeakerCorrection("Tom Hale", "Elena Vasquez", "ana", AT, "deputy read it out",
                                         [span(COURIER, QUOTE_A)])
    story.stale_fixes = [SpeakerFix(COURIER, 3, 9, "words gone", "Mara Lind", "ben", AT)]
    return brief


def test_json_carries_the_correction_and_validates(brief):
    doc = json.loads(render(corrected(brief), "json"))
    validate(doc)
    quote = doc["stories"][0]["quotes"][0]
    assert quote["speaker_basis"] == "corrected" and quote["correction"]["was"] == "Elena Vasquez"
    assert doc["stories"][0]["stale_fixes"][0]["speaker"] == "Mara Lind"


def test_markdown_and_html_say_corrected(brief):
    brief = corrected(brief)
    text = render(brief, "md")
    assert "**Tom Hale** (corrected by ana on" in text and "was Elena Vasquez)" in text
    assert "Speaker corrected by ana on 2026" in text and "deputy read it out" in text
    assert "Speaker fixes not applied" in text and "words gone" in text
    html = render(brief, "html")
    assert 'class="badge corrected"' in html and "was Elena Vasquez" in html and "deputy read it out" in html
    assert "Speaker fixes not applied" in html
