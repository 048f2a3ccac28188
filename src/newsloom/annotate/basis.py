"""How sure a quote's speaker is: the basis the attribution rests on and a confidence for it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsloom.annotate.cues import SPEECH_NOUNS, owned_verdict, quotes_as_saying, speaks
from newsloom.annotate.speakers import SpeakerMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# cue: a name beside the marks ("..., Ann Lee said"); verb: a name as subject of the verb the parse gives
# the quotation; role: a role noun ("the spokesman said"); pronoun: "he said"; carried: the speaker of
# the quotation before or after it; description: a speaker described, not named ("the mayor said", "police
# say"), shown as written; none: nobody found.
CONFIDENCE = {"cue": 0.95, "verb": 0.85, "role": 0.75, "carried": 0.7, "pronoun": 0.65, "description": 0.6,
              "none": 0.0}
# Factor for a quotation beside a verb that does not report speech ("reaching a deal, '...'") or framed by
# one that neither reports speech nor takes a stand ("cruised to a 'landslide'"): below the brief's threshold.
NOT_SPEECH = 0.5


def basis_of(speaker: SpeakerMention | None, cue: Token | None, beside: bool) -> tuple[str, float]:
    """The basis and confidence of an attribution from its speaker mention and cue verb."""
    if speaker is None or not speaker.name:
        return "none", 0.0
    if speaker.how in {"pronoun", "role", "description"}:
        basis = speaker.how
    else:
        basis = "cue" if beside else "verb"
    confidence = CONFIDENCE[basis]
    if beside and cue is not None and cue.pos_ in {"VERB", "AUX", "NOUN"} and not _vouches_beside(cue):
        confidence *= NOT_SPEECH  # beside the marks only a verb of speech, position, belief or a stand vouches
    elif not beside and cue is not None and cue.pos_ in {"VERB", "AUX"} and not speaks(cue):
        confidence *= NOT_SPEECH
    return basis, round(confidence, 2)


def _vouches_beside(cue: Token) -> bool:
    """True for a cue beside the marks that reports speech, a position or a belief, or takes a stand in words
    without an object of its own or with a said thing as object ("'...,' Lee shot back", "Lee gloated: '...'", "Lee
    issued a statement: '...'"; not "Lee dismissed the story, '...'", whose words may be anyone's)."""
    if speaks(cue, stance=False) or _spoke_as(cue) or quotes_as_saying(cue) is not None or owned_verdict(cue) is not None:
        return True  # "the Gazette quoted Ann Lee as saying" vouches for Lee's words
    if cue.lemma_ == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() in _STANDS for c in cue.children):
        return True  # "Ann Lee took the opposite view in a post: '...'"
    return speaks(cue) and not any(c.dep_ in {"dobj", "dative"} and c.lemma_.lower() not in _SAID_NOUNS
                                   for c in cue.children)  # "issued a statement: '...'" still gives words


def _spoke_as(cue: Token) -> bool:
    """True for a copula that says how someone spoke ("One diplomat was blunter: '...'")."""
    return cue.lemma_ == "be" and any(
        c.dep_ in {"acomp", "attr"} and (c.lemma_.lower() in _MANNER or c.lower_ in _MANNER) for c in cue.children)


# Adjectives for a way of speaking, after "was" ("was blunter", "was more direct").
_MANNER = {"blunt", "blunter", "direct", "frank", "candid", "emphatic", "scathing", "unequivocal", "terse",
           "succinct", "explicit", "adamant", "dismissive", "defiant", "forthright", "outspoken", "categorical",
           "brief", "brusque", "curt", "short", "shorter", "sharper", "pithier", "simpler", "plainer", "clearer"}
_SAID_NOUNS = SPEECH_NOUNS | {"message", "retort", "reply", "response", "warning", "answer", "question", "rebuke",
                              "this", "that"}  # "Remmert rejects this: '...'": what was said before, answered
_STANDS = {"view", "line", "stance", "position", "tack", "approach"}


def carried(speaker: SpeakerMention) -> tuple[str, float]:
    """The basis of a quotation that takes the speaker of a neighbouring one: no surer than a description when
    that speaker is one, nor than that quote's own attribution."""
    if not speaker.name:
        return "none", 0.0
    confidence = CONFIDENCE["description" if speaker.how == "description" else "carried"]
    return "carried", confidence if speaker.confidence is None else min(confidence, speaker.confidence)


def is_described(basis: str, confidence: float | None) -> bool:
    """True for a quote whose speaker is a description as written ("the mayor"), given or carried: no name."""
    return basis == "description" or (basis == "carried" and confidence == CONFIDENCE["description"])



_NOT_NAMES = {"the", "one", "some", "two", "three", "former", "senior", "top"}  # a description's first words


def not_self_named(speaker: SpeakerMention | None, quote: str, taken_over: bool = False,
                   organisations: frozenset[str] = frozenset()) -> SpeakerMention | None:
    """A speaker found through a pronoun or role, or taken over from another quote, is dropped when the quote
    names them by surname or first name (people seldom name themselves; "Sit down, Emil," is said to Emil): the
    words are left unattributed. An organisation in
    `organisations` may name itself ("'... with ESPN has been terminated,'" after "ESPN said in a statement")."""
    if speaker is None or not speaker.name or not (taken_over or speaker.how in {"pronoun", "role"}):
        return speaker
    if speaker.name in organisations:
        return speaker
    words = speaker.name.split()
    first = words[0] if len(words) > 1 and len(words[0]) > 2 and words[0][:1].isupper() else None
    names = {words[-1]} | ({first} if first and first.lower() not in _NOT_NAMES else set())  # "Sit down, Emil, ..."
    if any(re.search(rf"\b{re.escape(name)}\b", quote) for name in names):
        return SpeakerMention(speaker.start, speaker.end, None, "none")
    return speaker
