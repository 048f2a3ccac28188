"""Who copied whom: copies, rewrites, independent reports, originals by date and arrival, chains."""
from __future__ import annotations

import numpy as np

from newsloom.model import Story
from newsloom.stories import find_copies, group
from newsloom.stories.alignment import Sentences, align, mask_quotes, similarity_matrix
from newsloom.stories.provenance import REWRITE, chronology, compare, prepare
from tests.stories import news
from tests.stories.news import make


def story_of(anns) -> Story:
    """All the reports as one story."""
    return Story(id="s-test", report_ids=[a.report_id for a in anns])


def edges(anns) -> dict[str, tuple[str, str]]:
    """copy -> (original, kind) for the reports taken as one story."""
    return {e.copy: (e.original, e.kind) for e in find_copies(anns, story_of(anns)).edges}


def test_copy_with_five_percent_of_words_changed():
    original = make("wire", news.TRAIN_ORIGINAL, "2024-03-09", news.DERAILMENT)
    copy = make("blog", news.substitute(news.TRAIN_ORIGINAL), "2024-03-10", news.DERAILMENT)
    story = find_copies([copy, original], story_of([copy, original]))
    (edge,) = story.edges
    assert (edge.copy, edge.original, edge.kind) == ("blog", "wire", "copy")
    assert 0.8 <= edge.similarity <= 1.0
    reports = [ev.report for ev in edge.evidence]
    assert reports == sorted(reports, key=lambda r: r != "blog"), "the copy's passages come first"
    assert set(reports) == {"blog", "wire"}
    texts = {"blog": copy.article.text, "wire": original.article.text}
    for ev in edge.evidence:
        passage = texts[ev.report][ev.start:ev.end]
        assert passage.strip() == passage
        assert ev.end - ev.start > 20
    shared = [texts["wire"][ev.start:ev.end] for ev in edge.evidence if ev.report == "wire"]
    assert all(p in news.TRAIN_ORIGINAL for p in shared) and len(shared) >= 5


def test_sentence_by_sentence_paraphrase_is_a_rewrite():
    anns = [make("wire", news.TRAIN_ORIGINAL, "2024-03-09T23:00:00", news.DERAILMENT),
            make("site", news.TRAIN_REWRITE, "2024-03-10T08:00:00", news.DERAILMENT)]
    story = find_copies(anns, story_of(anns))
    (edge,) = story.edges
    assert (edge.copy, edge.original, edge.kind) == ("site", "wire", "rewrite")
    assert 0.35 <= edge.similarity < 0.8
    assert len(edge.evidence) >= 6


def test_independent_reports_sharing_quotes_are_not_copies():
    anns = [make("a", news.TRAIN_QUOTES_1, "2024-03-10", news.DERAILMENT),
            make("b", news.TRAIN_QUOTES_2, "2024-03-10", news.DERAILMENT),
            make("wire", news.TRAIN_ORIGINAL, "2024-03-09", news.DERAILMENT)]
    assert edges(anns) == {}


def test_short_reports_made_mostly_of_the_same_quotes_are_not_copies():
    anns = [make("a", news.QUOTES_SHORT_1, "2024-03-10", news.DERAILMENT),
            make("b", news.QUOTES_SHORT_2, "2024-03-10", news.DERAILMENT)]
    assert edges(anns) == {}


def test_independent_reports_of_one_event_are_not_copies():
    anns = [make("tr1", news.QUAKE_TR_1, "2024-03-04", news.MALATYA),
            make("tr2", news.QUAKE_TR_2, "2024-03-04", news.MALATYA),
            make("tr3", news.QUAKE_TR_3, "2024-03-05", news.MALATYA)]
    assert edges(anns) == {}


def test_original_is_the_one_published_first_whatever_the_arrival():
    copy = make("late", news.substitute(news.TRAIN_ORIGINAL), "2024-03-11", news.DERAILMENT)
    original = make("early", news.TRAIN_ORIGINAL, "2024-03-09", news.DERAILMENT)
    assert edges([copy, original]) == {"late": ("early", "copy")}


def test_original_is_the_first_to_arrive_when_dates_are_missing():
    first = make("first", news.substitute(news.TRAIN_ORIGINAL))
    second = make("second", news.TRAIN_ORIGINAL)
    assert edges([first, second]) == {"second": ("first", "copy")}
    assert edges([second, first]) == {"first": ("second", "copy")}


def test_times_of_day_decide_within_a_day_only_when_all_reports_have_them():
    timed = [make("b", "x", "2024-03-10T12:00:00"), make("a", "x", "2024-03-10T08:00:00")]
    assert chronology(timed, ["a", "b"]) == ["a", "b"]
    mixed = [make("b", "x", "2024-03-10T12:00:00"), make("a", "x", "2024-03-10")]
    assert chronology(mixed, ["a", "b"]) == ["b", "a"]
    undated = [make("u", "x"), make("d", "x", "2024-03-12")]
    assert chronology(undated, ["u", "d"]) == ["u", "d"]
    assert chronology([make("d", "x", "2024-03-12"), make("u", "x")], ["u", "d"]) == ["d", "u"]


