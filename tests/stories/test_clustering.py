"""Grouping reports into stories: features, scores, splits, merges, time, order independence, ids."""
from __future__ import annotations

import random

from pytest import MonkeyPatch, approx

from newsloom.stories import StoryIndex, cluster, group, similarity
from newsloom.stories.clustering import build_index, story_id
from newsloom.stories.similarity import ReportFeatures, combine
from newsloom.stories.splitting import bisect
from newsloom.stories.text import lead_weighted_terms, number_counts, report_numbers
from tests.stories import news
from tests.stories.news import make

BOUT = {"Arvo Lindqvist": "PERSON", "Lindqvist": "PERSON", "Marco Delacroix": "PERSON", "Delacroix": "PERSON",
        "Owen Kerrigan": "PERSON", "Kerrigan": "PERSON", "Hallstrom Arena": "FAC", "Varberg": "GPE",
        "World Boxing Union": "ORG"}
FIGHT_2019 = [
    ("Arvo Lindqvist kept his World Boxing Union heavyweight title on Saturday, stopping Marco Delacroix in "
     "the seventh round at the Hallstrom Arena in Varberg. The champion, now 41-2 with 33 knockouts, dropped "
     "the challenger twice before the referee waved it off after 2 minutes 14 seconds of round 7. A crowd of "
     "18,500 watched the 2019 bout. Delacroix, 29, had never been stopped before."),
    ("Heavyweight champion Arvo Lindqvist defended his belt with a seventh-round stoppage of Marco Delacroix in "
     "Varberg on Saturday night. Lindqvist improved to 41-2 and 33 knockouts; Delacroix, 29, fell to 24-1. "
     "The fight at the Hallstrom Arena drew 18,500 fans, a record for the venue in 2019. Lindqvist said he "
     "wanted a unification bout next."),
]
FIGHT_2023 = [
    ("Arvo Lindqvist is still the champion. The 38-year-old needed four rounds to get rid of Owen Kerrigan in "
     "front of his home crowd, landing a left hook to the body that left the challenger on his knees for the "
     "full count. Lindqvist, who has 47 wins, was cut over the right eye in round 3. About 21,000 fans saw his "
     "2023 defence."),
    ("Owen Kerrigan's big night lasted less than four rounds. The 34-year-old from the north was counted out "
     "after a body shot from Arvo Lindqvist in Varberg, and afterwards asked for a rematch. Lindqvist, who "
     "needed stitches for a cut, said he would fight on in 2024. Kerrigan is now 30-5."),
]
ROUNDUP = (
    "Two deadly earthquakes struck a week apart. In Turkey, AFAD said the magnitude 6.4 quake near Yesilyurt "
    "in Malatya killed 31 people, and Erdogan promised new homes in Malatya and Adiyaman. In Peru, the "
    "Geophysical Institute measured Thursday's earthquake near Chala at magnitude 6.9; INDECI said 12 people "
    "died in Arequipa, and Boluarte declared an emergency in Caraveli and 14 other districts."
)


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


def fights():
    """The same champion's title defences at home, in 2019 and 2023, two undated reports each."""
    return ([make(f"a{i}", text, None, BOUT) for i, text in enumerate(FIGHT_2019)]
            + [make(f"b{i}", text, None, BOUT) for i, text in enumerate(FIGHT_2023)])


def test_number_counts_take_whole_number_tokens():
    text = "A 6.1-magnitude quake on July 7, 2012 killed 1,200 people; 23 were hurt at 12:45 in the 1980s town."
    assert number_counts(text) == {"6.1": 1, "7": 1, "2012": 1, "1200": 1, "23": 1, "12:45": 1}


def test_report_numbers_count_the_year_a_dateline_gave():
    text = "Crews fought the fire for 6 hours; 2 were hurt in 2012."
    assert report_numbers(make("d", text, "2012-08-07T09:00:00")) == {"6": 1, "2": 1, "2012": 2}
    assert report_numbers(make("u", text)) == {"6": 1, "2": 1, "2012": 1}
    dated, undated = ReportFeatures.of(make("d", text, "2012-08-07")), ReportFeatures.of(make("u", text))
    assert dated.entities["#2012"] > undated.entities["#2012"]


def test_lead_sentences_weigh_three_times():
    ann = make("x", "Quake hits Malatya. Rescuers dig. Aid arrives. Malatya mourns quake victims.")
    assert lead_weighted_terms(ann) == {"quake": 4.0, "hits": 3.0, "malatya": 4.0, "rescuer": 3.0, "dig": 3.0,
                                        "aid": 3.0, "arrive": 3.0, "mourn": 1.0, "victim": 1.0}


def test_the_headline_is_the_leads_first_sentence_unless_the_body_opens_with_it():
    ann = make("x", "Rescuers dig. Aid arrives. Crews wait. Malatya mourns quake victims.")
    ann.article.title = "Quake hits Malatya"
    assert lead_weighted_terms(ann) == {"quake": 4.0, "hits": 3.0, "malatya": 4.0, "rescuer": 3.0, "dig": 3.0,
                                        "aid": 3.0, "arrive": 3.0, "crew": 1.0, "wait": 1.0, "mourn": 1.0,
                                        "victim": 1.0}
    as_lines = make("z", "Quake hits Malatya\nRescuers dig. Aid arrives. Crews wait. Malatya mourns quake victims.")
    assert lead_weighted_terms(ann) == lead_weighted_terms(as_lines)
    opened = make("y", "Quake hits Malatya. Rescuers dig. Aid arrives. Malatya mourns quake victims.")
    opened.article.title = "Quake Hits Malatya"
    assert lead_weighted_terms(opened) == lead_weighted_terms(
        make("y", "Quake hits Malatya. Rescuers dig. Aid arrives. Malatya mourns quake victims."))


