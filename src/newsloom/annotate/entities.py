"""Named entities: mentions per article, canonical names within it, and aliases across a story."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher

from spacy.tokens import Doc, Span

from newsloom.annotate.acronyms import is_acronym_of
from newsloom.annotate.roles import cut_possessive, split_role
from newsloom.model import Mention

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
_NOT_FIRST_NAMES = {
    "the", "a", "an", "mayor", "president", "minister", "spokeswoman", "spokesman", "spokesperson", "chief",
    "senator", "governor", "councillor", "councilor", "director", "chair", "chairman", "secretary", "mr", "mrs",
    "ms", "dr", "said", "says", "told", "by", "and", "but", "when", "while", "with", "for", "of", "to", "as",
    "general", "judge", "officer", "professor", "leader", "head", "captain", "manager", "analyst", "economist",
}
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")


def clean_name(text: str) -> str:
    """Strip titles, possessives and stray punctuation from an entity mention."""
    name = _POSSESSIVE.sub("", text.strip().strip(".,;:\"\u201c\u201d()[]"))
    name = _TITLES.sub("", name)
    return re.sub(r"\s+", " ", name).strip()


def person_name(text: str) -> str:
    """A person's name from a mention: cleaned, cut before a possessive, without leading role words."""
    return split_role(cut_possessive(clean_name(text)))[0]


def fold(text: str) -> str:
    """Lowercase ASCII-folded key for comparing spellings."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


# Verbs that open an inverted cue before the speaker's name ("Said Drummond: ...", "Added Sen. Bo Ray, ...").
INVERTED_VERBS = frozenset({"Said", "Says", "Added", "Adds", "Asked", "Wrote", "Writes", "Explained", "Recalled"})


def _without_leading_verb(ent: Span) -> Span:
    """A name without the verb of an inverted cue the tagger took into it ("Said Drummond" -> "Drummond")."""
    if len(ent) > 1 and ent.label_ == "PERSON" and ent[0].text in INVERTED_VERBS:
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def doc_mentions(doc: Doc) -> list[Mention]:
    """Entity mentions of a parsed article with canonical names resolved within the article."""
    mentions = [
        Mention(text=ent.text, start=ent.start_char, end=ent.end_char, label=ent.label_)
        for ent in map(_without_leading_verb, doc.ents)
        if ent.label_ in KEPT_LABELS and clean_name(ent.text)
    ]
    text = doc.text
    mentions = [m for m in mentions if not _heading_or_byline(text, m)]
    _relabel_speakers(doc, mentions)
    _relabel_people(mentions)
    _relabel_not_people(mentions, text)
    full_names = [person_name(m.text) for m in mentions if m.label == "PERSON" and " " in person_name(m.text)]
    expanded: dict[str, str] = {}
    for m in mentions:
        name = person_name(m.text) if m.label == "PERSON" else clean_name(m.text)
        if m.label == "PERSON" and name not in expanded:
            expanded[name] = expand_person(name, full_names, text)
        m.canonical = expanded[name] if m.label == "PERSON" else name
    mentions += _surname_mentions(text, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later bare-surname mentions of named people that NER missed ("Brennic said")."""
    taken = bytearray(len(text) + 1)  # 1 where a mention already covers the character
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * max(0, m.end - m.start)
    found: list[Mention] = []
    people = {
        m.canonical for m in mentions
        if m.label == "PERSON" and len(m.canonical.split()) >= 2 and m.canonical.split()[-1].lower() not in ORG_WORDS
    }
    for name in sorted(people):
        surname = name.split()[-1]
        for hit in re.finditer(rf"\b{re.escape(surname)}\b", text):
            if taken[hit.start()]:
                continue
            found.append(Mention(surname, hit.start(), hit.end(), "PERSON", name))
            taken[hit.start() : hit.end()] = b"\x01" * (hit.end() - hit.start())
    return found


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


def _relabel_not_people(mentions: list[Mention], text: str) -> None:
    """An outlet's name is an organisation ("Nezavisimaya Gazeta"); a name the article also tags as a place is one."""
    places = {fold(clean_name(m.text)) for m in mentions if m.label in {"GPE", "LOC"}}
    is_place: dict[str, bool] = {}  # one search of the text per name, however often it is mentioned
    for m in mentions:
        if m.label != "PERSON":
            continue
        name = clean_name(m.text)
        words = name.lower().split()
        if words and (words[-1] in PUBLICATION_WORDS or any(w in PUBLICATION_WORDS for w in words[1:])):
            m.label = "ORG"
        elif len(words) == 1:
            if name not in is_place:
                is_place[name] = fold(words[0]) in places or _place_like(name, text)
            if is_place[name]:
                m.label = "GPE"


def _place_like(name: str, text: str) -> bool:
    """True when a one-word name is written as a place ("in Kyiv", "aid to Kyiv", "Kyiv and its allies")."""
    n = re.escape(name)
    return re.search(
        rf"\b(?:in|aid to|weapons to|support for|trip to|visit to|flew to) {n}\b|\b{n} and its\b|"
        rf"\b{n}(?:['\u2019]s)? (?:regime|government|authorities|forces|troops|military|allies)\b", text
    ) is not None


SPEECH_LEMMAS = {"say", "tell", "add", "state", "claim", "write", "warn", "remark", "note", "insist", "argue"}
NOT_PEOPLE = {"ORG", "GPE", "NORP", "LOC"}


def _relabel_speakers(doc: Doc, mentions: list[Mention]) -> None:
    """A multi-word proper name that speaks ("Mayor Ilse Varga told") is a person, whatever NER guessed."""
    for m in mentions:
        if m.label == "PERSON" or m.label in NOT_PEOPLE:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(clean_name(m.text).split()) < 2:
            continue
        root = span.root
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in SPEECH_LEMMAS:
            m.label = "PERSON"


