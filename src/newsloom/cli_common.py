"""What every `newsloom` command shares: the store option, opening the store and failing with a reason."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from newsloom.store import MissingStoreError, Store, StoreError, open_store

err = Console(stderr=True)
DbOpt = typer.Option(
    "newsloom.db", "--db", help="Store: a SQLite file path, sqlite:///path or postgresql://user@host/db."
)
NO_STORE_HINT = "check --db, or give --create to start an empty store there"


def fail(reason: str) -> None:
    """Exit non-zero with a one-line reason."""
    typer.echo(f"error: {reason}", err=True)
    raise typer.Exit(code=1)


@contextmanager
def _store(db: str, create: bool = False) -> Iterator[Store]:
    """Open the store (a missing one only with `create`) or exit with its reason."""
    try:
        store = open_store(db, create=create)
    except MissingStoreError as exc:
        fail(f"{exc}: {NO_STORE_HINT}")
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    finally:
        store.close()
