"""How each report frames the story: loaded words, tone, whom it quotes, what it alone carries or omits."""
from __future__ import annotations

import re

from newsloom.compare.corroboration import AlignedClaim, representative
from newsloom.compare.tone import main_actors, tone_toward
from newsloom.compare.voices import affiliations, voices_by_side
from newsloom.model import Annotated, Framing

# Evaluative or emotive vocabulary that colours a report beyond the facts it states.
LOADED = {
    "seismic", "stunning", "stunned", "shocking", "outrageous", "outrageously", "blowup", "clash", "spat",
    "slammed", "blasted", "slam", "furious", "chaos", "chaotic", "disaster", "disastrous", "historic",
    "unprecedented", "bombshell", "explosive", "boiling", "scuttling", "pariah", "propagandist", "regime",
    "aggression", "unprovoked", "embraces", "lauded", "hails", "hailed", "praise", "praised", "surprising",
    "controversy", "controversial", "alarming", "dramatic", "dramatically", "humiliating", "humiliation",
    "crisis", "catastrophic", "brutal", "radical", "extremist", "reckless", "staggering", "fiasco",
    "embattled", "beleaguered", "precariously", "ripples", "confrontation", "thaw", "rapprochement",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]+")


def loaded_words(text: str) -> list[str]:
    """Loaded words used in a text, most frequent first."""
    counts: dict[str, int] = {}
    for w in _WORD.findall(text.lower()):
        if w in LOADED:
            counts[w] = counts.get(w, 0) + 1
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def build_framing(anns: list[Annotated], groups: list[AlignedClaim], alias: dict[str, str]) -> list[Framing]:
    """A framing profile per report of the story."""
    n_reports = len(anns)
    widely = [g for g in groups if len(g.reports) >= max(2, (n_reports + 1) // 2)]
    rep = {id(g): representative(g).text for g in groups}
    actors = main_actors(anns, alias)
    sides = affiliations(anns, alias)
    out: list[Framing] = []
    for ann in anns:
        rid = ann.report_id
        unique = [rep[id(g)] for g in groups if g.reports == [rid] and g.members[0].speaker is None]
        omitted = [rep[id(g)] for g in widely if rid not in g.reports]
        out.append(Framing(
            report=rid,
            loaded_words=loaded_words(ann.article.text),
            voices=voices_by_side(ann, alias, sides),
            unique_claims=unique[:5],
            omitted_claims=omitted[:5],
            tone=tone_toward(ann, actors, alias),
        ))
    return out
