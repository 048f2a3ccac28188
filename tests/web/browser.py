"""What the browser tests share: Playwright and Debian's Chromium, or a skip of the importing module saying which is missing."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    pytest.skip("playwright is not installed", allow_module_level=True)
if not Path("/usr/bin/chromium").exists():
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)

from bench.screenshot import launch_chromium  # noqa: E402
from newsloom.web import create_app  # noqa: E402
from newsloom.web.background import serving  # noqa: E402

__all__ = ["create_app", "expect", "serving", "served"]


@contextmanager
def served(db: Path) -> Iterator[tuple[str, object]]:
    """The app over the store at `db` served on a local port, and a headless Chromium: (base URL, browser)."""
    with serving(create_app(str(db))) as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            yield url, browser
        finally:
            browser.close()
