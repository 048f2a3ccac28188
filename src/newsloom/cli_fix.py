"""`newsloom fix`: correct who said a quote, list, remove, export and import the fixes kept in a store."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer

from newsloom.cli_common import DbOpt, _store, err, fail
from newsloom.fixes import FixError, fix_states, read_fixes, record_fix, remove_fix, to_json

fix_app = typer.Typer(help="Correct who said a quote; fixes are kept in the store and hold across re-runs.",
                      no_args_is_help=True)
ReportOpt = typer.Option(..., "--report", help="The report's id (as in the brief's reports).")
QuoteOpt = typer.Option(..., "--quote", help="Words of the quote, or its span in the report's clean text as START:END.")


@fix_app.command("speaker")
def speaker(
    report: str = ReportOpt,
    quote: str = QuoteOpt,
    name: Optional[str] = typer.Option(None, "--speaker", help="Who said it."),
    unattributed: bool = typer.Option(False, "--unattributed", help="Nobody can be named: show it unattributed."),
    note: str = typer.Option("", "--note", help="Why (kept with the fix)."),
    by: str = typer.Option("", "--by", help="Who made the fix."),
    db: str = DbOpt,
) -> None:
    """Set the speaker of one quote of one report (or mark it unattributed)."""
    if (name is None or not name.strip()) == (not unattributed):
        fail("give either --speaker NAME or --unattributed")
    with _store(db) as store:
        try:
            fix = record_fix(store, report, quote, None if unattributed else name, by, note)
        except FixError as exc:
            fail(str(exc))
    was = fix.previous or "unattributed"
    err.print(f"fixed: “{fix.quote}” ({fix.report_id} {fix.start}:{fix.end}) is now "
              f"{fix.speaker or 'unattributed'} (was {was}); briefs show it from now on", markup=False, highlight=False)


@fix_app.command("list")
def list_fixes(
    db: str = DbOpt,
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl (jsonl adds each fix's state)."),
) -> None:
    """List the kept fixes and whether each still finds its quote (applied, stale or waiting for its report)."""
    if fmt not in ("table", "jsonl"):
        fail(f"unknown format {fmt!r}: use table or jsonl")
    with _store(db) as store:
        states = fix_states(store)
    for s in states:
        if fmt == "jsonl":
            sys.stdout.write(json.dumps({**asdict(s.fix), "state": s.state}, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"{s.state}\t{s.fix.report_id}\t{s.fix.start}:{s.fix.end}\t"
                             f"{s.fix.speaker or '(unattributed)'}\t{s.fix.by}\t{s.fix.at}\t{' '.join(s.fix.quote.split())}\n")
    if fmt == "table":
        err.print(f"{len(states)} fixes, {sum(s.state == 'stale' for s in states)} stale")


@fix_app.command("remove")
def remove(report: str = ReportOpt, quote: str = QuoteOpt, db: str = DbOpt) -> None:
    """Drop the fix of one quote, so the reports' own attribution holds again."""
    with _store(db) as store:
        try:
            gone = remove_fix(store, report, quote)
        except FixError as exc:
            fail(str(exc))
    err.print(f"removed the fix of “{gone.quote}” ({gone.report_id} {gone.start}:{gone.end})", markup=False)


@fix_app.command("export")
def export(
    db: str = DbOpt,
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the JSON lines here instead of stdout."),
) -> None:
    """Write every kept fix as one JSON line, to share with another store."""
    with _store(db) as store:
        lines = [to_json(f) + "\n" for f in store.speaker_fixes()]
    if out is None:
        sys.stdout.write("".join(lines))
    else:
        out.write_text("".join(lines), encoding="utf-8")
    err.print(f"exported {len(lines)} fixes")


@fix_app.command("import")
def import_fixes(
    path: Path = typer.Argument(..., help="JSON lines of fixes, as `newsloom fix export` writes them."),
    db: str = DbOpt,
    create: bool = typer.Option(False, "--create", help="Start an empty store when --db names none."),
) -> None:
    """Keep the fixes of a JSON lines file (a fix of the same quote is replaced); bad lines are reported and skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
    kept = bad = 0
    with _store(db, create) as store:
        for number, item in read_fixes(text.splitlines()):
            if isinstance(item, FixError):
                bad += 1
                err.print(f"  line {number}: {item}", markup=False, highlight=False)
            else:
                store.put_speaker_fix(item)
                kept += 1
    err.print(f"imported {kept} fixes" + (f", skipped {bad} bad lines" if bad else ""))
    if bad and not kept:
        raise typer.Exit(code=1)
