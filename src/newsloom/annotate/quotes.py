"""Quotes with their cue verbs and speakers: direct, partial and indirect speech."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsloom.annotate.attribution import attribute
from newsloom.annotate.basis import CONFIDENCE, NOT_SPEECH, basis_of, carried, is_described, not_self_named
from newsloom.annotate.cues import (
    ADDRESSING,
    CUE_LEMMAS,
    FINITE_TAGS,
    LABEL_LEMMAS,
    REPORT_LEMMAS,
    SPEAKING_LEMMAS,
    SPEECH_LEMMAS,
    SUBJECT_DEPS,
    according_in,
    is_own_subject,
    name_before,
    so_called,
    speaks,
    speech_noun_above,
    subject_of,
)
from newsloom.annotate.descriptions import described_kind, description_name
from newsloom.annotate.entities import PUBLICATION_WORDS
from newsloom.annotate.gender import PRONOUN_GENDER, is_first_name
from newsloom.annotate.indirect import find_indirect, framed_statement
from newsloom.annotate.live_blog import live_entries, same_entry
from newsloom.annotate.nicknames import SHORT_FORMS
from newsloom.annotate.quotemarks import QuotedSpan, find_quoted_spans
from newsloom.annotate.speakers import SpeakerMention, SpeakerResolver, noun_phrase
from newsloom.annotate.turns import find_turns, turn_quotes
from newsloom.annotate.whose_words import (
    TELLING,
    named_thing,
    nearer_teller,
    reads_out,
    text_opening,
    text_read_before,
    the_phrase,
    writer_of,
)
from newsloom.lang import source_cues
from newsloom.model import Mention, Quote

SENTENCE_OPENERS = set(":,.;\u2014\u2013-\n")
_PARA_BREAK = re.compile(r"\n\s*")
_MARKS = "\"'\u201c\u201e\u00ab\u2018"
_NON_SPACE = re.compile(r"\S")
_LETTER = re.compile(r"[^\W\d_]")
_CLOSING_MARKS = "\"\u201d\u00bb\u2019'"
_SENTENCE_ENDS = ".?!\u2026"
_WORD = re.compile(r"[^\W_][\w'\u2019.-]*")
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "at", "by", "with", "from", "no"}
MAX_TITLE_WORDS = 6
_DASHES = "\u2015\u2014\u2013\u201d-"


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    """Tokens covering the character range, expanded to token boundaries."""
    return doc.char_span(start, end, alignment_mode="expand")


def _kind(text: str, start: int) -> str:
    """Direct when the quote (inside starting at `start`) opens its own clause; partial when woven into a sentence."""
    first = _NON_SPACE.search(text, start)
    inner = first.group() if first is not None else ""
    j = start - 1
    while j >= start - 2 and j >= 0 and text[j] in _MARKS:
        j -= 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    prev = text[j] if j >= 0 else "\n"
    if prev in _CLOSING_MARKS and j > 0 and text[j - 1] in _SENTENCE_ENDS:
        prev = "."  # after a quotation that ended its sentence ('on "Meet the Press." "Listening ...')
    if prev in SENTENCE_OPENERS and (inner[:1].isupper() or inner[:1] in "\u2026."):
        return "direct"
    return "partial"


def _is_title(qs: QuotedSpan, text: str) -> bool:
    """A short run of capitalised words inside a sentence: a title or a name ("This Week", "The Revenant")."""
    words = _WORD.findall(text[qs.start : qs.end])
    return 0 < len(words) <= MAX_TITLE_WORDS and capitalised(words)


def capitalised(words: list[str]) -> bool:
    """Every content word starts with a capital or a digit, as titles and names are written."""
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


# Nouns for works whose title may follow them between commas ("his book, “The Long Road,” ...").
_WORKS = {"book", "film", "movie", "song", "show", "series", "article", "essay", "column", "op-ed", "album", "play",
          "documentary", "memoir", "novel", "program", "programme", "podcast", "poem", "speech", "report", "video",
          "leaflet", "pamphlet", "brochure", "booklet", "handbook", "manual", "guide", "newsletter", "musical", "opera"}


def _names_work(doc: Doc, first: int) -> bool:
    """True when quoted words follow a noun for a work (or its prepositional phrase) and a comma ('a book, “Who’s
    Who in the CIA,”')."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 1 or doc[k].text != ",":
        return False
    noun = doc[k - 1]
    while not (noun.pos_ == "NOUN" and noun.lemma_.lower() in _WORKS):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.i > noun.i:
            return False
        noun = noun.head.head  # "the board's leaflet for families, 'Is My Medicine Safe?',"
    return True


_LABELLED = {"billed", "known", "dubbed", "nicknamed", "styled", "marketed", "branded", "advertised", "touted",
             "labelled", "labeled", "titled", "named"}


_SIGNS = {"sign", "banner", "placard", "poster", "billboard", "sticker", "plaque", "inscription", "t-shirt", "shirt",
          "slogan", "graffiti", "mural", "signboard", "hoarding"}


def _on_a_sign(cue: Token | None, subj: Token | None) -> bool:
    """True when the words are written on a sign, a banner or a placard ("a banner reading '...'", "placards that
    read '...'", "a sign hangs over the door: '...'"): a slogan, nobody's quote."""
    if subj is not None and _a_sign(subj):
        return True
    if cue is None:
        return False
    if cue.dep_ in {"acl", "relcl"} and _a_sign(cue.head):
        return True
    owner = subject_of(cue) if cue.lemma_.lower() == "read" else None
    if owner is not None and owner.lower_ in {"that", "which"} and owner.head.dep_ == "relcl":
        owner = owner.head.head
    return owner is not None and _a_sign(owner)


def _a_sign(tok: Token) -> bool:
    """A word for a sign or a banner, not a person of that name ("Banner said", "Ruth Banner")."""
    return tok.lemma_.lower() in _SIGNS and not (tok.pos_ == "PROPN" or (tok.text[:1].isupper() and not tok.is_sent_start))


def _a_name_or_a_loaded_word(tokens: Span, names_only: bool = False) -> bool:
    """True for one word in marks that is a first name or its short form ("TOMAS BRENNER, 'Tom' to his members") or an
    adjective inside a noun phrase ("its 'flexible' rosters"): a nickname or a loaded word, nobody's quotation."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words) != 1:
        return False
    word = words[0]
    if word.text.istitle() and (is_first_name(word.text) or word.lower_ in SHORT_FORMS):
        return True
    return (not names_only and word.dep_ == "amod" and word.head.pos_ in {"NOUN", "PROPN"} and word.head.i > tokens.end
            and not word.head.is_punct)  # before its noun, outside the marks


def _after_so_called(doc: Doc, first: int) -> bool:
    """True when quoted words come right after "so-called" (the "so-called \u201ctraffic light\u201d checker") or a
    participle naming without a namer ("billed as a \u201ccultural programme\u201d", "dubbed \u201cthe Paymaster\u201d"):
    a label."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k >= 0 and (doc[k].lower_ == "so-called" or so_called(doc[k])):
        return True
    while k >= 0 and doc[k].lower_ in {"a", "an", "the", "as"}:
        k -= 1
    if k < 0 or doc[k].lower_ not in _LABELLED:
        return False
    deps = {c.dep_ for c in doc[k].children}
    return "agent" not in deps and not ("nsubj" in deps and deps & {"dobj", "dative"})  # "Lee dubbed it ...": Lee's


def find_quotes(doc: Doc, mentions: list[Mention], report_id: str) -> list[Quote]:
    """Quoted passages (direct, partial) in text order, then reported speech (indirect), speakers resolved."""
    resolver = SpeakerResolver(doc, mentions)
    text = resolver.text
    spans = find_quoted_spans(text)
    quoted = [(s.start, s.end) for s in spans]
    resolver.quoted = quoted
    firsts = [s.start for s in resolver.sents]

    def sent_of(i: int) -> Span:
        """The sentence holding token `i`."""
        return resolver.sents[bisect_right(firsts, i) - 1]

    indirect = find_indirect(doc, resolver, quoted, report_id)
    found: list[tuple[QuotedSpan, Quote]] = []
    first_token: list[int] = []
    after_token: list[int] = []  # the token after each quote's words
    signatures: list[int] = []
    signed_ends: list[int] = []
    unnamed: set[int] = set()  # quotes with a cue of speech beside them whose speaker could not be named
    for qs in spans:
        tokens = _tokens_in(doc, qs.start, qs.end)
        if tokens is None or not len(tokens):
            continue
        kind = _kind(text, qs.start)
        if signed_ends and not text[signed_ends[-1] : qs.start].strip(" \t\xa0" + _MARKS):
            kind = "direct"  # the next one in a list of signed quotations
        start = qs.start
        reported = kind == "partial" and _reported_before(doc, tokens, sent_of)
        listed = resolver.listed_speaker(qs.start)  # '- Ann Lee, a student: "..."': a list line's own speaker
        signed = None if reported or listed is not None else resolver.signature_after(qs.end)
        label = (resolver.speaker_label(qs.start) or listed) if signed is None else None
        inverted = resolver.inverted_cue(qs.start) if signed is None and label is None else None
        according = resolver.according_before(qs.start) if signed is None and label is None else None
        nearer: Token | None = None  # a nearer verb of telling that took the words from the parse's cue
        told_to = False  # the cue's subject is the one spoken to ("he was asked to ...")
        said_of = False  # the cue's subject is the one spoken of ("she was said to be ...")
        why = ""  # why nobody is named, where a rule below removes the speaker
        if signed is not None:  # "“...” ― Ann Lee": the words are signed
            cue, subj, beside, speaker = None, None, True, signed
            signatures.append(qs.end)
            signed_ends.append(signed.end)
        elif according is not None:  # "According to Ann Lee, “...”"
            cue, subj, beside, speaker = None, None, True, according
        elif inverted is not None:  # "Said Ellis: “...”": the cue comes first, the name right before the marks
            cue, subj, beside, speaker = None, None, True, inverted
        elif label is not None:  # "PENCE: Well, ...": a transcript line; its words follow the label
            cue, subj, beside, speaker = None, None, True, label
            if label.start >= qs.start:  # inside the marks ('"PENCE: Well, ...'), not before them
                start = _after_label(text, label.end)
        else:
            cue, subj, beside = attribute(tokens, quoted, sent_of)
            passive = cue is not None and any(c.dep_ == "nsubjpass" for c in cue.children) and (
                subj is None or subj.dep_ == "nsubjpass")
            if passive and (cue.lemma_.lower() in ADDRESSING or _said_of(cue)):
                # "He has been asked to stay home '...,' according to a letter"; "Agnes was said by hospital staff
                # to be 'sitting up'": the words are the agent's, else nobody's the text names
                agent = next((c for c in cue.children if c.dep_ == "agent"), None)
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                told_to = cue.lemma_.lower() in ADDRESSING
                said_of = not told_to
            if cue is not None and cue.tag_ == "VBG" and cue.dep_ in {"acl", "advcl"} and speaks(cue, stance=False):
                subj = _name_before_participle(resolver, doc, cue) or subj  # "Mayor Ann Lee, speaking to reporters: '...'"
            nearer = nearer_teller(tokens, cue) if not beside else None
            if nearer is not None:  # "wrote ..., in reply to an engineer who had warned him that '...'": the warner's
                cue, subj = nearer, subject_of(nearer)
            if cue is not None and cue.text.strip(_DASHES) == "":
                cue, subj = None, None  # a signature dash the parser took for a verb
            said = speech_noun_above(tokens, cue)
            if said is not None:  # "Trump's claim that there were 'thousands of shootings'": the claim's owner
                cue, subj, beside = said, None, False
                speaker = _owner(resolver, said)
            else:
                speaker = _speaker(resolver, subj, cue, sent_of(tokens.start))
                speaker = _not_talked_about(speaker, cue, resolver.people, quoted)
                speaker = _not_the_asker(resolver, speaker, found, text, qs.start)
                speaker = _not_the_one_answered(resolver, speaker, cue, found, text, qs.start)
                speaker = _described_again(resolver, speaker, cue, found, indirect, qs.start) or speaker
                speaker = _past_the_outlet(resolver, speaker, cue, sent_of(tokens.start), qs.start)
                speaker = resolver.past_the_agent(speaker)
            speaker = not_self_named(speaker, text[qs.start : qs.end], organisations=resolver.organisation_names)
        if told_to and (speaker is None or not speaker.name):
            why = "the words were said to the one named, by someone the text does not name"
        if said_of and (speaker is None or not speaker.name):
            why = "the words were said of the one named, by someone the text does not name"
        if cue is not None and _unsaid(tokens, cue):
            speaker, why = None, "the text says these words were not said"  # "Ann Lee did not say '...'"
        read = text_read_before(doc, tokens.start) if signed is None and label is None else None
        letter = text_opening(doc, tokens.start) if read is None and signed is None and label is None else None
        writer = writer_of(read or letter) if (read or letter) is not None else None
        if read is not None:  # "Venn read a statement on his behalf: '...'": the text's words, its writer's if named
            cue, subj, speaker = _read_out_speaker(resolver, read, writer, sent_of(tokens.start))
            beside = writer is None
        elif writer is not None:  # "A third letter, from Tom Kay, was angrier: '...'": the writer's words
            speaker, beside = resolver.owner(writer), False
        if cue is not None and cue.idx > qs.end and _TALKED_ABOUT.match(text, qs.end):
            cue, subj, speaker = None, None, None  # "a 'water war,' a phrase the ministry called lazy": no one's words
            why = "the words are talked about, not said"
        if cue is not None and speaker is not None and the_phrase(doc, tokens.start):
            speaker = None  # "Okafor told the jury that the phrase 'green to the board' was yours": talked about
            why = "the words are talked about, not said"
        retracted = retracted_at(text, sent_of(tokens.start).start_char, qs.start)
        if retracted:  # "Correction: An earlier version of this article quoted Ann Lee as saying '...'": not said
            speaker, why = None, "a correction notice says these words were not said"
        slogan = _on_a_sign(cue, subj)
        if slogan:  # "a banner reading '...'", "a sign hangs over the door: '...'": a slogan nobody says
            if kind == "partial":
                continue
            speaker, why = None, "the words are written on a sign or banner"
        if named_thing(doc, tokens.start) or _a_name_or_a_loaded_word(tokens, names_only=True):
            continue  # "the union's campaign, 'Rested Pilots, Safe Skies'", "BRENNER, 'Tom' to his members": names
        if _is_title(qs, text) and _names_work(doc, tokens.start):
            continue  # 'a book, “Who’s Who in the CIA,” that ...': a title, whoever wrote the book
        chanted = cue is not None and cue.lemma_.lower() in _CHANTING  # "protesters chanted 'Save the Pier'": said
        if kind == "partial" and ((cue is None and speaker is None) or (_is_title(qs, text) and not chanted)
                                  or _after_so_called(doc, tokens.start) or _a_name_or_a_loaded_word(tokens)):
            continue  # scare quotes, titles, slogans and labels: nobody is quoted
        if cue is None and speaker is None and _is_title(qs, text) and not _ends_sentence(text[qs.start : qs.end]):
            continue  # "The Walking Dead," opening a sentence: a title, not words anyone said ("Donald Trump." may be)
        quote = Quote(
            report_id=report_id, text=text[start : qs.end], start=start, end=qs.end, kind=kind,
            cue=cue.text if cue is not None else "",
            sentence_start=sent_of(tokens.start).start_char, sentence_end=sent_of(tokens.end - 1).end_char,
        )
        quote.basis, quote.confidence = basis_of(speaker, None if writer is not None else cue, beside)
        if speaker is not None:
            _give(quote, speaker)
        named = writer is None and speaker is not None and speaker.name and cue is not None  # a writer's words: no doubt
        if named and quote.confidence < CONFIDENCE[quote.basis]:
            quote.doubt = f"“{cue.text}” does not say the words were said"  # "Lee dismissed the story, '...'"
        elif named and reads_out(cue):
            quote.confidence = round(quote.confidence * NOT_SPEECH, 2)  # "He reads it slowly: '...'": the email's words
            quote.doubt = f"{speaker.name} reads out a text: the words are its writer's"
        other = _framed_before(resolver, tokens, cue, speaker) if beside and cue is not None and cue.i >= tokens.end else None
        if other is not None:  # "A has called it '...', B wrote ...": A's?
            quote.confidence = round(quote.confidence * NOT_SPEECH, 2)
            quote.doubt = f"the words may be {other}'s: they follow {other}'s own verb"
        other = None if beside or nearer is not None or writer is not None else _relayed(resolver, tokens, cue, speaker)
        if other is not None:  # another's words, as relayed: shown unattributed
            quote.confidence = round(quote.confidence * NOT_SPEECH, 2)
            quote.doubt = f"{speaker.name} relays words {other} gave"
        if speaker is not None and speaker.name:
            resolver.last_speaker = speaker
        quote.doubt = quote.doubt or why
        found.append((qs, quote))
        if slogan or retracted or (speaker is None and cue is not None and beside and cue.pos_ == "VERB"
                                   and speaks(cue, stance=False)):
            unnamed.add(len(found) - 1)  # '"...," passengers chanted' with the parse lost: someone we cannot name
        first_token.append(tokens.start)
        after_token.append(tokens.end)
        if kind == "partial" and cue is not None and not any(q.start <= qs.start and qs.end <= q.end for q in indirect):
            framed = framed_statement(cue, quote, text, quoted, sent_of(tokens.start))
            if framed is not None:
                indirect.append(framed)
    own = [q.speaker_start is not None for _, q in found]
    stops = _stops(found, own)
    attributed = _Attributed(found, indirect)
    entries = live_entries(text)
    for n, (qs, quote) in enumerate(found):
        if own[n] or quote.kind != "direct" or n in unnamed:
            continue
        if n and found[n - 1][0].end in signatures:
            continue  # a list of signed quotations: an unsigned one is nobody's by carrying
        if _inverted_clause_after(doc, after_token[n]):
            continue  # "“Call the roll,” came shouts from the crowd": the words are the subject's after the verb
        letter = text_opening(doc, first_token[n])
        if letter is not None:  # "Another letter, signed only 'A Dad,' was shorter: '...'": the letter's words
            writer = writer_of(letter)
            named = resolver.owner(writer) if writer is not None else None
            if named is None or not named.name:
                quote.doubt = f"the words are a {letter.lower_}'s, whose writer is not named"
                continue
            _give(quote, named)
            quote.basis, quote.confidence = basis_of(named, None, False)
            continue
        named = _verdict_of(resolver, text, quote.end)
        if named is not None:  # "'...' That was the verdict of Marcus Dole, a former ambassador": his words
            _give(quote, named)
            quote.basis, quote.confidence = basis_of(named, None, True)
            continue
        speaker = (
            _from_following(text, found, own, n, stops[n])
            or _continued_speaker(text, found, n, attributed, resolver)
            or _introduced(resolver, doc, first_token[n], sent_of)
            or _paragraph_subject(resolver, doc, found, n, sent_of)
        )
        speaker = not_self_named(speaker, quote.text, taken_over=True, organisations=resolver.organisation_names)
        if speaker is not None and not same_entry(entries, speaker.start, quote.start):
            speaker = None  # a live blog's entries are each their own: no speaker is carried from one to the next
            quote.doubt = "a live blog's entry: no speaker is carried from an earlier entry"
        if speaker is not None:
            _give(quote, speaker)
            quote.basis, quote.confidence = carried(speaker)
    for q in indirect:
        if q.speaker is not None and retracted_at(text, q.sentence_start, q.start):
            q.speaker, q.speaker_start, q.speaker_end, q.speaker_role, q.basis, q.confidence = None, None, None, None, "none", 0.0
            q.doubt = "a correction notice says these words were not said"
    direct = [q for _, q in found]
    turns = find_turns(text)
    if turns:  # a transcript's labelled lines, among the quotations in text order, and not as reported speech
        direct = sorted(direct + turn_quotes(resolver, turns, direct, report_id), key=lambda q: q.start)
        starts = {t.start for t in turns}
        indirect = [q for q in indirect if not (q.cue == ":" and q.start in starts)]
    return direct + sorted(indirect, key=lambda q: q.start)


# The sentence after a quotation that says whose words they were ("That was the verdict of Ann Lee, ...").
_SAYINGS = (r"(?:verdict|view|assessment|warning|message|conclusion|advice|prediction|response|reply|answer|reaction|"
            r"take|opinion|judgment|judgement|diagnosis|plea|promise|complaint|argument|words|remarks?|comments?)")
_VERDICT = re.compile(r"[^\S\n]*(?:(?:That|This|Such|So)\s+(?:was|is|has\s+been|were)|(?:Those|These)\s+(?:were|are))\s+"
                      r"(?:the\s+|how\s+)?(?:[a-z]+\s+){0,2}?" + _SAYINGS + r"\s+(?:of|from)\s+"
                      r"|[^\S\n]*The\s+(?:[a-z]+\s+)?" + _SAYINGS + r"\s+came\s+from\s+")
# "That was how Ann Lee, who ..., summed up the day": the person, then a verb of putting into words.
_HOW = re.compile(r"[^\S\n]*(?:That|This)\s+(?:was|is)\s+how\s+")
# "That was Martin Aldous, the head of security, speaking to the Courier": the person, then a participle of speaking.
_THAT_WAS = re.compile(r"[^\S\n]*(?:That|This)\s+(?:was|is)\s+")
_SPEAKING_AFTER = re.compile(r"[^.!?\n]*?,[^\S\n]*(?:speaking|talking|writing|responding|replying|answering|testifying|"
                             r"posting|addressing)\b")
_PUT_INTO_WORDS = re.compile(r"[^.!?\n]*?\b(?:summed|summarised|summarized|put|described|characteri[sz]ed|"
                             r"explained|framed|phrased)\b")


def _verdict_of(resolver: SpeakerResolver, text: str, end: int) -> SpeakerMention | None:
    """The person the sentence right after a quotation (or opening the next paragraph) names as the one who gave it
    ("'...' That was the verdict of Marcus Dole, a former ambassador", "Those were the words of Ann Lee", "The
    warning came from Ann Lee", "That was how Ann Lee summed up the day"),
    when a named person follows the words of that sentence directly."""
    at = end
    while at < len(text) and text[at] in "\"'\u201d\u2019.,!? \t":
        at += 1
    if text.startswith("\n\n", at) or text.startswith("\n", at):  # the next paragraph opening with that sentence
        at += 2 if text.startswith("\n\n", at) else 1
    m = _VERDICT.match(text, at) or _HOW.match(text, at) or _THAT_WAS.match(text, at)
    if m is None:
        return None
    person = next((p for p in resolver.people if m.end() <= p.start <= m.end() + 40
                   and not any(c in text[m.end() : p.start] for c in ".,;\n")), None)
    if person is None or (m.re is _HOW and _PUT_INTO_WORDS.match(text, person.end) is None):
        return None  # "That was how Ann Lee found out": no words of hers
    if m.re is _THAT_WAS and (person.start != m.end() or _SPEAKING_AFTER.match(text, person.end) is None):
        return None  # "That was Ann Lee's car": no words of hers
    return SpeakerMention(person.start, person.end, person.canonical)


# Words in marks followed by a noun for words in apposition ("a 'water war,' a phrase the ministry has called ..."):
# the words are talked about, and the clause after them says who used or judged them, not who said them.
_TALKED_ABOUT = re.compile(r"[\"'\u201d\u2019]?[^\S\n]*,?[\"'\u201d\u2019]?[^\S\n]+(?:a|an|the)[^\S\n]+(?:[a-z-]+[^\S\n]+)?"
                           r"(?:phrase|term|word|expression|label|slogan|nickname|catchphrase|moniker|epithet)\b")


def _framed_before(resolver: SpeakerResolver, tokens: Span, cue: Token, speaker: SpeakerMention | None) -> str | None:
    """The other person, when words given to a cue after them come right after a verb of naming or saying whose own subject is
    someone else and which the parse put above that cue ("Radka Velichy has called the dam 'a knife ...', Aurel
    Varkas ... wrote ...") or from which the parse hung the words below the cue ("A called the email '...,' B
    said '...'"): the sentence lists two speakers and the parse may have joined the words to the wrong one. A verb inside the clause the cue reports ("Comey cannot say that '...,' Lee added") is the cue's own."""
    if speaker is None or not speaker.name:
        return None
    doc = tokens.doc
    k = tokens.start - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    for tok in doc[max(doc[tokens.start].sent.start, k - 5) : k + 1]:
        above = any(a.i == tok.i for a in cue.ancestors)
        holds = tok.lemma_.lower() in LABEL_LEMMAS and any(a.i == tok.i for a in tokens.root.ancestors)
        if tok.i == cue.i or not (above or holds):
            continue  # a verb above the cue, or a naming one the words hang from ("A called the email '...,' B said")
        if any(t.is_punct or t.dep_ == "mark" or t.lower_ == "that" for t in doc[tok.i + 1 : k + 1]):
            continue  # "X called, and then ...", "X cannot say that '...'": not that verb's own words
        other = _says_another(resolver, tok, speaker.name, known=False)
        if other is not None:
            return other
    return None


# A correction notice: the words it quotes are what the report got wrong, not what anyone said.
_CORRECTION = re.compile(r"\b(?:an?|the)\s+(?:earlier|previous|original)\s+version\s+(?:of\s+this\s+"
                         r"(?:article|story|report|post|piece|item)\b|(?:also\s+)?(?:mis)?quoted\b)"
                         r"|^\s*(?:correction|clarification)s?\s*:",
                         re.IGNORECASE | re.MULTILINE)
# A paragraph that is a correction notice ("Correction, 14 October, 16:40: ..."): its quotations are all retracted.
_CORRECTION_PARAGRAPH = re.compile(r"[^\S\n]*(?:correction|clarification)s?\b[^\n:]{0,40}:", re.IGNORECASE)


def retracted_at(text: str, sentence_start: int, start: int) -> bool:
    """True when words at `start` are quoted by a correction notice: its sentence says an earlier version quoted them,
    or its paragraph opens as a correction."""
    if _CORRECTION.search(text, sentence_start, start) is not None:
        return True
    return _CORRECTION_PARAGRAPH.match(text, text.rfind("\n", 0, start) + 1) is not None


def _relayed(resolver: SpeakerResolver, tokens: Span, cue: Token | None, speaker: SpeakerMention | None) -> str | None:
    """The named person, when the cue's speaker relays words a named person gave in the clause it reports ("Kress told reporters
    that Benn had described the line as '...'", "Kress said Benn had told him the line was '...'"): the words are
    that person's as the speaker tells it, and neither is sure enough to show."""
    if cue is None or speaker is None or not speaker.name:
        return None
    for verb in tokens.root.ancestors:
        if verb.i == cue.i:
            return None
        other = _says_another(resolver, verb, speaker.name, known=True) or _described_teller(resolver, verb)
        if other is not None:
            return other
        subject = subject_of(verb) if verb.lemma_.lower() in _RELAYED_VERBS else None
        if subject is not None and subject.lower_ == "you" and not resolver.in_quotes(subject.idx):
            return "the one addressed"  # "Frisk testified that you called her '...'": the words of the one asked
    return None


def _described_teller(resolver: SpeakerResolver, verb: Token) -> str | None:
    """A person described, not named, as the subject of a verb of saying or telling outside quotation marks ("He said a
    state inspector had confided to him that the plan was '...'"): that description as written."""
    naming = verb.lemma_.lower() in LABEL_LEMMAS and verb.tag_ != "VBG" and any(c.dep_ == "dobj" for c in verb.children)
    if verb.pos_ != "VERB" or not (verb.lemma_.lower() in TELLING or naming):  # "what its maker calls '...'", not
        return None  # "executives were calling '...'" (on the phone)
    subject = subject_of(verb)
    if subject is None or subject.pos_ != "NOUN" or described_kind(subject) != "person" or resolver.in_quotes(subject.idx):
        return None
    return resolver.text[subject.left_edge.idx : subject.idx + len(subject)]


def _says_another(resolver: SpeakerResolver, verb: Token, speaker: str, known: bool) -> str | None:
    """The other person, when a verb of naming or saying has a subject outside quotation marks that names, by name or role,
    someone other than `speaker` ("the envoy, Ilario Benn, had described ..."); with `known`, only a name or noun
    that is one of the article's people."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in _RELAYED_VERBS:
        return None
    subject = subject_of(verb)
    before = name_before(verb)
    if before is not None and before.pos_ == "PROPN" and before.i < verb.i:
        subject = before  # "At the court, Ann Lee of the group called the email '...'", the parse losing her
    if subject is None or resolver.in_quotes(subject.idx) or (known and subject.pos_ not in {"PROPN", "NOUN"}):
        return None
    found = resolver.resolve(subject)
    if (found.name and found.how in {"name", "role"} and found.name != speaker
            and (not known or resolver.is_known_person(found.name))):
        return found.name
    return None


_RELAYED_VERBS = SPEECH_LEMMAS | LABEL_LEMMAS | {"tell", "write", "warn", "quip", "joke", "promise", "vow"}


def _ends_sentence(words: str) -> bool:
    """True when quoted words end with a full stop, question or exclamation mark."""
    return words.rstrip()[-1:] in ".?!"


def _reported_before(doc: Doc, tokens: Span, sent_of: Callable[[int], Span]) -> bool:
    """True when a verb of speech comes before the quoted words in their sentence ('Lee said she will "try" and
    insisted the party was "still first."--Ann Ray.': the words are Lee's, the name after the dash a byline)."""
    sent = sent_of(tokens.start)
    return any(t.pos_ == "VERB" and t.lemma_.lower() in _SPEECH for t in doc[sent.start : tokens.start])


_SPEECH = REPORT_LEMMAS | CUE_LEMMAS


def _inverted_clause_after(doc: Doc, i: int) -> bool:
    """True when the quotation is followed by a finite verb that is no cue and whose subject comes after it
    ("“Call the roll,” came shouts from the crowd", "'Choke!' blared the front page"): someone other than the
    previous speaker is said to have given the words."""
    while i < len(doc) and (doc[i].is_quote or doc[i].text == "," or (doc[i].is_space and "\n" not in doc[i].text)):
        i += 1
    if i >= len(doc) or doc[i].pos_ not in {"VERB", "AUX"} or doc[i].tag_ not in FINITE_TAGS:
        return False
    verb = doc[i]
    if verb.lemma_.lower() in CUE_LEMMAS:
        return False
    # the parse may take the quoted words for the subject and the real one for an object ("blared the page")
    return any(c.dep_ in SUBJECT_DEPS | _AFTER_VERB and c.i > verb.i and c.pos_ in _NOMINAL for c in verb.children)


_AFTER_VERB = {"dobj", "attr"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}


def _after_label(text: str, end: int) -> int:
    """Where a transcript line's words start: past the label's colon and the spaces after it."""
    i = end + 1 if text[end : end + 1] == ":" else end
    while i < len(text) and text[i] in " \t\xa0":
        i += 1
    return i


def _give(quote: Quote, speaker: SpeakerMention) -> None:
    """Attribute a quote to a speaker mention."""
    quote.speaker, quote.speaker_start, quote.speaker_end = speaker.name, speaker.start, speaker.end
    quote.speaker_role = speaker.role
    quote.doubt = speaker.doubt


def _stops(found: list[tuple[QuotedSpan, Quote]], own: list[bool]) -> list[int]:
    """For each quote, the next one that has its own speaker or belongs to another quotation (len(found) if none)."""
    stops = [len(found)] * len(found)
    for n in range(len(found) - 2, -1, -1):
        same = found[n + 1][0].chain == found[n][0].chain
        stops[n] = stops[n + 1] if same and not own[n + 1] else n + 1
    return stops


def _from_following(
    text: str, found: list[tuple[QuotedSpan, Quote]], own: list[bool], n: int, stop: int
) -> SpeakerMention | None:
    """The speaker of a later piece of the same quotation: the rest of a quote running across paragraphs,
    or the attributed quote that follows in the same paragraph ("'A.' 'B,' she said.").

    `stop` is the first later quote with its own speaker or from another quotation (see `_stops`).
    """
    if stop >= len(found):
        return None
    qs, quote = found[n]
    later_span, later = found[stop]
    if later_span.chain != qs.chain and (
        later.start - quote.end >= 200 or "\n" in text[quote.end : later.start].strip()
        or _words_between(text, [found[k][0] for k in range(n, stop + 1)])
    ):
        return None
    return _mention_of(later) if own[stop] else None


def _words_between(text: str, spans: list[QuotedSpan]) -> bool:
    """True when words stand outside the quotation marks between consecutive quoted spans ("'A.' His aide, Bo
    Ray, agreed. 'B,' Ray said.": the later speaker is not carried back over them)."""
    return any(_LETTER.search(text, a.end, b.start) for a, b in zip(spans, spans[1:]))


def _owner(resolver: SpeakerResolver, noun: Token) -> SpeakerMention:
    """Whose claim (statement, promise ...) a noun is: its named possessor, else the subject of the verb that
    issued it ("Lee issued a statement: '...'"; not "Lee rejected the statement") or said in it ("Lee said in a
    statement that '...'"), else nobody."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    verb = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ISSUING else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_.lower() in REPORT_LEMMAS:
        verb = noun.head.head  # "the campaign said in a statement that ...": the statement is the campaign's
    if owner is None and verb is not None:
        owner = subject_of(verb)
        if owner is not None:
            return resolver.resolve(owner, describe=is_own_subject(owner, verb))
    if owner is None or owner.pos_ != "PROPN":
        return SpeakerMention(noun.idx, noun.idx + len(noun), None, "none")
    return resolver.resolve(owner)


_ISSUING = {"issue", "release", "make", "give", "deliver", "post", "send", "publish", "tweet", "offer", "read"}


def _not_talked_about(
    speaker: SpeakerMention | None, cue: Token | None, people: list[Mention], quoted: list[tuple[int, int]]
) -> SpeakerMention | None:
    """A pronoun's person named as whom the cue is about or addressed to ("“...,” he said of Trump and Ryan",
    "he told Rubio") is not who said the words: they stay unattributed. Only that person counts, not a namesake
    ("he backed Hillary Clinton's plan" leaves Bill Clinton's "he" alone)."""
    if speaker is None or not speaker.name or speaker.how != "pronoun" or cue is None:
        return speaker
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} or (child.dep_ == "prep" and child.lower_ in {"of", "about"}):
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            if any(start <= m.start < end and m.canonical == speaker.name and not any(a <= m.start < b for a, b in quoted)
                   for m in people):
                return SpeakerMention(speaker.start, speaker.end, None, "none")
    return speaker


def _not_the_asker(resolver: SpeakerResolver, speaker: SpeakerMention | None, found: list[tuple[QuotedSpan, Quote]],
                   text: str, start: int) -> SpeakerMention | None:
    """A pronoun answering the question just before it ('"Did you agree?" Quennell asked. / "I did not," he
    said.') is not the one who asked: it is who spoke the words before the question, when that person fits the
    pronoun, else nobody."""
    if speaker is None or speaker.how != "pronoun" or not speaker.name or not found:
        return speaker
    question = found[-1][1]
    if (question.speaker != speaker.name or not question.text.rstrip(" ,\"'\u201d\u2019").endswith("?")
            or question.cue.lower() not in _ASKED or not _answers_next(text[question.end : start])):
        return speaker
    return _who_spoke_before(resolver, speaker, found, question.speaker, text)


def _not_the_one_answered(resolver: SpeakerResolver, speaker: SpeakerMention | None, cue: Token | None,
                          found: list[tuple[QuotedSpan, Quote]], text: str, start: int) -> SpeakerMention | None:
    """A pronoun that replies to the words just before it ("'Then publish it,' Ms Lee cut in. / '...,' she
    replied.") is not the one it answers: it is who spoke before them, when that person fits the pronoun, else
    nobody."""
    if (speaker is None or speaker.how != "pronoun" or not speaker.name or not found or cue is None
            or not (cue.lemma_.lower() in _REPLYING or any(c.lower_ == "back" for c in cue.children))):
        return speaker
    answered = found[-1][1]
    if answered.kind != "direct" or answered.speaker != speaker.name or not _answers_next(text[answered.end : start]):
        return speaker
    return _who_spoke_before(resolver, speaker, found, answered.speaker, text, described=True)


def _who_spoke_before(resolver: SpeakerResolver, speaker: SpeakerMention, found: list[tuple[QuotedSpan, Quote]],
                      other: str | None, text: str, described: bool = False) -> SpeakerMention:
    """The pronoun `speaker` given to whoever spoke the direct words before `other`'s latest ones, when that person
    fits it (a person's name, or with `described` a description as written), else to nobody."""
    gender = PRONOUN_GENDER.get(text[speaker.start : speaker.end].lower())
    for _, before in reversed(found[-4:-1]):
        if before.kind == "direct" and before.speaker and before.speaker != other:
            if resolver.fits(before.speaker, gender) and (resolver.is_person_name(before.speaker)
                                                          or (described and before.basis == "description")):
                return SpeakerMention(speaker.start, speaker.end, before.speaker, "pronoun")
            break
    return SpeakerMention(speaker.start, speaker.end, None, "none")


_REPLYING = {"reply", "retort", "respond", "answer", "counter", "rejoin"}


def _answers_next(between: str) -> bool:
    """True when the text between a question and the next words is the question's cue line and nothing more: the
    words open the next paragraph, no narration between them."""
    _, newline, rest = between.partition("\n")
    return bool(newline) and not rest.strip(" \t\n\"'\u201c\u2018")


_CHANTING = {"chant", "shout", "yell", "scream", "cry", "roar", "sing"}
_ASKED = {"asked", "asks", "ask", "questioned", "wondered", "pressed"}


def _speaker(resolver: SpeakerResolver, subj: Token | None, cue: Token | None, sent: Span) -> SpeakerMention | None:
    """Speaker for a quote from the subject of its cue, or from "according to X" in its sentence; a description
    ("the mayor") only when it is the cue's own subject or the "according to" source."""
    if subj is not None:  # the noun right before the cue is its subject however the parse hung it ("hosts A and
        # B, the candidate stated": not an apposition of B)
        return resolver.resolve(subj, describe=is_own_subject(subj, cue) or (cue is not None and subj.i + 1 == cue.i))
    obj = according_in(sent)
    return resolver.resolve(obj, describe=True) if obj is not None else None


_OUTLET_WORDS = PUBLICATION_WORDS | {"press", "sentinel", "echo", "radio", "tv", "television", "daily", "broadcasting",
                                     "newspaper", "tabloid", "magazine", "broadcaster"}


@lru_cache(maxsize=1)
def known_outlets() -> frozenset[str]:
    """Every name and alias of the outlets and agencies the source cues know."""
    cues = source_cues("en")
    return frozenset(a for table in (cues.outlets, cues.agencies) for name, aliases in table.items()
                     for a in (name, *aliases))


def is_publication(resolver: SpeakerResolver, speaker: SpeakerMention) -> bool:
    """True when a speaker is an outlet: a name with a publication word ("Norvane Press Service", "the Sentinel"),
    a known outlet or agency, or one written with an outlet noun ("the business daily Handelsruf")."""
    if not speaker.name:
        return False
    if set((speaker.role or "").lower().split()) & _OUTLET_WORDS or _written_as_outlet(resolver, speaker.name):
        return True  # written with an outlet noun, here or elsewhere in the text, even where the tagger took the name for a person's
    words = {w.strip(".,").lower() for w in speaker.name.split()}
    return not resolver.is_person_name(speaker.name) and bool(words & _OUTLET_WORDS or speaker.name in known_outlets())


def _written_as_outlet(resolver: SpeakerResolver, name: str) -> bool:
    """True when the article writes the name after an outlet noun somewhere ("the business daily Handelsruf");
    searched once per article and name."""
    key = ("outlet", name)
    if key not in resolver.memo:
        text, found = resolver.text, False
        at = text.find(name)
        while at >= 0 and not found:
            before = text[max(0, at - 30) : at].lower().split()
            found = bool(before) and before[-1] in _OUTLET_WORDS
            at = text.find(name, at + len(name))
        resolver.memo[key] = found
    return bool(resolver.memo[key])


_UNSAYING = {"say", "write", "tell", "state", "post", "tweet", "utter", "mention"}


def _unsaid(tokens: Span, cue: Token) -> bool:
    """Whether the verb that governs the quotation from outside its marks is a negated verb of saying ("did not
    say '...'", "never wrote '...'"): the words are not the subject's. Negations inside the words ("'do not use
    it,' she said", "'Absolutely not,' he said") or of another clause ("saying she hadn't called for ...") do not
    count."""
    tok = tokens.root
    for _ in range(12):
        if not tokens.start <= tok.i < tokens.end and tok.pos_ in {"VERB", "AUX"}:
            break
        if tok.head is tok:
            return False
        tok = tok.head
    else:
        return False
    outside = [c for c in tok.children if c.dep_ == "neg" and not tokens.start - 1 <= c.i <= tokens.end]
    return tok.lemma_.lower() in _UNSAYING and bool(outside) and (
        tok.i == cue.i or cue.i in {a.i for a in tok.ancestors})


_SAID_OF = {"say", "report", "rumour", "rumor", "understand", "believe", "think", "reckon"}


def _said_of(cue: Token) -> bool:
    """A passive verb of saying whose subject is the one talked about, with an infinitive that describes them ("she
    was said to be 'sitting up'"); not one quoted ("he was quoted as saying", "he is reported to have called them
    'free riders'") nor a perfect the parse took for a passive ("he's said the same thing: '...'")."""
    if cue.lemma_.lower() not in _SAID_OF or any(c.lower_ == "as" for c in cue.children):
        return False
    told = [c for c in cue.children if c.dep_ == "xcomp"
            and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.subtree if t.i < c.i)]  # "to be 'sitting up'"
    return bool(told) and not any(_speaks_in(c) for c in told)


