"""Every page `newsloom watch` fetches, kept as WARC request and response records in rotating files."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsloom import __version__
from newsloom.watch.fetch import Fetched

MAX_FILE_BYTES = 1024 * 2**20  # a WARC file is closed and a new one started past this size


@dataclass(frozen=True)
class WarcRecord:
    """Where a fetched response was written: its file, its response number there (1-based), offset and record id."""

    path: Path
    number: int
    offset: int
    record_id: str

    @property
    def source(self) -> str:
        """The report source naming this record, as `newsloom ingest` of the WARC file names it: `FILE#N`."""
        return f"{self.path}#{self.number}"


class WarcStore:
    """Writes fetched responses (and the requests that got them) to gzipped WARC files in one folder.

    Each process starts a file of its own and every record is flushed to disk before it is named, so a
    run killed mid-write leaves at most one cut record at the end of its own file.
    """

    def __init__(self, folder: Path, max_file_bytes: int = MAX_FILE_BYTES) -> None:
        self.folder = Path(folder)
        self.max_file_bytes = max_file_bytes
        self._file: BinaryIO | None = None
        self._path: Path | None = None
        self._writer: WARCWriter | None = None
        self._responses = 0
        self._files = 0  # files this store started

    def write(self, fetched: Fetched) -> WarcRecord:
        """Write the response and request of one fetch; returns where its response record lies."""
        if self._file is None or self._file.tell() >= self.max_file_bytes:
            self._open()
        assert self._file is not None and self._writer is not None and self._path is not None
        status = f"{fetched.status} {fetched.reason_phrase}".strip()
        response = self._writer.create_warc_record(
            fetched.final_url, "response", payload=BytesIO(fetched.body),
            http_headers=StatusAndHeaders(status, fetched.headers, protocol="HTTP/1.1"),
        )
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        parts = urlsplit(fetched.final_url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = self._writer.create_warc_record(
            fetched.final_url, "request",
            http_headers=StatusAndHeaders(f"GET {target} HTTP/1.1", fetched.request_headers, is_http_request=True),
            warc_headers_dict={"WARC-Concurrent-To": record_id},
        )
        offset = self._file.tell()
        self._writer.write_record(response)
        self._writer.write_record(request)
        self._file.flush()
        os.fsync(self._file.fileno())
        self._responses += 1
        return WarcRecord(self._path, self._responses, offset, record_id)

    def _open(self) -> None:
        """Close the current file and start a new one, opened by a warcinfo record."""
        self.close()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
        self._files += 1
        self._path = self.folder / f"newsloom-{stamp}-{os.getpid()}-{self._files:05d}.warc.gz"
        self._file = open(self._path, "xb")
        self._writer = WARCWriter(self._file, gzip=True)
        info = self._writer.create_warcinfo_record(self._path.name, {"software": f"newsloom/{__version__}",
                                                                      "format": "WARC File Format 1.0"})
        self._writer.write_record(info)
        self._responses = 0

    def close(self) -> None:
        """Close the open file, if any."""
        if self._file is not None:
            self._file.close()
            self._file = None
