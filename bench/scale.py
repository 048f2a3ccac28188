"""How story grouping scales: add N synthetic reports to a StoryIndex; time, per-add latency, peak RSS.

    python bench/scale.py [--sizes 10000,100000] [--probes 300] [--seed 7] [--progress] [--kept]

Reports come from a seeded generator of fictional events (own people, organisation, place, date and
sentence pool); each report mixes its event's sentences with synonym and name substitutions, and some
are wire copies. Mentions are built directly, so only the stories stage is measured, not NLP. Each size
runs in its own subprocess so its peak RSS is clean; the index's own memory is that peak less the RSS
before the first add (the interpreter and imports). Prints a Markdown table and growth exponents of
time and memory; `--progress` also reports time and RSS at every tenth of each size on stderr. `--kept` also
times what the pipeline does between runs with the index kept in the store (after the peak is read, so
it does not count in it): turning the index into bytes, its size, and reading it back.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from newsloom.model import Annotated, Article, Mention
from newsloom.stories import StoryIndex

SYLLABLES = ("ka", "lor", "ven", "dri", "mas", "tel", "ost", "bra", "nik", "sul", "har", "ren", "vol",
             "mir", "gan", "de", "lis", "tor", "wen", "pal", "cor", "fen", "zar", "ul", "bel", "sko",
             "dan", "ri", "mok", "est", "ham", "jo", "lin", "qua", "ser", "vik", "ta", "rod", "ny", "gus")
FIRST = ("Anna", "Tomas", "Ilse", "Marek", "Jonas", "Lena", "Pavel", "Sofia", "Erik", "Nadia", "Karl",
         "Mira", "Oskar", "Vera", "Lukas", "Greta", "Anton", "Irena", "Felix", "Hana")
ORG_KINDS = ("Holdings", "Group", "Authority", "Council", "Union", "Bank", "Institute", "Party", "Works")
ROLES = ("mayor", "spokeswoman", "spokesman", "chief executive", "minister", "police chief", "chairman")
# topic: (nouns that are synonyms of each other, who acts, where, what is counted)
TOPICS = {
    "fire": (("fire", "blaze", "inferno"), "firefighters", "warehouse", "residents evacuated"),
    "flood": (("flood", "flooding", "deluge"), "rescue teams", "river district", "homes damaged"),
    "strike": (("strike", "walkout", "stoppage"), "workers", "port terminal", "jobs at stake"),
    "vote": (("vote", "ballot", "decision"), "councillors", "city hall", "votes in favour"),
    "merger": (("merger", "takeover", "deal"), "shareholders", "headquarters", "million euros"),
    "crash": (("crash", "collision", "accident"), "paramedics", "motorway junction", "people injured"),
    "trial": (("trial", "hearing", "case"), "prosecutors", "district court", "charges filed"),
    "quake": (("earthquake", "tremor", "quake"), "engineers", "old town", "buildings damaged"),
    "outbreak": (("outbreak", "epidemic", "infection wave"), "doctors", "hospital", "cases confirmed"),
    "landslide": (("landslide", "rockfall", "mudslide"), "rail crews", "mountain line", "metres buried"),
}
TEMPLATES = (
    "The {N} in {G} on {D} left {K} {C}, {O} said.",
    "{P1}, the {R1} of {G}, said the {N} was the worst the region had seen in a decade.",
    "{A} worked through the night at the {S} after the {N} began.",
    "\"We are doing everything we can,\" {P1} told reporters outside the {S}.",
    "{O} said it would publish a full account of the {N} within two weeks.",
    "{P2}, {R2} of {O}, disputed the figures and said only {K2} were affected.",
    "Critics accused {O} of ignoring warnings about the {S} for years.",
    "Officials in {G} said {K} {C} by {D} evening, up from an earlier estimate.",
    "The {N} drew comparisons with a similar event near {G} several years ago.",
    "{P1} promised an independent inquiry into the {N} and its causes.",
    "Residents of {G} gathered near the {S} as {A} assessed the damage.",
    "{P2} said {O} had acted within the rules and would cooperate with any inquiry.",
)
FILLER = ("Further details were not immediately available.", "The story is developing.",
          "Weather conditions were expected to remain stable.", "Markets in the region were little changed.")
SLOT = re.compile(r"(\{\w+\})")
START = date(2024, 1, 1)
BLOCK = 100  # events generated (and their reports shuffled) together; one block per day


def _name(rng: random.Random, parts: int) -> str:
    """An invented capitalised word of `parts` syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _event(rng: random.Random, places: list[str]) -> dict[str, Any]:
    """Facts and the sentence pool (slot-filled templates kept as pieces) of one invented event."""
    topic = rng.choice(sorted(TOPICS))
    nouns, actor, site, counted = TOPICS[topic]
    people = [(f"{rng.choice(FIRST)} {_name(rng, 3)}", rng.choice(ROLES)) for _ in range(2)]
    org = f"{_name(rng, 2)} {rng.choice(ORG_KINDS)}"
    day = rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"))
    facts = {"N": nouns[0], "G": rng.choice(places), "D": day, "K": str(rng.randint(12, 4000)), "C": counted,
             "O": org, "A": actor, "S": site, "K2": str(rng.randint(3, 11)), "P1": people[0][0],
             "R1": people[0][1], "P2": people[1][0], "R2": people[1][1]}
    return {"facts": facts, "nouns": nouns, "templates": rng.sample(TEMPLATES, 9)}


