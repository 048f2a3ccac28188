"""Invented reports of one flood: a wire story, outlets citing it and each other, unattributed rewrites."""
import re

from newsloom.annotate.sources import find_sources
from newsloom.model import Annotated, Article, CopyEdge, Evidence, Story

SPILLWAY = "The Veloren dam spillway was opened on Thursday after three days of heavy rain"
SANDBAGS = "Shop owners in Kessby piled sandbags along the river front"

REPORTS = {
    "wire": ("Northwire", f"{SPILLWAY}. About 400 residents of Kessby slept in a school gym. "
                          "Engineers will inspect the dam wall on Saturday."),
    "gazette": ("Harbor Gazette", f"{SPILLWAY}, Northwire reported. {SANDBAGS}. "
                                  "Mayor Tilda Brann said the town was ready."),
    "courier": ("Lakeside Courier", f"{SPILLWAY}, according to Northwire. {SANDBAGS}, the Harbor Gazette reported. "
                                    "Fishing on the lake is banned."),
    "blog": (None, f"{SPILLWAY}. {SANDBAGS}. Nobody knows when the water will fall."),
    "rewrite": (None, f"{SANDBAGS}. Mayor Tilda Brann said the town was ready."),
    "pinecrest": ("Pinecrest Times", f"{SPILLWAY}, Reuters reported. {SANDBAGS}, Reuters said."),
    "valley": ("Valley Voice", f"{SPILLWAY}, Reuters reported. Ferries were cancelled."),
}


def annotated(rid: str) -> Annotated:
    """A report of the fixture with its sentences and cited sources (no parser needed)."""
    outlet, text = REPORTS[rid]
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    article = Article(report_id=rid, source=f"in/{rid}.txt", text=text, outlet=outlet)
    return Annotated(article=article, sentences=sentences, sources=find_sources(text, sentences))


def story(*rids: str) -> Story:
    """These reports as one story; the rewrite derives from the gazette."""
    edges = [CopyEdge("rewrite", "gazette", "rewrite", 0.8)] if "rewrite" in rids and "gazette" in rids else []
    return Story("s-flood", list(rids), edges)


def spans(phrase: str, *rids: str) -> list[Evidence]:
    """Evidence of `phrase` in each of these reports."""
    return [Evidence(r, REPORTS[r][1].index(phrase), REPORTS[r][1].index(phrase) + len(phrase)) for r in rids]
