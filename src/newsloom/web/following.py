"""The follow buttons: follow or stop following a story or an entity, then go back to the page it was on."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse

from newsloom.find import find_entity
from newsloom.find.stories import fold
from newsloom.web.desk import Desk
from newsloom.web.guard import Guard, form_text, guarded_form

FOLLOW_PATH = "/follow"
MAX_FORM = 8_000  # bytes of one follow form


def follow_router(desk: Desk, guard: Guard) -> APIRouter:
    """The route the follow buttons post to; it checks the form's token like every form that changes the store."""
    router = APIRouter()

    @router.post(FOLLOW_PATH)
    async def follow(request: Request) -> RedirectResponse:
        """Follow (or, with action=unfollow, stop following) the story or entity the form names."""
        form = await guarded_form(request, guard, MAX_FORM, 10)
        kind, target, action = form_text(form, "kind"), form_text(form, "target").strip(), form_text(form, "action")
        if action not in ("follow", "unfollow"):
            raise HTTPException(400, "the form must ask to follow or to unfollow")
        target = _known(desk, kind, target)
        if action == "follow":
            desk.store.follow(kind, target)
        else:
            for kept in desk.store.follows(kind):
                if fold(kept.target) == fold(target):
                    desk.store.unfollow(kind, kept.target)
        return RedirectResponse(_back(form_text(form, "next")), status_code=303)

    return router


def _known(desk: Desk, kind: str, target: str) -> str:
    """The story id or the entity's canonical name the form names, or a 404 when the store holds none."""
    if kind == "story":
        if desk.story(target) is None:
            raise HTTPException(404, f"no story {target!r} in this store")
        return target
    if kind == "entity":
        page = find_entity(desk.briefs(), target)
        if page is None:
            raise HTTPException(404, f"no entity {target!r} in this store's stories")
        return page.name
    raise HTTPException(400, "follow a story or an entity")


def _back(where: str) -> str:
    """The page to go back to: a path of this site, else the story list."""
    return where if where.startswith("/") and not where.startswith("//") and "\\" not in where else "/"
