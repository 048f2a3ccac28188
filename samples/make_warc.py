"""Rebuild samples/corpus/archive.warc.gz from the HTML pages in samples/warc_src/.

Run from anywhere: `python samples/make_warc.py`. Record ids and dates are fixed, so the
output is the same on every run.
"""
from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SRC = HERE / "warc_src"
OUT = HERE / "corpus" / "archive.warc.gz"

# (source file, URL it was crawled from, crawl time); order = response record order (#1, #2)
PAGES = [
    ("evening_post.html", "https://eveningpost-calderra.example/news/havlund-green-light-east-basin",
     "2025-05-16T09:41:07Z"),
    ("southbay_observer.html", "https://southbayobserver.example/harbour/southbay-watches-calderra-havlund",
     "2025-05-16T09:41:12Z"),
]


def record_id(name: str) -> str:
    """A stable WARC-Record-ID derived from a name."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'newsloom-sample/' + name)}>"


def main() -> None:
    """Write a warcinfo record, then a request and a response record per page."""
    with OUT.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = writer.create_warcinfo_record(
            OUT.name,
            {"software": "newsloom samples/make_warc.py (warcio)", "format": "WARC File Format 1.1",
             "description": "Sample crawl for the newsloom test corpus (fictional sites)",
             "robots": "obey", "http-header-user-agent": "newsloom-sample-crawler/0.1"},
        )
        info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
        info.rec_headers.replace_header("WARC-Date", PAGES[0][2])
        writer.write_record(info)
        for filename, url, date in PAGES:
            body = (SRC / filename).read_bytes()
            host = url.split("/")[2]
            path = "/" + url.split("/", 3)[3]
            req_headers = StatusAndHeaders(
                f"GET {path} HTTP/1.1",
                [("Host", host), ("User-Agent", "newsloom-sample-crawler/0.1"), ("Accept", "text/html")],
                is_http_request=True,
            )
            request = writer.create_warc_record(
                url, "request", http_headers=req_headers,
                warc_headers_dict={"WARC-Record-ID": record_id("req/" + url), "WARC-Date": date},
            )
            resp_headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
                 ("Server", "nginx"), ("Cache-Control", "max-age=300")],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=resp_headers,
                warc_headers_dict={"WARC-Record-ID": record_id("resp/" + url), "WARC-Date": date,
                                   "WARC-Concurrent-To": record_id("req/" + url)},
            )
            writer.write_record(request)
            writer.write_record(response)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
