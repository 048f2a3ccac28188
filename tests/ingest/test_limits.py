"""Size limits: big files are not read whole, containers are read record by record, long documents refused early."""
from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsloom.ingest import limits, read_paths
from newsloom.model import InputStatus, Report


def _peak(run: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = run()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_file_over_the_byte_limit_is_skipped_without_reading_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", limits.MB)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Words about the harbour. " * (8 * limits.MB // 25))
    items, peak = _peak(lambda: list(read_paths([path])))
    assert items == [InputStatus(str(path), "skipped", "file of 8 MB, over the 1 MB limit")]
    assert peak < limits.MB


def test_big_jsonl_is_read_line_by_line_with_a_cap_per_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", limits.MB)
    monkeypatch.setattr(limits, "MAX_RECORD_BYTES", limits.MB // 2)
    path = tmp_path / "big.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"text": "The first report."}) + "\n")
        out.write(json.dumps({"text": "x " * (4 * limits.MB)}) + "\n")
        for n in range(200):
            out.write(json.dumps({"text": f"Report number {n} about the ferry."}) + "\n")
    items, peak = _peak(lambda: list(read_paths([path])))
    assert items[1] == InputStatus(f"{path}#2", "skipped", "record over 0.5 MB")
    assert [i.source for i in items] == [f"{path}#{n}" for n in range(1, 203)]
    assert all(isinstance(i, Report) for i in items[:1] + items[2:])
    assert peak < 4 * limits.MB


def test_small_jsonl_applies_the_record_cap_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_RECORD_BYTES", 100)
    path = tmp_path / "small.jsonl"
    path.write_text(json.dumps({"text": "Short."}) + "\n" + json.dumps({"text": "long " * 50}) + "\n")
    items = list(read_paths([path]))
    assert isinstance(items[0], Report)
    assert items[1] == InputStatus(f"{path}#2", "skipped", "record over 100 bytes")


def test_big_file_that_is_not_json_lines_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": "A report about the pier."}] * 100))
    [status] = list(read_paths([path]))
    assert isinstance(status, InputStatus) and status.status == "skipped"
    assert "over the 1,000 bytes limit" in status.reason


def test_ten_megabyte_one_line_text_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    text = b"The council met on Monday and voted to close the bridge. " * (10_000_000 // 58)
    path.write_bytes(text)
    start = time.perf_counter()
    items = list(read_paths([path]))
    elapsed = time.perf_counter() - start
    reason = f"document of {len(text):,} characters, over the 3,000,000 character limit"
    assert items == [InputStatus(str(path), "skipped", reason)]
    assert elapsed < 1.0


def test_character_limit_applies_to_records_and_is_a_module_setting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOCUMENT_CHARS", {"text": 40, "html": 60})
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": "Short enough."}) + "\n" + json.dumps({"text": "w" * 41}) + "\n")
    text = tmp_path / "long.txt"
    text.write_text("A sentence that runs on past forty characters.")
    items = list(read_paths([path, text]))
    assert isinstance(items[0], Report)
    assert items[1] == InputStatus(f"{path}#2", "skipped", "document of 41 characters, over the 40 character limit")
    assert items[2] == InputStatus(str(text), "skipped", "document of 46 characters, over the 40 character limit")
