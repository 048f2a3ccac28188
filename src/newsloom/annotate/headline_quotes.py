"""Quotations in a report's headline, and whose words they are.

A headline's quotation takes the speaker of the body's quotation that carries its words ("Police say thieves
'knew exactly what they wanted'" -> the detective quoted with "They knew exactly where they were going and
exactly what they wanted"). Failing that, the headline's own cue gives it: a name or description before a colon
("Lindqvar: '...'", "Larkspire CEO on data leak: '...'") or the subject of a speech verb ("union says '...'",
"'...,' prosecutor says"). A name is taken only when the body names that person; a headline with no cue and no
body quotation gives no speaker, and says so. Quoted words with neither a cue nor a body quotation (a show's
name, a scare-quoted word) are no quotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsloom.annotate.cues import CUE_LEMMAS, REPORT_LEMMAS
from newsloom.annotate.descriptions import GROUP_NOUNS, PERSON_NOUNS
from newsloom.annotate.nlp import parse
from newsloom.annotate.quotemarks import find_quoted_spans
from newsloom.annotate.quotes import MAX_TITLE_WORDS, capitalised
from newsloom.annotate.roles import ROLE_WORDS
from newsloom.model import Mention, Quote, TextPart

if TYPE_CHECKING:
    from spacy.tokens import Doc

TITLE: TextPart = "title"
SPREAD = 3  # a headline may shorten the body's words: its words, in order, within this many times their count
GAPPED_WORDS = 3  # fewer words than this must appear in the body's quotation as one run
SHORT_CARRIER = 4  # a phrase of three words or fewer is taken from a quotation at most four times as long
SHORT_SPREAD = 2  # three words may spread over no more than twice their count ("we're flying like zombies")
DESCRIBED_CONFIDENCE = 0.6
NAMED_CONFIDENCE = 0.85
ROLE_CONFIDENCE = 0.75
_MAX_WHO_WORDS = 5
_WORD = re.compile(r"[\w]+(?:['’][\w]+)*")
_HEADLINE_VERBS = (CUE_LEMMAS | REPORT_LEMMAS | {"blast", "slam", "insist", "warn", "claim", "tell", "sob", "weep",
                                                 "rage", "beg", "hit"}) - {"find", "show", "point", "post", "read",
                                                                            "continue", "report", "signal", "react"}
_SMALL = {"in", "at", "to", "of", "over", "after", "for", "with", "and", "as", "by", "from", "into", "the"}
_SAYINGS = {"farewell", "statement", "message", "letter", "plea", "warning", "verdict", "promise", "vow", "apology"}
_EXTRA_SPEAKERS = {"boss", "guard", "star", "mum", "dad", "fans", "families", "bosses", "staff", "rep"}
_ATTACKING = {"blast", "slam", "hit", "deny", "accuse", "attack", "reject", "mock", "condemn", "decry", "criticize",
              "criticise", "question", "challenge", "dispute", "counter", "rebut", "dismiss"}
_LEAD_WORDS = 8  # "Minister: Marrowind inquiry will report '...'": the minister's words
_REST_WORDS = 6  # "Ferry captain says radar '...'": the words between a speech verb and its quotation


@dataclass(frozen=True)
class _Who:
    """A speaker written in the headline: as written, and the body's person it names (None for a description).

    `by_role` is set when the headline only gives a role ("mayor") that the body writes before one person's name.
    """

    written: str
    person: Mention | None
    by_role: bool = False


def _words(text: str) -> list[str]:
    """Lower-case words with one apostrophe style, for matching a headline's words with the body's."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _carries(body: list[str], head: list[str]) -> bool:
    """Whether the body quotation's words hold the headline's: as one run, or (3+ words) in order, not spread far."""
    n = len(head)
    if not n or n > len(body):
        return False
    if any(body[i:i + n] == head for i in range(len(body) - n + 1)):
        return True
    if n < GAPPED_WORDS:
        return False
    for first in (i for i, w in enumerate(body) if w == head[0]):
        at, k = first, 1
        while k < n:
            try:
                at = body.index(head[k], at + 1)
            except ValueError:
                break
            k += 1
        if k == n and at - first + 1 <= (SPREAD if n > GAPPED_WORDS else SHORT_SPREAD) * n:
            return True
    return False


def _verb_lemma(word: str) -> str | None:
    """The speech verb a headline word is a form of ("says" -> "say", "denies" -> "deny"), or None."""
    w = word.lower()
    for lemma in (w, w[:-1], w[:-2], w[:-3] + "y" if w.endswith("ies") else ""):
        if lemma and lemma in _HEADLINE_VERBS:
            return lemma
    return None


