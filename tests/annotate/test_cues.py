"""Cue verbs and the subjects that speak through them."""
from spacy.tokens import Doc

from newsloom.annotate import load_nlp
from newsloom.annotate.cues import speaker_of


def test_a_name_closing_the_sentence_after_a_subjectless_verb_is_its_subject():
    doc = load_nlp()("Fares will rise, said the chairman of Harbour Rail, reports The Harbour Times.")
    reports = next(t for t in doc if t.lower_ == "reports")
    assert speaker_of(reports).text == "Times"


def _parsed(words: list[str], pos: list[str], tags: list[str], deps: list[str], heads: list[int]) -> Doc:
    """A document with the parse given, as the parser sometimes gives it."""
    return Doc(load_nlp().vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads)


def test_the_name_before_a_cue_is_found_past_a_relative_clause_and_an_of_phrase():
    # "Greta Moravec, who is chairman of the fund said": the parse hung "said" after "fund" without its subject
    doc = _parsed(["Greta", "Moravec", ",", "who", "is", "chairman", "of", "the", "fund", "said", "."],
                  ["PROPN", "PROPN", "PUNCT", "PRON", "AUX", "NOUN", "ADP", "DET", "NOUN", "VERB", "PUNCT"],
                  ["NNP", "NNP", ",", "WP", "VBZ", "NN", "IN", "DT", "NN", "VBD", "."],
                  ["compound", "ROOT", "punct", "nsubj", "relcl", "attr", "prep", "det", "pobj", "dep", "punct"],
                  [1, 1, 1, 4, 1, 4, 5, 8, 6, 1, 1])
    assert speaker_of(doc[9]).text == "Moravec"


def test_a_past_tense_read_as_a_participle_after_an_apposition_keeps_its_subject():
    doc = load_nlp()("Ilse Varga, the 2012 harbour board nominee, tweeted in reply: ''A key difference: the board "
                     "shuts piers; our mayors open them.''")
    tweeted = next(t for t in doc if t.lower_ == "tweeted")
    assert speaker_of(tweeted).text == "Varga"


def test_the_name_before_a_cue_is_not_a_noun_inside_a_relative_clause():
    # "an official who spoke to discuss strategy said": the parse took the official for an apposition and left
    # "said" without its subject
    doc = _parsed(["overlap", "with", "team", ",", "an", "official", "who", "spoke", "to", "discuss", "strategy", "said",
                   "."],
                  ["NOUN", "ADP", "NOUN", "PUNCT", "DET", "NOUN", "PRON", "VERB", "PART", "VERB", "NOUN", "VERB",
                   "PUNCT"],
                  ["NN", "IN", "NN", ",", "DT", "NN", "WP", "VBD", "TO", "VB", "NN", "VBD", "."],
                  ["npadvmod", "prep", "pobj", "punct", "det", "appos", "nsubj", "relcl", "aux", "advcl", "dobj", "ROOT",
                   "punct"],
                  [11, 0, 1, 2, 5, 2, 7, 5, 9, 7, 9, 11, 11])
    assert speaker_of(doc[11]).text == "official"  # not "strategy"


def test_the_name_before_a_cue_is_found_past_an_apposition_ending_in_an_of_phrase():
    # "..., Oskar Tallin, the mayor's chief of staff, said": the parse hung the name inside the quotation
    doc = _parsed(["Oskar", "Tallin", ",", "the", "mayor", "'s", "chief", "of", "staff", ",", "said", "."],
                  ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PART", "NOUN", "ADP", "NOUN", "PUNCT", "VERB", "PUNCT"],
                  ["NNP", "NNP", ",", "DT", "NN", "POS", "NN", "IN", "NN", ",", "VBD", "."],
                  ["compound", "npadvmod", "punct", "det", "poss", "case", "appos", "prep", "pobj", "punct", "ROOT",
                   "punct"],
                  [1, 10, 1, 4, 6, 4, 1, 6, 7, 10, 10, 10])
    assert speaker_of(doc[10]).text == "Tallin"  # not "staff"
