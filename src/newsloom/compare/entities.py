"""Entities across a story: one canonical spelling per entity (aliases), and the table of who and what is named."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

from newsloom.annotate.acronyms import initials, is_acronym_of, letters
from newsloom.annotate.entities import ORG_WORDS, PUBLICATION_WORDS, clean_name, fold, person_name
from newsloom.annotate.roles import cut_possessive
from newsloom.model import Mention

NAME_LABELS = {"ORG", "PERSON", "GPE", "NORP", "FAC"}
_PLACES = {"GPE", "LOC"}
_SAME_SURNAME, _SAME_FIRST_NAME = 0.83, 0.66  # least similarity of two spellings of one person's surname, first name


@lru_cache(maxsize=1 << 16)
def _similar(a: str, b: str, least: float) -> bool:
    """Whether difflib's similarity ratio of `a` and `b` reaches `least` (two upper bounds rule most pairs out first).

    The ratio is 2*M/T for M matched characters of T; M is at most the shorter length and at most the
    characters the two share (as difflib's real_quick_ratio and quick_ratio bound it).
    """
    total = len(a) + len(b)
    if not total:
        return True  # difflib's ratio of two empty strings is 1
    if 2.0 * min(len(a), len(b)) / total < least:
        return False
    if 2.0 * sum(min(a.count(c), b.count(c)) for c in set(a)) / total < least:
        return False
    return SequenceMatcher(None, a, b).ratio() >= least


def _close_lengths(size: int, least: float) -> range:
    """The lengths a string may have for its ratio with one of `size` characters to reach `least` (2*min/sum)."""
    return range(int(size * least / (2 - least)), int(size * (2 - least) / least) + 2)


def _same_person(a: str, b: str) -> bool:
    """True when two full names are spelling variants ("Sergei"/"Sergey Lavrov", "Zelensky"/"Zelenskyy")."""
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    if not _similar(fa[-1], fb[-1], _SAME_SURNAME):
        return False
    if len(fa) == 1 or len(fb) == 1:
        return True
    return _similar(fa[0], fb[0], _SAME_FIRST_NAME)


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
    outlet = g_name.split()[-1].lower() in PUBLICATION_WORDS or name.split()[-1].lower() in PUBLICATION_WORDS
    return outlet and (label in _PLACES) != (g_label in _PLACES)


def _joins(label: str, name: str, g_label: str, g_name: str) -> bool:
    """Whether a name joins the group led by (g_label, g_name)."""
    if label == g_label == "PERSON" and _same_person(name, g_name):
        return True
    if _outlet_and_place(label, g_name, g_label, name):
        return False
    if (_short_form(name, g_name) or is_acronym_of(name, g_name)) and {label, g_label} <= NAME_LABELS:
        return True
    return label == g_label and fold(name) == fold(g_name)


class _Groups:
    """Groups of names in the order they were opened, indexed by what lets a name join them.

    A name joins the first group, in order, that `_joins` accepts; the indexes only narrow which groups
    can accept it (each condition of `_joins` needs its key to match), so the result is that of trying every group.
    """

    def __init__(self) -> None:
        self.groups: list[list[tuple[str, str]]] = []
        self._by_key: dict[tuple[str, str], list[int]] = defaultdict(list)  # (label, folded name) of the leader
        self._by_first: dict[str, list[int]] = defaultdict(list)  # folded first word of a leader of 2-3 words
        self._by_initials: dict[str, list[int]] = defaultdict(list)  # initials of a leader of several words
        self._people: dict[str, list[int]] = defaultdict(list)  # folded surname of a PERSON leader
        self._surnames: dict[int, list[str]] = defaultdict(list)  # those surnames by length

    def add(self, label: str, name: str) -> None:
        """Put a name in the first group it joins, or open a group led by it."""
        for i in sorted(self._candidates(label, name)):
            g_label, g_name = self.groups[i][0]
            if _joins(label, name, g_label, g_name):
                self.groups[i].append((label, name))
                return
        self._open(label, name)

    def _candidates(self, label: str, name: str) -> set[int]:
        """The groups whose leader shares a key with the name: the only ones `_joins` can accept."""
        found = set(self._by_key.get((label, fold(name)), ()))
        if " " not in name:
            found.update(self._by_first.get(fold(name), ()))
        if code := letters(name):
            found.update(self._by_initials.get(code, ()))
        words = fold(name).split()
        if label == "PERSON" and words:
            surname = words[-1]
            for size in _close_lengths(len(surname), _SAME_SURNAME):
                for other in self._surnames.get(size, ()):
                    if _similar(surname, other, _SAME_SURNAME):
                        found.update(self._people[other])
        return found

    def _open(self, label: str, name: str) -> None:
        """Open a group led by the name and index it."""
        i = len(self.groups)
        self.groups.append([(label, name)])
        self._by_key[(label, fold(name))].append(i)
        words = name.split()
        if 1 < len(words) <= 3:
            self._by_first[fold(words[0])].append(i)
        if code := initials(name):
            self._by_initials[code].append(i)
        folded = fold(name).split()
        if label == "PERSON" and folded:
            if folded[-1] not in self._people:
                self._surnames[len(folded[-1])].append(folded[-1])
            self._people[folded[-1]].append(i)


def story_aliases(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map every (label, canonical) name of a story to one story-wide canonical spelling.

    Spelling variants of a person (transliterations, surname-only forms) collapse onto the most
    frequent full form; other entities are grouped by their folded spelling.
    """
    counts: Counter[tuple[str, str]] = Counter(names)
    grouping = _Groups()
    for label, name in sorted(counts, key=lambda k: (-len(k[1].split()), -counts[k], k[1])):
        grouping.add(label, name)
    alias: dict[str, str] = {}
    # A name seen under several labels belongs to its best-attested group.
    for group in sorted(grouping.groups, key=lambda g: -sum(counts[n] for n in g)):
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
