"""Correction, update and editor's notes: found with their dates and spans, and never taken for claims."""
import pytest

from newsloom.annotate import annotate
from newsloom.annotate.corrections import find_corrections
from newsloom.model import Article

NOTICE = "CORRECTION (6/8): This story has been updated to clarify when Strand\u2019s remarks were recorded."
TEXT = (
    "The Vellmar water board endorsed the Brackwater reservoir plan in an interview that aired Sunday.\n\n"
    "Board chair Oona Strand said the plan would double the town\u2019s storage by 2031.\n\n"
    f"{NOTICE}\n\n"
    "Further reading"
)


@pytest.fixture(scope="module")
def ann():
    return annotate(Article(report_id="r", source="r.txt", text=TEXT), vectors=False)


def test_correction_notice_is_found_with_its_date_and_span(ann):
    [notice] = ann.corrections
    assert notice.kind == "correction"
    assert notice.text == NOTICE == TEXT[notice.start : notice.end]
    assert notice.date_text == "6/8"
    assert notice.date is None  # an undated page: the year comes from the story


def test_correction_notice_is_not_a_claim(ann):
    assert not any("clarify" in c.text for c in ann.claims)
    assert any("double the town" in c.text for c in ann.claims)


@pytest.mark.parametrize("line, kind, date", [
    ("Updated June 9, 2025 at 8:10 am", "update", "2025-06-09"),
    ("Editor\u2019s note: An earlier version misnamed the reservoir.", "editor's note", None),
    ("Clarification (June 9): The vote was advisory.", "clarification", "2025-06-09"),
    ("An earlier version of this article gave the wrong storage figure.", "correction", None),
    ("This article has been updated with a response from the board.", "update", None),
])
def test_kinds_of_notice(line, kind, date):
    [notice] = find_corrections(f"Board members met.\n{line}\nMore text.", "2025-06-08")
    assert (notice.kind, notice.date) == (kind, date)


@pytest.mark.parametrize("line", [
    "Corrections officers at the county jail said the reservoir plan was fine.",
    "Update-to-date gauges were installed.",
    "The board updated its forecast on Monday.",
])
def test_ordinary_lines_are_not_notices(line):
    assert find_corrections(line, "2025-06-08") == []


def test_rest_of_a_quotation_is_not_a_claim():
    text = ("Strand spoke to the Vellmar Gazette on Monday.\n\n"
            "\u201cHer motto is patience. It means, as anyone can tell, a slower way of building dams.\u201d\n\n"
            "The board approved the Brackwater reservoir plan on Tuesday.")
    ann = annotate(Article(report_id="q", source="q.txt", text=text, published="2025-06-08"), vectors=False)
    assert not any(c.text.startswith("It means") for c in ann.claims)
    assert any("approved the Brackwater reservoir plan" in c.text for c in ann.claims)
