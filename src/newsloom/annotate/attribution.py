"""Who a quotation belongs to: the cue and subject next to its marks, else the cue verb the parse gives it."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsloom.annotate.cues import (
    CUE_LEMMAS,
    breaks_in,
    quotes_as_saying,
    REPLIES,
    SUBJECT_DEPS,
    owned_verdict,
    FINITE_TAGS,
    Spans,
    cue_for,
    in_relative_clause,
    speaker_of,
    speaks,
    subject_of,
)

Attribution = tuple[Token | None, Token | None]
_CLAUSE_END = set(",?!\u2014\u2013-")
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_IN_SOURCE = _NOMINAL | {"DET", "ADJ", "NUM", "PUNCT", "ADV", "AUX", "PART", "ADP", "X", "SYM"}
_WINDOW = 14
_APPOSITION_WINDOW = 30
_SPEAKING_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_SPEAKING_PRONOUNS = {"he", "she", "they", "who"}


def attribute(span: Span, quoted: Spans, sent_of: Callable[[int], Span]) -> tuple[Token | None, Token | None, bool]:
    """The cue and the speaker's token of the quoted tokens `span` (either may be None), and whether
    that cue stands right beside the quotation marks rather than being found through the parse."""
    doc = span.doc
    if _ends_clause(doc, span):
        found = _cue_after(doc, span) or _cue_after_apposition(doc, span)
        if found is not None:
            asking = _asking_clause(span, found[0])
            if asking is not None:  # 'When Reszel asked whether he would "...", Lenk replied': the asker's words
                return asking, speaker_of(asking), False
            return (*found, True)
    found = _cue_before(doc, span, sent_of) or _cue_before_aside(doc, span, sent_of)
    if found is not None:
        cue, subj = found
        if cue is not None and subj is not None and span.start <= subj.i < span.end:
            subj = _subject_before(doc, cue, sent_of(cue.i).start)
        return cue, subj, True
    cue = cue_for(span, quoted)
    if cue is None:
        return (*_framing_verb(span), False)
    subj = speaker_of(cue)
    if subj is not None and (span.start <= subj.i < span.end or _in_marks(subj)):
        subj = None  # a title the parse made the subject ('on MSNBC's "Morning Joe," calling it ...') says nothing
    return cue, subj, False


def _asking_clause(span: Span, after: Token | None) -> Token | None:
    """The verb of asking, with a subject of its own, whose question holds quoted words inside an adverbial clause
    of the cue after them ('When Reszel asked whether the minister would "...", Lenk replied'), if there is one."""
    if after is None:
        return None
    for anc in span.root.ancestors:
        if anc.i >= span.start:
            continue
        if anc.i == after.i:
            return None
        if (anc.lemma_.lower() in _QUESTION_VERBS and anc.dep_ == "advcl" and anc.head.i == after.i
                and any(c.dep_ == "nsubj" for c in anc.children)):
            return anc
    return None


_QUESTION_VERBS = {"ask", "question", "wonder", "inquire", "enquire", "query"}  # verbs whose clause is a question


def _in_marks(tok: Token) -> bool:
    """True when a phrase stands alone between quotation marks ("Morning Joe," in 'on "Morning Joe," calling')."""
    doc = tok.doc
    words = [t.i for t in tok.subtree if not t.is_punct] or [tok.i]
    left, right = min(words) - 1, max(words) + 1
    while right < len(doc) and doc[right].text in {",", "."}:
        right += 1
    return left >= 0 and right < len(doc) and doc[left].is_quote and doc[right].is_quote


def _subject_before(doc: Doc, cue: Token, sent_start: int) -> Token | None:
    """The subject of the clause a cue hangs from, read back from the cue when the parse climbed into the
    quotation ("Weaver ..., telling reporters, 'A lot of people said ...'" -> Weaver)."""
    for tok in reversed(doc[sent_start : cue.i]):
        if tok.dep_ in SUBJECT_DEPS and tok.head.i < cue.i:
            return tok
    return None


def _framing_verb(span: Span) -> Attribution:
    """For words quoted inside a sentence ("mocked Rubio for 'having a tough night'"), the verb that
    frames them when its subject can speak: a person, an organisation or a personal pronoun."""
    inside = range(span.start, span.end)
    for anc in span.root.ancestors:
        if anc.i in inside or anc.pos_ != "VERB":
            continue
        subj = subject_of(anc)
        if subj is not None and (subj.ent_type_ in _SPEAKING_ENTS or subj.lower_ in _SPEAKING_PRONOUNS):
            verb = _speaking_verb(anc, subj)
            if verb is None and sum(not t.is_punct for t in span) == 1:
                return None, None  # "won 9 percent of the 'moderate' vote": one scare-quoted word, no one's words
            return verb or anc, subj
        return None, None
    return None, None


def _speaking_verb(verb: Token, subj: Token) -> Token | None:
    """The first verb that speaks or takes a stand on the way from `verb` up to its subject's own verb
    ("criticised Lee for making 'rude remarks'" -> criticised), None when none does."""
    cur = verb
    for _ in range(6):
        if cur.pos_ in {"VERB", "AUX"} and speaks(cur):
            return cur
        if cur.i == subj.head.i or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _ends_clause(doc: Doc, span: Span) -> bool:
    """True when the quotation closes a clause: it ends with a comma, ? or !, or a comma follows its mark; a
    quotation it ends with is passed over ('“She said that ‘I want the House,’” Lee said')."""
    k = span.end - 1
    while k > span.start and doc[k].is_quote:
        k -= 1
    last = doc[k].text[-1:]
    if last in _CLAUSE_END:
        return True
    i = span.end
    while i < len(doc) and (doc[i].is_quote or doc[i].is_space):
        i += 1
    return i < len(doc) and doc[i].text == ","


def _cue_after(doc: Doc, span: Span) -> Attribution | None:
    """`"...," the mayor said` / `"...," said Ann Lee`: a cue verb opening the words after the quotation."""
    i = span.end
    while i < len(doc) and (doc[i].is_quote or doc[i].text == "," or _inline_space(doc[i])):
        i += 1
    seen_nominal = False
    for j in range(i, min(len(doc), i + _WINDOW)):
        tok = doc[j]
        if tok.is_space:
            return None
        named = tok.pos_ == "VERB" and tok.dep_ in SUBJECT_DEPS  # a subject tagged as a verb ('"...," Trump shot back')
        if (tok.pos_ == "VERB" and not named) or (j > i and _verb_tagged_noun(tok)):
            # any finite verb right after the quotation reports it ("...," Trump shot back); "adding" leads on
            if tok.dep_ == "relcl":  # '"...," Ann Lee, who asked not to be named, said'; '“Bill,” which allows'
                past = _cue_past_relative(tok.head) if tok.head.i >= i else None
                if past is not None or tok.lemma_.lower() not in CUE_LEMMAS:
                    return past
            if tok.lemma_.lower() not in CUE_LEMMAS and (
                    tok.tag_ not in FINITE_TAGS or j == i or _cue_before_in_sentence(span)):
                return None  # 'While Lee proclaims it a "terrific piece," Ray fixates on ...': Ray's verb is no cue
            if _introduces_next(tok) and not _opens_sentence(span):
                return None  # "After Lee said ... 'less advanced schools,' Ray said: '...'": Ray's words follow
            if j > i and _says_something_else(tok):
                return None  # "... 'our struggling fishermen,' Melanie said yes, yes": she said yes
            if tok.tag_ == "VBG":
                return None
            return tok, quotes_as_saying(tok) or _source_near(doc, tok, i, j)  # '"...," the Gazette quoted Lee as saying
        if tok.is_quote or tok.text in {";", ":", "."} or (tok.pos_ not in _IN_SOURCE and not named):
            return None
        if tok.pos_ == "ADP" and not seen_nominal:
            return None
        seen_nominal = seen_nominal or named or tok.pos_ in _NOMINAL
    return None


def _cue_past_relative(name: Token) -> Attribution | None:
    """`"...," Ann Lee, who served as ..., told CBS`: the cue whose subject a relative clause describes, when it
    says nothing else ('"...?" - voters who watched the debate said they were unfazed' is theirs, not the quote)."""
    verb = name.head
    if (name.dep_ not in SUBJECT_DEPS or verb.i < name.i or verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS
            or verb.lemma_.lower() not in CUE_LEMMAS or _says_something_else(verb)):
        return None
    return verb, name


def _says_something_else(verb: Token) -> bool:
    """True when a cue verb after a quotation and its subject has words of its own after it: an interjection or
    clause ("Lee said yes", "Lee said that ..."), or an object other than a name ("Lee said nothing")."""
    return any(c.i > verb.i and (c.dep_ in {"intj", "ccomp"} or (c.dep_ == "dobj" and c.lower_ in _SAID_THINGS))
               and not _goes_on_quoting(verb, c) for c in verb.children)


def _goes_on_quoting(verb: Token, clause: Token) -> bool:
    """True when a clause of the cue is the second part of a split quotation: it opens with a quotation mark right
    after the cue and its comma ('"...," the mayor fired back, "which is more ..."')."""
    doc = verb.doc
    for tok in doc[verb.i + 1 : clause.left_edge.i + 1]:
        if tok.is_quote:
            return True
        if not (tok.is_punct or tok.pos_ in {"ADV", "PART", "ADP"}):
            return False
    return False


_SAID_THINGS = {"yes", "no", "nothing", "something", "anything", "everything", "this", "that", "it", "so", "little",
                "much", "otherwise"}  # "said nothing"; not the one addressed ("told me", "urged them")


def _inline_space(tok: Token) -> bool:
    """A run of extra spaces inside a line ('...,”  added Lee'), which the parser keeps as a token of its own."""
    return tok.is_space and "\n" not in tok.text


def _introduces_next(verb: Token) -> bool:
    """True for a cue verb followed by a colon, or by a comma and an opening quotation mark ("Mills then writes
    back, '...'"): it introduces the words after it."""
    doc, nxt = verb.doc, verb.i + 1
    while nxt < len(doc) and nxt - verb.i <= 2 and doc[nxt].dep_ in {"prt", "advmod"} and doc[nxt].head.i == verb.i:
        nxt += 1  # "writes back", "said simply"
    if nxt >= len(doc):
        return False
    if doc[nxt].text == ":":
        return True
    opening = nxt + 1 < len(doc) and doc[nxt + 1].is_quote and nxt + 2 < len(doc) and doc[nxt + 2].text[:1].isupper()
    return doc[nxt].text == "," and opening  # not '"bad," Lee said, "and wrong."': one quotation goes on


def _cue_before_in_sentence(span: Span) -> bool:
    """True when a verb that speaks or takes a stand in words comes before the quoted words in their sentence
    ('While Lee proclaims it a "...," ...')."""
    doc = span.doc
    return any(t.pos_ == "VERB" and speaks(t) for t in doc[doc[span.start].sent.start : span.start])


def _opens_sentence(span: Span) -> bool:
    """True when nothing but quotation marks or spaces comes before the quoted words in their sentence."""
    sent = span[0].sent
    return all(t.is_quote or t.is_space or t.is_punct for t in span.doc[sent.start : span.start])


def _cue_after_apposition(doc: Doc, span: Span) -> Attribution | None:
    """`"...," Mr. Lee, now 81 and retired in Ohio, said by telephone`: a name, an apposition between commas,
    then the cue verb."""
    i = span.end
    while i < len(doc) and (doc[i].is_quote or doc[i].text == "," or _inline_space(doc[i])):
        i += 1
    j = i
    while j < len(doc) and j - i < 5 and (doc[j].pos_ == "PROPN" or (doc[j].pos_ == "NOUN" and doc[j].dep_ == "compound")):
        j += 1  # "Mr. Lee", "Texas delegate Bill Eastland"
    if j == i or j >= len(doc) or doc[j].text != "," or doc[j - 1].pos_ != "PROPN":
        return None
    name = doc[j - 1]
    marks = 0
    for k in range(j + 1, min(len(doc), j + _APPOSITION_WINDOW)):
        tok = doc[k]
        marks += tok.is_quote  # a quoted name inside the apposition ("wearing “Ted Cruz” pins") is passed over
        if (tok.is_quote and marks > 2) or tok.is_space or tok.text in {";", ".", ":", "!", "?"}:
            return None
        if (tok.pos_ == "VERB" and tok.lemma_.lower() in CUE_LEMMAS and tok.tag_ in FINITE_TAGS
                and doc[k - 1].text == "," and marks % 2 == 0):
            return tok, name
    return None


def _before_parenthesis(doc: Doc, i: int, start: int) -> int:
    """The token before a parenthesis that token `i` closes ("Lee (R-S.C.)" -> Lee, however the tokenizer cut
    "S.C.)"), else `i`."""
    if not doc[i].text.endswith(")"):
        return i
    j = i if doc[i].text.startswith("(") else i - 1
    while j > start and not doc[j].text.startswith("("):
        j -= 1
    return j - 1 if j > start and doc[j].text.startswith("(") else i


def _verb_tagged_noun(tok: Token) -> bool:
    """A cue verb the tagger took for a noun, closing its clause ("..., the two write.")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_LEMMAS and (nxt is None or nxt.is_punct)


def _source_near(doc: Doc, verb: Token, start: int, end: int) -> Token | None:
    """The speaker of a cue found after a quotation: its subject, or the noun phrase beside it."""
    subj = speaker_of(verb)
    if end == start:  # "said Ann Lee": the phrase follows the verb
        if subj is not None and subj.i > verb.i:
            return subj
        stop = next((t.i for t in doc[verb.i + 1 : verb.i + 6] if t.is_punct), verb.i + 6)
        after = [t for t in doc[verb.i + 1 : stop] if t.pos_ in _NOMINAL | {"NUM"}]
        return _np_head(after[0], verb.i + 1, stop) if after else None
    if subj is not None and start <= subj.i < end:
        name = _named_before_apposition(doc, start, subj.i)
        return name if name is not None and subj.pos_ == "NOUN" else subj
    heads = [t for t in doc[start:end]
             if (t.pos_ in _NOMINAL or t.dep_ in SUBJECT_DEPS) and not start <= t.head.i < end]
    return heads[0] if heads else None


def _named_before_apposition(doc: Doc, start: int, at: int) -> Token | None:
    """The person's name opening [start, at) and set off by a comma from what follows it ('"...," Gene Lee, a top
    adviser, said': Lee, whatever the parse made the subject)."""
    k = start
    while k < at and doc[k].ent_type_ == "PERSON" and doc[k].pos_ == "PROPN":
        k += 1
    return doc[k - 1] if start < k < at and doc[k].text == "," else None


def _np_head(tok: Token, start: int, end: int) -> Token:
    """Climb from a name part to the head of its phrase ("Ann" -> "Lee"; "Lee's" -> "aide") within [start, end)."""
    while tok.dep_ in {"compound", "flat", "amod", "det", "poss"} and start <= tok.head.i < end:
        tok = tok.head
    return tok


_DASHES = {"-", "--", "\u2014", "\u2013"}


def _cue_before_aside(doc: Doc, span: Span, sent_of: Callable[[int], Span]) -> Attribution | None:
    """`X lamented her gaffes - "does she have to ...?" - voters said ...`: words set off by dashes are the aside
    of the clause before them, reported by the cue nearest before the first dash."""
    k = span.start - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    j = span.end
    while j < len(doc) and doc[j].is_quote:
        j += 1
    if k < 1 or j >= len(doc) or doc[k].text not in _DASHES or doc[j].text not in _DASHES:
        return None
    sent = sent_of(k)
    verb = next((t for t in reversed(doc[sent.start : k]) if t.pos_ == "VERB" and t.lemma_.lower() in CUE_LEMMAS), None)
    return (verb, speaker_of(verb)) if verb is not None else None


def _cue_before(doc: Doc, span: Span, sent_of: Callable[[int], Span]) -> Attribution | None:
    """`X said: "..."` (also across a paragraph break) and `X said, "..."`."""
    k = span.start - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 1:
        return None
    mark = doc[k]
    if mark.text == ",":  # "she said, ..." / "Trump issued a statement, ..."; a cue verb wins ("saying about X reaching a deal, ...")
        verbs = [t for t in reversed(doc[max(0, k - 12) : k]) if t.pos_ == "VERB" and t.dep_ not in {"amod", "acl"}]
        cues = [t for t in verbs if t.lemma_.lower() in CUE_LEMMAS
                or (t.lemma_.lower() in {"put", "shoot", "fire", "hit"} and speaks(t))]  # "as Lee shot back, ..."
        if doc[k - 1].lemma_ == "be" and owned_verdict(doc[k - 1]) is not None:
            return doc[k - 1], owned_verdict(doc[k - 1])  # "his exact words were, '...'": the words' owner
        near = [t for t in verbs if t.i >= k - 8]
        verb = cues[0] if cues else (near[0] if near else None)
        return (verb, speaker_of(verb)) if verb is not None else None
    if mark.text != ":":
        return None
    sent = sent_of(k)
    root = sent.root
    verbs = [t for t in doc[sent.start : k] if t.pos_ == "VERB"] or [
        t for t in doc[sent.start : k] if t.lemma_ == "be" and any(c.dep_ == "acomp" and c.tag_ == "JJR" for c in t.children)
        and any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in REPLIES for c in t.children)] or [
        t for t in doc[sent.start : k] if t.lemma_ == "be" and any(c.dep_ == "acomp" for c in t.children)
        and owned_verdict(t) is not None]  # "Owen Pryce's assessment on Monday was blunt: ..."
    # "The reply from the Trust was shorter: ...": a reply said in a way, not "The interplay has been important -"
    verb = root if root.i < k and root.pos_ in {"VERB", "AUX"} else (verbs[-1] if verbs else None)
    head, j = mark.head, k - 1
    if (verb is not None and verb is not root and in_relative_clause(verb) and head.pos_ in {"VERB", "AUX"}
            and head.i < k):
        verb = head  # "One diplomat, who was not authorised to speak, was blunter: ...": the clause the colon closes
    if (verb is root and head.dep_ == "conj" and head.pos_ in {"VERB", "AUX"} and sent.start <= head.i < k
            and any(c.dep_ in SUBJECT_DEPS for c in head.children)):
        verb = head  # "..., which workers called 'X', a sign hangs over the door: ...": the joined clause's subject
    while j > sent.start and k - j <= 2 and doc[j].pos_ == "ADV":
        j -= 1  # "who responds enthusiastically: ..."
    if doc[j].pos_ == "VERB" and doc[j].lemma_.lower() in CUE_LEMMAS:
        head = doc[j]  # the cue right before the colon, whatever the parse hung the colon from
    else:
        closing = next((t for t in [doc[k - 1], *doc[k - 1].ancestors] if t.pos_ == "VERB"), None)
        if (closing is not None and (closing.lemma_.lower() in CUE_LEMMAS or breaks_in(closing))
                and closing.right_edge.i == k - 1
                and sent.start <= closing.i and (verb is None or closing.i > verb.i)
                and closing.dep_ not in {"xcomp", "acl", "relcl", "pcomp"} and not in_relative_clause(closing)
                and speaker_of(closing) is not None):
            head = closing  # "..., while her husband shouted from behind her: ...": the cue whose clause the colon ends
    if head.i < k and head.pos_ in {"VERB", "AUX"} and (head.lemma_.lower() in CUE_LEMMAS or breaks_in(head)):
        verb = head  # "Trump said he responded: ...": the cue the colon closes, not the sentence's root
    if verb is None:  # "Carl Bialik: ..." as in an interview transcript; not "later that month on CNN: ..."
        before = doc[_before_parenthesis(doc, k - 1, sent.start)]  # "Rep. Ann Lee (R-S.C.): ..." 
        where = before.dep_ == "pobj" and before.pos_ == "PROPN" and before.ent_type_ != "PERSON"  # "on CNN:" 
        return (mark, before) if before.pos_ in {"PROPN", "NOUN"} and not where else None
    return verb, speaker_of(verb)
