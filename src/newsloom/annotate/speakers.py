"""Speaker resolution: names, pronouns, role nouns, organisations and anonymous sources."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsloom.annotate.cues import REPLIES, VERDICTS, according_to, in_relative_clause
from newsloom.annotate.descriptions import PERSON_NOUNS, described_kind, description_name
from newsloom.annotate.doc_text import doc_text
from newsloom.annotate.entities import INVERTED_VERBS, SUBJECT_DEPS, clean_name, expand_person, fold
from newsloom.annotate.gender import (
    PRONOUN_GENDER,
    article_genders,
    honorific_gender,
    is_first_name,
    name_gender,
    role_gender,
)
from newsloom.annotate.live_blog import live_entries, same_entry
from newsloom.annotate.roles import ROLE_WORDS, TITLE_NOUNS, split_role
from newsloom.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ASKING = {"ask", "question", "press", "quiz"}  # verbs whose object is the one who answers next
_SPOKEN_BY_THINGS = {"say", "add", "state", "write", "read", "note", "claim", "argue", "report", "announce", "warn",
                     "admit", "continue", "conclude", "recommend", "explain", "allege", "urge", "insist", "suggest",
                     "contend", "assert", "acknowledge", "declare", "predict", "accuse"}
PRONOUNS = {"he", "she", "they", "him", "her", "i", "we"}
# Verbs whose that-clause is what their subject says or thinks: a "he"/"she" subject of that clause is, by
# default, the one saying it ("Reid said that he spoke with Sanders").
REPORTING = {"say", "tell", "add", "state", "claim", "write", "argue", "insist", "note", "explain", "acknowledge",
             "admit", "announce", "assert", "contend", "maintain", "recall", "reply", "respond", "testify", "warn",
             "think", "believe", "fear", "hope", "feel", "worry", "predict", "promise", "vow", "deny", "confirm"}
RELATIVES = {"who", "that", "which"}
# A name in capitals joined by "and" to the words right before a person's name ("BRANNOCK and prosecutor OWEN PRYCE").
_AND_NAME_BEFORE = re.compile(r"\b([A-Z][A-Z'\u2019-]{2,}) and (?:[a-z][a-z-]* ){0,3}$")
_ASKERS = {"reporter", "interviewer", "journalist", "correspondent", "host", "anchor", "presenter", "moderator"}
_PAIRS = {"pair", "duo", "both"}  # a subject that makes two people one (also "the two men", "both women")
# A list line's opening (a bullet, or none) and what may follow the name up to the quotation: a description, a colon.
_LIST_LINE = re.compile(r"[^\S\n]*(?:[-*\u2022\u2013\u2014][^\S\n]+)?")
_LABEL_REST = re.compile(r"(?:[^\S\n]*\(@\w{1,30}\))?(?:,(?:(?! and )[^:\n\"\u201c\u2018]){1,80})?:[^\S\n]*[\"'\u201c\u2018]?")
_POSSESSIVE = re.compile(r"['\u2019]s?[^\S\n]+(?:[A-Z][\w'\u2019-]*[^\S\n]+){0,3}$")  # "St Brennan's " before "Hospital"
_QUOTE_CHARS = re.compile("[\"\u201c\u201d\u00ab\u00bb]|''|\u2018")
_TITLE_RUN_CHARS = 60  # how far into its line a listed name may start, after its title
_TITLE_RUN = re.compile(r"(?:[A-Z][\w.'\u2019-]*[^\S\n]+){1,3}")  # "Local MP " before a listed name
_HANDLE_LINE = re.compile(r"@(\w{1,30})[^\S\n]*:[^\S\n]*[\"'\u201c\u2018]")  # '@GreywickGrace: "..."': a post
# "Venn, asked by Council member Desmond Pike why ..., said": the one asked, named before the participle.
_ASKED_BY = re.compile(r"([^\W\d_][\w'\u2019.-]*)[^\S\n]*,[^\S\n]+(?:asked|pressed|questioned|quizzed|challenged|"
                       r"prompted|urged|interrupted)[^\S\n]+by[^\S\n]+(?:[\w.'\u2019-]+[^\S\n]+){0,4}$")
ANONYMOUS_DETS = {"a", "an", "another", "one", "some", "several", "two", "three"}
ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "diplomat", "diplomats", "person",
                   "people", "aide", "aides", "insider", "insiders", "resident", "residents", "analyst"}
PLACE_LABELS = {"GPE", "LOC"}
_NO_SPEAKER_TYPES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}  # never who speaks
_HYPOTHETICAL = {"any", "no", "every", "each", "whichever", "whoever"}  # nobody in particular speaks
_DANGLING = {"close", "familiar", "near", "who"}
_SIGNATURE_DASH = re.compile(  # on the quotation's line, or opening the next line ("\n\n-Michelle Marks, Philadelphia.")
    "[\"'\u201d\u2019\u00bb]*(?:[^\\S\n]*(?:[\u2015\u2014\u2013]|--| - )|[^\\S\n]*\n\\s*(?:[\u2015\u2014\u2013]|--|-))[^\\S\n]*")
_SIGNATURE_END = re.compile("[^\\S\n]*(?:$|[\n.\u201c\"]|,[^\n:]{0,80}(?:$|[\n\u201c\"]))")  # not "Ann Lee, a student: \"...\""
_SIGNED_NAME = re.compile(r"[A-Z][\w\u00C0-\u024F'\u2019-]+(?: (?:[A-Z]\.|[A-Z][\w\u00C0-\u024F'\u2019-]+)){1,3}")
_SPEAKER_LABEL = re.compile(r"[^\S\n]*((?:[A-Z][A-Z.'\u2019-]+)(?: [A-Z][A-Z.'\u2019-]+){0,2}):[^\S\n]")
# A transcript label opening its line right before the quotation marks ('HARROWGATE: "We are ...').
_LABEL_BEFORE_MARKS = re.compile(r"(?:^|\n)[^\S\n]*([A-Z][A-Z'\u2019-]+(?: [A-Z][A-Z'\u2019-]+){0,2}):[^\S\n]*"
                                 r"[\"'\u201c\u2018\u00ab\u201e]$")
TRANSCRIPT_WORDS = {"video", "audio", "transcript", "clip", "update", "note", "editor", "correction", "breaking"}
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.'-]*\s+){1,4}")
_INVERTED_CUE = re.compile(r"(?:^|\n[^\S\n]*|[.!?][\"'\u201d\u2019]?[^\S\n]+)(?:" + "|".join(sorted(INVERTED_VERBS)) + ")"
                           r"[^\S\n]+(?:[A-Z][\w.'\u2019-]*[^\S\n]+){0,3}$")
_INVERTED_END = re.compile("[^\\S\n]*[:,][^\\S\n]*[\"'\u201c\u2018\u00ab\u201e]?$")
_ACCORDING = re.compile(r"(?:^|\n[^\S\n]*|[.!?][\"'\u201d\u2019]?[^\S\n]+|,[^\S\n]+)[Aa]ccording[^\S\n]+to[^\S\n]+"
                        r"(?:[A-Z][\w.'\u2019-]*[^\S\n]+){0,3}$")
_CLAUSES = frozenset({"relcl", "acl"})  # clauses a description's phrase stops before
_LESSER = {"deputy", "vice", "assistant", "acting", "junior", "shadow", "associate"}
_NP_LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "quantmod"}


@dataclass
class SpeakerMention:
    """A speaker as written in the text, and whom it resolves to."""

    start: int
    end: int
    name: str | None  # canonical name, an anonymous description, or None when unresolved
    how: str = "name"  # how the mention gave the name: name, role, pronoun, anonymous, description, none
    role: str | None = None  # the title or description written with the name ("Kremlin spokesman")
    person: bool = True  # False for a group, an institution or a text ("police", "the report"): nobody's "he"
    confidence: float | None = None  # for a speaker taken over from another quote: how sure that quote's was
    doubt: str = ""  # why nobody is named where a reader might expect someone ("“she” could be A or B")


def _handle_of(tok: Token) -> Token | None:
    """A social-media handle that is the subject, or set off beside a pronoun subject ("Another, @Geoff, wrote")."""
    if re.fullmatch(r"@\w{2,30}", tok.text):
        return tok
    if tok.pos_ != "PRON":
        return None
    near = tok.doc[tok.i + 1 : min(tok.i + 4, len(tok.doc))]
    return next((t for t in near if re.fullmatch(r"@\w{2,30}", t.text) and t.head in (tok, tok.head)), None)


def noun_phrase(tok: Token) -> Span:
    """The noun phrase headed by `tok`: its left modifiers and flat-name parts, no clauses or appositions."""
    doc = tok.doc
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in _NP_LEFT_DEPS and not child.is_quote:  # no opening mark of words hung from the noun
            left = min(left, child.left_edge.i if child.dep_ in {"poss", "compound", "nmod"} else child.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in {"compound", "flat"} and child.i == right + 1:
            right = child.i
    while left < tok.i and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


def _possessor(noun: Token) -> str | None:
    """The surname of the name that owns a role noun ("Murphy's spokeswoman" -> "murphy"), if a name does."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return owners[0].lower_ if owners else None


