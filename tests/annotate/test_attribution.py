"""Attribution patterns on hand-written sentences: cues around the marks, reported speech, pronouns."""
import pytest

from newsloom.annotate import load_nlp
from newsloom.annotate.entities import doc_mentions
from newsloom.annotate.gender import name_gender
from newsloom.annotate.quotemarks import find_quoted_spans
from newsloom.annotate.quotes import find_quotes
from newsloom.model import Quote


def _quotes(text: str) -> list[Quote]:
    """All quotes of a hand-written text."""
    doc = load_nlp()(text)
    return find_quotes(doc, doc_mentions(doc), "t")


def _one(quotes: list[Quote], fragment: str, kind: str | None = None) -> Quote:
    """The quote (of `kind`, if given) whose text contains `fragment`."""
    found = [q for q in quotes if fragment in q.text and (kind is None or q.kind == kind)]
    assert found, (fragment, [(q.kind, q.text) for q in quotes])
    return found[0]


def _mention(text: str, q: Quote) -> str:
    """The speaker mention as written."""
    return text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else ""


def test_typewriter_and_mixed_marks():
    text = "''We are ready,'' Ms. Lind said. \u201cThe ferry sails at noon,\" she added. \"Be on time.\u201d"
    assert [text[s.start : s.end] for s in find_quoted_spans(text)] == [
        "We are ready,", "The ferry sails at noon,", "Be on time.",
    ]


def test_reported_speech_keeps_that_and_woven_quote():
    text = 'Mayor Ilse Varga said that the contract was "a gift to the builders" and would cost too much.'
    quotes = _quotes(text)
    reported = _one(quotes, "contract", "indirect")
    assert reported.text == 'that the contract was "a gift to the builders" and would cost too much'
    assert reported.speaker == "Ilse Varga"
    partial = _one(quotes, "a gift to the builders", "partial")
    assert partial.speaker == "Ilse Varga"
    assert quotes.index(partial) < quotes.index(reported)  # quoted passages come first


def test_according_to_and_parenthetical_cue():
    text = (
        "The dredging will start next month, according to the harbour authority.\n\n"
        "The new terminal, Varga said, will open in June."
    )
    quotes = _quotes(text)
    according = _one(quotes, "dredging")
    assert according.text == "The dredging will start next month" and according.cue == "according to"
    assert _mention(text, according) == "the harbour authority"
    aside = _one(quotes, "terminal")
    assert aside.text.startswith("The new terminal") and aside.text.endswith("will open in June")
    assert _mention(text, aside) == "Varga"


def test_label_verb_reports_object_and_description():
    text = 'Tomas Reyes called the contract "a gift to the builders" on Monday.'
    reported = _one(_quotes(text), "contract", "indirect")
    assert reported.text.startswith('the contract "a gift to the builders"')
    assert reported.speaker == "Tomas Reyes"


def test_stated_belief_inside_a_statement_is_one_attribution():
    text = "Tomas Reyes said he believes the harbour deal is far too generous to the builders."
    reported = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [q.text for q in reported] == ["he believes the harbour deal is far too generous to the builders"]


def test_scare_quotes_are_not_quotes():
    text = 'The so-called "harbour tax" was dropped from the budget last year.'
    assert _quotes(text) == []


@pytest.mark.parametrize("text, words", [
    pytest.param('Several porters said they had begun using the board\'s so-called "red card" rota, a list of staff '
                 'on call.', "red card", id="a-label-after-so-called-inside-reported-speech"),
    pytest.param('The ministry said the letter was "only part of a pattern" of contacts with the group, many of them '
                 'billed as a "cultural programme".', "cultural programme", id="a-label-after-billed-as"),
    pytest.param('The board cut funding for a testing site that was known as the "mosquito lab."', "mosquito lab",
                 id="a-label-after-known-as"),
    pytest.param("Protesters in the gallery chanted \u2018Schools, not stadiums\u2019 and unfurled a banner reading "
                 "\u2018Harbour for the People\u2019 over the rail.", "Harbour for the People", id="a-banners-slogan"),
    pytest.param('Teachers on the picket line chanted for an hour. A sign taped to the school gate read "Closed because '
                 'we care".', "Closed because we care", id="a-signs-slogan-is-nobodys"),
    pytest.param('Marchers carried placards that read "Hands off our harbour" as they passed city hall.',
                 "Hands off our harbour", id="a-placards-slogan"),
    pytest.param("The council\u2019s leaflet for tenants, \u2018Is My Flat Safe?\u2019, has gone to 900 homes.",
                 "Is My Flat Safe", id="a-title-after-a-work-and-its-of-phrase"),
])
def test_labels_and_titles_are_no_ones_words(text: str, words: str):
    assert not [q for q in _quotes(text) if words in q.text and q.kind != "indirect"]


def test_a_title_opening_a_sentence_is_no_quote_but_a_short_answer_is():
    text = ('The harbour chief likes \u201cThe Night Ferry,\u201d while the mayor loves \u201cLilyhammer.\u201d '
            '\u201cThe Night Ferry,\u201d now in its third season, airs on Sundays.\n\n'
            '"Who runs the port?" the reporter asked. "Oskar Tallin." The answer came fast.')
    texts = [q.text for q in _quotes(text)]
    assert not any("Night Ferry" in t for t in texts), texts
    assert any(t.startswith("Oskar Tallin") for t in texts), texts


def test_titles_in_quotation_marks_are_not_quotes():
    text = 'Ilse Varga told the hosts of "Morning Harbour" that the ferry deal was done.'
    quotes = _quotes(text)
    assert [q.kind for q in quotes] == ["indirect"] and quotes[0].text == "that the ferry deal was done"


def test_colon_introduces_next_paragraph():
    text = (
        "Dana Okafor, the council spokeswoman, explained the delay at length:\n\n"
        "\u201cWe had to wait for the state grant before any work could start.\u201d"
    )
    q = _one(_quotes(text), "state grant")
    assert q.speaker == "Dana Okafor"


def test_any_verb_after_the_quote_and_its_subject():
    text = '"The council never listened to us," the fishermen shot back on Friday.'
    q = _one(_quotes(text), "never listened")
    assert q.kind == "direct" and _mention(text, q) == "the fishermen"


def test_appositive_names_the_speaker():
    text = 'In a statement, her adviser, Tomas Reyes, said: "The vote was fair and the result is final."'
    assert _one(_quotes(text), "vote was fair").speaker == "Tomas Reyes"


def test_framing_verb_gives_partial_quote_its_speaker_and_clause():
    text = 'Ilse Varga mocked the council for "dragging its feet" on the ferry plan.'
    quotes = _quotes(text)
    assert _one(quotes, "dragging its feet", "partial").speaker == "Ilse Varga"
    assert _one(quotes, "the council for", "indirect").text.endswith("on the ferry plan")


def test_headline_attribution():
    text = "Varga: Terminal will open in June\n\nMayor Ilse Varga spoke to reporters on Tuesday."
    q = _one(_quotes(text), "Terminal will open")
    assert q.text == "Terminal will open in June" and q.speaker == "Ilse Varga" and q.cue == ":"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            (
                "Mayor Ilse Varga met the fisherman Tomas Reyes at the harbour on Monday. "
                '"We were promised a fair deal," he said.'
            ),
            "fair deal", "Tomas Reyes",
        ),
        (
            (
                "Ms. Dana Okafor and Tomas Reyes met at the harbour on Monday. "
                '"The council heard every objection," she said.'
            ),
            "every objection", "Dana Okafor",
        ),
    ],
)
def test_pronoun_agrees_in_gender(text, fragment, speaker):
    assert _one(_quotes(text), fragment).speaker == speaker


def test_they_and_we_are_not_people():
    text = (
        "Tomas Reyes joined the Harbour Workers Union in March. "
        '"We will not accept the plan," they said in a statement.'
    )
    q = _one(_quotes(text), "not accept")
    assert _mention(text, q) == "they" and q.speaker == "Harbour Workers Union"


def test_first_name_gender():
    assert name_gender("Ilse Varga") == "f" and name_gender("Tomas Reyes") == "m"
    assert name_gender("Lindsey Graham") is None and name_gender("Okafor") is None


def test_signed_quotes_each_take_their_own_signature():
    text = (
        "Readers wrote in after the vote.\n"
        "\u201cThe council forgot the harbour.\u201d \u2015 Marta Quell\n"
        "\u201cWe deserve better than this.\u201d \u2015 Odo Brann\xa0\n"
        "\u201cI will vote again next year.\u201d -- Lise Varro, a teacher in Kelm\n"
    )
    quotes = _quotes(text)
    assert _one(quotes, "forgot the harbour").speaker == "Marta Quell"
    assert _one(quotes, "deserve better").speaker == "Odo Brann"
    assert _one(quotes, "vote again").speaker == "Lise Varro"


def test_unsigned_quote_in_a_signed_list_is_not_carried():
    text = (
        "\u201cThe council forgot the harbour.\u201d \u2015 Marta Quell \u201cNobody asked us.\u201d\n"
    )
    assert _one(_quotes(text), "Nobody asked").speaker is None


def test_transcript_label_names_the_speaker_it_knows():
    text = (
        "Governor Nils Arvid spoke to host Petra Lund on Sunday.\n\n"
        '"LUND: Do you regret the vote?\n\n'
        '"ARVID: Not for a second. The dam needed the money.\n\n'
        '"USA: nothing here names a person," the sign read.\n'
    )
    quotes = _quotes(text)
    assert _one(quotes, "regret the vote").speaker == "Petra Lund"
    assert _one(quotes, "Not for a second").speaker == "Nils Arvid"
    assert _one(quotes, "nothing here").speaker != "Usa"


def test_apposition_between_name_and_cue():
    text = "''We waited for days,'' Mr. Dorran, now 80 and living in Kelm, Ostria, said by telephone."
    q = _one(_quotes(text), "waited for days")
    assert _mention(text, q) == "Dorran"


def test_participle_after_an_object_belongs_to_the_subject():
    for place in ("Salem, Oregon", "Salem, New Hampshire"):
        text = f"Speaking at a town hall in {place}, Senator Anna Petrov went after Tomas Hale, calling him \u201ca total stiff.\u201d"
        q = _one(_quotes(text), "a total stiff", "partial")
        assert q.speaker == "Anna Petrov", place


def test_speaker_is_never_inside_the_quote():
    text = (
        "Anna Brod didn\u2019t seem impressed with the plan Tuesday, telling reporters, "
        "\u201cA lot of people said the mayor should resign.\u201d"
    )
    q = _one(_quotes(text), "A lot of people")
    assert q.speaker == "Anna Brod"


def test_relative_clause_pronoun_resolves_to_the_named_subject():
    text = "Oskar Tallin took to the radio overnight to condemn what he called a \u201creckless stunt.\u201d"
    q = _one(_quotes(text), "reckless stunt", "partial")
    assert q.speaker == "Oskar Tallin"
    assert _mention(text, q) == "he"  # the evidence is the pronoun the speaker was resolved through


def test_transcript_label_is_not_part_of_the_words():
    text = "Governor Nils Arvid spoke on Sunday.\n\n\"ARVID: Not for a second. The dam needed the money.\"\n"
    q = _one(_quotes(text), "Not for a second")
    assert q.text.startswith("Not for a second")
    assert text[q.start : q.end] == q.text


def test_paragraph_opened_with_a_closing_mark_is_a_quote():
    text = "Readers wrote in.\n\n\u201dFear. I am truly afraid of this plan.\u201d \u2015 Marta Quell\n"
    q = _one(_quotes(text), "Fear. I am truly afraid")
    assert q.speaker == "Marta Quell"
    inline = "He said \u201cno\u201d and \u201d went."
    assert [inline[s.start : s.end] for s in find_quoted_spans(inline)] == ["no"]


@pytest.mark.parametrize("text, fragment", [
    # a verb that neither reports speech nor takes a stand says nothing of who spoke the words
    ("Governor Nils Arvid cruised to a \u201ccomfortable and well-earned win\u201d on Sunday.", "well-earned"),
    ("Judges who serve in \u201cgood behaviour\u201d keep their seats, Oskar Tallin noted in a column.", "good behaviour"),
])
def test_a_verb_that_does_not_speak_leaves_the_words_below_the_threshold(text, fragment):
    q = _one(_quotes(text), fragment)
    assert q.confidence is None or q.confidence < 0.5 or q.speaker in (None, "Oskar Tallin")
    if q.speaker == "Nils Arvid":
        assert q.confidence < 0.5


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Ilse Varga decried the \u201creckless and costly detour\u201d of the ferry route.", "reckless and costly", "Ilse Varga"),
    ("Oskar Tallin sniped that the council was \u201clearning on the job.\u201d", "learning on the job", "Oskar Tallin"),
    ("Marta Quell had hoped to \u201cturn the page\u201d on the dispute.", "turn the page", "Marta Quell"),
    ("Former mayor Tomas Reyes gloated over the \u201cswift and total collapse\u201d of the bid.", "total collapse",
     "Tomas Reyes"),
    ("Oskar Tallin extolled the \u201cgenerous and timely gift\u201d of the fund.", "timely gift", "Oskar Tallin"),
])
def test_a_verb_that_takes_a_stand_keeps_its_subject_as_speaker(text, fragment, speaker):
    q = _one(_quotes(text), fragment)
    assert q.speaker == speaker and q.confidence >= 0.5


