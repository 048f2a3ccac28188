"""Upload intake: read a multipart form body as it streams in, writing its files to a folder, under size limits."""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs

from fastapi import HTTPException
from python_multipart.multipart import MultipartParser, parse_options_header

from newsloom.web.guard import TOKEN_FIELD, Refused

MB = 1_000_000
FIELD_BYTES = 4096  # a form field that is not a file (the token) is short
NO_TOKEN = "refused: the upload form's token is missing or out of date; reload the page and upload again"


class TooLarge(HTTPException):
    """An upload over a size limit (413)."""

    def __init__(self, detail: str):
        super().__init__(413, detail)


class BadForm(HTTPException):
    """A body that is not a readable upload form (400)."""

    def __init__(self, detail: str):
        super().__init__(400, detail)


@dataclass(frozen=True)
class UploadLimits:
    """How much one upload request may carry: bytes in all, bytes per file, and files."""

    total: int = 100 * MB
    per_file: int = 100 * MB
    files: int = 1000

    @classmethod
    def from_mb(cls, total_mb: float, file_mb: float | None = None) -> UploadLimits:
        """Limits given in megabytes; the per-file limit defaults to the total."""
        total = int(total_mb * MB)
        return cls(total=total, per_file=min(total, int(file_mb * MB)) if file_mb else total)

    def too_large(self, size: int | None = None) -> str:
        """The message refusing a request body of `size` bytes (None: more than the limit, not read further)."""
        sent = f"more than {_mb(self.total)}" if size is None else _mb(size)
        return f"upload too large: {sent} sent, at most {_mb(self.total)} per upload"

    def check_length(self, content_length: str | None) -> None:
        """Refuse at once a request whose declared length is over the total limit."""
        if content_length and content_length.strip().isdigit() and int(content_length) > self.total:
            raise TooLarge(self.too_large(int(content_length)))


class FormReader:
    """Parses a multipart/form-data body chunk by chunk; files go to `folder`, the token field is checked.

    A file part is refused unless a valid token came first (the form's hidden field precedes its
    file input) or the request was already trusted (a valid token header).
    """

    def __init__(self, boundary: bytes, folder: Path, limits: UploadLimits,
                 valid: Callable[[str], bool], trusted: bool = False):
        self.folder, self.limits, self._valid = folder, limits, valid
        self.trusted = trusted
        self.paths: list[Path] = []
        self._headers: dict[bytes, bytes] = {}
        self._name = b""
        self._value = b""
        self._field: tuple[bytes, bytearray] | None = None  # (name, data) of a text part
        self._file: BinaryIO | None = None
        self._file_name = ""
        self._file_size = 0
        self._parser = MultipartParser(boundary, {
            "on_part_begin": self._begin, "on_header_field": self._header_field,
            "on_header_value": self._header_value, "on_header_end": self._header_end,
            "on_headers_finished": self._headers_done, "on_part_data": self._data, "on_part_end": self._end})

    def feed(self, chunk: bytes) -> None:
        """Parse the next piece of the body."""
        try:
            self._parser.write(chunk)
        except HTTPException:
            raise
        except Exception as exc:  # python-multipart raises its own errors for malformed bodies
            raise BadForm(f"not a readable upload form: {exc}") from exc

    def close(self) -> None:
        """Close any file still open (the body ended early or was refused)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def _begin(self) -> None:
        self._headers, self._field = {}, None

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._name += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._name.lower()] = self._value
        self._name, self._value = b"", b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if b"filename" not in options:
            self._field = (options.get(b"name", b""), bytearray())
            return
        filename = options[b"filename"].decode("utf-8", "replace")
        if not filename:
            return  # the browser's empty part for a file input left empty
        if not self.trusted:
            raise Refused(NO_TOKEN)
        if len(self.paths) >= self.limits.files:
            raise TooLarge(f"too many files: at most {self.limits.files} per upload")
        path = unique(self.folder / safe_filename(filename))
        self._file, self._file_name, self._file_size = path.open("wb"), filename, 0
        self.paths.append(path)

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None:
            self._file_size += end - start
            if self._file_size > self.limits.per_file:
                raise TooLarge(f"file too large: {safe_filename(self._file_name)} is over {_mb(self.limits.per_file)}, "
                               "the most one file may be")
            self._file.write(data[start:end])
        elif self._field is not None:
            if len(self._field[1]) + end - start > FIELD_BYTES:
                raise BadForm("a form field is too long")
            self._field[1].extend(data[start:end])

    def _end(self) -> None:
        self.close()
        if self._field is not None and self._field[0] == TOKEN_FIELD.encode():
            self.trusted = self.trusted or self._valid(self._field[1].decode("utf-8", "replace"))
        self._field = None


async def receive_form(stream: AsyncIterator[bytes], content_type: str, folder: Path, limits: UploadLimits,
                       valid: Callable[[str], bool], trusted: bool) -> list[Path]:
    """Read an upload body into `folder`, counting its bytes; return the saved files' paths.

    Raises TooLarge (413) past a limit, Refused (403) without a valid token and BadForm (400).
    """
    kind, options = parse_options_header(content_type)
    read = 0
    if kind != b"multipart/form-data" or b"boundary" not in options:
        body = bytearray()
        async for chunk in stream:
            body.extend(chunk)
            if len(body) > FIELD_BYTES:
                raise BadForm("not an upload form: send the files as multipart/form-data")
        token = parse_qs(body.decode("utf-8", "replace")).get(TOKEN_FIELD, [""])[0]
        if not (trusted or valid(token)):
            raise Refused(NO_TOKEN)
        return []
    reader = FormReader(options[b"boundary"], folder, limits, valid, trusted)
    try:
        async for chunk in stream:
            read += len(chunk)
            if read > limits.total:
                raise TooLarge(limits.too_large())
            reader.feed(chunk)
    finally:
        reader.close()
    if not reader.trusted:
        raise Refused(NO_TOKEN)
    return reader.paths


def safe_filename(name: str) -> str:
    """The last part of an uploaded file's name, restricted to plain characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\- ()]+", "_", base).strip(" .")[:120]
    return base or "upload"


def unique(path: Path) -> Path:
    """`path`, or `name (2).ext`, `name (3).ext`... when it exists."""
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def _mb(size: int) -> str:
    """A byte count in megabytes, as people read it."""
    return f"{size / MB:.1f} MB" if size >= MB else f"{size / MB:.3g} MB"