class SpeakerResolver:
    """Resolves subject noun phrases to canonical speakers using the article's entities and context."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.text = doc_text(doc)
        self.sents = list(doc.sents)
        in_order = sorted(mentions, key=lambda m: m.start)
        self.people = [m for m in in_order if m.label == "PERSON"]
        self._people_names = {m.canonical for m in self.people}
        self.organisation_names = frozenset(m.canonical for m in in_order if m.label == "ORG" and m.canonical
                                            and m.canonical not in self._people_names)
        self.orgs = [m for m in in_order if m.label in {"ORG", "GPE", "NORP"}]
        self._full_names: dict[str, set[str]] = {}  # folded surname -> the full names ending with it (filled on use)
        self._role_owners: dict[str, set[str]] = {}  # role word -> whose role it was written as ("Murphy's spokeswoman")
        self._role_modifiers: dict[str, set[str]] = {}  # role word -> the words that narrowed it where it was given
        self.memo: dict[tuple[str, str], object] = {}  # the quote rules' searches of this article's text, done once
        self.roles = self._role_map()
        self._titles = self._title_map()
        self.genders = article_genders(self.text, self.sents, self.people, self.roles)
        self._firsts = [s.start for s in self.sents]
        self._starts = {id(self.people): [m.start for m in self.people], id(self.orgs): [m.start for m in self.orgs]}
        self._by_gender: dict[str | None, tuple[list[Mention], list[int]]] = {}
        self._expanded: dict[str, str] = {}
        self.quoted: list[tuple[int, int]] = []  # quoted spans: names inside them stand for nobody's pronoun
        self.spoken: list[SpeakerMention] = []  # every named speaker given to a quote so far
        self._last: SpeakerMention | None = None
        self._described: set[str] = set()  # speakers given as descriptions ("the mayor"), not names
        self._chain: dict[int, str | None] = {}  # leading pronouns of earlier sentences, resolved
        self._rivals: dict[int, tuple[str, str]] = {}  # pronouns left unresolved: (the person found, the rival)
        self._doubts: dict[int, str] = {}  # pronouns left unresolved for another reason: why
        self._answers: set[int] = set()  # pronouns found as the one a question was put to
        self._entries = live_entries(self.text)  # a live blog's entries: the last speaker is not carried across them
        self._depth = 0

    @property
    def last_speaker(self) -> SpeakerMention | None:
        """The speaker of the latest attributed quote."""
        return self._last

    @last_speaker.setter
    def last_speaker(self, speaker: SpeakerMention | None) -> None:
        self._last = speaker
        if speaker is not None and speaker.name and speaker.how == "description":
            self._described.add(speaker.name)
        if speaker is not None and speaker.name and speaker.person:
            self.spoken.append(speaker)
            gender = role_gender(speaker.role) or name_gender(speaker.name)
            if gender is not None and speaker.how not in {"pronoun", "description"}:
                self.genders.setdefault(speaker.name, gender)

    def _entity_in(self, start: int, end: int, pool: list[Mention]) -> Mention | None:
        """The last entity of `pool` (people or organisations) lying inside [start, end)."""
        starts = self._starts[id(pool)]
        inside = [m for m in pool[bisect_left(starts, start) : bisect_left(starts, end)] if m.end <= end]
        return inside[-1] if inside else None

    def _entity_over(self, start: int, tok: Token, pool: list[Mention]) -> Mention | None:
        """An entity of `pool` starting in the noun phrase from `start` that covers its head and runs past it ("the
        Reserve Bank of Kalmora": the whole name, not "Reserve Bank")."""
        starts = self._starts[id(pool)]
        k = bisect_right(starts, tok.idx) - 1
        if k < 0:
            return None
        m = pool[k]
        if m.text.count("(") != m.text.count(")"):
            return None  # "Vox Populi (Voice of the People": the tagger's cut through a parenthesis
        after = self.text[tok.idx + len(tok) : m.end]
        if after.lstrip().lower().startswith("of ") and tok.lower_ not in _INSTITUTION_HEADS:
            return None  # "Meenakshi Ganguly of Human Rights Watch" tagged as one: a person and where she works
        return m if start <= m.start <= tok.idx < m.end else None

    def _people_of(self, gender: str | None) -> tuple[list[Mention], list[int]]:
        """People a pronoun of this gender may stand for, in text order, and their start offsets."""
        if gender not in self._by_gender:
            people = [p for p in self.people if self.genders.get(p.canonical, gender) == gender]
            self._by_gender[gender] = (people, [p.start for p in people])
        return self._by_gender[gender]

    def _expand(self, name: str) -> str:
        """A surname-only name expanded to the article's full name ending with it."""
        if name not in self._expanded:
            full = [p.canonical for p in self.people if " " in p.canonical]
            self._expanded[name] = expand_person(name, full, self.text)
        return self._expanded[name]

    def _title_map(self) -> dict[str, str]:
        """Whole capitalised titles written before one person's name ("Prime Minister Radka Velichy": "prime
        minister", and "minister" alone), each kept only when it is one person's."""
        holders: dict[str, set[str]] = {}
        for person in self.people:
            span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is None:
                continue
            lead = 0  # titles the tagger took into the name ("Prime Minister Radka Velichy" tagged whole)
            while lead < len(span) - 1 and span[lead].text[:1].isupper() and span[lead].lower_ in ROLE_WORDS:
                lead += 1
            k = span.start
            while k > 0 and self.doc[k - 1].text[:1].isupper() and self.doc[k - 1].lower_ in ROLE_WORDS:
                k -= 1
            run = [t.lower_ for t in self.doc[k : span.start + lead]]
            for i in range(len(run)):
                if run[-1] in TITLE_NOUNS and (i == 0 or run[i - 1] not in _LESSER):  # a deputy is no "Minister"
                    holders.setdefault(" ".join(run[i:]), set()).add(person.canonical)
        return {title: names.pop() for title, names in holders.items() if len(names) == 1}

    def _role_map(self) -> dict[str, str]:
        """Role nouns attached to named people ("Kremlin spokesman Dmitry Peskov", "Peskov, the spokesman")."""
        roles: dict[str, str] = {}
        shared: set[str] = set()  # role words of two different people ("Mayor Ann Lee", "Mayor Bo Ray"): nobody's
        for person in self.people:
            span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            np = noun_phrase(head)
            words = [t for t in np if t.i < span.start and t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "PERSON"]
            words += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and not _subject_misread(c)]
            if head.dep_ == "appos" and (head.head.pos_ == "NOUN" or head.head.lower_ in TITLE_NOUNS):
                words.append(head.head)  # "the mayor, Ann Lee", "the Transport Minister, Ann Lee"
            words += [t for t in span if t.lower_ in TITLE_NOUNS and t.pos_ == "PROPN"
                      and t.i < span.end - 1 and t.text not in person.canonical.split()]  # "Superintendent Ann Lee"
            for w in words:
                if w.pos_ == "NOUN" or (w.pos_ == "PROPN" and w.lower_ in TITLE_NOUNS):
                    key = _role_key(w)  # a former ambassador is "the former ambassador", not "the ambassador"
                    self._role_modifiers.setdefault(key, set()).update(_modifiers(w))
                    if roles.setdefault(key, person.canonical) != person.canonical:
                        shared.add(key)
                    if w.i > 0 and w.doc[w.i - 1].lower_ in _LESSER:
                        shared.add(key)  # "Deputy Minister Ilse Varga" is not "the Minister"
                    if (owner := _possessor(w)) is not None:
                        self._role_owners.setdefault(key, set()).add(owner)
        return {k: v for k, v in roles.items() if k not in shared}

    def resolve(self, tok: Token, describe: bool = False) -> SpeakerMention:
        """Resolve the subject token of a cue verb to a speaker; with `describe` (the token is the verb's own
        subject), a description that can speak and names nobody ("the mayor", "police") is the speaker as written."""
        handle = _handle_of(tok)
        if handle is not None:  # "@GreyhornGeoff wrote", "Another, @GreyhornGeoff, wrote": the account as written
            return SpeakerMention(handle.idx, handle.idx + len(handle), handle.text, "description", person=False)
        np = noun_phrase(tok)
        start, end = np.start_char, np.end_char
        low = tok.lower_
        if low == "it" and tok.pos_ == "PRON" and tok.dep_ in SUBJECT_DEPS:
            name = self._it_speaker(tok)  # "..., the company wrote. It added, '...'"
            how = "description" if name in self._described else ("pronoun" if name else "none")
            return SpeakerMention(tok.idx, tok.idx + len(tok), name, how)
        if low in PRONOUNS and tok.pos_ == "PRON":
            name = None if _as_they_say(tok) else self._antecedent(tok)
            how = "description" if name in self._described else "pronoun"  # "the mayor said ... He added"
            # "they" stands for a group or an organisation, never for one person a later "he" or "she" may be
            return SpeakerMention(tok.idx, tok.idx + len(tok), name, how, person=low != "they",
                                  doubt="" if name else self.pronoun_doubt(tok))
        sender = _sent_from(tok)
        if sender is not None and sender.lower_ in {"his", "her"}:  # "His reply ... describes": whom "his" stands for
            name = self._antecedent(sender)
            return SpeakerMention(sender.idx, sender.idx + len(sender), name, "pronoun",
                                  doubt="" if name else self.pronoun_doubt(sender))
        if sender is not None:  # "The reply from the Harbour Trust's account was shorter: ...": the Trust's words
            return self.resolve(sender, describe=True)
        if (tok.ent_type_ in _NO_SPEAKER_TYPES and described_kind(tok) is None) or (tok.ent_type_ == "NORP" and tok.tag_ == "JJ"):
            return SpeakerMention(start, end, None, "none")  # "who Beck on Wednesday called", "Mexican American journalists"
        if low in RELATIVES and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
            if self.in_quotes(tok.head.head.idx):  # 'there are still "some people" who feel that way'
                return SpeakerMention(tok.idx, tok.idx + len(tok), None, "none")
            return SpeakerMention(tok.idx, tok.idx + len(tok), self.resolve(tok.head.head).name, "pronoun")
        named = ([c for c in tok.children if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or (
                      c.pos_ == "PROPN" and self._is_person(c)))]  # a person the tagger took for an organisation
                 or [g for g in _sender(tok) + _titled(tok) if self._is_person(g)]
                 or [t for t in [_titles_joined_person(tok)] if t is not None]  # "former Gov. and Chairman Ed Rendell"
                 or [t for t in [_titled_person_closing(tok)] if t is not None])
        if not named and tok.pos_ == "NOUN" and tok.lemma_.lower() not in PERSON_NOUNS:
            # "this year's headliners, the Lantern Choir, wrote": the group named ("his son, Grant," is a person)
            named = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "ORG" and c.pos_ == "PROPN"]
        if named and tok.ent_type_ != "PERSON":  # "her adviser, Jake Sullivan, said", "an email sent by Ann Lee warned"
            tok = named[0]
            np = noun_phrase(tok)
            start, end = np.start_char, np.end_char
        first = np[0].lower_
        mute = tok.pos_ == "NOUN" and tok.lemma_.lower() not in ANONYMOUS_HEADS and described_kind(tok) is None
        if (first in ANONYMOUS_DETS and not mute) or (tok.lemma_.lower() in ANONYMOUS_HEADS and tok.tag_ == "NNS"):
            return self._anonymous(tok, start)
        if (first in ANONYMOUS_DETS and mute) or (first in _HYPOTHETICAL and tok.pos_ == "NOUN"):
            return SpeakerMention(start, end, None, "none")  # "a controversial comment that", "any rational person"
        person = self._entity_in(start, end, self.people)
        owned = person is not None and (_POSSESSIVE.match(self.text, person.end, tok.idx)
                                        or self.text[person.start:person.end].endswith(("'s", "\u2019s")))
        if owned and person is not None and _QUOTE_CHARS.search(self.text, person.end, tok.idx):
            owned = None  # "E. J. Fleming's ''The Fixers''": a work's title, its author as before
        if person is not None and person.end <= tok.idx and (tok.pos_ == "NOUN" or owned):
            person = None  # "the Trump administration said", "St Brennan's Hospital says": the name only modifies who speaks
        if person is not None:
            shared = self._sharing_surname(person)
            if shared:  # "Feldhaus recalled" in a report on Mareike and Jonas Feldhaus: either of them
                return SpeakerMention(person.start, person.end, None, "none",
                                      doubt=f"“{person.text}” could be {' or '.join(shared)}")
            return SpeakerMention(person.start, person.end, person.canonical, role=self._role_of(tok, start, person))
        known = self._known_surname(tok)
        if known is not None:
            return SpeakerMention(tok.idx, tok.idx + len(tok), known)
        org = self._entity_in(start, end, self.orgs) or self._entity_over(start, tok, self.orgs)
        if org is not None and org.label == "NORP" and tok.pos_ == "PROPN" and name_gender(org.text) is not None:
            org = None  # "Hanna Esk" with "Hanna" tagged a nationality: a first name
        role = self.roles.get(_role_key(tok)) if tok.tag_ not in {"NNS", "NNPS"} else None  # "members" are no one
        owner, owners = _possessor(tok), self._role_owners.get(tok.lemma_.lower(), set())
        if role is not None and owner is not None and owners and owner not in owners:
            role = None  # "Grayson's spokeswoman" is not the one introduced as "Murphy's spokeswoman, Galia Slayen"
        given = self._role_modifiers.get(_role_key(tok), set())
        if role is not None and given and not _modifiers(tok) <= given:
            role = None  # "the Levellers leader" is not the one introduced as "the Rural Alliance leader"
        if role is not None and np[0].lower_ == "the" and not _modifiers(tok):
            unnamed = self._unnamed_since(role, tok, start)
            if unnamed is not None:  # "One Civic Union minister, who would speak only anonymously, said ...
                return unnamed  # '...,' the minister said": that minister, not the one named paragraphs before
        if role is not None and np[0].lower_ == "the":
            unnamed = self._anonymous_just_before(tok)
            if unnamed is not None:  # "A former board member, who asked not to be named, said ... '...,' the former
                return unnamed  # director said": the source just introduced, not the director named elsewhere
        if role is not None:
            return SpeakerMention(start, end, role, "role", role=self.text[start:end])
        if np[0].lower_ == "the" and tok.lemma_.lower() in ANONYMOUS_HEADS and not _modifiers(tok):
            unnamed = self._unnamed_since(None, tok, start)
            if unnamed is not None:  # "According to a source close to the board, ... '...,' the source said"
                return unnamed
        kind = described_kind(tok) if describe and (org is None or org.end <= tok.idx) else None
        if kind is not None:
            end = _extend_of(tok, end)  # "the head of the state-owned harbour fund", not "the head"
            return SpeakerMention(start, end, description_name(self.text[start:end]), "description",
                                  person=kind == "person")
        if org is not None:
            if org.label in PLACE_LABELS or (org.label == "NORP" and org.end <= tok.idx):
                # a country or city speaks through people, never as one; "Mexican American journalists" are no "American"
                return SpeakerMention(org.start, org.end, None, "none")
            of_end = _of_name_end(tok) if org.end == tok.idx + len(tok) else None
            if of_end is not None:  # "the Reserve Bank of Kalmora said" with only "the Reserve Bank" tagged
                return SpeakerMention(org.start, of_end, clean_name(self.text[org.start : of_end]),
                                      role=_role_words(self.text[start : org.start]))
            return SpeakerMention(org.start, org.end, org.canonical, role=_role_words(self.text[start : org.start]))
        if _imperative(tok):  # "Imagine saying to her, '...'": a verb the tagger took for a name; nobody speaks
            return SpeakerMention(start, end, None, "none")
        if (tok.pos_ == "PROPN" and not tok.text.islower()) or _name_tagged_noun(tok, np):
            names = [t for t in np if t.pos_ == "PROPN"] or [tok]
            if (np[0].lower_ in {"the", "a", "an"} and tok.lower_ in TITLE_NOUNS
                    and all(t.lower_ in ROLE_WORDS for t in names)):
                # "the Prime Minister said": the one person given that whole title, else a title shown as written
                holder = self._titles.get(" ".join(t.lower_ for t in names)) if np[0].lower_ == "the" else None
                if holder is not None:
                    return SpeakerMention(start, end, holder, "role", role=self.text[start:end])
                return SpeakerMention(start, end, description_name(self.text[start:end]), "description")
            of_end = _of_name_end(tok) if tok.i + 1 == np.end else None
            end = max(end, of_end or end)  # "the Brisk Chamber of Commerce was ...", the tagger having named none of it
            name, title = split_role(clean_name(self.text[names[0].idx : end]))
            if name.isupper() and len(name.split()) > 1 and name_gender(name.split()[0].capitalize()) is not None:
                # "LEANNE DUGGAN-WEBB": the name as a name is written (not "USA TODAY")
                name = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in name.split())
            return SpeakerMention(names[0].idx, end, self._expand(name), role=title)
        return SpeakerMention(start, end, None, "none")

    def signature_after(self, end: int) -> SpeakerMention | None:
        """The name a quotation is signed with after a dash ("“...” ― Ann Lee", "'...' -- Sen. Bo Ray", or "-Ann Lee"
        opening the next line), when nothing but the name (and an apposition) follows it on its line."""
        m = _SIGNATURE_DASH.match(self.text, end)
        if m is None:
            return None
        after = m.end()
        for pool in (self.people, self.orgs):
            starts = self._starts[id(pool)]
            k = bisect_left(starts, after)
            if k == len(pool) or pool[k].start - after > 12 or pool[k].label in PLACE_LABELS:
                continue
            found = pool[k]
            if _SIGNATURE_END.match(self.text, found.end) is None:
                continue
            if self.text[after : found.start].strip(" .") and not _TITLE_WORDS.fullmatch(self.text[after : found.start]):
                continue
            return SpeakerMention(found.start, found.end, found.canonical, role=_role_words(self.text[after : found.start]))
        bare = _SIGNED_NAME.match(self.text, after)  # a name the tagger missed
        if bare is not None and _SIGNATURE_END.match(self.text, bare.end()) is not None:
            return SpeakerMention(bare.start(), bare.end(), clean_name(bare.group()))
        return None

    def inverted_cue(self, start: int) -> SpeakerMention | None:
        """The person an inverted cue right before a quotation names ("Said Ellis: “...”", "Added Sen. Bo Ray,")."""
        starts = self._starts[id(self.people)]
        k = bisect_left(starts, start) - 1
        if k < 0:
            return None
        person = self.people[k]
        if person.end > start or _INVERTED_END.match(self.text[person.end : start]) is None:
            return None
        cue = _INVERTED_CUE.search(self.text, max(0, person.start - 80), person.start)
        if cue is None:
            return None
        words = cue.group(0).split()
        lead = next(k for k, w in enumerate(words) if w.rstrip(",") in INVERTED_VERBS)
        return SpeakerMention(person.start, person.end, person.canonical, role=_role_words(" ".join(words[lead + 1 :])))

    def according_before(self, start: int) -> SpeakerMention | None:
        """The person an "According to X," right before a quotation names (an outlet is where words appeared,
        not who said them, so only people count)."""
        starts = self._starts[id(self.people)]
        k = bisect_left(starts, start) - 1
        if k < 0:
            return None
        person = self.people[k]
        if person.end > start or _INVERTED_END.match(self.text[person.end : start]) is None:
            return None
        if _ACCORDING.search(self.text, max(0, person.start - 40), person.start) is None:
            return None
        return SpeakerMention(person.start, person.end, person.canonical)

    def is_person_name(self, name: str | None) -> bool:
        """True when a resolved name is one of the article's people."""
        return name in self._people_names

    def speaker_label(self, start: int) -> SpeakerMention | None:
        """The speaker a transcript line names before a colon, inside the quotation marks ('"PENCE: Well, look
        ...') or opening the line before them ('HARROWGATE: "We are within ..."')."""
        m = _SPEAKER_LABEL.match(self.text, start)
        if m is None:
            m = _LABEL_BEFORE_MARKS.search(self.text, max(0, start - 60), start)
            if m is None or not all(len(w) > 1 for w in m.group(1).split()):
                return None  # not "Q:" or "A:"
            name = self.label_name(m.group(1))
            if name not in self._people_names and any(w.lower() in TRANSCRIPT_WORDS for w in name.split()):
                return None  # "VIDEO:", "TRANSCRIPT:"
            return SpeakerMention(m.start(1), m.end(1), name, role=None)
        name = self.label_name(m.group(1))
        if name not in self._people_names:
            return None  # "USA: ..." or a label naming nobody the article knows
        return SpeakerMention(m.start(1), m.end(1), name, role=None)

    def _sharing_surname(self, person: Mention) -> list[str]:
        """The people a surname written alone could be when the article introduces them together ("Mareike and Jonas
        Feldhaus"), in no order of preference; none when the name is written whole, an honorific tells them apart
        ("Mrs Feldhaus"), or the others of that name are only met apart (a wife named once beside the defendant
        the report is about: the surname is his)."""
        written = person.text.strip()
        if " " in written or honorific_gender(self.text, person.start, written) is not None:
            return []
        if not self._full_names:
            for p in self.people:
                if " " in p.canonical:
                    self._full_names.setdefault(fold(p.canonical.split()[-1]), set()).add(p.canonical)
        names = sorted(self._full_names.get(fold(written), ()))
        if len(names) < 2:
            return []
        firsts = [re.escape(" ".join(n.split()[:-1])) for n in names]
        pair = rf"\b(?:{'|'.join(firsts)}),? and (?:{'|'.join(firsts)}) {re.escape(written)}\b"
        return names if re.search(pair, self.text) else []  # "Mareike and Jonas Feldhaus": a couple, either

    def listed_speaker(self, start: int) -> SpeakerMention | None:
        """The person a list line opens with, before a description and a colon ('- Priya Nandakumar, a student at
        Greywick College: "..."', 'Local MP Ann Lee (@annlee): "..."'): each line of a vox pop is its own speaker's; a post
        quoted under its handle alone ('@GreywickGrace: "..."') is the handle's."""
        line = self.text.rfind("\n", 0, start) + 1
        m = _LIST_LINE.match(self.text, line)
        if m is None:
            return None
        handle = _HANDLE_LINE.match(self.text, m.end())
        if handle is not None and handle.end() == start:  # a post quoted under its handle: the handle as written
            return SpeakerMention(handle.start(), handle.start(1) + len(handle.group(1)),
                                  "@" + handle.group(1), "description", person=False)
        starts = self._starts[id(self.people)]
        near = self.people[bisect_left(starts, m.end()) : bisect_left(starts, min(start, m.end() + _TITLE_RUN_CHARS))]
        person = next((p for p in near if p.start == m.end()
                       or _TITLE_RUN.fullmatch(self.text, m.end(), p.start)), None)
        if person is None or not _LABEL_REST.fullmatch(self.text, person.end, start):
            return None
        rest = self.doc.char_span(person.end, start, alignment_mode="expand")
        if rest is not None and any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in rest):
            return None  # "Ann Lee, the mayor, quoted Tom Kay: ...": a clause with a verb of its own, not a label
        return SpeakerMention(person.start, person.end, person.canonical)

    def label_name(self, label: str) -> str:
        """A transcript label as a name: capitalised and expanded to the article's full name ("HARROWGATE")."""
        return self._expand(" ".join(w.capitalize() if w.isupper() else w for w in label.split()))

    def _anonymous(self, tok: Token, start: int) -> SpeakerMention:
        """An unnamed source ("a senior official in Kyiv"), its description after a dangling "close" as its role."""
        end = _extend_anonymous(tok)
        dangling = next((c for c in tok.rights if c.lower_ in _DANGLING and c.dep_ in {"amod", "advmod"}), None)
        if dangling is not None:  # "a retired engineer close to the operators"
            last = dangling.right_edge
            head = self.text[start : dangling.idx].rstrip(" ,")
            return SpeakerMention(start, start + len(head), head, "anonymous", self.text[dangling.idx : last.idx + len(last)])
        name = self.text[start:end]
        words = name.split()
        cut = next((k for k, w in enumerate(words) if k > 1 and w.lower() in _DANGLING), None)
        if cut is None:
            return SpeakerMention(start, end, name, "anonymous")
        after = tok.doc.char_span(start, end, alignment_mode="expand")
        last = max((t for t in after[-1].subtree), key=lambda t: t.i) if after is not None else None
        role_end = max(end, last.idx + len(last)) if last is not None else end
        head = " ".join(words[:cut])
        return SpeakerMention(start, start + len(head), head, "anonymous", self.text[start + len(head) : role_end].strip())

    def _anonymous_just_before(self, tok: Token) -> SpeakerMention | None:
        """A person introduced as unnamed on purpose ("A former board member, who asked not to be named, said ...")
        heading a subject in the sentence before, in the same paragraph, with no one named between."""
        here = bisect_right(self._firsts, tok.i) - 1
        if here == 0 or "\n" in self.text[self.sents[here - 1].end_char : self.sents[here].start_char]:
            return None
        prev = self.sents[here - 1]
        if not _ANONYMITY.search(prev.text):
            return None
        if any(prev.start_char <= p.start < tok.idx and not self.in_quotes(p.start) for p in self.people):
            return None
        for cand in prev:
            if (cand.dep_ in SUBJECT_DEPS and cand.pos_ == "NOUN" and described_kind(cand) == "person"
                    and noun_phrase(cand)[0].lower_ in ANONYMOUS_DETS and not self.in_quotes(cand.idx)):
                return self._anonymous(cand, noun_phrase(cand).start_char)
        return None

    def _unnamed_since(self, named: str | None, tok: Token, start: int) -> SpeakerMention | None:
        """An unnamed source with the role noun `tok` heading a subject ("one minister, who ...") in the three
        sentences before, named after the last mention of `named`: the one "the minister" then stands for."""
        here = bisect_right(self._firsts, tok.i) - 1
        since = self.sents[max(0, here - 3)].start
        last = max((p.start for p in self.people if p.canonical == named and p.start < start), default=-1)
        lemma = tok.lemma_.lower()
        for cand in reversed(self.doc[max(since, tok.i - _UNNAMED_REACH) : tok.i]):
            if cand.idx < last:
                break
            if cand.lower_ != tok.lower_ and cand.lemma_.lower() != lemma:
                continue
            cited = according_to(cand.head.head) if cand.dep_ == "pobj" else None  # "according to a source ..."
            if (cand.dep_ in SUBJECT_DEPS or (cited is not None and cited.i == cand.i)) and not self.in_quotes(cand.idx):
                np = noun_phrase(cand)
                if np[0].lower_ in ANONYMOUS_DETS:
                    return self._anonymous(cand, np.start_char)
        return None

    def _is_person(self, tok: Token) -> bool:
        """True when a name token is, or lies inside, one of the article's people."""
        np = noun_phrase(tok)
        if tok.ent_type_ == "PERSON" or self._entity_in(np.start_char, np.end_char, self.people) is not None:
            return True
        words = np.text.replace("-", " ").split()
        if (2 <= len(words) <= 4 and all(w.isupper() and w.isalpha() and len(w) > 1 for w in words)
                and name_gender(words[0].capitalize()) is not None and not self.in_quotes(tok.idx)):
            return True  # "Furious daughter LEANNE DUGGAN-WEBB, 34, said": a tabloid's name in capitals
        given = _first_name_before(tok)  # "his wife, Hanna Esk", the tagger having missed her
        return (given is not None and given.pos_ == "PROPN" and tok.text[:1].isupper() and tok.i == np.end - 1
                and tok.ent_type_ in {"", "NORP"} and given.ent_type_ in {"", "NORP"} and not self.in_quotes(tok.idx))

    def _known_surname(self, tok: Token) -> str | None:
        """The article's full name for a bare surname the tagger took for something else ("U.S. Waltz told")."""
        if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
            return None
        full = self._expand(tok.text)
        given = _first_name_before(tok)
        if given is not None and not full.startswith(given.text + " "):
            return None  # "his wife, Hanna Esk": another Esk than Radomir, written with her own first name
        return full if " " in full and any(p.canonical == full for p in self.people) else None

    def _role_of(self, tok: Token, start: int, person: Mention) -> str | None:
        """The title or description written with a person: words before the name, else an apposition."""
        before = _role_words(self.text[start : person.start]) or ""
        if before and person.canonical.endswith(f"{before} {person.text}"):
            before = ""  # "German Gref": the first name, not a title
        lead = split_role(person.text)[1] if person.text.split()[0].lower() != person.canonical.split()[0].lower() else None
        if before or lead:
            return " ".join(w for w in (before, lead) if w) or None
        appos = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if appos:
            sub = list(appos[0].subtree)
            return self.text[sub[0].idx : sub[-1].idx + len(sub[-1])].strip(" ,")
        return None

    def _antecedent(self, tok: Token) -> str | None:
        """Whom a pronoun stands for (see `_found_antecedent`), never a person named as an object of its own verb
        ("he told Hannity": not Hannity)."""
        name = self._found_antecedent(tok)
        if name is None or name in self._objects_of(tok.head):
            return None
        rival = self._rivalled(tok, name)
        if rival is not None:
            self._rivals[tok.i] = (name, rival)
            return None
        described = self._described_object_before(tok, name)
        if described is not None:  # "When I raised it with our finance director, his exact words were, '...'"
            self._doubts[tok.i] = f"“{tok.text}” could be {described}, named earlier in its sentence"
            return None
        return name

    def _described_object_before(self, tok: Token, name: str) -> str | None:
        """A person described, not named, as an object earlier in the sentence of a "his"/"her" owning words ("When I
        raised it with our finance director, his exact words were"), where the one found for the pronoun is not met
        in that sentence: a reader may take it for either."""
        gender = PRONOUN_GENDER.get(tok.lower_)
        sent = tok.sent
        if tok.dep_ != "poss" or (tok.head.lemma_.lower() not in VERDICTS and tok.head.lower_ not in VERDICTS):
            return None  # only an owner of words ("his exact words were"): a plain "he" keeps its antecedent
        if gender is None or any(m.canonical == name and sent.start_char <= m.start < tok.idx for m in self.people):
            return None
        for t in sent[: tok.i - sent.start]:
            if (t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ in {"pobj", "dobj", "dative"} and not self.in_quotes(t.idx)
                    and described_kind(t) == "person" and role_gender(t.lower_) in (gender, None)
                    and t.lemma_.lower() not in _ASKERS and not (t.head.dep_ == "agent" or t.head.lower_ == "by")
                    and not any(c.dep_ == "appos" for c in t.children)
                    and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "PROPN")):  # "our reporter Vid Aarnes"
                return description_name(noun_phrase(t).text)
        return None

    def owner(self, tok: Token) -> SpeakerMention:
        """Whom a word standing for an owner names: a possessive "his"/"her" through the pronoun chain, else as a
        subject would ("on his behalf", "a letter from Ann Lee")."""
        if tok.lower_ in {"his", "her"}:
            name = self._antecedent(tok)
            return SpeakerMention(tok.idx, tok.idx + len(tok), name, "pronoun", doubt="" if name else self.pronoun_doubt(tok))
        return self.resolve(tok, describe=True)

    def past_the_agent(self, speaker: SpeakerMention | None) -> SpeakerMention | None:
        """The person named before "asked by X" when the parse made the asker X the cue's speaker ("Venn, asked by
        Desmond Pike why the director was absent, said ..."): the one asked answers; nobody when that is no person."""
        if speaker is None or not speaker.name or speaker.how not in {"name", "role"}:
            return speaker
        line_start = self.text.rfind("\n", 0, speaker.start) + 1
        m = _ASKED_BY.search(self.text, max(line_start, speaker.start - 160), speaker.start)
        if m is None:
            return speaker
        person = next((p for p in self.people if p.end == m.end(1) and not self.in_quotes(p.start)), None)
        if person is None:
            return SpeakerMention(speaker.start, speaker.end, None, "none", doubt=f"{speaker.name} asked the question")
        return SpeakerMention(person.start, person.end, person.canonical)

    def pronoun_doubt(self, tok: Token) -> str:
        """Why a pronoun names nobody: a reader could take it for two people ("“she” could be A or B"), or another reason; else ""."""
        found = self._rivals.get(tok.i)
        if found:
            return f"“{tok.text}” could be {' or '.join(sorted(found))}"  # in no order of preference
        return self._doubts.get(tok.i, "")

    def _rivalled(self, tok: Token, name: str) -> str | None:
        """The rival a reader could take a "he"/"she" for, found for a person named in an earlier sentence, else None.
        Joined to that person as one subject ("Brannock and Owen Pryce ... '...,' he told the clerk"). Where the
        person was last met as a subject or speaker: someone of fitting gender heading a subject (or owning one) in
        a later sentence ("... said Ann Lee. Jo Kay's album is due. '...,' she said"). Where last met only as an
        object or possessor: a subject or speaker there or in the sentence before ("Ann Lee wept. The court was
        shown a photograph of Jo Kay. '...,' she said"). Where last met two sentences or more before, with nothing
        since keeping the text on that person: anyone named since with a first name of that gender."""
        gender = PRONOUN_GENDER.get(tok.lower_)
        if gender is None or name in self._described or tok.i in self._answers:
            return None
        here = bisect_right(self._firsts, tok.i) - 1
        marks = self._marks(tok, name, here)
        if not marks:
            return None
        there = max(k for k, _ in marks)
        if there >= here:
            return None
        salience = max(level for k, level in marks if k == there)
        joined = self._joined_with(name, there, gender) or self._paired_in(name, there, gender)
        if joined is not None:  # "Brannock and Owen Pryce spent minutes at the bench. '...,' he told the clerk"
            return joined
        start = self.sents[there].end_char if salience == 2 else self.sents[max(0, there - 1)].start_char
        people, starts = self._people_of(gender)
        newcomer = self._introduced_in_what_is_added(tok, self.sents[here])
        for rival in people[bisect_left(starts, start) : bisect_left(starts, tok.idx)]:
            if (rival.canonical in (name, newcomer) or self.in_quotes(rival.start)
                    or self._in_the_question(rival.start, tok) or _binds(tok, rival.start)):
                continue
            if self._salience(rival) >= (1 if salience == 2 else 2):
                return rival.canonical
            if (there <= here - 2 and rival.start >= self.sents[there].end_char and name_gender(rival.canonical) == gender
                    and not self._kept_on(self.sents[there].end_char, tok.idx, gender, name)):
                return rival.canonical  # "... Ferrier calls it ... I rode with Brannock. I asked. '...,' he said"
        for subject in self._subject_tokens(start, tok.idx):  # "Ms Marsh was asked ...", a name the tagger left out
            if subject.pos_ == "PROPN" and not self._in_the_question(subject.idx, tok) and not _binds(tok, subject.idx):
                other = self.resolve(subject).name
                if other and other not in (name, newcomer) and self.is_known_person(other) and self.fits(other, gender):
                    return other
        return None

    def _kept_on(self, start: int, end: int, gender: str, name: str) -> bool:
        """True when, outside quotation marks in [start, end), a pronoun of that gender ("Critics compared him to his
        old rival ..."), a person described as a subject ("the former artillery officer described ...") or the
        named person as a subject the tagger missed keeps the text on someone, most likely the one before."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return any(not self.in_quotes(t.idx) and (
            (PRONOUN_GENDER.get(t.lower_) == gender and t.pos_ == "PRON")
            or (t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN" and described_kind(t) == "person")
            or (t.dep_ in SUBJECT_DEPS and t.pos_ in {"PROPN", "NOUN"} and self.resolve(t).name == name))
            for t in (span if span is not None else []))

    def _joined_with(self, name: str, sentence: int, gender: str) -> str | None:
        """A person of fitting gender joined by "and"/"or" to the named person in a subject of that sentence ("A and B
        spoke with the judge")."""
        sent = self.sents[sentence]
        for mention in self.people:
            if mention.canonical != name or not sent.start_char <= mention.start < sent.end_char:
                continue
            joined = _AND_NAME_BEFORE.search(self.text, sent.start_char, mention.start)
            place = self._entity_in(joined.start(1), joined.end(1), self.orgs) if joined is not None else None
            if (joined is not None and (place is None or place.label not in PLACE_LABELS)
                    and not (is_first_name(joined.group(1).capitalize())
                             and name_gender(joined.group(1).capitalize()) not in (gender, None))):
                return self.label_name(joined.group(1))  # "Later BRANNOCK and prosecutor OWEN PRYCE clashed", parsed apart
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for other in (span.root.conjuncts if span is not None else ()):
                low, high = sorted((span.root.i, other.i))
                between = self.doc[low + 1 : high]
                root = self.doc[low].sent.root
                subject = self.doc[low].dep_ in SUBJECT_DEPS or (  # or the parse left the verb after it without one
                    root.i > high and root.pos_ in {"VERB", "AUX"} and not any(c.dep_ in SUBJECT_DEPS for c in root.children))
                if (not subject or any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in between)
                        or not any(t.dep_ == "cc" and t.lower_ in {"and", "or"} for t in between)):
                    continue  # only a subject "A and B"; not "Grieve promised supporters, and manager Conrad Ashby"
                np = noun_phrase(other)
                found = self._entity_in(np.start_char, np.end_char, self.people)
                named = other
                for appos in (c for c in other.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                    found = found or self._entity_in(appos.left_edge.idx, appos.idx + len(appos), self.people)
                    named = appos  # "his neighbour Frank Mulvaney", the name tagged or not
                other_name = found.canonical if found is not None else (
                    self.resolve(named).name if named.pos_ == "PROPN" else None)  # a surname the tagger took for a firm
                if not other_name or other_name == name or self.in_quotes(other.idx):
                    continue
                if name_gender(other_name.split()[0]) not in (gender, None):
                    continue  # "Clinton and husband Bill": no rival for "she"
                if self.is_known_person(other_name) and self.fits(other_name, gender):
                    return other_name
                if found is None and name_gender(other.text) == gender:  # "Sam and Adrian", the tagger missing Adrian
                    return other.text
                if (found is None and named.pos_ == "PROPN" and named.text.isupper() and len(named.text) > 2
                        and named.ent_type_ not in PLACE_LABELS and not (is_first_name(named.text.capitalize())
                                                                           and name_gender(named.text.capitalize()) != gender)):
                    return self.label_name(named.text)  # "BRANNOCK and prosecutor OWEN PRYCE clashed": a surname in capitals
        return None

    def _paired_in(self, name: str, sentence: int, gender: str) -> str | None:
        """Another person of fitting gender named in a sentence whose subject makes the two one ("Brenner was met by
        Gerald Ashby, and the two men posed for photographers")."""
        sent = self.sents[sentence]
        if not any(t.dep_ in SUBJECT_DEPS and not self.in_quotes(t.idx) and t.head.dep_ in {"ROOT", "conj"}
                   and not any(c.lower_ == "of" for c in t.children) and (  # not "both of whom advised him"
                t.lower_ in _PAIRS or (t.lemma_.lower() in {"man", "woman"} and t.tag_ == "NNS"
                                       and any(c.lower_ in {"two", "both"} for c in t.children)))
                for t in sent):
            return None
        others = {m.canonical for m in self.people if sent.start_char <= m.start < sent.end_char
                  and m.canonical != name and not self.in_quotes(m.start) and self.fits(m.canonical, gender)}
        return min(others) if others else None

    def is_known_person(self, name: str) -> bool:
        """True for one of the article's people, or a person named as a speaker the tagger did not tag."""
        if name in self._people_names:
            return True
        words = name.split()
        if len(words) > 1 and name_gender(words[0]) is not None:  # "Eswar Prasad" tagged as an organisation
            return True
        return name not in self.organisation_names and any(
            s.name == name and s.person and s.how == "name" for s in self.spoken)

    def _marks(self, tok: Token, name: str, here: int) -> list[tuple[int, int]]:
        """(sentence, salience) of every place before a pronoun where the person it stands for was met outside
        quotation marks: named, as a speaker, as an earlier pronoun of the chain, or as a subject by role ("the
        campaign manager said")."""
        marks = [(self._sentence_at(m.start), self._salience(m)) for m in self.people
                 if m.canonical == name and m.start < tok.idx and not self.in_quotes(m.start)]
        marks += [(self._sentence_at(s.start), self._salience(Mention(s.name or "", s.start, s.end, "PERSON")))
                  for s in self.spoken if s.name == name and s.start < tok.idx and s.end > s.start]
        marks += [(bisect_right(self._firsts, i) - 1, 2) for i, found in self._chain.items()
                  if found == name and i < tok.i]
        near = self.sents[max(0, here - 2)].start_char
        marks += [(bisect_right(self._firsts, t.i) - 1, 2) for t in self._subject_tokens(near, tok.idx)
                  if t.pos_ == "NOUN" and described_kind(t) == "person" and self.resolve(t).name == name]
        return marks

    def _subject_tokens(self, start: int, end: int) -> list[Token]:
        """Clause subjects outside quotation marks in [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return [t for t in (span if span is not None else []) if t.dep_ in SUBJECT_DEPS and not self.in_quotes(t.idx)]

    def _sentence_at(self, offset: int) -> int:
        """The index of the sentence holding a character offset."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return bisect_right(self._firsts, span.start if span is not None else 0) - 1

    def _salience(self, mention: Mention) -> int:
        """How much a named person stands out where named: 2 as a clause subject (also through a relative
        pronoun or an apposition standing for the name), 1 as the owner of one ("Jo Kay's album is due"), else 0
        (an object: "requested by the Prime Minister, Radka Velichy, who has accused ...")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return 0
        root = span.root
        if root.lower_ in RELATIVES and root.head.dep_ == "relcl":
            root = root.head.head  # the speaker "who" stands for
        while root.dep_ in {"appos", "compound", "flat"} and root.head.i != root.i:
            if (root.dep_ == "compound" and root.head.pos_ != "PROPN") or _apposed_to_a_thing(root):
                return 0  # "the Fisher case", "the Carson campaign": a name that modifies a thing
            root = root.head
        if root.dep_ == "dobj" and root.head.dep_ in {"nsubj", "nsubjpass"}:
            return 2  # "Harbour chief Petra Hallam toured ...", parsed as "Harbour" (subject) taking "Hallam" as object
        if root.dep_ in _OBJECT_DEPS:
            return 0
        if _possessive(self.doc, mention, self.text) or any(c.dep_ == "case" for c in root.children):
            return 1 if root.head.dep_ in SUBJECT_DEPS else 0
        return 2 if root.dep_ in SUBJECT_DEPS or _is_subject(self.doc, mention, self.text) else 0

    def _objects_of(self, verb: Token) -> set[str]:
        """People named as the objects of a verb ("told Hannity", "asked Ann Lee about ...") or as the subject of
        the clause it reports ("He insisted Curiel had a conflict": not Curiel)."""
        found = set()
        for child in verb.children:
            heads = [child] if child.dep_ in {"dobj", "dative", "iobj"} else []
            if child.dep_ == "prep":
                heads = [c for c in child.children if c.dep_ == "pobj"]
            if child.dep_ == "ccomp" and child.i > verb.i:  # not "Murphy lamented ..., he said": that is his clause
                heads = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PROPN"]
            for head in heads:
                person = self._entity_in(head.left_edge.idx, head.right_edge.idx + len(head.right_edge), self.people)
                if person is not None:
                    found.add(person.canonical)
        return found

    def _found_antecedent(self, tok: Token) -> str | None:
        """Whom a pronoun stands for: a speaker or subject of matching gender earlier in the sentence, else in
        one of the four before it outside quotation marks (or the one person of that known gender it names),
        else the last speaker, else nobody; never a name inside quotation marks or a possessor. "they" goes to
        an organisation that is no place, "I"/"we" to none."""
        low = tok.lower_
        if low in {"i", "we"}:
            return None
        here = bisect_right(self._firsts, tok.i) - 1
        sent = self.sents[here]
        if low == "they":
            group = self._plural_source(self.sents[max(0, here - 1)].start_char, tok.idx)
            if group is not None:
                return group
            body = self._body_subject(sent.start_char, tok.idx)
            if body is not None:  # "Clinton's campaign is seeking ... what they call"
                return body
            starts = self._starts[id(self.orgs)]
            orgs = self.orgs[bisect_left(starts, sent.start_char - 600) : bisect_left(starts, tok.idx)]
            orgs = [o for o in orgs if o.label not in PLACE_LABELS and not self.in_quotes(o.start)]
            return orgs[-1].canonical if orgs else None
        gender = PRONOUN_GENDER.get(low)
        topic = self._topic(sent, tok, gender)
        if topic is not None:  # "As for Trump, he said ...": the one the sentence is about
            return topic
        reporter = self._reporter(tok, gender)
        if reporter is not None:  # "Reid said that he spoke with Sanders": the one reporting
            return reporter
        in_sentence = self._subjects(gender, sent.start_char, tok.idx)
        newcomer = self._introduced_in_what_is_added(tok, sent)
        in_sentence = [(at, name) for at, name in in_sentence if name != newcomer and not self._in_the_question(at, tok)
                       and not _binds(tok, at)]
        if in_sentence:
            return self._one_of_sentence(in_sentence)
        owner = self._subject_owner(gender, sent.start_char, tok.idx)
        if owner is not None:  # "Mr. Trump's temperament came under scrutiny: he was challenged ...": Trump
            return owner
        answering = True  # no sentence of the writer's own between the pronoun and the one looked at
        for prev in self._sentences_before(here, 4):
            if not same_entry(self._entries, prev.end_char - 1, tok.idx):
                break  # a live blog's entries are each their own: "he" names nobody of an earlier entry
            asked = self._asked(prev, gender) if answering else None
            if asked is not None:  # "Conroy asked Sanders whether .... '...,' he said": the one asked answers
                self._answers.add(tok.i)  # the asker is no rival
                return asked
            answering = answering and self._quoted_sentence(prev)
            said = self._spoken_in(gender, prev.start_char, prev.end_char)
            if said is not None:  # "Yet Trump is a 'change agent,' Cole said. '...,' he said": the one who spoke
                return said
            subjects = self._subjects(gender, prev.start_char, prev.end_char)
            lead = self._leading_pronoun(prev, low, subjects[0][0] if subjects else prev.end_char)
            if lead is not None:  # "Dunwoody said .... He said that Sanders has ... '...,' he said": the chain
                return self._chained(lead)
            if not subjects and (self._unknown_speaker(prev, gender) or self._untagged_lead(prev, gender)):
                self._doubts[tok.i] = f"“{tok.text}” may stand for a person the text names in a way we cannot read"
                return None  # "..., Nefzi said." with Nefzi taken for a place: someone we cannot name spoke
            if subjects:
                return self._heading(subjects) or subjects[0][1]
            owner = self._subject_owner(gender, prev.start_char, prev.end_char, said=True)
            if owner is not None:  # "Esk's final words were addressed to his passengers. '...,' he said": Esk
                return owner
            only = self._only_of_gender(gender, prev.start_char, prev.end_char)
            if only is not None:
                before = self._pronoun_before(prev, gender, only)
                return only if before is None else self._chained(before)  # None: the chain is lost, nobody
        last = self.last_speaker
        if last is not None and last.name and last.person and self.fits(last.name, gender):
            if same_entry(self._entries, last.start, tok.idx):
                return last.name
            self._doubts[tok.i] = f"“{tok.text}” names nobody in its own live-blog entry"
        return None

    def _subject_owner(self, gender: str | None, start: int, end: int, said: bool = False) -> str | None:
        """The person of known, fitting gender whose thing heads the sentence as its subject in [start, end), before
        a pronoun of that sentence ("Mr. Trump's temperament came under scrutiny: he was ..."), outside quotation
        marks; None when no one's, or a person's, does. With `said`, only a thing said ("Esk's final words")."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        for tok in span if span is not None else []:
            head = tok.head
            if (tok.dep_ != "poss" or tok.pos_ != "PROPN" or head.dep_ not in SUBJECT_DEPS or head.pos_ != "NOUN"
                    or not _heads_sentence(head, also={"ccomp", "parataxis"}) or described_kind(head) is not None
                    or self.in_quotes(tok.idx)):  # the parse may hang the clause before a colon from the one after
                continue
            if said and head.lemma_.lower() not in _SPOKEN_THINGS:
                continue
            person = self._entity_in(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge), self.people)
            if person is not None and self.fits(person.canonical, gender) and person.canonical in self.genders:
                return person.canonical
        return None

    def _quoted_sentence(self, sent: Span) -> bool:
        """True when a sentence's first word lies inside quotation marks (a sentence of the quoted words)."""
        word = next((t for t in sent if not t.is_punct and not t.is_space), None)
        return word is not None and self.in_quotes(word.idx)

    def _asked(self, sent: Span, gender: str | None) -> str | None:
        """The person of fitting gender a sentence's main verb asks ("X asked Sanders whether ...", or "asked him": whom
        "him" stands for), if it asks one."""
        root = sent.root
        if root.lemma_.lower() not in _ASKING or not any(c.dep_ in SUBJECT_DEPS for c in root.children):
            return None
        for child in root.children:
            if (child.dep_ in {"dobj", "dative"} and child.pos_ == "PRON" and gender is not None
                    and PRONOUN_GENDER.get(child.lower_) == gender):
                return self._chained(child)  # "Marsk asked him, as Prentiss looked on: '...?' / '...,' he replied"
            if child.dep_ in {"dobj", "dative"} and child.pos_ == "PROPN":
                person = self._entity_in(child.left_edge.idx, child.idx + len(child), self.people)
                if person is not None and not self.in_quotes(person.start) and self.fits(person.canonical, gender):
                    return person.canonical
        return None

    def _heading(self, subjects: list[tuple[int, str]]) -> str | None:
        """Of several people who are subjects in an earlier sentence, the one heading it ("When Maddow pointed out
        ..., Clinton seized upon the reference. '...,' she said": Clinton); None unless exactly one does."""
        if len({name for _, name in subjects}) < 2:
            return None
        heads = {name for at, name in subjects if self._heads_at(at)}
        return heads.pop() if len(heads) == 1 else None

    def _introduced_in_what_is_added(self, tok: Token, sent: Span) -> str | None:
        """The person first named in this sentence as the subject of the clause an "X added" set inside it reports
        ("Minister Ann Lee, who visited on Sunday, had promised 'a look', she added, '...'"): someone met only
        now adds nothing; the one who adds spoke before."""
        verb = tok.head
        if verb.lemma_.lower() != "add" or verb.dep_ not in {"parataxis", "ccomp"} or verb.head.i >= verb.i:
            return None
        subj = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
        if subj is None:
            return None
        person = self._entity_in(subj.left_edge.idx, subj.idx + len(subj), self.people)
        if person is None:
            return None
        first = next((p.start for p in self.people if p.canonical == person.canonical), person.start)
        return person.canonical if first >= sent.start_char else None

    def _one_of_sentence(self, subjects: list[tuple[int, str]]) -> str | None:
        """Of the subjects before a pronoun in its sentence, the latest; where two people are (Schlafly replied
        that she was pleased Friedan had said it because, she said, ...), the one heading the sentence, and
        nobody when neither or both do."""
        names = {name for _, name in subjects}
        if len(names) < 2:
            return subjects[-1][1]
        heads = {name for at, name in subjects if self._heads_at(at)}
        return heads.pop() if len(heads) == 1 else None

    def _heads_at(self, offset: int) -> bool:
        """True when the word at a character offset is the subject of its sentence's main verb."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in SUBJECT_DEPS and _heads_sentence(tok)

    def _it_speaker(self, tok: Token) -> str | None:
        """Whom an "it" that speaks stands for: the organisation or document that spoke last (or was cited
        "according to"), in its sentence before it or in one of the two before; nobody when a person spoke there
        instead."""
        here = bisect_right(self._firsts, tok.i) - 1
        sent = self.sents[here]
        for span in [self.doc[sent.start : tok.i], *self._sentences_before(here, 2)]:
            found: str | None = None
            for t in span:
                author = _author_of(t)
                if author is not None and not self.in_quotes(t.idx):  # "The letter ... is signed by Emeric Dresh.
                    found = self.resolve(author).name or found  # '...,' it reads.": the signer's words
                    continue
                cited = t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"
                if (not (cited or t.dep_ in SUBJECT_DEPS) or t.pos_ not in {"NOUN", "PROPN", "PRON"}
                        or self.in_quotes(t.idx) or not (cited or t.head.lemma_.lower() in _SPOKEN_BY_THINGS)):
                    continue  # the source "according to" it counts as having spoken
                if t.pos_ == "PRON":  # "It stated that ...": the chain goes on through the earlier "it"
                    found = self._chained(t) if t.lower_ == "it" else found
                    continue
                said = self.resolve(t, describe=True)
                if (said.person and said.how != "name") or said.name in self._people_names:
                    return None  # a person spoke last: "it" is no one we can tell (a name counts when a person's)
                found = said.name or found
            if found:
                return found
        return None

    def _leading_pronoun(self, sent: Span, low: str, before: int) -> Token | None:
        """The same pronoun as the main subject of an earlier sentence, ahead of any person who is a subject
        there: that sentence is about the one the pronoun stands for."""
        for tok in sent:
            if tok.idx >= before:
                return None
            if (tok.lower_ == low and tok.pos_ == "PRON" and tok.dep_ in SUBJECT_DEPS and _heads_sentence(tok)
                    and not self.in_quotes(tok.idx)):
                return tok
        return None

    def _topic(self, sent: Span, tok: Token, gender: str | None) -> str | None:
        """The person an "As for ..." phrase opening the sentence names, when the pronoun is the subject right after it."""
        first = sent[0]
        if not (first.lower_ == "as" and len(sent) > 2 and sent[1].lower_ == "for" and tok.dep_ in SUBJECT_DEPS):
            return None
        comma = next((t for t in sent if t.text == ","), None)
        if comma is None or comma.i + 1 != tok.i:
            return None
        person = self._entity_in(sent[2].idx, comma.idx, self.people)
        return person.canonical if person is not None and self.fits(person.canonical, gender) else None

    def _unknown_speaker(self, sent: Span, gender: str | None = None) -> bool:
        """True when the main subject of a sentence is a name the tagger did not take for a person, saying
        something ("..., Nefzi said." with Nefzi tagged as a place), unless an honorific gives it another gender than
        `gender` ("Mr Brannock asked ..." before a "she"): someone we cannot name spoke there."""
        main = next((t for t in sent if t.dep_ in SUBJECT_DEPS and _heads_sentence(t) and not self.in_quotes(t.idx)),
                    None)
        if main is None or main.pos_ != "PROPN" or main.ent_type_ == "PERSON":
            return False
        lead = noun_phrase(main)
        known = honorific_gender(self.text, lead.start_char, lead.text)
        if gender is not None and known is not None and known != gender:
            return False
        return main.head.lemma_.lower() in REPORTING and self.resolve(main).name not in self._people_names

    def _in_the_question(self, offset: int, pronoun: Token) -> bool:
        """True when the word at `offset` lies inside a question put to the one a pronoun stands for ("Asked whether
        he had been there when Sarsby came in, he said": Sarsby is talked about)."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return False
        for anc in span.root.ancestors:
            if (anc.tag_ == "VBN" and anc.lemma_.lower() in _ASKING and anc.dep_ == "advcl"
                    and not any(c.dep_ in SUBJECT_DEPS for c in anc.children)):  # "Asked ...", not "When Lee was asked"
                return not (anc.left_edge.i <= pronoun.i <= anc.right_edge.i)
        return False

    def _untagged_lead(self, sent: Span, gender: str | None) -> bool:
        """True when a sentence opens with a name of fitting gender that the parse made its root and the tagger no
        person ("Striker Emeric Szalo, quoted by ..., called ..."), or such a name stands before a main verb left
        without a subject: the one it is about, whom we cannot name."""
        root = sent.root
        if root.pos_ in {"VERB", "AUX"} and not any(c.dep_ in SUBJECT_DEPS for c in root.children):
            return self._untagged_before(root, gender)
        if root.pos_ in {"VERB", "AUX"} and any(  # "Later BRANNOCK and prosecutor OWEN PRYCE clashed": names in capitals
                c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN" and c.text.isupper() and len(c.text) > 2
                and not self.in_quotes(c.idx) and self._entity_in(c.idx, c.idx + len(c), self.people) is None
                for c in root.children):
            return True
        if root.pos_ != "PROPN" or self.in_quotes(root.idx) or self._entity_in(root.idx, root.idx + len(root), self.people):
            return False
        lead = sent[: root.i - sent.start]
        firsts = [t for t in lead if t.dep_ == "compound" and name_gender(t.text) is not None]
        return (bool(firsts) and all(t.dep_ == "compound" and t.head.i == root.i for t in lead)
                and name_gender(firsts[0].text) in (gender, None))

    def _untagged_before(self, verb: Token, gender: str | None) -> bool:
        """True when a name of fitting gender the tagger missed stands right before a verb the parse left without a
        subject ("prosecutor NAOMI REYES-CALDER waved the email at him"): the one it is about, whom we cannot name."""
        k = verb.i - 1
        while k >= verb.sent.start and verb.doc[k].is_punct:
            k -= 1
        run = []
        while k >= verb.sent.start and (verb.doc[k].pos_ == "PROPN" or verb.doc[k].text == "-"):
            run.append(verb.doc[k])
            k -= 1
        if not run and k == verb.sent.start and verb.doc[k].pos_ in {"INTJ", "X"} and verb.doc[k].text.istitle():
            run = [verb.doc[k]]  # "Pike pressed ...", the surname tagged as an interjection
        words = [t for t in reversed(run) if t.text != "-"]
        if not words or self.in_quotes(words[0].idx) or self._entity_in(words[0].idx, run[0].idx + 1, self.people):
            return False
        if len(words) == 1:  # "Pike pressed Tullis ...": a surname opening the sentence, parsed as no subject
            word = words[0]
            return (word.i == verb.sent.start and word.text.istitle() and verb.lemma_.lower() in REPORTING | _ASKING
                    and name_gender(word.text) in (gender, None))
        return name_gender(words[0].text) == gender

    def _chained(self, pronoun: Token) -> str | None:
        """Whom an earlier sentence's leading pronoun (or an "it" that spoke) stands for, resolved once; a chain
        of at most four such pronouns."""
        if pronoun.i in self._chain:
            return self._chain[pronoun.i]
        if self._depth >= 4:
            return None
        self._depth += 1
        try:
            self._chain[pronoun.i] = self._it_speaker(pronoun) if pronoun.lower_ == "it" else self._antecedent(pronoun)
        finally:
            self._depth -= 1
        return self._chain[pronoun.i]

    def _sentences_before(self, here: int, n: int) -> list[Span]:
        """Up to `n` sentences before sentence `here`, nearest first, not counting those inside quotation marks
        (a long quotation's own sentences do not push the person who spoke it out of reach)."""
        found: list[Span] = []
        k = here - 1
        while k >= 0 and len(found) < n and here - k <= 4 * n:
            sent = self.sents[k]
            if not (self.in_quotes(sent.start_char) and self.in_quotes(max(sent.start_char, sent.end_char - 2))):
                found.append(sent)
            k -= 1
        return found

    def _reporter(self, tok: Token, gender: str | None) -> str | None:
        """The named person who reports the clause a "he"/"she" is the subject of ("Ann Lee said that she
        ...", "argued that ... and that he fears ..."), when that person's gender is known to fit; None otherwise
        (a pronoun in a clause of time or a relative clause is left to the usual rules)."""
        if tok.dep_ not in SUBJECT_DEPS or gender is None:
            return None
        clause = tok.head
        for _ in range(4):  # "... that X and that he fears": the first of the joined reported clauses
            if clause.dep_ != "conj" or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return None
        verb = clause.head
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in REPORTING:
            return None
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) != 1 or subjects[0].pos_ not in {"PROPN", "NOUN"} or self.in_quotes(subjects[0].idx):
            return None
        found = self.resolve(subjects[0])
        if not found.name or found.how not in {"name", "role"} or not found.person:
            return None
        return found.name if self.genders.get(found.name) == gender else None

    def _spoken_in(self, gender: str | None, start: int, end: int) -> str | None:
        """The one person of fitting gender named as a quote's speaker and a clause's subject in [start, end),
        outside quotation marks; None when none or several were."""
        names = {s.name for s in self.spoken if s.name in self._people_names and start <= s.start < end and s.how == "name"
                 and not self.in_quotes(s.start) and self.fits(s.name, gender) and self._subject_at(s.start, s.end)}
        return names.pop() if len(names) == 1 else None

    def _subject_at(self, start: int, end: int) -> bool:
        """True when the words at [start, end) are a clause's subject ("Cole said", not "asked by Gerard Baker")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ in SUBJECT_DEPS

    def fits(self, name: str, gender: str | None) -> bool:
        """True when a pronoun of this gender may stand for the named speaker (unknown gender fits)."""
        return self.genders.get(name, gender) == gender

    def _subjects(self, gender: str | None, start: int, end: int) -> list[tuple[int, str]]:
        """Speakers and subject people of matching gender in [start, end), outside quotation marks, in text order."""
        people, starts = self._people_of(gender)
        found = [
            (p.start, p.canonical) for p in people[bisect_left(starts, start) : bisect_left(starts, end)]
            if not self.in_quotes(p.start) and _is_subject(self.doc, p, self.text) and not self._is_label(p)
        ]
        found += [
            (s.start, s.name) for s in self.spoken
            if s.name and start <= s.start < end and not self.in_quotes(s.start)
            and self.fits(s.name, gender)
        ]
        known = [f for f in found if f[1] in self.genders]  # a known gender match beats an unknown one
        return sorted(set((known or found) + self._anonymous_subjects(start, end, gender)))

    def _is_label(self, mention: Mention) -> bool:
        """True for a name opening a line as a transcript's speaker label ("Frisk: Yvette Daroux called me ..."): the
        one talking, who says "I", not a subject a later "she" may stand for."""
        return self.text.startswith(":", mention.end) and (mention.start == 0 or self.text[mention.start - 1] == "\n")

    def _anonymous_subjects(self, start: int, end: int, gender: str | None = None) -> list[tuple[int, str]]:
        """Unnamed sources that are clause subjects in [start, end) ("A senior official ... told the Post"), one
        person each ("some members of Congress" are no "he") and of a gender that fits ("a spokeswoman" is no "he")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        found = []
        for tok in span if span is not None else []:
            if (tok.dep_ in SUBJECT_DEPS and tok.pos_ == "NOUN" and tok.tag_ != "NNS" and not self.in_quotes(tok.idx)
                    and not _infinitive_subject(tok) and role_gender(tok.lower_) in (None, gender)
                    and (tok.lemma_.lower() in ANONYMOUS_HEADS or described_kind(tok) == "person")):  # not "a big reason"
                np = noun_phrase(tok)
                if np[0].lower_ in ANONYMOUS_DETS:
                    found.append((np.start_char, self._anonymous(tok, np.start_char).name or ""))
        return found

    def _body_subject(self, start: int, end: int) -> str | None:
        """A group or institution described as the main subject in [start, end) ("Clinton's campaign"), as written."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else []:
            if (tok.dep_ in SUBJECT_DEPS and described_kind(tok) == "group" and _heads_sentence(tok)
                    and not self.in_quotes(tok.idx)):
                np = noun_phrase(tok)
                name = description_name(np.text)
                self._described.add(name)
                return name
        return None

    def _plural_source(self, start: int, end: int) -> str | None:
        """The latest unnamed group that is a clause subject in [start, end) ("Officials in Northgate said")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        groups = [
            self.resolve(tok) for tok in (span if span is not None else [])
            if tok.dep_ in SUBJECT_DEPS and tok.tag_ == "NNS" and not self.in_quotes(tok.idx)
        ]
        named = [g.name for g in groups if g.how == "anonymous" and g.name]
        return named[-1] if named else None

    def _only_of_gender(self, gender: str | None, start: int, end: int) -> str | None:
        """The one person of this known gender named in [start, end) outside quotation marks ("met the fisherman
        Tomas Reyes. ... he said"), None when there are none or several."""
        if gender is None:
            return None
        people, starts = self._people_of(gender)
        names = {
            p.canonical for p in people[bisect_left(starts, start) : bisect_left(starts, end)]
            if p.canonical in self.genders and not self.in_quotes(p.start) and not _possessive(self.doc, p, self.text)
        }
        return names.pop() if len(names) == 1 else None

    def _pronoun_before(self, sent: Span, gender: str, only: str) -> Token | None:
        """A pronoun of this gender before the one person of that gender a sentence names, outside quotation marks
        ("Her statement came after photographers spotted Ann Lee ...", "Critics compared him to Bo Ray"): the
        sentence goes on about someone else, whom the pronoun stands for; None when there is no such pronoun."""
        first = next((p.start for p in self._people_of(gender)[0]
                      if sent.start_char <= p.start < sent.end_char and p.canonical == only), sent.end_char)
        return next((tok for tok in sent if tok.idx < first and tok.pos_ == "PRON" and not tok.lower_.endswith("self")
                     and PRONOUN_GENDER.get(tok.lower_) == gender and not self.in_quotes(tok.idx)), None)

    def other_subject_between(self, start: int, end: int, name: str | None) -> bool:
        """True when a person other than `name` is a clause subject in [start, end) outside quotation marks
        ("... said Ann Lee. Bo Ray disagreed. “...”", "“...,” Lee said, and her husband cut in. “...”": the words
        after are no longer surely Ann Lee's)."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        for tok in span if span is not None else []:
            if tok.dep_ not in SUBJECT_DEPS or self.in_quotes(tok.idx):
                continue
            if (tok.pos_ == "PROPN" and tok.ent_type_ not in PLACE_LABELS and tok.text not in (name or "")
                    and _heads_sentence(tok) and self.resolve(tok).name != name):
                return True  # not the title the speaker was named with ("said Gov. and Chairman Ed Rendell.")
            if (tok.pos_ == "NOUN" and tok.tag_ == "NN" and described_kind(tok) == "person"
                    and _heads_sentence(tok, also={"parataxis"}) and self.resolve(tok, describe=True).name != name):
                return True
        for tok in span if span is not None else []:  # "Zé laughs, without much joy.": a name the parse left no subject
            root = tok.head
            if (tok.i == tok.sent.start and tok.pos_ in {"PROPN", "INTJ"} and tok.text.istitle() and tok.dep_ not in SUBJECT_DEPS
                    and root.i == tok.i + 1 and root.dep_ == "ROOT" and root.pos_ == "VERB" and root.tag_ in {"VBZ", "VBD"}
                    and not any(c.dep_ in SUBJECT_DEPS for c in root.children) and not self.in_quotes(tok.idx)
                    and tok.text not in (name or "").split()):
                return True
        return False

    def in_quotes(self, offset: int) -> bool:
        """True when a character offset lies inside quotation marks."""
        k = bisect_right(self.quoted, (offset, float("inf"))) - 1
        return k >= 0 and offset < self.quoted[k][1]


_OWN_REPLIES = VERDICTS
_ACCOUNTS = {"account", "feed", "page", "channel", "handle", "profile"}


def _sent_from(tok: Token) -> Token | None:
    """Who sent a reply or message written as "the reply from X", "the reply from X's account" or "X's reply": X."""
    if tok.lemma_.lower() not in REPLIES | VERDICTS and tok.lower_ not in VERDICTS:
        return None
    sender = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                   for g in c.children if g.dep_ == "pobj"), None)
    if sender is None and (tok.lemma_.lower() in _OWN_REPLIES or tok.lower_ in _OWN_REPLIES):  # "His reply, seen by the Lantern, describes ..."
        sender = next((c for c in tok.children if c.dep_ == "poss"), None)
    if sender is not None and sender.lemma_.lower() in _ACCOUNTS:
        sender = next((c for c in sender.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}), None)
    return sender


def _first_name_before(tok: Token) -> Token | None:
    """The first name written right before a surname token and joined to it by the parse ("Hanna" of "Hanna Esk")."""
    given = tok.doc[tok.i - 1] if tok.i > 0 else None
    if given is None or given.head.i != tok.i or given.dep_ != "compound" or name_gender(given.text) is None:
        return None
    return given


def _modifiers(role: Token) -> set[str]:
    """The words that narrow a role noun ("Rural Alliance" in "the Rural Alliance leader"), lower case."""
    return {t.lower_ for t in role.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.pos_ in {"PROPN", "NOUN", "ADJ"}
            and t.lower_ not in _PRAISING}


# Words before a role noun that rank or praise rather than narrow it ("the Kremlin's top spokesperson").
_PRAISING = {"former", "ex", "then", "new", "top", "senior", "chief", "longtime", "long-time", "veteran", "leading", "main",
             "key", "close", "trusted", "powerful", "embattled", "current", "own", "outspoken", "prominent"}


def _role_key(role: Token) -> str:
    """The role map's key of a role noun: its lemma (a title as written), marked when the role is held no longer
    ("a former ambassador", "ex-minister")."""
    key = role.lemma_.lower() if role.pos_ == "NOUN" else role.lower_
    former = any(t.lower_ in {"former", "ex", "onetime", "one-time", "erstwhile"}
                 for t in role.doc[max(0, role.i - 3) : role.i])
    return f"former {key}" if former else key


_AUTHORING = {"sign", "write", "send", "draft", "author", "pen"}


def _author_of(tok: Token) -> Token | None:
    """The one a document is signed or written by ("The letter ... is signed by Emeric Dresh"), if the parse says."""
    if tok.dep_ != "nsubjpass" or described_kind(tok) != "text" or tok.head.lemma_.lower() not in _AUTHORING:
        return None
    return next((g for c in tok.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _infinitive_subject(tok: Token) -> bool:
    """True for the subject of an infinitive ("whether it is right for a sitting judge to criticize ..."): someone
    talked about, not someone who said or did anything."""
    return any(c.tag_ == "TO" for c in tok.head.children) or any(c.dep_ == "mark" and c.lower_ == "for"
                                                                  for c in tok.head.children)


def _as_they_say(tok: Token) -> bool:
    """True for the "they" of a saying ("As they say about the doctor, '...'"): people in general, nobody named."""
    verb = tok.head
    return (tok.lower_ == "they" and tok.dep_ in SUBJECT_DEPS and verb.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))


def _titles_joined_person(tok: Token) -> Token | None:
    """The person a title without an article is joined to by the parse ("Vice President for news and talk Dave
    Gorab", "former Gov. and Party Chairman Ed Rendell"); not "the mayor and Ann Lee", two people."""
    if tok.pos_ != "PROPN" or tok.lower_ not in TITLE_NOUNS | ROLE_WORDS or any(c.dep_ == "det" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ in {"conj", "appos"} and c.ent_type_ == "PERSON"), None)


