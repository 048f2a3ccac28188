"""bench/compare.py: distinct report variants and a printed timing table on the bundled corpus."""
from __future__ import annotations

import sys
from pathlib import Path

from bench import compare

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def test_variants_are_distinct_and_keep_paragraph_order():
    bases = compare.base_articles([CORPUS / "a1.html", CORPUS / "a3.txt"])
    out = compare.variants(bases, 6)
    assert len({a.text for a in out}) == 6 and len({a.report_id for a in out}) == 6
    for art in out[2:]:
        base = bases[int(art.report_id[1:]) % 2].text
        positions = [base.index(p) for p in art.text.split("\n\n")]
        assert positions == sorted(positions)


def test_main_prints_the_table(capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["compare.py", str(CORPUS / "a1.html"), str(CORPUS / "a3.txt"),
                                      "--reports", "4", "--runs", "1"])
    compare.main()
    out = capsys.readouterr().out
    assert "story: 4 reports" in out
    assert "| claim embeddings stored at annotate time |" in out and "| embeddings encoded during compare |" in out
