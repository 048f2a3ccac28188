"""Cue words of attribution and the syntax around them: speech verbs, their subjects, "according to"."""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from newsloom.annotate.descriptions import described_kind
from newsloom.annotate.entities import SPEECH_LEMMAS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CUE_LEMMAS = SPEECH_LEMMAS | {
    "call", "explain", "announce", "declare", "stress", "emphasize", "emphasise", "suggest", "ask", "reply",
    "respond", "comment", "acknowledge", "admit", "describe", "hail", "deny", "predict", "promise", "vow",
    "concede", "confirm", "assert", "tweet", "post", "recall", "complain", "urge", "quip", "report",
    "accuse", "caution", "observe", "continue", "conclude", "testify", "mention", "lament", "boast", "speak",
    "answer", "exclaim", "shout", "chant", "joke", "muse", "pledge", "scream", "yell", "whisper", "demand",
    "read", "wonder", "retort", "counter", "plead", "bark", "snap", "fume", "sneer", "thunder", "press", "cry", "react",
    "boom", "echo", "surmise", "riff", "interject", "chime", "roar", "growl", "murmur", "mutter", "gush", "sing",
    "underline", "underscore", "reiterate", "reaffirm", "affirm", "hiss", "exhort",
    "whimper", "sob", "wail", "groan", "stammer", "stutter", "mumble", "snarl", "shriek", "gasp", "splutter",
    "sputter", "blurt", "rasp", "croak", "drawl", "bellow", "holler",
}
# Verbs whose clausal complement is reported speech or a stated position ("X argued that ...").
REPORT_LEMMAS = SPEECH_LEMMAS | {
    "announce", "stress", "emphasize", "emphasise", "suggest", "deny", "confirm", "assert", "predict",
    "underline", "underscore", "reiterate", "reaffirm", "affirm",
    "acknowledge", "admit", "concede", "explain", "report", "reply", "respond", "answer", "declare", "contend",
    "maintain", "indicate", "reveal", "recall", "complain", "allege", "testify", "agree", "estimate",
    "conclude", "find", "show", "point", "promise", "vow", "pledge", "boast", "mention", "observe", "signal",
    "hint", "caution", "speculate", "joke", "tweet", "post", "ask", "wonder", "reason", "concur", "stipulate",
    "charge", "swear", "guarantee", "assure", "forecast",
}
# Stated beliefs and expectations ("officials believe the fire was set"): journalists quote them as positions.
BELIEF_LEMMAS = {"think", "believe", "hope", "fear", "worry", "doubt", "feel", "expect", "suspect", "bet"}
# "X called the plan a 'gift'" / "X described the vote as historic": the object and its description.
LABEL_LEMMAS = {"call", "describe", "label", "brand", "dub", "term", "deem", "characterize", "characterise"}
# Verbs of judging or taking a stand in words ("X decried the 'witch hunt'", "Y blamed it on 'greed'"): the
# words quoted inside their clause are their subject's, as with a speech verb. A verb outside these lists
# ("cruised to a 'landslide'", "who ended his bid ... as 'a man ...'") says nothing of who spoke them.
STANCE_LEMMAS = {
    "praise", "laud", "extol", "applaud", "commend", "welcome", "salute", "congratulate", "thank", "tout",
    "celebrate", "endorse", "criticize", "criticise", "blast", "slam", "decry", "denounce", "condemn", "bemoan",
    "deplore", "attack", "lambaste", "rail", "mock", "ridicule", "deride", "taunt", "insult", "disparage",
    "belittle", "scoff", "snipe", "grouse", "gripe", "vent", "rant", "lash", "scold", "chide", "rebuke",
    "berate", "castigate", "excoriate", "blame", "fault", "dismiss", "reject", "dispute", "question", "challenge",
    "contradict", "rebut", "refute", "defend", "justify", "cite", "quote", "invoke", "refer", "allude",
    "reference", "portray", "depict", "liken", "compare", "nickname", "credit", "apologize", "apologise",
    "express", "voice", "elaborate", "discuss", "talk", "propose", "advocate", "recommend", "pitch", "champion",
    "threaten", "brag", "trumpet", "regard", "view", "consider", "frame",
    "summarize", "summarise", "outline", "detail", "define", "clarify", "imply", "insinuate", "theorize",
    "theorise", "envision", "downplay", "hype", "bash", "skewer", "needle", "tease", "smear",
    "repeat", "push", "beam", "offer", "herald", "hammer", "pivot", "position", "forward", "fixate", "publish",
    "pen", "order", "remember", "recount", "reflect", "support", "oppose", "favor", "favour", "prefer", "pronounce",
    "launch", "seek", "posture", "anticipate", "ponder", "mull", "assume", "cast", "issue", "present", "want",
    "grumble", "moan", "whine", "rage", "protest", "object", "lobby", "campaign", "preach", "lecture",
    "proclaim", "opine", "reckon", "sign", "rip", "assail", "introduce", "bicker",
    "command", "instruct", "advise", "coach", "file", "petition", "appeal", "invite",
    "gloat", "marvel", "rejoice", "exult", "crow", "cheer", "fret", "mourn", "sigh", "laugh", "grieve",
}
SPEAKING_LEMMAS = CUE_LEMMAS | REPORT_LEMMAS | LABEL_LEMMAS | BELIEF_LEMMAS
_ENDINGS = (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""))
CLIMB_DEPS = {"advcl", "conj", "xcomp", "ccomp", "relcl", "pcomp", "prep"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}