def _titled_person_closing(tok: Token) -> Token | None:
    """The person closing an organisation's name run into a title the parse made one phrase ("The Council on
    Harbour Relations National Executive Director Nihad Awad said": Awad, not the council)."""
    if tok.ent_type_ not in {"ORG", ""} or tok.pos_ != "PROPN":
        return None
    last = tok.right_edge
    if last.ent_type_ != "PERSON" or last.i == tok.i:
        return None
    first = last
    while first.ent_iob_ != "B" and first.i > tok.i:
        first = first.nbor(-1)  # back to the start of the person's name
    title = first.nbor(-1) if first.i > tok.i + 1 else None
    if title is None or title.lower_.rstrip(".") not in TITLE_NOUNS | ROLE_WORDS:
        return None
    return last


def _titled(tok: Token) -> list[Token]:
    """The name a title written with "of" leads to ("Speaker of the House Rep. Paul Ryan said"), if any."""
    if tok.pos_ != "PROPN" or (tok.lower_ not in TITLE_NOUNS and tok.lower_ != "speaker"):
        return []
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"][:1]


def _sender(tok: Token) -> list[Token]:
    """The name a message was sent or written by ("a fundraising email sent out by Ann Lee"), if any."""
    if tok.pos_ != "NOUN":
        return []
    return [g for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"
            for g in a.children if g.dep_ == "pobj" and g.pos_ == "PROPN"][:1]


