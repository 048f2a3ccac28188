"""Whom a "he" or "she" stands for, asked of the speaker resolver directly."""
import pytest

from newsloom.annotate import load_nlp
from newsloom.annotate.entities import doc_mentions
from newsloom.annotate.speakers import SpeakerMention, SpeakerResolver, _extend_anonymous


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


def test_the_one_asked_answers_when_the_parse_made_the_asker_the_subject():
    text = "Ada Lind, asked by Alderman Piet Varga why the chief was absent, said she was at a funeral."
    doc = load_nlp()(text)
    resolver = SpeakerResolver(doc, doc_mentions(doc))
    start = text.index("Piet Varga")
    asker = SpeakerMention(start, start + len("Piet Varga"), "Piet Varga")
    answered = resolver.past_the_agent(asker)
    assert (answered.name, text[answered.start : answered.end]) == ("Ada Lind", "Ada Lind")
    said = SpeakerMention(0, len("Ada Lind"), "Ada Lind")
    assert resolver.past_the_agent(said) is said  # the name before "asked by" stays


def test_a_he_after_a_surname_opening_a_sentence_without_a_subject_is_nobody():
    text = ("State Sen. Hal Brenner, who is watching from the lobby, just posted a note. Back in session, the council "
            "hears the state. Pike pressed Tullis, still on the video link, about the state's approval of the switch. "
            "He said the permit was never signed.")
    found = _antecedents(text)
    assert found["He said the permit was never signed."] is None  # not the earlier Hal Brenner, past a man we cannot name


def test_a_name_opening_a_sentence_the_parse_left_without_a_subject_is_another_subject():
    from spacy.tokens import Doc

    # "Zé laughs." with the name parsed as a compound of its verb: someone other than the last speaker is about
    words = ["Rui", "Leite", "spoke", ".", "Zé", "laughs", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, True, False, True, True, False, False],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"],
              tags=["NNP", "NNP", "VBD", ".", "NNP", "VBZ", "."],
              deps=["compound", "nsubj", "ROOT", "punct", "compound", "ROOT", "punct"],
              heads=[1, 2, 2, 2, 5, 5, 5], sent_starts=[True, False, False, False, True, False, False])
    resolver = SpeakerResolver(doc, [])
    assert resolver.other_subject_between(doc[4].idx, len(doc.text), "Rui Leite")
    assert not resolver.other_subject_between(doc[4].idx, len(doc.text), "Zé Fontes")
