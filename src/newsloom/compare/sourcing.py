"""Where each report's lines come from, and how many independent sources back each line and the story.

A line's support is report -> cited source. Reports resting on the same upstream source count once,
copies and rewrites count with their original, and a report without a known outlet counts as independent
only when nothing suggests it derives from another report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from newsloom.compare.corroboration import AlignedClaim
from newsloom.model import (
    Annotated,
    ChainLink,
    CitedSource,
    Disagreement,
    Evidence,
    Independence,
    SourceCite,
    Story,
)

DERIVED_SHARE = 0.5  # an unattributed report sharing this share of its claims with one report likely derives from it
MIN_SHARED = 3  # ... and at least this many claims
UNATTRIBUTED = "unattributed"
CLAUSE_BREAK = re.compile(r"[;:—–]|\.\s")  # a cite beyond one of these speaks for another clause
_RANK = {"own": 0, "unknown": 1, "cites": 2, "derived": 3, "copy": 4}  # who counts first among reports of one source


def norm(name: str) -> str:
    """A name folded for comparison: lower case, no leading "the", letters and digits only."""
    folded = name.lower().strip()
    folded = folded[4:] if folded.startswith("the ") else folded
    return re.sub(r"[^0-9a-z]+", "", folded)


def is_own(cite_name: str, outlet: str | None) -> bool:
    """True when a report cites its own outlet ("told The Post" in The Washington Post)."""
    if not outlet:
        return False
    if norm(cite_name) == norm(outlet):
        return True
    words = cite_name.split()
    return len(words) == 2 and words[0].lower() == "the" and words[1].lower() in outlet.lower().split()


@dataclass
class Sourcing:
    """What the story knows about where each report's lines come from."""

    order: list[str]
    outlets: dict[str, str | None]
    labels: dict[str, str]  # report -> outlet, or "unattributed (site or file)"
    cites: dict[str, list[SourceCite]]
    texts: dict[str, str]
    copy_of: dict[str, str]
    roots: dict[str, str]
    derived: dict[str, tuple[str, float]] = field(default_factory=dict)  # unattributed report -> (likely source, share)

    def outlet_report(self, name: str) -> str | None:
        """The report of the story published by the outlet called `name`, if any."""
        return self._by_outlet.get(norm(name))

    @cached_property
    def _by_outlet(self) -> dict[str, str]:
        """The first report of each outlet, by its folded name (the story's reports and outlets are set once)."""
        out: dict[str, str] = {}
        for r in self.order:
            if self.outlets.get(r):
                out.setdefault(norm(self.outlets[r] or ""), r)
        return out

    def upstream(self, report: str, spans: list[Evidence]) -> list[SourceCite]:
        """The sources `report` cites in the sentences holding these spans, its own outlet left out."""
        text = self.texts.get(report, "")
        found = [c for c in self.cites.get(report, [])
                 if any(_speaks_for(c, ev, text) for ev in spans) and not is_own(c.name, self.outlets.get(report))]
        return sorted(found, key=lambda c: c.start)


def _speaks_for(cite: SourceCite, ev: Evidence, text: str) -> bool:
    """True when a cite covers a span: inside it, or in its sentence with no clause break between them."""
    if cite.start < ev.end and ev.start < cite.end:
        return True
    if not (cite.sentence_start <= ev.start < cite.sentence_end):
        return False
    between = text[ev.end:cite.start] if ev.end <= cite.start else text[cite.end:ev.start]
    return not CLAUSE_BREAK.search(between)


def build_sourcing(story: Story, anns: list[Annotated], aligned: list[AlignedClaim]) -> Sourcing:
    """Cited sources, outlets, copy roots and likely derivations of a story's reports."""
    members = [a for a in anns if a.report_id in set(story.report_ids)] or anns
    order = [a.report_id for a in members]
    outlets = {a.report_id: (a.article.outlet or None) for a in members}
    labels = {a.report_id: a.article.outlet or f"{UNATTRIBUTED} ({_where(a)})" for a in members}
    sourcing = Sourcing(order, outlets, labels, {a.report_id: list(a.sources) for a in members},
                        {a.report_id: a.article.text for a in members}, {e.copy: e.original for e in story.edges},
                        story.independence_groups())
    sourcing.derived = _likely_derived(sourcing, aligned)
    return sourcing


def _where(ann: Annotated) -> str:
    """The site of an unattributed report, else its file name."""
    url = ann.article.url or ""
    host = re.sub(r"^[a-z]+://(www\.)?", "", url).split("/", 1)[0] if "://" in url else ""
    return host or ann.article.source.rsplit("/", 1)[-1] or ann.report_id


def _likely_derived(sourcing: Sourcing, aligned: list[AlignedClaim]) -> dict[str, tuple[str, float]]:
    """Unattributed reports that share most of their claims with one other report: (that report, share)."""
    out: dict[str, tuple[str, float]] = {}
    for rid in sourcing.order:
        if sourcing.outlets.get(rid) or rid in sourcing.copy_of:
            continue
        mine = [set(g.reports) for g in aligned if rid in g.reports]
        if not mine:
            continue
        shared = {o: sum(1 for g in mine if o in g) for o in sourcing.order if o != rid}
        best = max(shared, key=lambda o: (shared[o], -sourcing.order.index(o)), default=None)
        if best is not None and shared[best] >= MIN_SHARED and shared[best] / len(mine) >= DERIVED_SHARE:
            out[rid] = (best, shared[best] / len(mine))
    return out


def story_independence(sourcing: Sourcing) -> list[Independence]:
    """Each report of the story, counted as an independent source or not, with the rule that decided."""
    out = []
    for rid in sourcing.order:
        counted, rule, source = _report_rule(sourcing, rid)
        out.append(Independence(rid, counted, rule, source))
    return out


