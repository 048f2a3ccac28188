"""Scale-out: synthetic reports through the product path on each executor and store; rate, driver peak RSS, same brief.

    python bench/scale_out.py [--n 200] [--seed 3] [--executors local,processes:2,ray:2]
                              [--stores sqlite,postgresql] [--postgres URL]

Reports are plain-text files written by a seeded generator of invented local events (each event has an
original report, near-verbatim copies under other outlets, rewrites, and a report that gives another
figure). Each run ingests the folder as `newsloom ingest` does (files -> Pipeline.ingest), then groups
stories and makes the brief, in its own subprocess so the driver's peak RSS is clean. Without
--postgres a throwaway PostgreSQL server is started (Debian's binaries, as the tests do). A last row
runs two ingests of the same folder into one PostgreSQL database at once and counts what each did.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

SYLLABLES = ("al", "bren", "cal", "dun", "esk", "far", "glen", "hol", "iv", "jar", "kes", "lun", "mar", "nor",
             "oak", "pel")
ENDINGS = ("ford", "wick", "more", "by", "stead", "mouth", "ton", "holm")
FIRST_NAMES = ("Marta", "Idris", "Olena", "Tobin", "Ruth", "Emeka", "Signe", "Piet", "Noor", "Caius")
ROLES = ("mayor", "fire chief", "harbour master", "council leader", "police spokeswoman", "school head")
OUTLETS = ("Valley Courier", "Coast Herald", "Morning Ledger", "Riverside Post", "County Wire", "Evening Star")
# kind: (the thing, words for what happened to it, what is counted)
KINDS = {
    "bridge": ("bridge", ("closed", "shut", "sealed off"), "vehicles diverted"),
    "storm": ("storm", ("hit", "battered", "swept through"), "homes without power"),
    "school": ("school", ("was evacuated", "was cleared", "was emptied"), "pupils sent home"),
    "ferry": ("ferry", ("ran aground", "struck a sandbank", "grounded"), "passengers brought ashore"),
    "factory": ("factory", ("caught fire", "went up in flames", "burned"), "workers evacuated"),
    "market": ("market", ("flooded", "was swamped", "went under water"), "stalls lost"),
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _name(number: int, ending: str) -> str:
    """A made-up proper name, different for each number below 16 * 16 * 8."""
    return (SYLLABLES[number % 16] + SYLLABLES[number // 16 % 16] + ending).capitalize()


def _event(rng: random.Random, number: int) -> dict[str, Any]:
    """One invented event: where, what, who speaks for it, a count and a day; place and speaker its own."""
    kind = rng.choice(sorted(KINDS))
    place = _name(number, ENDINGS[number // 256 % len(ENDINGS)])
    last = _name(number * 7 + 3, ENDINGS[(number + 3) % len(ENDINGS)])
    return {"kind": kind, "place": place, "first": rng.choice(FIRST_NAMES), "last": last,
            "role": rng.choice(ROLES), "count": rng.randint(12, 900), "day": rng.choice(DAYS),
            "cause": rng.choice(("high winds", "a power fault", "heavy rain", "a burst main", "a gas leak"))}


def _sentences(e: dict[str, Any], count: int, verb: int, reorder: bool) -> list[str]:
    """The body of a report of event `e`, with the count and the wording of the happening chosen."""
    thing, verbs, counted = KINDS[e["kind"]]
    name = f"{e['first']} {e['last']}"
    body = [
        f"The {thing} in {e['place']} {verbs[verb]} on {e['day']}, leaving {count} {counted}.",
        f"{name}, the {e['role']} of {e['place']}, said the cause was {e['cause']}.",
        f"\u201cWe will not reopen until every check is done,\u201d said {name}.",
        f"Officials in {e['place']} said repairs could take several weeks.",
        f"Residents described queues and confusion in the hours after the {thing} {verbs[verb]}.",
    ]
    return [body[0], body[2], body[1], body[4], body[3]] if reorder else body


def reports(n: int, seed: int = 3) -> list[tuple[str, str]]:
    """`n` (file name, text) pairs: events of about five reports each (original, copies, rewrites, a dissent)."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    number = 0
    while len(out) < n:
        number += 1
        e = _event(rng, number)
        thing = KINDS[e["kind"]][0]
        title = f"{thing.capitalize()} trouble in {e['place']}"
        plan = [("original", e["count"], 0, False), ("copy", e["count"], 0, False),
                ("copy", e["count"], 0, False), ("rewrite", e["count"], rng.randint(1, 2), True),
                ("dissent", e["count"] + rng.randint(5, 40), 0, False)]
        for variant, count, verb, reorder in plan[: min(len(plan), n - len(out))]:
            outlet = rng.choice(OUTLETS)
            body = " ".join(_sentences(e, count, verb, reorder))
            text = f"{title}\n\nBy {outlet} staff\n\n{body}\n\n{outlet}, {variant} {number}-{len(out)}\n"
            out.append((f"{len(out):05d}.txt", text))
    return out