Spans = list[tuple[int, int]]


def speaks(verb: Token, stance: bool = True) -> bool:
    """True for a word that reports speech, a stated position or belief, or (with `stance`) a stand taken in
    words; an auxiliary stands for its verb ("did post")."""
    if verb.pos_ == "AUX" and verb.dep_ == "aux" and verb.head.i != verb.i:
        verb = verb.head
    forms = word_forms(verb)
    if stance and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children):
        return True  # "fired back", "hit back", "pushed back": an answer given
    if stance and _goes_on_speaking(verb, forms):
        return True  # "she went on", "he went further: ..."
    if stance and breaks_in(verb, forms):
        return True  # "Ashby cut in: ...", "she chipped in", "he piped up"
    if ("put" in forms and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
            and not any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ not in _PUT_IT_IN) for c in verb.children)):
        return True  # "as Ann Lee put it: ...", "put it bluntly", "put it in a memo"; not "put it on the table"
    return not forms.isdisjoint(SPEAKING_LEMMAS) or (stance and not forms.isdisjoint(STANCE_LEMMAS))


def _goes_on_speaking(verb: Token, forms: set[str]) -> bool:
    """True for "went on" or "went further" without an object or a place to go to."""
    parts = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
    return "go" in forms and bool(parts & {"on", "further"}) and not any(
        c.dep_ in {"dobj", "xcomp"} or (c.dep_ == "prep" and c.i > verb.i)  # not "went on to Ohio"
        for c in verb.children)


def breaks_in(verb: Token, forms: set[str] | None = None) -> bool:
    """True for a verb of breaking into talk ("cut in", "broke in", "chipped in", "piped up") without an object."""
    forms = word_forms(verb) if forms is None else forms
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head.i != verb.i or nxt.dep_ not in {"prt", "advmod", "prep"} or any(True for _ in nxt.children):
        return False  # a bare particle right after the verb (the parse reads a bare "in" as a preposition)
    return bool(forms & _BREAKING_IN.get(nxt.lower_, set())) and not any(
        c.dep_ in {"dobj", "prep"} and c.i > nxt.i for c in verb.children)  # not "cut in half", "broke in to the house"


_BREAKING_IN = {"in": {"cut", "break", "chip", "jump", "butt", "barge", "weigh", "pitch"}, "up": {"pipe", "speak"}}
_PUT_IT_IN = {"in", "to", "during"}  # "put it in his memo", "put it to reporters", "put it during the debate"


