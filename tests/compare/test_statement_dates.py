"""When a speaker made the remarks: one remark dated two ways is a disagreement, many occasions are not."""
import pytest

from newsloom.annotate import annotate
from newsloom.compare import analyze_story
from newsloom.model import Article, Story

TEXTS = {
    "a": "\u201cThe harbour will open in June,\u201d Mayor Ilse Varga said on Monday.",
    "b": "\u201cThe harbour will open in June,\u201d Mayor Ilse Varga said on Wednesday.",
    "c": "Mayor Ilse Varga said on Friday that the city budget was tight this year.",
}


@pytest.fixture(scope="module")
def anns():
    return {r: annotate(Article(report_id=r, source=f"{r}.txt", text=t, published="2025-05-18"), vectors=False)
            for r, t in TEXTS.items()}


def _when(anns, ids):
    brief = analyze_story(Story(id="s", report_ids=ids), [anns[r] for r in ids])
    return [d for d in brief.disagreements if d.about == "when Ilse Varga made the remarks"]


def test_one_remark_on_two_days_is_a_disagreement(anns):
    [dis] = _when(anns, ["a", "b"])
    assert {p.text.split(":")[0]: p.reports for p in dis.positions} == {"2025-05-12": ["a"], "2025-05-14": ["b"]}


def test_remarks_on_three_days_are_several_occasions(anns):
    assert _when(anns, ["a", "b", "c"]) == []


def test_last_week_seen_from_a_sunday_covers_the_week_that_just_ended():
    from datetime import date

    from newsloom.compare.statement_dates import vague_range

    sunday = date(2025, 3, 2)
    first, last = vague_range("the blowup last week", sunday)
    assert first <= date(2025, 2, 17) and last == date(2025, 3, 1)  # Friday Feb 28 lies inside
    wednesday = date(2025, 3, 5)
    assert vague_range("last week", wednesday) == (date(2025, 2, 23), date(2025, 3, 2))


def test_two_reports_dating_different_remarks_do_not_disagree():
    texts = {
        "x": "\u201cThe harbour will open in June and the ferries will run all summer,\u201d Mayor Ilse Varga said "
             "on Monday.",
        "y": "\u201cThe harbour will open in June and the ferries will run all summer,\u201d Mayor Ilse Varga said.\n\n"
             "On May 2, Varga called the port board \u201ca den of thieves who should all resign.\u201d",
    }
    anns = {r: annotate(Article(report_id=r, source=f"{r}.txt", text=t, published="2025-05-18"), vectors=False)
            for r, t in texts.items()}
    brief = analyze_story(Story(id="s", report_ids=list(texts)), list(anns.values()))
    assert not [d for d in brief.disagreements if d.kind == "date"]