def write_corpus(folder: Path, n: int, seed: int = 3) -> Path:
    """Write `n` synthetic reports into `folder` (made if missing); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports(n, seed):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def signature(brief: Any) -> list[list]:
    """What must not depend on where the work ran: each story's sources and its counts, in a fixed order."""
    return sorted([sorted(Path(r.source).name for r in s.reports), len(s.quotes), len(s.claims),
                   len(s.disagreements)] for s in brief.stories)


def digest(sig: list[list]) -> str:
    """A short fingerprint of a brief's signature, to compare briefs across separate bench runs."""
    return hashlib.sha256(json.dumps(sig).encode()).hexdigest()[:12]


def run_one(executor: str, store_url: str, folder: str) -> dict[str, Any]:
    """Ingest, group and brief in this process; the figures of one row."""
    from newsloom.executor_spec import parse_executor, stage_executor
    from newsloom.pipeline import Pipeline, document_executor
    from newsloom.store import open_store
    from newsloom.workers import Limits

    spec = parse_executor(executor)
    with ExitStack() as stack:
        store = stack.enter_context(open_store(store_url))
        documents, stages = document_executor(spec, Limits()), stage_executor(spec)
        stack.callback(stages.close)
        stack.callback(documents.close)
        pipeline = Pipeline(store, stages, None, documents)
        start = time.perf_counter()
        statuses = pipeline.ingest([folder])
        ingest_s = time.perf_counter() - start
        pipeline.build_stories()
        brief = pipeline.brief()
        total_s = time.perf_counter() - start
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"inputs": len(statuses), "ok": sum(s.status == "ok" for s in statuses), "processed": pipeline.processed,
            "ingest_s": ingest_s, "total_s": total_s, "rss_mib": rss_mib, "signature": signature(brief)}


def ingest_only(store_url: str, folder: str) -> dict[str, Any]:
    """One of two concurrent ingests: how many reports this process processed itself."""
    from newsloom.executors import LocalExecutor
    from newsloom.pipeline import Pipeline
    from newsloom.store import open_store

    with open_store(store_url) as store:
        pipeline = Pipeline(store, LocalExecutor())
        statuses = pipeline.ingest([folder])
    return {"inputs": len(statuses), "processed": pipeline.processed}


def _child(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)


def _result(child: subprocess.Popen) -> dict[str, Any]:
    out, _ = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"a measured run failed (exit code {child.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def concurrent(url: str, folder: Path) -> dict[str, Any]:
    """Two ingests of one folder into one PostgreSQL database at once: inputs, stored, processed, duplicated."""
    from newsloom.store import open_store

    first, second = (_result(c) for c in [_child("--ingest-only", url, str(folder)) for _ in range(2)])
    with open_store(url) as store:
        stored, pending = len(store.reports()), len(store.pending_reports())
        inputs = len(store.inputs())
    processed = first["processed"] + second["processed"]
    return {"inputs": inputs, "stored": stored, "processed": [first["processed"], second["processed"]],
            "duplicated": processed - stored, "pending": pending}