def word_forms(tok: Token) -> set[str]:
    """A word's lemma and the base forms its spelling allows (the lemmatizer reads "hoped" as "hop")."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    for ending, base in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: -len(ending)]
            forms.add(stem + base)
            if not base and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                forms.add(stem[:-1])  # "extolled" -> "extol", "marvelled" -> "marvel"
    return forms


def in_quotes(tok: Token, quoted: Spans) -> bool:
    """True when the token lies inside any quoted span (`quoted` in text order, none overlapping)."""
    k = bisect_right(quoted, (tok.idx, math.inf)) - 1
    return k >= 0 and tok.idx < quoted[k][1]


def is_own_subject(subj: Token, verb: Token | None) -> bool:
    """True when the parse makes `subj` the subject of `verb` itself, or of the verb a participle or a joined
    verb hangs from ("the mayor said, adding ...", "the mayor said ... and added"), not of a clause above it."""
    if verb is None or subj.dep_ not in SUBJECT_DEPS:
        return False
    cur = verb
    for _ in range(3):
        if subj.head.i == cur.i:
            return True
        if not (cur.dep_ == "conj" or (cur.dep_ == "advcl" and cur.tag_ == "VBG")) or cur.head.i == cur.i:
            return False
        cur = cur.head
    return subj.head.i == cur.i


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through participles and conjuncts ("..., adding that ...")."""
    cur: Token | None = verb
    for _ in range(4):
        if cur is None:
            return None
        subjects = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subjects and _for_to_clause(cur):
            return None  # "calls for the party to respond ... by recognizing that '...'": the party says nothing
        if subjects:
            return _best_subject(subjects)
        agent = _agent(cur)
        if agent is not None:
            return agent
        if (cur.dep_ == "advcl" and cur.tag_ == "VBG" and not _speaks_itself(cur.head)
                and (reported := _reported_clause_of(cur.head)) is not None):
            cur = reported.head  # "X said Y could return ..., suggesting ...": the participle is X's
        elif (cur.dep_ == "conj" and cur.lemma_.lower() in CUE_LEMMAS and _mute_subject(cur.head)
              and (reported := _reported_clause_of(cur.head)) is not None):
            cur = reported.head  # "X said it was too early ... but added, '...'": the parse joined "added" to "was"
        elif _after_time_clause(cur):
            return None  # "X said ... after Y won the primary, remarking ...": X's or Y's, the syntax cannot tell
        elif (cur.dep_ in CLIMB_DEPS or _misread_conjunct(cur)) and cur.head.i != cur.i:
            cur = cur.head
        else:
            return None
    return None


def _for_to_clause(verb: Token) -> bool:
    """True for an infinitive with a subject of its own ("for the party to respond"): a clause about someone."""
    return any(c.tag_ == "TO" for c in verb.children) and any(c.dep_ == "mark" and c.lower_ == "for"
                                                              for c in verb.children)


def _mute_subject(verb: Token) -> bool:
    """True when a verb's subject cannot speak: "it", "there", or a common noun for a thing ("the plan")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and all(
        c.dep_ == "expl" or c.lower_ in {"it", "there"} or (c.pos_ == "NOUN" and described_kind(c) is None)
        for c in subjects)


def _speaks_itself(verb: Token) -> bool:
    """True for a verb of speech with a subject of its own ("Comey cannot say that ..., Lee added, saying ...":
    the participle is Lee's, however the parse hung "added" under "say")."""
    return verb.lemma_.lower() in CUE_LEMMAS and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _reported_clause_of(verb: Token) -> Token | None:
    """The reported clause (a clausal complement) a verb is, or belongs to through verbs joined to it or
    depending on it ("said Y will have to choose ...": "choose" belongs to "have"); None otherwise."""
    cur = verb
    for _ in range(3):
        if cur.dep_ == "ccomp" and cur.head.i != cur.i:
            return cur
        if cur.dep_ not in {"xcomp", "conj"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _misread_conjunct(verb: Token) -> bool:
    """True for a finite verb the parse hung from an earlier verb of its sentence as a bare dependency ("Lee
    gestured ..., then leaned in and boomed: '...'"): it shares that verb's subject."""
    return (verb.dep_ == "dep" and verb.tag_ in FINITE_TAGS and verb.head.pos_ == "VERB" and verb.head.i < verb.i
            and verb.head.tag_ in FINITE_TAGS)


def _after_time_clause(verb: Token) -> bool:
    """True for a participle set off by a comma after an adverbial clause with its own conjunction and subject,
    itself hanging from a verb of speech ("Lee said ... after Ray won the vote, remarking that ...", "Lee asks as
    a guard walks in, saying he is ...": Lee's remark in the first, the guard's words in the second)."""
    clause = verb.head
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","
            and clause.dep_ == "advcl" and clause.i < verb.i and clause.head.i < clause.i
            and any(c.dep_ == "mark" for c in clause.children) and any(c.dep_ in SUBJECT_DEPS for c in clause.children)
            and clause.head.lemma_.lower() in CUE_LEMMAS)


def speaker_of(verb: Token) -> Token | None:
    """The subject of a cue verb. Without one of its own: for a participle, the person just before it ("with
    Sen. Ann Lee, R-Ore., saying"); for a finite verb, the name just before it; for a verb joined to another,
    the speaker of the nearest subjectless cue before it in its sentence; else the subject the parse climbs to."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if own and _for_to_clause(verb):
        return None  # "calls for the party to respond": nobody has responded
    if verb.lemma_.lower() in ADDRESSING and (
            (own and all(c.dep_ == "nsubjpass" for c in own)) or any(c.dep_ == "auxpass" for c in verb.children)):
        return _agent(verb)  # "Rubio was asked by Gerard Baker whether ...", "... and were told to keep quiet":
        # the one asked or told does not speak
    quoted = quotes_as_saying(verb)
    if quoted is not None:  # '"...," the Gazette quoted Ann Lee as saying': the one quoted, not the paper
        return quoted
    if own:
        subj = _best_subject(own)
        return _aside_source(subj, verb) or subj
    after = _inverted_name_after(verb)
    if after is not None:  # '"...," said Ann Lee, an aide, reports The Harbour Times.': the paper reports
        return after
    owner = _remark_owner(verb)
    if owner is not None:  # "Mr. Clinton's remark in 2008 describing the statement as '...'": Clinton's words
        return owner
    mistagged = _mistagged_name_after(verb)
    if mistagged is not None:  # '"...," said Skelly, explaining ...': a surname the tagger read as an adverb
        return mistagged
    closed = _name_past_its_relative_clause(verb)
    if closed is not None:  # "Ferrier, whose district includes Aurelin's plant, cautioned ...": Ferrier
        return closed
    before = _name_before(verb)
    if before is not None and (verb.tag_ in FINITE_TAGS or (verb.tag_ == "VBG" and before.ent_type_ == "PERSON"
                                                            and not _object_of_clause(before, verb))
                               or _past_read_as_participle(verb, before) or _root_read_as_noun(verb, before)):
        return before
    quoted = _quoted_as_saying(verb)
    if quoted is not None:  # "The Gazette quoted the economist Lukas Haverlin as saying ...": the one quoted
        return quoted
    if verb.dep_ == "conj":  # a cue the parse left without its subject ("the U.S. Waltz told ..., but argued")
        for tok in reversed(verb.doc[verb.head.i + 1 : verb.i]):
            if (tok.pos_ == "VERB" and tok.lemma_.lower() in CUE_LEMMAS and tok.dep_ != "conj"
                    and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)):
                near = speaker_of(tok)
                if near is not None:
                    return near
    return subject_of(verb)


def _remark_owner(verb: Token) -> Token | None:
    """The possessor of a noun for something said that a participle describes ("Lee's remark describing ...")."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.lemma_.lower() not in SPEECH_NOUNS:
        return None
    return next((c for c in head.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}), None)


