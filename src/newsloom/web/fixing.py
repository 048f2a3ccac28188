"""The story page's "edit speaker" form: record a person's fix of who said a quote, then show the story again."""
from __future__ import annotations

from urllib.parse import quote as url_quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse

from newsloom.fixes import FixError, record_fix
from newsloom.web.desk import Desk
from newsloom.web.guard import Guard, form_text, guarded_form

FIX_PATH = "/fixes/speaker"
MAX_FORM = 64_000  # bytes of one fix form


def fix_router(desk: Desk, guard: Guard) -> APIRouter:
    """The route that takes the form: it checks the form's token, keeps the fix and drops the story's cached brief."""
    router = APIRouter()

    @router.post(FIX_PATH)
    async def fix_speaker(request: Request) -> RedirectResponse:
        """Keep the fix of one quote's speaker (or mark it unattributed) and go back to its story."""
        form = await guarded_form(request, guard, MAX_FORM, 20)
        story = desk.story(form_text(form, "story"))
        if story is None:
            raise HTTPException(404, "no such story in this store")
        report, start, end = form_text(form, "report"), form_text(form, "start"), form_text(form, "end")
        if report not in story.report_ids:
            raise HTTPException(400, "that report is not part of this story")
        speaker = None if form_text(form, "unattributed") else form_text(form, "speaker").strip()
        if speaker == "":
            raise HTTPException(400, "give the speaker's name, or tick unattributed")
        try:
            record_fix(desk.store, report, f"{start}:{end}", speaker, form_text(form, "by"), form_text(form, "note"))
        except FixError:
            try:  # the page was older than the store's annotations: find the quote by its words
                record_fix(desk.store, report, form_text(form, "quote"), speaker, form_text(form, "by"), form_text(form, "note"))
            except FixError as exc:
                raise HTTPException(409, f"cannot fix that quote: {exc}") from exc
        desk.drop_brief(story.id)
        return RedirectResponse(f"/stories/{url_quote(story.id)}#h-quotes", status_code=303)

    return router
