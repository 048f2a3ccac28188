"""What the Markdown and HTML renderers share: report names, numbered evidence and marked-up texts."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsloom.model import Brief, BriefReport, ChainLink, Evidence, Independence, InputStatus, StoryBrief

UNATTRIBUTED = "unattributed"


def evidence_text(story: StoryBrief, ev: Evidence) -> str:
    """Return the exact text an evidence span points at ("" when its report is not in the story)."""
    for report in story.reports:
        if report.id == ev.report:
            return part_text(report, ev.part)[ev.start:ev.end]
    return ""


def part_text(report: BriefReport, part: str) -> str:
    """The text an evidence span of a report indexes: its clean text, or its headline for part "title"."""
    return (report.title or "") if part == "title" else report.text


def report_names(reports: list[BriefReport]) -> dict[str, str]:
    """Name each report by its outlet (else "unattributed" and its web site, source file or id), numbering repeats."""
    base = {r.id: r.outlet or f"{UNATTRIBUTED} ({_site(r.url) or r.source.rsplit('/', 1)[-1] or r.id})"
            for r in reports}
    counts: dict[str, int] = {}
    for name in base.values():
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    names = {}
    for rid, name in base.items():
        if counts[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} ({seen[name]})"
        names[rid] = name
    return names


def _site(url: str | None) -> str:
    """The host of a URL without "www." ("" for none)."""
    host = urlsplit(url).hostname if url else None
    return (host or "").removeprefix("www.")


@dataclass(frozen=True)
class Ref:
    """A numbered evidence span: what a footnote or a link shows."""

    n: int
    anchor: str
    evidence: Evidence
    outlet: str
    text: str


@dataclass
class Piece:
    """A run of a report's text with the evidence spans covering it.

    `mark_id` is the anchor of a span starting here (on the run's `<mark>`); `anchors` are
    further spans starting here, rendered as empty anchors before it.
    """

    text: str
    refs: list[str] = field(default_factory=list)
    mark_id: str | None = None
    anchors: list[str] = field(default_factory=list)


def _piece(text: str, covering: list[str], starting: list[str]) -> Piece:
    mark_id = next((a for a in starting if a in covering), None)
    return Piece(text, covering, mark_id, [a for a in starting if a != mark_id])


class StoryView:
    """One story prepared for rendering: evidence numbered in reading order from `first`."""

    def __init__(self, story: StoryBrief, number: int, first: int = 1):
        self.story = story
        self.number = number
        self.first = first
        self.names = report_names(story.reports)
        self.tags = {r.id: f"R{i}" for i, r in enumerate(story.reports, 1)}
        self._refs: dict[Evidence, Ref] = {}
        for evidence in _evidence_in_reading_order(story):
            for ev in evidence:
                if ev not in self._refs:
                    n = first + len(self._refs)
                    name = self.names.get(ev.report, ev.report)
                    self._refs[ev] = Ref(n, f"ev{n}", ev, name, evidence_text(story, ev))

    @property
    def all_refs(self) -> list[Ref]:
        """Every evidence span of the story, in footnote order."""
        return list(self._refs.values())

    @property
    def next_number(self) -> int:
        """The number the next story's first evidence span takes."""
        return self.first + len(self._refs)

    def refs(self, evidence: Iterable[Evidence]) -> list[Ref]:
        """The numbered refs of these spans."""
        return [self._refs[ev] for ev in evidence]

    def disputes(self, ids: Iterable[str]) -> list[tuple[str, str, str]]:
        """(label, anchor, what about) of the disagreements with these ids: ("D1", "s1-d1", "when X spoke")."""
        about = {d.id: d.about for d in self.story.disagreements}
        return [(i.upper(), self.anchor(i), about[i]) for i in ids if i in about]

    def anchor(self, disagreement_id: str) -> str:
        """The page anchor of one of the story's disagreements."""
        return f"s{self.number}-{disagreement_id}"

    def outlets(self, report_ids: Iterable[str]) -> list[str]:
        """Names of these reports, in order, without repeats."""
        return list(dict.fromkeys(self.names.get(rid, rid) for rid in report_ids))

    def derivation(self, report: BriefReport) -> str:
        """"copy of X" / "rewrite of X" for a derived report, else ""."""
        if not report.copy_of:
            return ""
        return f"{report.copy_kind or 'copy'} of {self.names.get(report.copy_of, report.copy_of)}"

    @staticmethod
    def link(report: BriefReport) -> str | None:
        """The report's URL when it is safe to link (http or https), else None."""
        url = (report.url or "").strip()
        return url if url.lower().startswith(("http://", "https://")) else None

    def shared(self, report: BriefReport) -> tuple[list[Ref], list[Ref]]:
        """The numbered passages a copy shares with its source: (in the copy, in the source)."""
        refs = self.refs(report.copy_evidence)
        return [r for r in refs if r.evidence.report == report.id], [r for r in refs if r.evidence.report != report.id]

    def shared_label(self, report: BriefReport) -> str:
        """"18 shared passages, similarity 0.92": how much a copy shares with its source."""
        n = len(self.shared(report)[0])
        similarity = f", similarity {report.copy_similarity:.2f}" if report.copy_similarity is not None else ""
        return f"{n} shared passage{'' if n == 1 else 's'}{similarity}"

    def copies(self, report: BriefReport) -> list[str]:
        """Names of the reports that copy or rewrite this one."""
        return [self.names[r.id] for r in self.story.reports if r.copy_of == report.id]

    @property
    def independent_count(self) -> int:
        """How many reports count as independent sources of the story."""
        return self.story.independent_sources

    def report_rule(self, report: BriefReport) -> Independence | None:
        """Whether this report counts as an independent source of the story, and why (None when not recorded)."""
        return next((i for i in self.story.independence if i.report == report.id), None)

    @property
    def unattributed(self) -> list[BriefReport]:
        """Reports without a known outlet."""
        return [r for r in self.story.reports if not r.outlet]

    def chain_text(self, chain: list[ChainLink]) -> str:
        """"Forbes (citing The New York Times), unattributed (x.txt) (no source given)": who rests on what."""
        outlets = {r.id: r.outlet for r in self.story.reports}
        parts = []
        for link in chain:
            name = self.names.get(link.report, link.report)
            origins = [c.name for c in link.cites if c.role == "origin" and c.kind != "anonymous"]
            relays = [c.name for c in link.cites if c.role != "origin" and c.kind != "anonymous"]
            said = ", ".join(origins or relays) + (f" via {', '.join(relays)}" if origins and relays else "")
            if any(c.kind == "anonymous" for c in link.cites):
                said = ", ".join(x for x in (said, "an anonymous source") if x)
            if said:
                parts.append(f"{name} (citing {said})")
            else:
                parts.append(name if outlets.get(link.report) else f"{name} (no source given)")
        return ", ".join(parts)

    def independence_text(self, items: list[Independence]) -> str:
        """"Forbes counted as The New York Times (cites ...); x.txt not counted (...)": the rule behind each count."""
        def verdict(i: Independence, name: str) -> str:
            if not i.counted:
                return "not counted"
            return f"counted as {i.source}" if i.source and i.source != name else "counted"

        named = [(i, self.names.get(i.report, i.report)) for i in items]
        return "; ".join(f"{name} {verdict(i, name)} ({i.rule})" for i, name in named)

    @staticmethod
    def shows_sourcing(chain: list[ChainLink], independence: list[Independence]) -> bool:
        """True when a line rests on cited sources, counts fewer sources than reports, or counts an unattributed one."""
        return (any(link.cites for link in chain) or not all(i.counted for i in independence)
                or (len(independence) > 1 and any(i.rule != "own reporting" for i in independence)))

    def pieces(self, report: BriefReport, part: str = "text") -> list[Piece]:
        """Split a report's text (or its headline, part "title") at evidence boundaries: overlapping spans, separate runs."""
        text = part_text(report, part)
        spans = [(min(max(r.evidence.start, 0), len(text)), min(max(r.evidence.end, 0), len(text)), r.anchor)
                 for r in self._refs.values() if r.evidence.report == report.id and r.evidence.part == part]
        cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
        pieces = [_piece(text[a:b], [anc for s, e, anc in spans if s <= a and b <= e],
                         [anc for s, _, anc in spans if s == a]) for a, b in zip(cuts, cuts[1:])]
        tail = [anc for s, _, anc in spans if s == len(text)]
        if tail:
            pieces.append(_piece("", [], tail))
        return pieces


def story_views(brief: Brief) -> list[StoryView]:
    """Prepare every story, numbering evidence across the whole brief so footnotes never clash."""
    views: list[StoryView] = []
    for number, story in enumerate(brief.stories, 1):
        views.append(StoryView(story, number, views[-1].next_number if views else 1))
    return views


def input_counts(inputs: list[InputStatus]) -> dict[str, int]:
    """How many inputs are ok, skipped and failed."""
    return {status: sum(1 for i in inputs if i.status == status) for status in ("ok", "skipped", "failed")}


def _evidence_in_reading_order(story: StoryBrief) -> Iterable[list[Evidence]]:
    """Every evidence list of a story, in the order the brief shows them."""
    for report in story.reports:
        for notice in report.corrections:
            yield notice.evidence
    for line in story.summary:
        yield line.evidence
    for report in story.reports:
        yield report.published_evidence
        yield report.copy_evidence
    for quote in story.quotes:
        yield quote.evidence
        for variant in [*quote.variants, *quote.paraphrases]:
            yield variant.evidence
        for attribution in quote.attributions:
            yield attribution.evidence
        if quote.correction is not None:
            yield quote.correction.evidence
    for claim in story.claims:
        yield claim.evidence
    for disagreement in story.disagreements:
        for position in disagreement.positions:
            yield position.evidence
    for entry in story.timeline:
        yield entry.evidence
