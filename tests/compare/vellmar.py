"""Four invented reports of one event: two dated pages, two undated ones that date themselves, one correction."""
from newsloom.annotate import annotate
from newsloom.compare import analyze_story
from newsloom.model import Article, Story, StoryBrief

LEDGER = (
    "VELLMAR \u2013 The Vellmar Water Board said Sunday that the Brackwater reservoir plan matches its "
    "long-term goals, "
    "a shift that could reshape the valley\u2019s water supply.\n\n"
    "\u201cThe new council is quickly changing every water policy in the valley,\u201d Water Board chair Oona "
    "Strand told local radio on Sunday. \u201cThis largely matches our own plan.\u201d\n\n"
    "The council approved the reservoir budget on Friday.\n\n"
    "Farmers in the valley have long opposed the reservoir."
)
COASTLINE = (
    "The Vellmar Water Board\u2019s chair praised the Brackwater reservoir plan as \u201cmatch[ing]\u201d the "
    "board\u2019s goals in comments that aired Sunday.\n\n"
    "The new council \u201cis quickly changing every water policy in the valley,\u201d which \u201clargely matches our "
    "own plan,\u201d board chair Oona Strand told regional radio in comments that aired Sunday.\n\n"
    "Strand\u2019s comments were made Wednesday, the Tidewater Post reports, before the council approved the reservoir "
    "budget on Friday.\n\n"
    "CORRECTION (6/8): This article has been updated to clarify when Strand\u2019s comments were made."
)
NORTHFIELD = (
    "The Vellmar Water Board has praised the Brackwater reservoir plan, claiming on June 8 that it "
    "\u201cmatches\u201d its goals.\n\n"
    "\u201cThe new council is quickly changing every water policy in the valley. "
    "This largely matches our own plan,\u201d board chair Oona Strand said in comments published by regional radio.\n\n"
    "The council approved the reservoir budget on June 6."
)
COURIER = (
    "On Sunday, the Vellmar Water Board said the Brackwater reservoir plan closely matches its own goals.\n\n"
    "According to Oona Strand, the board chair, the new council is rapidly changing every water policy in the valley. "
    "She said, \u201cThis largely matches our own plan.\u201d\n\n"
    "Her comments, made earlier in the week, were only released to the public on Sunday, after the council vote.\n\n"
    "The council approved the reservoir budget on Friday."
)
REPORTS = {  # id: (outlet, published, text)
    "ledger": ("Harbor Ledger", "2025-06-08", LEDGER),
    "coastline": ("Coastline Daily", None, COASTLINE),
    "northfield": ("Northfield Wire", None, NORTHFIELD),
    "courier": ("Valley Courier", "2025-06-08", COURIER),
}


def vellmar_brief() -> StoryBrief:
    """The compared story of the four reports."""
    anns = [
        annotate(Article(report_id=rid, source=f"{rid}.txt", text=text, published=published, outlet=outlet))
        for rid, (outlet, published, text) in REPORTS.items()
    ]
    return analyze_story(Story(id="s-vellmar", report_ids=list(REPORTS)), anns)
