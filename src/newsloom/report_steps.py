"""One report through the document steps, as a worker runs it: extract (and annotate), warm-ups, the result.

Workers import this module, not the pipeline: it needs no store, reader or executor.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

from newsloom.model import Annotated, Article, InputStatus, Report, ReportStage


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
    from newsloom.annotate import annotate

    extracted = extract_report(report)
    if extracted.article is None:
        return extracted
    try:
        ann = annotate(extracted.article, vectors=False)  # claim embeddings are computed in batches by the pipeline
    except Exception as exc:
        reason = f"annotation error: {type(exc).__name__}: {exc}"
        return ReportResult(InputStatus(report.source, "failed", reason), report_id=report.id)
    return ReportResult(InputStatus(report.source, "ok"), ann, report.id, ann.article)


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
