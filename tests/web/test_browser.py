"""In a real browser (Debian's Chromium through Playwright): evidence links open the report and light up the span."""
from __future__ import annotations

import re
import shutil

import pytest

from .browser import create_app, expect, served, serving


@pytest.fixture(scope="module")
def site(built_store):
    """The app served on a local port and a headless browser; yields (base URL, browser)."""
    with served(built_store) as site:
        yield site


def first_marked_link(page):
    """The first evidence link whose target is a marked span; returns (link, anchor id)."""
    for link in page.locator("a.chip.cite").all():
        anchor = link.get_attribute("href")[1:]
        if page.locator(f"mark#{anchor}").count() == 1:
            return link, anchor
    raise AssertionError("no evidence link points at a marked span")


def in_viewport(locator) -> bool:
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); "
                            "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }")


def test_evidence_link_opens_report_and_highlights_span(site):
    url, browser = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "/")
    page.click(".card.lead h2 a")
    expect(page.locator(".story-head h1")).to_be_visible()
    link, anchor = first_marked_link(page)
    target = page.locator(f"mark#{anchor}")
    expect(target).to_be_hidden()  # its report's full text starts folded
    link.click()
    expect(target).to_be_visible()
    expect(target).to_have_class(re.compile(r"\bon\b"))
    assert page.url.endswith("#" + anchor)
    assert in_viewport(target)
    marked = "".join(page.locator(f'mark[data-refs~="{anchor}"]').all_inner_texts())
    assert marked and marked in link.get_attribute("title")
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.close()


def test_report_page_marks_a_requested_span(site):
    url, browser = site
    page = browser.new_page()
    page.goto(url + "/")
    page.click(".card.lead h2 a")
    page.locator(".sources a.src-name").first.click()
    expect(page.locator(".article-text")).to_be_visible()
    page.locator(".found-quotes a").first.click()
    expect(page.locator("mark#hl")).to_be_visible()
    assert in_viewport(page.locator("mark#hl"))
    page.close()


def test_upload_form_works_in_a_browser(site, built_store, tmp_path):
    _, browser = site  # one Playwright per thread: the module's browser, another app on its own copy of the store
    shutil.copyfile(built_store, tmp_path / "newsloom.db")
    report = tmp_path / "lighthouse.txt"
    report.write_text("Storm topples Gullmere lighthouse lantern\n\nA storm tore the lantern off the Gullmere "
                      "lighthouse on Saturday night, the coastguard said.\n", encoding="utf-8")
    with serving(create_app(str(tmp_path / "newsloom.db"))) as url:
        page = browser.new_page()
        try:
            page.goto(url + "/")
            page.set_input_files("#files", str(report))
            page.click("#add button[type=submit]")
            expect(page.locator("#upload h1")).to_have_text("Upload processed", timeout=120_000)
            expect(page.locator("#upload")).to_contain_text("lighthouse.txt")
        finally:
            page.close()
