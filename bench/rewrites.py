"""Offline, seeded perturbations of real text for bench/copies.py: word swaps and sentence-level rewrites.

Synonyms come from WordNet when Debian's `wordnet-base` files are installed (the other single
lowercase words of a lemma's first, most frequent sense, in the first part of speech its ending allows,
nouns first); otherwise from a short list of common news-word synonyms written for this bench. Nothing
here looks at the detector under test.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from newsloom.stories.text import STOPWORDS

WORDNET = Path("/usr/share/wordnet")
FALLBACK = (
    "killed slew", "attack assault", "police officers", "announced declared",
    "officials authorities", "arrested detained", "injured wounded", "building structure",
    "company firm", "government administration", "began started", "large big", "small little",
    "quickly rapidly", "later afterwards", "near close", "shot fired",
    "died perished", "home house", "car vehicle", "city town", "country nation", "fans supporters",
    "film movie", "star celebrity", "victims casualties", "suspect accused", "court tribunal",
    "earthquake quake", "fire blaze", "team squad", "win victory", "decision ruling",
)
POS_FILES = ("noun", "verb", "adj", "adv")
# surface ending -> (lemma endings to try, parts of speech it can mark)
_INFLECTIONS = (("", ("",), POS_FILES), ("s", ("",), ("noun", "verb")), ("es", ("",), ("noun", "verb")),
                ("ed", ("", "e"), ("verb",)), ("d", ("",), ("verb",)), ("ing", ("", "e"), ("verb",)))
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_FRONTED = re.compile(r"^(After|When|Before|While|As|Although|Because|Since|If|Despite|Following|During) "
                      r"([^,]{8,}), (.{12,}?)([.!?])$")
_TRAILING = re.compile(r"^(.{12,}?)(?<!,)(?<!\bor)(?<!\band)(?<!\bbut)(?<!\bwhat) "
                       r"(after|when|before|while|although|because|since|despite|following|during) "
                       r"([^,]{8,})([.!?])$")
_SAID_AFTER = re.compile(r"^(.{15,}), ((?:\w[\w.'-]* ){0,4}\w[\w.'-]*) (said|says|told reporters)([.!?])$")
_SAID_BEFORE = re.compile(r"^([A-Z][\w.' -]{1,40}?) (said|says) (?:that )?(?![A-Z]\w*day\b)(.{15,}?)([.!?])$")
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_LOWERABLE = frozenset({"the", "a", "an", "he", "she", "it", "they", "this", "that", "there", "but", "we"})


@dataclass
class Lexicon:
    """Synonyms by part of speech and lemma, and where they came from."""

    table: dict[str, dict[str, tuple[str, ...]]]
    source: str

    @classmethod
    def load(cls, folder: Path = WORDNET) -> Lexicon:
        """WordNet from `folder` when its files are there, else the bench's own short list."""
        if all((folder / f"index.{pos}").is_file() for pos in POS_FILES):
            return cls(_wordnet(folder), f"WordNet ({folder})")
        table: dict[str, tuple[str, ...]] = {}
        for line in FALLBACK:
            a, b = line.split()
            table[a], table[b] = (b,), (a,)
        return cls({pos: table for pos in POS_FILES}, "built-in list (WordNet not installed)")

    def synonym(self, word: str, rng: random.Random) -> str | None:
        """A synonym of a lowercase word with its regular inflection (-s, -ed, -ing) put back naively."""
        for suffix, endings, parts in _INFLECTIONS:
            if suffix and (not word.endswith(suffix) or len(word) - len(suffix) < 3):
                continue
            stem = word[: len(word) - len(suffix)]
            for ending in endings:
                for pos in parts:
                    options = self.table[pos].get(stem + ending)
                    if options:
                        return _inflect(rng.choice(options), suffix)
        return None


def _inflect(lemma: str, suffix: str) -> str:
    """Attach a regular English inflection to a lemma."""
    if suffix in ("ed", "d", "ing"):
        if len(lemma) <= 4 and re.search(r"(?:^|[^aeiou])[aeiou][bdgmnpt]$", lemma):
            lemma += lemma[-1]  # snap -> snapped
        elif lemma.endswith("e"):
            lemma = lemma[:-1]  # close -> closed, closing
        return lemma + ("ing" if suffix == "ing" else "ed")
    if suffix in ("s", "es"):
        return lemma + ("es" if lemma.endswith(("s", "x", "ch", "sh")) else "s")
    return lemma


