"""Claiming pending reports: every report is processed by one run at a time, and a dead run's claims end."""
from __future__ import annotations

import threading
import time

from newsloom.model import InputStatus
from newsloom.store.postgres import PostgresStore

from .conftest import make_annotated, make_report


def _fill(store, n: int) -> list[str]:
    reports = [make_report(i) for i in range(n)]
    for r in reports:
        store.add_report(r)
    return [r.id for r in reports]


def _finish(store, report_id: str) -> None:
    report = store.get_report(report_id)
    store.finish_report(report_id, "annotated", InputStatus(report.source, "ok"), make_annotated(report))


def test_a_store_claims_every_pending_report_once(store):
    ids = _fill(store, 5)
    _finish(store, ids[0])
    pending = store.pending_reports()
    assert list(store.claim_reports(pending)) == ids[1:]
    for rid in ids[1:]:
        _finish(store, rid)
    assert list(store.claim_reports(ids)) == []
    assert list(store.claim_reports(ids, retry=("annotated",))) == ids


def test_two_stores_claim_disjoint_reports_and_skip_finished_ones(postgres_url):
    with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        ids = _fill(one, 40)
        pending = one.pending_reports()
        first = one.claim_reports(pending)
        held = [next(first) for _ in range(10)]  # claimed, not yet finished
        assert held == ids[:10]
        mine = list(two.claim_reports(pending))
        assert mine == ids[10:]  # the other's claims are skipped
        for rid in mine:
            _finish(two, rid)
        rest = list(first)  # the other run's finished reports are no longer pending for the first
        assert rest == []
        for rid in held:
            _finish(one, rid)
        assert one.pending_reports() == []


def test_concurrent_claimers_split_the_work(postgres_url):
    with PostgresStore(postgres_url) as s:
        ids = _fill(s, 60)
    taken: list[list[str]] = [[], [], []]
    start = threading.Barrier(3)

    def work(i: int) -> None:
        with PostgresStore(postgres_url) as store:
            pending = store.pending_reports()
            start.wait()
            for rid in store.claim_reports(pending):
                taken[i].append(rid)
                _finish(store, rid)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [rid for part in taken for rid in part]
    assert sorted(everything) == sorted(ids)  # each report processed exactly once
    with PostgresStore(postgres_url) as s:
        assert s.pending_reports() == []


def test_a_closed_stores_claims_are_taken_over(postgres_url):
    one = PostgresStore(postgres_url)
    ids = _fill(one, 3)
    claims = one.claim_reports(one.pending_reports())
    assert next(claims) == ids[0]
    with PostgresStore(postgres_url) as two:
        assert list(two.claim_reports(ids)) == ids[1:]
        one.close()  # a run killed mid-report: its connection ends, and its claim with it
        deadline = time.monotonic() + 10  # the server ends the session once it sees the connection close
        while not (taken := list(two.claim_reports(ids[:1]))) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert taken == ids[:1]