def _report_rule(sourcing: Sourcing, rid: str) -> tuple[bool, str, str]:
    """(counted, rule, source) of one report for the story as a whole."""
    original = sourcing.copy_of.get(rid)
    if original in sourcing.labels:
        return False, f"copy of {sourcing.labels[original]}", sourcing.labels[sourcing.roots.get(rid, original)]
    if rid in sourcing.derived:
        src, share = sourcing.derived[rid]
        return False, _derived_rule(sourcing, src, share), sourcing.labels[src]
    if not sourcing.outlets.get(rid):
        return True, "unknown outlet, no sign of derivation", sourcing.labels[rid]
    return True, "own reporting", sourcing.labels[rid]


def _derived_rule(sourcing: Sourcing, src: str, share: float) -> str:
    """The rule, in words, for an unattributed report that likely derives from `src`."""
    return f"unknown outlet, likely derived from {sourcing.labels[src]} (shares {share:.0%} of its claims)"


def line_support(
    sourcing: Sourcing, reports: list[str], evidence: list[Evidence]
) -> tuple[list[ChainLink], list[Independence], int]:
    """The chain behind one line of the brief, each report's independence and the count of independent sources."""
    spans: dict[str, list[Evidence]] = {}
    for ev in evidence:
        spans.setdefault(ev.report, []).append(ev)
    ids = [r for r in sourcing.order if r in reports] + [r for r in reports if r not in sourcing.order]
    chain = [ChainLink(r, _cited(sourcing.upstream(r, spans.get(r, [])), r)) for r in ids]
    upstream = {link.report: [c for c in link.cites if c.kind != "anonymous"] for link in chain}
    decided: dict[str, tuple[str, str, str]] = {}  # report -> (rank, key, rule)
    for r in sorted(ids, key=lambda r: r in sourcing.copy_of or r in sourcing.derived or not sourcing.outlets.get(r)):
        decided[r] = _line_rule(sourcing, r, upstream[r], decided)
    counted: dict[str, str] = {}
    for r in sorted(ids, key=lambda r: (_RANK[decided[r][0]], ids.index(r))):
        counted.setdefault(decided[r][1], r)
    independence = [Independence(r, counted[decided[r][1]] == r, decided[r][2], _key_label(sourcing, decided[r][1]))
                    for r in ids]
    return chain, independence, len(counted)


def attach_support(sourcing: Sourcing, disagreements: list[Disagreement]) -> None:
    """Give every position of these disagreements its chain and each report's independence."""
    for d in disagreements:
        for p in d.positions:
            p.chain, p.independence, _ = line_support(sourcing, p.reports, p.evidence)


def _cited(cites: list[SourceCite], report: str) -> list[CitedSource]:
    """Cites merged by source name, each with the spans of its cue words."""
    merged: dict[str, CitedSource] = {}
    for c in cites:
        found = merged.setdefault(c.name, CitedSource(c.name, c.kind, c.role))
        found.evidence.append(Evidence(report, c.start, c.end))
        if c.role == "origin":
            found.role = "origin"
    return list(merged.values())


def _line_rule(
    sourcing: Sourcing, r: str, cites: list[CitedSource], decided: dict[str, tuple[str, str, str]]
) -> tuple[str, str, str]:
    """(rank, counting key, rule) of one report for one line; copies and unattributed reports come after the others.

    An unattributed report that gives no source for a line others trace to a named upstream source is
    counted with that source.
    """
    original = sourcing.copy_of.get(r)
    if original in sourcing.labels:
        root = sourcing.roots.get(r, original)
        key = decided[root][1] if root in decided else _cites_key(sourcing, cites) or f"report:{root}"
        return "copy", key, f"copy of {sourcing.labels[original]}"
    if cites:
        source = _counting_source(cites)
        return "cites", _cites_key(sourcing, cites) or "", f"cites {source.name}, counted once"
    if r in sourcing.derived:
        src, share = sourcing.derived[r]
        key = decided[src][1] if src in decided else f"report:{sourcing.roots.get(src, src)}"
        return "derived", key, _derived_rule(sourcing, src, share)
    if not sourcing.outlets.get(r):
        named = next(((o, k) for o, (rank, k, _) in decided.items() if rank == "cites"), None)
        if named:
            source = _key_label(sourcing, named[1])
            return ("derived", named[1], f"unknown outlet, no source given; {sourcing.labels[named[0]]} cites "
                    f"{source} for it, counted once")
        return "unknown", f"report:{r}", "unknown outlet, no sign of derivation"
    return "own", f"report:{sourcing.roots.get(r, r)}", "own reporting"


def _counting_source(cites: list[CitedSource]) -> CitedSource:
    """The source a line rests on: where the words were first said when named, else who passed them on."""
    return next((c for c in cites if c.role == "origin"), cites[0])


def _cites_key(sourcing: Sourcing, cites: list[CitedSource]) -> str | None:
    """The counting key of cited sources: a report of the story when its outlet is cited, else the source's name."""
    if not cites:
        return None
    source = _counting_source(cites)
    cited_report = sourcing.outlet_report(source.name)
    if cited_report is not None:
        return f"report:{sourcing.roots.get(cited_report, cited_report)}"
    return f"source:{norm(source.name)}:{source.name}"


def _key_label(sourcing: Sourcing, key: str) -> str:
    """The name of the independent source a counting key stands for."""
    if key.startswith("report:"):
        return sourcing.labels.get(key[7:], key[7:])
    return key.split(":", 2)[-1]