def _stores(names: list[str], postgres: str | None, stack: ExitStack, tmp: Path):
    """A function giving a fresh store URL per run, for each store asked for."""
    made: dict[str, Any] = {}
    if "sqlite" in names:
        counter = iter(range(10**6))
        made["sqlite"] = lambda: str(tmp / f"run{next(counter)}.db")
    if "postgresql" in names:
        made["postgresql"] = _postgres(postgres, stack)
    return made


def _postgres(url: str | None, stack: ExitStack):
    """New empty databases on the server at `url`, or on a throwaway local server."""
    import psycopg

    if url is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.store.postgres_server import PostgresServer

        server = PostgresServer()
        stack.callback(server.stop)
        server.start()
        return server.new_database
    counter = iter(range(10**6))
    stamp = int(time.time())

    def new() -> str:
        name = f"scale_out_{stamp}_{next(counter)}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return url.rsplit("/", 1)[0] + "/" + name

    return new


def measure(n: int, seed: int, executors: list[str], stores: list[str], postgres: str | None) -> dict[str, Any]:
    """Every executor on every store, then the concurrent pair; rows of figures."""
    rows: list[dict[str, Any]] = []
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="scale-out-") as tmp:
        folder = write_corpus(Path(tmp) / "reports", n, seed)
        fresh = _stores(stores, postgres, stack, Path(tmp))
        for store_name, new_url in fresh.items():
            for executor in executors:
                row = _result(_child("--one", executor, new_url(), str(folder)))
                rows.append({"executor": executor, "store": store_name, **row})
        pair = concurrent(fresh["postgresql"](), folder) if "postgresql" in fresh else None
    first = rows[0]["signature"] if rows else None
    for row in rows:
        row["stories"] = len(row["signature"])
        row["brief_digest"] = digest(row["signature"])
        row["same_brief"] = row.pop("signature") == first
    return {"n": n, "rows": rows, "concurrent": pair}


def render(result: dict[str, Any]) -> str:
    """The figures as a Markdown table, and the concurrent pair's counts."""
    lines = [f"{result['n']} synthetic reports",
             "| executor | store | inputs ok | ingest s | reports/s | total s | driver peak RSS MiB | stories "
             "| same brief | brief digest |", "|---|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in result["rows"]:
        rate = r["processed"] / r["ingest_s"]
        lines.append(f"| {r['executor']} | {r['store']} | {r['ok']}/{r['inputs']} | {r['ingest_s']:.1f} | "
                     f"{rate:.1f} | {r['total_s']:.1f} | {r['rss_mib']:.0f} | {r['stories']} | "
                     f"{'yes' if r['same_brief'] else 'NO'} | {r['brief_digest']} |")
    pair = result.get("concurrent")
    if pair:
        lines.append(f"two concurrent ingests into one PostgreSQL database: {pair['inputs']} inputs, "
                     f"{pair['stored']} stored, processed {pair['processed'][0]} + {pair['processed'][1]}, "
                     f"{pair['duplicated']} duplicated, {pair['pending']} left pending")
    return "\n".join(lines)


def main() -> None:
    """Run the bench from the command line (or one measured run, for the subprocesses it starts)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--executors", default="local,processes:2,ray:2")
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--postgres", help="postgresql://user@host/db of a server where databases may be created")
    parser.add_argument("--one", nargs=3, metavar=("EXECUTOR", "STORE", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--ingest-only", nargs=2, metavar=("STORE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(*args.one)))
    elif args.ingest_only:
        print(json.dumps(ingest_only(*args.ingest_only)))
    else:
        result = measure(args.n, args.seed, args.executors.split(","), args.stores.split(","), args.postgres)
        print(render(result))


if __name__ == "__main__":
    main()
