"""Text versus binary: stray NULs do not make a text binary; dense NULs, control codes and magic numbers do."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.ingest import read_paths
from newsloom.ingest.sniff import text_bytes, wide_encoding
from newsloom.model import InputStatus, Report

ARTICLE = "The council voted on Tuesday to close the old bridge.\n\nRepairs will take a year, the mayor said.\n"


def test_jsonl_with_stray_nuls_keeps_its_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": "The pier reopened on Friday."}) + "\x00",
             "\x00\x00",
             json.dumps({"text": "Ferries ran late all weekend."}),
             '{"text": "broken',
             "\x00" + json.dumps({"html": "<p>The harbour was calm.</p>"})]
    path.write_bytes("\n".join(lines).encode() + b"\n")
    items = list(read_paths([path]))
    assert [(i.source, type(i).__name__) for i in items] == [
        (f"{path}#1", "Report"), (f"{path}#3", "Report"), (f"{path}#4", "InputStatus"), (f"{path}#5", "Report")]
    assert items[0].raw == b"The pier reopened on Friday."  # type: ignore[union-attr]
    assert items[2].status == "failed"  # type: ignore[union-attr]


def test_text_with_a_few_nuls_is_read_as_text_without_them(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode().replace(b"bridge", b"bri\x00dge") + b"\x00" * 3)
    [report] = list(read_paths([path]))
    assert isinstance(report, Report) and report.media_type == "text"
    assert report.raw == ARTICLE.encode()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_byte_order_mark_is_text(tmp_path: Path, codec: str) -> None:
    raw = (ARTICLE * 3).encode(codec)
    assert wide_encoding(raw) == codec
    path = tmp_path / "wide.txt"
    path.write_bytes(raw)
    [report] = list(read_paths([path]))
    assert isinstance(report, Report) and report.media_type == "text" and report.raw == (ARTICLE * 3).encode()


@pytest.mark.parametrize(
    "raw",
    [
        b"\x00" * 4000 + b"a few letters" + b"\x00" * 4000,
        bytes(range(256)) * 40,
        b"SQLite format 3\x00" + ARTICLE.encode(),
        b"\x7fELF" + ARTICLE.encode(),
    ],
)
def test_binary_content_is_skipped(tmp_path: Path, raw: bytes) -> None:
    assert text_bytes(raw) is None
    path = tmp_path / "blob.txt"
    path.write_bytes(raw)
    assert list(read_paths([path])) == [InputStatus(str(path), "skipped", "binary or unsupported content")]