def _quoted_as_saying(verb: Token) -> Token | None:
    """The object of "quote" or "cite" whose words "as saying" (writing, telling ...) introduces."""
    return quotes_as_saying(verb.head.head) if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None


def quotes_as_saying(verb: Token) -> Token | None:
    """The one quoted where "quote" or "cite" is the cue of the words: its object, taking "as saying" (writing,
    telling ...), or a person quoted ("The Gazette quoted Ann Lee: ...")."""
    if verb.lemma_.lower() not in {"quote", "cite"}:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    said = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
               for c in verb.children)
    named = obj is not None and verb.lemma_.lower() == "quote" and obj.ent_type_ == "PERSON"  # "The Gazette quoted Lee: ..."
    return obj if said or named else None


def _aside_source(subj: Token, verb: Token) -> Token | None:
    """The unnamed source of an aside the parse read as an apposition ("Clinton, a top aide said, 'is very
    confident'": the aide speaks, about Clinton): an indefinite noun phrase right before the verb, with no comma
    closing it, and a comma after the verb."""
    if verb.i + 1 >= len(verb.doc) or verb.nbor(1).text != ",":
        return None
    for c in subj.children:
        if (c.dep_ == "appos" and c.pos_ == "NOUN" and c.right_edge.i + 1 == verb.i and c.i > subj.i
                and any(d.dep_ == "det" and d.lower_ in {"a", "an", "one"} for d in c.children)):
            return c
    return None


# Verbs whose passive subject is the one spoken to ("Rubio was asked by ...", "he was told to wait"): no speaker.
ADDRESSING = {"ask", "tell", "question", "inform", "remind", "warn", "urge", "advise", "assure", "press", "instruct",
              "order"}


