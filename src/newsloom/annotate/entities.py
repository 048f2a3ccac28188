"""Named entities: mentions per article and canonical names within it (aliases across a story: compare.entities)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from newsloom.annotate.doc_text import doc_text
from newsloom.annotate.gender import honorific_gender, is_first_name, name_gender, registered_gender
from newsloom.annotate.nicknames import short_form_of
from newsloom.annotate.roles import ROLE_WORDS, cut_possessive, split_role
from newsloom.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
_TITLES = re.compile(
    r"^(?:(?:the|president|vice president|sen\.|senator|rep\.|mr\.|mrs\.|ms\.|dr\.|prime minister|"
    r"foreign minister|minister|mayor|gov\.|governor|spokesman|spokeswoman|spokesperson|gen\.|general)\s+)+",
    re.IGNORECASE,
)
ORG_WORDS = {
    "maritime", "group", "holdings", "inc", "ltd", "company", "corp", "bank", "union", "council", "authority",
    "association", "news", "post", "times", "partners", "systems", "media", "airlines", "railway", "energy",
    "ministry", "agency", "institute", "university", "party", "court", "police", "fund",
}
# A company's last word: a name ending in one, not opening with a first name, is no person ("Marlow Foods said").
COMPANY_WORDS = {
    "group", "holdings", "inc", "ltd", "company", "corp", "systems", "airlines", "foods", "minerals", "mining",
    "metals", "motors", "industries", "technologies", "labs", "pharmaceuticals", "logistics", "shipping",
    "construction", "properties", "ventures", "enterprises", "investments", "securities", "resources", "utilities",
    "telecom", "communications", "brewery", "athletic", "laboratories", "chemicals", "pharma", "bank", "energy",
    "airways", "partners", "llc", "plc", "co", "works", "engineering", "software", "media", "analytics", "solutions",
    "services", "robotics", "dynamics", "therapeutics", "biosciences", "networks", "consulting", "financial",
    "aerospace", "automotive", "electronics", "digital", "studios", "insurance", "capital", "textiles",
    "shipyards", "fisheries", "dairies", "farms", "foundry", "haulage", "freight", "petroleum", "gas",
}
ORG_WORDS |= COMPANY_WORDS
_NOT_FIRST_NAMES = {
    "the", "a", "an", "mayor", "president", "minister", "spokeswoman", "spokesman", "spokesperson", "chief",
    "senator", "governor", "councillor", "councilor", "director", "chair", "chairman", "secretary", "mr", "mrs",
    "ms", "dr", "said", "says", "told", "by", "and", "but", "when", "while", "with", "for", "of", "to", "as",
    "general", "judge", "officer", "professor", "leader", "head", "captain", "manager", "analyst", "economist",
    # a sentence's opening word before a bare surname ("After Scalia said ...", "Justice Scalia wrote")
    "after", "before", "since", "until", "although", "though", "because", "if", "once", "whether", "then",
    "also", "former", "justice", "rev", "bishop",
    "coach", "attorney", "agent", "detective", "sergeant", "lieutenant", "colonel", "commissioner", "sheriff",
}
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """Strip titles, possessives and stray punctuation from an entity mention (names recur: each is cleaned once)."""
    name = _POSSESSIVE.sub("", text.strip().strip(".,;:\"\u201c\u201d()[]"))
    name = _TITLES.sub("", name)
    return re.sub(r"\s+", " ", name).strip()


def person_name(text: str) -> str:
    """A person's name from a mention: cleaned, cut before a possessive, without leading role words, a lowercase
    word the tagger ran into it ("talk Dave Varga"; not a particle: "de Blasio") or a question label ("Q. Ann Lee")."""
    words = split_role(cut_possessive(clean_name(text)))[0].split()
    while len(words) > 1 and words[0][:1].islower() and words[0] not in _NAME_PARTICLES:
        words = words[1:]
    if len(words) > 2 and words[0] in {"Q.", "Q:"}:  # a transcript's question label run into the name
        words = words[1:]
    if (len(words) > 1 and all(w.isupper() and len(w) > 1 and w.replace("-", "").replace("'", "").isalpha() for w in words)
            and (is_first_name(words[0].capitalize()) or name_gender(words[0].capitalize()) is not None)):
        words = ["-".join(p.capitalize() for p in w.split("-")) for w in words]  # a tabloid's "TOMAS BRENNAN"
    return " ".join(words)


_NAME_PARTICLES = {"de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den", "al", "el", "bin",
                   "ibn", "la", "le", "ter", "ten", "mac"}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase ASCII-folded key for comparing spellings (names recur: each spelling is folded once)."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


# Verbs that open an inverted cue before the speaker's name ("Said Drummond: ...", "Added Sen. Bo Ray, ...").
INVERTED_VERBS = frozenset({"Said", "Says", "Added", "Adds", "Asked", "Wrote", "Writes", "Explained", "Recalled",
                            "Continued", "Continues", "Concluded", "Concludes", "Noted", "Notes", "Quipped",
                            "Replied", "Insisted", "Declared", "Warned", "Tweeted"})


# Verbs a headline writes after a name ("Obama Says African-American Museum ..."), which the tagger takes into it.
HEADLINE_VERBS = frozenset({"Says", "Said", "Tells", "Told", "Warns", "Urges", "Vows", "Admits", "Denies", "Slams",
                            "Blasts", "Defends", "Asks", "Claims", "Insists", "Calls", "Rips", "Praises"})


def _without_leading_verb(ent: Span) -> Span:
    """A name without the verb of an inverted cue or a headline the tagger took into it ("Said Drummond",
    "Obama Says" -> "Drummond", "Obama")."""
    if len(ent) < 2 or ent.label_ != "PERSON":
        return ent
    start = ent.start + (ent[0].text in INVERTED_VERBS)
    end = ent.end - (ent[-1].text in HEADLINE_VERBS)
    if (start, end) == (ent.start, ent.end) or end <= start:
        return ent
    from spacy.tokens import Span  # here, not at the top: compare uses this module without spaCy

    return Span(ent.doc, start, end, label=ent.label_)


_NAME_SUFFIXES = {"inc", "ltd", "llc", "co", "plc", "corp", "llp", "lp", "sa", "ag", "gmbh", "nv", "bv", "jr", "sr"}


def _split_at_comma(m: Mention) -> list[Mention]:
    """An organisation the tagger ran on past a comma into the next name ("Harbour Courier, Ostrow & Lind
    Shipping") as the two it names; a company suffix after the comma ("Lind, Inc.") stays part of the name."""
    if m.label != "ORG" or ", " not in m.text:
        return [m]
    parts, at = [], m.start
    for piece in m.text.split(", "):
        parts.append((at, piece))
        at += len(piece) + 2
    if any(not piece.removeprefix("the ")[:1].isupper() or piece.lower().replace(".", "") in _NAME_SUFFIXES
           for _, piece in parts):
        return [m]
    return [Mention(text=piece, start=start, end=start + len(piece), label=m.label) for start, piece in parts]


def doc_mentions(doc: Doc) -> list[Mention]:
    """Entity mentions of a parsed article with canonical names resolved within the article."""
    text = doc_text(doc)
    mentions = [
        Mention(text=text[ent.start_char : ent.end_char], start=ent.start_char, end=ent.end_char, label=ent.label_)
        for ent in map(_without_leading_verb, doc.ents)
        if ent.label_ in KEPT_LABELS and clean_name(text[ent.start_char : ent.end_char])
    ]
    mentions = [part for m in mentions for part in _split_at_comma(m)]
    mentions = [m for m in mentions if not _heading_or_byline(text, m)]
    labels = {m.text.strip(): m.label for m in mentions}
    mentions = [m for m in mentions if not _no_entity(text, m, labels)]
    mentions += _untagged_people(doc, text)
    mentions = _capitals_people(text, mentions)
    mentions = _double_barrelled_people(doc, text, mentions)
    _aged_people(text, mentions)
    _relabel_speakers(doc, mentions)
    _relabel_people(mentions)
    _relabel_not_people(mentions, text)
    full_names = [person_name(m.text) for m in mentions if m.label == "PERSON" and " " in person_name(m.text)]
    expanded: dict[tuple[str, str | None], str] = {}
    for m in mentions:
        name = person_name(m.text) if m.label == "PERSON" else clean_name(m.text)
        if m.label != "PERSON":
            m.canonical = name
            continue
        key = (name, honorific_gender(text, m.start, m.text) if " " not in name else None)
        if key not in expanded:
            expanded[key] = expand_person(name, full_names, text, gender=key[1])
        m.canonical = expanded[key]
    _short_outlet_names(mentions)
    _short_company_names(mentions, text)
    mentions += _surname_mentions(text, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of named people that NER missed: their full names written again ("Ivanka Trump"), then bare
    surnames ("Brennic said"), a surname two people share going to the one the article names most, as
    `expand_person` does."""
    taken = bytearray(len(text) + 1)  # 1 where a mention already covers the character
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * max(0, m.end - m.start)
    found: list[Mention] = []
    counts = Counter(
        m.canonical for m in mentions
        if m.label == "PERSON" and len(m.canonical.split()) >= 2 and m.canonical.split()[-1].lower() not in ORG_WORDS
    )
    people = sorted(counts, key=lambda name: (-counts[name], name))
    for name in people:  # a full name first, so that its surname is not taken for another person's
        for start, end in _standalone(text, name):
            if not any(taken[start:end]):
                found.append(Mention(name, start, end, "PERSON", name))
                taken[start:end] = b"\x01" * (end - start)
    for name in people:
        surname = name.split()[-1]
        if _WORD.fullmatch(surname):  # its whole-word hits are the words of the text written so
            hits = _standalone(text, surname)
        else:
            hits = [hit.span() for hit in re.finditer(rf"\b{re.escape(surname)}\b", text)]
        for start, end in hits:
            if taken[start] and "-" in surname:
                part = next((m for m in mentions if m.start == start and m.end < end and "-" not in m.text), None)
                if part is not None and not any(taken[part.end : end]):  # "Etheridge" of "Etheridge-Bunce" tagged alone
                    part.text, part.end, part.label, part.canonical = text[start:end], end, "PERSON", name
                    taken[start:end] = b"\x01" * (end - start)
                continue
            if taken[start] or _other_gender(name, honorific_gender(text, start)):
                continue  # "Mr. Khan" is not Ghazala Khan
            if _other_first_name(text, start, name):
                continue  # "his wife, Hanna Esk" is not Radomir Esk
            found.append(Mention(surname, start, end, "PERSON", name))
            taken[start:end] = b"\x01" * (end - start)
    return found


def _other_first_name(text: str, start: int, name: str) -> bool:
    """True when the surname at `start` is written after a first name other than the full name's own."""
    before = _LAST_WORD.search(text, max(0, start - 20), start)
    if before is None:
        return False
    word = before.group(1)
    if word == name.split()[0] or name_gender(word) is None:
        return False
    earlier = _LAST_WORD.search(text, max(0, before.start() - 20), before.start())
    return earlier is None or earlier.group(1).lower() in ROLE_WORDS  # not a run of capitals: "Officials Praise Trump"


_LAST_WORD = re.compile(r"\b([A-Z][a-z]+) $")
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


def _standalone(text: str, name: str) -> list[tuple[int, int]]:
    """Spans of `name` in `text` with no word character right before or after it, left to right and not
    overlapping, as `(?<!\\w)name(?!\\w)` finds them (a plain substring search, many times quicker)."""
    hits: list[tuple[int, int]] = []
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and not _WORD_CHAR.match(text, end):
            hits.append((at, end))
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return hits


PUBLICATION_WORDS = {
    "post", "times", "news", "herald", "journal", "gazette", "gazeta", "tribune", "independent", "guardian",
    "telegraph", "chronicle", "courier", "ledger", "observer", "express", "mail", "mirror", "review", "weekly",
    "dispatch", "wire", "today", "pravda", "izvestia", "kommersant", "insider", "politico", "reuters",
}
_HEADING_WORDS = 6


def _heading_or_byline(text: str, m: Mention) -> bool:
    """True for a mention in a heading ("Key Background", "CORRECTION (3/2):"), a byline, or one without letters."""
    if not any(c.isalpha() for c in m.text):
        return True
    if m.label != "PERSON":
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line.lower().startswith("by ") and len(line.split()) <= _HEADING_WORDS:
        return True
    if m.text.isupper() and " " not in m.text.strip() and len(m.text) > 3:
        return True
    return not line.replace(m.text, "", 1).strip(" .:;!?\u2014-")


def _short_outlet_names(mentions: list[Mention]) -> None:
    """An outlet named by its last word ("The Post" in a report that names The Washington Post) is that outlet,
    when the article names exactly one organisation ending with that word."""
    full = {m.canonical for m in mentions if m.label == "ORG" and m.canonical and len(m.canonical.split()) > 1}
    for m in mentions:
        word = m.canonical or ""
        if m.label != "ORG" or " " in word or word.lower() not in PUBLICATION_WORDS:
            continue
        longer = [f for f in full if f.split()[-1] == word]
        if len(longer) == 1:
            m.canonical = longer[0]


def _short_company_names(mentions: list[Mention], text: str) -> None:
    """A company named again by its first word ("Corvell said" in a report that names Corvell Laboratories) is
    that company, when the article names exactly one organisation so opened (tagged, or written in full where the
    tagger missed it: "the Corvell Laboratories plant") and that word is no person's name."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        words = (m.canonical or "").split()
        if m.label == "ORG" and len(words) > 1 and words[-1].lower().strip(".") in _SHORTENED:
            full.setdefault(words[0], set()).add(m.canonical or "")
    single = {m.canonical for m in mentions if m.label in {"ORG", "PERSON"} and m.canonical and " " not in m.canonical
              and m.canonical not in full}
    if single:
        for hit in _company_written().finditer(text):  # one pass over the text for every name so written
            if hit.group(1) in single:
                full.setdefault(hit.group(1), set()).add(hit.group())
    if not full:
        return
    people = {w for m in mentions if m.label == "PERSON" and " " in (m.canonical or "") for w in (m.canonical or "").split()}
    for m in mentions:
        word = m.canonical or ""
        longer = full.get(word, set())
        if m.label in {"ORG", "PERSON"} and " " not in word and len(longer) == 1 and word not in people:
            m.canonical, m.label = next(iter(longer)), "ORG"


_TITLE_AFTER = re.compile(r"\s+(?:Advis[eo]r|Secretary|Director|Spokes(?:man|woman|person)|Chief|Aide)\b")
_OFFICE_OF = re.compile(r"\b(?:Secretary|Minister|Ministry|Department|Secretariat|Office) of\s+$")
_PAIR = re.compile(r"^([A-Z][\w.]*)[-\u2013]([A-Z][\w.]*)$")


def _no_entity(text: str, m: Mention, labels: dict[str, str]) -> bool:
    """True for a span the tagger took for an entity that names none of its own: a heading of three words or
    more alone on its line ("Future of Harbour Relations"), a title alone tagged as a person ("Prime Minister"),
    the office word of a title ("Secretary of State"),
    a title opened by a person's name ("Lee Harbour Security Adviser Bo Ray"), two people joined by "and"
    ("Lee and Ray"), or two places joined by a hyphen ("U.S.-Russia talks").
    `labels` holds the article's mentions as written, with their labels."""
    name = m.text.strip()
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line == name and len(name.split()) >= 3 and not name.endswith("."):
        return True
    if m.label == "ORG" and " " not in name and _OFFICE_OF.search(text[max(0, m.start - 20) : m.start]):
        return True
    if m.label == "ORG" and _TITLE_AFTER.match(text, m.end) and any(
            label == "PERSON" and n.split()[-1] == name.split()[0] for n, label in labels.items()):
        return True  # "Trump National Security Advisor Michael Waltz": a title, no organisation
    if m.label == "PERSON" and all(w.lower() in ROLE_WORDS for w in name.split()):
        return True  # "Prime Minister", "the Senator": a title, whoever holds it
    if m.label != "PERSON" and " and " in name:
        left, _, right = name.partition(" and ")
        people = [n for n, label in labels.items() if label == "PERSON"]
        if any(p.endswith(left) for p in people) and any(p.endswith(right) for p in people):
            return True
    pair = _PAIR.match(name)
    return pair is not None and all(labels.get(part) in {"GPE", "NORP", "LOC"} or part == "U.S." for part in pair.groups())


# Last words of a body's name beside COMPANY_WORDS ("Skerry Seafarers' Union", "Dunmere Rovers").
_BODY_WORDS = {
    "union", "trust", "council", "association", "federation", "club", "society", "committee", "commission",
    "foundation", "coalition", "alliance", "league", "party", "ferries", "railways", "rail", "buses", "rovers",
    "rangers", "wanderers", "albion", "fc", "ministry", "agency", "institute", "university", "authority",
}
# Last words of a name its first word may stand for ("Corvane said"), not those named after a person ("the Lee
# Foundation" is no "Lee").
_SHORTENED = COMPANY_WORDS | {"ferries", "railways", "rail", "buses"}


@lru_cache(maxsize=1)
def _company_written() -> re.Pattern[str]:
    """A word followed by a company's last word ("Corvell Laboratories"), as written."""
    words = "|".join(sorted((w.capitalize() for w in _SHORTENED if w.isalpha()), key=len, reverse=True))
    return re.compile(rf"\b([A-Z][\w'\u2019-]*) (?:{words})\b")


# Last words of a place's name: a feature of land or water, or a built place ("Gannet Reef", "Kell Quay").
_FEATURE_WORDS = {
    "reef", "bay", "island", "islands", "isle", "river", "lake", "sound", "strait", "channel", "cape", "peninsula",
    "valley", "mountains", "rock", "rocks", "shoal", "sands", "firth", "loch", "fjord", "glacier", "bridge",
    "street", "road", "square", "quay", "pier", "harbour", "harbor", "airport", "station", "stadium", "estuary",
    "gorge", "heath", "moor", "marsh", "pass", "falls", "beach", "lighthouse",
}


def _relabel_not_people(mentions: list[Mention], text: str) -> None:
    """An outlet's name is an organisation ("Nezavisimaya Gazeta"); a one-word name the article also tags as a
    place, or writes as one ("aid to Kyiv"), is one, unless it is the surname of a person the article names in
    full (the tagger's one "Rubio" taken for a place does not make every Rubio one); a name right after a group
    noun ("the association Coeurs Battants") is the group's."""
    places = {fold(clean_name(m.text)) for m in mentions if m.label in {"GPE", "LOC"}}
    surnames = {fold(words[-1]) for m in mentions if m.label == "PERSON" and len(words := clean_name(m.text).split()) >= 2}
    is_place: dict[str, bool] = {}  # one search of the text per name, however often it is mentioned
    for m in mentions:
        if m.label != "PERSON":
            continue
        name = clean_name(m.text)
        words = name.lower().split()
        if words and (words[-1] in PUBLICATION_WORDS or any(w in PUBLICATION_WORDS for w in words[1:])):
            m.label = "ORG"
        elif len(words) >= 2 and words[-1].strip(".") in COMPANY_WORDS | _BODY_WORDS and not is_first_name(words[0]):
            m.label = "ORG"
        elif len(words) >= 2 and words[-1].strip(".") in _FEATURE_WORDS and not is_first_name(words[0]):
            m.label = "LOC"  # "Gannet Reef", "Tolley Sound": a place, never anyone's "he"
        elif _GROUP_BEFORE.search(text, max(0, m.start - 40), m.start) and not is_first_name(words[0]):
            m.label = "ORG"  # "the patients' association Coeurs Battants": the group named
        elif len(words) == 1:
            if name not in is_place:
                key = fold(words[0])  # a full name's surname ("in Trump company losses") stays a person's
                is_place[name] = key not in surnames and (key in places or _place_like(name, text))
            if is_place[name]:
                m.label = "GPE"


# A group noun written right before a name ("the patients' association Coeurs Battants", "the band Tidewater").
_GROUP_BEFORE = re.compile(r"\b(?:association|group|company|party|band|club|charity|foundation|organi[sz]ation|movement|"
                           r"collective|coalition|alliance|firm|choir|ensemble|label|network|initiative|federation) $")
_PLACE_BEFORE = r"\b(?:in|aid to|weapons to|support for|trip to|visit to|flew to) "
_PLACE_AFTER = r"(?: and its\b|(?:['\u2019]s)? (?:regime|government|authorities|forces|troops|military|allies)\b)"
# A word before a place phrase is taken whole (`\w++`): the phrase opens with no word character, so a shorter
# piece of the word could never match, and the search does not try each one.
_PLACE_WORDS = re.compile(rf"{_PLACE_BEFORE}(?=(\w+)\b)|\b(\w++){_PLACE_AFTER}")


@lru_cache(maxsize=4)
def _place_words(text: str) -> frozenset[str]:
    """The words a text writes as places ("in Kyiv", "aid to Kyiv", "Kyiv and its allies"), found in one pass."""
    return frozenset(m.group(1) or m.group(2) for m in _PLACE_WORDS.finditer(text))


def _place_like(name: str, text: str) -> bool:
    """True when a one-word name is written as a place ("in Kyiv", "aid to Kyiv", "Kyiv and its allies")."""
    if _WORD.fullmatch(name) and (name in _place_words(text) or _has_demonym(name, text)):
        return True
    if _WORD.fullmatch(name):
        return False
    n = re.escape(name)
    return re.search(rf"{_PLACE_BEFORE}{n}\b|\b{n}{_PLACE_AFTER}", text) is not None


def _has_demonym(name: str, text: str) -> bool:
    """True when the text also writes the name's adjective for its people ("Karsetia" and "Karsetian", "Mexico"
    and "Mexican", "Ukraine" and "Ukrainian", "Iraq" and "Iraqi"): a country or a region, not a person."""
    stem = name[:-1] if name[-1:] in "aeo" else name
    forms = {stem + "ian", stem + "an", stem + "ese"}
    if name.endswith("a"):
        forms.add(name + "n")
    if name.endswith(("q", "stan")):
        forms.add(name + "i")
    if name.endswith("land"):
        forms.add(name + "ic")
    return any(re.search(rf"\b{re.escape(form)}s?\b", text) for form in forms)


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})  # the dependency labels of a clause's subject
SPEECH_LEMMAS = {"say", "tell", "add", "state", "claim", "write", "warn", "remark", "note", "insist", "argue"}
NOT_PEOPLE = {"ORG", "GPE", "NORP", "LOC"}