def _speaks_in(verb: Token) -> bool:
    """An infinitive that is itself saying ("to have called", "to have said"), directly or through "have"."""
    return verb.lemma_.lower() in SPEAKING_LEMMAS or any(
        c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in SPEAKING_LEMMAS for c in verb.children)


def _read_out_speaker(resolver: SpeakerResolver, read: Token, writer: Token | None,
                      sent: Span) -> tuple[Token, Token | None, SpeakerMention | None]:
    """The cue, its subject and the speaker of words a text read out holds: the writer where the text names one (a
    "his" that can only be the reader names nobody, and says so), else the reader, whose own text it may be."""
    cue = read.head
    subj = subject_of(cue)
    reader = _speaker(resolver, subj, cue, sent)
    if writer is None:
        return cue, subj, reader
    speaker = resolver.owner(writer)
    if speaker.how == "pronoun" and reader is not None and speaker.name == reader.name:
        speaker = SpeakerMention(speaker.start, speaker.end, None, "pronoun",  # "Venn read ... on his behalf"
                                 doubt=f"“{writer.text}” is someone other than {reader.name}, and nobody is named for it")
    elif not speaker.name and not speaker.doubt:
        speaker.doubt = f"the text read out is someone else's, and “{writer.text}” names nobody we can be sure of"
    return cue, subj, speaker