def test_words_in_an_adverbial_clause_with_its_own_subject_are_not_the_main_speakers():
    text = ("Ilse Varga nodded and said yes, over and over again, as Tomas Reyes went on about "
            "\u201chow the whole tender was rigged\u201d and \u201cour struggling fishermen.\u201d")
    partial = [q for q in _quotes(text) if q.kind == "partial"]
    assert partial and all(q.speaker != "Ilse Varga" for q in partial), partial
    text = ("Council leader Oskar Tallin described the mayor as a \u201cdisgrace\u201d after she attacked the "
            "harbour police and blamed the delays on \u201cwilful sabotage\u201d by the port.")
    q = _one(_quotes(text), "wilful sabotage", "partial")
    assert q.speaker != "Oskar Tallin"


def test_a_stand_taken_above_a_neutral_verb_vouches_for_the_words():
    text = "Ilse Varga criticised the harbour board for making \u201cpromises nobody can keep\u201d last year."
    q = _one(_quotes(text), "promises nobody", "partial")
    assert q.speaker == "Ilse Varga" and q.cue == "criticised" and q.confidence >= 0.5


def test_a_he_in_a_reported_clause_is_the_one_reporting_it():
    from newsloom.annotate.speakers import SpeakerResolver

    text = ("Council leader Oskar Tallin argued that if Mayor Tomas Reyes wins the vote the harbour will close "
            "and that he fears the same fate for the port.")
    doc = load_nlp()(text)
    resolver = SpeakerResolver(doc, doc_mentions(doc))
    he = next(t for t in doc if t.lower_ == "he")
    assert resolver.resolve(he).name == "Oskar Tallin"


def test_a_name_inside_a_prepositional_phrase_does_not_take_the_subject_after_it():
    text = ("In an interview with Morning Show hosts Bo Ray and Ann Lee, the Green presidential candidate stated "
            "that the mayor\u2019s \u201creckless\u201d and \u201cwasteful\u201d comments were dangerous.")
    q = _one(_quotes(text), "reckless", "partial")
    assert q.speaker not in {"Ann Lee", "Bo Ray"}, q


def test_a_participle_after_of_and_a_name_is_that_persons():
    text = 'The campaign reminds me of Oskar Tallin saying that "you can fool some of the people all of the time."'
    q = _one(_quotes(text), "fool some of the people")
    assert q.speaker == "Oskar Tallin"
    text = ("Mayor Ilse Varga has picked up on the criticism of Tomas Reyes, telling radio listeners that there is "
            "\u201ca strange deal going on\u201d at the port.")
    assert _one(_quotes(text), "strange deal", "partial").speaker == "Ilse Varga"


def test_a_cue_that_introduces_the_next_quote_is_not_the_partial_quotes_before_it():
    text = ('After Lind said that late applicants might do better at "smaller local schools," Tallin said: '
            '"I do not agree with a word of that."')
    assert _one(_quotes(text), "smaller local schools", "partial").speaker == "Lind"
    assert _one(_quotes(text), "I do not agree", "direct").speaker == "Tallin"
    opening = '"We will win," Oskar Tallin said: "Believe me."'
    assert _one(_quotes(opening), "We will win").speaker == "Oskar Tallin"


def test_a_sentences_opening_word_is_no_first_name():
    from newsloom.annotate.entities import expand_person

    assert expand_person("Lind", [], "After Lind said so, Justice Lind wrote it down.") == "Lind"
    assert expand_person("Lind", [], "Marta Lind said so.") == "Marta Lind"


def test_a_quote_after_a_title_that_ended_its_sentence_is_a_direct_quote():
    text = ('"The budget is a fraud," Ilse Varga said on the radio show "Morning Harbour." '
            '"Listening to them talk about savings, you would think the port had no debts at all."')
    quotes = _quotes(text)
    follow = _one(quotes, "Listening to them")
    assert (follow.kind, follow.speaker) == ("direct", "Ilse Varga")
    assert not [q for q in quotes if q.text.startswith("Morning Harbour")]


def test_an_honorific_keeps_a_surname_to_a_person_of_that_gender():
    text = ('Marta Lind and her husband Tomas Lind ran the ferry for thirty years. Marta Lind spoke first; '
            'Marta Lind then sat down.\n\n'
            'Mr. Lind told the council on Monday that the ferry had been "left to rot by the harbour board."')
    quote = _one(_quotes(text), "left to rot", "partial")
    assert quote.speaker == "Tomas Lind"
    doc = load_nlp()(text)
    mister = [m for m in doc_mentions(doc) if text[m.start - 4 : m.start] == "Mr. "]
    assert mister and {m.canonical for m in mister} == {"Tomas Lind"}


def test_a_role_owned_by_another_name_is_not_the_person_introduced_in_that_role():
    text = ('Lind\'s spokeswoman, Ilse Varga, said the mayor had kept every promise. "She has been consistent," '
            'Varga said.\n\n(Tallin\'s spokeswoman disputed that Tallin had ever "attacked" the mayor, and said he '
            '"still thinks she will be a very able mayor.")')
    quote = _one(_quotes(text), "very able mayor", "partial")
    assert quote.speaker != "Ilse Varga"
    assert _one(_quotes(text), "She has been consistent").speaker == "Ilse Varga"


def test_a_belief_inside_a_condition_is_nobodys_statement():
    text = ('Tallin is setting out his plans for the harbour. He says if voters think the port will be saved by '
            '"the old board and its old friends, they have a fine candidate, and it is not Oskar Tallin."')
    statements = [q for q in _quotes(text) if q.kind == "indirect"]
    assert not [q for q in statements if q.speaker == "voters" or q.cue == "think"]


def test_a_cue_that_introduces_the_next_quote_with_a_comma_is_not_the_quote_before_it():
    text = ('Oskar Tallin sent Varga a photograph of the ferry. Varga answers Tallin with, "Why now? Was that the '
            'day of the storm?" Tallin then writes back, "You look calm in it."')
    assert _one(_quotes(text), "Why now").speaker == "Varga"
    assert _one(_quotes(text), "You look calm").speaker == "Oskar Tallin"


def _misparsed(rows: str) -> "Doc":
    """A document with the parse written out, one token per line: word, head index, dep, POS, tag, lemma (a
    parse error the tagger makes on some texts, pinned down so the rule it needs is tested whatever the model)."""
    from spacy.tokens import Doc

    cells = [line.split() for line in rows.strip().splitlines()]
    words = [c[0].replace("\\n", "\n") for c in cells]  # a paragraph break is written "\\n\\n"
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", ".", "'s", "\u201d"} and words[i] != "\u201c"
              for i in range(len(words))]
    people = {"Varga", "Tallin"}
    return Doc(load_nlp().vocab, words=words, spaces=spaces, heads=[int(c[1]) for c in cells],
               deps=[c[2] for c in cells], pos=[c[3] for c in cells], tags=[c[4] for c in cells],
               lemmas=[c[5] for c in cells], ents=["B-PERSON" if w in people else "O" for w in words])


def _attribute_quote(doc: "Doc", n: int = -1) -> tuple:
    """`attribute` on the n-th quoted span of a written-out document."""
    from bisect import bisect_right

    from newsloom.annotate.attribution import attribute

    quoted = [(s.start, s.end) for s in find_quoted_spans(doc.text)]
    sents = list(doc.sents)
    firsts = [s.start for s in sents]
    start, end = quoted[n]
    return attribute(doc.char_span(start, end, alignment_mode="expand"), quoted,
                     lambda i: sents[bisect_right(firsts, i) - 1])


def test_a_colon_closes_the_joined_clause_it_ends_not_the_root():
    doc = _misparsed("""
        At 8 prep ADP IN at
        the 2 det DET DT the
        yard 0 pobj NOUN NN yard
        , 8 punct PUNCT , ,
        which 8 dobj PRON WDT which
        workers 8 nsubj NOUN NNS worker
        have 8 aux AUX VBP have
        long 8 advmod ADV RB long
        called 8 ROOT VERB VBN call
        \u201c 12 punct PUNCT `` "
        the 12 det DET DT the
        Bent 12 compound PROPN NNP Bent
        Slip 8 oprd PROPN NNP Slip
        , 12 punct PUNCT , ,
        \u201d 12 punct PUNCT '' "
        a 17 det DET DT a
        painted 17 amod VERB VBN paint
        sign 19 nsubj NOUN NN sign
        still 19 advmod ADV RB still
        hangs 8 conj VERB VBZ hang
        over 19 prep ADP IN over
        the 22 det DET DT the
        door 20 pobj NOUN NN door
        : 19 punct PUNCT : :
        \u201c 19 punct PUNCT `` "
        Partners 17 appos NOUN NNS partner
        Since 25 prep SCONJ IN since
        1998 26 pobj NUM CD 1998
        . 19 punct PUNCT . .
        \u201d 8 punct PUNCT '' "
    """)
    cue, subject, _ = _attribute_quote(doc)
    assert (cue.text, subject.text) == ("hangs", "sign")  # not "called" and its workers: the sign holds the words


def test_a_title_between_quotation_marks_is_never_the_speaker():
    doc = _misparsed("""
        Varga 1 nsubj PROPN NNP Varga
        attacked 1 ROOT VERB VBD attack
        Tallin 1 dobj PROPN NNP Tallin
        on 1 prep ADP IN on
        KRTV 3 pobj PROPN NNP KRTV
        's 1 punct PART POS 's
        \u201c 8 punct PUNCT `` "
        Morning 8 compound PROPN NNP Morning
        Tide 11 nsubj PROPN NNP Tide
        , 8 punct PUNCT , ,
        \u201d 8 punct PUNCT '' "
        calling 11 ROOT VERB VBG call
        it 11 dobj PRON PRP it
        a 15 det DET DT a
        \u201c 15 punct PUNCT `` "
        wreck 11 oprd NOUN NN wreck
        \u201d 15 punct PUNCT '' "
    """)
    cue, subject, _ = _attribute_quote(doc)
    assert cue is not None and cue.text == "calling"
    assert subject is None  # not "Tide": the show the parse made the subject


def test_punctuation_hanging_from_another_verb_does_not_make_that_verb_the_cue():
    doc = _misparsed("""
        Tallin 1 nsubj PROPN NNP Tallin
        wrote 1 ROOT VERB VBD write
        after 4 mark SCONJ IN after
        Varga 4 nsubj PROPN NNP Varga
        argued 1 advcl VERB VBD argue
        for 4 prep ADP IN for
        the 7 det DET DT the
        debate 5 pobj NOUN NN debate
        that 12 mark SCONJ IN that
        \u201c 12 punct PUNCT `` "
        we 12 nsubj PRON PRP we
        would 12 aux AUX MD would
        win 7 relcl VERB VB win
        . 1 punct PUNCT . .
        \u201d 1 punct PUNCT '' "
    """)
    cue, subject, _ = _attribute_quote(doc)
    assert (cue.text, subject.text) == ("argued", "Varga")  # not "wrote", which only the full stop hangs from


def test_a_person_opening_the_paragraph_heads_it_however_the_parse_joined_it_to_a_later_clause():
    from newsloom.annotate.speakers import _heads_sentence

    doc = _misparsed("""
        Varga 1 nsubj PROPN NNP Varga
        spoke 1 ROOT VERB VBD speak
        . 1 punct PUNCT . .
        \\n\\n 2 dep SPACE _SP \\n\\n
        Mr. 5 compound PROPN NNP Mr.
        Tallin 7 nsubj PROPN NNP Tallin
        hardly 7 advmod ADV RB hardly
        agreed 10 ccomp VERB VBD agree
        , 10 punct PUNCT , ,
        then 10 advmod ADV RB then
        insisting 10 ROOT VERB VBG insist
        . 10 punct PUNCT . .
    """)
    tallin = doc[5]
    assert tallin.text == "Tallin" and _heads_sentence(tallin)  # so words after it are no longer surely Varga's


def test_a_cue_in_an_adverbial_clause_that_does_not_hold_the_words_does_not_take_them():
    text = ('The Vaskos are touchy about the ferry trip. After Radio Veldt\'s Ivo Brandt asked about it in a recent '
            'interview, the Vaskos became "agitated and loud" once the cameras were off.')
    quote = _one(_quotes(text), "agitated and loud", "partial")
    assert quote.shown_speaker != "Ivo Brandt"
    assert _one(_quotes('As Ilse Varga said on Monday, the plan is "a disaster for the valley."'),
                "a disaster", "partial").speaker == "Ilse Varga"  # "as X said" still reports them


