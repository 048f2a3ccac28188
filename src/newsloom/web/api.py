"""The JSON API: the story list, one story's brief (schema newsloom.brief/1), the inputs' statuses and uploads."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from newsloom.web.desk import Desk


def api_router(desk: Desk) -> APIRouter:
    """Routes under /api reading through `desk`."""
    router = APIRouter(prefix="/api", tags=["api"])

    @router.get("/stories")
    def stories() -> list[dict[str, Any]]:
        """Every story: headline, report count, independent sources, outlets and date range."""
        return [card.to_dict() for card in desk.cards()]

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
