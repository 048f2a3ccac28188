"""`newsloom stories` (filtered and sorted), `newsloom entity` and `newsloom follow` / `unfollow`."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Optional

import typer

from newsloom.cli_common import DbOpt, _store, err, fail
from newsloom.cli_find import (
    EntityOpt, MinSourcesOpt, OutletOpt, SinceOpt, SpeakerOpt, UntilOpt, make_filters,
)
from newsloom.find import Following, StoryFacts, find_entity, select, story_facts
from newsloom.find.stories import SORT_LABELS, SORTS, fold
from newsloom.model import StoryBrief
from newsloom.store import Store
from newsloom.store.base import FOLLOW_KINDS


Sort = Enum("Sort", {key: key for key in SORTS}, type=str)  # how `stories` orders the list, after followed ones
FollowKind = Enum("FollowKind", {kind: kind for kind in FOLLOW_KINDS}, type=str)  # what can be followed


def stories(
    db: str = DbOpt,
    rebuild: bool = typer.Option(False, "--rebuild", help="Group every report anew instead of placing only new ones."),
    create: bool = typer.Option(False, "--create", help="Start an empty store when --db names none."),
    sort: Sort = typer.Option(Sort.size, "--sort", help="size (reports), latest (newest report published, then "
                              "ingested) or disagreements; followed stories come first."),
    outlet: str = OutletOpt, speaker: str = SpeakerOpt, entity: str = EntityOpt,
    since: str = SinceOpt, until: str = UntilOpt, min_sources: int = MinSourcesOpt,
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON line per story instead of tab-separated lines."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Place newly stored reports in stories (all of them the first time) and list the stories."""
    from newsloom.pipeline import Pipeline
    from newsloom.progress import progress_bars

    filters = make_filters(outlet, speaker, entity, since, until, min_sources)
    with _store(db, create) as store, progress_bars(err, quiet) as progress:
        pipeline = Pipeline(store, progress=progress)
        found = pipeline.build_stories(rebuild=rebuild)
        following = Following.of(store.follows())
        briefs = _briefs(pipeline) if filters.needs_brief or sort is Sort.disagreements or following.entities else {}
        facts = all_facts(store, briefs)
    placed = (f"grouped all {sum(len(s.report_ids) for s in found)} reports anew" if pipeline.placed is None
              else f"placed {pipeline.placed} new reports in the story index kept from the last run")
    listed = select(facts, filters, sort.value, following)
    err.print(f"{len(found)} stories: {placed}")
    if filters.active:
        err.print(f"{len(listed.items)} of them: {filters.describe()}")
    if sort is not Sort.size:
        err.print(f"listed {SORT_LABELS[sort.value]}")
    for item in listed.items:
        f = item.facts
        if jsonl:
            sys.stdout.write(json.dumps(_story_row(f, item.followed), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write("\t".join([f.id, f"{f.reports} reports", f.headline] +
                                       ([item.followed] if item.followed else [])) + "\n")


def _briefs(pipeline) -> dict[str, StoryBrief]:
    """Every story's brief by id."""
    return {sb.id: sb for sb in pipeline.brief().stories}


def all_facts(store: Store, briefs: dict[str, StoryBrief]) -> list[StoryFacts]:
    """The facts of every stored story (with its brief's when `briefs` holds it)."""
    articles = store.articles()
    order = {a.report_id: i for i, a in enumerate(articles)}
    by_id = {a.report_id: a for a in articles}
    return [story_facts(s, by_id, order, briefs.get(s.id)) for s in store.stories()]


def _story_row(f: StoryFacts, followed: str) -> dict:
    """A story as one JSON line."""
    row = {"id": f.id, "headline": f.headline, "reports": f.reports, "outlets": list(f.outlets),
           "first_published": f.days[0] if f.days else None, "last_published": f.days[-1] if f.days else None,
           "followed": followed or None}
    if f.has_brief:
        row.update(independent_sources=f.independent_sources, disagreements=f.disagreements,
                   best_claim_support=f.best_support)
    return row


def entity(
    name: str = typer.Argument(..., help="A person's or organisation's name, or one of its aliases."),
    db: str = DbOpt,
    as_json: bool = typer.Option(False, "--json", help="Print the entity's page as one JSON document."),
) -> None:
    """Every story, quote (said by the entity) and claim (naming it) in the store, with its aliases."""
    from newsloom.pipeline import Pipeline

    with _store(db) as store:
        page = find_entity(Pipeline(store).brief().stories, name)
    if page is None:
        fail(f"no entity named {name!r} in this store's stories (check the spelling, or run `newsloom stories`)")
    if as_json:
        sys.stdout.write(json.dumps(page.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    out = [f"{page.name} ({page.type})" + (f", also {', '.join(page.aliases)}" if page.aliases else ""),
           f"{len(page.stories)} stories:"]
    out += [f"  {s.id}\t{s.reports} reports\t{s.headline}" for s in page.stories]
    out.append(f"{len(page.quotes)} quotes:")
    out += [f"  {q.story}\t{q.quote.kind}\t\u201c{q.quote.text}\u201d" for q in page.quotes]
    out.append(f"{len(page.claims)} claims:")
    out += [f"  {c.story}\t{c.claim.independent_reports}/{len(c.claim.reports)}\t{c.claim.text}" for c in page.claims]
    sys.stdout.write("\n".join(out) + "\n")


def follow(
    kind: Optional[FollowKind] = typer.Argument(None, help="story or entity (none: list what is followed)."),
    target: Optional[str] = typer.Argument(None, help="The story id, or the entity's name."),
    db: str = DbOpt,
) -> None:
    """Follow a story or an entity: it comes first in the story list, marked; with no arguments, list follows."""
    from newsloom.pipeline import Pipeline

    with _store(db) as store:
        if kind is None:
            for f in store.follows():
                sys.stdout.write(f"{f.kind}\t{f.target}\t{f.at}\n")
            return
        if not target:
            fail(f"name the {kind.value} to follow: newsloom follow {kind.value} "
                 + ("ID" if kind is FollowKind.story else "NAME"))
        if kind is FollowKind.story:
            if target not in {s.id for s in store.stories()}:
                fail(f"no story {target!r} in this store (`newsloom stories --db {db}` lists them)")
        else:
            page = find_entity(Pipeline(store).brief().stories, target)
            if page is None:
                fail(f"no entity named {target!r} in this store's stories")
            target = page.name
        new = store.follow(kind.value, target)
    err.print(f"following {kind.value} {target}" + ("" if new else " (already followed)"))


def unfollow(
    kind: FollowKind = typer.Argument(..., help="story or entity."),
    target: str = typer.Argument(..., help="The story id, or the entity's name as `newsloom follow` lists it."),
    db: str = DbOpt,
) -> None:
    """Stop following a story or an entity."""
    with _store(db) as store:
        kept = next((f.target for f in store.follows(kind.value) if fold(f.target) == fold(target)), None)
        if kept is None or not store.unfollow(kind.value, kept):
            fail(f"{kind.value} {target!r} is not followed (`newsloom follow --db {db}` lists follows)")
    err.print(f"no longer following {kind.value} {kept}")

