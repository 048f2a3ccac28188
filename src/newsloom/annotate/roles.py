"""Titles, roles and descriptions written with a person's name ("Propagandist Margarita Simonyan")."""
from __future__ import annotations

import re

# English words that describe a person rather than name them, when they lead a name the tagger took whole.
ROLE_WORDS = {
    "propagandist", "former", "late", "veteran", "deputy", "acting", "chief", "editor", "presenter", "pundit",
    "writer", "author", "historian", "lawyer", "attorney", "strategist", "pollster", "oligarch", "billionaire",
    "tycoon", "businessman", "businesswoman", "activist", "journalist", "commentator", "blogger", "lawmaker",
    "analyst", "economist", "professor", "prof.", "senator", "sen.", "rep.", "representative", "president",
    "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "envoy", "general", "gen.", "colonel", "col.", "admiral", "commander", "governor", "gov.", "mayor",
    "judge", "justice", "chairman", "chairwoman", "chair", "director", "ceo", "founder", "host", "anchor",
    "correspondent", "reporter", "columnist", "critic", "opposition", "leader", "head", "adviser", "advisor",
    "aide", "official", "diplomat", "negotiator", "councillor", "councilor", "councilwoman", "councilman",
    "superintendent", "inspector", "officer", "captain", "coach", "dr.", "mr.", "mrs.", "ms.", "state",
    "foreign", "defense", "defence", "finance", "interior", "national", "security", "advisor", "kremlin",
    "ministry", "press", "voter", "delegate", "resident", "candidate", "nominee", "congressman",
    "congresswoman", "actor", "actress", "singer", "comedian", "teacher", "nurse", "doctor", "sheriff",
    "detective", "sgt.", "lt.", "capt.", "maj.", "supporter", "protester", "survivor", "retiree", "engineer",
    "scientist", "researcher", "manager", "owner", "investor", "entrepreneur", "chancellor", "striker", "midfielder",
    "defender", "goalkeeper", "winger", "quarterback", "pitcher", "skipper", "referee", "midwife",
    "solicitor", "barrister", "prosecutor", "firefighter", "paramedic",
    "mr", "mrs", "ms", "dr",  # honorifics written without a full stop ("Ms Quell")
}
# Of those, the nouns a person can be called by alone ("the mayor", "the senator"), not modifiers or places.
TITLE_NOUNS = ROLE_WORDS - {
    "propagandist", "former", "late", "veteran", "deputy", "acting", "chief", "vice", "prime", "opposition",
    "head", "state", "foreign", "defense", "defence", "finance", "interior", "national", "security", "kremlin",
    "ministry", "press", "prof.", "sen.", "rep.", "gen.", "col.", "gov.", "dr.", "mr.", "mrs.", "ms.", "leader",
    "mr", "mrs", "ms", "dr",
}
_POSSESSIVE_INSIDE = re.compile(r"['\u2019]s\b.*$")


# Last words that make a name an institution, whose leading words are part of it ("Foreign Ministry").
INSTITUTION_WORDS = {
    "ministry", "department", "office", "committee", "commission", "council", "house", "senate", "agency",
    "court", "police", "army", "government", "administration", "service", "bureau", "parliament", "assembly",
}


def split_role(name: str) -> tuple[str, str | None]:
    """A person's name without the role words leading it, and those words ("Propagandist", None when none).

    At least one capitalised word of the name is always kept; an institution's name is left whole.
    """
    words = name.split()
    if words and words[-1].lower() in INSTITUTION_WORDS:
        return name, None
    k = 0
    while k < len(words) - 1 and words[k].lower() in ROLE_WORDS and words[k + 1][:1].isupper():
        k += 1
    if k == 0:
        return name, None
    return " ".join(words[k:]), " ".join(words[:k])


def cut_possessive(name: str) -> str:
    """A name before a possessive inside it ("Trump's Stance" -> "Trump")."""
    return _POSSESSIVE_INSIDE.sub("", name).strip()
