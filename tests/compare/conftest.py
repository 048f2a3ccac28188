"""Three hand-written reports of one event, annotated once, for the compare tests."""
import pytest

from newsloom.annotate import annotate
from newsloom.model import Article, CopyEdge, Evidence, Story

WIRE = (
    "The Calderra city council voted 7-2 on Tuesday to approve a new ferry terminal at the old harbour.\n\n"
    "\u201cThis agreement fully matches our expectations,\u201d Mayor Ilse Varga told reporters on Wednesday. "
    "\u201cThe harbour will be busy again.\u201d\n\n"
    "The terminal will employ 1,200 workers, officials said."
)
COPY = (
    "The Calderra city council voted 7-2 on Tuesday to approve a new ferry terminal at the old harbour.\n\n"
    "\u201cThis agreement fully matches our expectations,\u201d Mayor Ilse Varga told reporters on Wednesday. "
    "\u201cThe harbour will be busy again.\u201d\n\n"
    "The terminal will employ 1,200 workers, officials said."
)
OTHER = (
    "Calderra's council backed the harbour ferry terminal by a 7-2 vote on Tuesday after months of debate.\n\n"
    "Mayor Ilse Varga said on Sunday that the deal \u201cfully corresponds to our expectations.\u201d\n\n"
    "The terminal is expected to employ 1,500 workers, according to the port authority.\n\n"
    "Fishermen protested outside the council chamber during the vote."
)


@pytest.fixture(scope="session")
def story_anns():
    """Annotated reports: a wire story, a verbatim copy of it, and an independent report (all published Sunday)."""
    texts = {"wire": WIRE, "copy": COPY, "other": OTHER}
    return [
        annotate(Article(report_id=rid, source=f"{rid}.txt", text=t, published="2025-05-18", outlet=rid.title()))
        for rid, t in texts.items()
    ]


@pytest.fixture(scope="session")
def story():
    """The story with the copy edge the stories stage would find."""
    return Story(id="s-test", report_ids=["wire", "copy", "other"],
                 edges=[CopyEdge(copy="copy", original="wire", kind="copy", similarity=1.0,
                                 evidence=[Evidence("copy", 0, 40), Evidence("wire", 0, 40)])])