def _name_before_participle(resolver: SpeakerResolver, doc: Doc, cue: Token) -> Token | None:
    """The last word of a person's name set right before a participle of saying in a line with no verb of its own
    ("Mayor Ann Lee, speaking to reporters in the hallway: '...'"), however the parse hung the participle; not "Lee
    went after Tom Hale, calling him '...'"."""
    line = resolver.text.rfind("\n", 0, cue.idx) + 1
    if any(t.tag_ in FINITE_TAGS and not resolver.in_quotes(t.idx) for t in doc[cue.sent.start : cue.i] if t.idx >= line):
        return None
    person = next((p for p in resolver.people if resolver.text[p.end : cue.idx].strip() == ","
                   and not resolver.in_quotes(p.start)), None)
    if person is None:
        return None
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    return span[-1] if span is not None else None


def _past_the_outlet(resolver: SpeakerResolver, speaker: SpeakerMention | None, cue: Token | None,
                     sent: Span, start: int) -> SpeakerMention | None:
    """The one an outlet's report quotes, where the cue's speaker is the outlet: the speaker of a cue in the clause
    it reports ("The Echo reported that Grieve had promised ... 'one mile'") or the name between "According to
    the Echo," and the cue ("According to the Echo, Ann Lee, a former envoy, said ..."); an outlet is where the
    words appeared, not who said them. The outlet stays when no one else is named."""
    if speaker is None or not is_publication(resolver, speaker):
        return speaker
    if cue is not None:
        for clause in (c for c in cue.children if c.dep_ == "ccomp" and c.i < sent.end):
            for verb in sorted(clause.subtree, key=lambda t: -t.i):  # the cue nearest the words first
                subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
                if (verb.pos_ == "VERB" and verb.lemma_.lower() in CUE_LEMMAS and subj is not None and verb.idx < start
                        and not resolver.in_quotes(verb.idx)):
                    inner = resolver.resolve(subj)
                    if inner.name and not is_publication(resolver, inner):
                        return inner
    cited = _CITED.match(resolver.text, speaker.end) if not resolver.is_person_name(speaker.name) else None
    if cited is not None:  # "'...,' according to the Courier, which cited a 2023 review by ...": the review's words
        span = resolver.doc.char_span(cited.end(), cited.end() + 1, alignment_mode="expand")
        source = next((t for t in ([span.root, *span.root.ancestors] if span is not None else [])
                       if t.dep_ in {"dobj", "pobj"} and t.pos_ in {"NOUN", "PROPN"}), None)
        found = resolver.resolve(source, describe=True) if source is not None else None
        if source is not None and described_kind(source) == "text":
            np = noun_phrase(source)  # "a 2023 security review": the document, as written
            found = SpeakerMention(np.start_char, np.end_char, description_name(np.text), "description", person=False)
        if found is not None and found.name and (found.how == "description" or not is_publication(resolver, found)):
            return found
    if according_in(sent) is None or speaker.end > start:
        return speaker
    end = cue.idx if cue is not None and speaker.end < cue.idx < start else start
    named = [m for m in resolver.people + resolver.orgs if speaker.end < m.start and m.end <= end
             and m.label in {"PERSON", "ORG"} and not resolver.in_quotes(m.start)]
    people = [m for m in named if m.label == "PERSON"]
    orgs = [m for m in named if m.label == "ORG"
            and not is_publication(resolver, SpeakerMention(m.start, m.end, m.canonical, person=False))]
    found = people[-1:] or orgs[:1]
    return SpeakerMention(found[0].start, found[0].end, found[0].canonical, person=bool(people)) if found else speaker


