"""Transcript turns: labelled lines are their speaker's words; other texts with colons are left alone."""
from newsloom.annotate import load_nlp
from newsloom.annotate.entities import doc_mentions
from newsloom.annotate.quotes import find_quotes
from newsloom.annotate.turns import find_turns
from newsloom.model import Quote

BRIEFING = (
    "Regular briefing by the Harbour Ministry spokeswoman, Odile Brask. The moderator, Tomas Ilve, took questions.\n\n"
    "MODERATOR: Good afternoon. The spokeswoman has a short statement.\n\n"
    "SPOKESWOMAN BRASK: Thank you. The ferry service resumes on Monday at six.\n\n"
    "Q (Pavel Dorn, Harbour Courier): Will the night sailings return as well?\n\n"
    "BRASK: Not yet. The night crews are still being trained.\n\n"
    "Q: Is the union satisfied?\n\n"
    "BRASK: You would have to ask the union. Its secretary, Ivo Rask, said on Friday that \"the crews are ready\".\n\n"
    "MODERATOR: One more question, please.\n"
)


def _quotes(text: str) -> list[Quote]:
    """All quotes of a hand-written text."""
    doc = load_nlp()(text)
    return find_quotes(doc, doc_mentions(doc), "t")


def _holding(quotes: list[Quote], words: str) -> Quote:
    """The shortest quotation (not reported speech) holding the words."""
    found = [q for q in quotes if words in q.text and q.kind != "indirect"]
    assert found, (words, [q.text for q in quotes])
    return min(found, key=lambda q: len(q.text))


def test_each_labelled_line_is_its_speakers_words():
    quotes = _quotes(BRIEFING)
    assert _holding(quotes, "resumes on Monday").shown_speaker == "Odile Brask"
    assert _holding(quotes, "resumes on Monday").speaker_role == "spokeswoman"
    assert _holding(quotes, "still being trained").shown_speaker == "Odile Brask"
    assert _holding(quotes, "night sailings").shown_speaker == "Pavel Dorn"
    assert _holding(quotes, "Good afternoon").shown_speaker == "Tomas Ilve"
    turn = _holding(quotes, "Not yet.")
    assert BRIEFING[turn.start : turn.end] == "Not yet. The night crews are still being trained."
    assert turn.kind == "direct" and turn.basis == "cue"


def test_a_bare_question_label_names_nobody_and_is_left_out():
    assert not [q for q in _quotes(BRIEFING) if "union satisfied" in q.text]


def test_a_quotation_inside_a_turn_keeps_its_own_speaker():
    quotes = _quotes(BRIEFING)
    assert _holding(quotes, "the crews are ready").shown_speaker == "Ivo Rask"
    assert _holding(quotes, "ask the union").shown_speaker == "Odile Brask"


def test_a_title_label_with_no_holder_is_the_title_as_written():
    text = ("HOST: Welcome back to the programme.\n\nLAMBERT: Thanks for having me.\n\n"
            "HOST: Let us start with the harbour.\n\nLAMBERT: The harbour is full.\n")
    quotes = _quotes(text)
    assert _holding(quotes, "Welcome back").shown_speaker == "host"
    assert _holding(quotes, "Welcome back").basis == "description"
    assert _holding(quotes, "harbour is full").shown_speaker == "Lambert"


def test_a_surname_label_takes_the_full_label_given_once():
    text = ("JAKE TARRANT: Welcome back.\n\nMAYOR FENN: Thank you.\n\nTARRANT: Is the bridge safe?\n\n"
            "FENN: It is.\n")
    quotes = _quotes(text)
    assert _holding(quotes, "Is the bridge safe").shown_speaker == "Jake Tarrant"
    assert _holding(quotes, "It is.").shown_speaker == "Fenn"


def test_a_turn_that_is_one_quotation_is_not_given_twice():
    text = ('ARNE: "We will sail on Monday."\n\nBEA: "Then we sail."\n\nARNE: "At six."\n\nBEA: "At six."\n')
    quotes = _quotes(text)
    assert len([q for q in quotes if "sail on Monday" in q.text]) == 1


def test_datelines_and_notes_do_not_make_a_transcript():
    text = ("WASHINGTON: The bridge reopened on Monday.\n\nUPDATE: The council confirmed the date.\n\n"
            "UPDATE: Traffic is flowing.\n\nEDITOR'S NOTE: An earlier version gave the wrong day.\n\n"
            "BRUSSELS: Officials welcomed the news.\n")
    assert find_turns(text) == []
    assert not [q for q in _quotes(text) if q.kind == "direct"]


def test_one_label_alone_is_no_transcript():
    text = "KYIV: The talks resumed.\n\nKYIV: The talks stalled.\n\nMOSCOW: No comment was given.\n"
    assert find_turns(text) == []
