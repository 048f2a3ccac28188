"""Whom a "he" or "she" stands for, asked of the speaker resolver directly."""
import pytest

from newsloom.annotate import load_nlp
from newsloom.annotate.entities import doc_mentions
from newsloom.annotate.speakers import SpeakerResolver, _extend_anonymous


def _antecedents(text: str) -> dict[str, str | None]:
    """Each sentence opening with "He"/"She" as its subject -> the name the resolver gives that pronoun."""
    doc = load_nlp()(text)
    resolver = SpeakerResolver(doc, doc_mentions(doc))
    return {t.sent.text: resolver.resolve(t).name for t in doc if t.text in {"He", "She"} and t.dep_ == "nsubj"}


@pytest.mark.parametrize("text, sentence, not_name", [
    pytest.param("Vance's article attacked Mark Tallin. He calls Tallin's endorsement a disgrace.",
                 "He calls Tallin's endorsement a disgrace.", "Mark Tallin", id="never-the-object-of-its-own-verb"),
    pytest.param("Mark Tallin left the meeting early. \u201cWe are frustrated and horrified,\u201d Nefzi said. "
                 "He said the crew was not to blame.",
                 "He said the crew was not to blame.", "Mark Tallin", id="not-past-a-speaker-we-cannot-name"),
])
def test_a_pronoun_abstains_rather_than_reach_the_wrong_person(text: str, sentence: str, not_name: str):
    found = _antecedents(text)
    assert sentence in found and found[sentence] is None, found


@pytest.mark.parametrize("text, sentence, name", [
    pytest.param("When Ilse Varga pointed out that Tallin calls it a ferry tax, Greta Moravec jumped on the remark, "
                 "repeating her line. She said the tax would not pass.", "She said the tax would not pass.",
                 "Greta Moravec", id="of-two-subjects-before-the-one-heading-the-sentence"),
])
def test_a_pronoun_stands_for(text: str, sentence: str, name: str):
    assert _antecedents(text)[sentence] == name


def test_a_pronoun_is_not_the_name_heading_the_clause_it_reports():
    text = ("The judge the mayor was talking about is Oskar Brenn, who grew up in Salem. "
            "He insisted Brenn was biased against the harbour.")
    assert _antecedents(text)["He insisted Brenn was biased against the harbour."] != "Oskar Brenn"


@pytest.mark.parametrize("text, head, described", [
    ("A harbour official on Friday at the pier said the ferry was late.", "official", "official"),
    ("A letter to the council from the chairman of the board said the ferry was late.", "letter",
     "letter to the council from the chairman of the board"),
    ("A senior official in the ministry of transport said the ferry was late.", "official",
     "official in the ministry of transport"),
])
def test_an_unnamed_source_takes_only_the_phrases_right_after_it_that_say_whose_it_is(text: str, head: str,
                                                                                      described: str):
    tok = next(t for t in load_nlp()(text) if t.text == head)
    assert text[tok.idx : _extend_anonymous(tok)] == described  # not "on Friday at the pier"


def test_a_pronoun_after_a_subject_a_person_owns_in_its_sentence_is_that_person():
    text = ("The council met on Monday. Mr. Bo Ray spoke first. Mr. Oskar Tallin's conduct, a source of unease "
            "among harbour leaders, drew criticism: he was questioned about the ferry.")
    doc = load_nlp()(text)
    resolver = SpeakerResolver(doc, doc_mentions(doc))
    assert [resolver.resolve(t).name for t in doc if t.lower_ == "he"] == ["Oskar Tallin"]  # not Bo Ray


def test_a_pronoun_is_never_the_subject_of_an_infinitive():
    text = ("Ilse Varga spoke first. The senator would not say whether it is proper for a sitting judge to attack "
            "a candidate in public. But she told the Gazette that the mayor is an opportunist.")
    doc = load_nlp()(text)
    resolver = SpeakerResolver(doc, doc_mentions(doc))
    assert [resolver.resolve(t).name for t in doc if t.lower_ == "she"] == ["Ilse Varga"]  # not "a sitting judge"
