"""WARC files built with warcio: HTML/text response records become reports numbered `FILE#N`."""
from __future__ import annotations

import gzip
import tracemalloc
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsloom.ingest import limits, read_paths
from newsloom.model import InputStatus, Report

PAGE = "<html><head><title>Dock strike</title></head><body><p>Dock workers walked out on Monday.</p></body></html>"


def _response(writer: WARCWriter, url: str, content_type: str, payload: bytes, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(payload), http_headers=headers))


def _write_warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "port.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://port.example/", "request", http_headers=request))
        _response(writer, "https://port.example/strike", "text/html; charset=utf-8", PAGE.encode())
        _response(writer, "https://port.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")
        _response(writer, "https://port.example/notes.txt", "text/plain; charset=windows-1252",
                  "Harbour notes \u201cquoted\u201d.".encode("cp1252"))


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_response_records_become_reports(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.data")
    _write_warc(path, gzip)
    items = list(read_paths([path]))
    assert all(isinstance(i, Report) for i in items)
    assert [(i.source, i.media_type, i.url) for i in items] == [
        (f"{path}#1", "html", "https://port.example/strike"),
        (f"{path}#3", "text", "https://port.example/notes.txt"),
    ]
    assert items[0].raw == PAGE.encode()
    assert items[1].hints == {"charset": "windows-1252"}


def test_warc_without_response_records_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "info.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record("info.warc.gz", {"software": "test"}))
    assert list(read_paths([path])) == [InputStatus(str(path), "skipped", "WARC has no response records")]


def test_truncated_warc_keeps_what_was_read_and_reports_failure(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    _write_warc(path, gzip=False)
    data = path.read_bytes()
    path.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    items = list(read_paths([path]))
    assert [i.source for i in items if isinstance(i, Report)] == [f"{path}#1", f"{path}#3"]
    last = items[-1]
    assert isinstance(last, InputStatus) and last.source == str(path) and last.status == "failed"


def _cut_gzip_warc(path: Path) -> tuple[bytes, int]:
    """Write a gzip WARC and return its bytes and the offset of its last record."""
    _write_warc(path, gzip=True)
    data = path.read_bytes()
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        offsets = [archive.get_record_offset() for _ in archive]
    return data, offsets[-1]


@pytest.mark.parametrize("where", ["first byte", "early", "later", "middle", "near the end"])
def test_truncated_warc_gz_keeps_whole_records_and_says_where_the_rest_was_lost(tmp_path: Path, where: str) -> None:
    path = tmp_path / "cut.warc.gz"
    data, last = _cut_gzip_warc(path)
    cut = {"first byte": last + 1, "early": last + 20, "later": last + 60, "middle": (last + len(data)) // 2,
           "near the end": len(data) - 12}[where]  # all inside the last record's gzip member
    path.write_bytes(data[:cut])
    items = list(read_paths([path]))
    assert [i.source for i in items if isinstance(i, Report)] == [f"{path}#1"]
    reason = f"truncated archive: 4 records read, the rest lost at byte {last}"
    assert items[-1] == InputStatus(str(path), "failed", reason)
    assert len(items) == 2


def test_record_over_the_payload_cap_is_skipped_without_being_held_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    size = 128 * limits.MB
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            b"WARC-Target-URI: https://big.example/\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (len(http) + size))
    block = (b"<p>filler</p>" * (limits.MB // 13)).ljust(limits.MB)
    with gzip.open(path, "wb", compresslevel=6) as out:
        out.write(head + http)
        for _ in range(size // limits.MB):
            out.write(block)
        out.write(b"\r\n\r\n")
    with path.open("ab") as stream:
        _response(WARCWriter(stream, gzip=True), "https://port.example/strike", "text/html", PAGE.encode())
    assert path.stat().st_size < 2 * limits.MB
    tracemalloc.start()
    try:
        items = list(read_paths([path]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert items[0] == InputStatus(f"{path}#1", "skipped", "record payload over 20 MB")
    assert isinstance(items[1], Report) and items[1].source == f"{path}#2" and items[1].raw == PAGE.encode()
    assert len(items) == 2
    assert peak < 64 * limits.MB


def test_payload_cap_is_a_module_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(path, gzip=False)
    monkeypatch.setattr(limits, "MAX_RECORD_BYTES", 30)
    items = list(read_paths([path]))
    assert items[0] == InputStatus(f"{path}#1", "skipped", "record payload over 30 bytes")
    assert isinstance(items[1], Report) and items[1].source == f"{path}#3"


def test_damaged_warc_says_so_and_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "damaged.warc.gz"
    data, last = _cut_gzip_warc(path)
    path.write_bytes(data[:last] + b"\x1f\x8b\x08\x00garbage that is not deflate" * 4000)
    items = list(read_paths([path]))
    assert [i.source for i in items if isinstance(i, Report)] == [f"{path}#1"]
    status = items[-1]
    assert isinstance(status, InputStatus) and status.status == "failed"
    assert status.reason.startswith(f"damaged archive: 4 records read, the rest lost at byte {last}")
