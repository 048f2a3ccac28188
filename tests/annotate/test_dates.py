"""Relative and absolute dates resolved against the publication date."""
from datetime import date

import pytest

from newsloom.annotate.dates import resolve

SUNDAY = date(2025, 3, 2)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("last Friday", "2025-02-28"),
        ("on Sunday", "2025-03-02"),  # same weekday as publication: that very day
        ("last Sunday", "2025-02-23"),
        ("Wednesday", "2025-02-26"),
        ("next Monday", "2025-03-03"),
        ("Tuesday night", "2025-02-25"),
        ("yesterday", "2025-03-01"),
        ("Feb. 19", "2025-02-19"),
        ("April 27, 2023", "2023-04-27"),
        ("earlier in the week", None),
        ("January", None),
    ],
)
def test_resolve(text, expected):
    assert resolve(text, SUNDAY) == expected


def test_article_dates_resolved(annotated):
    values = {d.text: d.value for d in annotated.dates}
    assert values["on Tuesday"] == "2025-05-13"
    assert values["on Wednesday"] == "2025-05-14"
    assert values["Last Friday"] == "2025-05-09"
