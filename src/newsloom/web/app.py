"""The local web app: story list with uploads, one page per story brief and per report, and a JSON API."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, File, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsloom.brief import render
from newsloom.brief.view import StoryView, input_counts
from newsloom.store import open_store
from newsloom.web.api import api_router
from newsloom.web.desk import Desk, display_source, is_upload
from newsloom.web.present import by_speaker, day_range, split_claims
from newsloom.web.reports import report_page

STATIC = Path(__file__).parent / "static"
DOWNLOADS = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
             "json": "application/json"}


def _templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("newsloom.web", "templates"), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(day_range=day_range, by_speaker=by_speaker, split_claims=split_claims,
                       display_source=display_source, is_upload=is_upload,
                       input_counts=input_counts)
    return Jinja2Templates(env=env)


def create_app(db: str) -> FastAPI:
    """Build the web app over the store at `db` (a SQLite path or sqlite:/// URL)."""
    store = open_store(db)
    desk = Desk(store)
    templates = _templates()

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        store.close()

    app = FastAPI(title="newsloom", summary="Stories and sourced briefs from many news reports.",
                  lifespan=lifespan, docs_url=None, redoc_url=None)  # their pages load scripts from a CDN
    app.state.desk = desk
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router(desk))

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", exc.status_code, status=exc.status_code, detail=exc.detail)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, upload: str | None = None, missing: bool = False) -> HTMLResponse:
        """The stories in the store, the upload form and every input's status."""
        inputs = store.inputs()
        return page(request, "index.html", cards=desk.cards(), inputs=inputs, upload=desk.upload_result(upload),
                    missing=missing, articles=len(store.articles()))

    @app.post("/upload")
    def upload(files: Annotated[list[UploadFile] | None, File()] = None) -> RedirectResponse:
        """Ingest the uploaded files, place them in stories and show each input's status."""
        chosen = [(f.filename, f.file) for f in files or [] if f.filename]
        if not chosen:
            return RedirectResponse("/?missing=1#add", status_code=303)
        token = desk.upload(chosen)
        return RedirectResponse(f"/?upload={token}#upload", status_code=303)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str) -> HTMLResponse:
        """One story's sourced brief; evidence links mark the exact words in the report texts."""
        brief = _brief_or_404(desk, story_id)
        view = StoryView(brief.stories[0], 1)
        return page(request, "story.html", v=view, s=view.story, inputs=brief.inputs,
                    dates=sorted(r.published[:10] for r in view.story.reports if r.published))

    @app.get("/stories/{story_id}/brief.{fmt}")
    def download(story_id: str, fmt: str) -> Response:
        """One story's brief as a Markdown, standalone HTML or JSON file."""
        if fmt not in DOWNLOADS:
            raise HTTPException(404, f"no brief format {fmt!r}; try md, html or json")
        body = render(_brief_or_404(desk, story_id), fmt)
        disposition = f'attachment; filename="newsloom-{story_id}.{fmt}"'
        return Response(body, media_type=DOWNLOADS[fmt], headers={"Content-Disposition": disposition})

    @app.get("/reports/{report_id}", response_class=HTMLResponse)
    def report(request: Request, report_id: str, start: int | None = None, end: int | None = None) -> HTMLResponse:
        """One report's clean article text and metadata; `start`/`end` mark a span of it."""
        found = report_page(desk, report_id, start, end)
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
