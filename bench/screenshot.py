"""Screenshot the web app over the bundled sample corpus: docs/screenshot-index.png and docs/screenshot.png.

Builds a store from samples/corpus, serves the app on a free local port in a thread and drives Debian's
Chromium (/usr/bin/chromium) through Playwright. Run: `python bench/screenshot.py [--out docs]`.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Playwright, sync_playwright

from newsloom.pipeline import Pipeline
from newsloom.store import open_store
from newsloom.web import create_app
from newsloom.web.background import serving

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1360, "height": 1000}
PAGE_TIMEOUT_MS = 120_000


def launch_chromium(pw: Playwright) -> Browser:
    """Start the system Chromium headless (never a downloaded browser build)."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def build_store(db: Path, corpus: Path) -> None:
    """Ingest the corpus and group it into stories."""
    if corpus.resolve().is_relative_to(Path.cwd()):
        corpus = corpus.resolve().relative_to(Path.cwd())  # sources read as samples/corpus/a1.html
    with open_store(str(db)) as store:
        pipeline = Pipeline(store)
        pipeline.ingest([corpus])
        pipeline.build_stories()


def shoot(db: Path, out: Path) -> list[Path]:
    """Screenshot the story list and the largest story's page; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    index_png, story_png = out / "screenshot-index.png", out / "screenshot.png"
    app = create_app(str(db))
    app.state.desk.briefs()  # computed before the first page, which would otherwise wait for them
    with serving(app) as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(url + "/", timeout=PAGE_TIMEOUT_MS)
            page.screenshot(path=str(index_png), full_page=True)
            page.click(".card.lead h2 a")  # the story list puts the largest story first
            page.wait_for_selector(".story-head h1", timeout=PAGE_TIMEOUT_MS)
            page.screenshot(path=str(story_png), clip={"x": 0, "y": 0, **{"width": VIEWPORT["width"], "height": 1500}},
                            full_page=True)
        finally:
            browser.close()
    return [index_png, story_png]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "samples" / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} not found: install Debian's chromium package")
    with tempfile.TemporaryDirectory(prefix="newsloom-shot-") as tmp:
        db = Path(tmp) / "newsloom.db"
        build_store(db, args.corpus)
        for path in shoot(db, args.out):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