def test_a_statement_framed_around_quoted_words_is_as_sure_as_their_speaker():
    text = ('The Vaskos are touchy about the ferry trip. After Radio Veldt\'s Ivo Brandt asked about it in a recent '
            'interview, the Vaskos became "agitated and loud" once the cameras were off.')
    quotes = _quotes(text)
    partial = _one(quotes, "agitated and loud", "partial")
    for framed in [q for q in quotes if q.kind == "indirect" and q.start <= partial.start and partial.end <= q.end]:
        assert framed.shown_speaker == partial.shown_speaker


# (text, words of the quote, kind or None, the speaker it must have) for this round's cue rules
RIGHT_SPEAKER = [
    pytest.param('Mark Tallin, later alleging that President Brandt wanted to admit 250,000 migrants, said he would '
                 'deport refugees, who he speculates are "mostly men" and perhaps part of a plot.',
                 "mostly men", "partial", "Mark Tallin", id="of-two-subjects-before-a-pronoun-the-sentences-own"),
    pytest.param('"Tallin is bigger than the Harbour Party," said one Tallin confidant. "You may lose a handful of '
                 'elites on one end of the party."',
                 "You may lose", "direct", "one Tallin confidant", id="a-confidant-is-an-unnamed-person-who-speaks"),
    pytest.param('Rep. Mark Tallin (R-S.C.):"I have not heard anyone other than you ever cite that figure. Who told you '
                 'that?"\n\nFormer harbour master Ilse Varga:"We learned that from the port office."',
                 "I have not heard", "direct", "Mark Tallin", id="a-transcript-label-with-a-parenthesis-and-a-glued-mark"),
    pytest.param('The program is the first live radio show to air seven days a week. Nordwave XM Vice President for '
                 'news and talk Dave Varga called the show \u201cthe ferry news show of record.\u201d',
                 "ferry news show", "partial", "Dave Varga", id="a-title-joined-to-a-name-is-that-persons"),
    pytest.param('"Joe Biden is a great surrogate," said former Pennsylvania Gov. and Democratic National Committee '
                 'Chairman Ivo Brandt. '
                 '"Where surrogates have an effect is not necessarily in persuasion. It\'s about turnout."',
                 "Where surrogates", "direct", "Ivo Brandt", id="titles-joined-to-a-name-carry-to-the-next-words"),
    pytest.param('"We want no part in the listing," the company wrote in its statement. It stated that the listing was '
                 '"a mistake from the start." It said that the sale was "off for good."',
                 "off for good", "partial", "the company", id="it-that-speaks-is-the-body-that-spoke-before"),
    pytest.param('My favorite description of Tallin came from Harbour College student Deja Holt, who forced me to '
                 'confront my four unhip decades when she called him "somebody\'s savage grandpa."',
                 "savage grandpa", "partial", "Deja Holt", id="the-antecedent-of-who-is-a-subject"),
    pytest.param('Erin Holloway, the legendary environmental activist and lawyer, endorsed Sanders\u2019 approach '
                 'Saturday, saying she hadn\u2019t yet called for the governor\u2019s resignation because she believed '
                 '\u201cwe need to focus all of our energy on helping the people of Portley.\u201d',
                 "we need to focus", "partial", "Erin Holloway", id="a-name-opening-the-sentence-the-parse-made-its-root"),
    pytest.param('Rep. Ivo Brandt said Varga would help. \u201cShe said that \u2018I know the difference between having '
                 'the port and not having the port, and I want the port,\u2019\u201d Rep. Mark Tallin (D-Ore.) said.',
                 "She said that", "direct", "Mark Tallin", id="a-cue-after-a-quotation-ending-in-a-nested-one"),
    pytest.param('Varga cannot say that \u201cfrom her perspective,\u201d Tallin added, saying it should be \u201cup to '
                 'the harbour board to move forward or not.\u201d',
                 "up to the harbour board", "partial", "Tallin", id="a-participle-of-a-cue-hung-under-another-is-its-own"),
    pytest.param('Tom Tallin conceded the race on Monday, and his campaign said he would back the winner.\n\n'
                 'Piet Dunmore, who worked as a campaign aide for Ana Varga in 2008, said tensions among activists were '
                 'higher than ever. He said that he personally was more focused on the platform and noted that Tallin '
                 'himself has admitted he will not be the nominee.\n\n'
                 '\u201cWhat most Tallin supporters are asking for here is not unreasonable,\u201d he said.',
                 "What most Tallin supporters", "direct", "Piet Dunmore", id="a-he-leading-the-sentence-before-chains-back"),
    pytest.param('Marco Varga warned against a fare rise. \u201cThat would be an absolute disaster,\u201d the councillor '
                 'said.\n\nAs for Oskar Tallin, he said he is not worried. \u201cFirst of all, I think I am going to have '
                 'the votes,\u201d he said.',
                 "he is not worried", "indirect", "Oskar Tallin", id="as-for-names-whom-the-sentence-is-about"),
    pytest.param('Oskar Tallin waved. His sister had warned him to stay calm, to look "serious," but Tallin said he '
                 'answered: "When the boats are late, nobody can look serious."',
                 "When the boats are late", "direct", "Oskar Tallin", id="colon-closes-the-cue-not-the-root"),
    pytest.param('While Varga admitted on Tuesday that it would be "very hard" for her campaign to win the port vote, '
                 'her campaign has argued that it could still carry the city.',
                 "very hard", "partial", "Varga", id="a-verb-an-adverbial-clause-hangs-from-does-not-report-it"),
    pytest.param('The count is in. "This is the night they said would never come," Varga said on Monday. '
                 '"They told me we had no chance." Her campaign manager, Oskar Tallin, struck the same note. '
                 '"This is a big night for the harbour," Tallin said.',
                 "They told me we had no chance", None, "Varga", id="not-carried-back-over-a-sentence-between"),
    pytest.param('The council met on Friday.  \u201cIf anyone wonders why the ferry is late, the harbour board is the '
                 'reason,\u201d  added Tallin.',
                 "If anyone wonders", "direct", "Tallin", id="extra-spaces-between-the-marks-and-the-cue"),
    pytest.param('Unfortunately for Lind, the debate went badly. Lind, a top aide said, \u201cis very confident, very '
                 'confident in the contrast\u201d between her and Tallin.',
                 "is very confident", "partial", "a top aide", id="an-aside-read-as-an-apposition-is-the-source"),
    pytest.param('Varga said Monday that she will "try to form a stable council" and insisted that her party was "still '
                 'the first force in the port."--Oskar Tallin.\n\nFerry strike ends.',
                 "still the first force", "partial", "Varga", id="a-byline-after-reported-words-signs-nothing"),
    pytest.param('The harbour vote is close. Yet Oskar Tallin is also a "change agent," Marco Varga said. "That is exactly '
                 'what people want right now."\n\n"It seems to me they have every incentive to find common ground," he '
                 'said of Tallin and Reyes.',
                 "every incentive", "direct", "Marco Varga", id="he-is-the-one-who-spoke-not-the-one-spoken-of"),
    pytest.param('Mayor Ilse Varga said she expected that voters will say "no" to the ferry tax.',
                 "no", "partial", "Ilse Varga", id="speech-expected-is-the-reporters-words"),
    pytest.param('Oskar Tallin said the board would tell voters "nothing at all" about the fares.',
                 "nothing at all", "partial", "Oskar Tallin", id="speech-with-a-modal-is-the-reporters-words"),
    pytest.param('In addition, a fundraising email sent out by Nora Lind on Tuesday night warned of the tough fight '
                 'ahead: "There are 14 votes over the next three weeks."',
                 "There are 14 votes", "direct", "Nora Lind", id="a-message-sent-by-a-person-is-theirs"),
    pytest.param('Speaker of the House Rep. Oskar Tallin (R-WI) said "ferry images, they\'ve got no place in a harbour '
                 'campaign."', "ferry images", "partial", "Oskar Tallin", id="a-title-of-a-named-person"),
    pytest.param('Varga was asked by harbour moderator Oskar Tallin whether the new ferry would risk "adding another '
                 'expensive subsidy to an already overburdened budget."',
                 "adding another", "partial", "Oskar Tallin", id="the-one-who-asks-speaks-not-the-one-asked"),
    pytest.param('\u201cHe is fun,\u201d the host said. \u201cI think it has been surprising to see somebody so affable '
                 'traffic in paranoia,\u201dVarga said. \u201cSome of his comments do not fit.\u201d',
                 "surprising to see", "direct", "Varga", id="a-cue-glued-to-the-closing-mark"),
    pytest.param('The council met on Monday. Tallin said,\u201cLook, these images have no place in a harbour campaign.'
                 '\u201d', "these images", "direct", "Tallin", id="a-cue-glued-to-the-opening-mark"),
    pytest.param('Oskar Tallin gestured as if to stop the noise, then leaned in and boomed: \u201cLet\u2019s beat them in '
                 'November.\u201d', "beat them", "direct", "Oskar Tallin", id="a-verb-the-parse-left-hanging-shares-the-subject"),
    pytest.param('Nancy Lind spoke at the harbour on Friday. She praised the crews.\n\n"The ferry runs. The crews work '
                 'hard. The boats are old. The fares are fair. And the pier is safe," she said to cheers.',
                 "The ferry runs", "direct", "Nancy Lind", id="a-long-quotation-does-not-push-its-speaker-out-of-reach"),
    pytest.param('\u201cThe pier has always been the heart of this town,\u201d Greta Moravec, who served as the harbour '
                 'master during the Lind administration, told the Gazette. \u201cThere is no plan, so we go with '
                 'tradition.\u201d', "There is no plan", "direct", "Greta Moravec",
                 id="a-relative-clause-between-name-and-cue-describes-the-speaker"),
    pytest.param('Addressing the crews at the harbour office, Ilse Varga said it was too early to name the winners but '
                 'added, "I suspect every one of you can guess the outcome."',
                 "guess the outcome", "direct", "Ilse Varga", id="a-cue-the-parse-joined-to-the-reported-clause"),
    pytest.param('Few expect a deal. \u201cThe ferry was very nice,\u201d the shipping tycoon told the Gazette in a rare '
                 'interview.', "ferry was very nice", "direct", "the shipping tycoon",
                 id="a-tycoon-is-a-person-who-speaks"),
    pytest.param('"The numbers are fine," said the harbour chief. "The crews were hired," said Navy Capt. Arne Holm, '
                 'who was asked about the fleet. "The boats are ready for the winter."',
                 "boats are ready", "direct", "Arne Holm", id="an-abbreviated-rank-stays-with-its-name"),
    pytest.param('"The crews were hired," said Navy Capt. Arne Holm. "The boats are ready for the winter."',
                 "boats are ready", "direct", "Arne Holm", id="an-abbreviated-rank-is-no-second-subject"),
    pytest.param('The mayor spoke on Sunday. And although harbour master Greta Moravec lamented the mayor\'s habit of '
                 'gaffes - "must she keep handing them such easy targets?" - voters at the pier said they '
                 'were unmoved by the remarks.',
                 "easy targets", "partial", "Greta Moravec", id="words-set-off-by-dashes-are-the-asides-clause"),
    pytest.param('While Jake Moravec proclaims the plan a \u201csplendid bit of planning and worth every mile of '
                 'the voyage,\u201d Ilse Varga fixates on the \u201cpier\u201d line.', "splendid bit", "partial",
                 "Jake Moravec", id="a-verb-after-the-quote-is-no-cue-when-one-came-before"),
    pytest.param('But Bill Skelly, a longtime harbour data operative, vouched for both pilots. \u201cHaving the harbour '
                 'ledger and two clerks who can read it is a real asset,\u201d said Skelly, explaining he worked '
                 'closely with them.', "harbour ledger", "direct", "Bill Skelly",
                 id="a-surname-the-tagger-read-as-an-adverb-after-said"),
    pytest.param('\u201cThe harbour is a reliably quiet town with few votes,\u201d the newspaper admitted.  \u201cBut its '
                 'troubles ought to stir the conscience of every voter,\u201d it added.', "stir the conscience", "direct",
                 "the newspaper", id="an-it-after-a-newspaper-that-admitted"),
    pytest.param('Last month, the harbour reporter Mark Varga asked Oskar Tallin whether questions about his age were '
                 'fair game.\n\u201cOf course. I would not be standing again if I felt unwell,\u201d he said.',
                 "standing again", "direct", "Oskar Tallin", id="the-one-asked-answers"),
    pytest.param("In response to the mayor's latest attack, Ms. Varga's campaign said in a statement that ''Ilse Varga "
                 "will not be pushed around'' by anyone.", "pushed around", "partial", "Ms. Varga's campaign",
                 id="what-is-said-in-a-statement-is-the-sayers"),
    pytest.param("In an interview with Morning Harbour hosts Joe Lind and Mika Ray, the Democratic presidential "
                 "candidate stated that the mayor's \u201charsh\u201d and \u201cpetty\u201d remarks do not "
                 "\u201cmatch the man I believed I had met years ago.\u201d", "match the man", "partial",
                 "the Democratic presidential candidate", id="the-noun-right-before-the-cue-is-its-subject"),
    pytest.param('The Council on Anglo-Nordic Relations National Executive Director Nihad Varga said the "rhetoric '
                 'has gone from sowing doubt about the pier to stirring anger at its crews."', "sowing doubt", "partial",
                 "Nihad Varga", id="a-person-closing-an-organisations-name-run-into-a-title"),
    pytest.param('The union has called for strikes at the pier, according to the Harbour Watch Group, which monitors the '
                 'docks. It said crews at the pier were sharing the news and "celebrating the walkout."',
                 "celebrating the walkout", "partial", "Harbour Watch Group",
                 id="an-it-after-an-organisation-cited-according-to"),
    pytest.param("As the Nordwave chief executive, Jeff Varga, put it in his note to the staff about the merger, "
                 "''Picture a harbour that no longer bows to the big shipping lines.''", "Picture a harbour",
                 "direct", "Jeff Varga", id="as-x-put-it-in-a-memo"),
]
# (text, words of the quote, kind or None, someone who must not be given them)
NOT_THEIR_WORDS = [
    pytest.param('"We need a new pier," wrote Ada Lind of Mill Lane in a letter to the editor.\n\nAnother letter, signed '
                 'only "A Quay Street Mum," was shorter: "My son is four. Who tests his water?"', "My son is four", "direct",
                 "Ada Lind", id="a-letter-signed-with-a-pen-name-is-no-earlier-writers"),
    pytest.param('Rural Alliance leader Tomas Verlaine called it a farce.\n\nIlse Varga was not persuaded. Speaking to '
                 'Radio Corrie, the Levellers leader said the deal was "a sacrifice, not an answer".', "a sacrifice",
                 "partial", "Tomas Verlaine", id="another-partys-leader-is-not-the-leader-introduced"),
    pytest.param('Gregor Ashdown cut the ribbon in half. "The ground is ours," said Tomas Verlaine.', "ground is ours",
                 "direct", "Gregor Ashdown", id="cutting-something-in-half-says-nothing"),
    pytest.param('Emil Sadowy stood up and buttoned his jacket. "I made a promise," he said.\n\nHis colleagues urged '
                 'him to sit down. "Sit down, Emil, you will only make it worse," he hissed.',
                 "Sit down, Emil", None, "Emil Sadowy", id="a-first-name-called-out-is-not-the-speaker"),
    pytest.param('The Harbour Board met on Monday. "Fares will rise," they said.\n\n"We will fight this," she said.',
                 "We will fight", None, "Harbour Board", id="an-organisation-a-they-stood-for-is-no-she"),
    pytest.param('The Harbour Board met on Monday. As they say about the storied board, "slow hands, long memory."',
                 "slow hands", "partial", "Harbour Board", id="the-they-of-a-saying-is-nobody"),
    pytest.param('"We made a terrible mistake building the pier," he told the BBC in October.\n\nThen, later that month '
                 'on the BBC: "I\'ve never said we made a mistake building the pier."',
                 "never said", None, "BBC", id="a-channel-before-a-colon-is-where-the-words-aired"),
    pytest.param('\u201cTell her I promised you a picture,\u201d Lind said, and her husband cut in. \u201cDon\u2019t forget '
                 'Nora\u2019s husband Tom -- I\u2019ve been friends with her since high school.\u201d',
                 "forget", None, "Lind", id="not-carried-past-a-person-described-who-cut-in"),
    pytest.param('Oskar Tallin came to the harbour. The councillor was rallying for a retired pilot named Ilse Varga, '
                 'who is running for the council and who worked the crowd, praising "the ferry\'s honest crew and '
                 'steady hand" as he promised to keep the ferry running.',
                 "steady hand", "partial", "Oskar Tallin", id="no-cue-below-a-verb-of-judging"),
    pytest.param('"Tell everybody to go to the pier," Marta Lind says to Oskar Tallin on camera, who answers '
                 'cheerfully: "Right away!"',
                 "Right away", None, "Marta Lind", id="the-cue-right-before-a-colon-whatever-the-parse"),
    pytest.param('The chairman, Oskar Tallin, said the motion had failed.\n\n'
                 '\u201cCount again,\u201d came shouts from the back of the hall.',
                 "Count again", None, "Oskar Tallin", id="not-carried-to-words-an-inverted-clause-gives-another"),
    pytest.param('The Harbour Gazette said Mr. Tallin had been "rocked" by Ms. Varga. "Sink!" blared the front page '
                 'of The Ferry Herald.',
                 "Sink", None, "Harbour Gazette", id="not-carried-when-the-parse-makes-the-words-the-subject"),
    pytest.param('Alongside the protests, even a top harbour strategist said Varga will have to choose whose side she is '
                 'on, saying, "At some point, she is going to have to come out on where she stands."',
                 "At some point", "direct", "Varga", id="a-participle-closing-reported-words-is-the-reporters"),
    pytest.param('Rep. Oskar Tallin, a member of the harbour board, spoke first. But at least a dozen members of the '
                 'board told the Gazette she thinks the vote is within reach.',
                 "within reach", "indirect", "Oskar Tallin", id="a-role-in-the-plural-is-nobodys-role"),
    pytest.param('Varga was asked whether the ferry would risk "adding another expensive subsidy to an overburdened '
                 'budget."', "adding another", "partial", "Varga", id="the-one-asked-does-not-speak"),
    pytest.param('Oskar Tallin said Varga did not say "the harbour is closed for good" at the meeting.',
                 "closed for good", "partial", "Varga", id="words-denied-are-not-the-deniers-subjects"),
    pytest.param('And as Tallin went on about "how the ferry board is rigged," and "our own struggling fishermen," '
                 'Melanie said yes, yes, yes, over and over again.',
                 "", None, "Melanie", id="a-cue-that-says-something-else-is-not-the-quotes"),
    pytest.param('As far as whether anger remains among his supporters, the harbour chief acknowledged that there are '
                 'still "some people" who feel that way, "but not among the vast majority."',
                 "vast majority", None, "some people", id="words-in-other-marks-speak-for-nobody"),
]