def _subject_misread(appos: Token) -> bool:
    """True for an "apposition" right before a verb that has no subject: the verb's subject the parse hung on a
    name before it ("with hosts Ann Lee and Bo Ray, the candidate stated"), no role of that name."""
    after = appos.right_edge.i + 1
    if after >= len(appos.doc):
        return False
    verb = appos.doc[after]
    return verb.pos_ in {"VERB", "AUX"} and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _role_words(text: str) -> str | None:
    """Words written before a name as its title, without a leading article; None when nothing is left or the words
    hold another name set off by a comma ("the Harbour Courier, Ostrow & Lind Shipping"; "the firm, Ostrow & Lind"
    keeps "firm")."""
    if "," in text.strip(" ,"):
        return None
    words = text.strip(" ,").split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    if text.rstrip().endswith(",") and any(w[:1].isupper() for w in words):
        return None  # a name set off before it by a comma, not its title
    return " ".join(words) or None


def _possessive(doc: Doc, mention: Mention, text: str) -> bool:
    """True for a possessor ("Zelensky's behavior"), whatever the parse says."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and any(c.dep_ == "case" for c in span.root.children):
        return True
    return text[mention.end : mention.end + 2] in {"'s", "\u2019s"}


# Last words of an institution's name that an "of" and a proper name go on ("Bank of Kalmora", "University of X").
_INSTITUTION_HEADS = {
    "bank", "commission", "chamber", "federation", "association", "union", "university", "institute", "department",
    "ministry", "council", "board", "authority", "court", "office", "bureau", "academy", "society", "college",
    "league", "church", "confederation", "federation", "agency", "service", "corporation", "company", "republic",
}


def _of_name_end(tok: Token) -> int | None:
    """Where an institution's name goes on past its head with "of" and a proper name ("Bank of Kalmora"), if it
    does: the end of that proper name."""
    doc = tok.doc
    if (tok.i + 2 >= len(doc) or tok.lower_ not in _INSTITUTION_HEADS or doc[tok.i + 1].lower_ != "of"
            or doc[tok.i + 1].head.i != tok.i):
        return None
    last = None
    for t in doc[tok.i + 2 :]:
        if t.pos_ != "PROPN" or not t.text[:1].isupper():
            break
        last = t
    return last.idx + len(last) if last is not None else None


# Verbs that open a sentence as a command to the reader ("Imagine saying ...", "Picture telling ...").
_IMPERATIVES = {"imagine", "picture", "consider", "suppose", "remember", "recall", "think", "try", "listen", "note",
                "forget", "envision", "envisage"}


def _imperative(tok: Token) -> bool:
    """True for a sentence's first word the tagger took for a name that is a verb addressed to the reader, followed
    by the verb it governs ("Imagine saying to her, '...'")."""
    return (tok.i == tok.sent.start and tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ in _IMPERATIVES
            and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ in {"VBG", "VB"})


def _binds(pronoun: Token, at: int) -> bool:
    """True when the person named at offset `at` is the subject of the verb whose object the pronoun is ("Brannock
    asked him about ..."): a "him" there is someone else, or it would read "himself"."""
    if pronoun.dep_ not in {"dobj", "dative", "iobj"}:
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.left_edge.idx <= at <= c.right_edge.idx + len(c.right_edge)
               for c in pronoun.head.children)


