"""Quote finding and speaker resolution on a hand-written report."""
from newsloom.annotate.quotemarks import find_quoted_spans


def _quote(annotated, fragment):
    """The quote whose text contains `fragment`."""
    found = [q for q in annotated.quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r}: {[q.text for q in annotated.quotes]}"
    return found[0]


def _mention(annotated, q, text):
    """The speaker mention of a quote as written."""
    return text[q.speaker_start : q.speaker_end]


def test_named_speaker_after_quote(annotated, report_text):
    q = _quote(annotated, "change how the whole region travels")
    assert q.kind == "direct" and q.speaker == "Ilse Varga" and q.cue == "told"
    assert "Ilse Varga" in _mention(annotated, q, report_text)
    assert report_text[q.start : q.end] == q.text


def test_unattributed_follow_on_sentence_inherits_speaker(annotated):
    assert _quote(annotated, "We waited long enough").speaker == "Ilse Varga"


def test_pronoun_speaker_resolved_and_mention_kept(annotated, report_text):
    q = _quote(annotated, "still a lot of work ahead")
    assert q.speaker == "Ilse Varga"
    assert _mention(annotated, q, report_text) == "she"


def test_split_quote_second_part_shares_speaker(annotated):
    assert _quote(annotated, "money is finally in place").speaker == "Ilse Varga"


def test_partial_quote_inside_sentence(annotated):
    q = _quote(annotated, "historic")
    assert q.kind == "partial" and q.speaker == "Dana Okafor" and q.cue == "called"


def test_role_noun_resolves_to_named_person(annotated, report_text):
    q = _quote(annotated, "heard every objection")
    assert q.speaker == "Dana Okafor"
    assert _mention(annotated, q, report_text) == "the spokeswoman"


def test_inverted_attribution_stops_before_apposition(annotated, report_text):
    q = _quote(annotated, "gift to the builders")
    assert q.speaker == "Tomas Reyes"
    assert _mention(annotated, q, report_text) == "Tomas Reyes"


def test_anonymous_source_is_kept_not_invented(annotated):
    q = _quote(annotated, "never checked by anyone")
    assert q.speaker == "a senior port official"


def test_quote_running_across_paragraphs(annotated):
    first = _quote(annotated, "cost less than planned")
    second = _quote(annotated, "depends on the state grant")
    assert first.speaker == second.speaker == "Dana Okafor"


def test_indirect_speech(annotated):
    q = _quote(annotated, "first ferries would sail in June")
    assert q.kind == "indirect" and q.speaker == "Ilse Varga" and q.cue == "said"


def test_quote_marks_straight_and_curly_and_unbalanced():
    text = 'He said "one two" and \u201cthree four\u201d.\n\nA stray \u201c mark here.\n\nLast "five".'
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert spans == ["one two", "three four", "five"]


def test_apostrophes_do_not_open_quotes():
    text = "It\u2019s the mayor\u2019s plan, \u201cand it works,\u201d she said."
    assert [text[s.start : s.end] for s in find_quoted_spans(text)] == ["and it works,"]


def _speakers(text: str) -> dict[str, tuple[str | None, str]]:
    from newsloom.annotate import annotate
    from newsloom.model import Article

    ann = annotate(Article(report_id="r", source="r", text=text), vectors=False)
    return {q.text.strip(" ,."): (q.speaker, q.basis) for q in ann.quotes if q.kind != "indirect"}


def test_a_title_names_the_one_person_who_holds_it_and_nobody_when_two_do():
    one = _speakers("Mayor Ilse Brandvik opened the hearing on Monday.\n\n"
                    "\u201cThe bridge stays shut until it is safe,\u201d the mayor said, adding that it would take "
                    "\u201cseveral more weeks\u201d to know.")
    assert one["The bridge stays shut until it is safe"] == ("Ilse Brandvik", "role")
    assert one["several more weeks"] == ("Ilse Brandvik", "role")
    two = _speakers("Mayor Ilse Brandvik met Mayor Oskar Lind on Monday.\n\n"
                    "\u201cThe bridge stays shut until it is safe,\u201d the mayor said.")
    assert two["The bridge stays shut until it is safe"] == ("the mayor", "description")


def test_another_unnamed_source_is_kept_as_written():
    from newsloom.annotate import annotate
    from newsloom.model import Article

    text = ('A harbour official said the cranes were idle. Another port source speaking to the Coastline Herald said, '
            '"The inspectors have not been here in months."')
    quotes = annotate(Article(report_id="r", source="r.txt", text=text), vectors=False).quotes
    q = next(q for q in quotes if "inspectors" in q.text)
    assert q.speaker == "Another port source" and q.basis == "cue"


def test_a_description_keeps_the_of_phrase_that_says_whose_it_is():
    found = _speakers("The head of the state-owned harbour fund, a close friend of the mayor, said \u201cthe fund "
                      "will not sell the cranes this year.\u201d")
    assert found["the fund will not sell the cranes this year"] == (
        "the head of the state-owned harbour fund", "description")