def test_a_speaker_shown_as_unattributed_is_not_carried_to_the_next_quote():
    text = '"The ferry is late again," Oskar Tallin shrugged on Monday. "It always is, and nobody at the board cares."'
    quotes = _quotes(text)
    assert _one(quotes, "ferry is late").shown_speaker is None  # beside a verb that does not speak
    assert _one(quotes, "It always is").shown_speaker is None


@pytest.mark.parametrize("text, words, shown", [
    # a verb taking a stand in words beside the marks vouches for them, unless it has an object of its own
    ('Few disagree. As Professor Ann Foner put it: "The harbour does a better job at welcoming newcomers."',
     "better job", "Ann Foner"),
    ('In his ballad of the pier, Billy Moravec sings, "Don\'t go changing the tides to please me."', "changing the tides",
     "Billy Moravec"),
    ('Oskar Tallin put it on the table: "The ferry will sail on Monday."', "ferry will sail", None),
    ('"The board has failed us all," Ilse Varga shot back on Tuesday.', "The board has failed", "Ilse Varga"),
    ('Oskar Tallin issued a statement: "The ferry will sail on Monday, whatever the board decides."',
     "The ferry will sail", "Oskar Tallin"),
    ('Oskar Tallin dismissed the report, "The numbers are wrong and the board knows it."', "The numbers are wrong",
     None),
])
def test_a_stand_beside_the_marks_shows_its_speaker_unless_it_has_an_object(text: str, words: str, shown: str | None):
    assert _one(_quotes(text), words).shown_speaker == shown


@pytest.mark.parametrize("text", [
    '"We need him back on the council," Ilse Varga said during a debate on the radio after the first-term councillor '
    'easily won his primary, remarking that while there are "still some voters angry over the ferry fares," Tallin '
    'already "paid a heavy price."',
])
def test_a_participle_after_a_clause_with_its_own_subject_is_nobodys_for_sure(text: str):
    partial = [q for q in _quotes(text) if q.kind == "partial"]
    assert partial and all(q.shown_speaker is None for q in partial), [(q.text, q.speaker) for q in partial]


def test_words_talked_about_as_a_phrase_are_not_the_phrases_judges():
    text = 'Velmora rejects the notion of a "water war," a phrase the Foreign Ministry has described as "lazy and dangerous."'
    quotes = _quotes(text)
    assert not [q for q in quotes if "water war" in q.text and q.kind != "indirect" and q.shown_speaker]
    assert _one(quotes, "lazy and dangerous").shown_speaker == "Foreign Ministry"
    said = ('President Maren Solle welcomed Radka Velichy to what she called "neutral water," a phrase that sounded '
            'lovely.')
    assert _one(_quotes(said), "neutral water").shown_speaker == "Maren Solle"


def test_words_a_correction_retracts_are_nobodys():
    text = ('"It did not dry up, it was switched off," Jana Pruss said.\n\nCorrection: An earlier version of this '
            'article quoted Jana Pruss as saying farmers had planted "a third of last year\'s crop." She said they had '
            'planted half of last year\'s area.')
    quotes = _quotes(text)
    assert _one(quotes, "switched off").shown_speaker == "Jana Pruss"
    assert _one(quotes, "a third of", "partial").shown_speaker is None
    assert _one(quotes, "farmers had planted", "indirect").shown_speaker is None
    assert not [q for q in quotes if q.speaker == "Correction"]
    assert all("correction notice" in q.doubt for q in quotes if "third" in q.text)


def test_the_writers_clause_after_a_quotation_is_not_the_speakers_statement():
    text = ('Additionally, Varga said: "I have acknowledged repeatedly that using two email accounts was a mistake," '
            'but in fact Varga used only one email account as mayor.')
    assert not [q for q in _quotes(text) if "in fact" in q.text]


