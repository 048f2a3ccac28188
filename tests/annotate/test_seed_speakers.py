"""Speakers on the five real reports in ../shared/seeds: the wrong ones found by reading them stay gone."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.annotate import annotate
from newsloom.compare.entities import entity_table, story_aliases
from newsloom.extract.text import find_body
from newsloom.model import Annotated, Article, Quote

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")

# (words of a quotation, a name part its speaker must not contain, the speaker it should have or None if unsure)
NOT_THEIRS = [
    ("The Kyiv regime and Zelenskyy do not want peace", "Zelensk", "Dmitry Peskov"),
    ("They want the war to continue", "Zelensk", "Dmitry Peskov"),
    ("outrageously boorish behavior", "Zelensk", "Maria Zakharova"),
    ("confirmed that he is the most dangerous threat", "Zelensk", "Maria Zakharova"),
    ("potential possibilities rather than imminent plans", "Putin", "A senior Kremlin official"),
    ("Trump has said that America will be potentially ready", "Trump", "A senior Kremlin official"),
    ("But only after the peace settlement", "Trump", "A senior Kremlin official"),
    ("been part of our discussions", "Guardian", "Michael Waltz"),
    ("There will be all kinds of carrots and sticks", "Guardian", "Michael Waltz"),
    ("gonna make a deal or we are out", "Ukraine", "Donald Trump"),
    ("embracing Putin", "Trump", "Lisa Murkowski"),
    ("an arm of the Kremlin", "White House", "Chris Murphy"),
    ("isolate", "Trump", None),
]


@pytest.fixture(scope="module")
def seeds() -> list[Annotated]:
    """Each seed report's body annotated on its own."""
    return [
        annotate(Article(report_id=p.stem, source=str(p), text=find_body(p.read_text(encoding="utf-8")).text), vectors=False)
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def _quotes(seeds: list[Annotated], words: str) -> list[Quote]:
    return [q for ann in seeds for q in ann.quotes if q.kind != "indirect" and words in q.text]


@pytest.mark.parametrize("words, not_speaker, speaker", NOT_THEIRS)
def test_quote_not_given_to_the_wrong_person(seeds: list[Annotated], words: str, not_speaker: str, speaker: str | None) -> None:
    for quote in _quotes(seeds, words):
        assert not_speaker not in (quote.speaker or "")
        assert quote.speaker in {speaker, None}


def test_no_place_outlet_or_title_as_speaker(seeds: list[Annotated]) -> None:
    speakers = {q.speaker for ann in seeds for q in ann.quotes if q.speaker and q.kind != "indirect"}
    assert not speakers & {"Guardian", "Ukraine", "Russia", "Kyiv", "CNN", "Washington Post"}
    assert not [s for s in speakers if "Propagandist" in s or s.endswith(" close")]


def test_titles_kept_as_roles(seeds: list[Annotated]) -> None:
    simonyan = _quotes(seeds, "the Oval Office has seen a lot")
    assert simonyan and all(q.speaker == "Margarita Simonyan" and "Propagandist" in (q.speaker_role or "") for q in simonyan)


def test_headings_places_and_outlets_are_not_people(seeds: list[Annotated]) -> None:
    names = [(m.label, m.canonical) for ann in seeds for m in ann.mentions if m.canonical]
    alias = story_aliases(names)
    table = {row["name"]: row for row in entity_table({a.article.report_id: a.mentions for a in seeds}, alias)}
    people = {name for name, row in table.items() if row["type"] == "PERSON"}
    assert not {"Key Background", "CORRECTION", "Kyiv", "Nezavisimaya Gazeta", "Propagandist Margarita Simonyan"} & people
    assert "Washington" not in table.get("Washington Post", {}).get("aliases", [])
    assert table.get("Washington", {}).get("type", "GPE") == "GPE"
