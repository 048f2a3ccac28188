"""Story-wide aliases: the indexed grouping gives what trying every group in order gives."""
from __future__ import annotations

import random
from collections import Counter

from newsloom.compare.entities import _joins, story_aliases

FIRST = ["Sergei", "Sergey", "Serge", "Dmitry", "Dmitri", "Anna", "Ana", "Volodymyr", "", "Jean-Luc", "José", "Jose"]
LAST = ["Lavrov", "Lavrow", "Peskov", "Zelensky", "Zelenskyy", "Zelenskiy", "Havlund", "Smith", "Smyth", "O'Neil",
        "Müller", "Muller", "Washington", "Kyiv"]
OTHER = ["United Nations", "U.N", "UN", "Havlund Maritime", "Washington Post", "Kyiv", "NATO", "North Atlantic Treaty"
         " Organization", "Smith Group", "The Times"]
LABELS = ["PERSON", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"]


def _every_group(names: list[tuple[str, str]]) -> dict[str, str]:
    """The grouping written plainly: each name tries every group, in order (as story_aliases did before its index)."""
    counts = Counter(names)
    groups: list[list[tuple[str, str]]] = []
    for label, name in sorted(counts, key=lambda k: (-len(k[1].split()), -counts[k], k[1])):
        for group in groups:
            if _joins(label, name, *group[0]):
                group.append((label, name))
                break
        else:
            groups.append([(label, name)])
    alias: dict[str, str] = {}
    for group in sorted(groups, key=lambda g: -sum(counts[n] for n in g)):
        full = [n for n in group if len(n[1].split()) > 1] or group
        best = max(full, key=lambda n: (counts[n], -len(n[1]), n[1]))[1]
        for _, name in group:
            alias.setdefault(name, best)
    return alias


def test_indexed_grouping_matches_trying_every_group():
    rng = random.Random(7)
    for _ in range(300):
        names = []
        for _ in range(rng.randint(1, 40)):
            if rng.random() < 0.6:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}".strip()
            else:
                name = rng.choice(OTHER + LAST)
            names.append((rng.choice(LABELS), name))
        assert story_aliases(names) == _every_group(names)
