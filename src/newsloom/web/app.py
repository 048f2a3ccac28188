"""The local web app: story list with uploads, one page per story brief and per report, and a JSON API."""
from __future__ import annotations

import shutil
import tempfile
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsloom.brief import render
from newsloom.brief.view import StoryView, input_counts
from newsloom.find import Following, slug
from newsloom.store import open_store
from newsloom.web.api import api_router
from newsloom.web.desk import UPLOAD_PREFIX, Desk, display_source, is_upload
from newsloom.web.entities import entity_router
from newsloom.web.finding import find_router
from newsloom.web.fixing import FIX_PATH, fix_router
from newsloom.web.following import FOLLOW_PATH, follow_router
from newsloom.web.guard import TOKEN_FIELD, Guard, SameOriginMiddleware
from newsloom.web.intake import UploadLimits, receive_form
from newsloom.web.listing import INPUT_STATUSES, INPUTS_PER_PAGE, SORT_CHOICES, SORT_LABELS, inputs_page, link, story_list
from newsloom.web.present import by_speaker, day_range, split_claims
from newsloom.web.reports import report_page
from newsloom.web.updates import updates_router

STATIC = Path(__file__).parent / "static"
DOWNLOADS = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
             "json": "application/json"}


def _templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("newsloom.web", "templates"), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(day_range=day_range, by_speaker=by_speaker, split_claims=split_claims,
                       display_source=display_source, is_upload=is_upload,
                       input_counts=input_counts, slug=slug, link=link, sort_choices=SORT_CHOICES,
                       sort_labels=SORT_LABELS, statuses=INPUT_STATUSES, per_page=INPUTS_PER_PAGE,
                       follow_path=FOLLOW_PATH)
    return Jinja2Templates(env=env)


def create_app(db: str, *, create: bool = True, max_upload_mb: float = 100.0, max_file_mb: float | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """Build the web app over the store at `db` (a SQLite path or sqlite:/// URL).

    `create` false refuses a store file that does not exist; uploads are limited to `max_upload_mb`
    per request and `max_file_mb` per file; `allowed_hosts` (None: any) are the Host names it answers.
    """
    store = open_store(db, create=create)
    desk = Desk(store)
    guard = Guard(frozenset({"/upload", FIX_PATH, FOLLOW_PATH}))
    limits = UploadLimits.from_mb(max_upload_mb, max_file_mb)
    templates = _templates()

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        desk.close()
        store.close()

    app = FastAPI(title="newsloom", summary="Stories and sourced briefs from many news reports.",
                  lifespan=lifespan, docs_url=None, redoc_url=None)  # their pages load scripts from a CDN
    app.state.desk, app.state.guard, app.state.limits = desk, guard, limits
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router(desk))
    app.include_router(fix_router(desk, guard))

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    app.include_router(find_router(desk, page))
    app.include_router(updates_router(desk, templates))
    app.include_router(follow_router(desk, guard))
    app.include_router(entity_router(desk, guard, page))

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        """An error as JSON under /api/, else as a page."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", exc.status_code, status=exc.status_code, detail=exc.detail)

    app.add_middleware(SameOriginMiddleware, guard=guard, render=not_found)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, missing: bool = False) -> HTMLResponse:
        """The stories (filtered, sorted, followed first), the upload form, uploads under way and the inputs, paged."""
        params, inputs = request.query_params, store.inputs()
        shown = story_list(desk, params)
        return page(request, "index.html", shown.status_code, shown=shown, params=params, inputs=inputs,
                    ip=inputs_page(inputs, params), following_any=any(i.followed for i in shown.listed.items),
                    missing=missing, articles=len(store.articles()), pending=desk.uploads.pending(),
                    csrf_field=TOKEN_FIELD, csrf_token=guard.issue(), max_upload=f"{limits.total / 1_000_000:g} MB")

    @app.post("/upload")
    async def upload(request: Request) -> RedirectResponse:
        """Save the uploaded files and queue them for ingesting; answers at once with the upload's status page."""
        limits.check_length(request.headers.get("content-length"))
        folder = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX))
        try:
            paths = await receive_form(request.stream(), request.headers.get("content-type", ""), folder, limits,
                                       guard.valid, guard.header_token(request))
            if not paths:
                shutil.rmtree(folder, ignore_errors=True)
                return RedirectResponse("/?missing=1#add", status_code=303)
            job = desk.upload(folder, paths)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return RedirectResponse(f"/uploads/{job.token}", status_code=303)

    @app.get("/uploads/{token}", response_class=HTMLResponse)
    def upload_status(request: Request, token: str) -> HTMLResponse:
        """Where an upload stands: queued, processing (with progress) or done with each input's status."""
        job = desk.uploads.get(token)
        if job is None:
            raise HTTPException(404, f"no upload {token!r}: only recent uploads are kept")
        return page(request, "upload.html", job=job, ahead=desk.uploads.position(job))

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> HTMLResponse:
        """One story's sourced brief; evidence links mark the exact words in the report texts."""
        brief = _brief_or_404(desk, story_id)
        view = StoryView(brief.stories[0], 1)
        return page(request, "story.html", v=view, s=view.story, inputs=brief.inputs,
                    dates=sorted(r.published[:10] for r in view.story.reports if r.published),
                    followed=story_id in Following.of(store.follows("story")).stories,
                    csrf_field=TOKEN_FIELD, csrf_token=guard.issue(), fix_path=FIX_PATH)

    @app.get("/stories/{story_id}/brief.{fmt}")
    def download(story_id: str, fmt: str) -> Response:
        """One story's brief as a Markdown, standalone HTML or JSON file."""
        if fmt not in DOWNLOADS:
            raise HTTPException(404, f"no brief format {fmt!r}; try md, html or json")
        body = render(_brief_or_404(desk, story_id), fmt)
        disposition = f'attachment; filename="newsloom-{story_id}.{fmt}"'
        return Response(body, media_type=DOWNLOADS[fmt], headers={"Content-Disposition": disposition})

    @app.get("/reports/{report_id}", response_class=HTMLResponse)
    def report(request: Request, report_id: str, start: int | None = None, end: int | None = None,
               part: str = "text") -> HTMLResponse:
        """One report's clean article text and metadata; `start`/`end` mark a span of it (of its headline: part=title)."""
        found = report_page(desk, report_id, start, end, part)
        if found is None:
            raise HTTPException(404, f"no report {report_id!r} in this store")
        return page(request, "report.html", r=found)

    return app


def _brief_or_404(desk: Desk, story_id: str):
    """The one-story brief, or a 404 naming the unknown id."""
    brief = desk.brief(story_id)
    if brief is None:
        raise HTTPException(404, f"no story {story_id!r} in this store")
    return brief
