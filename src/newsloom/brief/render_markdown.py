"""Render a brief as Markdown a journalist can read: every fact with its outlets and footnoted evidence."""
from __future__ import annotations

import re

from newsloom.model import Brief, BriefReport, ChainLink, ClaimGroup, Framing, Independence, InputStatus, Position, QuoteGroup
from newsloom.brief.view import Ref, StoryView, evidence_text, input_counts, story_views

__all__ = ["to_markdown", "evidence_text"]

_SPECIAL = re.compile(r"([\\`*_\[\]<|])")
_STATUS = {"ok": "ok", "skipped": "skipped", "failed": "**failed**"}


def md(text: str | None) -> str:
    """Escape text for inline Markdown (and table cells), folding line breaks into spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def to_markdown(brief: Brief) -> str:
    """Return the brief as one Markdown document."""
    out = ["# newsloom brief", "", _overview(brief), ""]
    for view in story_views(brief):
        out += _story(view)
    out += _inputs(brief.inputs)
    return "\n".join(out).rstrip() + "\n"


def _overview(brief: Brief) -> str:
    counts = input_counts(brief.inputs)
    stories = "1 story" if len(brief.stories) == 1 else f"{len(brief.stories)} stories"
    return (f"{stories} from {_count(len(brief.inputs), 'input')} ({counts['ok']} ok, {counts['skipped']} skipped, "
            f"{counts['failed']} failed). Footnotes quote the exact words of the report behind each line.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _notes(refs: list[Ref]) -> str:
    return "".join(f"[^{r.n}]" for r in refs)


def _backed(view: StoryView, report_ids: list[str], refs: list[Ref]) -> str:
    """"— Outlet A, Outlet B [^1][^2]": who backs a line and where."""
    names = ", ".join(md(n) for n in view.outlets(report_ids))
    return f" — {names} {_notes(refs)}".rstrip()


CLAIM_COUNTS = ("Each claim counts its own independent sources: copies, and reports that cite one upstream source "
                "(a wire, state media), count once for that claim.")


def _story(view: StoryView) -> list[str]:
    story = view.story
    out = [f"## {view.number}. {md(story.headline) or 'Story ' + md(story.id)}", "",
           f"Story `{story.id}` · {_count(len(story.reports), 'report')}, {view.independent_count} independent of each other", ""]
    out += _notices(view)
    if story.summary:
        out += ["### Summary", ""]
        out += [f"- {md(line.text)}{_disputed(view, line.disputed_by)}"
                f"{_backed(view, [e.report for e in line.evidence], view.refs(line.evidence))}"
                for line in story.summary] + [""]
    out += _reports(view)
    if story.quotes:
        out += ["### Who said what", ""]
        for quote in story.quotes:
            out += _quote(view, quote)
    if story.stale_fixes:
        out += ["Speaker fixes not applied (their quote is no longer found):", ""]
        out += [f"- “{md(f.quote)}” in {md(view.names.get(f.report_id, f.report_id))} ({f.start}:{f.end}): "
                f"{md(f.speaker or 'unattributed')}, by {md(f.by or 'someone')} on {md(f.at[:10])}" for f in story.stale_fixes]
        out.append("")
    if story.claims:
        out += ["### Claims", "", CLAIM_COUNTS, ""]
        for claim in story.claims:
            who = _claim_voice(claim)
            count = f"**{_count(len(claim.reports), 'report')} / {claim.independent_reports} independent**"
            out.append(f"- {md(claim.text)}{who} · {count}{_disputed(view, claim.disputed_by)}"
                       f"{_backed(view, claim.reports, view.refs(claim.evidence))}")
            out += _sourcing(view, claim.chain, claim.independence)
        out.append("")
    if story.disagreements:
        out += ["### Disagreements", ""]
        for d in story.disagreements:
            label = f"{d.id.upper()}. " if d.id else ""
            out += [f'<a id="{view.anchor(d.id)}"></a>**{label}{md(d.about)}**', "",
                    "| Position | Reports |", "|---|---|"]
            out += [f"| {md(p.text)} {_notes(view.refs(p.evidence))} | {md(_position_sources(view, p))} |"
                    for p in d.positions] + [""]
    if story.timeline:
        out += ["### Timeline", "", "| Date | What happened | Reports |", "|---|---|---|"]
        out += [f"| {md(t.date)} | {'**Correction notice:** ' if t.kind == 'correction' else ''}{md(t.text)}"
                f"{_disputed(view, t.disputed_by)} {_notes(view.refs(t.evidence))} | "
                f"{md(', '.join(view.outlets(t.reports)))} |" for t in story.timeline] + [""]
    if story.entities:
        out += ["### Entities", "", "| Name | Type | Also called | Named by |", "|---|---|---|---|"]
        out += [f"| {md(e.name)} | {md(e.type)} | {md(', '.join(e.aliases)) or '—'} | {md(', '.join(view.outlets(e.reports)))} |"
                for e in story.entities] + [""]
    if story.framing:
        out += ["### Framing", ""] + [line for f in story.framing for line in _framing(view, f)] + [""]
    if view.all_refs:
        out += ["### Evidence", ""] + [_footnote(r) for r in view.all_refs] + [""]
    return out


def _disputed(view: StoryView, ids: list[str]) -> str:
    """" · ⚠ disputed (D1: when X made the remarks)", linking each disagreement; "" when none."""
    found = [f"[{label}](#{anchor}): {md(about)}" for label, anchor, about in view.disputes(ids)]
    return f" · **⚠ disputed** ({'; '.join(found)})" if found else ""


def _notices(view: StoryView) -> list[str]:
    """The corrections and updates the reports print, first, with their dates."""
    rows = [f"- **{md(view.names[r.id])}** — {md(n.kind)}{', ' + md(n.date) if n.date else ''}: "
            f"“{md(n.text)}” {_notes(view.refs(n.evidence))}".rstrip()
            for r in view.story.reports for n in r.corrections]
    return (["### Corrections and updates", ""] + rows + [""]) if rows else []


def _published(view: StoryView, report: BriefReport) -> str:
    """The publication date; one read from the text says so and points at the words."""
    if not report.published:
        return "—"
    if not report.published_inferred:
        return md(report.published)
    return f"{md(report.published)} (inferred from the text {_notes(view.refs(report.published_evidence))})"


def _reports(view: StoryView) -> list[str]:
    out = ["### Reports", "", "| | Outlet | Title | Author | Published | Derivation |", "|---|---|---|---|---|---|"]
    for r in view.story.reports:
        title = md(r.title) or "—"
        if view.link(r):
            title = f"[{title}](<{_url(view.link(r))}>)"
        out.append(f"| {view.tags[r.id]} | {md(view.names[r.id])} | {title} | {md(r.author) or '—'} | "
                   f"{_published(view, r)} | {md(view.derivation(r)) or 'original'} |")
    return out + [""] + _unattributed(view) + _provenance(view)


def _sourcing(view: StoryView, chain: list[ChainLink], independence: list[Independence]) -> list[str]:
    """Sub-lines naming the sources each report cites and the rule behind each count, when not all own reporting."""
    if not view.shows_sourcing(chain, independence):
        return []
    return [f"  - Sources: {md(view.chain_text(chain))}",
            f"  - Independence: {md(view.independence_text(independence))}"]


def _position_sources(view: StoryView, position: Position) -> str:
    """The reports behind a position, with the sources they cite."""
    if view.shows_sourcing(position.chain, position.independence):
        return view.chain_text(position.chain)
    return ", ".join(view.outlets(position.reports))


def _unattributed(view: StoryView) -> list[str]:
    """A flag for each report without a known outlet, with how the story counts it."""
    out = []
    for r in view.unattributed:
        rule = view.report_rule(r)
        verdict = "Counted" if rule and rule.counted else "Not counted"
        counted = f" {verdict} as an independent source: {rule.rule}." if rule else ""
        out.append(f"- ⚠ **{md(view.names[r.id])}** names no outlet.{' ' + md(counted) if counted else ''}")
    return out + [""] if out else []


def _provenance(view: StoryView) -> list[str]:
    """Each copy or rewrite with its similarity and the passages it shares with its source, footnoted."""
    out = []
    for r in view.story.reports:
        if not r.copy_of:
            continue
        mine, theirs = view.shared(r)
        similarity = f", similarity {r.copy_similarity:.2f}" if r.copy_similarity is not None else ""
        out.append(f"- **{md(view.names[r.id])}** is a {md(view.derivation(r))}{similarity}: "
                   f"{_count(len(mine), 'shared passage')} {_notes(mine)}; in the source {_notes(theirs)}".rstrip())
    return (["### Provenance", ""] + out + [""]) if out else []


def _url(url: str) -> str:
    """Percent-encode what would end a `<...>` link destination or a table cell."""
    return url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20")


def _claim_voice(claim: ClaimGroup) -> str:
    """" — said by X", with the rule when it is weaker than an explicit attribution; " — unattributed (why)"."""
    if claim.speaker:
        rule = f" ({md(claim.attribution)})" if claim.attribution and claim.speaker_basis != "explicit" else ""
        return f" — said by {md(claim.speaker)}{rule}"
    if claim.speaker_basis == "unattributed":
        return f" — speaker unattributed ({md(claim.attribution)})"
    return ""


def _quote(view: StoryView, quote: QuoteGroup) -> list[str]:
    speaker = md(quote.speaker) if quote.speaker else "Unattributed"
    basis = f" ({md(quote.attribution)})" if quote.attribution else ""
    out = [f"- **{speaker}**{basis} — “{md(quote.text)}” ({quote.kind})"
           f"{_backed(view, quote.reports, view.refs(quote.evidence))}"]
    if len(quote.attributions) > 1 or any(not a.accepted for a in quote.attributions):
        rows = [f"{md(a.speaker)} by {a.basis}{'' if a.accepted else ' (overruled)'}"
                f"{_backed(view, a.reports, view.refs(a.evidence))}" for a in quote.attributions]
        out.append("  - Attributed to: " + "; ".join(rows))
    if quote.correction is not None:
        fixed = quote.correction
        note = f": {md(fixed.note)}" if fixed.note else ""
        out.append(f"  - Speaker corrected by {md(fixed.by or 'someone')} on {md(fixed.at[:10])}{note}"
                   f"{_backed(view, sorted({e.report for e in fixed.evidence}), view.refs(fixed.evidence))}")
    for i, v in enumerate(quote.variants, 1):
        label = f"Wording {i}" if len(quote.variants) > 1 else "Wording"
        out.append(f"  - {label}: “{md(v.text)}”{_backed(view, v.reports, view.refs(v.evidence))}")
    for p in quote.paraphrases:
        out.append(f"  - Paraphrase: {md(p.text)}{_backed(view, p.reports, view.refs(p.evidence))}")
    return out + [""]


def _framing(view: StoryView, f: Framing) -> list[str]:
    parts = [f"{label}: {md(sep.join(values))}" for label, sep, values in (
        ("Loaded words", ", ", f.loaded_words), ("Voices", ", ", f.voices),
        ("Only in this report", " / ", f.unique_claims), ("Leaves out", " / ", f.omitted_claims)) if values]
    if f.tone:
        parts.append("Tone: " + ", ".join(f"{md(k)} {v:+.2f}" for k, v in f.tone.items()))
    return [f"- **{md(view.names.get(f.report, f.report))}**"] + [f"  - {p}" for p in parts or ["nothing notable"]]


def _footnote(ref: Ref) -> str:
    ev = ref.evidence
    where = "headline, characters" if ev.part == "title" else "characters"
    return f"[^{ref.n}]: {md(ref.outlet)}, {where} {ev.start}–{ev.end}: “{md(ref.text)}”"


def _inputs(inputs: list[InputStatus]) -> list[str]:
    out = ["## Inputs", "", "| Source | Status | Reason |", "|---|---|---|"]
    out += [f"| {md(i.source)} | {_STATUS.get(i.status, md(i.status))} | {md(i.reason) or '—'} |" for i in inputs]
    return out + [""]
