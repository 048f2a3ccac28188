import json

import pytest

from newsloom.brief import BriefValidationError, to_json, validate
from newsloom.model import Evidence


def test_json_round_trips_and_validates(brief):
    text = to_json(brief)
    doc = json.loads(text)
    assert next(iter(doc)) == "schema" and doc["schema"] == "newsloom.brief/1"
    validate(doc)
    assert doc == brief.to_dict()
    assert "MARROW CREEK —" in text  # not ASCII-escaped


def test_json_refuses_a_brief_pointing_past_its_text(brief):
    brief.stories[0].summary[0].evidence.append(Evidence("c0ur1er", 5, 99_999))
    with pytest.raises(BriefValidationError, match=r"summary\[0\]\.evidence\[2\]"):
        to_json(brief)


@pytest.mark.parametrize("indent", [2, 0, None])
@pytest.mark.parametrize("stories", [0, 1, 3])
def test_json_written_story_by_story_is_the_same_text(brief, indent, stories):
    import io
    from dataclasses import replace

    from newsloom.brief import write_json
    from newsloom.model import Brief

    many = [replace(brief.stories[0], id=f"s{i}") for i in range(stories)]
    whole = Brief(inputs=brief.inputs, stories=many)
    out = io.StringIO()
    assert write_json(whole.inputs, iter(many), out, indent=indent) == stories
    assert out.getvalue() == to_json(whole, indent=indent)


def test_json_written_story_by_story_checks_each_story(brief):
    import io

    from newsloom.brief import write_json

    with pytest.raises(BriefValidationError, match="duplicate story id"):
        write_json(brief.inputs, [brief.stories[0], brief.stories[0]], io.StringIO())
    brief.stories[0].summary[0].evidence.append(Evidence("c0ur1er", 5, 99_999))
    with pytest.raises(BriefValidationError, match=r"summary\[0\]\.evidence\[2\]"):
        write_json(brief.inputs, brief.stories, io.StringIO())
