"""A brief that agrees with itself: notices, inferred dates, vague times and disputed claims (invented reports)."""
import re

import numpy as np
import pytest

from newsloom.brief import render
from newsloom.compare.corroboration import _merge_same_facts
from newsloom.model import Brief, InputStatus

from .vellmar import vellmar_brief

DISPUTED_DAYS = re.compile(r"\b(Sunday|Wednesday|June 8)\b")


@pytest.fixture(scope="module")
def brief():
    return vellmar_brief()


def _report(brief, rid):
    return next(r for r in brief.reports if r.id == rid)


def test_undated_reports_date_themselves_and_say_so(brief):
    coastline, northfield = _report(brief, "coastline"), _report(brief, "northfield")
    assert (coastline.published, coastline.published_inferred) == ("2025-06-08", True)
    assert (northfield.published, northfield.published_inferred) == ("2025-06-08", True)
    assert [northfield.text[e.start : e.end] for e in northfield.published_evidence] == ["June 8"]
    assert any(coastline.text[e.start : e.end].startswith("CORRECTION (6/8)") for e in coastline.published_evidence)
    for rid in ("ledger", "courier"):
        assert not _report(brief, rid).published_inferred and not _report(brief, rid).published_evidence


def test_correction_is_listed_dated_and_on_the_timeline(brief):
    [notice] = _report(brief, "coastline").corrections
    assert (notice.kind, notice.date) == ("correction", "2025-06-08")
    rows = [t for t in brief.timeline if t.kind == "correction"]
    assert [(t.date, t.reports) for t in rows] == [("2025-06-08", ["coastline"])]
    assert not any("CORRECTION" in c.text for c in brief.claims)


def test_vague_time_is_its_own_position(brief):
    [when] = [d for d in brief.disagreements if d.kind == "date"]
    sides = {p.date: p.reports for p in when.positions}
    assert sides["2025-06-04"] == ["coastline"]
    assert "ledger" in sides["2025-06-08"]
    assert sides["2025-06-02..2025-06-07"] == ["courier"]
    vague = next(p for p in when.positions if p.date == "2025-06-02..2025-06-07")
    assert "earlier in the week" in vague.text and not vague.text.startswith("2025-06-04")


def test_summary_states_no_disputed_day_as_fact(brief):
    assert brief.summary
    assert not [line.text for line in brief.summary if DISPUTED_DAYS.search(line.text)]
    assert any(line.disputed_by == ["d1"] for line in brief.summary)


def test_claims_and_rows_dating_the_remarks_are_marked_disputed(brief):
    remarks = [t for t in brief.timeline if t.kind == "event" and t.date in ("2025-06-04", "2025-06-08")]
    assert remarks and all(t.disputed_by == ["d1"] for t in remarks)
    assert all(not t.disputed_by for t in brief.timeline if t.date == "2025-06-06" or t.kind == "correction")
    board = [c for c in brief.claims if "Water Board said" in c.text or "Water Board has praised" in c.text]
    assert board and all(c.disputed_by == ["d1"] for c in board)
    ids = {d.id for d in brief.disagreements}
    assert all(set(x.disputed_by) <= ids for x in [*brief.summary, *brief.claims, *brief.timeline])


def test_one_row_per_dated_fact_and_one_date_per_sentence(brief):
    seen: dict = {}
    for row in brief.timeline:
        for ev in row.evidence:
            assert ev not in seen, (row.text, seen.get(ev))
            seen[ev] = row.text
    wednesday = [t for t in brief.timeline if "comments were made Wednesday" in t.text]
    assert wednesday and all(t.date == "2025-06-04" for t in wednesday)
    assert not any("earlier in the week" in t.text for t in brief.timeline)


def test_renderers_show_notices_inferred_dates_and_disputes(brief):
    doc = Brief(inputs=[InputStatus(f"{r.id}.txt", "ok") for r in brief.reports], stories=[brief])
    md = render(doc, "md")
    assert md.index("### Corrections and updates") < md.index("### Summary")
    assert "2025-06-08 (inferred from the text" in md
    assert "**⚠ disputed** ([D1](#s1-d1)" in md and '<a id="s1-d1"></a>**D1. when Oona Strand' in md
    html = render(doc, "html")
    assert 'id="s1-d1"' in html and 'href="#s1-d1"' in html and "inferred from the text" in html
    render(doc, "json")


def test_groups_stating_one_fact_merge():
    reports = np.array(["a", "b", "c", "a", "b", "c", "a", "b"])
    speakers = ["Ada Vale"] * 6 + [None, None]
    sim = np.full((8, 8), 0.1)
    sim[np.ix_([0, 1, 2], [3, 4, 5])] = sim[np.ix_([3, 4, 5], [0, 1, 2])] = 0.4
    merged = _merge_same_facts({1: [0, 1, 2], 2: [3, 4, 5], 3: [6, 7]}, sim, reports, speakers)
    assert sorted(map(sorted, merged.values())) == [[0, 1, 2, 3, 4, 5], [6, 7]]
    shared = _merge_same_facts({1: [0, 1, 2], 2: [1, 2, 7]}, np.zeros((8, 8)), reports, [None] * 8)
    assert [sorted(g) for g in shared.values()] == [[0, 1, 2, 7]]
    apart = _merge_same_facts({1: [0, 1], 2: [3, 4]}, np.zeros((8, 8)), reports, speakers)
    assert len(apart) == 2
