"""bench/compare.py: distinct report variants and a printed timing table on the bundled corpus."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

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


def test_main_prints_a_row_per_story_size(capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["compare.py", str(CORPUS / "a1.html"), str(CORPUS / "a3.txt"),
                                      "--reports", "3,4", "--runs", "1", "--encoded"])
    compare.main()
    out = capsys.readouterr().out
    assert "| reports | claims | quotes | embeddings | median s |" in out
    for size in (3, 4):
        assert re.search(rf"\| {size} \| \d+ \| \d+ \| stored \| \d+\.\d\d \|", out)
        assert re.search(rf"\| {size} \| \d+ \| \d+ \| encoded in compare \| \d+\.\d\d \|", out)


def test_a_cache_store_spares_annotating_again(tmp_path, monkeypatch):
    bases = compare.base_articles([CORPUS / "a1.html", CORPUS / "a3.txt"])
    articles = compare.variants(bases, 3)
    first = compare.annotated(articles, tmp_path / "cache.db")
    monkeypatch.setattr(compare, "annotate", lambda article: pytest.fail("annotated again"))
    again = compare.annotated(articles, tmp_path / "cache.db")
    assert [a.report_id for a in again] == [a.report_id for a in articles]
    assert [[(c.report_id, c.text, c.vectors) for c in a.claims] for a in again] == \
        [[(c.report_id, c.text, c.vectors) for c in a.claims] for a in first]
