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
    ("A sign at the pier said the ferry was late.", "sign", "text"),
    ("The newspaper said the ferry was late.", "newspaper", "group"),  # a list beats the "-er" ending
    ("The harbour engineer said the ferry was late.", "engineer", "person"),
    ("The weather said the ferry was late.", "weather", None),
])
def test_the_head_noun_says_what_kind_of_speaker_a_description_is(text: str, head: str, kind: str | None):
    tok = next(t for t in load_nlp()(text) if t.text == head)
    assert described_kind(tok) == kind
