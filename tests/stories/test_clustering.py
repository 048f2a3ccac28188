"""Grouping reports into stories: splits, merges, time, order independence, ids."""
from __future__ import annotations

import random

from newsloom.stories import StoryIndex, cluster, group
from newsloom.stories.clustering import story_id
from tests.stories import news
from tests.stories.news import make


def partition(stories) -> set[frozenset[str]]:
    """The stories as a set of sets of report ids."""
    return {frozenset(s.report_ids) for s in stories}


def quakes():
    """Two earthquake stories in one week: Turkey (three reports) and Peru (two)."""
    return [
        make("tr1", news.QUAKE_TR_1, "2024-03-04", news.MALATYA),
        make("tr2", news.QUAKE_TR_2, "2024-03-04", news.MALATYA),
        make("tr3", news.QUAKE_TR_3, "2024-03-05", news.MALATYA),
        make("pe1", news.QUAKE_PE_1, "2024-03-07", news.AREQUIPA),
        make("pe2", news.QUAKE_PE_2, "2024-03-07", news.AREQUIPA),
    ]


def mixed():
    """Reports of five different stories, with a copy among them."""
    return quakes() + [
        make("ecb1", news.RATES_1, "2024-03-07", news.ECB),
        make("ecb2", news.RATES_2, "2024-03-07", news.ECB),
        make("t0", news.TRAIN_ORIGINAL, "2024-03-09", news.DERAILMENT),
        make("trw", news.TRAIN_REWRITE, "2024-03-10", news.DERAILMENT),
        make("tcp", news.substitute(news.TRAIN_ORIGINAL), "2024-03-10", news.DERAILMENT),
        make("jan", news.JOBS_JAN, "2024-02-02", news.JOBS),
    ]


def test_similar_but_different_events_stay_apart():
    assert partition(cluster(quakes())) == {frozenset({"tr1", "tr2", "tr3"}), frozenset({"pe1", "pe2"})}


def test_same_event_in_different_words_is_one_story():
    one = [make("tr1", news.QUAKE_TR_1, "2024-03-04", news.MALATYA),
           make("tr2", news.QUAKE_TR_2, "2024-03-04", news.MALATYA)]
    assert partition(cluster(one)) == {frozenset({"tr1", "tr2"})}


def test_mixed_reports_form_their_stories():
    expected = {
        frozenset({"tr1", "tr2", "tr3"}), frozenset({"pe1", "pe2"}), frozenset({"ecb1", "ecb2"}),
        frozenset({"t0", "trw", "tcp"}), frozenset({"jan"}),
    }
    assert partition(cluster(mixed())) == expected


def test_report_bridging_two_stories_merges_them():
    index = StoryIndex()
    union = [make("u1", news.STRIKE_UNION_1, "2024-02-26", news.LISBON),
             make("u2", news.STRIKE_UNION_2, "2024-02-26", news.LISBON)]
    city = [make("c1", news.CITY_BUSES_1, "2024-02-26", news.LISBON),
            make("c2", news.CITY_BUSES_2, "2024-02-26", news.LISBON)]
    ids = [index.add(ann) for ann in union + city]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    assert len(index.stories()) == 2
    merged = index.add(make("br", news.STRIKE_BRIDGE, "2024-02-26", news.LISBON))
    assert partition(index.stories()) == {frozenset({"u1", "u2", "c1", "c2", "br"})}
    assert index.story_of("u1") == index.story_of("c2") == merged


def test_far_apart_dates_split_look_alike_reports():
    jan = make("jan", news.JOBS_JAN, "2024-02-02", news.JOBS)
    feb = make("feb", news.JOBS_FEB, "2024-03-08", news.JOBS)
    assert len(cluster([jan, feb])) == 2
    undated = [make("jan", news.JOBS_JAN, None, news.JOBS), make("feb", news.JOBS_FEB, None, news.JOBS)]
    assert len(cluster(undated)) == 1


def test_time_penalty_lowers_the_score():
    index = StoryIndex()
    index.add(make("jan", news.JOBS_JAN, "2024-02-02", news.JOBS))
    near = index.score(make("feb", news.JOBS_FEB, "2024-02-05", news.JOBS), ["jan"])
    far = index.score(make("feb", news.JOBS_FEB, "2024-03-08", news.JOBS), ["jan"])
    assert far < near / 10


def test_partition_and_ids_do_not_depend_on_input_order():
    reports = mixed()
    reference = sorted((s.id, tuple(s.report_ids)) for s in cluster(reports))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = reports[:]
        rng.shuffle(shuffled)
        assert sorted((s.id, tuple(s.report_ids)) for s in cluster(shuffled)) == reference
        assert [s.id for s in group(shuffled)] == [s.id for s in group(reports)]


def test_story_id_comes_from_the_earliest_report():
    stories = {frozenset(s.report_ids): s.id for s in cluster(quakes())}
    assert stories[frozenset({"tr1", "tr2", "tr3"})] == story_id(["tr1"], {})
    assert stories[frozenset({"pe1", "pe2"})] == story_id(["pe1"], {})
    assert story_id(["b", "a"], {}) == story_id(["a"], {}) and story_id(["a"], {}).startswith("s-")


def test_adding_a_report_twice_changes_nothing():
    index = StoryIndex()
    first = index.add(make("tr1", news.QUAKE_TR_1, "2024-03-04", news.MALATYA))
    assert index.add(make("tr1", news.QUAKE_TR_1, "2024-03-04", news.MALATYA)) == first
    assert [s.report_ids for s in index.stories()] == [["tr1"]]


def test_near_duplicate_joins_even_without_entities():
    index = StoryIndex()
    index.add(make("a", news.TRAIN_ORIGINAL))
    index.add(make("other", news.RATES_1))
    assert index.add(make("b", news.substitute(news.TRAIN_ORIGINAL))) == index.story_of("a")


def test_group_sorts_by_size_then_id_and_keeps_every_report():
    stories = group(mixed())
    sizes = [len(s.report_ids) for s in stories]
    assert sizes == sorted(sizes, reverse=True)
    assert sorted(r for s in stories for r in s.report_ids) == sorted(a.report_id for a in mixed())
    assert group([]) == []
