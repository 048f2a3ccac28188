"""The story page's "edit speaker" form: a fix with the page's token is kept and shown; without it nothing is kept."""
from __future__ import annotations

import html
import re

from newsloom.fixes import record_fix
from tests.web.conftest import QUOTE, SPEAKER, ferry_story


def form_fields(page: str) -> dict[str, str]:
    """The hidden fields of the first edit-speaker form on a story page."""
    form = re.search(r'<form class="fix-form" action="([^"]+)" method="post">(.*?)</form>', page, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2)))
    return {"action": form.group(1), **{k: html.unescape(v) for k, v in fields.items()}}


def speaker_of_quote(page: str) -> str:
    """The speaker heading the ferry quote on a story page."""
    at = page.index(html.escape(QUOTE, quote=False)[:40])
    return re.findall(r'<h3 class="speaker">(?:<a [^>]*>)?([^<]+?)(?:</a>)? <span', page[:at])[-1]


def test_a_fix_with_the_token_is_kept_and_shown(fresh_client):
    story = ferry_story(fresh_client)["id"]
    page = fresh_client.get(f"/stories/{story}").text
    assert speaker_of_quote(page) == SPEAKER and "Edit speaker" in page
    fields = form_fields(page)
    action = fields.pop("action")
    sent = fresh_client.post(action, data={**fields, "speaker": "Rolf Anker", "by": "desk", "note": "union statement"},
                             headers={"origin": str(fresh_client.base_url)}, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"].startswith(f"/stories/{story}")
    page = fresh_client.get(f"/stories/{story}").text
    assert speaker_of_quote(page) == "Rolf Anker"
    assert 'class="badge corrected">corrected</span> by desk on ' in page and f"the reports say {SPEAKER}" in page
    assert "union statement" in page
    brief = fresh_client.get(f"/stories/{story}/brief.json").json()
    quote = next(q for q in brief["stories"][0]["quotes"] if QUOTE[:30] in q["text"])
    assert quote["speaker"] == "Rolf Anker" and quote["speaker_basis"] == "corrected"
    assert "corrected by desk" in fresh_client.get(f"/stories/{story}/brief.md").text


def test_a_fix_without_the_token_is_refused_and_nothing_is_kept(fresh_client):
    story = ferry_story(fresh_client)["id"]
    fields = form_fields(fresh_client.get(f"/stories/{story}").text)
    action = fields.pop("action")
    token = fields.pop("csrf_token")
    same_site = fresh_client.post(action, data={**fields, "speaker": "Rolf Anker"},
                                  headers={"origin": str(fresh_client.base_url)}, follow_redirects=False)
    forged = fresh_client.post(action, data={**fields, "speaker": "Rolf Anker", "csrf_token": "nonce.bad"},
                               follow_redirects=False)
    other_site = fresh_client.post(action, data={**fields, "speaker": "Rolf Anker", "csrf_token": token},
                                   headers={"origin": "https://evil.example"}, follow_redirects=False)
    assert same_site.status_code == forged.status_code == other_site.status_code == 403
    assert fresh_client.app.state.desk.store.speaker_fixes() == []
    assert speaker_of_quote(fresh_client.get(f"/stories/{story}").text) == SPEAKER


def test_a_fix_made_elsewhere_shows_on_the_next_page(fresh_client):
    story = ferry_story(fresh_client)["id"]
    fields = form_fields(fresh_client.get(f"/stories/{story}").text)  # the brief is cached now
    record_fix(fresh_client.app.state.desk.store, fields["report"], QUOTE, None, by="cli")
    page = fresh_client.get(f"/stories/{story}").text
    assert speaker_of_quote(page) == "Unattributed" and "corrected</span> by cli on " in page
    assert 'name="unattributed" value="1" checked' in page