def _speaker_noun(word: str) -> bool:
    """A head noun that stands for a speaker ("mediator", "union", "residents")."""
    w = word.lower()
    nouns = PERSON_NOUNS | GROUP_NOUNS | _EXTRA_SPEAKERS
    return w in nouns or (w.endswith("s") and w[:-1] in nouns)


def _person_named(written: list[str], mentions: list[Mention]) -> Mention | None:
    """The body's one person a headline name stands for ("Lindqvar", "Prime Minister Velichy"), or None."""
    name: list[str] = []
    for w in reversed(written):  # the run of capitalised words at the end: "whistle-blower Joanna Frisk"
        if not w[:1].isupper() or w.lower() in ROLE_WORDS or w.lower().strip(".") in ROLE_WORDS:
            break
        name.insert(0, w)
    if not name:
        return None
    for size in range(len(name), 0, -1):  # "Councillor Banner": the whole run, then its last words
        found: dict[str, Mention] = {}
        for m in mentions:
            if m.label == "PERSON" and m.canonical and m.canonical.split()[-size:] == name[-size:]:
                found.setdefault(m.canonical, m)
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def _clause(doc: Doc | None, start: int, end: int) -> bool:
    """Whether the headline's words in `[start, end)` hold a verb: a clause ("Karsetia expels envoy"), no speaker."""
    if doc is None:
        return False
    return any(t.pos_ in {"VERB", "AUX"} for t in doc if start <= t.idx < end)


def _who(title: str, start: int, end: int, mentions: list[Mention], doc: Doc | None, text: str = "") -> _Who | None:
    """The headline's words in `[start, end)` as a speaker: a name the body gives, or a description (the person
    the body writes after that role when there is one, `text` being the body).

    A phrase with a verb or a small word inside is a clause or a scene ("Karsetia expels envoy", "ROVERS IN
    MELTDOWN"), not a speaker; "Ambrell's farewell" is Ambrell's.
    """
    phrase = title[start:end]
    lead = len(phrase) - len(phrase.lstrip(" ,;:—–-"))
    phrase = phrase.strip(" ,;:—–-")
    if phrase[:3].lower() == "as ":
        phrase, lead = phrase[3:], lead + 3
    words = phrase.split()
    if not 1 <= len(words) <= _MAX_WHO_WORDS or any(w[:1] in "\"“‘'«" for w in words):
        return None
    if any(w.lower() in _SMALL for w in words) or _clause(doc, start + lead, start + lead + len(phrase)):
        return None
    clean = [w.strip(",.") for w in words]
    owner = re.match(r"^(.+?)['’]s?$", clean[-2]) if len(clean) >= 2 and clean[-1].lower() in _SAYINGS else None
    if owner:
        clean = [*clean[:-2], owner.group(1)]
    person = _person_named(clean, mentions)
    if person is not None:
        return _Who(" ".join(words), person)
    if not owner and _speaker_noun(clean[-1]):
        holder = _role_holder(clean[-1], text, mentions)
        return _Who(" ".join(words), holder, by_role=holder is not None)
    return None


def _role_holder(role: str, text: str, mentions: list[Mention]) -> Mention | None:
    """The one person the body names with this role: after it ("Mayor Dolores Kettering", "prosecutor Ann Lee") or
    before it ("Ann Lee, the deputy chief prosecutor").

    Two people after the same role ("Minister A", "Minister B"), a plural ("residents") or none: nobody.
    """
    if role.lower().endswith("s") or not text:
        return None
    found: dict[str, Mention] = {}
    for m in re.finditer(rf"\b(?i:{re.escape(role)})\s+(?=[A-Z])", text):
        person = next((p for p in mentions if p.label == "PERSON" and p.canonical
                       and (p.start == m.end() or p.start <= m.start() < p.end)), None)  # "Mayor X" tagged whole
        if person is None or " " not in person.canonical:
            return None  # the role before a name the tagger did not take for a person: maybe someone else's
        found.setdefault(person.canonical, person)
    after = re.compile(rf",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,3}}{re.escape(role)}\b", re.IGNORECASE)
    for p in mentions:  # "Naomi Reyes-Calder, the deputy chief prosecutor"
        if p.label == "PERSON" and p.canonical and " " in p.canonical and after.match(text, p.end):
            found.setdefault(p.canonical, p)
    return next(iter(found.values())) if len(found) == 1 else None


