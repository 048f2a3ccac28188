"""Voices by side: the body named in a speaker's title or apposition, nationalities folded into countries."""
import pytest

from newsloom.annotate import annotate
from newsloom.compare.voices import affiliations, voices_by_side
from newsloom.model import Article

TEXT = (
    "\u201cThe harbour deal is done,\u201d Norwegian Finance Minister Ilse Varga said on Tuesday.\n\n"
    "\u201cWe will fight it in court,\u201d said Tomas Reyes, the Calderra Port Authority lawyer.\n\n"
    "Norway has long wanted a deeper port.\n\n"
    "\u201cNothing has been signed,\u201d Dana Okafor said, echoing the Calderra Port Authority.\n\n"
    "\u201cIt will take years,\u201d Varga added."
)


@pytest.fixture(scope="module")
def ann():
    return annotate(Article(report_id="r", source="r.txt", text=TEXT), vectors=False)


def test_sides_come_from_titles_and_appositions_only(ann):
    sides = affiliations([ann], {})
    assert sides.get("Tomas Reyes") == "Calderra Port Authority"
    assert sides.get("Ilse Varga") == "Norway"  # "Norwegian" folded into the country the story names
    assert "Dana Okafor" not in sides  # "echoing Havlund Shipping" is not her title


def test_voices_list_most_quoted_first_with_their_side(ann):
    voices = voices_by_side(ann, {}, {"Ilse Varga": "Norway", "Tomas Reyes": "Calderra Port Authority"})
    assert voices[0] == "Ilse Varga (Norway)"
    assert "Tomas Reyes (Calderra Port Authority)" in voices and "Dana Okafor" in voices


def test_a_word_of_the_speakers_own_name_is_no_side():
    from newsloom.compare.voices import _beside
    from newsloom.model import Mention

    text = "\u201cNo sanctions will be lifted,\u201d German Gref told the forum."
    start = text.index("German Gref")
    mentions = [Mention("German", start, start + 6, "NORP", "German"),
                Mention("German Gref", start, start + 11, "PERSON", "German Gref")]
    assert _beside(mentions, start, start + 11, text, "German Gref") is None
    assert _beside(mentions, start, start + 11, text) is not None  # without the name, as before


def test_a_bodys_title_set_off_before_the_name_gives_its_side():
    from newsloom.compare.voices import _beside
    from newsloom.model import Mention

    text = "The rail link, which Calderra\u2019s mayor, Ilse Varga, has said she supports, is late. In Calderra, Bo Ray spoke."
    varga, ray = text.index("Ilse Varga"), text.index("Bo Ray")
    mentions = [Mention("Calderra", text.index("Calderra"), text.index("Calderra") + 8, "GPE", "Calderra"),
                Mention("Calderra", text.rindex("Calderra"), text.rindex("Calderra") + 8, "GPE", "Calderra")]
    side = _beside(mentions, varga, varga + 10, text, "Ilse Varga")
    assert side is not None and side.canonical == "Calderra"
    assert _beside(mentions, ray, ray + 6, text, "Bo Ray") is None  # a place set before the name is no title