def _relabel_speakers(doc: Doc, mentions: list[Mention]) -> None:
    """A multi-word proper name that speaks ("Mayor Ilse Varga told") is a person, whatever NER guessed; so is a
    first name and a surname taken for an organisation when the surname alone speaks ("Sean Hannity", "Hannity
    said"), or when the first name is a common one ("Carly Fiorina")."""
    from spacy.attrs import DEP  # here, not at the top: compare uses this module without spaCy

    from newsloom.annotate.token_values import indices, valued

    speaking: dict[str, set[str]] = {}  # a capitalised word that is the subject of a speech verb -> words before it
    for i in indices(valued(doc, DEP, SUBJECT_DEPS)):  # the subjects only, tested as every token was
        tok = doc[i]
        if tok.dep_ in SUBJECT_DEPS and tok.text[:1].isupper() and tok.head.lemma_.lower() in SPEECH_LEMMAS:
            speaking.setdefault(tok.text, set()).add(doc[tok.i - 1].text if tok.i else "")
    for m in mentions:
        if m.label == "PERSON":
            continue
        words = clean_name(m.text).split()
        alone = speaking.get(words[-1], set()) - {words[-2] if len(words) > 1 else ""}  # the surname speaks alone
        if m.label == "ORG" and 2 <= len(words) <= 3 and alone and _first_and_surname(words):
            m.label = "PERSON"
            continue
        if (m.label == "ORG" and len(words) == 2 and is_first_name(words[0]) and words[0].lower() not in _PLACE_NAMES
                and _first_and_surname(words)):
            m.label = "PERSON"  # "Carly Fiorina": a common first name and a surname name a person
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        double = m.label == "GPE" and len(words) == 1 and "-" in words[0]  # "Emeka Holloway-Dunn" as a place
        if (span is not None and (m.label == "ORG" or double) and len(words) == 1
                and _first_name_before(span, registered=double)):
            first = doc[span.start - 1]  # "said Ana Reyes" with only "Reyes" tagged, as an organisation
            m.text, m.start, m.label = doc.text[first.idx : m.end], first.idx, "PERSON"
            continue
        if m.label == "ORG" and _titled_name(words):
            m.label = "PERSON"  # "Councillor June Tillet": a title before a first name and a surname
            continue
        if (span is not None and m.label == "ORG" and 2 <= len(words) <= 3 and _first_and_surname(words)
                and _beside_person_noun(span.root)):
            m.label = "PERSON"  # "Kestmark's foreign minister, Alina Roos, said": a minister's name is a person's
            continue
        if m.label in NOT_PEOPLE:
            continue
        if span is None or len(words) < 2:
            continue
        root = span.root
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in SPEECH_LEMMAS:
            m.label = "PERSON"


