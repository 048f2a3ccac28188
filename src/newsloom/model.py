"""Data model shared by every stage: reports, articles, evidence spans, stories and the brief."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["ok", "skipped", "failed"]
ReportStage = Literal["stored", "extracted", "annotated", "skipped", "failed"]
DONE_STAGES: tuple[ReportStage, ...] = ("annotated", "skipped", "failed")  # a re-run leaves these alone
QuoteKind = Literal["direct", "partial", "indirect"]


_EVIDENCE_KEYS = {"report", "start", "end", "part"}


def _brief_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A dataclass's fields as the brief writes them: an evidence span of the body text carries no `part`."""
    out = dict(pairs)
    if out.get("part") == "text" and set(out) == _EVIDENCE_KEYS:
        del out["part"]
    return out


def brief_dict(obj: Any) -> dict[str, Any]:
    """A brief, a story's brief or one of its lines as JSON-ready data, in the brief's own form."""
    return asdict(obj, dict_factory=_brief_fields)


def content_hash(data: bytes) -> str:
    """Return the hex SHA-256 of raw input bytes."""
    return hashlib.sha256(data).hexdigest()


TextPart = Literal["text", "title"]


@dataclass(frozen=True)
class Evidence:
    """A character span `[start, end)` in the clean text of one report, or in its headline when `part` is "title"."""

    report: str
    start: int
    end: int
    part: TextPart = "text"

    def to_dict(self) -> dict[str, Any]:
        """Return the brief's `{report, start, end}` form (with `part: "title"` for a span of the headline)."""
        out: dict[str, Any] = {"report": self.report, "start": self.start, "end": self.end}
        if self.part != "text":
            out["part"] = self.part
        return out


@dataclass
class InputStatus:
    """What became of one input: ok, skipped or failed, with a reason."""

    source: str
    status: Status
    reason: str = ""


@dataclass(frozen=True)
class ReportState:
    """Where one stored report stands: stored, extracted, annotated, or skipped/failed with a reason."""

    report_id: str
    source: str
    state: ReportStage
    reason: str = ""


@dataclass
class Report:
    """One raw input document: its bytes, where it came from and what its container said of it."""

    id: str
    source: str
    raw: bytes
    media_type: str  # "html" | "text" | "json"; sniffed from the bytes, not the file name
    url: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)  # title/author/published/outlet from a feed or record
    content_hash: str = ""
    arrival: int = 0  # order of arrival within a run (for provenance when dates are missing)

    @classmethod
    def make(cls, source: str, raw: bytes, media_type: str, **kw: Any) -> "Report":
        """Build a report whose id derives from its content hash."""
        digest = content_hash(raw)
        return cls(id=digest[:16], source=source, raw=raw, media_type=media_type, content_hash=digest, **kw)


@dataclass
class Segment:
    """Maps `length` characters of clean text at `clean_start` to `source_start` in the decoded input."""

    clean_start: int
    source_start: int
    length: int


@dataclass
class Article:
    """Clean body text of one report with its metadata."""

    report_id: str
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None
    segments: list[Segment] = field(default_factory=list)  # clean->input offsets (plain-text inputs)

    def to_source_offset(self, pos: int) -> int | None:
        """Map a clean-text offset to the decoded input's offset, when the input was plain text."""
        for seg in self.segments:
            if seg.clean_start <= pos <= seg.clean_start + seg.length:
                return seg.source_start + (pos - seg.clean_start)
        return None


@dataclass
class Mention:
    """A named-entity mention in one article, with its canonical name once resolved."""

    text: str
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...
    canonical: str = ""


@dataclass
class DateMention:
    """A date expression resolved against the article's publication date."""

    text: str
    start: int
    end: int
    value: str | None  # ISO date, None when unresolvable


SPEAKER_THRESHOLD = 0.5  # below this confidence a quote's speaker is shown unattributed: brief, `quotes`, search


