import copy
import dataclasses
import json

import pytest
from jsonschema import Draft202012Validator

from newsloom import model
from newsloom.brief import BriefValidationError, load_schema, validate
from newsloom.brief.schema import _validator, inline_refs


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema"] == {"const": model.SCHEMA_ID}


@pytest.mark.parametrize("cls, name", [
    (model.Evidence, "evidence"), (model.InputStatus, "input"), (model.Line, "line"),
    (model.BriefReport, "report"), (model.Variant, "variant"), (model.QuoteGroup, "quote"),
    (model.ClaimGroup, "claim"), (model.Position, "position"), (model.Disagreement, "disagreement"),
    (model.TimelineEntry, "timelineEntry"), (model.EntitySummary, "entity"), (model.Framing, "framing"),
    (model.StoryBrief, "story")])
def test_schema_lists_every_field_of_the_model(cls, name):
    definition = load_schema()["$defs"][name]
    fields = {f.name for f in dataclasses.fields(cls)}
    assert set(definition["properties"]) == fields
    assert set(definition["required"]) == fields - ADDED_IN_VERSION_1.get(name, set()) - SOURCE_CHAINS.get(name, set())


ADDED_IN_VERSION_1 = {  # optional: older briefs lack them
    "quote": {"speaker_basis", "attribution", "confidence", "attributions", "correction"},
    "line": {"disputed_by"},
    "report": {"published_inferred", "published_evidence", "corrections"},
    "claim": {"disputed_by", "speaker_basis", "attribution", "speaker_confidence", "speaker_evidence"},
    "position": {"date"},
    "disagreement": {"id", "kind"},
    "timelineEntry": {"kind", "disputed_by"},
    "story": {"stale_fixes"},
    "evidence": {"part"},  # written only for a span of a headline
}


def test_schema_lists_every_field_of_a_speaker_correction_and_fix():
    defs = load_schema()["$defs"]
    correction = {f.name for f in dataclasses.fields(model.SpeakerCorrection)}
    assert set(defs["speakerCorrection"]["properties"]) == set(defs["speakerCorrection"]["required"]) == correction
    assert set(defs["speakerFix"]["properties"]) == {f.name for f in dataclasses.fields(model.SpeakerFix)}


def test_schema_lists_every_field_of_a_notice():
    definition = load_schema()["$defs"]["notice"]
    assert set(definition["properties"]) == set(definition["required"]) == {
        f.name for f in dataclasses.fields(model.Notice)}


def test_a_brief_without_consistency_fields_still_validates(doc):
    doc = copy.deepcopy(doc)
    for story in doc["stories"]:
        for key, fields in ADDED_IN_VERSION_1.items():
            for item in _items(story, key):
                for f in fields:
                    item.pop(f, None)
    validate(doc)


def _items(story: dict, key: str) -> list[dict]:
    """The objects of one schema definition in a story."""
    return {"line": story["summary"], "report": story["reports"], "claim": story["claims"],
            "timelineEntry": story["timeline"], "disagreement": story["disagreements"],
            "position": [p for d in story["disagreements"] for p in d["positions"]]}.get(key, [])


def test_disputed_by_must_name_a_disagreement(doc):
    doc = copy.deepcopy(doc)
    doc["stories"][0]["claims"][0]["disputed_by"] = ["d99"]
    with pytest.raises(BriefValidationError, match="d99"):
        validate(doc)
SOURCE_CHAINS = {"claim": {"chain", "independence"}, "position": {"chain", "independence"}, "story": {"independence"}}


def test_a_brief_without_source_chains_still_validates(doc):
    doc = copy.deepcopy(doc)
    for story in doc["stories"]:
        story.pop("independence", None)
        for item in [*story["claims"], *(p for d in story["disagreements"] for p in d["positions"])]:
            item.pop("chain", None)
            item.pop("independence", None)
    validate(doc)


def test_independence_must_agree_with_the_count(doc):
    doc = copy.deepcopy(doc)
    claim = doc["stories"][0]["claims"][0]
    claim["independence"] = [{"report": r, "counted": False, "rule": "copy of X", "source": ""} for r in claim["reports"]]
    with pytest.raises(BriefValidationError, match="independence"):
        validate(doc)


def test_attribution_lists_every_field_of_the_model():
    definition = load_schema()["$defs"]["attribution"]
    fields = {f.name for f in dataclasses.fields(model.Attribution)}
    assert set(definition["properties"]) == set(definition["required"]) == fields


def test_a_brief_without_the_speaker_basis_still_validates(doc):
    doc = copy.deepcopy(doc)
    for story in doc["stories"]:
        for quote in story["quotes"]:
            for key in ADDED_IN_VERSION_1["quote"]:
                quote.pop(key, None)
    validate(doc)


def test_sample_brief_validates(doc):
    validate(doc)


def test_empty_brief_validates():
    validate(model.Brief(inputs=[], stories=[]).to_dict())


def _broken(doc, mutate):
    doc = copy.deepcopy(doc)
    mutate(doc)
    with pytest.raises(BriefValidationError) as info:
        validate(doc)
    return str(info.value)


def test_rejects_missing_key(doc):
    message = _broken(doc, lambda d: d["stories"][0]["claims"][0].pop("independent_reports"))
    assert "$.stories[0].claims[0]" in message and "independent_reports" in message