def _is_subject(doc: Doc, mention: Mention, text: str) -> bool:
    """True when the mention heads a clause subject (a possessor never does)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or _possessive(doc, mention, text):
        return False
    root = span.root
    if root.dep_ in SUBJECT_DEPS or (root.dep_ == "ROOT" and all(  # "Striker Emeric Szalo": a title before it
            t.dep_ == "compound" and t.head.i == root.i for t in doc[root.sent.start : span.start])):
        return True  # a name opening its sentence that the parse made the root ("Ann Lee, the activist, endorsed ...")
    if any(c.dep_ == "relcl" and any(g.dep_ in SUBJECT_DEPS and g.lower_ == "who" for g in c.children)
           for c in root.children):
        return True  # "... came from Ann Lee, who ... when she called him ...": the subject of the relative clause
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    return root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS and not _apposed_to_a_thing(root)


def _apposed_to_a_thing(tok: Token) -> bool:
    """True for a name the parse set in apposition to a noun that is no person nor group, across a verb ("The visit
    had been requested by the mayor, Jo Kay, who ...", with "Jo Kay" hung from "visit"): it does not stand for it."""
    head = tok.head
    return (tok.dep_ == "appos" and tok.pos_ == "PROPN" and head.pos_ == "NOUN" and described_kind(head) is None
            and head.lower_ not in ROLE_WORDS and head.lower_ not in TITLE_NOUNS
            and any(t.pos_ in {"VERB", "AUX"} for t in tok.doc[min(head.i, tok.i) + 1 : max(head.i, tok.i)]))


_OBJECT_DEPS = {"pobj", "dobj", "dative", "iobj", "attr", "oprd"}
_ANONYMITY = re.compile(r"not to be (?:named|identified)|condition of anonymity|anonymously|not authori[sz]ed to speak|"
                        r"declined to be (?:named|identified)|without being named", re.IGNORECASE)
_UNNAMED_REACH = 300  # tokens: how far back an unnamed source is looked for

_SPOKEN_THINGS = REPLIES | {"word", "words", "voice", "tone", "interview", "speech", "testimony", "evidence", "account"}


def _heads_sentence(subject: Token, also: frozenset[str] | set[str] = frozenset()) -> bool:
    """True when a subject token belongs to its sentence's main verb (or one joined to it), not a clause inside;
    `also` names more relations that count as main (a cue the parse set beside the quotation: "parataxis")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or verb.dep_ in also or _opens_paragraph(subject)


def _opens_paragraph(subject: Token) -> bool:
    """True when the subject's phrase opens a paragraph ("\n\nMr. Lee hardly agreed, ..."), however the parse
    joined that paragraph to a clause after it."""
    doc, i = subject.doc, subject.left_edge.i
    return i > 0 and doc[i - 1].is_space and "\n" in doc[i - 1].text


_PHRASE_BREAKS = {",", ";", ":", "(", ")", "\u2014", "\u2013", '"', "\u201c", "\u201d"}


def _name_tagged_noun(tok: Token, np: Span) -> bool:
    """A capitalised word alone as its phrase, not opening its sentence, that the tagger took for a noun (or for a
    verb, as its subject): a name ("“...?” Hannity pressed", '"...," Trump shot back')."""
    text = tok.text
    noun = tok.pos_ == "NOUN" or (tok.pos_ == "VERB" and tok.dep_ in SUBJECT_DEPS)
    return (noun and len(np) == 1 and len(text) > 2 and text[0].isupper() and text[1:].islower()
            and tok.i > 0 and (tok.doc[tok.i - 1].is_quote or not (tok.is_sent_start or tok.doc[tok.i - 1].is_sent_start))
            and described_kind(tok) is None and tok.lemma_.lower() not in ANONYMOUS_HEADS)


def _extend_of(tok: Token, end: int) -> int:
    """End offset of a description with the "of ..." phrase that says whose it is ("the head of the harbour fund")."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            words = list(child.subtree)
            cut = next((k for k, t in enumerate(words) if t.text in _PHRASE_BREAKS or t.is_space or t.dep_ == "cc"),
                       len(words))  # "of state and current nominee": up to the "and"
            if cut > 1:  # up to an apposition's comma: "of the fund, a close friend of the mayor"
                end = max(end, words[cut - 1].idx + len(words[cut - 1]))
    return end


def _extend_anonymous(tok: Token) -> int:
    """End offset of an anonymous source's description, including the prepositional phrases right after it ("a
    senior official in the ministry", "a letter to Facebook from the chairman"); not past anything else, a time
    included ("a sign on Friday night at an exit")."""
    last = end = tok
    for child in tok.rights:
        subtree = list(child.subtree)
        cut = next((k for k, t in enumerate(subtree) if in_relative_clause(t, child, _CLAUSES)), len(subtree))
        words = subtree[:cut]  # not into the relative clause: "Residents of Eastmoor, where ... in September,"
        while len(words) > 1 and words[-1].is_punct:
            words.pop()
        if child.left_edge.i != last.i + 1 or child.dep_ != "prep" or any(
                t.ent_type_ in {"DATE", "TIME"} for t in words):
            break
        last = words[-1]
        if child.lower_ in {"in", "at", "from", "with", "of", "familiar"}:
            end = last
        if cut < len(subtree):
            break
    return end.idx + len(end)
