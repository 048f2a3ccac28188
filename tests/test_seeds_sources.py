"""Source chains on the five real reports in ../shared/seeds (skipped when that folder is absent)."""
from pathlib import Path

import pytest

import newsloom
from newsloom.brief import render

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


@pytest.fixture(scope="module")
def story():
    brief = newsloom.analyze(SEEDS)
    return brief, brief.stories[0]


def _report(story, prefix):
    return next(r for r in story.reports if Path(r.source).name.startswith(prefix))


def test_forbes_wednesday_rests_on_the_new_york_times(story):
    _, s = story
    forbes = _report(s, "001")
    texts = {r.id: r.text for r in s.reports}
    lines = [c for c in s.claims if any(e.report == forbes.id and "Wednesday" in texts[e.report][e.start:e.end]
                                        for e in c.evidence)]
    assert lines
    for line in lines:
        (link,) = [link for link in line.chain if link.report == forbes.id]
        assert [c.name for c in link.cites] == ["The New York Times"]
        (counted,) = [i for i in line.independence if i.report == forbes.id]
        assert counted.source == "The New York Times" and counted.rule == "cites The New York Times, counted once"


def test_the_unsigned_report_is_unattributed_and_not_silently_independent(story):
    brief, s = story
    unsigned = _report(s, "002")
    assert unsigned.outlet is None
    (rule,) = [i for i in s.independence if i.report == unsigned.id]
    assert rule.rule.startswith("unknown outlet")
    wednesday = next(c for c in s.claims if unsigned.id in c.reports and any(
        e.report == unsigned.id and "Wednesday" in unsigned.text[e.start:e.end] for e in c.evidence))
    (line_rule,) = [i for i in wednesday.independence if i.report == unsigned.id]
    assert not line_rule.counted and "The New York Times" in line_rule.rule
    assert wednesday.independent_reports == 1
    md = render(brief, "md")
    assert f"⚠ **unattributed ({Path(unsigned.source).name.replace('_', chr(92) + '_')})** names no outlet" in md
    assert "Forbes (citing The New York Times)" in md