# An outlet given as the source, then the one it cites: ", which cited", ", citing", ", quoting".
_CITED = re.compile(r"[^\S\n]*,[^\S\n]+(?:which[^\S\n]+(?:cited|quoted|cites|quotes)|citing|quoting)[^\S\n]+")


class _Attributed:
    """The attributed statement ending latest before a quote: among the quotes before it (as attributed so far)
    and the reported speech starting before it; the earlier quote wins a tie."""

    def __init__(self, found: list[tuple[QuotedSpan, Quote]], indirect: list[Quote]) -> None:
        self.found = found
        self.seen = 0
        self.latest: Quote | None = None  # among found[:seen]
        said = sorted((q.start, k, q) for k, q in enumerate(indirect) if q.speaker_start is not None)
        self.starts = [start for start, _, _ in said]
        self.prefix: list[Quote] = []  # latest-ending (first listed on a tie) of said[:i + 1]
        best = (-1, 0)
        for _, k, q in said:
            if (q.end, -k) > best:
                best = (q.end, -k)
                self.prefix.append(q)
            else:
                self.prefix.append(self.prefix[-1])

    def before(self, n: int, start: int) -> Quote | None:
        """The latest-ending attributed statement among found[:n] and the reported speech starting before `start`."""
        for _, q in self.found[self.seen : n]:
            if q.speaker_start is not None and (self.latest is None or q.end > self.latest.end):
                self.latest = q
        self.seen = max(self.seen, n)
        k = bisect_left(self.starts, start)
        said = self.prefix[k - 1] if k else None
        return said if said is not None and (self.latest is None or said.end > self.latest.end) else self.latest


