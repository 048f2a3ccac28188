"""Who states a claim, story-wide: the decision on the quote the claim rests on, with its rule and the speaker as written.

A report's claim names a speaker when one of its quotes is the claim's statement (see
`annotate.claims`). The brief does not take that name on trust: the quote's line in the ledger has
already weighed every report's attribution of it, people's fixes included, and abstained below the
confidence threshold; the claim takes that decision. Reported speech, which has no line of its own,
keeps its report's attribution under the same threshold and fixes.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsloom.compare.speaker_basis import BASIS_WORDS, EXPLICIT, RANK, THRESHOLD
from newsloom.compare.speaker_fixes import QuoteKey, match_fixes
from newsloom.model import Annotated, Claim, Evidence, Quote, QuoteGroup, SpeakerFix


@dataclass
class ClaimVoice:
    """Who states a claim, on what basis, how surely, and the words naming the speaker."""

    speaker: str | None
    basis: str  # the quote line's basis (explicit, agreed, pronoun, ..., corrected), or "unattributed"
    reason: str
    confidence: float | None = None
    evidence: list[Evidence] = field(default_factory=list)


class ClaimVoices:
    """The speaker of each claim of a story, from the quote ledger's decisions and people's fixes."""

    def __init__(self, anns: Sequence[Annotated], ledger: Sequence[QuoteGroup], fixes: Sequence[SpeakerFix],
                 alias: dict[str, str]) -> None:
        self._quotes = {a.report_id: a.body_quotes for a in anns}
        self._lines = {(ev.report, ev.start, ev.end, ev.part): group for group in ledger for ev in group.evidence}
        self._fixes, _ = match_fixes(anns, fixes)
        self._alias = alias

    def of(self, claim: Claim) -> ClaimVoice | None:
        """The claim's voice; None when its report gives it no speaker (the outlet's own statement)."""
        quote = self._resting_quote(claim)
        if quote is None:
            return None
        key: QuoteKey = (claim.report_id, quote.start, quote.end, quote.part)
        line = self._lines.get(key)
        if line is not None:
            accepted = [ev for a in line.attributions if a.accepted for ev in a.evidence]
            return ClaimVoice(line.speaker, line.speaker_basis or "explicit", line.attribution, line.confidence,
                              accepted if line.speaker is not None else [])
        fix = self._fixes.get(key)
        if fix is not None:
            reason = f"corrected by {fix.by or 'someone'} on {fix.at[:10] or 'an unknown date'}: was {quote.speaker}"
            return ClaimVoice(fix.speaker, "corrected", reason, 1.0, [Evidence(*key)])
        return self._reported(claim.report_id, quote)

    def _resting_quote(self, claim: Claim) -> Quote | None:
        """The report's quote the claim's speaker comes from: inside the claim, same speaker, named in it first."""
        if claim.speaker is None:
            return None
        inside = [q for q in self._quotes.get(claim.report_id, [])
                  if claim.start <= q.start < claim.end and q.speaker == claim.speaker]

        def order(q: Quote) -> tuple[bool, bool, int]:
            named_here = q.speaker_start is not None and claim.start <= q.speaker_start < claim.end
            return not named_here, q.kind == "indirect", RANK.get(q.basis, 9)

        return min(inside, key=order) if inside else None

    def _reported(self, report: str, quote: Quote) -> ClaimVoice:
        """The voice of reported speech as its report attributes it, shown unattributed below the threshold."""
        said = BASIS_WORDS.get(quote.basis, quote.basis or "attributed")
        evidence = ([Evidence(report, quote.speaker_start, quote.speaker_end)]
                    if quote.speaker_start is not None and quote.speaker_end is not None else [])
        confidence = quote.confidence
        if confidence is not None and confidence < THRESHOLD:
            return ClaimVoice(None, "unattributed", f"unattributed: {said} in 1 report, confidence {confidence:.2f} "
                              f"is below {THRESHOLD}", confidence)
        speaker = self._alias.get(quote.speaker, quote.speaker) if quote.speaker else None
        basis = "explicit" if quote.basis in EXPLICIT or not quote.basis else quote.basis
        return ClaimVoice(speaker, basis, f"{said} in 1 report (reported speech)", confidence, evidence)
