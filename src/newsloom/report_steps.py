"""One report through the document steps, as a worker runs it: extract (and annotate), warm-ups, the result.

Workers import this module, not the pipeline: it needs no store, reader or executor.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

from newsloom.batching import Batched
from newsloom.model import Annotated, Article, InputStatus, Report, ReportStage

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class ReportResult:
    """What processing one report gave: its annotated article, or why there is none."""

    status: InputStatus
    annotated: Annotated | None = None
    report_id: str = ""
    article: Article | None = None  # the extracted article (also `annotated.article` when annotated)

    @property
    def stage(self) -> ReportStage:
        """The report's state once this result is stored."""
        return "annotated" if self.annotated is not None else self.status.status  # type: ignore[return-value]


def extract_report(report: Report) -> ReportResult:
    """Extract one report's article without annotating it; any failure becomes a status with its reason."""
    from newsloom.extract import ExtractionError, extract_article

    rid, source = report.id, report.source
    try:
        article = extract_article(report)
    except ExtractionError as exc:
        return ReportResult(InputStatus(source, "skipped", f"no article text: {exc}"), report_id=rid)
    except Exception as exc:  # a broken document must not stop the run
        reason = f"extraction error: {type(exc).__name__}: {exc}"
        return ReportResult(InputStatus(source, "failed", reason), report_id=rid)
    return ReportResult(InputStatus(source, "ok"), report_id=rid, article=article)


def process_report(report: Report) -> ReportResult:
    """Extract and annotate one report; any failure becomes a status with its reason."""
    extracted = extract_report(report)
    return extracted if extracted.article is None else _annotated(report, extracted.article)


def process_reports(reports: list[Report]) -> Iterator[ReportResult]:
    """Extract and annotate several reports, their texts parsed together; each result is the one `process_report` gives.

    Should parsing them together fail, each text is parsed alone, so a failure stays its own report's.
    """
    from newsloom.annotate.nlp import parse_many

    extracted = [extract_report(report) for report in reports]
    articles = [e.article for e in extracted if e.article is not None]
    try:
        docs: Iterator[Doc | None] = iter(parse_many([a.text for a in articles]))
    except Exception:  # noqa: BLE001 - each text is parsed alone below
        docs = repeat(None)
    for report, result in zip(reports, extracted):
        yield result if result.article is None else _annotated(report, result.article, next(docs))


def _annotated(report: Report, article: Article, doc: Doc | None = None) -> ReportResult:
    """Annotate an extracted article (its text parsed here unless `doc` is given); a failure becomes a status."""
    from newsloom.annotate import annotate

    try:
        ann = annotate(article, vectors=False, doc=doc)  # claims are embedded at compare time, by story
    except Exception as exc:
        reason = f"annotation error: {type(exc).__name__}: {exc}"
        return ReportResult(InputStatus(report.source, "failed", reason), report_id=report.id)
    return ReportResult(InputStatus(report.source, "ok"), ann, report.id, ann.article)


def runs_alone(report: Report) -> bool:
    """Whether a report is big enough that its parse may near the time limit: it then never holds up a batch."""
    return len(report.raw) > (HTML_ALONE_BYTES if report.media_type == "html" else TEXT_ALONE_BYTES)


HTML_ALONE_BYTES = 2 * 2**20  # a page's text is a small part of its HTML
TEXT_ALONE_BYTES = 2**17  # about 128,000 characters: several seconds of parse
ANNOTATE = Batched(process_report, process_reports, size=8, alone=runs_alone)  # extract and annotate, in batches


def over_limit(report: Report, reason: str) -> ReportResult:
    """The result of a report whose worker was stopped (over a limit, or died) before it finished."""
    return ReportResult(InputStatus(report.source, "failed", reason), report_id=report.id)


def warm_worker() -> None:
    """Load the NLP model in a worker before it is given documents (not counted against their limits)."""
    from newsloom.annotate.nlp import load_nlp

    load_nlp()


def warm_parser() -> None:
    """Load the NLP model in a worker that only parses (no claim embeddings): spaCy then runs without torch.

    spaCy's thinc imports torch whenever it is installed (about 2 s and 190 MB per worker); marking it
    absent, as Python's import system allows, makes thinc run as it does where torch is not installed.
    """
    sys.modules.setdefault("torch", None)  # type: ignore[arg-type]
    warm_worker()


def warm_extractor() -> None:
    """Import the extractors and map the language model in a worker before it is given documents; no NLP model."""
    from newsloom.extract.langmodel import load_identifier

    load_identifier()
