"""JSON and JSONL records: one report per record, `FILE#LINE` sources, malformed lines as failures."""
from __future__ import annotations

import json
from pathlib import Path

from newsloom.ingest import read_paths
from newsloom.model import InputStatus, Report


def test_jsonl_records_get_line_numbers_and_a_bad_line_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": "The ferry was late again on Monday.", "url": "https://a.example/1", "title": "Late",
                    "author": "Kim Ode", "published": "2025-03-02", "outlet": "Ferry News"}),
        "",
        '{"text": "broken record", ',
        json.dumps({"html": "<p>The pier reopened after repairs.</p>"}),
        json.dumps({"content": "<div><p>Hello</p><p>there</p><p>friends</p></div>"}),
        json.dumps({"content": "Just words, no markup at all."}),
        json.dumps({"title": "nothing to read"}),
        json.dumps([1, 2]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    sources = [i.source for i in items]
    assert sources == [f"{path}#{n}" for n in (1, 3, 4, 5, 6, 7, 8)]
    first = items[0]
    assert isinstance(first, Report) and first.media_type == "text"
    assert first.raw == "The ferry was late again on Monday.".encode()
    assert first.url == "https://a.example/1"
    assert first.hints == {"title": "Late", "author": "Kim Ode", "published": "2025-03-02", "outlet": "Ferry News"}
    bad = items[1]
    assert isinstance(bad, InputStatus) and bad.status == "failed" and bad.reason.startswith("malformed JSON line")
    assert [i.media_type for i in items[2:5] if isinstance(i, Report)] == ["html", "html", "text"]
    assert isinstance(items[5], InputStatus) and items[5].status == "skipped"
    assert isinstance(items[6], InputStatus) and items[6].status == "skipped"


def test_json_file_with_one_record_or_a_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"html": "<p>One record.</p>", "url": "https://b.example/x"}, indent=2))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "First item text."}, {"text": "Second item text."}]))
    items = list(read_paths([single, many]))
    assert [(i.source, i.media_type) for i in items if isinstance(i, Report)] == [
        (str(single), "html"), (f"{many}#1", "text"), (f"{many}#2", "text")]


def test_malformed_json_document_fails(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "text": "unterminated\n')
    [status] = list(read_paths([path]))
    assert isinstance(status, InputStatus) and status.status == "failed" and "malformed JSON" in status.reason
