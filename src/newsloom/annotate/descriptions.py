"""Speakers described rather than named ("the mayor said", "police say", "the report says")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_AGED = re.compile(r"\d+-years?-old")  # "said the 46-year-old"

# Head nouns (lemmas) of descriptions that stand for a person: a pronoun later on may refer to them.
PERSON_NOUNS = frozenset("""
president vice-president president-elect mayor governor senator congressman congresswoman representative lawmaker
legislator minister secretary spokesman spokeswoman spokesperson official officer chief director chairman
chairwoman chair ceo executive founder candidate nominee businessman businesswoman billionaire lawyer attorney
prosecutor judge justice ambassador envoy diplomat general commander aide adviser advisor strategist analyst
economist expert professor researcher scientist doctor physician nurse teacher principal coach captain manager
owner author writer editor reporter journalist columnist anchor host announcer narrator witness victim survivor
resident neighbor neighbour friend partner wife husband mother father son daughter brother sister widow widower
lady gentleman leader head activist organizer organiser protester protestor demonstrator surrogate supporter
critic opponent rival challenger incumbent pastor priest bishop pope king queen prince princess chancellor
premier councillor councilor councilman councilwoman commissioner sheriff superintendent inspector investigator
detective trooper soldier veteran student worker employee farmer fisherman driver pilot passenger landlord tenant
patient customer voter member negotiator mediator pollster historian commentator blogger correspondent monarch
academic scholar man woman boy girl child teenager individual citizen local villager shopkeeper vendor parent mom dad spouse
mother-in-law father-in-law grandmother grandfather uncle aunt cousin boyfriend girlfriend fiancé fiancee
user commenter netizen viewer listener reader caller fan guest participant attendee delegate
confidant confidante ally associate colleague loyalist operative donor backer
tycoon mogul magnate millionaire entrepreneur heir heiress surgeon neurosurgeon guy graduate insider
""".split())

# Head nouns of descriptions that stand for a group or an institution: they speak, and may be a "they".
GROUP_NOUNS = frozenset("""
police authorities prosecutor investigator regulator watchdog court panel jury council committee commission
agency ministry department office embassy government administration campaign company firm union board party
group organization organisation association coalition federation league club team network newspaper magazine
channel station military army navy family staff spokespeople crowd tabloid outlet publication authority utility
city county hospital university airline
""".split())
# Head nouns of descriptions that stand for a text or a recording: they say things, but are nobody's "he" or "they".
# A sign, a banner or a placard is none: it carries a slogan that nobody in particular says.
TEXT_NOUNS = frozenset("""
report statement letter ruling verdict decision order article clip piece ad advertisement video study survey
poll document memo memorandum filing complaint lawsuit suit indictment post tweet email message release
communique declaration resolution proposal analysis review audit brief petition notice warning transcript
editorial website opinion column note headline caption
""".split())

# Endings of nouns for people ("engineer", "scientist", "physician", "fisherman") and the common nouns with
# such endings that are no people.
_PERSON_ENDINGS = ("eer", "ist", "ian", "man", "woman", "person", "er", "or")
_NOT_PEOPLE = frozenset("""
letter paper order number water power border matter winter summer computer center centre chapter charter cover
error factor corner counter meter quarter register sector motor mirror monitor vector floor door barrier trailer
poster sticker banner flyer folder marker filter layer tower shelter theater theatre headquarter newsletter
answer offer transfer disaster manner character weather river dinner letter-writer error-rate behavior behaviour
humor humour labor labour favor favour honor honour color colour vapor rumor rumour terror horror mirror
equator elevator calculator indicator generator ventilator radiator tractor reactor corridor interior exterior
pillar dollar bar car star war year ear hour tour four floor lawnmower flower tower pepper butter hamburger burger

utilitarian median meridian
""".split())


def described_kind(tok: Token) -> str | None:
    """"person", "group" or "text" when `tok` heads a description that can speak, else None (a place, a thing)."""
    if _aged(tok):
        return "person"
    if (tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.text.islower())  # "the minister" read as a name
            or tok.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "MONEY", "PERCENT", "CARDINAL"}):
        return None
    lemma = tok.lemma_.lower()
    if lemma in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS:
        return "person"
    if lemma in GROUP_NOUNS or tok.lower_ in GROUP_NOUNS:
        return "group"
    if lemma in TEXT_NOUNS or tok.lower_ in TEXT_NOUNS:
        return "text"
    if person_like(lemma) or _AGED.fullmatch(tok.lower_):  # an ending ("-er") only where no list says otherwise
        return "person"
    return None


def _aged(tok: Token) -> bool:
    """True for the "old" of "the 46-year-old", "a 23-year-old" standing for a person."""
    if tok.lower_ != "old" or tok.i < 4:
        return False
    doc, i = tok.doc, tok.i
    return doc[i - 1].text == doc[i - 3].text == "-" and doc[i - 2].lower_ in {"year", "years"} and doc[i - 4].like_num


def person_like(lemma: str) -> bool:
    """True for a noun whose ending makes it a person ("engineer", "physician"), the known exceptions aside."""
    return len(lemma) > 4 and lemma.isalpha() and lemma.endswith(_PERSON_ENDINGS) and lemma not in _NOT_PEOPLE


def description_name(text: str) -> str:
    """A description as the brief shows it: as written, an opening article or possessive lower-cased ("the mayor")."""
    words = text.split()
    if words and words[0] in {"The", "His", "Her", "Their", "Its", "Our", "My", "Police"}:
        words[0] = words[0].lower()
    return " ".join(words)