@dataclass
class Quote:
    """A quotation (direct, partial) or indirect speech, with its cue and speaker mention."""

    report_id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str = ""
    speaker: str | None = None  # resolved canonical name, None when unknown
    speaker_start: int | None = None
    speaker_end: int | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    basis: str = ""  # how the speaker was found: cue, verb, role, description, pronoun, carried, none ("" = not recorded)
    confidence: float | None = None  # how sure that attribution is, 0..1 (None = not recorded)
    speaker_role: str | None = None  # title, role or description written with the speaker ("Kremlin spokesman")
    doubt: str = ""  # why the speaker is less sure than its basis, or why nobody is named ("“she” could be A or B")
    part: TextPart = "text"  # "title": start/end index the headline (speaker_start/end still index the body)

    @property
    def shown_speaker(self) -> str | None:
        """The speaker as the brief shows it: none below the confidence threshold (kept in `speaker` as found)."""
        if self.speaker is None or (self.confidence is not None and self.confidence < SPEAKER_THRESHOLD):
            return None
        return self.speaker


@dataclass
class Claim:
    """A check-worthy statement of one report: a sentence or attributed statement."""

    report_id: str
    text: str
    start: int
    end: int
    speaker: str | None = None  # who the claim is attributed to, None for the outlet's own voice
    entities: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    facets: list[tuple[int, int]] = field(default_factory=list)  # clauses stating a claim of their own
    vectors: bytes | None = None  # float16 sentence embeddings of the claim, then of each facet

    def views(self, text: str) -> list[tuple[int, int, str]]:
        """The whole claim and each facet as (start, end, text), `text` being the article's clean text."""
        return [(self.start, self.end, self.text)] + [(s, e, " ".join(text[s:e].split())) for s, e in self.facets]


@dataclass
class SourceCite:
    """An upstream source one sentence cites (", Reuters reported"), with the cue's span in the clean text.

    `kind` is agency, outlet, official, state media or anonymous; `role` is "relay" when the source passed
    the words on ("as translated by AFP") and "origin" when they were first said or obtained there ("told CNN").
    """

    name: str  # canonical name ("The New York Times", "state media")
    kind: str
    role: str
    cue: str  # the cue words as matched ("reports", "according to", "told")
    start: int
    end: int
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class Correction:
    """A correction, update, clarification or editor's note printed in a report, with the date it gives."""

    kind: str  # correction | update | clarification | editor's note
    text: str
    start: int
    end: int
    date_text: str = ""  # the notice's date as written ("3/2", "March 3, 2025"), "" when it gives none
    date: str | None = None  # that date as an ISO date, None until its year is known


@dataclass
class Annotated:
    """An article with everything the annotate stage found in it."""

    article: Article
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    sources: list[SourceCite] = field(default_factory=list)

    @property
    def body_quotes(self) -> list[Quote]:
        """The quotes of the article's text (not of its headline): their offsets index `article.text`."""
        return [q for q in self.quotes if q.part == "text"]

    @property
    def report_id(self) -> str:
        """Id of the report this article came from."""
        return self.article.report_id


@dataclass
class CopyEdge:
    """`copy` was derived from `original` (verbatim copy or rewrite), with the shared passages."""

    copy: str
    original: str
    kind: Literal["copy", "rewrite"]
    similarity: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Story:
    """Reports grouped as covering one event, with who copied whom."""

    id: str
    report_ids: list[str]
    edges: list[CopyEdge] = field(default_factory=list)

    def copy_of(self, report_id: str) -> str | None:
        """Return the report this one copies, if any."""
        for edge in self.edges:
            if edge.copy == report_id:
                return edge.original
        return None

    def independence_groups(self) -> dict[str, str]:
        """Map each report to the root original it derives from (copies count once)."""
        parent = {e.copy: e.original for e in self.edges}
        roots: dict[str, str] = {}
        for rid in self.report_ids:
            seen, cur = {rid}, rid
            while cur in parent and parent[cur] not in seen:
                cur = parent[cur]
                seen.add(cur)
            roots[rid] = cur
        return roots


