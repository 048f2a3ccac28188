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
