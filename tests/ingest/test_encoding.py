"""Decoding: BOM, declared charset checked against the bytes, detection for undeclared legacy text."""
from __future__ import annotations

from pathlib import Path

from newsloom.ingest import decode, declared_charset, read_paths
from newsloom.model import Report

CURLY = "The mayor\u2019s office said \u201cwe will rebuild\u201d \u2014 and the caf\u00e9 agreed."


def test_undeclared_cp1252_with_curly_quotes() -> None:
    assert decode(CURLY.encode("cp1252")) == CURLY


def test_utf8_and_bom_variants() -> None:
    assert decode(CURLY.encode("utf-8")) == CURLY
    assert decode(CURLY.encode("utf-8-sig")) == CURLY
    assert decode(CURLY.encode("utf-16")) == CURLY


def test_declared_charset_is_used_when_the_bytes_agree() -> None:
    text = "\u041c\u043e\u0441\u043a\u0432\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0430 \u0432 \u0432\u043e\u0441\u043a\u0440\u0435\u0441\u0435\u043d\u044c\u0435."
    html = f'<html><head><meta charset="windows-1251"></head><body><p>{text}</p></body></html>'
    raw = html.encode("cp1251")
    assert declared_charset(raw) == "cp1251"
    assert text in decode(raw)


def test_wrong_declared_charset_loses_to_the_bytes() -> None:
    utf8_page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{CURLY}</p></body></html>'.encode()
    assert CURLY in decode(utf8_page)  # no mojibake such as "â€™"
    cp1252_page = f'<html><head><meta charset="utf-8"></head><body><p>{CURLY}</p></body></html>'.encode("cp1252")
    assert CURLY in decode(cp1252_page)
    assert decode(CURLY.encode("cp1252"), declared="utf-8") == CURLY


def test_xml_declaration_and_caller_declared_charset() -> None:
    raw = '<?xml version="1.0" encoding="ISO-8859-1"?><p>caf\u00e9 cr\u00e8me</p>'.encode("latin-1")
    assert declared_charset(raw) == "cp1252"
    assert "caf\u00e9 cr\u00e8me" in decode(raw)
    assert decode("Gr\u00fc\u00dfe aus K\u00f6ln".encode("latin-1"), declared="latin-1") == "Gr\u00fc\u00dfe aus K\u00f6ln"


def test_cp1252_text_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(CURLY.encode("cp1252"))
    [report] = list(read_paths([path]))
    assert isinstance(report, Report) and report.media_type == "text"
    assert decode(report.raw) == CURLY
