"""Reading files and directories: type sniffed from bytes, sorted recursion, bad inputs as statuses."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.ingest import read_paths
from newsloom.model import InputStatus, Report

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>A short page.</p></body></html>"
TEXT = "A plain report about the river.\n\nIt flooded twice this winter.\n".encode()


def _all(*paths: str | Path) -> list[Report | InputStatus]:
    return list(read_paths(list(paths)))


def test_html_and_text_files_are_sniffed_from_content_not_extension(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_bytes(HTML)
    (tmp_path / "note.html").write_bytes(TEXT)
    items = _all(tmp_path / "page.txt", tmp_path / "note.html")
    assert [(i.source, i.media_type) for i in items if isinstance(i, Report)] == [
        (str(tmp_path / "page.txt"), "html"),
        (str(tmp_path / "note.html"), "text"),
    ]
    report = items[0]
    assert isinstance(report, Report) and report.raw == HTML and report.content_hash and report.id


def test_directory_recursion_is_sorted_skips_hidden_and_numbers_arrival(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_bytes(TEXT + b"z")
    (tmp_path / "b" / "a.txt").write_bytes(TEXT + b"a")
    (tmp_path / "a.txt").write_bytes(TEXT + b"top")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_bytes(TEXT)
    (tmp_path / ".secret.txt").write_bytes(TEXT)
    items = _all(tmp_path)
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == ["a.txt", "b/a.txt", "b/z.txt"]
    assert [i.arrival for i in items if isinstance(i, Report)] == [0, 1, 2]


def test_arrival_keeps_counting_across_paths(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_bytes(TEXT + b"1")
    (tmp_path / "two.txt").write_bytes(TEXT + b"2")
    items = _all(tmp_path / "one.txt", tmp_path / "missing.txt", tmp_path / "two.txt")
    assert [i.arrival for i in items if isinstance(i, Report)] == [0, 1]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary or unsupported content"),
        (b"\x00\x01\x02\x03binary\x00stuff", "binary or unsupported content"),
        (b'<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "XML document that is neither a feed nor HTML"),
    ],
)
def test_inputs_that_hold_no_document_are_skipped_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "input.dat"
    path.write_bytes(content)
    assert _all(path) == [InputStatus(str(path), "skipped", reason)]


def test_missing_path_fails_and_empty_directory_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = _all(tmp_path / "nope.txt", tmp_path / "empty")
    assert items == [
        InputStatus(str(tmp_path / "nope.txt"), "failed", "no such file or directory"),
        InputStatus(str(tmp_path / "empty"), "skipped", "directory holds no files"),
    ]


def test_unreadable_file_fails_without_stopping_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad, good = tmp_path / "a.txt", tmp_path / "b.txt"
    bad.write_bytes(TEXT + b"a")
    good.write_bytes(TEXT + b"b")
    real_open = Path.open

    def guarded_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    items = _all(tmp_path)
    assert items[0] == InputStatus(str(bad), "failed", "unreadable: Permission denied")
    assert isinstance(items[1], Report) and items[1].source == str(good)


def test_text_that_opens_with_a_bracket_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "update.txt"
    path.write_text("[Updated] Ferry services resume\n\nThe ferry resumed crossings on Monday morning.\n")
    [report] = _all(path)
    assert isinstance(report, Report) and report.media_type == "text"


def test_a_single_path_string_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_bytes(TEXT)
    assert [i.source for i in read_paths(str(path))] == [str(path)]  # type: ignore[arg-type]


@pytest.mark.parametrize("start", ["<script>var seen = 1;\n", "<style>\n  .box { opacity: 1; }\n"])
def test_page_saved_from_its_first_script_or_style_is_html(tmp_path: Path, start: str) -> None:
    path = tmp_path / "page.html"
    filler = "/* layout */\n" * 2000  # no tags in the first 20,000 characters
    closing = start[1:start.index(">")]
    path.write_text(f"{start}{filler}</{closing}><div><h1>Strike ends</h1><p>Ferries sail on Monday.</p></div>")
    [report] = _all(path)
    assert isinstance(report, Report) and report.media_type == "html"
