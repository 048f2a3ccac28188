"""Find and export on the web: the search page, a search's hits as CSV, a story's quotes and claims as CSV."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsloom.brief.render_csv import TABLES, table_csv, to_csv
from newsloom.find import Filters, search_filtered
from newsloom.model import BriefReport, Evidence
from newsloom.store import StoreError
from newsloom.store.base import SEARCH_COLUMNS, SEARCH_KINDS, SearchHit, SearchQueryError
from newsloom.web.desk import Desk
from newsloom.web.reports import evidence_query
from newsloom.web.listing import FILTER_FIELDS, filter_choices, read_filters

PAGE_SIZE = 20
CSV_ROWS = 1000
CSV_TYPE = "text/csv; charset=utf-8"
Page = Callable[..., HTMLResponse]


@dataclass(frozen=True)
class Found:
    """One hit as the results page shows it: its snippet cut into (text, matched) pieces and its links."""

    hit: SearchHit
    pieces: list[tuple[str, bool]]
    link: str


def pieces(hit: SearchHit) -> list[tuple[str, bool]]:
    """The snippet split into plain and matched pieces, in order."""
    out, at = [], 0
    for start, end in hit.marks:
        out += [(hit.snippet[at:start], False), (hit.snippet[start:end], True)]
        at = end
    return [p for p in out + [(hit.snippet[at:], False)] if p[0]]


def report_link(hit: SearchHit) -> str:
    """The report page with the hit's words marked (the page's top when only the title matched)."""
    if hit.start is None or hit.end is None:
        return f"/reports/{hit.report_id}"
    return f"/reports/{hit.report_id}?{urlencode({'start': hit.start, 'end': hit.end})}#hl"


def find_router(desk: Desk, page: Page) -> APIRouter:
    """The routes of the search page and of the CSV downloads."""
    router = APIRouter()

    def hits(q: str, kind: str, limit: int, offset: int, filters: Filters) -> list[SearchHit]:
        kinds = [kind] if kind else list(SEARCH_KINDS)
        return search_filtered(desk.store, q, kinds, limit, offset, filters, desk.story_brief)

    @router.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "", kind: str = "", page_no: int = Query(1, alias="page", ge=1,
                                                                                        le=1000)) -> HTMLResponse:
        """Hits of a search among reports, quotes and claims (filtered), each linking to its marked words and story."""
        found, more = [], False
        filters, error = read_filters(request.query_params)
        if q.strip() and not error:
            try:
                got = hits(q, kind, PAGE_SIZE + 1, (page_no - 1) * PAGE_SIZE, filters)
            except SearchQueryError as exc:
                error = str(exc)
            except StoreError as exc:
                raise HTTPException(501, str(exc)) from exc
            else:
                more, got = len(got) > PAGE_SIZE, got[:PAGE_SIZE]
                found = [Found(h, pieces(h), report_link(h)) for h in got]
        query = {"q": q, **({"kind": kind} if kind else {}), **_filter_query(request)}
        return page(request, "search.html", 400 if error else 200, q=q, kind=kind, kinds=SEARCH_KINDS,
                    found=found, error=error, page_no=page_no, more=more, query=urlencode(query),
                    first=(page_no - 1) * PAGE_SIZE, filters=filters, choices=filter_choices(desk))

    @router.get("/search.csv")
    def search_csv(request: Request, q: str, kind: str = "") -> Response:
        """The first 1000 hits of a search (filtered as the page was) as CSV."""
        filters, error = read_filters(request.query_params)
        if error:
            raise HTTPException(400, error)
        try:
            got = hits(q, kind, CSV_ROWS, 0, filters)
        except SearchQueryError as exc:
            raise HTTPException(400, str(exc)) from exc
        except StoreError as exc:
            raise HTTPException(501, str(exc)) from exc
        return _csv(table_csv(SEARCH_COLUMNS, (asdict(h) for h in got)), "newsloom-search.csv")

    @router.get("/stories/{story_id}/{table}.csv")
    def story_csv(request: Request, story_id: str, table: str) -> Response:
        """One story's quotes (a row per quote in each report) or claims as CSV."""
        if table not in TABLES:
            raise HTTPException(404, f"no table {table!r}; try quotes or claims")
        brief = desk.brief(story_id)
        if brief is None:
            raise HTTPException(404, f"no story {story_id!r} in this store")
        base = str(request.base_url).rstrip("/")

        def link(ev: Evidence, report: BriefReport) -> str:
            return f"{base}/reports/{ev.report}?{urlencode(evidence_query(ev))}#hl"

        return _csv(to_csv(brief, table, link), f"newsloom-{story_id}-{table}.csv")

    return router


def _filter_query(request: Request) -> dict[str, str]:
    """The filter fields of the request's query that are set, for links to other pages of the same search."""
    return {k: v for k in FILTER_FIELDS if (v := request.query_params.get(k, "")) and v != "0"}


def _csv(body: str, name: str) -> Response:
    """A CSV file to download."""
    return Response(body, media_type=CSV_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'})
