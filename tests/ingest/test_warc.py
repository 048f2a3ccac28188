"""WARC files built with warcio: HTML/text response records become reports numbered `FILE#N`."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsloom.ingest import read_paths
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