def _agent(verb: Token) -> Token | None:
    """The "by X" of a passive verb."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _best_subject(subjects: list[Token]) -> Token:
    """Of the subjects the parse gives one verb, the one that can speak: a place misread as a subject
    ("in Salem, New Hampshire, Trump went") gives way to a person or group, the nearer one first."""
    speaking = [s for s in subjects if s.ent_type_ not in {"GPE", "LOC", "DATE", "TIME"}]
    return (speaking or subjects)[-1] if len(subjects) > 1 else subjects[0]


def _object_of_clause(tok: Token, verb: Token) -> bool:
    """True for the object of a verb or preposition ("went after Bush, calling him ..."), which a participle
    after it does not belong to; "with Ann Lee saying" keeps its person, and so does "of Ann Lee saying" with
    nothing between name and participle ("the criticism of Lee, telling ABC" does not)."""
    if tok.dep_ in {"dobj", "dative", "iobj", "attr", "oprd"}:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return verb.i != tok.i + 1
    return tok.dep_ == "pobj" and tok.head.lower_ != "with"


def _inverted_name_after(verb: Token) -> Token | None:
    """The name closing a sentence right after a subjectless finite verb set off by a comma (", reports The
    Harbour Times."): the verb's subject, written after it."""
    doc = verb.doc
    if verb.tag_ not in FINITE_TAGS or verb.i == 0 or doc[verb.i - 1].text != "," or verb.i + 1 >= len(doc):
        return None
    name = doc[verb.i + 1]
    while name.dep_ in {"compound", "det"} and name.head.i > name.i:
        name = name.head
    end = name.i + 1
    if name.pos_ != "PROPN" or name.head.i != verb.i or end >= len(doc) or doc[end].text not in {".", "!", "?"}:
        return None
    return name


def _name_past_its_relative_clause(verb: Token) -> Token | None:
    """The name a relative clause set off by commas modifies, for a past tense right after the closing comma that
    the parse hung from a noun inside that clause ("Desmond Ferrier, whose district includes Aurelin's main plant,
    cautioned against ..."): the verb is the name's, the sentence having no other."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBD", "VBN"} or verb.i == 0 or verb.nbor(-1).text != ",":
        return None
    for up in verb.ancestors:
        if up.dep_ == "relcl":
            name = up.head
            if name.pos_ == "PROPN" and name.i < up.i and name.dep_ == "ROOT":
                return name
            return None
    return None


def _past_read_as_participle(verb: Token, name: Token) -> bool:
    """True for a past tense the parse took for a participle modifying the name before it, past an apposition
    between commas ("Mitt Romney, the 2012 nominee, tweeted in response: ..."); not one with an agent ("signed by")."""
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i == name.i and name.pos_ == "PROPN"
            and any(c.dep_ == "appos" for c in name.children) and not any(c.dep_ == "agent" for c in verb.children))


def _root_read_as_noun(verb: Token, name: Token) -> bool:
    """True for a past tense the parse hung as a participle from the noun before it, which it made the sentence's
    root ('"...," passengers chanted as ...'): a sentence has no noun for its root, so the noun is the subject."""
    return (verb.tag_ in {"VBN", "VBD"} and verb.dep_ == "acl" and verb.head.i == name.i and name.dep_ == "ROOT"
            and not any(c.dep_ == "agent" for c in verb.children))


def _mistagged_name_after(verb: Token) -> Token | None:
    """A capitalised word right after a subjectless finite cue, closed by a comma or full stop, that the tagger
    took for an adverb or adjective ('"...," said Skelly, explaining'): the inverted subject, a name."""
    doc = verb.doc
    if verb.tag_ not in FINITE_TAGS or verb.i + 2 >= len(doc) or verb.i == 0 or not doc[verb.i - 1].is_punct:
        return None
    name = doc[verb.i + 1]
    if name.pos_ in {"ADV", "ADJ"} and name.is_title and name.head.i == verb.i and doc[verb.i + 2].text in {",", "."}:
        return name
    return None


def name_before(verb: Token) -> Token | None:
    """The head of the name written just before a verb that the parse left without a subject of its own."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return _name_before(verb)


_AUTHORING = {"sign", "write", "issue", "send", "draft", "author", "pen", "compose", "co-sign", "cosign"}


def _name_before(verb: Token) -> Token | None:
    """The head of the name just before a verb, past commas and an apposition ("Ann Lee, R-Ore.,")."""
    if verb.i == 0:
        return None
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].text in {",", "(", ")"}:
        i -= 1
    tok = doc[i]
    if tok.is_quote or tok.pos_ not in {"PROPN", "NOUN"}:
        return None
    for _ in range(6):
        if (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in {"PROPN", "NOUN"}
                and tok.head.head.i < tok.i):
            tok = tok.head.head  # "Ann Lee, the mayor's chief of staff, said": past "of staff" to "chief"
        elif (clause := _relative_clause_above(tok, verb)) is not None:
            tok = clause.head  # "Ann Lee, who is chairman of the fund said", "an official who spoke to discuss strategy
            # said": the one the relative clause describes, not a noun inside it
        elif tok.dep_ in {"compound", "flat", "appos"} and tok.head.i < verb.i and tok.head.pos_ in {"PROPN", "NOUN"}:
            if tok.dep_ == "appos" and verb.tag_ in FINITE_TAGS and _in_prepositional_phrase(tok.head, verb):
                break  # "In an interview with hosts Ann Lee and Bo Ray, the candidate stated": not Bo Ray
            tok = tok.head
        else:
            break
    if (tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i < tok.i
            and tok.head.head.lemma_.lower() not in _AUTHORING):
        return None  # "a review, a copy of which has been seen by the Courier, warned": not "a letter, signed by Lee,"
    return tok


