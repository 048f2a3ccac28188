"""End to end on the bundled sample corpus: the brief finds what samples/expected.json says it must."""
import json
from pathlib import Path

import pytest

from newsloom.executors import LocalExecutor
from newsloom.pipeline import Pipeline
from newsloom.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
EXPECTED = json.loads((ROOT / "samples" / "expected.json").read_text(encoding="utf-8"))


def _rel(source: str) -> str:
    """A report's source relative to the corpus folder (records keep their #N suffix)."""
    path, _, rest = source.partition("#")
    rel = Path(path).resolve().relative_to(CORPUS).as_posix()
    return f"{rel}#{rest}" if rest else rel


@pytest.fixture(scope="module")
def run():
    """The whole pipeline over the corpus, keeping its store for per-report checks."""
    store = SQLiteStore(":memory:")
    brief = Pipeline(store, LocalExecutor()).run([CORPUS])
    anns = {_rel(a.article.source): a for a in store.annotated()}
    ids = {src: a.report_id for src, a in anns.items()}
    yield brief, anns, ids, store
    store.close()


def _story_of(brief, report_id):
    return next(s for s in brief.stories if any(r.id == report_id for r in s.reports))


def test_every_input_accounted_for(run):
    brief, anns, _, _ = run
    statuses = {_rel(i.source): i.status for i in brief.inputs}
    expected = {src for story in EXPECTED["stories"] for src in story}
    assert {s for s, st in statuses.items() if st == "ok"} == expected


def test_stories_partition(run):
    brief, _, ids, _ = run
    got = sorted(sorted(_rel(r.source) for r in s.reports) for s in brief.stories)
    assert got == sorted(sorted(s) for s in EXPECTED["stories"])


@pytest.mark.parametrize("field", ["outlets", "titles", "authors", "published"])
def test_metadata(run, field):
    _, anns, _, _ = run
    attr = {"outlets": "outlet", "titles": "title", "authors": "author", "published": "published"}[field]
    got = {src: (getattr(anns[src].article, attr) or "")[: 10 if field == "published" else None] for src in EXPECTED[field]}
    assert got == EXPECTED[field]


def test_plain_text_bodies_are_clean(run):
    _, anns, _, _ = run
    for src, first in EXPECTED["body_first_words"].items():
        assert anns[src].article.text.startswith(first), src
    for src, last in EXPECTED["body_last_words"].items():
        assert anns[src].article.text.rstrip().endswith(last), src
    for src, chrome in EXPECTED["chrome_absent"].items():
        for piece in chrome:
            assert piece not in anns[src].article.text, (src, piece)


def test_quote_groups_carry_every_wording(run):
    brief, _, ids, _ = run
    story = _story_of(brief, ids[EXPECTED["stories"][0][0]])
    for exp in EXPECTED["quotes"]:
        wanted = {w: {ids[s] for s in srcs} for w, srcs in exp["sources"].items()}
        group = next(
            (g for g in story.quotes if any(exp["wordings"][0].lower() in v.text.lower() for v in g.variants)),
            None,
        )
        assert group is not None, exp["wordings"][0]
        assert group.speaker == exp["speaker"]
        for wording, reports in wanted.items():
            carrying = {r for v in group.variants if wording.lower() in v.text.lower() for r in v.reports}
            assert carrying == reports, wording


def _canonical(brief, name):
    """A speaker name as the story-wide entity table resolves it ("Varga" -> "Ilse Varga")."""
    for story in brief.stories:
        for e in story.entities:
            if name == e.name or name in e.aliases:
                return e.name
    return name


def _quote(anns, src, fragment):
    found = [q for q in anns[src].quotes if fragment in q.text]
    assert found, (src, fragment, [q.text for q in anns[src].quotes])
    return found[0]


@pytest.mark.parametrize("kind", ["pronoun_speakers", "role_speakers"])
def test_pronoun_and_role_speakers(run, kind):
    brief, anns, _, _ = run
    for exp in EXPECTED[kind]:
        q = _quote(anns, exp["source"], exp["quote_contains"])
        text = anns[exp["source"]].article.text
        assert _canonical(brief, q.speaker) == exp["speaker"], exp
        assert text[q.speaker_start : q.speaker_end].lower() == exp["mention"].lower(), exp


