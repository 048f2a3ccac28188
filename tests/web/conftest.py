"""A small store filled through the real pipeline from invented reports, and a web client over it."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsloom.pipeline import Pipeline
from newsloom.store import open_store
from newsloom.web import create_app

QUOTE = "We will keep the ferries tied up until the harbour board puts a fair offer on the table"
SPEAKER = "Marta Kessling"

FERRY_GAZETTE = f"""Ferry crews walk out in Port Aldwyn over pay
Published 3 March 2031
By Jonas Wilde
Aldwyn Gazette

Ferry crews in Port Aldwyn stopped work on Monday morning, leaving thousands of island commuters without a crossing, after talks with the harbour board over pay collapsed late on Sunday.

"{QUOTE}," said {SPEAKER}, who leads the Aldwyn Ferry Workers' Union. She said crews had not had a raise in four years.

The harbour board said it had offered a raise of three percent and called the strike premature. About 6,000 passengers use the three ferries between Port Aldwyn and Skarra Island every day.

The union said the strike would last at least until Thursday. Emergency crossings for medical patients will continue, the harbour board said.
"""

FERRY_COURIER = f"""Port Aldwyn ferries halted as crews strike
Published 3 March 2031
By Ilona Pratt
Skarra Island Courier

Queues formed at the Skarra Island pier before dawn on Monday as word spread that no boat would come. Nurses due at the mainland hospital were among the first to be turned away.

"I have worked every shift through two winters of storms, and now I cannot even get there," said Hanne Toller, a theatre nurse who lives in the island's main village. A water taxi operator said he had taken forty bookings by nine o'clock.

"{QUOTE}," {SPEAKER}, the head of the Aldwyn Ferry Workers' Union, told reporters at the terminal gates.

Island shops expect deliveries of fresh food to run short by Wednesday. The island council has asked the regional government to send a relief boat if the dispute drags on into next week.
"""

LIBRARY_POST = """Fire destroys historic library in Brenmoor
Published 9 April 2031
By Teodor Vance
Brenmoor Evening Post

A fire tore through the old public library in Brenmoor overnight on Tuesday, destroying the reading room and much of its collection of local maps, the town's fire service said.

Firefighters were called shortly after two in the morning and brought the blaze under control by dawn. No one was hurt. The cause of the fire is not yet known, and investigators are expected at the site on Wednesday.

The library, built in 1887, held the largest collection of parish records in the valley. Volunteers have offered to help sort what survived, according to the town council.
"""

REPORTS = {"ferry-gazette.txt": FERRY_GAZETTE, "ferry-courier.txt": FERRY_COURIER,
           "library-post.txt": LIBRARY_POST, "empty.txt": ""}


def write_reports(folder: Path) -> list[Path]:
    """Write the invented reports (and one empty file) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in REPORTS.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def build_store(db: Path, inputs: Path) -> None:
    """Run ingest and story grouping over the invented reports into the SQLite store at `db`."""
    with open_store(str(db)) as store:
        pipeline = Pipeline(store)
        pipeline.ingest(write_reports(inputs))
        pipeline.build_stories()


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """A store file built once per session; tests copy it when they write."""
    root = tmp_path_factory.mktemp("web-store")
    build_store(root / "newsloom.db", root / "inputs")
    return root / "newsloom.db"


@pytest.fixture(scope="session")
def client(built_store) -> TestClient:
    """A client over the shared store, for tests that only read."""
    return TestClient(create_app(str(built_store)))


@pytest.fixture
def fresh_client(built_store, tmp_path) -> TestClient:
    """A client over a copy of the store, for tests that upload."""
    shutil.copyfile(built_store, tmp_path / "newsloom.db")
    return TestClient(create_app(str(tmp_path / "newsloom.db")))


def csrf_token(client: TestClient) -> str:
    """The token the story list's upload form carries."""
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)


def post_upload(client: TestClient, *files, token: str | None = "form", headers: dict | None = None):
    """POST files to /upload as the app's own form does (same origin, its token) unless told otherwise."""
    data = {"csrf_token": csrf_token(client) if token == "form" else token} if token else {}
    sent = {"origin": str(client.base_url)} if headers is None else headers
    return client.post("/upload", data=data, files=[("files", f) for f in files], headers=sent,
                       follow_redirects=False)


def upload_and_wait(client: TestClient, *files, timeout: float = 120):
    """Upload through the form, wait until the upload thread is done with it and return its status page."""
    answer = post_upload(client, *files)
    assert answer.status_code == 303, answer.text
    where = answer.headers["location"]
    assert where.startswith("/uploads/")
    assert client.app.state.desk.uploads.wait(where.rsplit("/", 1)[1], timeout)
    return client.get(where)


def ferry_story(client: TestClient) -> dict:
    """The API card of the ferry strike story (the one with two reports)."""
    return next(s for s in client.get("/api/stories").json() if s["reports"] == 2)
