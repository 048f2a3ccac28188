"""Whose words a quotation holds where the parse's cue misleads: a nearer verb of telling, a text read out, a
phrase talked about."""
from __future__ import annotations

from typing import TYPE_CHECKING

from newsloom.annotate.cues import LABEL_LEMMAS, SPEECH_LEMMAS, SUBJECT_DEPS

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
        if (verb.pos_ == "VERB" and verb.lemma_.lower() in TELLING and _only_asides(cue.doc, verb.right_edge.i + 1, k)
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


TELLING = {"warn", "tell", "say", "write", "insist", "claim", "assure", "promise", "inform", "remind", "testify",
            "admit", "argue", "explain", "complain", "predict", "email", "text", "confide", "whisper", "confess",
            "concede", "mention", "disclose", "reveal", "hint", "signal", "acknowledge"}


def reads_out(cue: Token) -> bool:
    """True for a cue that reads out a text someone wrote ("He reads it slowly, twice: '...'", "read the email aloud")."""
    return cue.lemma_.lower() == "read" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _READ_TEXTS for c in cue.children)


_READ_TEXTS = {"it", "them", "letter", "email", "e-mail", "message", "memo", "note", "text", "passage", "excerpt",
               "extract", "post", "tweet", "line", "lines", "exhibit", "entry", "diary", "subject", "poem", "card"}
_OWN_TEXTS = {"statement", "declaration"}  # read out as one's own unless the text says whose they are


def text_read_before(doc: Doc, first: int) -> Token | None:
    """The text a quotation reads out when a colon opens it right after a verb of reading and its object ("Venn read
    a statement on his behalf at the lectern: '...'"): that object."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 1 or doc[k].text != ":":
        return None
    for verb in doc[doc[k].sent.start : k]:
        if verb.lemma_.lower() != "read" or verb.pos_ != "VERB":
            continue
        text = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _READ_TEXTS | _OWN_TEXTS), None)
        if text is None or text.lower_ in {"it", "them"}:
            continue
        if not any(t.dep_ == "cc" or t.text in {";", "\u2014"} for t in doc[text.i + 1 : k]):
            return text  # the reading runs up to the colon, however the parse hung what lies between
    return None


def text_opening(doc: Doc, first: int) -> Token | None:
    """The text whose words a quotation is when the clause before its colon has a text as subject ("Another letter,
    signed only 'A Tern Valley Dad,' was shorter: '...'"): that subject."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 1 or doc[k].text != ":":
        return None
    head = doc[k].head
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < k), None)
    if subject is None or subject.lemma_.lower() not in _READ_TEXTS | _OWN_TEXTS or subject.lower_ in {"it", "them"}:
        return None
    return subject


def writer_of(text: Token) -> Token | None:
    """The word naming who wrote a text that is read out: its owner ("read Lee's statement"), "from X", "on X's behalf"
    or "on behalf of X" (on the text or on the reading), or the subject of a verb of writing in a clause on the text
    ("a note her son, Milo, dictated", "a note she said her son dictated"); None when the text does not say."""
    for tok in (text, text.head):
        for child in tok.children:
            if child.dep_ == "poss" and tok is text:
                return child
            if child.dep_ == "prep" and child.lower_ == "from":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            if child.dep_ == "prep" and child.lower_ == "on":
                behalf = next((c for c in child.children if c.dep_ == "pobj" and c.lower_ == "behalf"), None)
                if behalf is not None:
                    owner = next((c for c in behalf.children if c.dep_ == "poss"), None)
                    of = next((c for c in behalf.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    return owner or (next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None)
    for clause in (c for c in text.children if c.dep_ in {"relcl", "acl"}):
        for verb in [clause, *(c for c in clause.subtree if c.dep_ in {"ccomp", "conj"})]:
            if verb.lemma_.lower() in _WRITING:
                subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None and subject.lower_ not in {"that", "which"}:
                    return subject
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)  # "a letter signed by Lee"
                if agent is not None:
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return _writer_before_verb(text)


def _writer_before_verb(text: Token) -> Token | None:
    """Where the parse lost the clause on a text: the person named, or the "he"/"she", nearest before a verb of
    writing between the text and the colon ("a note she said her son, Milo Oyelaran, dictated to her: '...'")."""
    doc = text.doc
    end = next((t.i for t in doc[text.i + 1 : text.sent.end] if t.text == ":"), text.sent.end)
    for verb in doc[text.i + 1 : end]:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _WRITING:
            for tok in reversed(doc[text.i + 1 : verb.i]):
                if tok.ent_type_ == "PERSON" or (tok.pos_ == "PRON" and tok.lower_ in {"he", "she"}):
                    return tok
            return None
    return None


_WRITING = {"write", "dictate", "draft", "send", "sign", "pen", "compose", "issue", "prepare", "scribble", "type"}


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


def named_thing(doc: Doc, first: int) -> bool:
    """True when quoted words name a campaign, slogan or title written right before them, past a comma ("the
    name of the union's campaign, 'Rested Pilots, Safe Skies'"; not "said of the campaign: '...'"): a name, nobody's
    words."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 1 or doc[k].text != ",":
        return False  # only in apposition: not "running a campaign 'of hatred'"
    k -= 1
    noun = doc[k]
    named = noun.lemma_.lower() in _NAMED_THINGS or (  # "the name of the union's campaign, '...'"
        noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in {"name", "title"})
    return (named and noun.tag_ == "NN"  # one slogan: not "Like most campaigns, '...'"
            and any(c.dep_ in {"det", "poss"} for c in noun.children)
            and not any(a.lemma_.lower() in SPEECH_LEMMAS for a in noun.ancestors))  # not "said of the campaign, '...'",
    # nor "He noted that Trump's slogan, 'common sense,' reflects ...": words a speaker used


_NAMED_THINGS = {"slogan", "motto", "hashtag", "title", "banner", "placard", "tagline", "catchphrase"}
_JUDGING = {"consider", "find", "dismiss"}  # judging verbs beyond the naming ones (LABEL_LEMMAS)
_PHRASE_NOUNS = {"phrase", "term", "word", "words", "expression", "slogan", "nickname", "label", "catchphrase", "motto"}
_USING_WORDS = {"use", "coin", "utter", "repeat", "say", "write", "choose", "employ", "invoke", "borrow", "adopt", "shout",
                "chant", "type", "tweet", "post", "scrawl", "hear", "speak"}
