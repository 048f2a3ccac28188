"""A small web site on 127.0.0.1 for the watch bench and tests: pages and feeds that change, fail, stall or redirect."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    """What the site answers at one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds to wait before answering
    fail_times: int = 0  # answer 500 this many times first
    location: str | None = None  # answer 302 to here
    status: int = 200


class Site:
    """A threaded HTTP server; `pages` maps paths to answers and `requests` logs each (path, headers)."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                page = site.pages.get(self.path)
                if page is None:
                    return self._answer(404, b"not found", "text/plain")
                if page.fail_times:
                    page.fail_times -= 1
                    return self._answer(500, b"try again", "text/plain")
                time.sleep(page.delay)
                if page.location:
                    return self._answer(302, b"", "text/plain", {"Location": page.location})
                if (page.etag and self.headers.get("If-None-Match") == page.etag) or (
                        page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified):
                    return self._answer(304, b"", None)
                extra = {k: v for k, v in (("ETag", page.etag), ("Last-Modified", page.last_modified)) if v}
                self._answer(page.status, page.body, page.content_type, extra)

            def _answer(self, status: int, body: bytes, kind: str | None, extra: dict | None = None) -> None:
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The full URL of a path on this site."""
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def hits(self, path: str) -> int:
        """How many requests asked for this path."""
        return sum(1 for p, _ in self.requests if p == path)

    def start(self) -> "Site":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def http_date(day: int) -> str:
    """An HTTP date in December 2026."""
    return format_datetime(datetime(2026, 12, day, 9, 0, tzinfo=timezone.utc), usegmt=True)


def rss(title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid></item>" for t, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.invalid/</link><description>news</description>{entries}</channel></rss>").encode()


def article(title: str, paragraphs: list[str]) -> bytes:
    """An HTML article page."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()