def _relative_clause_above(tok: Token, verb: Token) -> Token | None:
    """The nearest relative clause `tok` lies inside, when it describes a name or noun before it and ends before
    `verb`; None otherwise."""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return None
        if anc.dep_ == "relcl":
            head = anc.head
            fits = (anc.pos_ in {"VERB", "AUX"} and head.i < tok.i and head.pos_ in {"PROPN", "NOUN"}
                    and anc.right_edge.i < verb.i and not any(t.is_quote for t in tok.doc[head.i : verb.i]))
            return anc if fits else None  # not across quotation marks: a clause inside the words is theirs
    return None


def in_relative_clause(tok: Token, top: Token | None = None, deps: frozenset[str] = frozenset({"relcl"})) -> bool:
    """True when `tok` lies in a clause of one of `deps` (a relative clause by default), below `top` if given
    (a comma closing such a clause counts as inside it)."""
    cur = tok
    while top is None or cur.i != top.i:
        if cur.dep_ in deps or (cur.dep_ == "punct" and cur.head.dep_ in deps):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _in_prepositional_phrase(tok: Token, verb: Token) -> bool:
    """True when `tok` lies inside a prepositional phrase (below a preposition's object) under `verb`."""
    for anc in [tok, *tok.ancestors]:
        if anc.i == verb.i:
            return False
        if anc.dep_ == "pobj":
            return True
    return False


def according_to(tok: Token) -> Token | None:
    """The source X when `tok` is the word "according" of "according to X"."""
    if tok.lower_ != "according":
        return None
    for to in tok.children:
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if to.lower_ == "to" and objs:
            return objs[0]
    return None


# Nouns for something said: a quotation inside their clause is the words of their possessor ("Trump's claim
# that there were 'thousands of shootings'"), whoever the verb above them has as subject.
SPEECH_NOUNS = {
    "claim", "statement", "remark", "assertion", "comment", "promise", "pledge", "accusation", "allegation",
    "boast", "vow", "insistence", "quip", "tweet", "prediction", "contention", "declaration", "admission", "denial",
}
# Nouns for an answer sent by someone ("the reply from the Trust's account").
REPLIES = SPEECH_NOUNS | {"reply", "response", "answer", "retort", "message", "post", "rejoinder"}
# Nouns for someone's words as a judgement, owned by the one who gave it ("Owen Pryce's assessment was blunt: ...").
VERDICTS = {"assessment", "verdict", "view", "reaction", "take", "warning", "advice", "diagnosis", "summary",
            "explanation", "words", "prognosis", "message", "reply", "response", "answer", "retort", "rejoinder"}


def owned_verdict(be: Token) -> Token | None:
    """The subject of a "be" that is someone's words or judgement ("his exact words were", "Lee's verdict was"), if so."""
    if be.lemma_ != "be":
        return None
    return next((c for c in be.children if c.dep_ in SUBJECT_DEPS and (c.lemma_.lower() in VERDICTS or c.lower_ in VERDICTS)
                 and any(g.dep_ == "poss" for g in c.children)), None)


def speech_noun_above(span: Span, cue: Token | None) -> Token | None:
    """The noun for something said whose clause holds the quoted tokens, below any cue verb ("X's claim that ...")."""
    inside = range(span.start, span.end)
    for tok in span:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        cur = tok
        for _ in range(5):
            if cur.head.i == cur.i or (cue is not None and cur.head.i == cue.i):
                break
            below, cur = cur, cur.head
            if cur.pos_ in {"VERB", "AUX"} and cur.lemma_.lower() in CUE_LEMMAS:
                break
            if (cur.pos_ == "NOUN" and cur.lemma_.lower() in SPEECH_NOUNS and cur.i not in inside
                    and below.dep_ in {"acl", "ccomp"}):
                return cur
        return None
    return None