# A line that opens with its own label before the quotation: a name or a handle, then a colon.
_OWN_LABEL = re.compile(r"[^\S\n]*(?:[-*\u2022][^\S\n]+)?(?:[A-Z@][\w.'\u2019-]*[^\S\n]*){1,6}(?:\(@\w{1,30}\))?"
                        r"[^\S\n]*:[^\S\n]*[\"'\u201c\u2018\u00ab]?$")


def _continued_speaker(
    text: str, found: list[tuple[QuotedSpan, Quote]], n: int, attributed: _Attributed, resolver: SpeakerResolver
) -> SpeakerMention | None:
    """Speaker of a quote that goes on from an attributed one: the previous quotation in its paragraph
    or chain, else the latest attributed statement in the same or the previous paragraph; none when another
    person is the subject of a sentence in between."""
    qs = found[n][0]
    if _OWN_LABEL.match(text, text.rfind("\n", 0, qs.start) + 1, qs.start):
        return None  # 'Local MP Ines Varga (@InesVargaMP): "..."': the line names its own speaker, if nobody known
    if n:
        pspan, pquote = found[n - 1]
        same = pspan.chain == qs.chain or "\n" not in text[pspan.end : qs.start]
        if same and pquote.speaker_start is not None:
            return None if resolver.other_subject_between(pspan.end, qs.start, pquote.speaker) else _mention_of(pquote)
    last = attributed.before(n, qs.start)
    if last is None or resolver.other_subject_between(last.end, qs.start, last.speaker):
        return None
    if qs.start - last.end < 400 and len(_PARA_BREAK.findall(text[last.end : qs.start])) <= 1:
        return _mention_of(last)
    return None