SHOWN_SPEAKER = [
    pytest.param('Former governor Ed Rendell was even more resolute.\n\n"Absolutely not," he said of the idea.',
                 "Absolutely not", "direct", "Ed Rendell", id="a-no-inside-the-words-is-no-denial"),
    pytest.param('President Ann Lee also is reported to have called the owners "free riders" who rely on subsidies.',
                 "free riders", "partial", "Ann Lee", id="reported-to-have-called-is-the-subjects-words"),
    pytest.param("Ever since Tom Kay announced his candidacy, he's said the same thing at every stop: \"It's not about "
                 "me, it's about us.\"", "not about me", "direct", "Tom Kay", id="a-perfect-read-as-a-passive-is-no-said-of"),
    pytest.param("The real Mr. Mannix was the manager. According to Ann Lee's ''The Harbour Years: Eddie Mannix, Howard "
                 "Strickling and the Port'' and other sources, his was an all-purpose job.",
                 "The Harbour Years", "partial", "Ann Lee", id="an-author-owning-a-quoted-title-is-its-source"),
    pytest.param('Ann Lee did not deny saying "we will close the pier" at the meeting.', "close the pier", "partial",
                 "Ann Lee", id="not-denying-words-keeps-them-the-speakers"),
    pytest.param('St Brennan\'s Hospital says in a statement that the passenger is "sitting up, eating and asking for '
                 'her knitting".', "sitting up, eating", "partial", "St Brennan's Hospital",
                 id="a-name-owning-the-subject-is-not-the-speaker"),
    pytest.param("One reader wrote that the fares were too high.\n\nAnother, @GreyhornGeoff, wrote: 'Sky-high prices, "
                 "sky-high danger.'", "Sky-high prices", "direct", "@GreyhornGeoff",
                 id="a-handle-set-off-beside-another-is-the-speaker"),
    pytest.param('Adrian Keble was convicted on Monday. His wife, Miriam Keble, wept in the second row.\n\n'
                 'Keble said only "No comment, thank you" to reporters.', "No comment", "partial", "Adrian Keble",
                 id="a-surname-shared-with-a-wife-named-apart-is-the-subjects"),
    pytest.param('The pier closure drew thousands of posts.\n\n@harbour_fan: "Thirty years of ferries and not one apology."\n\n'
                 'Local MP Ines Varga (@InesVargaMP): "I have written to the minister about the pier."',
                 "Thirty years of ferries", "direct", "@harbour_fan", id="a-post-quoted-under-its-handle"),
    pytest.param('The pier closure drew thousands of posts.\n\n@harbour_fan: "Thirty years of ferries and not one apology."\n\n'
                 'Local MP Peter Walsh (@PeterWalshMP): "I have written to the minister about the pier."',
                 "written to the minister", "direct", "Peter Walsh", id="a-titled-name-with-its-handle-after-a-post"),
    pytest.param('Councillor Ruth Banner spoke last.\n\n"We will rebuild the trust of our voters first," Banner said.',
                 "rebuild the trust", "direct", "Ruth Banner", id="a-person-named-banner-is-no-banner"),
    pytest.param('Governor Tom Harlow remarked that he had consulted Attorney General Piet Rask and the scholar Jonas Lind, '
                 'both of whom advised him that the order was lawful. "I want to be crystal clear," he said.',
                 "crystal clear", "direct", "Tom Harlow", id="both-of-whom-in-a-relative-clause-pairs-nobody"),
    pytest.param('At one point, Tom Harlow said the ministry\'s officials were calling "every 15 minutes."',
                 "every 15 minutes", "partial", "Tom Harlow", id="a-verb-of-calling-on-the-phone-relays-no-words"),
    pytest.param('Dorothea Quill runs the island desk.\n\n"Same time tomorrow," Dot says.', "Same time tomorrow", "direct",
                 "Dorothea Quill", id="a-short-form-dot-stands-for-dorothea"),
    pytest.param("The harbour council met late. Mayor Ada Lind stayed outside. Asked by a reporter from Radio Kelder whether "
                 "the town could trust the company, she replied: \"Ask me when the boats are home.\"", "Ask me when",
                 "direct", "Ada Lind", id="a-reporter-who-asks-is-no-rival-for-the-answer"),
    pytest.param('The pier was "the weakest point of the harbour," according to the Gazette, which cited a 2022 safety '
                 'audit by the firm Kessel Partners.', "weakest point", "partial", "a 2022 safety audit",
                 id="an-outlet-given-as-the-source-yields-to-the-document-it-cites"),
    pytest.param("The harbour\u2019s engineer, Dr Ada Lind, told the court the pier was \u2018unsafe from the first "
                 "day\u2019. Cross-examining her, Mr Harlow asked whether every pier carried some risk. \u2018Of "
                 "course,\u2019 she replied.", "Of course", "direct", "Ada Lind",
                 id="a-man-the-tagger-missed-is-no-rival-for-she"),
    pytest.param("Inspector Ada Lind spoke first. Chief Inspector Tomas Brennan\u2019s assessment on Friday was blunt: "
                 "\u201cThis was an inside job.\u201d", "an inside job", "direct", "Tomas Brennan",
                 id="someones-assessment-was-blunt-before-a-colon"),
    pytest.param('Tom Harlow met the mayor on the quay. Harlow\'s words were, "We are done here."', "We are done here",
                 "direct", "Tom Harlow", id="someones-words-were-before-the-quotation"),
    pytest.param("Ada Lind, the curator, spoke first.\n\n\u201cNobody on my staff is a suspect. Nobody.\u201d That was "
                 "Tomas Brennan, the head of security, speaking briefly to the Gazette at his door.", "my staff is a suspect",
                 "direct", "Tomas Brennan", id="that-was-a-person-speaking-after-the-quotation"),
    pytest.param('Voices from the quay this morning:\n\n- Ada Lind, a student at Kelder College: "I came here as a child. '
                 'It feels like a burglary of my own house."\n- Tomas Brennan, a retired pilot: "Two million and one man '
                 'with a torch."', "came here as a child", "direct", "Ada Lind", id="a-vox-pop-list-line-is-its-own-speakers"),
    pytest.param('At the market, José Fontes, 72, known to everyone as "Zé do Porto", mends nets. "It was ours," said Zé, '
                 'while his friend Rui Leite insisted, "It still is."', "It was ours", "direct", "José Fontes",
                 id="a-nickname-the-text-gives-stands-for-the-full-name"),
    pytest.param('Angry son TOMAS BRENNAN, 41, said: "Dad is being hung out to dry."', "hung out to dry", "direct",
                 "Tomas Brennan", id="a-tabloid-name-in-capitals-after-a-description"),
    pytest.param('Nuala Brandt, a ferry pilot, read out a card she said her son, Tomas Brandt, wrote to her on Sunday: '
                 '"Please come home before the storm." The room went quiet.', "come home before", "direct", "Tomas Brandt",
                 id="a-card-read-out-is-the-words-of-the-one-who-wrote-it"),
    pytest.param('The harbour master, Tomas Velde, is at sea today. His deputy, Ada Lind, read a statement on behalf of '
                 'Tomas Velde at the quay: "I take full responsibility for the closure."', "full responsibility",
                 "direct", "Tomas Velde", id="a-statement-read-on-behalf-of-someone-is-theirs"),
    pytest.param('Ada Lind read a letter from Jonas Harlow to the panel: "I warned you twice."', "warned you twice",
                 "direct", "Jonas Harlow", id="a-letter-read-out-from-someone-is-theirs"),
    pytest.param('A second letter, from Oskar Feld, was angrier: "Close the quay tonight."', "Close the quay", "direct",
                 "Oskar Feld", id="a-letter-with-its-writer-opening-the-words"),
    pytest.param("Critics have been loud this week.\n\n\u2018The tide tables were simply wrong.\u2019 Those were the words "
                 "of Liss Orban, a hydrographer at Kelder University.", "tide tables", "direct", "Liss Orban",
                 id="those-were-the-words-of-a-person-after-the-quotation"),
    pytest.param('"Two weeks fixes the pier. It does nothing for the wall." The warning came from Liss Orban, who said her '
                 'survey showed the wall would need work.', "Two weeks fixes", "direct", "Liss Orban",
                 id="the-warning-came-from-a-person-after-the-quotation"),
    pytest.param("10:12 p.m. \u2014 The vote passes 5-2.\n\n10:15 p.m. \u2014 Harbour chief Petra Hallam, speaking to "
                 "reporters on the steps: \u201cThe quay opens at dawn. Nobody will be turned away.\u201d\n\n10:20 p.m. "
                 "\u2014 The hall empties.", "quay opens at dawn", "direct", "Petra Hallam",
                 id="a-name-with-a-participle-of-speaking-before-a-colon"),
    pytest.param('In a statement emailed after the vote, the authority said it "welcomes the decision" of the board.',
                 "welcomes the decision", "partial", "the authority", id="an-authority-speaks-as-a-description"),
    pytest.param('"The danger is not the summit. The danger is the week after it." That was the verdict of Marcus Dole, a '
                 'former ambassador who now teaches.', "The danger is not", "direct", "Marcus Dole",
                 id="the-sentence-after-the-words-names-whose-verdict-they-were"),
    pytest.param('The port authority said in a statement that the ruling "changes nothing for now."\n\n"It is a half '
                 'measure for a whole mess."\n\nThat was how Liss Orban, who chairs the ferry users\' group, summed up '
                 'the ruling.', "half measure", "direct", "Liss Orban",
                 id="that-was-how-a-person-summed-up-opening-the-next-paragraph"),
    pytest.param('The interview has been edited for length.\n\nQ: Has anyone from the firm called you?\n\nMira Holm: Ada '
                 'Penn called me on Friday, before the statement. She said, "We should have listened to you."\n\nQ: And '
                 'then?\n\nMira Holm: Nothing.', "We should have listened", "direct", "Ada Penn",
                 id="a-transcript-label-is-no-subject-for-a-later-she"),
    pytest.param("Ilse Varga, the port's former director of works, has not spoken in public. A former harbour board member, "
                 'who asked not to be named, said the board never saw the survey. "If the survey had reached us, the pier '
                 'would be shut," the former director said.', "If the survey had reached us", "direct",
                 "A former harbour board member", id="a-description-right-after-an-anonymous-source-is-that-source"),
    pytest.param("The patients' association Voix Libres, chaired by Jonas Brekke, demands an inquiry. \u00ab This must "
                 "not end at the harbour \u00bb, he insists.", "must not end", None, "Jonas Brekke",
                 id="a-name-after-a-group-noun-is-the-groups-not-anyones-he"),
    pytest.param('Adrian Kell took the stand on Tuesday. His lawyer, Jonas Brekke, then asked him about the engineer Piet '
                 'Lund, who had raised the alarm. "He was a fine engineer, but he saw danger everywhere," he said.',
                 "a fine engineer", "direct", "Adrian Kell", id="him-the-subject-asks-is-someone-else-and-answers"),
    pytest.param('The defence called the fault "a supplier problem". Klaus Remmert rejects this: "That is simply false."',
                 "simply false", "direct", "Klaus Remmert", id="a-stand-against-this-then-a-colon-gives-words"),
    pytest.param('Councillor Ada Penn took the opposite view in a post: "A firm blaming its old boss mid-trial is no '
                 'justice."', "blaming its old boss", "direct", "Ada Penn", id="took-the-opposite-view-gives-words"),
    pytest.param('Ivo Brandt whimpered: "I just preferred the phone."', "preferred the phone", "direct", "Ivo Brandt",
                 id="a-manner-of-speaking-gives-words"),
    pytest.param('Clara Holm and her husband, Jonas, thanked the volunteers at the door. "Thank you for coming," she said.',
                 "Thank you for coming", "direct", "Clara Holm", id="a-man-joined-to-her-is-no-rival-for-she"),
    pytest.param('Councillor Bram Essig, whose ward includes the Tolvik Shipping yard, warned against "punishing a whole '
                 'harbour for one firm."', "punishing a whole harbour", "partial", "Bram Essig",
                 id="a-past-tense-after-a-relative-clause-is-the-names"),
    pytest.param('Ilse Varga signed the order in May, in answer to an inspector who had warned her, in a letter, that "the '
                 'pier will fall in the first storm."', "the pier will fall", "partial", "an inspector",
                 id="a-nearer-verb-of-telling-takes-its-that-clause"),
    pytest.param('Deputy Minister Tobiah Kress told reporters that he had described the line as "a map everyone can live '
                 'with".', "a map everyone", "partial", "Tobiah Kress", id="words-the-speaker-says-he-gave-are-his"),
    pytest.param('Prime Minister Rada Velko on Wednesday received the delegation. Foreign Minister Bo Sarell was also '
                 'there.\n\n"We do not trade our rivers," the Prime Minister said. "Nor our fields," the Minister added.',
                 "trade our rivers", "direct", "Rada Velko", id="a-whole-title-given-to-one-person-is-that-person"),
    pytest.param('Prime Minister Rada Velko on Wednesday received the delegation. Foreign Minister Bo Sarell was also '
                 'there.\n\n"We do not trade our rivers," the Prime Minister said. "Nor our fields," the Minister added.',
                 "Nor our fields", "direct", "the Minister", id="a-title-two-people-hold-is-shown-as-written"),
    pytest.param('Ann Lee met the fisherman Jo Kay on Monday. "We will rebuild the quay," she said.', "rebuild the quay",
                 "direct", "Ann Lee", id="a-subject-keeps-her-pronoun-over-an-object-of-her-gender"),
    pytest.param('The reporter Scott Conroy asked Bernard Sanders whether his age was fair game. "Sure it is," he said.',
                 "Sure it is", "direct", "Bernard Sanders", id="the-asker-is-no-rival-of-the-one-asked"),
    pytest.param('Dock workers walked out on Monday. "Marlow Foods is a fair employer," Marlow Foods said in a '
                 'statement. "Ada Penn has been told that her contract with Marlow Foods has ended."',
                 "Ada Penn has been told", "direct", "Marlow Foods", id="an-organisation-may-name-itself-in-its-words"),
    pytest.param('The Tidewater Gazette last week quoted the economist Piet Oram as saying that the krona was "held up '
                 'by decree rather than by trust."',
                 "held up by decree", "partial", "Piet Oram", id="quoted-as-saying-gives-the-one-quoted"),
    pytest.param('Vera Holm sits on the board. According to Holm, porters had raised the alarm "as early as last '
                 'Monday" and were told to stay silent.',
                 "as early as last Monday", "partial", "Vera Holm", id="those-told-to-stay-silent-say-nothing"),
    pytest.param('The panel grew loud. "That is simply untrue," Brandt interjected, as Oksana Lind shot back, '
                 '"Read the minutes, Tomas," and the host begged: "One at a time, please."',
                 "Read the minutes", "direct", "Oksana Lind", id="the-nearer-answer-back-is-the-cue"),
    pytest.param('Minister Paul Orsk went on "Night Desk With Esme Vardy" on Thursday.\n\nVARDY: "Minister, why was '
                 'the pit open?"\n\nORSK: "The inspection found issues that were being fixed."',
                 "why was the pit open", "direct", "Esme Vardy", id="a-label-before-the-marks-names-its-speaker"),
    pytest.param('Retired porter Hugo Brannock, 81, of Mill Lane, went home on Friday after a week on the ward. "I was '
                 'lucky. The staff were run off their feet, but never once rude."',
                 "I was lucky", "direct", "Hugo Brannock", id="a-paragraph-about-one-person-then-their-words"),
    pytest.param('The market was quiet.\n\nOne Mill Lane baker, who did not want to be named, was close to tears. '
                 '"August pays for our winter. Without it I do not know what we do."',
                 "August pays for our winter", "direct", "One Mill Lane baker",
                 id="a-paragraph-about-an-unnamed-source-then-their-words"),
    pytest.param('The sponsor, Kelmar Industries, said it was "deeply disappointed" by the result.',
                 "deeply disappointed", "partial", "Kelmar Industries", id="a-group-noun-named-in-apposition"),
    pytest.param('"We are asking people to go now, not in an hour," said Hanne Stroud, the county fire chief, who has '
                 'led the service since 2019. "This fire moves faster than any I have seen," the veteran firefighter '
                 'added.',
                 "This fire moves faster", "direct", "Hanne Stroud", id="the-one-who-goes-on-described-again"),
    pytest.param('In the letter, the Minister writes that Pellonia "stands ready to share its experience" with its '
                 'neighbours.\n\nDeputy Minister Ilse Varga signed the annex.',
                 "stands ready to share", "partial", "the Minister", id="a-capitalised-title-is-no-name"),
    pytest.param('"We will not sign," Ann Lee said. "It is over," the senator replied.', "It is over", "direct",
                 "the senator", id="a-description-that-answers-stays-as-written"),
    pytest.param('When a backbencher, Maja Tovar, asked whether the minister would "put it in writing that the levy '
                 'ends in 2030", Ruben Sallow replied only that he had nothing to add.',
                 "put it in writing", "partial", "Maja Tovar", id="the-asker-of-a-question-in-a-when-clause"),
    pytest.param('"The decision reflects a steady recovery," the Reserve Bank of Kalmora said in a statement.',
                 "steady recovery", "direct", "Reserve Bank of Kalmora", id="an-institutions-name-goes-on-past-of"),
    pytest.param('Superintendent Conrad Pelley led the search. "Were they helped?" a reporter asked. "I am not ruling '
                 'anything out," the superintendent replied.', "not ruling anything out", "direct", "Conrad Pelley",
                 id="a-title-the-tagger-took-into-the-name-is-still-a-role"),
    pytest.param('Lena Hart pointed to the plan. "It worries me because it would end the programmes we know," she went '
                 'on.', "It worries me", "direct", "Lena Hart", id="she-went-on"),
    pytest.param('Guild secretary Ruairi Castellane wrote: "Pilots did not want this."\n\nIn a thread posted an hour '
                 'later, he went further: "Tomorrow we will publish every offer."', "Tomorrow we will publish", "direct",
                 "Ruairi Castellane", id="he-went-further"),
    pytest.param("Ann Lee's remark on Monday describing the harbour plan as \"a fairy tale for investors\" drew anger "
                 "from the board.", "a fairy tale for investors", "partial", "Ann Lee",
                 id="a-remark-describing-is-its-owners"),
    pytest.param('Then came the obvious point: "It is time we had a woman in charge," exhorted Tallin\'s introducer, '
                 'actress Jane Moss.', "a woman in charge", "direct", "Jane Moss",
                 id="a-possessor-after-an-inverted-cue-is-not-the-speaker"),
    pytest.param('"Pellonia has always been a reliable partner," Foreign Minister Arvo Teliskiv underlined.',
                 "a reliable partner", "direct", "Arvo Teliskiv", id="underlined-gives-words"),
    pytest.param('Residents of Eastmoor, where the branch library will shut in September, said it was "the only warm '
                 'room on the estate" in winter.', "the only warm room", "partial", "Residents of Eastmoor",
                 id="an-unnamed-group-keeps-its-of-phrase-not-a-relative-clause-after-it"),
    pytest.param('The talks stalled again. One Brevonian envoy, who was not cleared to speak in public, was blunter: '
                 '"Nobody at home wants to be the envoy who gave away the lake."',
                 "Nobody at home", "direct", "One Brevonian envoy", id="was-blunter-gives-words"),
    pytest.param('Harbour minister Agnes Tolvik stepped in on Friday. Her letter came hours after reporters saw the '
                 'ferry line\'s owner, Marit Skarsgard, leaving the ministry. "I have asked both sides to talk," she '
                 'wrote.', "asked both sides", "direct", "Agnes Tolvik",
                 id="a-pronoun-before-the-one-woman-named-goes-on-about-another"),
    pytest.param('Jonas Brekke went on to coach the national side. Critics compared him to his old rival, Piet Lund. '
                 '"I never liked that comparison," he said.', "never liked", "direct", "Jonas Brekke",
                 id="him-before-the-one-man-named-is-the-one-before"),
    pytest.param('The Harbour Courier reported on Monday that Ada Penn had promised dockers the yard would not move '
                 '"one inch" from the quay.', "one inch", "partial", "Ada Penn",
                 id="an-outlet-reports-whom-it-quotes"),
    pytest.param('According to the Harbour Courier, Ostrow & Lind Shipping, the firm that built the pier in 2019, has '
                 'insisted its work "never touched the piles."', "never touched the piles", "partial",
                 "Ostrow & Lind Shipping", id="according-to-an-outlet-the-one-it-names-speaks"),
    pytest.param('According to the weekly Varsblad, a former envoy to Ostmark, Pavel Renn, said the letter was "exactly '
                 'how the minister writes when he is careful".', "exactly how the minister writes", "partial",
                 "Pavel Renn", id="according-to-a-daily-the-person-it-names-speaks"),
    pytest.param('Counsel to the inquiry, Piet Lund, asked Jonas Brekke why the limit was never imposed. "Ask the '
                 'people who received it," Brekke replied.\n\n"Did you agree with that memo?" Lund asked.\n\n"I did '
                 'not," he said.', "I did not", "direct", "Jonas Brekke", id="the-answer-to-a-question-is-not-the-askers"),
    pytest.param('Jonas Brekke spoke first. "We will build," Brekke said.\n\n"Why do the richest pay less than you do?" '
                 'Ada Penn asked.\n\nBoth candidates spoke for an hour.\n\n"Their ferries are built abroad," she said.',
                 "built abroad", "direct", "Ada Penn", id="a-rhetorical-question-then-narration-keeps-its-speaker"),
    pytest.param('"They can have the car park," said Marta Voll, a fan since childhood, while her brother, Jens Voll, '
                 'yelled from behind her: "Forty years we have stood on that terrace!"', "Forty years",
                 "direct", "Jens Voll", id="the-cue-whose-clause-the-colon-ends"),
    pytest.param('Ann Lee posted a long thread.\n\nThe reply from the Eastmoor Residents Trust\u2019s account was '
                 'rather shorter: \u201cShow us the plan.\u201d', "Show us the plan", "direct", "Eastmoor Residents Trust",
                 id="a-reply-from-an-account-is-the-senders"),
    pytest.param('Matthias Querel left on Sunday. A former ambassador, Teofil Marrek, said the letter read like '
                 'Querel.\n\nQuerel\'s last word came in writing. In a statement, the ambassador said he had served '
                 'the country "with an affection they no longer want".', "with an affection", "partial", "the ambassador",
                 id="a-former-ambassador-is-not-the-ambassador"),
    pytest.param("Ostrow Mining's operations director at the time, Lukas Tammer, replied eleven days later. His reply, "
                 'also seen by the Courier, describes the gallery as "within acceptable limits".', "acceptable limits",
                 "partial", "Lukas Tammer", id="his-reply-is-his"),
    pytest.param('The two-page letter, dated 14 March and seen by the Courier, is signed by Emeric Dross and two other '
                 'miners. "We ask that no crew be sent past marker 40," it reads.', "no crew be sent", "direct",
                 "Emeric Dross", id="a-letter-that-speaks-is-its-signers"),
    pytest.param("The mayor, Desmond Acker, was unmoved. \u2018Every great city,\u2019 he said, \u2018takes a risk like "
                 "this once.\u2019\n\nAfterwards, Ottilie Marsk of Radio Pellin asked him, as Councillor Ivo Prent looked "
                 "on: \u2018Would you put your own savings into it?\u2019\n\n\u2018I already have,\u2019 he replied.",
                 "I already have", "direct", "Desmond Acker", id="the-one-asked-as-him-answers"),
    pytest.param('Not every paper agreed. According to the weekly Kestrelpost, a former envoy, Ivo Marrant, said the '
                 'letter was "plainly forged".\n\nKestrelpost also reported that Ilse Varga, the harbour master, had '
                 'promised that the tolls would be "cut by half before the summer", with new fees due in May.',
                 "cut by half", "partial", "Ilse Varga",
                 id="an-outlet-named-as-one-once-is-an-outlet-at-every-mention"),
    pytest.param('"We will not pay the toll," the weekly Kestrelpost quoted Ivo Marrant as saying.', "pay the toll",
                 "direct", "Ivo Marrant", id="the-one-an-outlet-quotes-as-saying-after-the-words"),
    pytest.param('The Harbour Gazette quoted Ilse Varga: "We will not sell the pier."', "sell the pier", "direct",
                 "Ilse Varga", id="the-person-an-outlet-quotes-before-a-colon"),
    pytest.param((
        'Captain Tomas Verlaine spoke to the broadcaster from his cabin. "We did everything right," he said.\n\n'
        'A deckhand who asked not to be named because he was not allowed to speak said the bridge had been "short of '
        'hands" that night. "Nobody replaced the mate," the deckhand said.\n\nHe said Captain Verlaine had asked the '
        'company for a relief officer, and that the office had refused.\n\n"The captain rang the office twice. They '
        'told him to sail," he said.\n\nThe Marrowby, a small ferry, remained on the reef on Monday. Salvage teams '
        'said they hoped to refloat it.\n\nVerlaine\'s final words in the interview were addressed to his passengers. '
        '"I am sorry for their fear," he said.'), "sorry for their fear", "direct", "Tomas Verlaine",
        id="the-one-whose-words-head-the-sentence-before-is-he"),
    pytest.param('Councillor Ilse Varga said the night had shown how thin cover has become.\n\n"We were lucky. Luck is not '
                 'a plan," Ms Varga said.\n\nHealth Minister Orla Brenn, who visited the hall on Sunday, had promised '
                 'islanders "a proper look" at emergency cover, she added, "and we will hold her to every word of it."',
                 "hold her to every word", "partial", "Ilse Varga", id="one-met-only-now-adds-nothing"),
    pytest.param('The exchange pitted the minister, Orla Brenn, against her opposite number, Ilse Varga.\n\n"The minister '
                 'was told in March," Ms Varga said.\n\n"That is untrue," Ms Brenn shot back.\n\n"Then publish the '
                 'report," Ms Varga cut in.\n\n"I will publish it when the inquiry has read it," she replied.',
                 "I will publish it", "direct", "Orla Brenn", id="one-who-replies-is-not-the-one-answered"),
    pytest.param('The bill was brought by the Transport Minister, Ilse Varga, on Monday.\n\n"It is a fair bill," the '
                 'minister said.', "a fair bill", "direct", "Ilse Varga", id="a-capitalised-title-set-before-a-name-is-her-role"),
    pytest.param('Reaction was swift. Tomas Verlaine of the Skerry Dockers\' Union called it "the least the crews '
                 'deserve", Ms Varga said the judge would be "only as good as her terms", and Ilse Brenn, a lawyer for '
                 'the families, warned that "an inquiry is no cheque."', "the least the crews", "partial",
                 "Tomas Verlaine", id="the-first-of-a-list-of-speakers-keeps-their-words"),
    pytest.param('The captain, Radomir Esk, has not spoken publicly since Sunday. His wife, Hanna Esk, said he had not '
                 'slept "more than two hours a night."', "two hours a night", "partial", "Hanna Esk",
                 id="one-of-a-family-named-with-her-own-first-name"),
    pytest.param('The sharpest exchange came when a nurse, Ilse Varga, asked the mayor, Orla Brenn, whether the ward '
                 'would stay open.\n\n"Yes," Brenn said.\n\n"That is not a promise," Varga called out from the floor.\n\n'
                 '"It is an honest answer," the mayor fired back, "which is more than you will get from my opponent."',
                 "an honest answer", "direct", "Orla Brenn", id="a-cue-between-two-parts-of-a-quote-says-both"),
    pytest.param('First Minister Orla Brenn accepted the resignation.\n\nCivic Union figures were furious. One Civic Union '
                 'minister, who would speak only anonymously, said the email had "handed the election to the Levellers".'
                 '\n\n"Ruth is the best of us, and she wrote the worst sentence of the campaign," the minister said.',
                 "Ruth is the best of us", "direct", "One Civic Union minister",
                 id="the-minister-is-the-unnamed-one-just-met-not-the-named-one"),
    pytest.param('Clinton plans to focus on jobs. The effort reflects her advisers\u2019 wariness of polls continuing to show '
                 'deep dissatisfaction with the economy. \u201cIt is not the position that everything is hunky-dory,'
                 '\u201d Gene Sperling, a top outside Clinton adviser, said at a recent event on the economy in Iowa.',
                 "hunky-dory", "direct", "Gene Sperling", id="a-name-set-off-before-its-apposition-and-cue"),
    pytest.param('Tomas Verlaine, who will lead the side out against Ebbsmoor Vale on Saturday, said the squad owed the '
                 'coach \u201ca performance, at the very least.\u201d Asked whether he had been in the dressing room when '
                 'Gregor Ashdown came in, he said: \u201cI was. I am not going to say any more than that.\u201d',
                 "I am not going to say", "direct", "Tomas Verlaine", id="one-named-in-the-question-is-not-who-answers"),
    pytest.param('Harbour Trust spokesperson Ilse Varga said the fees would stay.\n\nThe Trust\u2019s top spokesperson later '
                 'called the plan \u201ca fair deal for the town\u201d.', "a fair deal", "partial", "Ilse Varga",
                 id="a-word-that-ranks-a-role-does-not-make-it-another"),
    pytest.param('The mayor, Ilse Varga, was unmoved. In the words of her deputy, Tomas Verlaine, the plan is "dead in the '
                 'water".', "dead in the water", "partial", "Tomas Verlaine", id="in-the-words-of-someone"),
    pytest.param('Outside the hall, striking dockers chanted "Save Our Quay" as the councillors arrived.', "Save Our Quay",
                 "partial", "striking dockers", id="a-slogan-chanted-is-said-by-the-chanters"),
    pytest.param('The row dominated the phone-in, where Ivo Fallon and the station\u2019s pundit, Clive Etheridge-Bunce, '
                 'clashed over the sacking. As Fallon put it: \u201cThe chairman has been itching to get rid of him since '
                 'the cup final.\u201d\n\n\u201cRubbish. Four wins since August is why he has gone,\u201d Etheridge-Bunce '
                 'cut in.', "Four wins since August", "direct", "Clive Etheridge-Bunce",
                 id="a-hyphenated-surname-the-tagger-cut-in-two"),
    pytest.param('According to a source close to the board, the chairman has already spoken to two candidates. \u201cHe '
                 'wants a name, and he wants it before Christmas,\u201d the source said.', "He wants a name", "direct",
                 "a source", id="the-source-is-the-one-cited-just-before"),
    pytest.param("Asked about the move, Tomas Verlaine smiled. \u201cThe ground is the ground,\u201d he said, before Gregor "
                 "Ashdown cut in: \u201cAnd the ground is half empty, so let\u2019s talk about tickets.\u201d",
                 "half empty", "direct", "Gregor Ashdown", id="the-one-who-cuts-in-says-the-next-words"),
    pytest.param("\u2018If you keep this syrup at home, do not use it,\u2019 said Dr Ilse Varga, the board\u2019s chief "
                 "executive. \u2018We have no confirmed cases of harm. I want to keep it that way.\u2019",
                 "We have no confirmed cases", "direct", "Ilse Varga", id="single-quotation-marks-british-style"),
    pytest.param('The last ferry was cancelled at noon. "We want our fares back," passengers chanted as staff pulled '
                 'down the shutters.', "our fares back", "direct", "passengers",
                 id="a-cue-the-parse-hung-from-its-subject-noun"),
    pytest.param('"We want our fares back," commuters chanted as staff pulled down the shutters.', "our fares back",
                 "direct", "commuters", id="a-description-holds-no-words-hung-from-it"),
]

