"""The quote benchmark's PolNeAR parser and scoring functions on a hand-made article."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.quotes import (
    Attribution,
    Counts,
    is_quote_marked,
    load_split,
    match,
    normalise,
    overlap,
    parse_ann,
    prf,
    score_article,
    spans_touch,
)

TEXT = (
    "“We will fix the bridge,” Mayor Ann Lee said. “It opens in May.”\n"
    "Critics argued that the plan was far too expensive for the town.\n"
)
A1, A2 = TEXT.index("We will"), TEXT.index("bridge") + len("bridge,”")
B1, B2 = TEXT.index("“It"), TEXT.index("May.”") + len("May.”")
S1, S2 = TEXT.index("Mayor"), TEXT.index(" said")
C1 = TEXT.index("that the plan")
C2 = TEXT.index("the town") + len("the town")
K1 = TEXT.index("Critics")
ANN = (
    f"T1\tSource {S1} {S2}\tMayor Ann Lee\n"
    f"T2\tCue {S2 + 1} {S2 + 5}\tsaid\n"
    f"T3\tContent {A1 - 1} {A2};{B1} {B2}\t“We will fix the bridge,” “It opens in May.”\n"
    f"T4\tAttribution {S2 + 1} {S2 + 5}\tsaid\n"
    f"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    f"T5\tSource {K1} {K1 + 7}\tCritics\n"
    f"T6\tCue {K1 + 8} {K1 + 15}\targued\n"
    f"T7\tContent {C1} {C2}\tthat the plan was far too expensive\n"
    f"continuation line of a multi-line span text\n"
    f"T8\tAttribution {K1 + 8} {K1 + 15}\targued\n"
    f"E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    f"T9\tDiscuss 0 5\t“We w\n"
    f"#1\tAnnotatorNotes T9\tunsure\n"
    f"T10\tCue {C1} {C1 + 4}\tthat\n"
    f"T11\tContent {C1 + 5} {C2}\tthe plan\n"
    f"E3\tAttribution:T10 Content:T11\n"
)


def test_parse_ann() -> None:
    """Events become attributions; fragments, no-source events and stray lines are handled."""
    atts = parse_ann(ANN)
    assert len(atts) == 3
    assert atts[0].content == [(A1 - 1, A2), (B1, B2)]
    assert atts[0].source == [(S1, S2)] and TEXT[S1:S2] == "Mayor Ann Lee"
    assert atts[0].cue == [(S2 + 1, S2 + 5)]
    assert TEXT[slice(*atts[1].source[0])] == "Critics"
    assert atts[2].source == []


def test_normalise_and_overlap() -> None:
    """Quotation marks and edge punctuation are trimmed; overlap divides by the larger span."""
    inner = normalise(TEXT, [(A1, A2 - 2)])  # "We will fix the bridge" without ",”"
    outer = normalise(TEXT, [(A1 - 1, A2)])
    assert inner == outer and TEXT[min(inner) : max(inner) + 1] == "We will fix the bridge"
    assert overlap(inner, outer) == 1.0
    assert overlap(frozenset(range(10)), frozenset(range(5, 20))) == pytest.approx(5 / 15)
    assert overlap(frozenset(), frozenset({1})) == 0.0


def test_quote_marked_and_touch() -> None:
    """Marks just outside the span count; speakers match a source by any shared character."""
    atts = parse_ann(ANN)
    assert is_quote_marked(TEXT, atts[0].content)
    assert is_quote_marked(TEXT, [(A1, A2 - 2)])  # the opening mark sits one character before
    assert not is_quote_marked(TEXT, atts[1].content)
    assert spans_touch([(S1 + 6, S2)], [(S1, S2)])
    assert not spans_touch([(0, 3)], [(3, 6)])


def test_match_merges_split_quote() -> None:
    """Two predicted pieces of one split quote both count; a wrong speaker and a false quote are scored."""
    gold = parse_ann(ANN)[:2]
    pred = [
        ([(A1, A2 - 2)], [(S1 + 6, S2)]),  # "We will fix the bridge", speaker "Lee"
        ([(B1 + 1, B2 - 1)], [(0, 2)]),  # "It opens in May.", wrong speaker
        ([(C1 + 5, C1 + 13)], [(K1, K1 + 7)]),  # "the plan": too short for 50 %
        ([(TEXT.index("town"), C2)], []),  # another piece of the same gold, still too short
    ]
    c = match(TEXT, gold, pred)
    assert (c.gold, c.pred) == (2, 4)
    assert (c.exact_gold, c.exact_pred, c.half_gold, c.half_pred) == (1, 2, 1, 2)
    assert (c.src_total, c.src_ok) == (2, 1)
    assert c.src_none == 0  # both scored predictions name a speaker: one right, one wrong
    abstained = match(TEXT, gold, [([(A1, A2 - 2)], [])])
    assert (abstained.src_total, abstained.src_ok, abstained.src_none) == (1, 0, 1)
    long = [([(C1 + 5, C2 - 1)], [(K1, K1 + 3)])]
    c2 = match(TEXT, gold, long)
    assert (c2.exact_gold, c2.half_gold, c2.half_pred, c2.src_ok) == (0, 1, 1, 1)
    total = Counts()
    total.add(c)
    total.add(c2)
    assert (total.pred, total.half_gold, total.src_total) == (5, 2, 3)
    p, r, f = prf(total.half_pred, total.half_gold, total.pred, total.gold)
    assert (p, r) == (pytest.approx(3 / 5), pytest.approx(2 / 4))
    assert f == pytest.approx(2 * p * r / (p + r))
    assert prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)


def test_load_split_first_annotator(tmp_path: Path) -> None:
    """One annotation file per text, the first by name; texts without annotations are ignored."""
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "paper_2016-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "paper_2016-01-01_bridge_aaaa.ann").write_text(ANN, encoding="utf-8")
    (base / "attributions" / "paper_2016-01-01_bridge_bbbb.ann").write_text("", encoding="utf-8")
    arts = load_split(tmp_path, "dev", None)
    assert [(n, t) for n, t, _ in arts] == [("paper_2016-01-01_bridge", TEXT)]
    assert len(arts[0][2]) == 3
    assert isinstance(arts[0][2][0], Attribution)


def test_normalise_ignores_white_space_and_punctuation() -> None:
    """A gold quote cut into one fragment per sentence equals the whole quote found in one piece."""
    text = "\u201cIt opens in May. It closes in June.\u201d"
    whole = normalise(text, [(1, len(text) - 1)])
    cut = normalise(text, [(0, text.index(" It")), (text.index("It closes"), len(text))])
    assert whole == cut and overlap(whole, cut) == 1.0


def test_typewriter_marks_count_as_quotation_marks() -> None:
    text = "''We will fix it,'' she said."
    assert is_quote_marked(text, [(2, 16)])
    assert not is_quote_marked(text, [(20, 28)])


def test_score_article_splits_gold_and_ours_by_the_same_mark_test() -> None:
    """Indirect speech weaving in quoted words is scored against quote-marked gold."""
    text = 'Ann Lee said the plan was "far too costly" for the town.'
    content = [(text.index("the plan"), text.index(" for the town") + len(" for the town"))]
    gold = [Attribution(content=content, source=[(0, 7)])]
    woven = (content, [(0, 7)])
    words = ([(text.index("far"), text.index('costly"') + 6)], [(0, 7)])
    rows = score_article(text, gold, [woven, words])
    assert (rows["quote-marked"].gold, rows["quote-marked"].pred) == (1, 2)
    assert rows["quote-marked"].exact_gold == 1 and rows["quote-marked"].src_ok == 2
    assert (rows["not quote-marked"].gold, rows["not quote-marked"].pred) == (0, 0)
    assert rows["all"].half_pred == 2


def test_predicted_takes_quotes_jsonl_rows_with_and_without_a_speaker() -> None:
    from bench.quotes import predicted

    rows = [{"start": 1, "end": 9, "speaker": "Ann Lee", "speaker_start": 12, "speaker_end": 20},
            {"start": 30, "end": 40, "speaker": None, "speaker_start": None, "speaker_end": None},
            {"start": 50, "end": 60, "speaker": None, "speaker_start": 62, "speaker_end": 64}]  # "it said": no name
    assert predicted(rows) == [([(1, 9)], [(12, 20)]), ([(30, 40)], []), ([(50, 60)], [])]


def test_a_speaker_below_the_threshold_counts_as_unattributed_as_in_the_brief() -> None:
    from bench.quotes import predicted

    text = 'Ann Lee said the plan was "a costly detour" and Bo Ray cruised to "a comfortable win" later.'

    def quote(fragment: str, speaker: str, confidence: float) -> dict:
        start, at = text.index(fragment), text.index(speaker)
        return {"start": start, "end": start + len(fragment), "speaker": speaker, "speaker_start": at,
                "speaker_end": at + len(speaker), "confidence": confidence}

    quotes = [quote("a costly detour", "Ann Lee", 0.85), quote("a comfortable win", "Bo Ray", 0.42)]
    shown, found = predicted(quotes), predicted(quotes, shown_only=False)
    assert shown[0][1] and shown[1][1] == [] and found[1][1]  # the earlier counting still sees Bo Ray

    def span(fragment: str) -> list[tuple[int, int]]:
        return [(text.index(fragment), text.index(fragment) + len(fragment))]

    gold = [Attribution(content=span("a costly detour"), source=span("Ann Lee")),
            Attribution(content=span("a comfortable win"), source=span("Ann Lee"))]
    row = score_article(text, gold, shown)["quote-marked"]
    assert (row.src_total, row.src_ok, row.src_none) == (2, 1, 1)
    row = score_article(text, gold, found)["quote-marked"]
    assert (row.src_total, row.src_ok, row.src_none) == (2, 1, 0)  # Bo Ray: a wrong speaker
