"""The five real seed reports (read from ../shared/seeds, never copied): body bounds and metadata."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.extract import extract_article
from newsloom.ingest import read_paths
from newsloom.model import Article, Report
from tests.extract.conftest import check_segments

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def seed(prefix: str) -> tuple[str, Article]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    [path] = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    [report] = list(read_paths([path]))
    assert isinstance(report, Report) and report.media_type == "text"
    article = extract_article(report)
    text = path.read_text(encoding="utf-8")
    check_segments(article, text)
    return text, article


def test_000_forum_repost_of_a_newspaper_article() -> None:
    _, article = seed("000")
    assert article.title.startswith("Washington now ‘largely aligns’")
    assert article.title.endswith("vision, Kremlin says")
    assert article.author == "Francesca Ebel"
    assert article.outlet == "The Washington Post"
    assert article.published == "2025-03-02"
    assert article.text.startswith("MOSCOW – The Trump administration’s rewrite")
    assert article.text.endswith("out of concern for reprisals.")
    for chrome in ("logged in", "FREE »", "OP Note", "Top | New", "specman", "@Northwest", "Post Comment"):
        assert chrome not in article.text


def test_001_outlet_only_byline_with_caption_and_further_reading() -> None:
    _, article = seed("001")
    assert article.title.startswith("Russia Says Trump’s Foreign Policy")
    assert article.title.endswith("With Our Vision’")
    assert article.outlet == "Forbes" and article.author is None
    assert article.text.startswith("The Kremlin’s top spokesperson hailed")
    assert article.text.endswith("when Peskov’s comments were made.")  # the correction note is kept
    assert "[+]" not in article.text and "Getty Images" not in article.text
    assert "Further Reading" not in article.text and "Topline" not in article.text


def test_002_headline_then_paragraphs_one_per_line() -> None:
    _, article = seed("002")
    assert article.title.startswith("Kremlin Hails Trump’s Foreign Policy Shift")
    assert article.author is None
    assert article.text.startswith("Washington – The landscape")
    assert article.text.endswith("hangs precariously in the balance.")


def test_003_news_feed_page_with_desk_bio_and_more_stories() -> None:
    _, article = seed("003")
    assert article.outlet == "The Kyiv Independent"
    assert article.title.startswith("Kremlin says perceived US foreign policy")
    assert article.title.endswith("aligns with its 'vision'")
    assert article.text.startswith("The Kremlin has praised")
    assert article.text.endswith("condemned the Russian invasion of Ukraine.")
    assert article.text.count("The Kremlin has praised") == 1
    for chrome in ("News Feed", "min read", "Getty Images", "Avatar", "news team", "Read more", "Show More",
                   "prisoners of war"):
        assert chrome not in article.text


def test_004_promo_page_with_outlet_footer() -> None:
    _, article = seed("004")
    assert article.outlet == "BreakingOn"
    assert article.published == "2025-03-02"
    assert article.title.startswith("Kremlin Embraces Trump's Foreign Policy Shift")
    assert article.title.endswith("in US-Russia Relations?")
    assert article.text.startswith("On Sunday, the Kremlin stated")
    assert article.text.endswith("interesting for diplomatic engagement.")
    for chrome in ("BREAKINGON", "Read on", "Discover the implications", "independent news platform", "©"):
        assert chrome not in article.text