def test_copy_of_an_exact_copy_points_at_the_first_source():
    body = news.TRAIN_ORIGINAL
    anns = [make("wire", body, "2024-03-09"), make("paper", body + " Reporting by staff.", "2024-03-10"),
            make("aggregator", body + " Reporting by staff.", "2024-03-11")]
    assert edges(anns) == {"paper": ("wire", "copy"), "aggregator": ("wire", "copy")}


def test_copy_of_an_altered_copy_points_at_its_direct_parent():
    altered = news.substitute(news.TRAIN_ORIGINAL, every=12, offset=3)
    anns = [make("wire", news.TRAIN_ORIGINAL, "2024-03-09"), make("paper", altered, "2024-03-10"),
            make("aggregator", altered, "2024-03-11")]
    assert edges(anns) == {"paper": ("wire", "copy"), "aggregator": ("paper", "copy")}


def test_independence_groups_count_copies_once():
    anns = [
        make("wire", news.TRAIN_ORIGINAL, "2024-03-09", news.DERAILMENT),
        make("site", news.TRAIN_REWRITE, "2024-03-10", news.DERAILMENT),
        make("blog", news.substitute(news.TRAIN_ORIGINAL), "2024-03-11", news.DERAILMENT),
        make("local", news.TRAIN_QUOTES_1, "2024-03-10", news.DERAILMENT),
        make("tv", news.TRAIN_QUOTES_2, "2024-03-10", news.DERAILMENT),
    ]
    roots = find_copies(anns, story_of(anns)).independence_groups()
    assert roots == {"wire": "wire", "site": "wire", "blog": "wire", "local": "local", "tv": "tv"}
    assert len(set(roots.values())) == 3


def test_group_attaches_edges_to_clustered_stories():
    anns = [make("wire", news.TRAIN_ORIGINAL, "2024-03-09", news.DERAILMENT),
            make("blog", news.substitute(news.TRAIN_ORIGINAL), "2024-03-10", news.DERAILMENT),
            make("ecb", news.RATES_1, "2024-03-07", news.ECB)]
    stories = group(anns)
    assert [len(s.report_ids) for s in stories] == [2, 1]
    assert stories[0].copy_of("blog") == "wire" and stories[1].edges == []


def test_each_report_has_at_most_one_parent():
    anns = [make("wire", news.TRAIN_ORIGINAL, "2024-03-09"), make("site", news.TRAIN_REWRITE, "2024-03-10"),
            make("blog", news.substitute(news.TRAIN_ORIGINAL), "2024-03-11")]
    story = find_copies(anns, story_of(anns))
    copies = [e.copy for e in story.edges]
    assert len(copies) == len(set(copies)) and "wire" not in copies


def test_quotes_are_masked_without_moving_offsets():
    text = ("He said \u201cwe will rebuild\u201d and left. \"Never,\" she said. "
            "It's \u2018Lisbon\u2019s time\u2019 now.")
    masked = mask_quotes(text)
    assert len(masked) == len(text)
    assert "rebuild" not in masked and "Never" not in masked and "Lisbon" not in masked
    assert masked.startswith("He said ") and "It's" in masked


def test_alignment_keeps_order():
    sim = np.array([[0.9, 0.0, 0.0], [0.0, 0.0, 0.8], [0.0, 0.7, 0.0]])
    pairs = align(sim, 0.35)
    assert [(i, j) for i, j, _ in pairs] == [(0, 0), (1, 2)]


def test_verbatim_copy_of_quotes_still_has_evidence():
    statement = ("\"We will rebuild every home that was lost, and we will do it within a year.\" "
                 "\"No family will be left without a roof over its head this winter.\"")
    anns = [make("ministry", statement, "2024-03-05"), make("paper", statement, "2024-03-06")]
    (edge,) = find_copies(anns, story_of(anns)).edges
    assert (edge.copy, edge.original, edge.kind) == ("paper", "ministry", "copy")
    assert [(ev.report, ev.start, ev.end) for ev in edge.evidence] == [
        ("paper", 0, 76), ("paper", 77, len(statement)), ("ministry", 0, 76), ("ministry", 77, len(statement))]


def test_empty_and_tiny_reports_do_not_break_anything():
    anns = [make("empty", ""), make("tiny", "Storm."), make("wire", news.TRAIN_ORIGINAL)]
    assert edges(anns) == {}
    assert sorted(r for s in group(anns) for r in s.report_ids) == ["empty", "tiny", "wire"]