def test_reports_are_placed_in_report_id_order_whatever_their_dates():
    """Undated reports are not all placed after the dated ones (they would meet only stories grown without them)."""
    days = {"r1": None, "r2": "2024-03-02", "r3": None, "r4": "2024-03-01"}
    anns = [make(rid, f"Report {rid} on the Varberg harbour fire.", day) for rid, day in days.items()]
    assert build_index(list(reversed(anns))).report_ids() == ["r1", "r2", "r3", "r4"]


def test_numbers_sit_among_entities_and_stay_out_of_retrieval_keys():
    feats = ReportFeatures.of(make("b1", FIGHT_2023[1], None, BOUT))
    names = {k: w for k, w in feats.entities.items() if not k.startswith("#")}
    numbers = {k: w for k, w in feats.entities.items() if k.startswith("#")}
    assert set(numbers) == {"#34", "#2024", "#30", "#5"} and "kerrigan" in names
    assert sum(names.values()) == approx(1.0) and sum(numbers.values()) == approx(1.0)
    index = StoryIndex()
    index.add(make("b1", FIGHT_2023[1], None, BOUT))
    assert not any(key.startswith("e:#") for key in index._keys(feats))


def test_combine_leaves_out_what_a_side_lacks():
    assert combine(0.4, None, None, None, 0.5) == approx(0.4)
    assert combine(0.4, 0.2, None, None, 0.5) == approx(0.3)
    assert combine(0.4, 0.2, 0.0, None, 0.5) == approx(0.225)  # 0.375 text, 0.375 names, 0.25 numbers
    assert combine(0.4, None, 0.0, None, 0.5) == approx(0.24)
    assert combine(0.4, 0.2, 0.0, 12.0, 0.5) < 0.225 / 4


def test_numbers_keep_a_similar_event_apart(monkeypatch: MonkeyPatch):
    reports = fights()
    assert partition(cluster(reports)) == {frozenset({"a0", "a1"}), frozenset({"b0", "b1"})}
    index = StoryIndex.fitted(reports)
    for ann in reports:
        index.add(ann)
    assert index.score(reports[3], ["a0", "a1"]) < index.threshold  # other year, tally, record, ages
    monkeypatch.setattr(similarity, "NUMBER_WEIGHT", 0.0)
    assert index.score(reports[3], ["a0", "a1"]) >= index.threshold  # the words alone would join them


def test_bisect_separates_two_events_and_keeps_one_whole():
    two = quakes()
    index = StoryIndex.fitted(two)
    feats = [ReportFeatures.of(a) for a in two]
    halves = bisect(feats, index._score, index.threshold)
    assert halves is not None and {frozenset(h) for h in halves} == partition(cluster(two))
    one = [a for a in two if a.report_id.startswith("tr")]
    one += [make(f"c{i}", news.substitute(a.article.text, offset=i), "2024-03-05", news.MALATYA)
            for i, a in enumerate(one)]
    assert bisect([ReportFeatures.of(a) for a in one], index._score, index.threshold) is None


def test_story_that_absorbed_two_events_splits_at_eight_reports():
    index = StoryIndex()
    for ann in quakes():
        index.add(ann)
    both = news.MALATYA | news.AREQUIPA
    index.add(make("both", ROUNDUP, "2024-03-08", both))  # a roundup bridges the two quake stories
    index.add(make("tr4", news.substitute(news.QUAKE_TR_1), "2024-03-08", news.MALATYA))
    assert len(index.stories()) == 1
    index.add(make("pe3", news.substitute(news.QUAKE_PE_1), "2024-03-08", news.AREQUIPA))
    got = partition(index.stories())
    assert len(got) == 2 and {"tr1", "tr2", "tr3", "tr4"} in [set(s) - {"both"} for s in got]


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


def test_the_streamed_grouping_gives_the_same_stories_and_copies_holding_no_article():
    from newsloom.stories import grouped, grouped_streamed

    reports = mixed()
    by_id = {a.report_id: a for a in reports}
    loaded: list[list[str]] = []

    def load(ids: list[str]):
        loaded.append(ids)
        return [by_id[r] for r in ids]

    handed = iter(reports)  # read once: a second pass over it would find nothing
    streamed, index = grouped_streamed(handed, load)
    expected, expected_index = grouped(reports)
    assert [(s.id, s.report_ids, s.edges) for s in streamed] == [(s.id, s.report_ids, s.edges) for s in expected]
    late = make("late", news.QUAKE_TR_1 + " Aid reached the town on Friday.", "2024-03-05", news.MALATYA)
    assert index.add(late) == expected_index.add(late)
    shared = sorted(r for s in expected if len(s.report_ids) > 1 for r in s.report_ids)
    assert sorted(r for ids in loaded for r in ids) == shared  # loaded with its story only; a report alone never
    assert max(len(ids) for ids in loaded) == max(len(s.report_ids) for s in expected)