def according_in(sent: Span) -> Token | None:
    """The source of the first "according to X" (or "in the words of X", "in X's words") in a sentence."""
    doc = sent.doc
    places = doc.user_data.get(_SOURCE_WORDS_KEY)
    if places is None:  # the words that can open such a phrase, found in one pass over the document
        from spacy.attrs import LOWER  # here: the store and the command line import this module without spaCy

        from newsloom.annotate.token_values import indices, valued

        places = doc.user_data[_SOURCE_WORDS_KEY] = indices(valued(doc, LOWER, {"according", "words"}))
    for i in places[bisect_left(places, sent.start) : bisect_left(places, sent.end)]:
        source = according_to(doc[i]) or _in_the_words_of(doc[i])
        if source is not None:
            return source
    return None


_SOURCE_WORDS_KEY = "newsloom.according"


def _in_the_words_of(tok: Token) -> Token | None:
    """The source X when `tok` is the "words" of "in the words of X" or "in X's words"."""
    if tok.lower_ != "words" or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def cue_for(span: Span, quoted: Spans) -> Token | None:
    """The cue verb governing a quoted span: an ancestor speech verb, else one nearby in its sentence."""
    inside = set(range(span.start, span.end))
    worded = False  # a word of the quotation already hangs outside it
    for tok in span:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        if worded and tok.is_punct and not _reports_span(tok.head, span):
            continue  # "as Bo went on about '...,' Ann said yes": the mark hangs from a verb that says something else
        worded = worded or not tok.is_punct
        cues = [
            anc for anc in _up_to_own_clause(tok)
            if anc.i not in inside and anc.lemma_.lower() in CUE_LEMMAS and anc.pos_ in {"VERB", "AUX"}
            and not so_called(anc)
        ]
        if cues and tok.is_punct:  # a mark hangs from wherever the parse put it: a cue nearer the words wins
            cues = _nearer_cue(span, cues[0], inside) or cues
        if cues and cues[0].lemma_.lower() in SPEECH_LEMMAS:
            outer = [c for c in cues[1:] if c.lemma_.lower() in REPORT_LEMMAS and subject_of(c) is not None
                     and not _through_adverbial(cues[0], c)] if _unsaid(cues[0]) else []
            return outer[0] if outer else cues[0]  # "Obama said Americans will say 'no'": Obama's words
        if cues:  # "X said Fox was calling 'every hour'": the reporting verb framing the others speaks
            framing = [c for c in cues[1:] if c.lemma_.lower() in REPORT_LEMMAS and subject_of(c) is not None
                       and not _through_adverbial(cues[0], c) and not _next_in_a_list(cues[0], c)]
            return framing[-1] if framing else cues[0]
    chain = [t for t in _up_to_own_clause(span.root) if t.i not in inside]
    if any(t.pos_ == "VERB" and not word_forms(t).isdisjoint(STANCE_LEMMAS) for t in chain):
        return None  # "praising '...' as he promised ...": the verb of judging frames the words, not a cue nearby
    doc = span.doc
    sent_start, sent_end = doc[span.start].sent.start, doc[span.end - 1].sent.end
    candidates = [
        t for t in doc[sent_start:sent_end]
        if t.lemma_.lower() in CUE_LEMMAS and t.pos_ == "VERB" and not in_quotes(t, quoted) and not so_called(t)
    ]
    top = _up_to_own_clause(span.root)[-1]
    if _own_clause(top):  # quoted inside a relative or adverbial clause: only a cue within that clause reports it
        candidates = [t for t in candidates if top.left_edge.i <= t.i <= top.right_edge.i]
    candidates = [t for t in candidates if not _in_other_adverbial(t, span)]
    near = [t for t in candidates if _governs(t, span) or min(abs(t.i - span.start), abs(t.i - span.end)) <= _NEAR]
    if not near:
        return None
    return min(near, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))


_NEAR = 12  # tokens: a cue farther away than this that does not govern the quotation is another clause's


