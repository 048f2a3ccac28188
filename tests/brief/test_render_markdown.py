import re

from newsloom.brief import evidence_text, to_markdown
from tests.brief.sample import A_YEAR, QUOTE_A, QUOTE_B, REWRITTEN, REWRITTEN_FROM, SIX_MONTHS


def test_markdown_shows_who_said_what_with_outlets(brief):
    text = to_markdown(brief)
    assert "**Elena Vasquez**" in text
    assert f"“{QUOTE_A}” — Valley Courier [^" in text
    assert f"“{QUOTE_B}” — Riverside Daily [^" in text


def test_markdown_counts_independent_reports(brief):
    assert "**2 reports / 1 independent**" in to_markdown(brief)


def test_markdown_reports_table_names_copies(brief):
    text = to_markdown(brief)
    assert "| R2 | Riverside Daily |" in text and "rewrite of Valley Courier" in text
    assert "Dana Whitfield" in text and "(<https://valley-courier.example/bridge>)" in text
    assert "javascript:" not in text


def test_markdown_provenance_footnotes_shared_passages_on_both_sides(brief):
    text = to_markdown(brief)
    line = next(li for li in text.splitlines() if li.startswith("- **Riverside Daily** is a rewrite"))
    assert "similarity 0.61" in line and "1 shared passage [^" in line and "; in the source [^" in line
    notes = dict(li.split("]: ", 1) for li in text.splitlines() if li.startswith("[^"))
    cited = [notes["[^" + n] for n in re.findall(r"\[\^(\d+)\]", line)]
    assert len(cited) == 2
    assert cited[0].startswith("Riverside Daily") and f"“{REWRITTEN}”" in cited[0]
    assert cited[1].startswith("Valley Courier") and f"“{REWRITTEN_FROM}”" in cited[1]


def test_markdown_sets_disagreements_side_by_side(brief):
    text = to_markdown(brief)
    assert "| Position | Reports |" in text
    assert "| six months [^" in text and "| Valley Courier |" in text
    assert "| up to a year [^" in text and "| Riverside Daily |" in text


def test_markdown_footnotes_quote_exact_evidence(brief):
    text = to_markdown(brief)
    story = brief.stories[0]
    for ev in story.disagreements[0].positions[0].evidence + story.disagreements[0].positions[1].evidence:
        assert f"“{evidence_text(story, ev)}”" in text
    assert f"“{SIX_MONTHS}”" in text and f"“{A_YEAR}”" in text
    defined = {line.split("]:")[0] for line in text.splitlines() if line.startswith("[^")}
    used = {part.split("]")[0] for part in text.split("[^")[1:]}
    assert used == {d[2:] for d in defined}


def test_markdown_lists_inputs_with_reasons(brief):
    text = to_markdown(brief)
    assert "| inputs/wall.html | **failed** | no article text found: page is a cookie wall |" in text
    assert "unsupported media type: application/pdf" in text


def test_markdown_covers_every_section(brief):
    text = to_markdown(brief)
    for heading in ("Summary", "Reports", "Who said what", "Claims", "Disagreements", "Timeline",
                    "Entities", "Framing", "Evidence"):
        assert f"### {heading}\n" in text
    assert "Mayor Vasquez, Vasquez" in text and "## Inputs" in text


def test_markdown_escapes_markup_in_report_fields(brief):
    assert r"Bridge shut \<b>indefinitely\</b>" in to_markdown(brief)
