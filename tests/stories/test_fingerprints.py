"""Shingles, MinHash estimates, and the text helpers under them."""
from __future__ import annotations

from newsloom.stories.fingerprints import fingerprint, jaccard, shingles
from newsloom.stories.text import content_terms, entity_counts, published_day, split_sentences, words
from tests.stories import news
from tests.stories.news import make


def test_shingles_are_five_word_windows():
    tokens = "one two three four five six seven".split()
    assert shingles(tokens) == {
        "one two three four five", "two three four five six", "three four five six seven"}
    assert shingles(["short", "text"]) == {"short text"} and shingles([]) == frozenset()


def test_minhash_estimate_tracks_exact_jaccard():
    a = fingerprint(make("a", news.TRAIN_ORIGINAL))
    b = fingerprint(make("b", news.substitute(news.TRAIN_ORIGINAL)))
    exact = jaccard(a.shingles, b.shingles)
    assert 0.5 < exact < 0.8 and abs(a.jaccard(b) - exact) < 0.12
    assert a.jaccard(fingerprint(make("c", news.TRAIN_ORIGINAL))) == 1.0
    assert a.jaccard(fingerprint(make("d", news.RATES_1))) < 0.05


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