def test_partial_quotes(run):
    brief, anns, _, _ = run
    for exp in EXPECTED["partial_quotes"]:
        q = _quote(anns, exp["source"], exp["text"])
        assert q.kind == "partial" and _canonical(brief, q.speaker) == exp["speaker"], exp


def test_split_quotes_share_speaker(run):
    brief, anns, _, _ = run
    for exp in EXPECTED["split_quotes"]:
        for part in exp["parts"]:
            assert _canonical(brief, _quote(anns, exp["source"], part).speaker) == exp["speaker"], (exp, part)


def test_anonymous_sources_kept_as_such(run):
    _, anns, _, _ = run
    for exp in EXPECTED["anonymous"]:
        q = _quote(anns, exp["source"], exp["quote_contains"])
        assert q.speaker == exp["speaker_mention"], exp


def test_copies_and_rewrites(run):
    brief, _, ids, _ = run
    story = _story_of(brief, ids[EXPECTED["stories"][0][0]])
    got = {(r.id, r.copy_of, r.copy_kind) for r in story.reports if r.copy_of}
    assert got == {(ids[c["copy"]], ids[c["original"]], c["kind"]) for c in EXPECTED["copies"]}
    texts = {r.id: r.text for r in story.reports}
    for r in story.reports:
        if r.copy_of:  # the shared passages, read in the copy and in its source
            assert {ev.report for ev in r.copy_evidence} == {r.id, r.copy_of}
            assert all(texts[ev.report][ev.start:ev.end].strip() for ev in r.copy_evidence)


def test_disagreements(run):
    brief, _, ids, _ = run
    story = _story_of(brief, ids[EXPECTED["stories"][0][0]])
    for exp in EXPECTED["disagreements"]:
        want = {p["value"]: {ids[s] for s in p["sources"]} for p in exp["positions"]}
        found = False
        for dis in story.disagreements:
            sides = {}
            for pos in dis.positions:
                for value in want:
                    if pos.text.startswith(value):
                        sides[value] = set(pos.reports)
            if sides == want:
                found = True
        assert found, (exp["about"], [(d.about, [(p.text[:40], p.reports) for p in d.positions]) for d in story.disagreements])


def test_relative_dates_resolved(run):
    _, anns, _, _ = run
    for exp in EXPECTED["relative_dates"]:
        dates = [d for d in anns[exp["source"]].dates if exp["text"].lower() in d.text.lower()]
        assert dates, exp
        values = {d.value for d in dates}
        if "/" in exp["value"]:
            lo, hi = exp["value"].split("/")
            assert any(v and lo <= v <= hi for v in values) or values == {None}, exp
        else:
            assert exp["value"] in values, (exp, values)


# Claim alignment still misses one paraphrase of the landslide's extent (one outlet words it far apart
# from the rest); kept as a strict expected failure so the day it passes, this marker must go.
KNOWN_GAPS: dict[tuple[str, ...], str] = {}  # planted claims not aligned yet, as strict xfails


@pytest.mark.parametrize("exp", EXPECTED["claims"], ids=lambda e: "+".join(e["contains"]))
def test_claims_count_independent_sources(run, exp, request):
    if tuple(exp["contains"]) in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[tuple(exp["contains"])], strict=True))
    brief, _, ids, _ = run
    story = _story_of(brief, ids[exp["sources"][0]])
    texts = {r.id: r.text for r in story.reports}
    groups = [
        c for c in story.claims
        if any(all(s in texts[e.report][e.start : e.end] for s in exp["contains"]) for e in c.evidence)
    ]
    assert groups, exp["contains"]
    best = max(groups, key=lambda c: len(c.reports))
    assert set(best.reports) == {ids[s] for s in exp["sources"]}, exp["contains"]
    assert best.independent_reports == exp["independent"], exp["contains"]


def test_entities_with_aliases(run):
    brief, _, _, _ = run
    names = {e.name: set(e.aliases) for s in brief.stories for e in s.entities}
    for exp in EXPECTED["entities"]:
        assert exp["name"] in names, exp["name"]
        surnames = {a for a in exp["aliases"] if " " not in a}
        assert surnames <= names[exp["name"]] | {exp["name"]}, (exp, names[exp["name"]])
