"""Quotations in a report's headline and whose words they are (invented reports)."""
import pytest

from newsloom.annotate import annotate
from newsloom.model import Article

BODY = (
    "Detective Inspector Maren Cole said the thieves had planned the raid for weeks.\n\n"
    "\u201cThey knew exactly where they were going and exactly what they wanted,\u201d Cole said.\n\n"
    "Museum director Piet Alder said the staff were heartbroken. \u201cWe will rebuild the trust of every lender,\u201d "
    "he said.\n\n"
    "Councillor Ruth Banner said the council had refused money for new locks last year."
)


def _headline(title: str, body: str = BODY) -> list:
    ann = annotate(Article(report_id="h1", source="h.txt", text=body, title=title), vectors=False)
    return [q for q in ann.quotes if q.part == "title"]


def _one(title: str, body: str = BODY):
    found = _headline(title, body)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def test_a_headline_quotation_takes_the_speaker_of_the_body_quotation_carrying_its_words():
    q = _one("Police say raiders \u2018knew exactly what they wanted\u2019")
    assert q.text == "knew exactly what they wanted"
    assert q.shown_speaker == "Maren Cole"
    title = "Police say raiders \u2018knew exactly what they wanted\u2019"
    assert title[q.start:q.end] == q.text
    assert BODY[q.speaker_start:q.speaker_end] == "Cole"  # the speaker's evidence is the body's mention


def test_a_name_before_a_colon_is_the_speaker_when_the_body_names_that_person():
    q = _one("Alder: \u201cA museum is only as safe as its roof\u201d")
    assert (q.shown_speaker, q.basis, q.cue) == ("Piet Alder", "cue", ":")
    assert BODY[q.speaker_start:q.speaker_end].endswith("Alder")


def test_a_title_and_name_before_a_colon_and_a_partial_quotation_after_a_few_words():
    q = _one("Councillor Banner: council \u201cwould not pay for locks\u201d")
    assert q.shown_speaker == "Ruth Banner"
    assert q.kind == "partial"


def test_a_description_before_a_colon_or_a_speech_verb_is_shown_as_written():
    q = _one("Museum guard on the theft: \u201cWe were never told the alarm was off\u201d")
    assert (q.shown_speaker, q.basis) == ("Museum guard", "description")
    q = _one("Lenders worried, union says \u201cstaff cuts\u201d left one guard")
    assert (q.shown_speaker, q.basis, q.cue) == ("union", "description", "says")


def test_a_role_the_body_writes_with_one_name_gives_that_person():
    body = BODY + "\n\n\u201cNo lender will pay for our mistakes,\u201d said Ruth Banner, the council's finance chief."
    q = _one("Councillor says museum \u2018must foot the bill\u2019 for locks", body)
    assert (q.shown_speaker, q.basis, q.speaker_role) == ("Ruth Banner", "role", "Councillor")
    assert body[q.speaker_start:q.speaker_end].endswith("Ruth Banner")
    q = _one("Director on the theft: \u201cThe lenders were never told\u201d", body)
    assert (q.shown_speaker, q.basis) == ("Piet Alder", "role")


def test_a_role_two_people_hold_stays_a_description():
    body = BODY + "\n\nDetective Inspector Ivo Marsh said the case was open."
    q = _one("Inspector: raiders \u2018had a key\u2019", body)
    assert (q.shown_speaker, q.basis) == ("Inspector", "description")


def test_a_speech_verb_after_the_quotation_and_an_inverted_one():
    assert _one("\u2018The lenders trusted us,\u2019 director Alder says").shown_speaker == "Piet Alder"
    q = _one("\u201eWe lost the lenders\u201c, museum guard says after night of thefts")
    assert (q.shown_speaker, q.basis) == ("museum guard", "description")
    q = _one("\u201cWE WERE ROBBED BLIND!\u201d FUMES MUSEUM BOSS")
    assert (q.shown_speaker, q.basis) == ("MUSEUM BOSS", "description")


@pytest.mark.parametrize("title", [
    "Alder slams council\u2019s \u2018locks are enough\u2019 claim",  # someone else's words after the verb
    "Alder denies \u2018a cover-up at the museum\u2019 in letter",  # a verb of attacking, words after it
])
def test_words_after_a_verb_that_are_someone_elses_are_not_the_subjects(title):
    assert all(q.shown_speaker is None for q in _headline(title))


def test_a_short_phrase_inside_a_long_body_quotation_is_not_taken_from_it():
    body = BODY + ("\n\n\u201cWhat would calling it radical theft achieve? The lenders want their instruments back, "
                   "not our labels,\u201d Alder said.")
    assert _headline("Alder mocks talk of \u2018radical theft\u2019 at the museum", body) == []


def test_a_clause_before_the_colon_names_nobody():
    q = _one("City expels art dealer: \u2018a fence, not a collector\u2019")
    assert q.shown_speaker is None
    assert "names no speaker" in q.doubt


def test_a_headline_quotation_the_body_does_not_carry_and_no_cue_is_unattributed_with_the_reason():
    q = _one("\u201cThe sky went missing\u201d: a night at the Halloran")
    assert q.shown_speaker is None and q.basis == "none"
    assert q.doubt == ("a headline quotation: the headline names no speaker and the body does not carry "
                       "these words")


def test_a_name_the_body_does_not_give_is_no_speaker():
    q = _one("Okonkwo: \u201cThe locks were a scandal\u201d")
    assert q.shown_speaker is None


def test_two_body_speakers_of_the_same_words_leave_the_headline_quotation_unattributed():
    body = BODY + "\n\nBanner was blunt. \u201cWe will rebuild the trust of our voters first,\u201d Banner said."
    q = _one("\u2018We will rebuild the trust\u2019 of lenders", body)
    assert q.shown_speaker is None
    assert q.doubt == "the body gives these words to Piet Alder and Ruth Banner"


def test_the_headline_and_the_body_naming_different_people_name_nobody():
    q = _one("Banner: \u201cthey knew exactly what they wanted\u201d")
    assert q.shown_speaker is None
    assert "the headline and the body give these words to" in q.doubt


@pytest.mark.parametrize("title", [
    "Museum theft puts \u2018security\u2019 in question",  # one scare-quoted word
    "Curator takes questions on \u201cCity Tonight\u201d",  # a show's name, no cue, not in the body
    "Council's \u2018safety first\u2019 plan under fire",  # a scare-quoted phrase, no cue
])
def test_quoted_words_with_no_cue_and_no_body_quotation_are_no_quotation(title):
    assert _headline(title) == []


def test_a_name_in_marks_is_no_quotation_even_when_a_body_quotation_holds_it():
    body = BODY + "\n\n\u201cGood morning, this is The Morning Crossing,\u201d Alder said on air."
    assert _headline("Union confronts museum boss live on \u2018The Morning Crossing\u2019", body) == []
    assert _one("Russia Says Museum \u2018Will Rebuild The Trust Of Every Lender\u2019").shown_speaker == "Piet Alder"


def test_no_headline_no_headline_quotes():
    assert _headline("") == []
    ann = annotate(Article(report_id="h1", source="h.txt", text=BODY, title=None), vectors=False)
    assert all(q.part == "text" for q in ann.quotes)
    assert ann.body_quotes == ann.quotes
