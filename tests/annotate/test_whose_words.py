"""Whose words a quotation holds where the parse's cue misleads."""
from newsloom.annotate import load_nlp
from newsloom.annotate.whose_words import nearer_teller, reads_out, the_phrase


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
