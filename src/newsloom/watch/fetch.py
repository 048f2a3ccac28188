"""Polite HTTP fetching for `newsloom watch`: conditional GET, per-host delay, retries, size cap and redirect cap."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsloom import __version__
from newsloom.ingest.limits import megabytes

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"newsloom/{__version__} (+https://github.com/newsloom/newsloom)"
ROBOTS_AGENT = "newsloom"  # the name robots.txt rules address
RETRY_STATUSES = (408, 429)  # client-side answers that mean "not now": tried again like a 5xx
DROPPED_HEADERS = ("content-encoding", "transfer-encoding", "content-length")  # the body is kept decoded


Gate = Callable[[str], "str | None"]  # why a URL may not be fetched (robots.txt), or None


class Refused(Exception):
    """A redirect pointed where the gate forbids going; the message says why."""


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how far to fetch: timeouts, retries, the size and redirect caps, the per-host delay."""

    timeout_s: float = 20.0
    retries: int = 3  # further tries after a timeout, a network error, a 5xx, 408 or 429 answer
    backoff_s: float = 1.0  # the wait before the first retry; doubled before each next one
    max_bytes: int = 20 * 2**20  # the largest body read (decoded); a larger one fails
    max_redirects: int = 5
    delay_s: float = 1.0  # the least time between two requests to one host


@dataclass
class Fetched:
    """One URL's answer: status, headers and body (decoded), the request as sent, or why there is none."""

    url: str
    final_url: str
    status: int | None = None
    reason_phrase: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    charset: str | None = None  # the encoding the Content-Type header names
    error: str = ""  # why the fetch gave no usable answer ("" when it did)
    refused: bool = False  # a redirect led where the gate (robots.txt) forbids going: skipped, not failed
    transient: bool = False  # the error may pass (timeout, network, 5xx): the URL is worth trying again later
    tries: int = 1

    @property
    def ok(self) -> bool:
        """Whether a 2xx answer came whole."""
        return not self.error and self.status is not None and 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        """The first response header of this name (any case), or None."""
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


class Fetcher:
    """Fetches URLs one at a time with a user agent naming newsloom, waiting its turn per host."""

    def __init__(self, policy: FetchPolicy = FetchPolicy(), sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        import httpx  # imported when fetching begins, not whenever the CLI starts

        self.policy = policy
        self._sleep, self._clock = sleep, clock
        self._last: dict[str, float] = {}  # host -> when its last request started
        self.requests = 0  # requests sent, retries included
        self._gate: tuple[str, Gate] | None = None  # the URL being fetched and the gate its redirects pass
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, timeout=policy.timeout_s, follow_redirects=True,
            max_redirects=policy.max_redirects, event_hooks={"request": [self._check_hop]},
        )

    def get(self, url: str, headers: dict[str, str] | None = None, gate: Gate | None = None) -> Fetched:
        """GET a URL, trying again with exponential backoff after a timeout, a network error or a 5xx answer.

        With a gate, each redirect target is asked first; one it refuses ends the fetch as `refused`."""
        result = Fetched(url, url)
        for attempt in range(self.policy.retries + 1):
            if attempt:
                self._sleep(self.policy.backoff_s * 2 ** (attempt - 1))
            outer, self._gate = self._gate, (url, gate) if gate else None
            try:
                result = self._once(url, headers or {})
            finally:
                self._gate = outer
            result.tries = attempt + 1
            if not result.transient:
                break
        if result.transient and result.tries > 1:
            result.error += f" (after {result.tries} tries)"
        return result

    def _check_hop(self, request: httpx.Request) -> None:
        """Before a redirect hop is sent: refuse it when the gate (the robots.txt of its host) forbids it."""
        if self._gate is None:
            return
        start, gate = self._gate
        target = str(request.url)
        if target == start:
            return
        self._gate = None  # the gate's own fetches (a robots.txt) pass ungated
        try:
            reason = gate(target)
        finally:
            self._gate = (start, gate)
        if reason:
            raise Refused(f"redirected to {target}: {reason}")

    def _wait_turn(self, url: str) -> None:
        """Sleep until the host of `url` has had `delay_s` since its last request."""
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            wait = self.policy.delay_s - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        """One GET (redirects followed), the body read up to the size cap; errors become the result's reason."""
        import httpx

        self._wait_turn(url)
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                return self._read(url, response)
        except Refused as refused:
            return Fetched(url, url, error=str(refused), refused=True)
        except httpx.TooManyRedirects:
            return Fetched(url, url, error=f"more than {self.policy.max_redirects} redirects")
        except httpx.TimeoutException:
            return Fetched(url, url, error=f"timed out after {self.policy.timeout_s:g} s", transient=True)
        except httpx.HTTPError as exc:
            return Fetched(url, url, error=f"network error: {type(exc).__name__}: {exc}", transient=True)

    def _read(self, url: str, response: httpx.Response) -> Fetched:
        """The answer of a response, its body read in chunks and given up past the size cap."""
        result = Fetched(
            url, str(response.url), response.status_code, response.reason_phrase,
            [(k, v) for k, v in response.headers.multi_items() if k.lower() not in DROPPED_HEADERS],
            request_headers=list(response.request.headers.multi_items()), charset=response.charset_encoding,
        )
        if response.status_code >= 500 or response.status_code in RETRY_STATUSES:
            result.error = f"server error {response.status_code}" if response.status_code >= 500 else \
                f"HTTP {response.status_code} {response.reason_phrase}".strip()
            result.transient = True
            return result
        cap = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            result.error = f"body of {megabytes(int(declared))} over the {megabytes(cap)} size cap"
            return result
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                result.error = f"body over the {megabytes(cap)} size cap"
                return result
            chunks.append(chunk)
        result.body = b"".join(chunks)
        result.headers.append(("Content-Length", str(len(result.body))))
        if response.status_code >= 400:
            result.error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        return result

    def close(self) -> None:
        """Close the HTTP connections."""
        self.client.close()
