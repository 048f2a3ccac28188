"""Parsing long texts: pieces joined into one document with the text unchanged; tokens around quotation marks."""
import pytest

from newsloom.annotate.nlp import CHUNK_CHARS, _pieces, load_nlp, parse


def test_pieces_tile_the_text_and_end_at_paragraphs():
    paragraph = "The council met again. " * 40 + "\n\n"
    text = paragraph * (3 * CHUNK_CHARS // len(paragraph))
    pieces = _pieces(text)
    assert "".join(pieces) == text
    assert len(pieces) > 2 and all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])


def test_one_paragraph_is_cut_after_a_sentence_or_a_space():
    text = "Word after word without a stop " * (CHUNK_CHARS // 10) + "and a last sentence. " * 10
    pieces = _pieces(text)
    assert "".join(pieces) == text and all(p.endswith(" ") for p in pieces[:-1])


def test_long_text_parses_into_one_document():
    text = ("\u201cThe ferry will sail in June,\u201d Mayor Ilse Varga said on Tuesday.\n\n" * 1800)[: CHUNK_CHARS + 5_000]
    doc = parse(text)
    assert doc.text == text
    starts = {s.start_char for s in doc.sents}
    assert all(i + 2 in starts for i in range(len(text)) if text.startswith("\n\n", i) and i + 2 < len(text))
    assert len(doc.ents) > 1000 and any(e.start_char > CHUNK_CHARS for e in doc.ents)


def test_a_sentence_ending_in_a_dotted_abbreviation_is_split_from_the_next():
    text = ("The Courier reported Friday that the ministry no longer lists the port as a threat to the U.S. "
            "Okafor told reporters on Monday that talks had stalled.")
    sents = [s.text.strip() for s in parse(text).sents]
    assert sents[-1].startswith("Okafor told reporters")
    assert parse(text).text == text


def test_an_abbreviation_inside_a_name_keeps_its_sentence():
    text = "Officials said the U.S. Senate voted on Tuesday to fund the harbour."
    assert len(list(parse(text).sents)) == 1


@pytest.mark.parametrize("text, tokens", [
    ("in paranoia,\u201dVarga said.", ["in", "paranoia", ",", "\u201d", "Varga", "said", "."]),
    ("Tallin said,\u201cLook, no.", ["Tallin", "said", ",", "\u201c", "Look", ",", "no", "."]),
    ("It\u2019s Ann\u2019s \u201cdeal\u201d here", ["It", "\u2019s", "Ann", "\u2019s", "\u201c", "deal", "\u201d", "here"]),
    ('Ann Lee:"We learned', ["Ann", "Lee", ":", '"', "We", "learned"]),  # a straight mark opening words after a colon
    ('said "no" and "yes"', ["said", '"', "no", '"', "and", '"', "yes", '"']),
])
def test_curly_marks_glued_to_words_are_tokens_of_their_own(text: str, tokens: list[str]):
    assert [t.text for t in load_nlp()(text)] == tokens


@pytest.mark.parametrize("text, title", [
    ('"The crews were hired," said Navy Capt. Arne Holm, who was asked about the fleet.', "Capt."),
    ("Army Lt. Col. Greta Moravec said the pier was safe.", "Col."),
    ("Sgt. Ilse Varga spoke to the crews at the harbour.", "Sgt."),
])
def test_an_abbreviated_rank_is_one_token_in_the_sentence_of_its_name(text: str, title: str):
    doc = parse(text)
    rank = next(t for t in doc if t.text == title)
    assert doc[rank.i + 1].sent.start == rank.sent.start  # the name is not cut off into a sentence of its own
    assert len(list(doc.sents)) == 1


def test_an_abbreviated_rank_the_parse_made_a_subject_joins_the_name_after_it():
    doc = parse('"The crews were hired," said Navy Capt. Arne Holm. "The boats are ready for the winter."')
    rank = next(t for t in doc if t.text == "Capt.")
    assert (rank.dep_, rank.head.text) == ("compound", "Holm")  # one subject, "Navy Capt. Arne Holm", not two


@pytest.mark.parametrize("text", [
    "The harbour prize went to Oskar Tallin Sr. He accepted it on Monday.",
    "Ilse Varga was promoted to Lt. She took command on Monday.",
])
def test_a_sentence_may_still_end_after_a_suffix_or_a_title_before_a_pronoun(text: str):
    assert len(list(parse(text).sents)) == 2
