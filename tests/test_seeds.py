"""End to end on the five real reports in ../shared/seeds (skipped when that folder is absent)."""
from pathlib import Path

import pytest

import newsloom

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


@pytest.fixture(scope="module")
def brief():
    return newsloom.analyze(SEEDS)


def test_one_story_holds_all_five_reports(brief):
    assert [len(s.reports) for s in brief.stories] == [5]
    assert all(i.status == "ok" for i in brief.inputs)


def test_peskov_quoted_with_both_wordings_grouped(brief):
    story = brief.stories[0]
    peskov = [g for g in story.quotes if g.speaker == "Dmitry Peskov"]
    assert peskov
    vision = next(g for g in peskov if any("our vision" in v.text for v in g.variants))
    wordings = " | ".join(v.text for v in vision.variants).lower()
    assert "largely aligns with our vision" in wordings and "largely coincides with our vision" in wordings
    assert len(vision.reports) == 5


def test_brief_validates(brief):
    from newsloom.brief import to_json

    assert '"newsloom.brief/1"' in to_json(brief)