def _next_in_a_list(inner: Token, outer: Token) -> bool:
    """True when a cue the parse hung a clause from comes after it with words of its own to report ("A called it
    '...', B said Y would be '...', and C warned ..."): the next speaker of a list, not the one reporting A."""
    return (outer.i > inner.i and any(c.dep_ in SUBJECT_DEPS for c in inner.children)
            and any(c.dep_ == "ccomp" and c.i > outer.i for c in outer.children))


def _unsaid(verb: Token) -> bool:
    """True for speech that is expected, wished, refused or denied rather than given: a verb with a modal ("will
    say", "would tell"), an infinitive ("refusing to say") or a negation ("Comey cannot say that ...")."""
    return any((c.dep_ == "aux" and (c.lower_ in _MODALS or c.tag_ == "TO")) or c.dep_ == "neg" for c in verb.children)


_MODALS = {"will", "would", "could", "might", "may", "should", "shall", "can", "must", "'ll", "wo", "ca"}


def _reports_span(verb: Token, span: Span) -> bool:
    """True when a verb's complement or object holds the span, or it has none ("told the Herald that ... 'X'";
    not "said yes")."""
    contents = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    words = [t.i for t in span if not t.is_punct] or [span.start]
    return not contents or any(c.left_edge.i <= min(words) and max(words) <= c.right_edge.i for c in contents)


def _nearer_cue(span: Span, found: Token, inside: set[int]) -> list[Token]:
    """The cue verbs on the way up from the quoted words' root to `found`, nearest first ("Axelrod tweeted after
    Clinton argued ... that '... we would not have rescued it.'": the full stop hangs from "tweeted", the words
    from "argued")."""
    on_way = []
    for anc in span.root.ancestors:
        if anc.i == found.i:
            return on_way
        if anc.i not in inside and anc.pos_ == "VERB" and anc.lemma_.lower() in CUE_LEMMAS and not so_called(anc):
            on_way.append(anc)
    return []


def _through_adverbial(low: Token, high: Token) -> bool:
    """True when the way up from `low` to its ancestor `high` leaves an adverbial clause ("While Lee admitted
    that ..., his campaign argued ...": the clause of "admitted" is not what "argued" reports)."""
    cur = low
    while cur.i != high.i and cur.head.i != cur.i:
        if cur.dep_ == "advcl":
            return True
        cur = cur.head
    return False


def _in_other_adverbial(verb: Token, span: Span) -> bool:
    """True when the verb lies in an adverbial clause that does not hold the quoted words ("After Lee asked
    about it, they became 'agitated'": Lee's question is not what they said)."""
    for tok in [verb, *verb.ancestors]:
        if (tok.dep_ == "advcl" and not (tok.left_edge.i <= span.start and span.end - 1 <= tok.right_edge.i)
                and not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)):
            return True  # "as Lee put it, the plan is 'a disaster'" still reports the words
    return False


def _governs(verb: Token, span: Span) -> bool:
    """True when the quotation lies inside the verb's clause."""
    return verb.left_edge.i <= span.start and span.end - 1 <= verb.right_edge.i


def _up_to_own_clause(tok: Token) -> list[Token]:
    """The token and its ancestors, up to the verb of the relative or adverbial clause holding it: a verb above
    a relative clause ("the effort, which the agency notes was led to 'isolate' him") or above an adverbial
    clause with a subject of its own ("Ann said yes as Bo went on about 'a rigged system'") reports something
    else."""
    chain = [tok]
    for anc in tok.ancestors:
        if _own_clause(chain[-1]):
            break
        chain.append(anc)
    return chain


def _own_clause(verb: Token) -> bool:
    """True for the verb of a relative clause, or of an adverbial clause with its own subject hanging from a cue
    that has an object or complement of its own ("described her as a 'disgrace' after she blamed ...", "said yes,
    as Bo went on ...", "as Bo went on ..., Ann said yes"), or a verb joined to one ("after she attacked ... and
    blamed ...")."""
    if verb.dep_ == "relcl":
        return True
    head = verb.head if verb.dep_ == "conj" else verb
    if head.dep_ != "advcl" or not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        return False
    main = head.head  # the clause hangs from a cue that says what it reports ("said yes, as ...", "as ..., said yes")
    return speaks(main) and any(c.dep_ in _CONTENT_DEPS and c.i != head.i for c in main.children)


_CONTENT_DEPS = {"dobj", "ccomp", "xcomp", "oprd", "intj", "attr"}


def so_called(tok: Token) -> bool:
    """The "called" of "so-called", which marks scare quotes rather than anyone's words."""
    return tok.lower_ == "called" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "so"
