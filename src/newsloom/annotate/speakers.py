"""Speaker resolution: names, pronouns, role nouns, organisations and anonymous sources."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsloom.annotate.entities import clean_name, expand_person
from newsloom.annotate.gender import PRONOUN_GENDER, article_genders
from newsloom.model import Mention

PRONOUNS = {"he", "she", "they", "him", "her", "i", "we"}
RELATIVES = {"who", "that", "which"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ANONYMOUS_DETS = {"a", "an", "one", "some", "several", "two", "three"}
ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "diplomat", "diplomats", "person",
                   "people", "aide", "aides", "insider", "insiders", "resident", "residents", "analyst"}
_NP_LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "quantmod"}


@dataclass
class SpeakerMention:
    """A speaker as written in the text, and whom it resolves to."""

    start: int
    end: int
    name: str | None  # canonical name, an anonymous description, or None when unresolved
    how: str = "name"  # how the mention gave the name: name, role, pronoun, anonymous, none


def noun_phrase(tok: Token) -> Span:
    """The noun phrase headed by `tok`: its left modifiers and flat-name parts, no clauses or appositions."""
    doc = tok.doc
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            left = min(left, child.left_edge.i if child.dep_ in {"poss", "compound", "nmod"} else child.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in {"compound", "flat"} and child.i == right + 1:
            right = child.i
    while left < tok.i and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


class SpeakerResolver:
    """Resolves subject noun phrases to canonical speakers using the article's entities and context."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.text = doc.text
        self.sents = list(doc.sents)
        in_order = sorted(mentions, key=lambda m: m.start)
        self.people = [m for m in in_order if m.label == "PERSON"]
        self.orgs = [m for m in in_order if m.label in {"ORG", "GPE", "NORP"}]
        self.roles = self._role_map()
        self.genders = article_genders(self.text, self.sents, self.people, self.roles)
        self._firsts = [s.start for s in self.sents]
        self._starts = {id(self.people): [m.start for m in self.people], id(self.orgs): [m.start for m in self.orgs]}
        self._by_gender: dict[str | None, tuple[list[Mention], list[int]]] = {}
        self._expanded: dict[str, str] = {}
        self.last_speaker: SpeakerMention | None = None

    def _entity_in(self, start: int, end: int, pool: list[Mention]) -> Mention | None:
        """The last entity of `pool` (people or organisations) lying inside [start, end)."""
        starts = self._starts[id(pool)]
        inside = [m for m in pool[bisect_left(starts, start) : bisect_left(starts, end)] if m.end <= end]
        return inside[-1] if inside else None

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

    def _role_map(self) -> dict[str, str]:
        """Role nouns attached to named people ("Kremlin spokesman Dmitry Peskov", "Peskov, the spokesman")."""
        roles: dict[str, str] = {}
        for person in self.people:
            span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            np = noun_phrase(head)
            words = [t for t in np if t.i < span.start and t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "PERSON"]
            words += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                words.append(head.head)
            for w in words:
                if w.pos_ == "NOUN":
                    roles[w.lemma_.lower()] = person.canonical
        return roles

    def resolve(self, tok: Token) -> SpeakerMention:
        """Resolve the subject token of a cue verb to a speaker."""
        np = noun_phrase(tok)
        start, end = np.start_char, np.end_char
        low = tok.lower_
        if low in PRONOUNS and tok.pos_ == "PRON":
            return SpeakerMention(tok.idx, tok.idx + len(tok), self._antecedent(tok), "pronoun")
        if low in RELATIVES and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
            return SpeakerMention(tok.idx, tok.idx + len(tok), self.resolve(tok.head.head).name, "pronoun")
        named = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if named and tok.ent_type_ != "PERSON":  # "her adviser, Jake Sullivan, said"
            tok = named[0]
            np = noun_phrase(tok)
            start, end = np.start_char, np.end_char
        first = np[0].lower_
        if first in ANONYMOUS_DETS or (tok.lemma_.lower() in ANONYMOUS_HEADS and tok.tag_ == "NNS"):
            end = _extend_anonymous(tok)
            return SpeakerMention(start, end, self.text[start:end], "anonymous")
        person = self._entity_in(start, end, self.people)
        if person is not None:
            return SpeakerMention(person.start, person.end, person.canonical)
        org = self._entity_in(start, end, self.orgs)
        role = self.roles.get(tok.lemma_.lower())
        if role is not None:
            return SpeakerMention(start, end, role, "role")
        if org is not None:
            return SpeakerMention(org.start, org.end, org.canonical)
        if tok.pos_ == "PROPN":
            names = [t for t in np if t.pos_ == "PROPN"]
            name = clean_name(self.text[names[0].idx : end])
            return SpeakerMention(names[0].idx, end, self._expand(name))
        return SpeakerMention(start, end, None, "none")

    def _antecedent(self, tok: Token) -> str | None:
        """Whom a pronoun stands for: a person of matching gender named earlier in the sentence, else the
        subject of a recent sentence, else the last speaker; "they" goes to an organisation, "I"/"we" to none."""
        low = tok.lower_
        if low in {"i", "we"}:
            return None
        here = bisect_right(self._firsts, tok.i) - 1
        sent = self.sents[here]
        if low == "they":
            starts = self._starts[id(self.orgs)]
            orgs = self.orgs[bisect_left(starts, sent.start_char - 600) : bisect_left(starts, tok.idx)]
            return orgs[-1].canonical if orgs else None
        gender = PRONOUN_GENDER.get(low)
        people, starts = self._people_of(gender)
        before_in_sentence = people[bisect_left(starts, sent.start_char) : bisect_left(starts, tok.idx)]
        if before_in_sentence:
            return before_in_sentence[-1].canonical
        for prev in reversed(self.sents[max(0, here - 4) : here]):
            inside = people[bisect_left(starts, prev.start_char) : bisect_left(starts, prev.end_char)]
            subjects = [p for p in inside if _is_subject(self.doc, p)]
            if subjects:
                return subjects[0].canonical
        last = self.last_speaker
        if last is not None and last.name and self.genders.get(last.name, gender) == gender:
            return last.name
        nearby = bisect_left(starts, sent.start_char)
        return people[nearby - 1].canonical if nearby else None


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """True when the mention heads a clause subject."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    return root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS


def _extend_anonymous(tok: Token) -> int:
    """End offset of an anonymous source's description, including a trailing prepositional phrase."""
    end = tok.idx + len(tok)
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in {"in", "at", "from", "with", "of", "familiar"}:
            end = max(end, child.right_edge.idx + len(child.right_edge))
    return end
