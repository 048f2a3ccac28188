"""The speaker bench: its scoring rules, its corpora, and one run through the command users run."""
import json
import re
import shutil
from pathlib import Path

import pytest

from bench import speakers


@pytest.mark.parametrize("shown, gold, same", [
    ("Esme Fairlaw", "Esme Fairlaw", True),
    ("Fairlaw", "Esme Fairlaw", True),  # a surname for the full name
    ("the company", "company", True),
    ("Reserve Bank", "Reserve Bank of Kalmora", False),  # a name cut short is not the name
    ("Aldane", "Rosheen Aldane", True),
    ("Rosheen Aldane", "Fergus Aldane", False),
    ("Councillor June Tillet", "June Tillet", True),
])
def test_same_speaker(shown: str, gold: str, same: bool):
    assert speakers.same_speaker(shown, gold) is same


@pytest.mark.parametrize("gold, quote, expected", [
    ({"speaker": "Ann Lee"}, {"speaker": "Ann Lee", "basis": "cue"}, "right"),
    ({"speaker": "Ann Lee"}, {"speaker": "the mayor", "basis": "description"}, "described"),
    ({"speaker": "Ann Lee"}, {"speaker": "Bo Ray", "basis": "pronoun"}, "wrong"),
    ({"speaker": "Ann Lee"}, {"speaker": None, "basis": "pronoun"}, "unattributed"),
    ({"speaker": "Ann Lee"}, None, "missing"),
    ({"speaker": None}, None, "no speaker, right"),
    ({"speaker": None}, {"speaker": None, "basis": "none"}, "no speaker, right"),
    ({"speaker": None}, {"speaker": "A sign", "basis": "verb"}, "wrong"),
])
def test_outcome(gold: dict, quote: dict | None, expected: str):
    assert speakers.outcome(gold, quote) == expected


HEAD_LINES = 8  # the lines of a copied page that hold its masthead, menus and headline


@pytest.mark.parametrize("folder", sorted(p for p in speakers.CORPORA.iterdir() if p.is_dir()))
def test_every_gold_line_names_words_found_once_inside_marks(folder: Path):
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    assert len(gold) >= 40
    for line in gold:
        text = (folder / line["file"]).read_text(encoding="utf-8")
        if line.get("part") == "title":  # a headline's words the body prints again: once in the page's head
            text = "\n".join(text.splitlines()[:HEAD_LINES])
        words = re.escape(line["words"])  # whole words: "thin" is not the end of "within"
        assert len(re.findall(rf"(?<![^\W\d_]){words}(?![^\W\d_])", text)) == 1, line


def test_a_headline_line_is_answered_only_by_a_headline_quotation(tmp_path: Path):
    gold = [{"file": "r.txt", "words": "the pier will stand", "speaker": "Ann Lee", "case": "headline_quote",
             "part": "title"}]
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    body = {"text": "the pier will stand for a century", "kind": "direct", "speaker": "Bo Ray"}
    head = {"text": "the pier will stand", "kind": "partial", "speaker": "Ann Lee", "part": "title"}
    assert [o for o, _, _ in speakers.score_set(tmp_path, {"r.txt": [body]})] == ["missing"]
    assert [o for o, _, _ in speakers.score_set(tmp_path, {"r.txt": [body, head]})] == ["right"]


def test_the_shortest_quotation_holding_the_words_as_its_own_is_scored():
    turn = {"text": 'Your release said "respect and generosity". Is that fair?', "kind": "direct", "speaker": "Host"}
    inner = {"text": "respect and generosity", "kind": "direct", "speaker": "Acme"}
    assert speakers.holder([turn, inner], "respect and generosity") is inner
    assert speakers.holder([turn], "respect and generosity") is None
    assert speakers.holder([turn], "Is that fair") is turn
    assert speakers.holder([{"text": "it was fair", "kind": "indirect"}], "was fair") is None


def test_one_report_through_the_command(tmp_path: Path):
    folder = speakers.CORPORA / "a"
    shutil.copy(folder / "r03.txt", tmp_path / "r03.txt")
    gold = [g for g in json.loads((folder / "gold.json").read_text(encoding="utf-8")) if g["file"] == "r03.txt"]
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    scored = speakers.score_set(tmp_path, speakers.run_cli(tmp_path))
    assert len(scored) == len(gold)
    outcomes = [o for o, _, _ in scored]
    assert "wrong" not in outcomes and outcomes.count("right") >= len(gold) - 2, scored
    assert "| all | " in speakers.table({"a": scored})


def test_set_a_names_no_wrong_speaker_through_the_command():
    folder = speakers.CORPORA / "a"
    scored = speakers.score_set(folder, speakers.run_cli(folder))
    said = [o for o, g, _ in scored if g["speaker"] is not None]
    wrong = [(g["file"], g["words"], q and q.get("speaker")) for o, g, q in scored if o == "wrong"]
    assert not wrong
    assert said.count("unattributed") <= 0.10 * len(said)