def _relabel_people(mentions: list[Mention]) -> None:
    """Give a mention the PERSON label when the same name is tagged PERSON elsewhere in the article."""
    people = {fold(clean_name(m.text)) for m in mentions if m.label == "PERSON"}
    surnames = {p.split()[-1] for p in people if p}
    for m in mentions:
        key = fold(clean_name(m.text))
        if m.label in {"ORG", "GPE", "NORP"} and (key in people or (" " not in key and key in surnames)):
            m.label = "PERSON"


def expand_person(name: str, full_names: list[str], text: str = "") -> str:
    """Map a surname-only mention to the full name ending with it ("Peskov" -> "Dmitry Peskov").

    Full names come from the article's PERSON entities, else from "Firstname Surname" in its text.
    """
    if " " in name:
        return name
    matches = Counter(f for f in full_names if fold(f.split()[-1]) == fold(name))
    if matches:
        return matches.most_common(1)[0][0]
    if text and name[:1].isupper():
        for found in re.finditer(rf"\b([A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?) {re.escape(name)}\b", text):
            if found.group(1).lower() not in _NOT_FIRST_NAMES:
                return f"{found.group(1)} {name}"
    return name


def _same_person(a: str, b: str) -> bool:
    """True when two full names are spelling variants ("Sergei"/"Sergey Lavrov", "Zelensky"/"Zelenskyy")."""
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    if SequenceMatcher(None, fa[-1], fb[-1]).ratio() < 0.83:
        return False
    if len(fa) == 1 or len(fb) == 1:
        return True
    return SequenceMatcher(None, fa[0], fb[0]).ratio() >= 0.66


NAME_LABELS = {"ORG", "PERSON", "GPE", "NORP", "FAC"}


def _short_form(short: str, full: str) -> bool:
    """True when a one-word name leads an organisation name that only adds a suffix ("Havlund" / "Havlund Maritime")."""
    words = full.split()
    return (
        " " not in short
        and 1 < len(words) <= 3
        and fold(words[0]) == fold(short)
        and all(w.lower().strip(".,'\u2019") in ORG_WORDS for w in words[1:])
    )


def _outlet_and_place(label: str, g_name: str, g_label: str, name: str) -> bool:
    """True for a place and an outlet named after it ("Washington" / "Washington Post"): never one entity."""
    places = {"GPE", "LOC"}
    outlet = g_name.split()[-1].lower() in PUBLICATION_WORDS or name.split()[-1].lower() in PUBLICATION_WORDS
    return outlet and (label in places) != (g_label in places)


def story_aliases(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map every (label, canonical) name of a story to one story-wide canonical spelling.

    Spelling variants of a person (transliterations, surname-only forms) collapse onto the most
    frequent full form; other entities are grouped by their folded spelling.
    """
    counts: Counter[tuple[str, str]] = Counter(names)
    groups: list[list[tuple[str, str]]] = []
    for label, name in sorted(counts, key=lambda k: (-len(k[1].split()), -counts[k], k[1])):
        for group in groups:
            g_label, g_name = group[0]
            if label == g_label == "PERSON" and _same_person(name, g_name):
                group.append((label, name))
                break
            if _outlet_and_place(label, g_name, g_label, name):
                continue
            if (_short_form(name, g_name) or is_acronym_of(name, g_name)) and {label, g_label} <= NAME_LABELS:
                group.append((label, name))
                break
            if label == g_label and fold(name) == fold(g_name):
                group.append((label, name))
                break
        else:
            groups.append([(label, name)])
    alias: dict[str, str] = {}
    # A name seen under several labels belongs to its best-attested group.
    for group in sorted(groups, key=lambda g: -sum(counts[n] for n in g)):
        full = [n for n in group if len(n[1].split()) > 1] or group
        best = max(full, key=lambda n: (counts[n], -len(n[1]), n[1]))[1]
        for _, name in group:
            alias.setdefault(name, best)
    return alias


def _name_like(surface: str) -> bool:
    """True for a surface that is a name: capitalised words, no possessive inside."""
    words = surface.split()
    return bool(words) and all(w[:1].isupper() for w in words) and cut_possessive(surface) == surface


def _entity_type(name: str, labels: Counter[str]) -> str:
    """The most frequent label; a one-word name any report tags as a place is a place, never a person."""
    places = [lab for lab in ("GPE", "LOC") if labels[lab]]
    if " " not in name and places and labels.most_common(1)[0][0] == "PERSON":
        return places[0]
    return labels.most_common(1)[0][0]


def entity_table(mentions_by_report: dict[str, list[Mention]], alias: dict[str, str]) -> list[dict]:
    """Summarise a story's entities: canonical name, type, aliases seen, reports naming it."""
    table: dict[str, dict] = {}
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for report_id, mentions in mentions_by_report.items():
        for m in mentions:
            if not m.canonical:
                continue
            name = alias.get(m.canonical, m.canonical)
            row = table.setdefault(name, {"name": name, "aliases": set(), "reports": set()})
            row["reports"].add(report_id)
            surface = person_name(m.text) if m.label == "PERSON" else clean_name(m.text)
            # "Kremlin's top spokesperson" is said of a person, not another name for them
            if surface and surface != name and (m.label != "PERSON" or _name_like(surface)):
                row["aliases"].add(surface)
            labels[name][m.label] += 1
    rows = []
    for name, row in table.items():
        rows.append(
            {
                "name": name,
                "type": _entity_type(name, labels[name]),
                "aliases": sorted(row["aliases"]),
                "reports": sorted(row["reports"]),
            }
        )
    rows.sort(key=lambda r: (-len(r["reports"]), r["name"]))
    return rows
