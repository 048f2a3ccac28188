"""Entity pages on the web: one person, organisation or place across every story of the store."""
from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsloom.find import Following, find_entity
from newsloom.web.desk import Desk
from newsloom.web.following import FOLLOW_PATH
from newsloom.web.guard import TOKEN_FIELD, Guard

Page = Callable[..., HTMLResponse]


def entity_router(desk: Desk, guard: Guard, page: Page) -> APIRouter:
    """The route of the entity pages."""
    router = APIRouter()

    @router.get("/entity/{key}", response_class=HTMLResponse)
    def entity(request: Request, key: str) -> HTMLResponse:
        """Every story naming the entity, the quotes it is given as saying and the claims naming it, with aliases."""
        found = find_entity(desk.briefs(), key)
        if found is None:
            raise HTTPException(404, f"no person, organisation or place named {key!r} in this store's stories")
        followed = Following.of(desk.store.follows("entity")).follows_entity(found.name)
        return page(request, "entity.html", e=found, followed=followed, follow_path=FOLLOW_PATH,
                    csrf_field=TOKEN_FIELD, csrf_token=guard.issue())

    return router
