"""bench/throughput.py times the commands users run on a folder of pages and prints docs/s next to trafilatura."""
import re

import pytest

from bench import throughput

PAGE = ("<html><head><title>Bridge {n} to reopen</title></head><body><article><h1>Bridge {n} to reopen</h1>"
        "<p>Officials in Northgate said on Monday that bridge {n} would reopen next week after months of repairs "
        "to its deck and its two towers, which were damaged in the spring floods.</p>"
        "<p>\u201cWe are confident the work is done,\u201d said Mayor Jane Doe. The council said the work cost "
        "about {n} million euros, more than it had planned.</p></article></body></html>")


def test_copy_pages_takes_the_first_pages_and_unzips_them(tmp_path):
    import gzip

    source, dest = tmp_path / "src", tmp_path / "dest"
    source.mkdir()
    dest.mkdir()
    (source / "b.html.gz").write_bytes(gzip.compress(b"<p>b</p>"))
    (source / "a.html").write_bytes(b"<p>a</p>")
    (source / "c.html").write_bytes(b"<p>c</p>")
    (source / "notes.txt").write_text("not a page")
    assert throughput.copy_pages(source, 2, dest) == 2
    assert sorted(p.name for p in dest.iterdir()) == ["a.html", "b.html"]
    assert (dest / "b.html").read_bytes() == b"<p>b</p>"


def test_a_tiny_run_prints_rates_ratios_workers_and_stages(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(3):
        (pages / f"p{n}.html").write_text(PAGE.format(n=n + 2), encoding="utf-8")
    assert throughput.main(["--source", str(pages), "--pages", "3", "--runs", "1", "--workers", "1,2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 HTML pages from")
    for label in ("trafilatura.extract", "newsloom extract --jsonl", "newsloom analyze --workers 1",
                  "newsloom analyze --workers 2", "ingest (extract + parse)", "stories", "brief (compare"):
        assert re.search(rf"\| {re.escape(label)}[^|]* \| \d+\.\d\d \| \d+\.\d\d \|", out), label
    assert re.search(r"\| trafilatura\.extract \|.*\| 1\.00x \|", out)
    assert re.search(r"analyze --workers 2 vs --workers 1: \d+\.\d\dx faster", out)
    shares = [int(s) for s in re.findall(r"\| (\d+)% \|", out)]
    assert len(shares) == 3 and 97 <= sum(shares) <= 103


def test_extract_only_times_trafilatura_and_the_extract_command(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(2):
        (pages / f"p{n}.html").write_text(PAGE.format(n=n + 2), encoding="utf-8")
    assert throughput.main(["--source", str(pages), "--pages", "2", "--runs", "1", "--extract-only"]) == 0
    out = capsys.readouterr().out
    rows = re.findall(r"^\| (trafilatura\.extract|newsloom [^|]*?) \| \d+\.\d\d \| \d+\.\d\d \| \d+\.\d\d \| "
                      r"\d+\.\d\dx \|$", out, re.M)
    assert rows == ["trafilatura.extract", "newsloom extract --jsonl"]
    assert "analyze" not in out and "stage split" not in out


def test_no_pages_is_said_and_not_an_error(tmp_path, capsys):
    assert throughput.main(["--source", str(tmp_path / "absent")]) == 0
    assert "no pages" in capsys.readouterr().out


@pytest.mark.skipif(not throughput.PAGES.is_dir(), reason="shared evaluation pages are absent")
def test_the_shared_pages_are_found():
    assert any(p.name.endswith(".html.gz") for p in throughput.PAGES.iterdir())


def test_trafilatura_and_extract_alternate_within_each_run(tmp_path, monkeypatch):
    order = []
    monkeypatch.setattr(throughput, "run_command", lambda args: order.append(
        "extract" if "extract" in args else "trafilatura" if "-c" in args else "other") or (1.0, 1.0))
    throughput.measure(tmp_path, 3, [], tmp_path, extract_only=True)
    assert order == ["trafilatura", "extract"] * 4  # one untimed run first, then the three timed
    order.clear()
    throughput.measure(tmp_path, 3, [], tmp_path, extract_only=True, warm=False)
    assert order == ["trafilatura", "extract"] * 3


def test_commands_run_with_a_bytecode_cache_of_their_own(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = throughput.compiled_env(tmp_path)
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["PYTHONPYCACHEPREFIX"] == str(tmp_path / "pycache")
    seen = []
    monkeypatch.setattr(throughput.subprocess, "run", lambda args, **kw: seen.append(kw["env"]) or
                        throughput.subprocess.CompletedProcess(args, 0))
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.html").write_text(PAGE.format(n=2), encoding="utf-8")
    throughput.main(["--source", str(pages), "--pages", "1", "--runs", "1", "--extract-only"])
    assert seen and all(e is not None and e["PYTHONPYCACHEPREFIX"].endswith("pycache") for e in seen)
    seen.clear()
    throughput.main(["--source", str(pages), "--pages", "1", "--runs", "1", "--extract-only", "--cold"])
    assert seen == [None] * 2
    assert throughput.ENV is None