NOT_SHOWN = [
    pytest.param('Ann Lee did not say "we will close the pier" at the meeting.', "close the pier",
                 id="words-a-speaker-did-not-say-are-not-theirs"),
    pytest.param('In March the inspectors recorded "abnormal wear on the drive". They did not write "shut it down".',
                 "shut it down", id="words-never-written-are-not-the-writers"),
    pytest.param("Gran Agnes, who has six grandchildren, was said to be 'sitting up and asking for a cuppa'.",
                 "sitting up and asking", id="words-said-of-the-passive-subject-are-not-theirs"),
    pytest.param("Gran Agnes, who has six grandchildren, was last night said by the ward sister to be 'sitting up and "
                 "asking for a cuppa'.", "sitting up and asking", id="words-said-of-the-subject-by-an-agent-are-not-hers"),
    pytest.param('Mareike and Jonas Feldhaus were on the last cabin. Mareike Feldhaus, 41, teaches at the village '
                 'school.\n\n"We counted every minute of the night," Feldhaus recalled.',
                 "counted every minute", id="a-surname-a-couple-shares-is-either-of-them"),
    pytest.param('The pier closure drew thousands of posts.\n\n@harbour_fan: "Thirty years of ferries and not one apology."'
                 '\n\nLocal MP Ines Varga (@InesVargaMP): "I have written to the minister about the pier."',
                 "written to the minister", id="a-line-with-its-own-label-takes-no-speaker-from-the-line-before"),
    pytest.param('Inspector Ada Lind said the alarm had been switched into what its maker calls "maintenance mode" on '
                 'Sunday.', "maintenance mode", id="words-a-maker-calls-something-are-relayed"),
    pytest.param('09:20\nTomas Brenner was met at the door by Gerald Ashby, the conciliator, and the two men posed for '
                 'photographers.\n\n"I have cleared my diary for the week," he said.\n\n09:12\nTalks begin.\n\n09:00\n'
                 'Doors open.', "cleared my diary", id="a-he-after-two-men-the-sentence-pairs"),
    pytest.param('Fuming councillor ADA LIND told the Blaze the hearing was "a circus".\n\nLater HARLOW and prosecutor '
                 'TOMAS BRENNAN clashed in a corridor. "You will regret that stunt," he snarled.', "regret that stunt",
                 id="a-he-after-two-men-in-capitals-joined-by-and"),
    pytest.param("Mayor Tomas Brennan opened the meeting. Councillor Ada Lind spoke next. When she raised the roof with "
                 "the finance director, his exact words were, \u201cThe roof will last another year.\u201d",
                 "roof will last", id="a-his-after-a-man-described-in-its-own-sentence"),
    pytest.param('Councillor Ada Lind said the museum was "told to wait for the next budget."\n\nCorrection, 3 May, 16:40: '
                 'An earlier version of this article gave the wrong date. An earlier version also quoted Councillor Lind as '
                 'saying the museum was "told to wait forever". That was incorrect.', "told to wait forever",
                 id="words-a-correction-paragraph-quotes-are-retracted"),
    pytest.param('Tomas Brennan has not been back to work. He has been asked to stay at home on full pay "while the '
                 'inquiry runs."', "while the inquiry runs", id="words-said-to-the-passive-subject-are-not-theirs"),
    pytest.param("He was not the only one worried. A review carried out in 2023 by the firm Kessel Partners, a copy of "
                 "which has been seen by the Gazette, warned that the skylights were \u201cthe weakest point of the "
                 "building\u201d.", "the weakest point", id="an-outlet-that-saw-a-document-is-not-its-speaker"),
    pytest.param("9:02 p.m. \u2014 Councillor Ivo Marsh just posted: \u201cStanding room only tonight.\u201d\n\n9:30 p.m. "
                 "\u2014 A short recess. The clerk reads the minutes.\n\n9:45 p.m. \u2014 The chamber fills again. "
                 "\u201cYou approved it,\u201d he said.\n\n9:50 p.m. \u2014 A vote is called.", "You approved it",
                 id="a-he-in-a-later-live-blog-entry-is-not-the-last-speaker"),
    pytest.param("Piet Rask, 71, a retired ferryman, and his neighbour Tomas Velde, the head of the boatmen's union, have spent "
                 "a week knocking on doors. \u2018We have not met one family that was warned,\u2019 he said.",
                 "not met one family", id="a-he-after-two-men-joined-with-ages-and-appositions"),
    pytest.param('Liss Orban, the engineer whose team ran the survey, spoke to me on Friday. She said a harbour inspector '
                 'had confided to her, back in May, that the safety plan was "a paper tiger."', "a paper tiger",
                 id="words-a-described-person-confided-are-relayed"),
    pytest.param('Jonas Harlow read a statement on his behalf at the quay: "I take full responsibility."', "full responsibility",
                 id="a-statement-read-on-his-behalf-is-not-the-readers"),
    pytest.param('Tomas Verlaine, who will lead the side out against Ebbsmoor Vale on Saturday, said the squad owed '
                 'Ambrell \u201ca performance, at the very least.\u201d Asked whether he had been in the dressing room '
                 'when Sarsby came in, he said: \u201cI was.\u201d\n\nStriker Emeric Szalo, quoted by the Vessarian paper '
                 'Sportna Vessa, called Ambrell \u201cmy football father\u201d. The Lantern\u2019s own translation of the '
                 'interview has him saying: \u201cWithout the coach, I must ask myself what I am doing here.\u201d',
                 "Without the coach", id="a-he-after-a-name-the-tagger-missed-is-nobody-we-can-name"),
    pytest.param('"We will fight this," the union said.\n\nAt the boatyard, a hand-lettered sign still hangs over the '
                 'office door: "Partners Since 1998."', "Partners Since 1998", id="a-sign-over-a-door-after-a-colon"),
    pytest.param('The harbour board called for the council to respond by admitting that the "plain negligence" of its '
                 'staff caused the flood.', "plain negligence", id="the-subject-of-a-for-to-clause-says-nothing"),
    pytest.param('Detective Inspector Paul Orsk told the court that officers arrested Feist at a bus station. When '
                 'arrested, the 38-year-old told officers: "You have got the wrong man."', "the wrong man",
                 id="a-cue-whose-speaker-is-lost-carries-nobody"),

    pytest.param('The paper ran a profile of Ada Penn. The photo quotes a psalm: "Who can be against us?"',
                 "Who can be against us", id="words-after-a-colon-of-another-subject-are-not-the-paragraphs-person"),
    pytest.param('Bo Ray, who said nothing, was late: "We will not sign."', "We will not sign",
                 id="a-copula-that-says-nothing-of-speech-gives-no-words"),
    pytest.param('Grace Penhallow, 68, gave evidence from behind a screen. "I heard shouting that night," Mrs Penhallow '
                 'said.\n\nMrs Penhallow wept as she described finding the back door open. The jury was then shown a '
                 'photograph of Winifred Oakhollow in her garden. "She was like a sister to me," she said.',
                 "like a sister", id="a-she-after-an-object-with-a-subject-of-her-gender-just-before-is-nobody-we-can-name"),
    pytest.param('"She has handled this with grace," said Perpetua Loxley, a lawyer who is not involved in the case.'
                 '\n\nLiora Danvik\'s new album is due out next month. She told a magazine the record was "the most '
                 'honest thing I have ever made".', "the most honest thing",
                 id="a-she-after-the-owner-of-a-later-subject-is-not-the-speaker-before"),
    pytest.param('Harbour Minister Petra Hallam presented the figures to the committee on Tuesday. The figures had been '
                 'requested in April by the Prime Minister, Rada Velko, who has accused the port of "hiding" its losses. '
                 '"The harbour is running at 92 percent of its capacity," she said.', "running at 92",
                 id="a-she-after-an-object-with-a-relative-clause-and-a-subject-of-her-gender-before-is-nobody"),
    pytest.param('A separate letter, signed by council chief executive Wendeline Marsh and sent to head teachers on 9 '
                 'October, struck a very different tone. "I want to reassure every family that disruption will be kept '
                 'to a minimum," Ms Marsh wrote.\n\nMs Marsh was asked about the memo at a full council meeting on '
                 'Monday evening. Extracts from it had been read aloud by Greenway councillor Beatrix Holm only minutes '
                 'earlier. "I do not recognise the figures in that document," she said.', "I do not recognise",
                 id="a-she-after-an-agent-with-a-subject-of-her-gender-the-tagger-left-out-before-is-nobody"),
    pytest.param('08:02 Good morning from the harbour, where the talks open today.\n\n08:15 The first delegation has '
                 'arrived. Minister Bo Sarell stopped for the cameras. "We came for water," he said.\n\n08:31 Post from '
                 'the mediator Ann Lode (@LodeAL): "Both delegations are in the building."\n\n08:47 The second '
                 'delegation is here.\n', "Both delegations", id="a-live-blog-entry-carries-no-speaker-from-the-one-before"),
    pytest.param('Deputy Minister Tobiah Kress told reporters that the envoy, Ilario Benn, had described the line as "a map '
                 'everyone can live with".', "a map everyone", id="words-another-named-person-gave-as-relayed-are-shown-by-neither"),
    pytest.param('The water was handed to the engineers, which is like telling a hungry person that the kitchen is '
                 'reviewing the menu. Imagine explaining that to a grower in Pell. Imagine saying to her, "Wait thirty '
                 'days, and then we will start discussing your river."', "Wait thirty",
                 id="words-the-reader-is-asked-to-imagine-saying-are-nobodys"),
    pytest.param('Relatives spoke after court. Ada Penn of the families group called the memo "the proof we were promised," '
                 'Ilse Varga said "every parent should read it," and Jonas Brekke warned that "a verdict is no apology."',
                 "the proof we were promised", id="words-a-naming-verb-below-the-cue-holds-are-not-surely-the-cues"),
    pytest.param('Councillor Jonas Brekke calls the plan "a gift to the yards." After the hearing I shared a lift with Peter '
                 'Lund and Thomas Brandt. I asked how long the review would take. "Ask me in a month," he said.',
                 "Ask me in a month", id="a-he-after-two-men-named-since-the-last-one-talked-about-is-nobody"),
    pytest.param('At a news conference after court, Ada Penn of the families group called the memo "the proof we were '
                 'promised," Ilse Varga, whose son was hurt, said "every parent should read it."', "the proof we were",
                 id="words-after-a-naming-verb-the-parse-left-without-its-subject"),
    pytest.param('Judge Harriet Elling called for order.\n\nUnder blistering cross-examination, prosecutor NAOMI '
                 'REYES-CALDER waved the memo at him. "You wrote this because you wanted no record, didn\'t you?" she '
                 'demanded.', "wanted no record", id="a-she-after-a-name-in-capitals-the-tagger-missed-is-nobody-we-can-name"),
    pytest.param('But councillor Jonas Brekke told the Gazette the hearing was "a circus".\n\nLater KESSLER and prosecutor '
                 'IVAN MORROW clashed in a corridor. "You will regret that stunt," he snarled.', "regret that stunt",
                 id="a-he-after-names-in-capitals-the-tagger-missed-is-nobody-we-can-name"),
    pytest.param('Counsel Jonas Brekke rose first. After the lunch break, Brekke and Piet Lund spoke with the judge for '
                 'some minutes. "We will need all of Friday," he told the usher.', "all of Friday",
                 id="a-he-after-two-men-joined-by-and-is-nobody-we-can-name"),
    pytest.param('Mira spent years on the ward. Pavel and Tomas stayed behind after the meeting. Then he said, "You will '
                 'close this hospital."', "close this hospital", id="a-he-after-two-first-names-joined-by-and"),
    pytest.param('Counsel Ada Penn put it to the witness: Ilse Varga told the panel that you called her "a drag on the '
                 'yard." Do you remember that?', "a drag on the yard",
                 id="words-the-one-addressed-is-said-to-have-used-are-relayed"),
    pytest.param('Ada Penn told the panel that the phrase "dead weight" was his. He denied it.', "dead weight",
                 id="words-in-apposition-to-the-phrase-are-talked-about"),
    pytest.param('Ivo Brandt took the memo and read it to the court: "Keep this off the record. Call me at home."',
                 "Keep this off the record", id="words-read-out-from-a-text-are-its-writers"),
    pytest.param('Harbour chief Petra Hallam toured the quay on Monday. The visit had been requested by the mayor, Rada '
                 'Velko, who has called the quay "a disgrace".\n\n"The timber is rotten through," she said.',
                 "timber is rotten", id="a-she-after-a-name-set-in-apposition-to-a-thing"),
    pytest.param("In the past month alone, Rada Velko, the Karsland prime minister, has called the Harran Dam 'a knife "
                 "held to the throat of the valley', Aurel Varkas, the Velmoran president, wrote in a newspaper column "
                 "that it was 'a lamp, not a weapon', and Mara Solle, the Sorvani president hosting the talks, marvelled "
                 "at 'two proud nations quarrelling over a river'.", "a knife held",
                 id="words-after-a-naming-verb-above-the-next-speakers-cue-are-not-surely-the-next-speakers"),
]


