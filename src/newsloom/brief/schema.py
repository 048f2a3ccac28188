"""The brief's JSON Schema (`newsloom.brief/1`) and validation of brief documents against it."""
from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = "brief.schema.json"
MAX_PROBLEMS = 10


class BriefValidationError(ValueError):
    """A brief document breaks the schema or points at text it does not have."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = f"\n  ... and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        super().__init__("invalid newsloom brief:\n  " + "\n  ".join(shown) + more)


def load_schema() -> dict[str, Any]:
    """Return the JSON Schema of `newsloom.brief/1` shipped with the package."""
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    """The validator of `newsloom.brief/1`, on the schema with its references written out (`inline_refs`)."""
    return Draft202012Validator(inline_refs(load_schema()))


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each reference to one of its `$defs` replaced by a copy of that definition.

    The same documents pass and fail with the same errors, but jsonschema no longer looks a
    reference up again for every value it checks (half of the time spent on a brief). A reference
    with other keywords beside it becomes an `allOf` of one, in its place; a reference elsewhere,
    one that would loop, or one beside an `allOf` is kept as it is (`$defs` stay for those).
    """
    defs = schema.get("$defs", {})
    prefix = "#/$defs/"

    def written_out(node: Any, within: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [written_out(item, within) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref[len(prefix):] if isinstance(ref, str) and ref.startswith(prefix) else None
        if name is None or name not in defs or name in within or (len(node) > 1 and "allOf" in node):
            return {key: value if key in _DATA_KEYWORDS else written_out(value, within) for key, value in node.items()}
        target = written_out(defs[name], (*within, name))
        if len(node) == 1:
            return target
        return {("allOf" if key == "$ref" else key):
                [target] if key == "$ref" else value if key in _DATA_KEYWORDS else written_out(value, within)
                for key, value in node.items()}

    return written_out(schema, ())


_DATA_KEYWORDS = frozenset({"$defs", "const", "default", "enum", "examples"})  # values not to write references out in


def validate(doc: dict[str, Any]) -> None:
    """Raise `BriefValidationError` unless `doc` matches the schema and its references resolve.

    Beyond the schema: report ids are unique per story, every `reports` entry, `copy_of` and
    framing report names a report of the same story, and every evidence span lies in its report's text.
    """
    errors = sorted(_validator().iter_errors(doc), key=lambda e: e.json_path)
    problems = [f"{e.json_path}: {e.message}" for e in errors]
    if not problems:
        problems = list(_reference_problems(doc))
    if problems:
        raise BriefValidationError(problems)


def _reference_problems(doc: dict[str, Any]) -> Iterator[str]:
    """Yield what the schema cannot say: dangling report ids and spans outside their text."""
    story_ids: set[str] = set()
    for s, story in enumerate(doc["stories"]):
        at = f"$.stories[{s}]"
        if story["id"] in story_ids:
            yield f"{at}.id: duplicate story id {story['id']!r}"
        story_ids.add(story["id"])
        texts: dict[str, str] = {}
        for r, report in enumerate(story["reports"]):
            if report["id"] in texts:
                yield f"{at}.reports[{r}].id: duplicate report id {report['id']!r}"
            texts[report["id"]] = report["text"]
            texts[report["id"] + _TITLE_KEY] = report["title"] or ""
        for r, report in enumerate(story["reports"]):
            if report["copy_of"] is not None and (report["copy_of"] not in texts or report["copy_of"] == report["id"]):
                yield f"{at}.reports[{r}].copy_of: {report['copy_of']!r} is not another report of this story"
            yield from _copy_evidence_problems(f"{at}.reports[{r}]", report, texts)
            yield from _span_problems(
                f"{at}.reports[{r}].published_evidence", report.get("published_evidence", []), texts)
            for i, notice in enumerate(report.get("corrections", [])):
                yield from _span_problems(f"{at}.reports[{r}].corrections[{i}].evidence", notice["evidence"], texts)
        ids = {d.get("id") for d in story["disagreements"]}
        for path, node in _sourced_items(story, at):
            for i, did in enumerate(node.get("disputed_by", [])):
                if did not in ids:
                    yield f"{path}.disputed_by[{i}]: no disagreement {did!r} in this story"
        for path, node in _sourced_items(story, at):
            yield from _item_problems(path, node, texts)
        for f, framing in enumerate(story["framing"]):
            if framing["report"] not in texts:
                yield f"{at}.framing[{f}].report: unknown report {framing['report']!r}"
        yield from _chain_problems(at, story, texts)


def _copy_evidence_problems(path: str, report: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    """Check that a report's shared passages lie in the report or its source."""
    pair = {report["id"], report["copy_of"]}
    for i, ev in enumerate(report.get("copy_evidence", [])):
        if ev["report"] not in pair:
            yield f"{path}.copy_evidence[{i}].report: {ev['report']!r} is neither the copy nor its source"
        else:
            yield from _span_problems(f"{path}.copy_evidence", [ev], texts)


def _sourced_items(story: dict[str, Any], at: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every object of a story that cites reports or evidence, with its JSON path."""
    for key in ("summary", "quotes", "claims", "timeline", "entities"):
        for i, item in enumerate(story[key]):
            yield f"{at}.{key}[{i}]", item
    for i, quote in enumerate(story["quotes"]):
        for key in ("variants", "paraphrases", "attributions"):
            for j, variant in enumerate(quote.get(key, [])):
                yield f"{at}.quotes[{i}].{key}[{j}]", variant
        if quote.get("correction"):
            yield f"{at}.quotes[{i}].correction", quote["correction"]
    for i, disagreement in enumerate(story["disagreements"]):
        for j, position in enumerate(disagreement["positions"]):
            yield f"{at}.disagreements[{i}].positions[{j}]", position


def _item_problems(path: str, item: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    """Check one item's report ids, evidence spans and independent count."""
    ids = item.get("reports", [])
    for i, rid in enumerate(ids):
        if rid not in texts:
            yield f"{path}.reports[{i}]: unknown report {rid!r}"
    if item.get("independent_reports", 0) > len(ids):
        yield f"{path}.independent_reports: {item['independent_reports']} exceeds its {len(ids)} reports"
    yield from _span_problems(f"{path}.evidence", item.get("evidence", []), texts)
    yield from _chain_problems(path, item, texts)


def _chain_problems(path: str, item: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    """Check a line's source chain and independence: known reports, cue spans in their text, counts that agree."""
    for key in ("chain", "independence"):
        for i, link in enumerate(item.get(key, [])):
            if link["report"] not in texts:
                yield f"{path}.{key}[{i}].report: unknown report {link['report']!r}"
    for i, link in enumerate(item.get("chain", [])):
        for j, cite in enumerate(link["cites"]):
            yield from _span_problems(f"{path}.chain[{i}].cites[{j}].evidence", cite["evidence"], texts)
    counted = sum(1 for i in item.get("independence", []) if i["counted"])
    if item.get("independence") and "independent_reports" in item and counted != item["independent_reports"]:
        yield f"{path}.independence: {counted} reports counted but independent_reports is {item['independent_reports']}"


_TITLE_KEY = "\x00title"  # where a report's headline sits among the story's texts


def _span_problems(path: str, evidence: list[dict[str, Any]], texts: dict[str, str]) -> Iterator[str]:
    """Check that each evidence span names a report of the story and lies inside its text (or its headline)."""
    for i, ev in enumerate(evidence):
        text = texts.get(ev["report"])
        titled = ev.get("part") == "title"
        if text is not None and titled:
            text = texts.get(ev["report"] + _TITLE_KEY, "")
        where = "headline" if titled else "report"
        if text is None:
            yield f"{path}[{i}].report: unknown report {ev['report']!r}"
        elif not ev["start"] <= ev["end"] <= len(text):
            yield f"{path}[{i}]: span [{ev['start']}, {ev['end']}) lies outside the {where}'s {len(text)} characters"
