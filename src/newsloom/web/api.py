"""The JSON API: the story list, one story's brief (schema newsloom.brief/1), the inputs' statuses and uploads."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from newsloom.web.desk import Desk
from newsloom.web.listing import story_list


def api_router(desk: Desk) -> APIRouter:
    """Routes under /api reading through `desk`."""
    router = APIRouter(prefix="/api", tags=["api"])

    @router.get("/stories")
    def stories(request: Request) -> list[dict[str, Any]]:
        """The stories passing the query's filters, followed ones first, in its sort order (as on the index page):
        headline, report count, independent sources, outlets, date range and follow mark."""
        shown = story_list(desk, request.query_params)
        if shown.error:
            raise HTTPException(400, shown.error)
        cards = {card.id: card for card in desk.cards()}
        return [{**cards[i.facts.id].to_dict(), "followed": i.followed or None}
                for i in shown.listed.items if i.facts.id in cards]

    @router.get("/stories/{story_id}")
    def story(story_id: str) -> dict[str, Any]:
        """The brief of one story: a newsloom.brief/1 document holding just that story."""
        brief = desk.brief(story_id)
        if brief is None:
            raise HTTPException(404, f"no story {story_id!r} in this store")
        return brief.to_dict()

    @router.get("/inputs")
    def inputs() -> list[dict[str, str]]:
        """What became of every input: ok, skipped or failed, with the reason."""
        return [{"source": i.source, "status": i.status, "reason": i.reason} for i in desk.store.inputs()]

    @router.get("/uploads/{token}")
    def upload(token: str) -> dict[str, Any]:
        """Where a recent upload stands: state, progress and, once done, each input's status."""
        job = desk.uploads.get(token)
        if job is None:
            raise HTTPException(404, f"no upload {token!r}: only recent uploads are kept")
        return job.to_dict()

    return router