def _titled_name(words: list[str]) -> bool:
    """True for role words ("Councillor", "Deputy Mayor") before a first name and a surname."""
    k = 0
    while k < len(words) and words[k].lower() in ROLE_WORDS:
        k += 1
    return 0 < k and 2 <= len(words) - k <= 3 and _first_and_surname(words[k:])


def _beside_person_noun(root: Token) -> bool:
    """True when a proper name is in apposition with a noun listed for a person, either way round ("the minister,
    Alina Roos," or "Alina Roos, the minister,")."""
    from newsloom.annotate.descriptions import PERSON_NOUNS

    def listed(tok: Token) -> bool:
        return tok.pos_ == "NOUN" and tok.tag_ != "NNS" and tok.lemma_.lower() in PERSON_NOUNS

    if root.dep_ == "appos" and listed(root.head):
        return True
    return any(c.dep_ == "appos" and listed(c) for c in root.children)


# Words before a surname that are no first name: honorifics and titles ("Mr Farage", "Dr Lee", "Gov Lee").
_NOT_FIRST = frozenset("mr mrs ms miss mx sir dame lord lady dr prof rev gov sen rep gen col capt sgt lt".split())


def _untagged_people(doc: Doc, text: str) -> list[Mention]:
    """People the tagger left out as the subject of a clause, written as a first name and a surname ("Fox News'
    Bret Baier noticed ..."): two or three capitalised words no entity covers."""
    from spacy.attrs import DEP

    from newsloom.annotate.token_values import indices, valued

    found = []
    for i in indices(valued(doc, DEP, SUBJECT_DEPS)):
        head = doc[i]
        if head.pos_ != "PROPN" or head.ent_type_:
            continue
        first = head
        while (first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == head.i
               and doc[first.i - 1].pos_ == "PROPN"):  # "Retired porter Hugo Brannock": the name, not the role
            first = doc[first.i - 1]
        words = [t.text for t in doc[first.i : head.i + 1]]
        if (2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and not t.ent_type_ for t in doc[first.i : head.i + 1])
                and first.is_title and first.lower_ not in _PLACE_NAMES and first.lower_.rstrip(".") not in _NOT_FIRST
                and not all(w.lower() in ROLE_WORDS for w in words) and _first_and_surname(words)):
            found.append(Mention(text=text[first.idx : head.idx + len(head)], start=first.idx,
                                 end=head.idx + len(head), label="PERSON"))
    return found


