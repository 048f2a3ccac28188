"""Line classification and the metadata helpers behind the plain-text extractor."""
from __future__ import annotations

import pytest

from newsloom.extract.lines import Kind, byline_parts, classify, ends_sentence
from newsloom.extract.metadata import copyright_holder, find_date, iso_date, person_name


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Only logged in members can reply and interact with the post.", Kind.CHROME),
        ("Join Gardenchat for FREE »", Kind.CHROME),
        ("Sign up for our newsletter", Kind.CHROME),
        ("5 min read", Kind.CHROME),
        ("Advertisement", Kind.CHROME),
        ("Read more: Mayor resigns after budget row", Kind.CHROME),
        ("Top | New | Old", Kind.CHROME),
        ("OP Note: I found this interesting.", Kind.CHROME),
        ("Fans cheer at the stadium on Sunday. (Ana Lima/AFP via Getty Images)", Kind.CHROME),
        ("The stadium at night. ... [+] Reuters", Kind.CHROME),
        ("Crowds gather outside the court.Getty Images", Kind.CHROME),
        ("Photo: Lars Eng", Kind.CHROME),
        ("Read more", Kind.SECTION),
        ("Show More", Kind.SECTION),
        ("Further Reading", Kind.SECTION),
        ("Related stories", Kind.SECTION),
        ("Post Comment", Kind.BARRIER),
        ("@harbour_fan I agree, the pier was a disgrace", Kind.BARRIER),
        ("@harbour_fan: \u201cThirty years of ferries and not one apology.\u201d", Kind.PROSE),
        ("12 comments", Kind.BARRIER),
        ("gardener88 · 36-40, F", Kind.BARRIER),
        ("@gardener88 I disagree with this completely.", Kind.BARRIER),
        ("Avatar", Kind.BARRIER),
        ("© Copyright 2024 Daily Harbor. All rights reserved.", Kind.BARRIER),
        ("We are the news team of the Daily Harbor. Our readers count on us for fast news.", Kind.BARRIER),
        ("Tom Vale is a senior reporter covering energy and climate.", Kind.BARRIER),
        ("By MARIA LOPEZ", Kind.BYLINE),
        ("by · Daily Harbor", Kind.BYLINE),
        ("By Sunday, the army had retreated from the town.", Kind.PROSE),
        ("March 2, 2025 at 5:35 pm Updated March 2, 2025 at 5:35 pm", Kind.DATE),
        ("3/2/2025", Kind.DATE),
        ("Published 14 July 2024, 10:02 BST", Kind.DATE),
        ("Big changes ahead for the valley. Will it work? Read on to find out!", Kind.TEASER),
        ("Key Facts", Kind.HEADING),
        ("Harbour Plans Face Legal Challenge From Fishermen", Kind.HEADING),
        ("The council voted on Monday to close the pier.", Kind.PROSE),
        ("Nobody was hurt.", Kind.PROSE),
        ("", Kind.BLANK),
    ],
)
def test_classify(line: str, kind: Kind) -> None:
    assert classify(line) == kind


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("By MARIA LOPEZ", ("MARIA LOPEZ", None)),
        ("By Maria Lopez | Daily Harbor", ("Maria Lopez", "Daily Harbor")),
        ("by · Daily Harbor", (None, "Daily Harbor")),
        ("By Maria Lopez, Staff Writer", ("Maria Lopez", None)),
        ("By Maria Lopez, Kestrel News Agency", ("Maria Lopez", "Kestrel News Agency")),
        ("By Maria Lopez, Chief Reporter, The Daily Harbor", ("Maria Lopez", "The Daily Harbor")),
        ("By Maria Lopez, Meridian Press | PORT KELDER, England, 13 October 2025", ("Maria Lopez", "Meridian Press")),
        ("By Maria Lopez | The Apothecary Review, Nov. 21", ("Maria Lopez", "The Apothecary Review")),
        ("By Maria Lopez, Harbour Herald staff writer | Oct. 16", ("Maria Lopez", "Harbour Herald")),
        ("By Maria Lopez, Herald columnist | Oct. 19", ("Maria Lopez", None)),
        ("By Maria Lopez, Port Elsinge", ("Maria Lopez", None)),
        ("By Maria Lopez | Tuesday", ("Maria Lopez", None)),
        ("By Herald Staff, with Kelder Press Agency | Saltreach Daily Herald", (None, "Saltreach Daily Herald")),
        ("By SportsDesk 24 staff", (None, "SportsDesk 24")),
    ],
)
def test_byline_parts(line: str, parts: tuple[str | None, str | None]) -> None:
    assert byline_parts(line) == parts


@pytest.mark.parametrize(
    ("raw", "name"),
    [("By FRANCESCA EBEL", "Francesca Ebel"), ("SEAN O'NEILL", "Sean O'Neill"), ("JEAN-PAUL DURAND", "Jean-Paul Durand"),
     ("  Ana   Lima ", "Ana Lima"), ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"), ("", None),
     ("GAZ PENNOCK and SHONA REILLY", "Gaz Pennock and Shona Reilly")],
)
def test_person_name(raw: str, name: str | None) -> None:
    assert person_name(raw) == name


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("March 2, 2025 at 5:35 pm", "2025-03-02"),
        ("Updated: Mar. 2, 2025", "2025-03-02"),
        ("3/2/2025", "2025-03-02"),
        ("2 March 2025", "2025-03-02"),
        ("Posted 2025-03-02 08:00", "2025-03-02"),
        ("02.03.2025", "2025-03-02"),
        ("2 min read", None),
    ],
)
def test_find_date(line: str, date: str | None) -> None:
    assert find_date(line) == date


def test_iso_date_normalises_timestamps() -> None:
    assert iso_date("2025-03-02T23:35:00-05:00") == "2025-03-02"
    assert iso_date("Sun, 02 Mar 2025 23:35:00 -0500") == "2025-03-02"
    assert iso_date("not a date") is None


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© Copyright 2025 BreakWire. All rights reserved.", "BreakWire"),
        ("Copyright © 2023 Valley Farm Gazette. All rights reserved.", "Valley Farm Gazette"),
        ("© 2019-2024 Harbor Media Group, Inc.", "Harbor Media Group"),
        ("(c) The Daily Lantern 2022", "The Daily Lantern"),
        ("No notice here", None),
    ],
)
def test_copyright_holder(line: str, holder: str | None) -> None:
    assert copyright_holder(line) == holder


@pytest.mark.parametrize("line", ['He said: "We will rebuild. "', "The port reopened. ”", 'It ends here.)', "Done!"])
def test_a_sentence_ends_before_closing_quotes_spaced_or_not(line: str) -> None:
    assert ends_sentence(line)


def test_a_headline_does_not_end_a_sentence() -> None:
    assert not ends_sentence('Port reopens after "six weeks" ')
