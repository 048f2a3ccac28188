"""What kind of speaker a description's head noun stands for: a person, a group, a text, or nothing that speaks."""
import pytest

from newsloom.annotate import load_nlp
from newsloom.annotate.descriptions import described_kind


@pytest.mark.parametrize("text, head, kind", [
    ("The shipping tycoon said the ferry was late.", "tycoon", "person"),
    ("The media mogul said the ferry was late.", "mogul", "person"),
    ("The retired neurosurgeon said the ferry was late.", "neurosurgeon", "person"),
    ("The tabloid reported that the ferry was late.", "tabloid", "group"),
    ("The column said the ferry was late.", "column", "text"),
    ("A sign at the pier said the ferry was late.", "sign", None),  # a slogan carrier, nobody who speaks
    ("The newspaper said the ferry was late.", "newspaper", "group"),  # a list beats the "-er" ending
    ("The harbour engineer said the ferry was late.", "engineer", "person"),
    ("The weather said the ferry was late.", "weather", None),
])
def test_the_head_noun_says_what_kind_of_speaker_a_description_is(text: str, head: str, kind: str | None):
    tok = next(t for t in load_nlp()(text) if t.text == head)
    assert described_kind(tok) == kind


def test_a_lowercase_noun_the_tagger_read_as_a_name_is_still_a_description():
    from spacy.tokens import Doc

    words = ["the", "minister", "said", "so", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, True, True, False, False],
              pos=["DET", "PROPN", "VERB", "ADV", "PUNCT"], tags=["DT", "NNP", "VBD", "RB", "."],
              lemmas=["the", "minister", "say", "so", "."], deps=["det", "nsubj", "ROOT", "advmod", "punct"],
              heads=[1, 2, 2, 2, 2])
    assert described_kind(doc[1]) == "person"
