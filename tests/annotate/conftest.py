"""Shared fixtures for annotate tests: one parse of a hand-written report."""
import pytest

from newsloom.annotate import annotate
from newsloom.model import Article

REPORT = (
    "HARBORVILLE – The city council approved the new ferry terminal on Tuesday, ending a two-year dispute.\n\n"
    "\u201cThis terminal will change how the whole region travels,\u201d Mayor Ilse Varga told reporters on Wednesday. "
    "\u201cWe waited long enough.\u201d\n\n"
    "Varga said the first ferries would sail in June.\n\n"
    "\u201cThere is still a lot of work ahead,\u201d she said. \u201cBut the money is finally in place.\u201d\n\n"
    "Council spokeswoman Dana Okafor called the vote \u201chistoric\u201d and said the council had listened to residents.\n\n"
    "\u201cWe heard every objection and answered each one,\u201d the spokeswoman said.\n\n"
    "\u201cThe contract is a gift to the builders,\u201d said Tomas Reyes, a 41-year-old fisherman who opposed the plan.\n\n"
    "\u201cThe numbers were never checked by anyone outside the council,\u201d a senior port official told the Courier.\n\n"
    "The harbour authority said in a statement that dredging would start next month.\n\n"
    "\u201cThe first phase will cost less than planned. We found savings in the steel contracts.\n\n"
    "\u201cThe second phase depends on the state grant,\u201d Okafor added.\n\n"
    "Last Friday, protesters gathered outside city hall."
)


@pytest.fixture(scope="session")
def report_text() -> str:
    """The hand-written report."""
    return REPORT


@pytest.fixture(scope="session")
def annotated():
    """The report annotated once for all tests (published on a Thursday)."""
    return annotate(Article(report_id="r1", source="fixture.txt", text=REPORT, published="2025-05-15"))
