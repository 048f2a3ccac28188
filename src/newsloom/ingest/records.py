"""Read JSON documents (one record or a list) and JSONL files (one record per line) into reports."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsloom.ingest.sniff import looks_html
from newsloom.model import InputStatus, Report

BODY_FIELDS = ("text", "html", "content")
HINT_FIELDS = {"title": "title", "author": "author", "published": "published", "date": "published", "outlet": "outlet"}


def record_to_report(record: Any, source: str) -> Report | InputStatus:
    """Turn one `{text|html|content, url?, title?, author?, published?, outlet?}` record into a report."""
    if not isinstance(record, dict):
        return InputStatus(source, "skipped", f"record is a JSON {type(record).__name__}, not an object")
    field = next((f for f in BODY_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if field is None:
        return InputStatus(source, "skipped", "record has no non-empty text, html or content field")
    body: str = record[field]
    media = field if field != "content" else ("html" if looks_html(body) else "text")
    hints: dict[str, Any] = {}
    for key, hint in HINT_FIELDS.items():
        value = record.get(key)
        if value not in (None, "", []) and hint not in hints:
            hints[hint] = value if isinstance(value, str) else str(value)
    url = record.get("url") if isinstance(record.get("url"), str) and record["url"].strip() else None
    return Report.make(source, body.encode("utf-8"), media, url=url, hints=hints)


def read_json_text(text: str, source: str) -> Iterator[Report | InputStatus]:
    """Yield reports from a JSON document (object or list, `FILE#N` per list item) or JSONL (`FILE#LINE`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as whole_error:
        yield from _read_jsonl(text, source, whole_error)
        return
    if isinstance(data, list):
        if not data:
            yield InputStatus(source, "skipped", "JSON list is empty")
        for index, record in enumerate(data, 1):
            yield record_to_report(record, f"{source}#{index}")
    else:
        yield record_to_report(data, source)


def _read_jsonl(text: str, source: str, whole_error: json.JSONDecodeError) -> Iterator[Report | InputStatus]:
    """Yield one report per JSONL line; a malformed line becomes a failed status and reading goes on."""
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    try:
        json.loads(first)
    except json.JSONDecodeError:
        yield InputStatus(source, "failed", f"malformed JSON: {whole_error}")
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        line_source = f"{source}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputStatus(line_source, "failed", f"malformed JSON line: {error}")
            continue
        yield record_to_report(record, line_source)