BRIDGE_A = (
    "Storm Edda closes Brackley bridge\n"
    "The Brackley river bridge was shut on Tuesday after storm Edda damaged two of its pillars, the county said.\n"
    "Engineers will inspect the structure before it reopens to traffic.\n"
    "Buses will use a diversion through Hollin Cross."
)
BRIDGE_B = (
    "Brackley crossing shut for weeks after Edda\n"
    "County officials shut the river crossing at Brackley on Tuesday night when gales from Edda cracked its "
    "supports.\n"
    "Repairs could take a month, a council spokesman said, and cost about two million pounds.\n"
    "School buses are going the long way round through Hollin Cross."
)


def test_short_reports_sharing_facts_but_not_phrasing_are_not_rewrites():
    anns = [make("a", BRIDGE_A, "2024-03-09"), make("b", BRIDGE_B, "2024-03-10")]
    reports = prepare(anns, story_of(anns))
    pairs = align(similarity_matrix(reports["b"].sentences, reports["a"].sentences), REWRITE)
    assert len(pairs) == 3 and all(s < 0.45 for *_, s in pairs)  # 3 of 4 sentences loosely alike
    assert compare(reports["b"], reports["a"]) is None and edges(anns) == {}


def test_datelines_are_not_comparable_sentences():
    ann = make("a", "June 6, 2013 11:34PM\nThe bridge was closed on Monday after engineers found cracks.")
    assert Sentences.of(ann).comparable == [False, True]


def test_in_a_big_story_each_report_meets_its_closest_sources(monkeypatch):
    from newsloom.stories import provenance

    others = [news.QUAKE_TR_1, news.QUAKE_TR_2, news.QUAKE_TR_3, news.QUAKE_PE_1, news.QUAKE_PE_2, news.RATES_1,
              news.RATES_2, news.JOBS_JAN, news.JOBS_FEB, news.STRIKE_UNION_1, news.STRIKE_UNION_2]
    anns = [make("wire", news.TRAIN_ORIGINAL, "2024-03-09")]
    anns += [make(f"o{i}", text, "2024-03-09") for i, text in enumerate(others)]
    anns += [make("site", news.TRAIN_REWRITE, "2024-03-10"), make("blog", news.substitute(news.TRAIN_ORIGINAL),
                                                                    "2024-03-10")]
    order = chronology(anns, [a.report_id for a in anns])
    reports = prepare(anns, story_of(anns))
    listed = provenance.sources(reports, order, limit=3)
    assert [len(e) for e in listed] == [0, 1, 2, 3] + [3] * (len(order) - 4)
    assert all(set(e) <= set(order[:k]) for k, e in enumerate(listed))
    assert "wire" in listed[order.index("site")] and "wire" in listed[order.index("blog")]
    assert provenance.sources(reports, order, limit=len(order)) == [order[:k] for k in range(len(order))]
    every_pair = edges(anns)
    monkeypatch.setattr(provenance, "MAX_SOURCES", 3)
    capped = edges(anns)
    assert capped["site"] == ("wire", "rewrite") and capped["blog"] == ("wire", "copy")
    assert capped == every_pair


def test_a_grown_story_compares_only_its_new_reports(monkeypatch):
    from newsloom.stories import provenance

    first = [make("wire", news.TRAIN_ORIGINAL, "2024-03-09T08:00:00"),
             make("quotes", news.TRAIN_QUOTES_1, "2024-03-09T09:00:00"),
             make("site", news.TRAIN_REWRITE, "2024-03-09T10:00:00")]
    later = [make("blog", news.substitute(news.TRAIN_ORIGINAL), "2024-03-10T08:00:00"),
             make("more", news.TRAIN_QUOTES_2, "2024-03-10T09:00:00")]
    settled = find_copies(first, story_of(first))
    calls = []
    real = provenance.compare
    monkeypatch.setattr(provenance, "compare", lambda a, b: calls.append(a.ann.report_id) or real(a, b))
    grown = find_copies(first + later, story_of(first + later), settled=settled)
    assert set(calls) == {"blog", "more"}
    calls.clear()
    assert grown.edges == find_copies(first + later, story_of(first + later)).edges
    assert set(calls) == {"quotes", "site", "blog", "more"}
    assert {e.copy: e.original for e in grown.edges} == {"site": "wire", "blog": "wire"}


def test_a_grown_story_with_an_earlier_newcomer_is_compared_anew(monkeypatch):
    from newsloom.stories import provenance

    first = [make("site", news.TRAIN_REWRITE, "2024-03-10"), make("blog", news.substitute(news.TRAIN_ORIGINAL),
                                                                   "2024-03-10")]
    settled = find_copies(first, story_of(first))
    newcomer = make("wire", news.TRAIN_ORIGINAL, "2024-03-09")  # published before the settled reports
    calls = []
    real = provenance.compare
    monkeypatch.setattr(provenance, "compare", lambda a, b: calls.append(a.ann.report_id) or real(a, b))
    grown = find_copies(first + [newcomer], story_of(first + [newcomer]), settled=settled)
    assert {"site", "blog"} <= set(calls)
    assert {e.copy: e.original for e in grown.edges} == {"site": "wire", "blog": "wire"}
