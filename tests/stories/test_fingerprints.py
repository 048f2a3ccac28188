"""Shingles, MinHash signatures, and the text helpers under them."""
from __future__ import annotations

import numpy as np

from newsloom.stories.fingerprints import (
    NUM_PERM,
    estimate_jaccard,
    fingerprint,
    jaccard,
    shingles,
    signature,
    text_signature,
)
from newsloom.stories.text import (
    content_terms,
    entity_counts,
    published_day,
    split_sentences,
    words,
)
from tests.stories import news
from tests.stories.news import make


def test_shingles_are_five_word_windows():
    tokens = ["one", "two", "three", "four", "five", "six", "seven"]
    assert shingles(tokens) == {
        "one two three four five", "two three four five six", "three four five six seven"}
    assert shingles(["short", "text"]) == {"short text"} and shingles([]) == frozenset()


def test_fingerprint_jaccard_is_exact():
    a = fingerprint(make("a", news.TRAIN_ORIGINAL))
    b = fingerprint(make("b", news.substitute(news.TRAIN_ORIGINAL)))
    assert a.jaccard(b) == jaccard(a.shingles, b.shingles) and 0.5 < a.jaccard(b) < 0.8
    assert a.containment_in(fingerprint(make("c", news.TRAIN_ORIGINAL + " More to follow."))) == 1.0


def test_signature_is_compact_and_its_estimate_tracks_exact_jaccard():
    original, altered = news.TRAIN_ORIGINAL, news.substitute(news.TRAIN_ORIGINAL)
    sig = text_signature(original)
    assert sig is not None and sig.dtype == np.uint32 and sig.shape == (NUM_PERM,)
    exact = jaccard(shingles(words(original)), shingles(words(altered)))
    assert abs(estimate_jaccard(sig, text_signature(altered)) - exact) < 0.12
    assert estimate_jaccard(sig, text_signature(original.upper())) == 1.0
    assert estimate_jaccard(sig, text_signature(news.RATES_1)) < 0.05
    assert signature(frozenset()) is None and text_signature(" ... ") is None


def test_fingerprints_ignore_case_and_quote_style():
    plain = fingerprint(make("a", 'He said "we will rebuild the town this year" on Monday.'))
    curly = fingerprint(make("b", "HE SAID \u201cwe will rebuild the town this year\u201d on Monday."))
    assert plain.shingles == curly.shingles


def test_words_and_content_terms():
    assert words("Turkey\u2019s quake, 6.4") == ["turkey's", "quake", "6", "4"]
    terms = content_terms("The quakes killed 23 people in Turkey's east")
    assert terms == ["quake", "killed", "23", "turkey", "east"]


def test_sentences_keep_closing_quotes_and_skip_titles():
    text = 'Mr. Holm said: "We will stay." Then he left.\nNew line'
    assert [text[s:e] for s, e in split_sentences(text)] == [
        'Mr. Holm said: "We will stay."', "Then he left.", "New line"]


def test_entity_counts_use_canonical_names_and_surnames():
    ann = make("a", "Recep Tayyip Erdogan spoke. Erdogan left Malatya.",
               entities={"Recep Tayyip Erdogan": "PERSON", "Malatya": "GPE"})
    assert entity_counts(ann) == {"erdogan": 1, "malatya": 1}


def test_published_day_reads_dates_and_datetimes():
    assert str(published_day("2024-03-04T23:30:00-05:00")) == "2024-03-05"
    assert str(published_day("2024-03-04")) == "2024-03-04"
    assert published_day("last Tuesday") is None and published_day(None) is None
