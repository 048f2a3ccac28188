"""The shape every language's source-citation cue lists take."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceCues:
    """Words that name an upstream source and the phrases that cite one, for one language.

    Regular-expression fragments are marked `_re`; plain lists are literal words or phrases.
    """

    agencies: dict[str, tuple[str, ...]]  # canonical name -> names as written
    outlets: dict[str, tuple[str, ...]]
    short_forms: tuple[str, ...]  # "The Post": only ever the report's own outlet
    outlet_nouns: tuple[str, ...]  # "the newspaper Kommersant", "Kommersant newspaper"
    state_media_re: str  # "state-controlled media", "Russian state television"
    state_media_name: str
    origin_cues: tuple[str, ...]  # before the source: where the words were first said ("told", "in an interview with")
    relay_cues: tuple[str, ...]  # before the source: who passed them on ("according to", "as translated by")
    relay_verbs: tuple[str, ...]  # after the source: "Reuters reported"
    official_docs: tuple[str, ...]  # "transcript", "statement"
    official_verbs: tuple[str, ...]  # "released", "published"
    official_body_re: str  # the body that released it ("the Foreign Ministry")
    official_words_re: str  # a name of one is an official source ("the Prosecutor General's Office reported")
    anonymous_re: tuple[str, ...]
    anonymous_name: str
    not_a_name_after: tuple[str, ...]  # "Reuters Street", "AP Stylebook": a place or thing, not a citation
