"""Sanity check on the reference case: the five seed reports of one event form one story."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsloom.model import Annotated, Article, Mention
from newsloom.stories import cluster, group

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


def seed_reports(with_names: bool) -> list[Annotated]:
    """The seed files as bare annotated reports, with capitalised word runs as mentions if asked."""
    reports = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = [Mention(m.group(), m.start(), m.end(), "ORG", m.group()) for m in NAME.finditer(text)]
        reports.append(Annotated(article=Article(report_id=path.stem, source=str(path), text=text),
                                 mentions=mentions if with_names else []))
    return reports


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
@pytest.mark.parametrize("with_names", [True, False])
def test_seed_reports_form_one_story(with_names: bool):
    reports = seed_reports(with_names)
    assert len(reports) == 5
    stories = cluster(reports)
    assert [len(s.report_ids) for s in stories] == [5]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_reports_are_not_copies_of_each_other():
    (story,) = group(seed_reports(True))
    assert [edge for edge in story.edges if edge.kind == "copy"] == []
