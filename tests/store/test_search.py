"""Full-text search in the SQLite and PostgreSQL stores: planted words found in each kind, kept in step with writes."""
from __future__ import annotations

import pytest

from newsloom.model import Annotated, Article, Claim, Quote, Report, Story
from newsloom.store import SQLiteStore, Store
from newsloom.store.base import SearchQueryError
from newsloom.store.fts import fts_query, unmark

LIGHTHOUSE = ("Keepers of the Varnholm lighthouse switched off its lamp on Friday. "
              '"The glass is cracked and the tide is rising," said Oskar Brell, the harbour master. '
              "The council voted to spend 40,000 crowns on a new lantern.")
ORCHARD = ("Frost ruined most of the plum harvest in Tellby this week. "
           '"We have never lost the blossom this late," said Wenna Haldt, who grows apricots. '
           "Growers asked the ministry for emergency loans.")


def _plant(store: Store, n: int, text: str, title: str, quote: str, speaker: str, claim: str) -> str:
    """Store one annotated report whose quote and claim are the given words of its text."""
    report = Report.make(f"inputs/planted{n}.txt", text.encode(), "text", arrival=n)
    store.add_report(report)
    q, c = text.index(quote), text.index(claim)
    store.put_annotated(Annotated(
        article=Article(report.id, report.source, text, title=title, outlet=f"Outlet {n}",
                        published="2031-02-0" + str(n)),
        quotes=[Quote(report.id, quote, q, q + len(quote), "direct", cue="said", speaker=speaker)],
        claims=[Claim(report.id, claim, c, c + len(claim))],
    ))
    return report.id


@pytest.fixture
def planted(store):
    """A store of each backend with two annotated reports, the first in a story."""
    light = _plant(store, 1, LIGHTHOUSE, "Varnholm lighthouse goes dark",
                   "The glass is cracked and the tide is rising", "Oskar Brell",
                   "The council voted to spend 40,000 crowns on a new lantern")
    orchard = _plant(store, 2, ORCHARD, "Frost takes Tellby plums",
                     "We have never lost the blossom this late", "Wenna Haldt",
                     "Growers asked the ministry for emergency loans")
    store.put_stories([Story("s-light", [light])])
    return store, light, orchard


def test_finds_planted_words_in_each_kind(planted):
    store, light, orchard = planted
    report = store.search("lighthouse", kinds=["report"])
    assert [(h.kind, h.report_id, h.story_id) for h in report] == [("report", light, "s-light")]
    hit = report[0]
    assert LIGHTHOUSE[hit.start:hit.end].lower() == "lighthouse"
    assert [hit.snippet[a:b].lower() for a, b in hit.marks] == ["lighthouse"]
    quote = store.search("tide", kinds=["quote"])
    assert [(h.kind, h.report_id, h.speaker) for h in quote] == [("quote", light, "Oskar Brell")]
    assert LIGHTHOUSE[quote[0].start:quote[0].end] == "The glass is cracked and the tide is rising"
    by_speaker = store.search("Haldt", kinds=["quote"])
    assert [(h.report_id, h.story_id) for h in by_speaker] == [(orchard, None)]
    claim = store.search("emergency loans", kinds=["claim"])
    assert [(h.kind, h.report_id) for h in claim] == [("claim", orchard)]
    assert ORCHARD[claim[0].start:claim[0].end] == "Growers asked the ministry for emergency loans"


def test_kinds_limit_offset_and_syntax(planted):
    store, light, orchard = planted
    everything = store.search("the")
    assert {h.kind for h in everything} == {"report", "quote", "claim"}
    assert len(store.search("the", limit=2)) == 2
    assert store.search("the", limit=2, offset=1)[0] == everything[1]
    assert {h.kind for h in store.search("the", kinds=["quote", "claim"])} == {"quote", "claim"}
    assert {h.report_id for h in store.search("plum OR lantern", kinds=["report"])} == {light, orchard}
    assert store.search('"tide is rising"', kinds=["quote"])[0].report_id == light
    assert store.search('"rising tide"', kinds=["quote"]) == []
    assert store.search("apric*", kinds=["report"])[0].report_id == orchard
    assert store.search("voted", kinds=["claim"])[0].report_id == light  # stems: "votes" finds "voted" too
    assert store.search("frost NOT plum", kinds=["report"]) == []


@pytest.mark.parametrize("query", ['"unclosed phrase', "lantern OR", "*", "", "( lantern", "NOT"])
def test_malformed_query_is_a_clear_error(planted, query):
    store, _, _ = planted
    with pytest.raises(SearchQueryError, match="search"):
        store.search(query)