def _compose(rng: random.Random, event: dict[str, Any], picks: list[str]) -> tuple[str, list[Mention]]:
    """Text and entity mentions of a report made of the given templates, with substitutions."""
    facts, text, mentions = event["facts"], "", []
    labels = {"G": "GPE", "O": "ORG", "P1": "PERSON", "P2": "PERSON"}
    for template in picks:
        for piece in SLOT.split(template):
            key = piece[1:-1] if SLOT.fullmatch(piece) else None
            value = facts[key] if key else piece
            if key == "N":
                value = rng.choice(event["nouns"])
            elif key in ("P1", "P2") and rng.random() < 0.4:
                value = "Mr " + value.split()[-1] if rng.random() < 0.5 else value.split()[-1]
            if piece and template.startswith(piece):
                value = value[:1].upper() + value[1:]  # sentence start
            if key in labels:
                canonical = facts[key]
                mentions.append(Mention(value, len(text), len(text) + len(value), labels[key], canonical))
            text += value
        text += " "
    return text.strip(), mentions


def reports(seed: int) -> Iterator[tuple[Annotated, int]]:
    """An endless, seeded stream of (report, event number): events a day apart per block, shuffled."""
    rng = random.Random(seed)
    places = sorted({_name(rng, 2) for _ in range(600)})
    outlets = [f"{_name(rng, 2)} {kind}" for kind in ("Times", "Post", "Wire", "Herald") for _ in range(25)]
    block = 0
    while True:
        batch: list[tuple[Annotated, int]] = []
        for e in range(block * BLOCK, (block + 1) * BLOCK):
            event, size = _event(rng, places), max(1, min(60, int(rng.expovariate(1 / 8))))
            first: tuple[str, list[Mention]] | None = None
            for k in range(size):
                if first is not None and rng.random() < 0.2:  # a wire copy with an outlet's tag
                    text, mentions = first[0] + " " + rng.choice(FILLER), list(first[1])
                else:
                    picks = rng.sample(event["templates"], rng.randint(4, 7))
                    text, mentions = _compose(rng, event, picks + [rng.choice(FILLER)])
                    first = first or (text, mentions)
                day = START + timedelta(days=block + rng.choice((0, 0, 0, 1, 1, 2)))
                rid = f"e{e:07d}-{k:02d}"
                article = Article(report_id=rid, source=rid + ".txt", text=text, published=day.isoformat(),
                                  outlet=rng.choice(outlets))
                batch.append((Annotated(article=article, mentions=mentions), e))
        rng.shuffle(batch)
        yield from batch
        block += 1


def event_of(report_id: str) -> int:
    """The synthetic event a report id ("e0000042-03") belongs to."""
    return int(report_id[1:].split("-")[0])


