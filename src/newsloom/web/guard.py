"""Cross-site request guard: state-changing requests must come from the app's own pages and carry its token."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.datastructures import FormData
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
TOKEN_FIELD = "csrf_token"
TOKEN_HEADER = "x-csrf-token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")


class Refused(HTTPException):
    """A request the guard turns away (403)."""

    def __init__(self, detail: str):
        super().__init__(403, detail)


class Guard:
    """Issues and checks signed per-app tokens, and checks that state-changing requests are same-origin."""

    def __init__(self, form_paths: frozenset[str] = frozenset({"/upload"})):
        self._secret = secrets.token_bytes(32)
        self.form_paths = form_paths  # routes that verify the token from their form body themselves

    def issue(self) -> str:
        """A fresh token for a form: a random nonce and its signature under this app's secret."""
        nonce = secrets.token_urlsafe(16)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        """Whether `token` was issued by this app (since it started)."""
        nonce, _, signature = (token or "").partition(".")
        return bool(nonce and signature) and hmac.compare_digest(signature, self._sign(nonce))

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()

    def header_token(self, request: Request) -> bool:
        """Whether the request carries a valid token in its X-CSRF-Token header."""
        return self.valid(request.headers.get(TOKEN_HEADER))

    def check(self, request: Request) -> None:
        """Refuse a state-changing request from another origin, or with no origin and no token."""
        if request.method in SAFE_METHODS:
            return
        own = f"{request.url.scheme}://{request.headers.get('host', '')}".lower()
        origin = request.headers.get("origin")
        referer = request.headers.get("referer")
        if origin is not None:
            if origin.lower() != own:
                raise Refused(f"refused: this request came from another site ({origin}); "
                              "send it from newsloom's own pages")
        elif referer:
            parts = urlsplit(referer)
            if f"{parts.scheme}://{parts.netloc}".lower() != own:
                raise Refused("refused: this request came from another site; send it from newsloom's own pages")
        elif request.url.path not in self.form_paths and not self.header_token(request):
            raise Refused("refused: the request names no origin and carries no valid X-CSRF-Token header")


async def guarded_form(request: Request, guard: Guard, max_bytes: int, max_fields: int) -> FormData:
    """A small form posted by one of the app's pages: refused when too large (413) or without a valid token (403)."""
    if int(request.headers.get("content-length") or 0) > max_bytes:
        raise HTTPException(413, f"form too large: at most {max_bytes} bytes")
    form = await request.form(max_files=0, max_fields=max_fields, max_part_size=max_bytes)
    if not guard.valid(form_text(form, TOKEN_FIELD)):
        raise Refused("refused: the form carries no valid token; reload the page and try again")
    return form


def form_text(form: FormData, name: str) -> str:
    """A text field of a form ("" when absent or not text)."""
    value = form.get(name)
    return value if isinstance(value, str) else ""


class SameOriginMiddleware:
    """Runs `guard.check` on every request before any route sees it; a refusal is answered by `render`."""

    def __init__(self, app: ASGIApp, guard: Guard,
                 render: Callable[[Request, HTTPException], Awaitable[Response]]):
        self.app, self.guard, self.render = app, guard, render

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            request = Request(scope, receive)
            try:
                self.guard.check(request)
            except Refused as exc:
                await (await self.render(request, exc))(scope, receive, send)
                return
        await self.app(scope, receive, send)


def local_hosts(host: str) -> list[str] | None:
    """The Host names a server listening on loopback `host` answers to; None (any) for other addresses."""
    if host == "localhost":
        return list(LOOPBACK_NAMES)
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return [host]
    if address.version == 4 and address.is_loopback:
        return list(dict.fromkeys([host, *LOOPBACK_NAMES]))
    return None