def test_unknown_kind_and_hostile_words(planted):
    store, _, _ = planted
    with pytest.raises(SearchQueryError, match="choose among report, quote, claim"):
        store.search("lantern", kinds=["story"])
    assert store.search("lantern'; DROP TABLE reports; --") == []
    assert store.search('title:lantern "a""b"') == []
    assert len(store.reports()) == 2


def test_index_follows_rewrites(planted):
    store, light, _ = planted
    again = store.get_annotated(light)
    store.put_annotated(again)
    assert len(store.search("tide", kinds=["quote"])) == 1
    moved = Article(light, again.article.source, "The beacon was repaired by Sunday.", title="Beacon fixed")
    store.put_article(moved)
    assert store.search("tide") == []
    assert [h.kind for h in store.search("beacon")] == ["report"]


def test_query_words_are_quoted():
    assert fts_query('harbour "tide is" strik* OR (NOT x)') == '"harbour" "tide is" "strik"* OR ( NOT "x" )'
    assert fts_query("o'brien title:x") == '"o\'brien" "title:x"'
    assert unmark("a \x02b\x03 c") == ("a b c", [(2, 3)])


def test_opening_an_older_store_indexes_what_it_holds(tmp_path, monkeypatch):
    from newsloom.store import rows
    from newsloom.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    older = rows.QUOTE[: rows.QUOTE.index("doubt")]  # the quote columns a store of that version has
    monkeypatch.setattr(rows, "QUOTE", older)
    monkeypatch.setattr(rows, "QUOTES", rows.Child("quotes", ("report_id",), older))
    with SQLiteStore(path, migrations=MIGRATIONS[:9]) as old:
        rid = _plant(old, 1, LIGHTHOUSE, "Varnholm lighthouse goes dark",
                     "The glass is cracked and the tide is rising", "Oskar Brell",
                     "The council voted to spend 40,000 crowns on a new lantern")
    monkeypatch.undo()
    with SQLiteStore(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.get_annotated(rid).quotes[0].doubt == ""  # the column a later version added reads as none
        assert sorted(h.kind for h in store.search("lantern OR Brell")) == ["claim", "quote", "report"]
        assert {h.report_id for h in store.search("lantern OR Brell")} == {rid}


def test_postgres_query_reads_like_the_sqlite_one():
    from newsloom.store.pg_fts import tsquery

    expression, params = tsquery('harbour (tide OR strik*) NOT "o\'brien said"')
    assert params == ['"harbour"', '"tide"', "strik:*", '"o\'brien said"']
    assert expression.count("?") == 4 and "||" in expression and "&& !!" in expression
    assert tsquery("lantern'; DROP TABLE reports; --")[1] == ['"lantern\';"', '"DROP"', '"TABLE"', '"reports;"', '"--"']


def test_postgres_search_reads_the_gin_indexes(postgres_url):
    import psycopg

    from newsloom.store.pg_fts import VECTORS
    from newsloom.store.postgres import PostgresStore

    with PostgresStore(postgres_url) as store:
        _plant(store, 1, LIGHTHOUSE, "Varnholm lighthouse goes dark", "The glass is cracked and the tide is rising",
               "Oskar Brell", "The council voted to spend 40,000 crowns on a new lantern")
    with psycopg.connect(postgres_url) as conn:
        conn.execute("SET enable_seqscan = off")
        for kind, table in (("report", "articles a"), ("quote", "quotes t"), ("claim", "claims t")):
            plan = conn.execute(f"EXPLAIN SELECT 1 FROM {table} WHERE {VECTORS[kind]} @@ "
                                "websearch_to_tsquery('newsloom_search', 'tide')").fetchall()
            assert f"{table.split()[0]}_search" in " ".join(row[0] for row in plan)


def test_a_quote_speaker_below_the_threshold_is_shown_unattributed(store):
    text = 'Mayor Ilse Varga cruised to a "comfortable and well-earned win" on Sunday in Varnholm.'
    report = Report.make("inputs/weak.txt", text.encode(), "text", arrival=1)
    store.add_report(report)
    words = "comfortable and well-earned win"
    q = text.index(words)
    store.put_annotated(Annotated(
        article=Article(report.id, report.source, text, title="Varga wins"),
        quotes=[Quote(report.id, words, q, q + len(words), "partial", cue="cruised", speaker="Ilse Varga",
                      basis="verb", confidence=0.42)],
    ))
    (hit,) = store.search("well-earned", kinds=["quote"])
    assert hit.report_id == report.id and hit.speaker is None  # as the brief shows it