def test_rejects_bad_status(doc):
    message = _broken(doc, lambda d: d["inputs"][3].update(status="crashed"))
    assert "$.inputs[3].status" in message


def test_rejects_negative_offset(doc):
    message = _broken(doc, lambda d: d["stories"][0]["summary"][0]["evidence"][0].update(start=-1))
    assert "$.stories[0].summary[0].evidence[0].start" in message


def test_rejects_string_offset(doc):
    message = _broken(doc, lambda d: d["stories"][0]["quotes"][0]["variants"][1]["evidence"][0].update(end="158"))
    assert "$.stories[0].quotes[0].variants[1].evidence[0].end" in message


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(schema="newsloom.brief/2"),
    lambda d: d["stories"][0]["reports"][0].update(copy_kind="plagiarism"),
    lambda d: d["stories"][0]["quotes"][0]["reports"].append(7),
    lambda d: d["stories"][0]["summary"][0]["evidence"][0].update(extra=1),
    lambda d: d["stories"][0]["framing"][0]["tone"].update(negative="high"),
    lambda d: d["stories"][0]["disagreements"][0]["positions"].pop(),
])
def test_rejects_other_schema_breakage(doc, mutate):
    _broken(doc, mutate)


def test_rejects_evidence_outside_its_report(doc):
    def mutate(d):
        d["stories"][0]["claims"][0]["evidence"][1]["end"] = 10_000
    assert "$.stories[0].claims[0].evidence[1]" in _broken(doc, mutate)


def test_a_headline_span_must_lie_inside_the_headline(doc):
    def mutate(d):
        report = d["stories"][0]["reports"][0]
        d["stories"][0]["claims"][0]["evidence"][0] = {"report": report["id"], "start": 0,
                                                       "end": len(report["title"] or "") + 1, "part": "title"}
    assert "lies outside the headline's" in _broken(doc, mutate)
    ok = copy.deepcopy(doc)
    report = ok["stories"][0]["reports"][0]
    ok["stories"][0]["claims"][0]["evidence"][0] = {"report": report["id"], "start": 0, "end": 1, "part": "title"}
    validate(ok)


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["stories"][0]["timeline"][0]["evidence"][0].update(report="nope"), "timeline[0].evidence[0].report"),
    (lambda d: d["stories"][0]["entities"][1]["reports"].append("nope"), "entities[1].reports[2]"),
    (lambda d: d["stories"][0]["reports"][1].update(copy_of="nope"), "reports[1].copy_of"),
    (lambda d: d["stories"][0]["reports"][1]["copy_evidence"][0].update(end=10_000), "reports[1].copy_evidence[0]"),
    (lambda d: d["stories"][0]["reports"][0].update(copy_evidence=[{"report": "da1ly", "start": 0, "end": 3}]),
     "reports[0].copy_evidence[0].report"),
    (lambda d: d["stories"][0]["framing"][1].update(report="nope"), "framing[1].report"),
    (lambda d: d["stories"][0]["claims"][0].update(independent_reports=3), "claims[0].independent_reports"),
    (lambda d: d["stories"][0]["reports"][1].update(id="c0ur1er", copy_of=None), "reports[1].id"),
])
def test_rejects_dangling_references(doc, mutate, where):
    assert where in _broken(doc, mutate)


def test_the_validator_reads_the_schema_with_every_reference_written_out():
    schema = inline_refs(load_schema())
    assert "$ref" not in json.dumps({key: value for key, value in schema.items() if key != "$defs"})
    assert _validator().schema == schema


@pytest.mark.parametrize("mutate", [
    lambda d: d["stories"][0]["claims"][0].pop("independent_reports"),
    lambda d: d["stories"][0]["summary"][0]["evidence"][0].update(start=-1, extra=1),
    lambda d: d["stories"][0]["reports"][1]["copy_evidence"][0].update(start="0"),  # a reference with a description
    lambda d: d["stories"][0]["reports"][0].update(published_evidence=[{"report": 3}], copy_kind="plagiarism"),
    lambda d: d["stories"][0]["claims"][0].update(speaker_evidence=7, reports=[1, "x", None], disputed_by="d1"),
    lambda d: d["inputs"][3].update(status="crashed", source=None),
    lambda d: d["stories"][0]["framing"][0]["tone"].update(negative="high"),
    lambda d: d.update(schema="newsloom.brief/2", stories=[{}]),
])
def test_written_out_references_give_the_same_errors(doc, mutate):
    doc = copy.deepcopy(doc)
    mutate(doc)
    errors = [(e.json_path, e.message) for e in _validator().iter_errors(doc)]
    assert errors and errors == [(e.json_path, e.message) for e in Draft202012Validator(load_schema()).iter_errors(doc)]


def test_a_reference_that_loops_is_kept():
    schema = {"$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}}}},
              "$ref": "#/$defs/node", "description": "a chain"}
    written = inline_refs(schema)
    assert written["allOf"][0]["properties"]["next"] == {"$ref": "#/$defs/node"}
    assert written["$defs"] == schema["$defs"] and written["description"] == "a chain"
    assert not list(Draft202012Validator(written).iter_errors({"next": {"next": {}}}))
    assert [e.json_path for e in Draft202012Validator(written).iter_errors({"next": {"next": 3}})] == ["$.next.next"]
