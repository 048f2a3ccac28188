"""Text features shared by clustering and provenance: words, content terms, sentences, entities, dates."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import UTC, date, datetime
from functools import lru_cache

from newsloom.lang.en.stopwords import STOP_WORDS

from newsloom.model import Annotated

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|\n")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "prof", "jr", "sr",
                  "no", "vs", "inc", "co", "corp", "mt", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m"}
_WORD_BEFORE = re.compile(r"(\w[\w.]*)$")
_NEWS_STOP = {
    "said", "says", "say", "told", "tell", "according", "reported", "report", "reports", "reporting",
    "added", "mr", "mrs", "ms", "dr", "year", "years", "week", "day", "days", "time", "new", "like",
    "including", "people", "statement", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "percent", "news",
}
STOPWORDS = frozenset(STOP_WORDS) | _NEWS_STOP
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "EVENT", "LOC", "FAC"})
_TITLE = re.compile(r"^(?:the|president|pres|prime minister|minister|mr|mrs|ms|dr|sen|gov|gen)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_STRAIGHT_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")
_NUMBER = re.compile(r"(?<![\w.,:])\d+(?:[.,:]\d+)*(?!\w)")  # a whole token: not "3rd", "1980s", "A380"
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))")
LEAD_SENTENCES = 3
LEAD_WEIGHT = 3.0


def normalise(text: str) -> str:
    """NFKC-normalised, case-folded text with curly quotes straightened."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.translate(_STRAIGHT_QUOTES)


def words(text: str) -> list[str]:
    """Lowercase word tokens of a text, possessives kept attached."""
    return _WORD.findall(normalise(text))


@lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """A light stem: drop possessives and a plural -s, so "quakes" and "quake's" meet "quake" (words recur: each
    is stemmed once)."""
    token = _POSSESSIVE.sub("", token)
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def content_terms(text: str) -> list[str]:
    """Stemmed content words: no stopwords, no one-letter words, numbers of two or more characters."""
    out = []
    for tok in words(text):
        if tok in STOPWORDS or len(tok) < 2 or (len(tok) < 3 and not tok.isdigit()):
            continue
        term = stem(tok)
        if term not in STOPWORDS:
            out.append(term)
    return out


def lead_weighted_terms(ann: Annotated, lead: int = LEAD_SENTENCES, weight: float = LEAD_WEIGHT) -> dict[str, float]:
    """Content-term counts, the lead's counting `weight` times (headline and first sentences, `lead` in all).

    News is written top down: the headline and the lead say what happened, later paragraphs recall
    background and earlier, similar events, so their words say best which event a report is about.
    Extraction keeps the headline apart from the body (`Article.title`); it counts here as the lead's
    first sentence unless the body opens with it already, so a page with its headline split off and the
    same text as one plain run of lines weigh the same words.
    """
    text = ann.article.text
    title = headline(ann)
    spans = sentence_spans(ann)[: lead - 1 if title else lead]
    end = spans[-1][1] if spans else 0
    counts: dict[str, float] = {}
    for part, each in ((title, weight), (text[:end], weight), (text[end:], 1.0)):
        for term in content_terms(part):
            counts[term] = counts.get(term, 0.0) + each
    return counts


def headline(ann: Annotated) -> str:
    """The article's title when its body does not open with it, else the empty string."""
    title = (ann.article.title or "").strip()
    opening = ann.article.text.lstrip()[: len(title) + 1]
    return "" if not title or normalise(opening).startswith(normalise(title)) else title


def number_counts(text: str) -> Counter[str]:
    """How often each number is written as a token of its own ("23", "6.1", "2008", "1,200" as "1200")."""
    return Counter(_THOUSANDS.sub("", n) for n in _NUMBER.findall(text))


def report_numbers(ann: Annotated) -> Counter[str]:
    """The numbers a report's text writes, and the year it was published.

    Extraction lifts a dateline ("August 2, 2013") out of the text into `Article.published`; its year
    counts here as the dateline would have counted in the text: a soft sign of which year's event
    a report is about, next to the time penalty of the scores.
    """
    counts = number_counts(ann.article.text)
    day = published_day(ann.article.published)
    if day is not None:
        counts[str(day.year)] += 1
    return counts


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by a punctuation-and-newline regex, whitespace trimmed, empty ones dropped."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 12) : match.start()]
        if match.group().startswith(".") and _abbreviation(before):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _abbreviation(before: str) -> bool:
    """True when the text before a full stop ends in a title, initial or short form ("Mr", "J", "U.S")."""
    found = _WORD_BEFORE.search(before)
    word = found.group(1) if found else ""
    return (len(word) == 1 and word.isalpha()) or word.lower() in _ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it starts and ends on non-space characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(ann: Annotated) -> list[tuple[int, int]]:
    """The annotator's sentences, or regex-split ones when it gave none."""
    return list(ann.sentences) or split_sentences(ann.article.text)


def entity_key(name: str) -> str:
    """A comparison key for an entity name: folded, titles and possessives stripped."""
    key = normalise(name).strip(" .,;:\"'()[]#")
    key = _POSSESSIVE.sub("", _TITLE.sub("", key))
    return re.sub(r"\s+", " ", key).strip()


def entity_counts(ann: Annotated) -> Counter[str]:
    """How often each named person (by surname), organisation, place or event is mentioned."""
    counts: Counter[str] = Counter()
    for mention in ann.mentions:
        if mention.label in ENTITY_LABELS:
            key = entity_key(mention.canonical or mention.text)
            if key and mention.label == "PERSON":
                key = key.split()[-1]
            if key:
                counts[key] += 1
    return counts


def published_at(value: str | None) -> datetime | None:
    """Parse an ISO date or datetime to a naive UTC datetime; None when missing or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(value.strip()[:10]), datetime.min.time())
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def published_day(value: str | None) -> date | None:
    """The publication day of an ISO date or datetime, None when missing or unreadable."""
    moment = published_at(value)
    return moment.date() if moment else None


def has_time(value: str | None) -> bool:
    """True when an ISO publication value carries a time of day, not just a date."""
    return bool(value) and len(value.strip()) > 10 and published_at(value) is not None