def test_a_denied_statement_is_not_reported_speech():
    from newsloom.annotate import annotate
    from newsloom.model import Article

    text = ("The ministry is no longer describing the harbour as a security risk. The mayor did not say that the "
            "cranes were unsafe. The port board said that the cranes were safe.")
    quotes = annotate(Article(report_id="r", source="r.txt", text=text), vectors=False).quotes
    assert [q.text for q in quotes if q.kind == "indirect"] == ["that the cranes were safe"]


def test_a_she_after_a_quote_gives_no_gender_to_the_man_named_before_it():
    found = _speakers("Voter Maeve Quillan, 78, lives in Dunmore. At one point, she said, she was considering "
                      "supporting Donald Harcourt.\n\n"
                      "\u201cMy husband and I thought of changing our parties this year,\u201d she explained.")
    assert found["My husband and I thought of changing our parties this year"][0] != "Donald Harcourt"


def test_a_capitalised_name_the_tagger_took_for_a_noun_still_speaks():
    found = _speakers("\u201cWould it be negotiable about the ferries?\u201d Quillity pressed. \u201cMaybe "
                      "let some of them stay?\u201d\n\n\u201cI would say this,\u201d Harcourt answered.")
    assert found["Would it be negotiable about the ferries?"] == ("Quillity", "cue")
    assert found["Maybe let some of them stay?"][0] == "Quillity"


def test_a_quoted_name_inside_the_apposition_does_not_hide_the_cue():
    found = _speakers("Delegates gathered.\n\n\u201cWe have had better conventions than this one,\u201d Texas delegate "
                      "Bill Eastwick, wearing a wide hat and \u201cVote Harcourt\u201d pins, said as confetti fell.")
    assert found["We have had better conventions than this one"] == ("Bill Eastwick", "cue")


def test_crowds_users_and_people_given_by_age_are_described_speakers():
    found = _speakers("\u201cNo!\u201d the crowd cried out. \u201cThe port is cute with a big crane,\u201d one user wrote. "
                      "\u201cHe has always been a good mayor,\u201d said the 46-year-old.")
    assert found["No!"] == ("the crowd", "description")
    assert found["The port is cute with a big crane"] == ("one user", "cue")
    assert found["He has always been a good mayor"] == ("the 46-year-old", "description")


def test_a_day_or_a_nationality_never_speaks():
    found = _speakers("Much of Quennell's ire was directed at the board, which Quennell on Wednesday called "
                      "\u201ca den of thieves.\u201d\n\nHarcourt is a man who fights with Mexican American journalists, claims "
                      "that Univision \"takes its marching orders\" from Mexico.")
    assert found["a den of thieves"][0] != "Wednesday"
    assert found["takes its marching orders"][0] != "American"


def test_a_quotation_signed_on_the_next_line_and_an_inverted_reaction_have_speakers():
    found = _speakers("\u201cThe whole idea of a toll bridge is something we hear about all the time.\u201d\n\n"
                      "-Maeve Quillan, Dunmore.\n\n"
                      "\u201cIs the mayor profiling ferry users?\u201d reacted Harcourt.")
    assert found["The whole idea of a toll bridge is something we hear about all the time"][0] == "Maeve Quillan"
    assert found["Is the mayor profiling ferry users?"][0] == "Harcourt"


def test_a_voters_or_delegates_title_is_a_role_not_part_of_the_name():
    from newsloom.annotate.roles import split_role

    assert split_role("Voter Maeve Quillan") == ("Maeve Quillan", "Voter")
    assert split_role("Delegate Tad Pellow") == ("Tad Pellow", "Delegate")
    assert split_role("Premier League") == ("Premier League", None)
    assert split_role("Striker Ivo Marrant") == ("Ivo Marrant", "Striker")
    assert split_role("Midwife Ada Penn") == ("Ada Penn", "Midwife")


def test_a_he_is_never_a_group_or_a_spokeswoman_described_before_him():
    found = _speakers("Some conservative members of the council have argued for the plan, but councillor Tomas "
                      "Brandt doesn't hide where he stands.\n\n\u201cWe will fight it,\u201d he said.\n\n"
                      "A spokeswoman for the port declined to comment, and the ferry company kept quiet too.\n\n"
                      "\u201cThe cranes are idle,\u201d he said.")
    assert found["We will fight it"] == ("Tomas Brandt", "pronoun")
    assert found["The cranes are idle"][0] != "A spokeswoman"


def test_a_pronoun_never_stands_for_whom_the_words_are_about_or_addressed_to():
    found = _speakers("Tad Harcourt met the port board in Dunmore on Monday.\n\n"
                      "\u201cIt seems to me they have every incentive to find common ground,\u201d he said of Harcourt "
                      "and the board.\n\n\u201cThe cranes have been idle for months,\u201d he told Harcourt.")
    assert found["It seems to me they have every incentive to find common ground"][0] is None
    assert found["The cranes have been idle for months"][0] is None


def test_a_thing_described_as_a_subject_is_no_one_a_pronoun_stands_for():
    found = _speakers("Economist Tad Pellow spoke at the harbour on Monday.\n\n"
                      "An economic downturn, he said, \u201ccould be a good time to borrow and pay off debt.\u201d")
    assert found["could be a good time to borrow and pay off debt"][0] == "Tad Pellow"