# ---- the brief (analysis of one story) ----


@dataclass
class Line:
    """A sentence of the brief with the evidence behind it."""

    text: str
    evidence: list[Evidence] = field(default_factory=list)
    disputed_by: list[str] = field(default_factory=list)  # ids of the disagreements that contradict it


@dataclass
class Notice:
    """A correction or update a report prints, as the brief shows it."""

    kind: str
    date: str | None
    text: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class BriefReport:
    """A report as listed in a story's brief."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    text: str
    copy_of: str | None = None
    copy_kind: str | None = None
    copy_similarity: float | None = None
    copy_evidence: list[Evidence] = field(default_factory=list)  # shared passages, in this report then the source
    published_inferred: bool = False  # True when `published` is read from the text, not stated by the page
    published_evidence: list[Evidence] = field(default_factory=list)  # the words an inferred date is read from
    corrections: list[Notice] = field(default_factory=list)


@dataclass
class Variant:
    """One wording of a quote and the reports that carry it."""

    text: str
    reports: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Attribution:
    """How some reports attribute a quote: one speaker on one basis, with the speaker mentions as written."""

    speaker: str | None
    basis: str  # cue, verb, role, description, pronoun, carried, none
    reports: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    accepted: bool = True  # False when the quote group's speaker overrules it


@dataclass
class SpeakerFix:
    """A person's fix of who said one quote: the quote by report, span and words; speaker None = unattributed."""

    report_id: str
    start: int
    end: int
    quote: str
    speaker: str | None
    by: str = ""
    at: str = ""  # when the fix was made, ISO 8601 UTC
    note: str = ""
    previous: str | None = None  # the quote's speaker in its report when the fix was made


@dataclass
class SpeakerCorrection:
    """A fix applied to a quote group: the speaker a person gave and the one the reports gave."""

    speaker: str | None
    was: str | None  # the speaker the reports gave (None: unattributed)
    by: str
    at: str
    note: str = ""
    evidence: list[Evidence] = field(default_factory=list)  # the fixed quote in its report


@dataclass
class QuoteGroup:
    """The same quote across reports, with each wording."""

    speaker: str | None
    text: str
    reports: list[str]
    variants: list[Variant]
    evidence: list[Evidence]
    kind: str = "direct"
    paraphrases: list[Variant] = field(default_factory=list)
    speaker_basis: str = ""  # explicit, agreed, role, description, pronoun, carried or unattributed
    attribution: str = ""  # the rule that decided the speaker, in words ("explicit in 3 reports")
    confidence: float | None = None  # how sure the speaker is, 0..1
    attributions: list[Attribution] = field(default_factory=list)
    correction: SpeakerCorrection | None = None  # set when a person fixed the speaker


@dataclass
class CitedSource:
    """An upstream source a report cites for a line of the brief, with the cue's words as evidence."""

    name: str
    kind: str  # agency, outlet, official, state media, anonymous
    role: str  # relay (passed the words on) or origin (where they were first said)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ChainLink:
    """One report's support for a line: the sources it cites there (none: its own words)."""

    report: str
    cites: list[CitedSource] = field(default_factory=list)


@dataclass
class Independence:
    """Whether one report counts as an independent source, and the rule that decided it."""

    report: str
    counted: bool
    rule: str  # "own reporting", "copy of X", "cites X, counted once", "unknown outlet, no sign of derivation", ...
    source: str = ""  # the independent source it is counted under