# Each rule that leaves words unattributed says why, in the words the brief shows.
WHY_NOBODY = {
    "words-a-speaker-did-not-say-are-not-theirs": "the text says these words were not said",
    "words-said-of-the-passive-subject-are-not-theirs": "the words were said of the one named, by someone the text does "
                                                         "not name",
    "a-surname-a-couple-shares-is-either-of-them": "“Feldhaus” could be Jonas Feldhaus or Mareike Feldhaus",
    "a-he-after-two-men-the-sentence-pairs": "“he” could be Gerald Ashby or Tomas Brenner",
    "a-he-after-two-men-in-capitals-joined-by-and": "“he” could be Harlow or Tomas Brennan",
    "a-his-after-a-man-described-in-its-own-sentence": "“his” could be the finance director",
    "words-a-correction-paragraph-quotes-are-retracted": "a correction notice says these words were not said",
    "words-said-to-the-passive-subject-are-not-theirs": "the words were said to the one named",
    "a-he-in-a-later-live-blog-entry-is-not-the-last-speaker": "“he” names nobody in its own live-blog entry",
    "a-he-after-two-men-joined-with-ages-and-appositions": "“he” could be Piet Rask or Tomas Velde",
    "words-a-described-person-confided-are-relayed": "Liss Orban relays words a harbour inspector gave",
    "a-statement-read-on-his-behalf-is-not-the-readers": "“his” is someone other than Jonas Harlow",
    "a-she-after-an-object-with-a-subject-of-her-gender-just-before-is-nobody-we-can-name":
        "“she” could be Grace Penhallow or Winifred Oakhollow",
    "a-she-after-an-object-with-a-relative-clause-and-a-subject-of-her-gender-before-is-nobody":
        "“she” could be Petra Hallam or Rada Velko",
    "a-sign-over-a-door-after-a-colon": "the words are written on a sign or banner",
    "a-live-blog-entry-carries-no-speaker-from-the-one-before": "a live blog's entry",
    "words-another-named-person-gave-as-relayed-are-shown-by-neither": "Tobiah Kress relays words Ilario Benn gave",
    "words-after-a-naming-verb-above-the-next-speakers-cue-are-not-surely-the-next-speakers":
        "the words may be Rada Velko's",
    "a-copula-that-says-nothing-of-speech-gives-no-words": "“was” does not say the words were said",
    "a-he-after-two-men-joined-by-and-is-nobody-we-can-name": "“he” could be Jonas Brekke or Piet Lund",
    "a-he-after-two-men-named-since-the-last-one-talked-about-is-nobody": "“he” could be Jonas Brekke or",
    "words-a-naming-verb-below-the-cue-holds-are-not-surely-the-cues": "the words may be Ada Penn's",
    "words-the-one-addressed-is-said-to-have-used-are-relayed": "Ilse Varga relays words the one addressed gave",
    "words-in-apposition-to-the-phrase-are-talked-about": "the words are talked about, not said",
    "words-read-out-from-a-text-are-its-writers": "Ivo Brandt reads out a text",
    "a-she-after-a-name-set-in-apposition-to-a-thing": "“she” could be Petra Hallam or Rada Velko",
}