def _mention_of(quote: Quote) -> SpeakerMention | None:
    """The speaker mention a quote was given, for another quote to take over: none where the brief does not show
    it (below the confidence threshold), and no surer than it was."""
    if quote.shown_speaker is None:
        return None
    how = "description" if is_described(quote.basis, quote.confidence) else "name"
    return SpeakerMention(quote.speaker_start or 0, quote.speaker_end or 0, quote.speaker, how,
                          confidence=quote.confidence)


_GOING_ON = {"add", "continue"}  # verbs of one who goes on speaking ("..., the 49-year-old added")


def _described_again(
    resolver: SpeakerResolver, speaker: SpeakerMention | None, cue: Token | None,
    found: list[tuple[QuotedSpan, Quote]], indirect: list[Quote], start: int,
) -> SpeakerMention | None:
    """A person named just before, described as someone who goes on speaking ('"...," said Rosalind Achterberg.
    "...," the veteran firefighter added'): the description stands for the person whose words came last, named
    beside them, in this or the paragraph before, with no other person a subject in between."""
    written = resolver.text[speaker.start : speaker.end] if speaker is not None else ""
    if (speaker is None or speaker.how != "description" or not speaker.person or cue is None
            or cue.lemma_.lower() not in _GOING_ON or not written.lower().startswith("the ")):
        return None
    said = [q for _, q in found if q.end <= start] + [q for q in indirect if q.end <= start]
    last = max(said, key=lambda q: q.end, default=None)
    if (last is None or last.speaker is None or (last.confidence or 0.0) < CONFIDENCE["verb"] or last.basis == "carried"
            or not resolver.is_person_name(last.speaker) or start - last.end > 600
            or len(_PARA_BREAK.findall(resolver.text[last.end : start])) > 1
            or resolver.other_subject_between(last.end, start, last.speaker)):
        return None
    return SpeakerMention(speaker.start, speaker.end, last.speaker, "role", role=written)


