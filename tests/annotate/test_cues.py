"""Cue verbs and the subjects that speak through them."""
from newsloom.annotate import load_nlp
from newsloom.annotate.cues import speaker_of


def test_a_name_closing_the_sentence_after_a_subjectless_verb_is_its_subject():
    doc = load_nlp()("Fares will rise, said the chairman of Harbour Rail, reports The Harbour Times.")
    reports = next(t for t in doc if t.lower_ == "reports")
    assert speaker_of(reports).text == "Times"