def _wordnet(folder: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """Part of speech -> lemma -> the other words of the lemma's first (most frequent) sense."""
    tables = {}
    for pos in POS_FILES:
        tables[pos] = table = {}
        data = (folder / f"data.{pos}").read_bytes()
        for line in (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # licence header
            fields = line.split()
            lemma, offset = fields[0], int(fields[6 + int(fields[3])])
            if not lemma.isalpha():
                continue
            synset = data[offset : data.index(b"\n", offset)].decode("utf-8").split()
            words = [re.sub(r"\(\w+\)$", "", w) for w in synset[4 : 4 + 2 * int(synset[3], 16) : 2]]
            synonyms = tuple(sorted({w for w in words if w.isalpha() and w.islower() and w != lemma}))
            if synonyms:
                table[lemma] = synonyms
    return tables


def _content_spans(text: str) -> list[tuple[int, int]]:
    """Spans of lowercase alphabetic non-stopwords: the words a rewrite may swap."""
    return [m.span() for m in _WORD.finditer(text)
            if m.group().isalpha() and m.group().islower() and len(m.group()) > 2 and m.group() not in STOPWORDS]


def _replace(text: str, spans: list[tuple[int, int]], words: list[str]) -> str:
    """The text with each span replaced by its word."""
    out, last = [], 0
    for (start, end), word in sorted(zip(spans, words)):
        out += [text[last:start], word]
        last = end
    return "".join(out + [text[last:]])


def substitute(text: str, share: float, rng: random.Random, lexicon: Lexicon, pool: list[str]) -> str:
    """Change `share` of all word tokens: content words swapped for a synonym, else for a random pool word."""
    want, candidates = round(share * len(_WORD.findall(text))), _content_spans(text)
    spans = rng.sample(candidates, min(want, len(candidates)))
    words = []
    for start, end in spans:
        old = text[start:end]
        new = lexicon.synonym(old, rng) or rng.choice(pool)
        words.append(new if new != old else rng.choice(pool))
    return _replace(text, spans, words)


@dataclass(frozen=True)
class Rewrite:
    """How hard a sentence-level paraphrase rewrites: per-word and per-sentence probabilities."""

    synonyms: float  # each swappable content word
    reorder: float  # each sentence whose clause order or attribution can be turned around
    merge: float  # each adjacent pair of sentences joined into one
    drop: float  # each sentence after the first left out
    swap: float  # each adjacent pair of sentences exchanged


STANDARD = Rewrite(synonyms=0.3, reorder=0.8, merge=0.15, drop=0.1, swap=0.1)
HEAVY = Rewrite(synonyms=0.5, reorder=1.0, merge=0.25, drop=0.2, swap=0.2)


def paraphrase(sentences: list[str], how: Rewrite, rng: random.Random, lexicon: Lexicon) -> list[str]:
    """Rewrite sentence by sentence: clause and attribution order, numbers, synonyms; then merge, drop, swap."""
    out = []
    for sentence in sentences:
        if rng.random() < how.reorder:
            sentence = _reorder(sentence)
        sentence = _numbers(sentence)
        spans = [s for s in _content_spans(sentence) if rng.random() < how.synonyms]
        words = [lexicon.synonym(sentence[a:b], rng) or sentence[a:b] for a, b in spans]
        out.append(_replace(sentence, spans, words))
    out = _merge(out, how.merge, rng)
    out = out[:1] + [s for s in out[1:] if rng.random() >= how.drop]
    for i in range(0, len(out) - 1, 2):
        if rng.random() < how.swap:
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def _reorder(sentence: str) -> str:
    """Turn a sentence's clause order or its attribution around, when its shape allows."""
    if m := _FRONTED.match(sentence):
        return f"{_upper(m[3])} {m[1].lower()} {m[2]}{m[4]}"
    if m := _TRAILING.match(sentence):
        return f"{m[2].capitalize()} {m[3]}, {_lower(m[1])}{m[4]}"
    if m := _SAID_AFTER.match(sentence):
        return f"{_upper(m[2])} {m[3]} that {_lower(m[1])}{m[4]}"
    if m := _SAID_BEFORE.match(sentence):
        return f"According to {_lower(m[1])}, {_lower(m[3])}{m[4]}"
    return sentence


def _numbers(sentence: str) -> str:
    """Reformat numbers: thousands separators dropped, 0-10 spelled out, "percent" as "%" and back."""
    sentence = re.sub(r"\b(\d{1,3}),(\d{3})\b", r"\1\2", sentence)
    sentence = re.sub(r"(?<![$\d.,:])\b(10|\d)\b(?= (?!percent)[a-z])", lambda m: _SMALL[int(m[1])], sentence)
    if "percent" in sentence:
        return re.sub(r"(\d) percent\b", r"\1%", sentence)
    return re.sub(r"(\d)%", r"\1 percent", sentence)


def _merge(sentences: list[str], rate: float, rng: random.Random) -> list[str]:
    """Join some adjacent sentence pairs into one with "; "."""
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1][-1:] == "." and rng.random() < rate:
            out[-1] = out[-1][:-1] + "; " + _lower(sentence)
        else:
            out.append(sentence)
    return out


def _upper(text: str) -> str:
    """First letter capitalised."""
    return text[:1].upper() + text[1:]


def _lower(text: str) -> str:
    """First letter lowercased when the first word is a common function word (not a name)."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in _LOWERABLE else text
