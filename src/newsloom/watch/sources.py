"""The sources file of `newsloom watch`: one feed or article URL a line, an optional outlet name after it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


class SourcesError(ValueError):
    """A sources file that cannot be read; the message names the line."""


@dataclass(frozen=True)
class Source:
    """One watched URL (an RSS/Atom feed or an article) and the outlet name to credit its reports to."""

    url: str
    outlet: str | None = None


def parse_sources(text: str) -> list[Source]:
    """The sources a file's text lists, in order, each URL once; `#` starts a comment, blank lines are passed over."""
    found: dict[str, Source] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = _strip_comment(line)
        if not line:
            continue
        url, outlet = (line.split(None, 1) + [""])[:2]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SourcesError(f"line {number}: {url!r} is not an http(s) URL")
        found.setdefault(url, Source(url, outlet.strip() or None))
    return list(found.values())


def _strip_comment(line: str) -> str:
    """The line without a trailing comment (`#` after whitespace; a `#` inside a URL is kept)."""
    for at, char in enumerate(line):
        if char == "#" and (at == 0 or line[at - 1] in " \t"):
            return line[:at].strip()
    return line.strip()


def read_sources(path: Path) -> list[Source]:
    """The sources listed in a file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc}") from exc
    return parse_sources(text)