def _paragraph_subject(
    resolver: SpeakerResolver, doc: Doc, found: list[tuple[QuotedSpan, Quote]], n: int, sent_of: Callable[[int], Span]
) -> SpeakerMention | None:
    """The speaker of a paragraph's first quotation, opening a sentence with no cue, after sentences about one
    person, named or an unnamed source: the subject of the paragraph's first sentence, when no other person is
    a subject before the words ("Retired postman Cyril Abbot, 78, was discharged on Friday. “I was lucky. ...”";
    "One shop owner, who did not want to be named, was close to tears. “...”")."""
    text, qs = resolver.text, found[n][0]
    para = text.rfind("\n", 0, qs.start) + 1
    if n and found[n - 1][0].end > para:
        return None  # not the paragraph's first quotation
    opening = doc.char_span(para, qs.start, alignment_mode="contract")
    if opening is None or not len(opening) or opening[0].is_quote:
        return None
    first = sent_of(opening[0].i)
    before = text[para : qs.start].rstrip().rstrip(_MARKS).rstrip()
    if first.end_char > qs.start or not _ends_sentence(before):
        return None  # the words open a sentence of their own ('The photo quotes Romans 8:31 – “...”' does not)
    subjects = [c for c in first.root.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1 or subjects[0].pos_ not in {"PROPN", "NOUN"}:
        return None
    speaker = resolver.resolve(subjects[0])
    named = speaker.how == "name" and resolver.is_person_name(speaker.name)
    if not (named or (speaker.how == "anonymous" and speaker.name)) or resolver.other_subject_between(
            first.start_char, qs.start, speaker.name):
        return None
    return speaker


def _introduced(resolver: SpeakerResolver, doc: Doc, first: int, sent_of: Callable[[int], Span]) -> SpeakerMention | None:
    """The speaker a paragraph-opening quote is introduced by: the subject of the cue closing the paragraph before."""
    k = first - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    if k < 0 or "\n" not in resolver.text[doc[k].idx : doc[first].idx]:
        return None
    root = sent_of(k).root
    if root.lemma_.lower() not in CUE_LEMMAS | REPORT_LEMMAS:
        return None
    subj = subject_of(root)
    return resolver.resolve(subj, describe=is_own_subject(subj, root)) if subj is not None else None
