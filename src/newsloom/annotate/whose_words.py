"""Whose words a quotation holds where the parse's cue misleads: a nearer verb of telling, a text read out, a
phrase talked about."""
from __future__ import annotations

from typing import TYPE_CHECKING

from newsloom.annotate.cues import LABEL_LEMMAS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def nearer_teller(tokens: Span, cue: Token | None) -> Token | None:
    """A verb of telling between a cue and the that-clause the parse gave it, which ends right before "that" and
    has no clause of its own ("Keble wrote those words in reply to an engineer who had warned him, in writing, that
    '...'"): the clause is what that verb tells."""
    if cue is None:
        return None
    clause = next((a for a in [tokens.root, *tokens.root.ancestors] if a.head.i == cue.i and a.dep_ == "ccomp"), None)
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None) if clause else None
    if mark is None or mark.i <= cue.i:
        return None
    k = mark.i - 1
    while k > cue.i and cue.doc[k].is_punct:
        k -= 1
    for verb in cue.doc[cue.i + 1 : k + 1]:
        if (verb.pos_ == "VERB" and verb.lemma_.lower() in _TELLING and _only_asides(cue.doc, verb.right_edge.i + 1, k)
                and not any(c.dep_ == "ccomp" for c in verb.children) and any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
            return verb
    return None


def _only_asides(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end] are only punctuation and prepositional phrases (", in a letter,")."""
    inside = set()
    for tok in doc[start : end + 1]:
        if tok.dep_ == "prep":
            inside.update(t.i for t in tok.subtree)
    return all(t.is_punct or t.i in inside for t in doc[start : end + 1])


_TELLING = {"warn", "tell", "say", "write", "insist", "claim", "assure", "promise", "inform", "remind", "testify",
            "admit", "argue", "explain", "complain", "predict", "email", "text"}


def reads_out(cue: Token) -> bool:
    """True for a cue that reads out a text someone wrote ("He reads it slowly, twice: '...'", "read the email aloud")."""
    return cue.lemma_.lower() == "read" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _READ_TEXTS for c in cue.children)


_READ_TEXTS = {"it", "them", "letter", "email", "e-mail", "message", "memo", "note", "text", "passage", "excerpt",
               "extract", "post", "tweet", "line", "lines", "exhibit", "entry", "diary", "subject"}


def the_phrase(doc: Doc, first: int) -> bool:
    """True when quoted words stand in apposition to "the phrase", "the word" and the like, which no verb of using
    governs ("told the jury that the phrase '...' was yours"; not "Lee used the phrase '...'"): talked about."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 0 or doc[k].lower_ not in _PHRASE_NOUNS or not any(c.lower_ in {"the", "that", "this"} for c in doc[k].children):
        return False
    if doc[k].head.lemma_.lower() in LABEL_LEMMAS | _JUDGING:
        return False  # "calls the phrase 'lazy and dangerous'": said of the phrase, not the phrase itself
    before = doc[k].left_edge.i - 1  # "coined the term '...'", however the parse hung the noun
    return doc[k].head.lemma_.lower() not in _USING_WORDS and (before < 0 or doc[before].lemma_.lower() not in _USING_WORDS)


_JUDGING = {"consider", "find", "dismiss"}  # judging verbs beyond the naming ones (LABEL_LEMMAS)
_PHRASE_NOUNS = {"phrase", "term", "word", "words", "expression", "slogan", "nickname", "label", "catchphrase", "motto"}
_USING_WORDS = {"use", "coin", "utter", "repeat", "say", "write", "choose", "employ", "invoke", "borrow", "adopt", "shout",
                "chant", "type", "tweet", "post", "scrawl", "hear", "speak"}
