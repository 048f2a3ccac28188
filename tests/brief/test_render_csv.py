"""CSV tables of a brief: one row per quote in each report, one per claim, no cell a spreadsheet would run."""
from __future__ import annotations

import csv
import io

from newsloom.brief.render_csv import safe_cell, table_csv, to_csv
from newsloom.model import Brief, BriefReport, ClaimGroup, Evidence, QuoteGroup, StoryBrief

TEXT_A = '=HYPERLINK("http://evil.example") said the warden. Tolls on the Quarry Lane bridge rise to 4 crowns.'
TEXT_B = "Tolls on the Quarry Lane bridge rise to 4 crowns, said @warden Ilse Marr."


def _brief() -> Brief:
    reports = [BriefReport("ra", "a.txt", "=Evil Outlet", "Tolls", None, "2031-05-01", "https://a.example/t", TEXT_A),
               BriefReport("rb", "b.txt", "Quarry Times", "Tolls", None, "2031-05-02", None, TEXT_B)]
    quote_end = TEXT_A.index(" said")
    claim_a, claim_b = TEXT_A.index("Tolls"), TEXT_B.index("Tolls")
    quote = QuoteGroup("+Ilse Marr", TEXT_A[:quote_end], ["ra"], [], [Evidence("ra", 0, quote_end)],
                       speaker_basis="explicit", attribution="explicit in 1 report")
    claim = ClaimGroup("-Tolls on the Quarry Lane bridge rise to 4 crowns", ["ra", "rb"], 2,
                       [Evidence("ra", claim_a, len(TEXT_A) - 1), Evidence("rb", claim_b, claim_b + 47)])
    story = StoryBrief("s1", "Tolls rise", [], reports, quotes=[quote], claims=[claim])
    return Brief(inputs=[], stories=[story])


def _read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_formula_cells_get_an_apostrophe():
    assert [safe_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "plain", 3, None)] == \
        ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "plain", 3, ""]
    rows = _read(table_csv(("a", "b"), [{"a": "=cmd|' /C calc'!A0", "b": "ok", "extra": "left out"}]))
    assert rows == [{"a": "'=cmd|' /C calc'!A0", "b": "ok"}]


def test_quotes_table_one_row_per_quote_and_report():
    rows = _read(to_csv(_brief(), "quotes"))
    assert len(rows) == 1
    row = rows[0]
    assert row["wording"] == "'" + TEXT_A[:TEXT_A.index(" said")]
    assert row["speaker"] == "'+Ilse Marr" and row["outlet"] == "'=Evil Outlet"
    assert row["speaker_rule"] == "explicit in 1 report"
    assert (row["report"], row["start"], row["published"], row["link"]) == ("ra", "0", "2031-05-01",
                                                                          "https://a.example/t")


def test_claims_table_counts_and_outlets():
    rows = _read(to_csv(_brief(), "claims"))
    assert len(rows) == 1
    row = rows[0]
    assert row["claim"].startswith("'-Tolls")
    assert (row["reports"], row["independent_reports"]) == ("2", "2")
    assert row["outlets"] == "'=Evil Outlet; Quarry Times" and row["report_ids"] == "ra; rb"