def _verbs(doc: Doc | None, title: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Speech verbs in the headline's `[start, end)`: `(start, end, word)`, in order."""
    out = []
    for m in re.finditer(r"[A-Za-z]+", title[start:end]):
        s, e = start + m.start(), start + m.end()
        if not _verb_lemma(m.group()):
            continue
        tok = next((t for t in doc if t.idx == s), None) if doc is not None else None
        if tok is not None and tok.pos_ not in {"VERB", "AUX"} and not m.group().isupper():
            continue  # "Leaders' call": a noun
        out.append((s, e, m.group()))
    return out


def _cue_in_headline(title: str, start: int, end: int, mentions: list[Mention],
                     doc: Doc | None, text: str = "") -> tuple[_Who, str] | None:
    """The speaker the headline itself gives its quotation, with the cue ("says", ":"), or None.

    `start`/`end` are the quotation's inside; its marks sit just outside.
    """
    open_at, close_at = start - 1, min(end + 1, len(title))
    before = title[:max(open_at, 0)]
    after = title[close_at:]
    colon = before.rstrip().rfind(":")
    if colon > 0 and len(before[colon + 1:].split()) <= _LEAD_WORDS and not after.strip(" .!?,"):
        head = before[:colon]
        section = re.match(r"^[A-Za-z]+:\s+", head)  # "Analysis: ..."
        cut = re.search(r"\s+on\s+", head)  # "Larkspire CEO on data leak: ..."
        who = _who(title, section.end() if section else 0, cut.start() if cut else colon, mentions, doc, text)
        if who is not None:
            return who, ":"
    verbs = _verbs(doc, title, 0, len(before))
    if verbs:
        s, e, word = verbs[-1]
        if _own_words_follow(word, before[e:]):
            who = _who(title, _clause_start(title, s), s, mentions, doc, text)
            if who is not None:
                return who, word
    tail = after.lstrip(" ,.!?")
    shift = len(after) - len(tail)
    later = _verbs(doc, title, close_at + shift, len(title))
    if later and later[0][0] == close_at + shift:  # "'...' SOBS PUMP BOSS"
        s, e, word = later[0]
        stop = re.search(r"[;,:—–]", title[e:])
        who = _who(title, e, e + stop.start() if stop else len(title), mentions, doc, text)
        if who is not None:
            return who, word
    if later and not verbs:  # "'...,' prosecutor says", "..., X says", "'...', teacher says after a night ..."
        s, e, word = later[0]
        begin = max(_clause_start(title, s), close_at)
        right_after = not title[close_at:begin].strip(" ,")
        if right_after or title[e:].strip(" .!?") == "":
            who = _who(title, begin, s, mentions, doc, text)
            if who is not None:
                return who, word
    if tail.startswith(":"):  # "'...': Cardrow midwife on the question ..."
        cut = re.search(r"\s+on\s+|[;,—–]", title[close_at + shift + 1:])
        stop = close_at + shift + 1 + (cut.start() if cut else len(title))
        who = _who(title, close_at + shift + 1, min(stop, len(title)), mentions, doc, text)
        if who is not None and who.person is not None:
            return who, ":"
    return None


def _own_words_follow(verb: str, rest: str) -> bool:
    """Whether the quotation after a speech verb is the subject's own words: a few words on, and none of them
    another's ("Biden slams Trump's 'dangerous game'"); after a verb of attacking ("slams", "denies") only what
    a colon opens ("WIDOW BLASTS: 'LIAR!'")."""
    if len(rest.split()) > _REST_WORDS or re.search(r"\w['’]s?\b", rest):
        return False
    return rest.strip() == ":" or _verb_lemma(verb) not in _ATTACKING


def _clause_start(title: str, at: int) -> int:
    """Where the clause holding position `at` begins: after the last ; , : — – or "as" before it."""
    cut = max(title.rfind(c, 0, at) for c in ";,:—–")
    begin = cut + 1 if cut >= 0 else 0
    as_ = [m.end() for m in re.finditer(r"\bas\s+", title[begin:at], re.IGNORECASE)]
    return begin + as_[-1] if as_ else begin


def _stands_alone(title: str, start: int, end: int) -> bool:
    """A quotation that is a whole side of the headline: "'...': rest", "rest: '...'", or the whole headline."""
    before = title[:max(start - 1, 0)].strip()
    after = title[end + 1:].strip(" !?.")
    return (not before and (not after or after.startswith(":"))) or (before.endswith(":") and not after)


def _names_something(title: str, start: int, end: int) -> bool:
    """A short run of capitalised words in marks in a headline written in sentence case: a name, not a quotation.

    A headline in capitals or in title case ("Russia Says Policy 'Largely Aligns With Our Vision'") tells
    nothing by its capitals.
    """
    inside = _WORD.findall(title[start:end])
    outside = _WORD.findall(title[:max(start - 1, 0)] + " " + title[end + 1:])
    if not inside or len(inside) > MAX_TITLE_WORDS or title[start:end].isupper() or not capitalised(inside):
        return False
    rest = outside[1:]  # the headline's first word is capitalised whatever it is
    return bool(rest) and not capitalised(rest)  # "Mayor: 'We Will Rebuild'": nothing to tell by


def _body_speakers(words: list[str], body: list[Quote]) -> list[Quote]:
    """The body's quotations that carry the headline's words; a phrase of three words or fewer only from a quotation
    not much longer than it ("'radical Islam'" inside a speech that mocks the phrase is not the speaker's slogan)."""
    found = []
    for q in body:
        said = _words(q.text)
        if q.kind == "indirect" or not _carries(said, words):
            continue
        if len(words) <= GAPPED_WORDS and len(said) > SHORT_CARRIER * len(words):
            continue
        found.append(q)
    return found


def _from_body(quote: Quote, source: Quote) -> None:
    """Give a headline quotation the attribution of the body quotation carrying its words."""
    quote.speaker, quote.speaker_start, quote.speaker_end = source.speaker, source.speaker_start, source.speaker_end
    quote.basis, quote.confidence, quote.speaker_role = source.basis, source.confidence, source.speaker_role
    quote.cue = source.cue
    quote.doubt = source.doubt


def _from_cue(quote: Quote, who: _Who, cue: str) -> None:
    """Give a headline quotation the speaker its own cue names: a body person, or a description as written."""
    quote.cue = cue
    if who.person is not None:
        quote.speaker, quote.basis = who.person.canonical, "role" if who.by_role else "cue"
        quote.confidence = ROLE_CONFIDENCE if who.by_role else NAMED_CONFIDENCE
        quote.speaker_role = who.written if who.by_role else None
        quote.speaker_start, quote.speaker_end = who.person.start, who.person.end
    else:
        quote.speaker, quote.basis, quote.confidence = who.written, "description", DESCRIBED_CONFIDENCE


def _disagree(quote: Quote, names: list[str], why: str) -> None:
    """Name nobody, with the reason."""
    quote.speaker, quote.speaker_start, quote.speaker_end = None, None, None
    quote.basis, quote.confidence, quote.speaker_role = "none", 0.0, None
    quote.doubt = why.format(" and ".join(names))


def headline_quotes(title: str | None, body: list[Quote], mentions: list[Mention], report_id: str,
                    body_text: str = "") -> list[Quote]:
    """The quotations of a headline, each with the speaker its body quotation or its own cue gives, or none and why."""
    if not title:
        return []
    out: list[Quote] = []
    spans = find_quoted_spans(title)
    doc = parse(title) if spans else None
    for span in spans:
        text = title[span.start:span.end]
        inner = text.strip(" ,.")
        words = _words(inner)
        if not words or (len(words) < 2 and not inner.endswith(("!", "?"))):
            continue  # one scare-quoted word is the writer's, not a quotation
        if _names_something(title, span.start, span.end):
            continue  # "... live on 'The Morning Crossing'": a show's or a campaign's name
        quote = Quote(report_id, inner, span.start + text.index(inner), span.start + text.index(inner) + len(inner),
                      "direct" if _stands_alone(title, span.start, span.end) else "partial",
                      sentence_start=0, sentence_end=len(title), part=TITLE)
        carriers = _body_speakers(words, body)
        cue = _cue_in_headline(title, span.start, span.end, mentions, doc, text=body_text)
        if not carriers and cue is None and not _stands_alone(title, span.start, span.end):
            continue  # a show's or a campaign's name, a scare quote: nobody's quotation
        named = sorted({q.shown_speaker for q in carriers if q.shown_speaker})
        if len(named) > 1:
            _disagree(quote, named, "the body gives these words to {}")
        elif carriers:
            source = next((q for q in carriers if q.shown_speaker), carriers[0])
            _from_body(quote, source)
            named_by_headline = cue is not None and cue[0].person is not None and not cue[0].by_role
            if named_by_headline and source.shown_speaker not in (None, cue[0].person.canonical):
                _disagree(quote, [cue[0].person.canonical, source.shown_speaker],
                          "the headline and the body give these words to {}")
        elif cue is not None:
            _from_cue(quote, *cue)
        else:
            _disagree(quote, [], "a headline quotation: the headline names no speaker and the body does not "
                                 "carry these words{}")
        out.append(quote)
    return out