def b_cubed(story_of: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of the stories (report id -> story) against the synthetic events."""
    events = {r: event_of(r) for r in story_of}
    cells = Counter((story_of[r], events[r]) for r in story_of)
    story_size, event_size = Counter(story_of.values()), Counter(events.values())
    n = len(story_of)
    precision = sum(c * c / story_size[s] for (s, _), c in cells.items()) / n
    recall = sum(c * c / event_size[e] for (_, e), c in cells.items()) / n
    return precision, recall


def rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def kept(index: StoryIndex) -> dict[str, float]:
    """Seconds to turn the index into bytes and back, and their size in MiB."""
    t = time.perf_counter()
    data = index.dumps()
    dumped = time.perf_counter() - t
    t = time.perf_counter()
    StoryIndex.loads(data)
    return {"dump_s": dumped, "load_s": time.perf_counter() - t, "kept_mib": len(data) / 2**20}


def measure(n: int, probes: int = 300, seed: int = 7, progress: bool = False, keep: bool = False) -> dict[str, Any]:
    """Add `n` reports, then time `probes` more one at a time; returns the figures of one table row."""
    stream, index = reports(seed), StoryIndex()
    base, spent = rss_mib(), 0.0
    for i in range(1, n + 1):
        ann, _ = next(stream)
        t = time.perf_counter()
        index.add(ann)
        spent += time.perf_counter() - t
        if progress and i % max(1, n // 10) == 0:
            print(f"N={i}: {spent:.0f} s adding, peak RSS {rss_mib():.0f} MiB", file=sys.stderr, flush=True)
    probe = [next(stream) for _ in range(probes)]
    lat = []
    for ann, _ in probe:
        t = time.perf_counter()
        index.add(ann)
        lat.append(time.perf_counter() - t)
    peak = rss_mib()
    stories = index.stories()
    story_of = {rid: s.id for s in stories for rid in s.report_ids}
    precision, recall = b_cubed(story_of)
    lat.sort()
    return (kept(index) if keep else {}) | {"n": n, "add_s": spent, "per_s": n / spent if spent else 0.0,
            "median_ms": 1000 * statistics.median(lat) if lat else 0.0,
            "p95_ms": 1000 * lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else 0.0,
            "rss_mib": peak, "index_kb": (peak - base) * 1024 / (n + probes),
            "stories": len(stories), "events": len({event_of(r) for r in story_of}),
            "b3_p": precision, "b3_r": recall}


def _growth(a: dict[str, Any], b: dict[str, Any], ya: float, yb: float) -> float:
    """Exponent k of y ~ N^k between two rows: log(yb / ya) / log(Nb / Na) (tiny values floored)."""
    return math.log(max(yb, 1e-9) / max(ya, 1e-9)) / math.log(b["n"] / a["n"])


def exponents(rows: list[dict[str, Any]]) -> list[str]:
    """Growth exponents of total add time, p95 latency and index memory between successive sizes."""
    out = []
    for a, b in pairwise(rows):
        k = _growth(a, b, a["add_s"], b["add_s"])
        p = _growth(a, b, a["p95_ms"], b["p95_ms"])
        m = _growth(a, b, a["index_kb"] * a["n"], b["index_kb"] * b["n"])
        out.append(f"{a['n']} -> {b['n']}: total add time ~ N^{k:.2f} (1 = linear, 2 = quadratic); "
                   f"p95 per add ~ N^{p:.2f}; index memory ~ N^{m:.2f}")
    return out


def render(rows: list[dict[str, Any]]) -> str:
    """The Markdown table of the measured rows, with the growth exponents below it."""
    head = ("| reports N | add all (s) | reports/s | add one at N: median (ms) | p95 (ms) | peak RSS (MiB)"
            " | index KB/report | stories | events | B³ P | B³ R |")
    lines = [head, "|" + "---:|" * 11]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['add_s']:.1f} | {r['per_s']:.0f} | {r['median_ms']:.2f} | "
                     f"{r['p95_ms']:.2f} | {r['rss_mib']:.0f} | {r['index_kb']:.2f} | {r['stories']:,} | "
                     f"{r['events']:,} | {r['b3_p']:.3f} | {r['b3_r']:.3f} |")
    out = lines + [""] + exponents(rows)
    if all("dump_s" in r for r in rows):
        out += ["", "| reports N | index as bytes (MiB) | to bytes (s) | from bytes (s) |", "|---:|---:|---:|---:|"]
        out += [f"| {r['n']:,} | {r['kept_mib']:.0f} | {r['dump_s']:.2f} | {r['load_s']:.2f} |" for r in rows]
    return "\n".join(out)


def main() -> None:
    """Run each size in a fresh subprocess (clean peak RSS) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated report counts")
    parser.add_argument("--probes", type=int, default=300, help="reports timed one by one at size N")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--progress", action="store_true", help="time and RSS at every tenth of a size, on stderr")
    parser.add_argument("--kept", action="store_true", help="also time the index's round trip through bytes")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size, print JSON
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, args.probes, args.seed, args.progress, args.kept)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        cmd = [sys.executable, __file__, "--one", str(n), "--probes", str(args.probes), "--seed", str(args.seed)]
        flags = ["--progress"] * args.progress + ["--kept"] * args.kept
        done = subprocess.run(cmd + flags, stdout=subprocess.PIPE, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"measured N={n}", file=sys.stderr, flush=True)
    print(render(rows))


if __name__ == "__main__":
    main()
