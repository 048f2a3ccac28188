"""`newsloom serve`: builds the app over the store and hands it to uvicorn."""
from __future__ import annotations

import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from newsloom.cli import app


def test_serve_runs_the_app_with_uvicorn(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: calls.append((web_app, kw)))
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "n.db"), "--create", "--port", "8123",
                                      "--max-upload-mb", "5"])
    assert result.exit_code == 0, result.output
    (web_app, kw), = calls
    assert isinstance(web_app, FastAPI)
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert web_app.state.limits.total == 5_000_000


def test_serve_refuses_a_missing_store_without_create(monkeypatch, tmp_path):
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 1 and "no store at" in result.output and "--create" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_serve_refuses_a_store_it_cannot_open(monkeypatch):
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)
    result = CliRunner().invoke(app, ["serve", "--db", "postgresql://db/newsloom"])
    assert result.exit_code == 1
