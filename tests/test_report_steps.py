"""Reports processed in a batch: each result is the one the report gets alone, and a failure stays its own."""
from __future__ import annotations

import pytest

import newsloom.annotate.annotator as annotator
import newsloom.annotate.nlp as nlp
from newsloom.model import Report
from newsloom.report_steps import ANNOTATE, process_report, process_reports

from tests.test_cli import CHROME_REPORT, OTHER_REPORT


def _reports() -> list[Report]:
    texts = [OTHER_REPORT, "", CHROME_REPORT, OTHER_REPORT.replace("Monday", "Tuesday"), "<html><body></body></html>"]
    return [Report.make(f"r{i}.txt", text.encode(), "html" if text.startswith("<") else "text")
            for i, text in enumerate(texts)]


def test_a_batch_gives_each_report_what_it_gets_alone():
    reports = _reports()
    alone = [process_report(r) for r in reports]
    assert list(process_reports(reports)) == alone
    assert [r.status.status for r in alone] == ["ok", "skipped", "ok", "ok", "skipped"]
    assert ANNOTATE.one is process_report and ANNOTATE.many is process_reports


def test_an_article_that_fails_to_annotate_fails_alone(monkeypatch):
    real = annotator.annotate

    def broken_on_tuesday(article, vectors=True, doc=None):
        if "Tuesday" in article.text:
            raise RuntimeError("no parse")
        return real(article, vectors, doc)

    monkeypatch.setattr(annotator, "annotate", broken_on_tuesday)
    results = list(process_reports(_reports()))
    assert [r.status.status for r in results] == ["ok", "skipped", "ok", "failed", "skipped"]
    assert results[3].status.reason == "annotation error: RuntimeError: no parse"
    assert results[3] == process_report(_reports()[3])


@pytest.mark.parametrize("failure", [RuntimeError("batch"), MemoryError()])
def test_texts_are_parsed_alone_when_parsing_them_together_fails(monkeypatch, failure):
    reports = _reports()
    alone = [process_report(r) for r in reports]

    def broken(texts):
        raise failure

    monkeypatch.setattr(nlp, "parse_many", broken)
    assert list(process_reports(reports)) == alone


def test_parse_many_gives_the_docs_parse_gives(monkeypatch):
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 300)  # the long text goes through parse, in pieces
    texts = [OTHER_REPORT, CHROME_REPORT * 3, "", OTHER_REPORT[:80]]
    many = nlp.parse_many(texts)
    for text, doc in zip(texts, many, strict=True):
        single = nlp.parse(text)
        assert doc.text == text
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start)
                for t in doc] == [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_,
                                   t.is_sent_start) for t in single]


def test_big_reports_run_alone():
    from newsloom.report_steps import HTML_ALONE_BYTES, TEXT_ALONE_BYTES, runs_alone

    assert not runs_alone(Report.make("a.txt", b"a" * TEXT_ALONE_BYTES, "text"))
    assert runs_alone(Report.make("a.txt", b"a" * (TEXT_ALONE_BYTES + 1), "text"))
    assert not runs_alone(Report.make("a.html", b"a" * HTML_ALONE_BYTES, "html"))
    assert runs_alone(Report.make("a.html", b"a" * (HTML_ALONE_BYTES + 1), "html"))
    assert ANNOTATE.alone is runs_alone
