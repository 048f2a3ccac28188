"""The masks that let a rule look only at the tokens it may care about mark every such token."""
from spacy.attrs import DEP, LOWER
from spacy.symbols import VERB

from newsloom.annotate import load_nlp
from newsloom.annotate.token_values import indices, tagged, valued

TEXT = "According to Bo, the Mayor said it. \"Yes,\" SAID Ann. She was told that ACCORDING to plan, it works."


def test_masks_mark_the_tokens_a_loop_over_them_finds():
    doc = load_nlp()(TEXT)
    assert indices(tagged(doc, VERB)) == [t.i for t in doc if t.pos_ == "VERB"]
    assert indices(valued(doc, DEP, {"nsubj", "nsubjpass"})) == [t.i for t in doc if t.dep_ in {"nsubj", "nsubjpass"}]
    assert indices(valued(doc, LOWER, {"according"})) == [t.i for t in doc if t.lower_ == "according"]


def test_masks_of_an_empty_document_are_empty():
    doc = load_nlp()("")
    assert indices(tagged(doc, VERB)) == [] and indices(valued(doc, LOWER, {"according"})) == []


def test_lowered_in_marks_the_tokens_among_others_whose_value_lowercased_is_given():
    from spacy.attrs import LEMMA

    from newsloom.annotate.token_values import lowered_in

    doc = load_nlp()(TEXT)
    verbs = tagged(doc, VERB)
    assert indices(lowered_in(doc, LEMMA, {"say", "tell"}, verbs)) == [
        t.i for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in {"say", "tell"}]
    assert indices(lowered_in(load_nlp()(""), LEMMA, {"say"}, tagged(load_nlp()(""), VERB))) == []


def test_passing_marks_the_tokens_whose_value_passes_the_test():
    from spacy.attrs import SHAPE

    from newsloom.annotate.token_values import passing

    doc = load_nlp()("The U.S. and the U.K. met in Washington, D.C. on Monday.")
    assert indices(passing(doc, SHAPE, lambda shape: shape == "X.X.")) == [t.i for t in doc if t.shape_ == "X.X."]