@dataclass
class ClaimGroup:
    """The same claim across reports, with its count of independent sources."""

    text: str
    reports: list[str]
    independent_reports: int
    evidence: list[Evidence]
    speaker: str | None = None
    disputed_by: list[str] = field(default_factory=list)  # ids of the disagreements that contradict it
    chain: list[ChainLink] = field(default_factory=list)  # each report and the sources it cites for the claim
    independence: list[Independence] = field(default_factory=list)  # each report counted or not, and why
    speaker_basis: str = ""  # the basis of the speaker's quote line (explicit, agreed, pronoun, ..., unattributed); "" = outlet's voice
    attribution: str = ""  # the rule that decided the speaker, in words
    speaker_confidence: float | None = None  # how sure the speaker is, 0..1
    speaker_evidence: list[Evidence] = field(default_factory=list)  # the speaker as written


@dataclass
class Position:
    """One side of a disagreement."""

    text: str
    reports: list[str]
    evidence: list[Evidence]
    date: str | None = None  # the day a side of a date disagreement names (ISO), or FIRST..LAST for a vague time
    chain: list[ChainLink] = field(default_factory=list)
    independence: list[Independence] = field(default_factory=list)


@dataclass
class Disagreement:
    """Reports that conflict about one thing, side by side."""

    about: str
    positions: list[Position]
    id: str = ""  # "d1", "d2", ... in the story's order, for claims and lines that it disputes
    kind: str = ""  # date, number, wording or speaker


@dataclass
class TimelineEntry:
    """A dated event of the story."""

    date: str
    text: str
    reports: list[str]
    evidence: list[Evidence]
    kind: str = "event"  # event, or correction for a report's dated correction or update notice
    disputed_by: list[str] = field(default_factory=list)  # ids of the disagreements that contradict it


@dataclass
class EntitySummary:
    """An entity of the story with its aliases and the reports naming it."""

    name: str
    type: str
    aliases: list[str]
    reports: list[str]


@dataclass
class Framing:
    """How one report frames the story."""

    report: str
    loaded_words: list[str] = field(default_factory=list)
    voices: list[str] = field(default_factory=list)
    unique_claims: list[str] = field(default_factory=list)
    omitted_claims: list[str] = field(default_factory=list)
    tone: dict[str, float] = field(default_factory=dict)


@dataclass
class StoryBrief:
    """Everything the brief says about one story."""

    id: str
    headline: str
    summary: list[Line]
    reports: list[BriefReport]
    quotes: list[QuoteGroup] = field(default_factory=list)
    claims: list[ClaimGroup] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    entities: list[EntitySummary] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    independence: list[Independence] = field(default_factory=list)  # each report of the story, counted or not
    stale_fixes: list[SpeakerFix] = field(default_factory=list)  # speaker fixes whose quote is no longer found

    @property
    def independent_sources(self) -> int:
        """How many reports count as independent sources (without an independence list: those copying nothing)."""
        if self.independence:
            return sum(1 for i in self.independence if i.counted)
        ids = {r.id for r in self.reports}
        return sum(1 for r in self.reports if r.copy_of not in ids)


SCHEMA_ID = "newsloom.brief/1"


@dataclass
class Brief:
    """The sourced brief of a run: every input's fate and every story's analysis."""

    inputs: list[InputStatus]
    stories: list[StoryBrief]
    schema: str = SCHEMA_ID

    def to_dict(self) -> dict[str, Any]:
        """Return the brief as plain JSON-ready data."""
        return brief_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise the brief to JSON (schema `newsloom.brief/1`)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


@dataclass(frozen=True)
class FeedState:
    """What the last poll of one watched URL left: its validators for a conditional GET and how it went."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled_at: str | None = None  # ISO 8601 UTC
    status: int | None = None  # the HTTP status of the last answer (None: no answer)
    reason: str = ""


@dataclass(frozen=True)
class StoryUpdate:
    """One thing that changed in a story's brief: a new outlet, wording, position, stronger claim or correction."""

    story_id: str
    kind: str  # story, outlet, wording, disagreement, position, support, correction
    text: str
    reports: list[str]
    at: str  # ISO 8601 UTC, when it was recorded
    seq: int = 0  # its number in the store (0 until stored)
