"""Scripts and program source are skipped as not news; articles, even ones that mention code, are read."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.ingest import read_paths
from newsloom.ingest.reader import CODE_REASON
from newsloom.ingest.sourcecode import looks_like_code
from newsloom.model import InputStatus, Report

SHELL = """#!/bin/sh
set -e
cd /opt/app && make install
echo "done"
"""
SHELL_NO_SHEBANG = """set -eu
for f in *.log; do
  gzip -9 "$f"
done
tar -czf logs.tgz *.gz 2>&1 | tee build.log
"""
PYTHON = '''import os
from pathlib import Path


def main(root: str) -> None:
    for name in os.listdir(root):
        print(Path(root) / name)


if __name__ == "__main__":
    main(".")
'''
JS = "function f(a){return a+1};var x={a:1,b:2};if(x.a){console.log(f(x.b))};" * 10
C = """#include <stdio.h>

int main(void) {
    printf("hello\\n");
    return 0;
}
"""
ARTICLE = """Council votes to close the old bridge

The city council voted on Tuesday to close the Old Mill bridge; engineers found cracks in two piers.
"We cannot wait any longer," the mayor said after the vote.
Import duties on steel, which the repairs need, rose in March, and the budget = a third of last year's.
Return trips over the river will take twenty minutes longer for the next year.
For drivers: the detour runs through Elm Street.
"""
RELEASE = """Software firm patches flaw

The company said the bug let attackers run code such as `rm -rf /` on servers.
Customers should update to version 2.4 today, it said in a statement.
The flaw was found by a student in Berlin, who reported it in May.
"""


@pytest.mark.parametrize(
    ("name", "content"),
    [("deploy", SHELL), ("clean.txt", SHELL_NO_SHEBANG), ("tool.py", PYTHON), ("tool.txt", PYTHON),
     ("app.min.txt", JS), ("hello.c", C), ("run.sh", "ls\n")],
)
def test_scripts_and_source_code_are_skipped(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    assert list(read_paths([path])) == [InputStatus(str(path), "skipped", CODE_REASON)]


@pytest.mark.parametrize("content", [ARTICLE, RELEASE])
def test_articles_are_not_taken_for_code(tmp_path: Path, content: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(content)
    [report] = list(read_paths([path]))
    assert isinstance(report, Report) and report.media_type == "text"


def test_names_decide_only_for_script_suffixes(tmp_path: Path) -> None:
    page = tmp_path / "story.php"  # saved web pages often carry server-script names
    page.write_text("<html><body><p>The bridge closed.</p></body></html>")
    widget = tmp_path / "widget.jsx"
    widget.write_text("<div><p>Hello</p><span>{name}</span></div>")
    items = list(read_paths([page, widget]))
    assert isinstance(items[0], Report) and items[0].media_type == "html"
    assert items[1] == InputStatus(str(widget), "skipped", CODE_REASON)
    assert not looks_like_code(ARTICLE, "story.txt")


@pytest.mark.parametrize("folder", ["samples/corpus", "../shared/seeds"])
def test_bundled_and_seed_reports_are_all_read(folder: str) -> None:
    root = Path(__file__).resolve().parents[2] / folder
    if not root.is_dir():
        pytest.skip(f"{folder} is absent")
    items = list(read_paths([root]))
    assert items and all(isinstance(i, Report) for i in items)