# A tabloid's name in capitals: two or three words of capitals ("LEANNE DUGGAN-WEBB", "TOM KEELE").
_CAPS_NAME = re.compile(r"(?<![\w'\u2019-])([A-Z\u00C0-\u00DE]{2,}(?:['\u2019-][A-Z]+)?(?: [A-Z\u00C0-\u00DE]{2,}(?:['\u2019-][A-Z]+)*){1,2})"
                        r"(?![\w'\u2019-])")


_CAPS_NOT_NAMES = {"FOR", "OF", "THE", "AND", "IN", "ON", "TO", "AT", "WITH", "A", "AN", "IS", "ARE", "WAS", "BY", "FROM",
                   "STATES", "NEWS", "SAYS", "SAID", "UPDATE", "BREAKING", "LIVE", "WATCH", "VIDEO", "PHOTOS", "EXCLUSIVE"}


def _capitals_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """People a tabloid names in capitals inside a line of ordinary text ("Furious daughter LEANNE DUGGAN-WEBB, 34,
    said"): the first word a known first name; a person in place of any other entity over the same words."""
    found = []
    for m in _CAPS_NAME.finditer(text):
        first = m.group(1).split()[0]
        if any(w in _CAPS_NOT_NAMES for w in m.group(1).split()):
            continue  # "BLUE STATES FOR ...": words of a heading, not a name
        line = text[text.rfind("\n", 0, m.start()) + 1 : (text.find("\n", m.end()) + 1 or len(text) + 1) - 1]
        if not (is_first_name(first.capitalize()) or name_gender(first.capitalize())) or not any(c.islower() for c in line):
            continue  # not a first name, or a heading set all in capitals
        if not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
            continue  # opening its line: a dateline ("BUENA PARK, Calif. -") or a label, not a name in the text
        if any(x.label == "PERSON" and x.start <= m.start() < x.end for x in mentions):
            continue
        found.append(Mention(text=m.group(1), start=m.start(1), end=m.end(1), label="PERSON"))
    if not found:
        return mentions
    kept = [x for x in mentions if not any(f.start < x.end and x.start < f.end for f in found)]
    return sorted(kept + found, key=lambda x: x.start)


