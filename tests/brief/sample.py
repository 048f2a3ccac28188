"""A hand-built brief of an invented event: two reports (one a rewrite of the other), every section filled."""
from __future__ import annotations

from newsloom.model import (Brief, BriefReport, ClaimGroup, Disagreement, EntitySummary, Evidence, Framing,
                            InputStatus, Line, Position, QuoteGroup, StoryBrief, TimelineEntry, Variant)

COURIER_TEXT = (
    "MARROW CREEK — The Harlan Street bridge was closed on Tuesday after inspectors found cracks "
    "in two of its support beams, city officials said.\n\n"
    "“We will not reopen the bridge until every beam has been replaced,” Mayor Elena Vasquez told "
    "reporters on Tuesday evening. She said the repairs would cost about $4 million.\n\n"
    "About 12,000 vehicles cross the bridge each day. The closure is expected to last six months, "
    "according to the city's public works department."
)
DAILY_TEXT = (
    "The Harlan Street bridge in Marrow Creek has been shut after cracks were found in its support beams.\n\n"
    "“We won't reopen the bridge until every beam is replaced,” said Mayor Vasquez, adding that the "
    "repairs would cost about $4 million.\n\n"
    "Officials said the closure could last as long as a year. Commuters were told to use the Route 9 detour."
    "\n\n<script>alert('pwned')</script> Share this article"
)
COURIER, DAILY = "c0ur1er", "da1ly"


def span(report: str, phrase: str) -> Evidence:
    """Evidence for the first occurrence of `phrase` in a report's text."""
    text = COURIER_TEXT if report == COURIER else DAILY_TEXT
    start = text.index(phrase)
    return Evidence(report, start, start + len(phrase))


QUOTE_A = "We will not reopen the bridge until every beam has been replaced"
QUOTE_B = "We won't reopen the bridge until every beam is replaced"
SIX_MONTHS = "The closure is expected to last six months"
A_YEAR = "Officials said the closure could last as long as a year"
COST = "She said the repairs would cost about $4 million"
REWRITTEN = "The Harlan Street bridge in Marrow Creek has been shut after cracks were found in its support beams."
REWRITTEN_FROM = ("The Harlan Street bridge was closed on Tuesday after inspectors found cracks "
                  "in two of its support beams, city officials said.")


def make_brief() -> Brief:
    """Build the sample brief."""
    reports = [
        BriefReport(id=COURIER, source="inputs/courier.html", outlet="Valley Courier",
                    title="Harlan Street bridge closed after cracks found", author="Dana Whitfield",
                    published="2031-05-06", url="https://valley-courier.example/bridge", text=COURIER_TEXT),
        BriefReport(id=DAILY, source="inputs/daily.html", outlet="Riverside Daily",
                    title="Bridge shut <b>indefinitely</b>", author=None, published="2031-05-07",
                    url="javascript:alert(1)", text=DAILY_TEXT, copy_of=COURIER, copy_kind="rewrite",
                    copy_similarity=0.61, copy_evidence=[span(DAILY, REWRITTEN), span(COURIER, REWRITTEN_FROM)]),
    ]
    story = StoryBrief(
        id="story-1",
        headline="Marrow Creek closes Harlan Street bridge over cracked beams",
        summary=[
            Line("The Harlan Street bridge in Marrow Creek was closed after inspectors found cracked support beams.",
                 [span(COURIER, "The Harlan Street bridge was closed on Tuesday after inspectors found cracks"),
                  span(DAILY, "The Harlan Street bridge in Marrow Creek has been shut")]),
            Line("Repairs are put at about $4 million.", [span(COURIER, COST)]),
        ],
        reports=reports,
        quotes=[QuoteGroup(
            speaker="Elena Vasquez", text=QUOTE_A, reports=[COURIER, DAILY],
            variants=[Variant(QUOTE_A, [COURIER], [span(COURIER, QUOTE_A)]),
                      Variant(QUOTE_B, [DAILY], [span(DAILY, QUOTE_B)])],
            evidence=[span(COURIER, QUOTE_A), span(DAILY, QUOTE_B)], kind="direct",
            paraphrases=[Variant("the repairs would cost about $4 million", [COURIER],
                                 [span(COURIER, "repairs would cost about $4 million")])])],
        claims=[ClaimGroup("Repairs to the bridge will cost about $4 million.", [COURIER, DAILY], 1,
                           [span(COURIER, "the repairs would cost about $4 million"),
                            span(DAILY, "repairs would cost about $4 million")], speaker="Elena Vasquez")],
        disagreements=[Disagreement("How long the bridge stays closed", [
            Position("six months", [COURIER], [span(COURIER, SIX_MONTHS)]),
            Position("up to a year", [DAILY], [span(DAILY, A_YEAR)])])],
        timeline=[TimelineEntry("2031-05-06", "Bridge closed after inspectors find cracks", [COURIER, DAILY],
                                [span(COURIER, "closed on Tuesday")])],
        entities=[EntitySummary("Elena Vasquez", "PERSON", ["Mayor Vasquez", "Vasquez"], [COURIER, DAILY]),
                  EntitySummary("Marrow Creek", "GPE", [], [COURIER, DAILY])],
        framing=[Framing(COURIER, voices=["Elena Vasquez", "public works department"],
                         unique_claims=["About 12,000 vehicles cross the bridge each day."], tone={"negative": 0.12}),
                 Framing(DAILY, loaded_words=["shut"], unique_claims=["Commuters were told to use the Route 9 detour."],
                         omitted_claims=["About 12,000 vehicles cross the bridge each day."])],
    )
    inputs = [InputStatus("inputs/courier.html", "ok"), InputStatus("inputs/daily.html", "ok"),
              InputStatus("inputs/scan.pdf", "skipped", "unsupported media type: application/pdf"),
              InputStatus("inputs/wall.html", "failed", "no article text found: page is a cookie wall")]
    return Brief(inputs=inputs, stories=[story])
