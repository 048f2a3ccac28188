"""bench/copies.py and its rewrites on invented reports: derivatives, reuse pairs, tallies, the tables."""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from bench import copies
from bench.copies import Doc, clean, load, passages, reused, run
from bench.rewrites import STANDARD, Lexicon, Rewrite, paraphrase, substitute
from newsloom.stories.text import split_sentences
from tests.stories import news

LEXICON = Lexicon({pos: {"train": ("locomotive",), "close": ("seal",), "report": ("account",)}
                   for pos in ("noun", "verb", "adj", "adv")}, "test list")
POOL = ["zebra", "quartz", "violin"]


def lines(text: str) -> str:
    """One sentence a line, as in ECB+."""
    return "\n".join(text[s:e] for s, e in split_sentences(text))


def write_corpus(path: Path) -> Path:
    """Two topics of invented reports, two events each, as docs.jsonl rows."""
    rows = [
        ("1_1", 1, "1_a", news.TRAIN_ORIGINAL), ("1_2", 1, "1_a", news.TRAIN_QUOTES_1),
        ("1_3", 1, "1_a", news.TRAIN_QUOTES_2), ("1_4", 1, "1_b", news.JOBS_JAN), ("1_5", 1, "1_b", news.JOBS_FEB),
        ("2_1", 2, "2_a", news.QUAKE_TR_1), ("2_2", 2, "2_a", news.QUAKE_TR_2),
        ("2_3", 2, "2_b", news.QUAKE_PE_1), ("2_4", 2, "2_b", news.QUAKE_PE_2),
    ]
    file = path / "docs.jsonl"
    file.write_text("".join(json.dumps({"doc_id": d, "topic": t, "event_cluster": e, "text": lines(x)}) + "\n"
                            for d, t, e, x in rows), encoding="utf-8")
    return file


def test_substitute_changes_the_asked_share_of_words() -> None:
    text = lines(news.TRAIN_ORIGINAL)
    changed = substitute(text, 0.05, random.Random(1), LEXICON, POOL)
    before, after = re.findall(r"\w+", text), re.findall(r"\w+", changed)
    assert len(before) == len(after) and sum(a != b for a, b in zip(before, after)) == round(0.05 * len(before))
    assert changed.count("\n") == text.count("\n")
    assert substitute(text, 0.05, random.Random(1), LEXICON, POOL) == changed


def test_synonyms_keep_regular_inflections() -> None:
    rng = random.Random(0)
    assert LEXICON.synonym("trains", rng) == "locomotives" and LEXICON.synonym("closed", rng) == "sealed"
    assert LEXICON.synonym("closing", rng) == "sealing" and LEXICON.synonym("zebra", rng) is None
    assert Lexicon.load(Path("/nonexistent")).source.startswith("built-in list")


def test_paraphrase_reorders_reformats_and_is_seeded() -> None:
    sentences = ["After the storm passed, crews cleared 1,200 trees from the roads.",
                 "The bridge will close for 3 weeks, the council said.",
                 "Jo Brand said the repairs would cost 5 percent of the budget."]
    keep = Rewrite(synonyms=0.0, reorder=1.0, merge=0.0, drop=0.0, swap=0.0)
    assert paraphrase(sentences, keep, random.Random(0), LEXICON) == [
        "Crews cleared 1200 trees from the roads after the storm passed.",
        "The council said that the bridge will close for three weeks.",
        "According to Jo Brand, the repairs would cost 5% of the budget."]
    text = lines(news.TRAIN_ORIGINAL).splitlines()
    assert paraphrase(text, STANDARD, random.Random(4), LEXICON) == paraphrase(text, STANDARD, random.Random(4), LEXICON)


def test_reuse_means_a_shared_passage_outside_quotes() -> None:
    shared = "the council said the bridge would stay closed until the end of the month"
    quoted = '"we will not reopen the bridge before every pillar has been checked twice"'
    docs = [Doc("a", 1, "e", f"Officials met. {shared}."), Doc("b", 1, "e", f"Rain fell. {shared} too."),
            Doc("c", 1, "e", f"Lee said {quoted} on Monday."), Doc("d", 1, "e", f"Kim said {quoted} later.")]
    assert reused(docs) == {frozenset({"a", "b"})}
    assert passages("one two three") == set() and clean("It 's 5 , 000 `` fine ''") == 'It\'s 5,000 "fine"'


def test_run_and_tables_on_a_tiny_corpus(tmp_path: Path, monkeypatch, capsys) -> None:
    data = write_corpus(tmp_path)
    topics = load(data)
    assert sorted(topics) == [1, 2] and all(d.eligible for docs in topics.values() for d in docs)
    tallies, seconds = run(topics, "sub 2%", 7, LEXICON, POOL)
    assert tallies["dev"].planted == 2 and tallies["held-out"].planted == 2
    assert tallies["dev"].recall() == 1.0 and tallies["held-out"].precision() == 1.0 and seconds > 0
    monkeypatch.setattr(sys, "argv", ["copies", "--data", str(data), "--wordnet", str(tmp_path)])
    copies.main()
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ECB+ dev: 9 documents in 2 topics")
    assert out[1] == "Stories: each topic its own story; each report compared with the 40 closest earlier reports."
    assert out[2].startswith("Synonyms: built-in list")
    assert any(line.startswith("copy detection: sub 2% ") for line in out)
    table = [line for line in out if line.startswith("| ")]
    assert table[0].startswith("| planted derivative |") and len(table) == 1 + 5 + 1 + 6
    assert [row.split(" | ")[0] for row in table[1:6]] == [f"| {k}" for k in copies.KINDS]
    assert all(0.0 <= float(x) <= 1.0 for row in table[1:6] for x in row.strip("| ").split(" | ")[2:4])


def test_main_skips_without_data(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["copies", "--data", str(tmp_path / "missing.jsonl")])
    copies.main()
    assert capsys.readouterr().out.startswith("skipped: ECB+ dev data not found")


def test_one_story_of_all_topics_with_few_sources_still_finds_the_copies(tmp_path: Path, monkeypatch) -> None:
    from newsloom.stories import provenance

    topics = load(write_corpus(tmp_path))
    monkeypatch.setattr(provenance, "MAX_SOURCES", 3)  # 13 reports in one story: the cap is in play
    tallies, _ = run(topics, "sub 2%", 7, LEXICON, POOL, one_story=True)
    assert sum(t.planted for t in tallies.values()) == 4
    assert all(t.recall() == 1.0 for t in tallies.values())
