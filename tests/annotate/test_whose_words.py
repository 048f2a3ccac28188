"""Whose words a quotation holds where the parse's cue misleads."""
from newsloom.annotate import load_nlp
from newsloom.annotate.whose_words import nearer_teller, reads_out, text_opening, text_read_before, the_phrase, writer_of


def _doc(text: str):
    return load_nlp()(text)


def _quote_tokens(doc, words: str):
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words), alignment_mode="expand")


def test_a_nearer_verb_of_telling_takes_its_that_clause():
    doc = _doc('Ilse Varga signed the order in May, in answer to an inspector who had warned her, in a letter, that "the '
               'pier will fall in the first storm."')
    tokens = _quote_tokens(doc, "the pier will fall in the first storm")
    signed = next(t for t in doc if t.lower_ == "signed")
    assert nearer_teller(tokens, signed).lower_ == "warned"
    said = _doc('Ilse Varga said that "the pier will fall."')
    assert nearer_teller(_quote_tokens(said, "the pier will fall"), next(t for t in said if t.lower_ == "said")) is None


def test_reading_out_a_text_and_reading_ones_own_statement():
    assert reads_out(next(t for t in _doc('Ivo Brandt read it to the court: "Keep this quiet."') if t.lemma_ == "read"))
    assert not reads_out(next(t for t in _doc('Ivo Brandt read a statement: "We regret it."') if t.lemma_ == "read"))


def test_words_in_apposition_to_the_phrase_are_talked_about_unless_used_or_judged():
    def check(text: str, words: str) -> bool:
        doc = _doc(text)
        return the_phrase(doc, _quote_tokens(doc, words).start)

    assert check('Ada Penn told the panel that the phrase "dead weight" was his.', "dead weight")
    assert not check('Betsey Ward coined the term "bimbo eruptions" in 1992.', "bimbo eruptions")
    assert not check('The ministry calls the phrase "lazy and dangerous."', "lazy and dangerous")


def test_the_writer_of_a_text_read_out():
    def writer(text: str) -> str | None:
        doc = _doc(text)
        read = text_read_before(doc, _quote_tokens(doc, "Go home").start)
        found = writer_of(read) if read is not None else None
        return found.text if found is not None else None

    assert writer('Ada Lind read a letter from Jonas Harlow: "Go home."') == "Harlow"
    assert writer('Ada Lind read Jonas Harlow\'s statement: "Go home."') == "Harlow"
    assert writer('Ada Lind read a statement on his behalf: "Go home."') == "his"
    assert writer('Ada Lind read out a note signed by Jonas Harlow: "Go home."') == "Harlow"
    assert writer('Ada Lind read a statement: "Go home."') is None  # her own, as far as the text says
    doc = _doc('Ada Lind read a memo, and Jonas Harlow said: "Go home."')
    assert text_read_before(doc, _quote_tokens(doc, "Go home").start) is None  # the colon is Harlow's


def test_a_text_opening_the_words_before_a_colon():
    doc = _doc('Another letter, signed only "A Mum," was shorter: "Go home."')
    assert text_opening(doc, _quote_tokens(doc, "Go home").start).lower_ == "letter"
    doc = _doc('The mayor was shorter: "Go home."')
    assert text_opening(doc, _quote_tokens(doc, "Go home").start) is None