# A name written with an age set off by commas ("Fergus Aldane, 44, and ..."): two or three capitalised words.
_AGED_NAME = re.compile(r"(?<![\w'\u2019])((?:[A-Z][a-z\u00C0-\u024F'\u2019]+[ -]){1,2}"
                        r"[A-Z][a-z\u00C0-\u024F'\u2019-]+), (\d{1,3}),")


def _aged_people(text: str, mentions: list[Mention]) -> None:
    """Names written with an age ("Fergus Aldane, 44,") are people: an entity inside the name ("Aldane", of any
    label) becomes the whole name, a person's, and a name the tagger missed is added."""
    for m in _AGED_NAME.finditer(text):
        if not 1 <= int(m.group(2)) <= 115 or m.group(1).split()[0].lower() in _NOT_FIRST_NAMES:
            continue
        start, end = m.span(1)
        covering = [x for x in mentions if x.start < end and start < x.end]
        if not covering:
            mentions.append(Mention(text=m.group(1), start=start, end=end, label="PERSON"))
        elif len(covering) == 1 and start <= covering[0].start and covering[0].end <= end:
            covering[0].text, covering[0].start, covering[0].end, covering[0].label = m.group(1), start, end, "PERSON"


def _double_barrelled_people(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """A first name and a hyphenated surname as a clause subject ("Emeka Holloway-Dunn, who ..., walked"), which the
    tagger cuts at the hyphen or takes for a place: one person, replacing the entities inside it."""
    from spacy.attrs import DEP

    from newsloom.annotate.token_values import indices, valued

    for i in indices(valued(doc, DEP, SUBJECT_DEPS)):
        head = doc[i]
        if head.pos_ != "PROPN" or head.ent_type_ == "PERSON" or head.i < 2:
            continue
        first = head
        while first.i > 0:
            before = doc[first.i - 1]
            if before.text == "-" and not before.whitespace_ and first.i > 1 and not doc[first.i - 2].whitespace_:
                first = doc[first.i - 2]
            elif before.dep_ == "compound" and before.head.i == head.i and before.pos_ == "PROPN":
                first = before
            else:
                break
        name = text[first.idx : head.idx + len(head)]
        words = name.split()
        if not (2 <= len(words) <= 3 and "-" in words[-1] and first.is_title and first.lower_ not in _PLACE_NAMES
                and first.lower_.rstrip(".") not in _NOT_FIRST
                and (is_first_name(first.lower_) or registered_gender(first.lower_) is not None)):
            continue
        start, end = first.idx, head.idx + len(head)
        mentions = [m for m in mentions if not (m.start < end and start < m.end)]
        mentions.append(Mention(text=name, start=start, end=end, label="PERSON"))
    return mentions


def _first_name_before(span: Span, registered: bool = False) -> bool:
    """True when an untagged common first name (with `registered`, any in the first-name register) is joined to a
    one-word name right before it ("Ana Reyes")."""
    if span.start == 0:
        return False
    first = span.doc[span.start - 1]
    known = is_first_name(first.text) or (registered and registered_gender(first.lower_) is not None)
    return (first.ent_type_ == "" and first.pos_ == "PROPN" and first.dep_ == "compound" and first.head.i in
            range(span.start, span.end) and known and first.lower_ not in _PLACE_NAMES)


_NAME_MARKS = re.compile(r"['\u2019-]")  # inside a surname: "O'Donnell", "O\u2019Neill", "Smith-Jones"


# First names that also name places leading an institution's name ("Virginia Tech", "Madison Square Garden").
_PLACE_NAMES = frozenset("""
virginia georgia carolina florida austin charlotte madison jackson dallas houston orlando phoenix victoria florence
paris sydney washington lincoln jordan chelsea brooklyn savannah aurora tyler eugene raleigh denver cleveland
columbia trenton kent devon albany montgomery harrison hamilton nelson
""".split())


def _first_and_surname(words: list[str]) -> bool:
    """True for words that read as a person's name: a first name (common, or in the first-name register), then
    capitalised words that name no institution or publication ("Sean Hannity", "Brett O\u2019Donnell", not
    "Virginia Tech Police")."""
    rest = [w.lower() for w in words[1:]]
    first = words[0].lower().strip(".")
    return ((is_first_name(first) or (first.isalpha() and registered_gender(first) is not None))
            and all(w[:1].isupper() and _NAME_MARKS.sub("", w).isalpha() for w in words[1:])
            and not any(w in ORG_WORDS or w in PUBLICATION_WORDS for w in rest))


def _relabel_people(mentions: list[Mention]) -> None:
    """Give a mention the PERSON label when the same name is tagged PERSON elsewhere in the article."""
    people = {fold(clean_name(m.text)) for m in mentions if m.label == "PERSON"}
    surnames = {p.split()[-1] for p in people if p}
    for m in mentions:
        key = fold(clean_name(m.text))
        if m.label in {"ORG", "GPE", "NORP", "LOC"} and (key in people or (" " not in key and key in surnames)):
            m.label = "PERSON"


def _other_gender(full_name: str, gender: str | None) -> bool:
    """True when an honorific's gender rules out a full name whose first name has the other one."""
    return gender is not None and name_gender(full_name) not in {None, gender}


def expand_person(name: str, full_names: list[str], text: str = "", gender: str | None = None) -> str:
    """Map a surname-only mention to the full name ending with it ("Peskov" -> "Dmitry Peskov"), or a first
    name alone (or a common short form of one: "Sam" for "Samuel Achterberg") to the one full name it opens.

    Full names come from the article's PERSON entities, else from "Firstname Surname" in its text. An
    honorific's `gender` ("Mr. Khan") rules out full names of the other gender; with none left the
    surname stays as written.
    """
    if " " in name:
        return name
    matches = Counter(f for f in full_names if fold(f.split()[-1]) == fold(name))
    if matches:
        fitting = Counter({f: n for f, n in matches.items() if not _other_gender(f, gender)})
        return fitting.most_common(1)[0][0] if fitting else name
    firsts = {f for f in full_names if fold(f.split()[0]) == fold(name)}
    if len(firsts) == 1:  # a first name alone ("President (Vladimir) Putin", "Hillary") for the one it opens
        return firsts.pop()
    if not firsts:  # a common short form ("Sam") of the one first name it stands for ("Samuel Achterberg")
        longer = {f for f in full_names if short_form_of(name, f.split()[0])}
        if len(longer) == 1:
            return longer.pop()
        known = _known_as(text).get(name) if text else None
        if known is not None:  # 'José Fontes, known to everyone as "Zé do Cais"': the nickname stands for him
            return known
    if text and name[:1].isupper():
        if _WORD.fullmatch(name):  # the text's bracketed words and word pairs, found once per text
            bracketed, words_before = _bracketed(text).get(name), _words_before(text).get(name, ())
        else:
            hit = re.search(rf"\({re.escape(name)}\) {_SURNAME}", text)
            bracketed = hit.group(1) if hit else None
            words_before = [m.group(1) for m in re.finditer(rf"\b{_FIRST} {re.escape(name)}\b", text)]
        if bracketed:  # "President (Vladimir) Putin": the first name an editor added
            return f"{name} {bracketed}"
        for first in words_before:
            if first.lower() not in _NOT_FIRST_NAMES:
                return f"{first} {name}"
    return name


_FIRST = r"([A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?)"  # a capitalised word that may be a first name
_SURNAME = r"([A-Z][\w\u00C0-\u024F'-]+)"
_BRACKETED = re.compile(rf"\((\w+)\) {_SURNAME}")
_NAME_PAIR = re.compile(rf"\b{_FIRST} (?=(\w+)\b)")


# 'José Manuel Fontes, 72, known to everyone as "Zé do Cais"': a full name, then the nickname it goes by.
_KNOWN_AS = re.compile(r"\b([A-Z][\w\u00C0-\u024F'-]+(?: [A-Z][\w\u00C0-\u024F'-]+){1,3}),(?: \d{1,3},)? (?:(?:who is )?"
                       r"(?:better |widely |locally )?known(?: to [\w ]{1,30}?)? as|nicknamed|dubbed) [\"\u201c\u2018']"
                       r"([\w\u00C0-\u024F'-]+)(?: [\w\u00C0-\u024F'-]+){0,3}[\"\u201d\u2019']")


@lru_cache(maxsize=4)
def _known_as(text: str) -> dict[str, str]:
    """A nickname's first word -> the full name written right before it ("Zé" -> "José Manuel Fontes"), where one
    full name goes by it."""
    found: dict[str, set[str]] = {}
    for m in _KNOWN_AS.finditer(text):
        found.setdefault(m.group(2), set()).add(m.group(1))
    return {nick: names.pop() for nick, names in found.items() if len(names) == 1}


@lru_cache(maxsize=4)
def _bracketed(text: str) -> dict[str, str]:
    """A word written in brackets -> the capitalised word after its first such use ("(Vladimir) Putin")."""
    found: dict[str, str] = {}
    for m in _BRACKETED.finditer(text):
        found.setdefault(m.group(1), m.group(2))
    return found


@lru_cache(maxsize=4)
def _words_before(text: str) -> dict[str, list[str]]:
    """A word -> the capitalised words written right before it, in text order ("Marta Lind" gives Lind: Marta)."""
    found: dict[str, list[str]] = {}
    for m in _NAME_PAIR.finditer(text):
        found.setdefault(m.group(2), []).append(m.group(1))
    return found