@pytest.mark.parametrize("text, words", [p for p in NOT_SHOWN if p.id in WHY_NOBODY],
                         ids=[p.id for p in NOT_SHOWN if p.id in WHY_NOBODY])
def test_words_left_unattributed_say_why(text: str, words: str, request):
    key = request.node.callspec.id
    quote = _one(_quotes(text), words)
    assert quote.shown_speaker is None and WHY_NOBODY[key] in quote.doubt, quote.doubt


def test_a_pronoun_with_one_reading_and_a_named_speaker_carry_no_doubt():
    quotes = _quotes('Ann Lee met the fisherman Jo Kay on Monday. "We will rebuild the quay," she said. '
                     '"The harbour is ours," said Jo Kay.')
    assert [(q.shown_speaker, q.doubt) for q in quotes if q.kind == "direct"] == [("Ann Lee", ""), ("Jo Kay", "")]


@pytest.mark.parametrize("text, words, kind, speaker", SHOWN_SPEAKER)
def test_rules_show_the_words_with_their_speaker(text: str, words: str, kind: str, speaker: str):
    assert _one(_quotes(text), words, kind).shown_speaker == speaker


@pytest.mark.parametrize("text, words", NOT_SHOWN)
def test_rules_leave_the_words_unattributed(text: str, words: str):
    assert _one(_quotes(text), words).shown_speaker is None


@pytest.mark.parametrize("text, words, kind, speaker", RIGHT_SPEAKER)
def test_cue_rules_give_the_words_to_their_speaker(text: str, words: str, kind: str | None, speaker: str):
    assert _one(_quotes(text), words, kind).speaker == speaker


@pytest.mark.parametrize("text, words, kind, not_speaker", NOT_THEIR_WORDS)
def test_cue_rules_keep_the_words_from_someone_else(text: str, words: str, kind: str | None, not_speaker: str):
    found = [q for q in _quotes(text) if words in q.text and (q.kind == kind if kind else q.kind != "indirect")]
    assert found or not words, words  # "" for words: any quote at all, or none
    assert all(q.speaker != not_speaker for q in found), [(q.text, q.speaker) for q in found]


def test_a_relative_clause_with_a_cue_verb_is_not_the_cue():
    quote = _one(_quotes('"We will not sell the pier," Ilse Varga, who asked not to be named, said on '
                         'Monday.'), "not sell the pier")
    assert (quote.speaker, quote.basis) == ("Ilse Varga", "cue")  # the name before "said", not the "who" of "asked"


@pytest.mark.parametrize("text", [
    'The harbour board helped a young Oskar Tallin write a book, \u201cThe Long Pier at Dawn,\u201d that outed half '
    'the council.',
    'Ilse Varga released a video, "Keep the Ferry Sailing," on Monday.',
])
def test_a_title_set_off_after_a_work_is_no_quote(text: str):
    assert not [q for q in _quotes(text) if q.kind != "indirect"], [(q.text, q.speaker) for q in _quotes(text)]


def test_one_scare_quoted_word_under_a_verb_that_does_not_speak_is_no_quote():
    text = 'Mark Tallin did well with the right wing. He won a mere 9 percent of the "moderate" vote.'
    assert not [q for q in _quotes(text) if q.text.strip('"') == "moderate"]


def test_a_name_tagged_as_a_verb_before_the_cue_is_its_subject():
    from spacy.tokens import Doc

    from newsloom.annotate.attribution import attribute
    from newsloom.annotate.nlp import load_nlp

    # '"Jeb wants a fight," Trump shot back.': the tagger reads the surname as the verb "trump"
    words = ['"', "Ilse", "wants", "a", "fight", ",", '"', "Tallin", "shot", "back", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[False, True, True, True, False, False, True, True, True, False,
                                                      False],
              pos=["PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "VERB", "VERB", "ADV", "PUNCT"],
              tags=["``", "NNP", "VBZ", "DT", "NN", ",", "''", "VB", "VBD", "RB", "."],
              deps=["punct", "nsubj", "ccomp", "det", "dobj", "punct", "punct", "nsubj", "ROOT", "advmod", "punct"],
              heads=[8, 2, 8, 4, 2, 2, 8, 8, 8, 8, 8], sent_starts=[True] + [False] * 10)
    cue, subject, beside = attribute(doc[1:5], [(1, 20)], lambda i: doc[i].sent)
    assert (cue.text, subject.text, beside) == ("shot", "Tallin", True)


def test_an_inverted_cue_of_continuing_names_its_speaker():
    text = ('Ilse Varga spoke on the radio. "The machines were rigged," Varga said.\n\n'
            'Continued Varga: "So I think it is a very real problem."')
    quote = _one(_quotes(text), "very real problem")
    assert (quote.speaker, quote.basis) == ("Ilse Varga", "cue")  # named beside the marks, not carried


@pytest.mark.parametrize("text, words", [
    pytest.param('"We will be rested," Tomas Brenner told reporters. Pilots carried placards bearing the name of the '
                 'union\'s campaign, "Rested Pilots, Safe Skies."', "Rested Pilots", id="a-campaigns-name"),
    pytest.param("Union boss TOMAS BRENNER \u2014 \u2018Tom\u2019 to his members \u2014 vowed there would be \u2018no "
                 "deal without real rest\u2019.", "Tom", id="a-nickname-in-marks"),
    pytest.param("The company blames the union and insists its \u2018flexible\u2019 rosters are legal.", "flexible",
                 id="a-loaded-word-before-its-noun"),
])
def test_names_and_loaded_words_in_marks_are_no_quotations(text: str, words: str):
    assert not [q for q in _quotes(text) if q.kind != "indirect" and q.text.strip("'\u2018\u2019\".,") == words]


def test_words_said_of_a_campaign_are_still_a_quotation():
    quote = _one(_quotes('Ann Lee said of the campaign: "It has worked." Tom Kay said of the campaign, "It failed."'),
                 "It failed")
    assert quote.speaker == "Tom Kay"
    _one(_quotes('According to the Kay campaign, "The speech will be given at the harbour."'), "speech will be given")
    _one(_quotes('Like most campaigns, "the process we follow is to check each gift," Tom Kay said.'), "process we follow")
    _one(_quotes('Ann Lee noted that Tom Kay\'s slogan, "common sense," reflects a new approach.'), "common sense")
