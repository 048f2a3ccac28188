"""Folder walks: every entry gets reports or one status; links out of the tree are followed only when asked."""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from newsloom.ingest import read_paths
from newsloom.ingest.walk import LEAVES_TREE
from newsloom.model import InputStatus, Report

TEXT = "The ferry resumed crossings on Monday.\n\nPassengers waited two hours at the pier.\n".encode()


def _by_source(*paths: Path, follow_links: bool = False) -> dict[str, Report | InputStatus]:
    items = list(read_paths(list(paths), follow_links=follow_links))
    sources = [i.source for i in items]
    assert len(sources) == len(set(sources)), "one row per source"
    return dict(zip(sources, items))


def test_dangling_link_in_a_folder_fails_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_bytes(TEXT)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    items = _by_source(tmp_path)
    gone = str(tmp_path / "gone.txt")
    assert items[gone] == InputStatus(gone, "failed", "dangling symbolic link")
    assert isinstance(items[str(tmp_path / "real.txt")], Report)


def test_dangling_link_given_explicitly_fails_with_a_reason(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert list(read_paths([link])) == [InputStatus(str(link), "failed", "dangling symbolic link")]


def _tree_with_outside_link(tmp_path: Path) -> tuple[Path, Path, Path]:
    tree, outside = tmp_path / "inputs", tmp_path / "elsewhere"
    tree.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_bytes(TEXT + b"outside")
    (tree / "inner.txt").write_bytes(TEXT + b"inner")
    (tree / "out.txt").symlink_to(outside / "secret.txt")
    (tree / "outdir").symlink_to(outside)
    (tree / "same.txt").symlink_to(tree / "inner.txt")
    return tree, tree / "out.txt", tree / "outdir"


def test_links_leaving_the_folder_are_skipped_unless_asked(tmp_path: Path) -> None:
    tree, out_file, out_dir = _tree_with_outside_link(tmp_path)
    items = _by_source(tree)
    assert items[str(out_file)] == InputStatus(str(out_file), "skipped", LEAVES_TREE)
    assert items[str(out_dir)] == InputStatus(str(out_dir), "skipped", LEAVES_TREE)
    assert "--follow-links" in LEAVES_TREE
    assert isinstance(items[str(tree / "same.txt")], Report)  # a link inside the tree is read
    assert set(items) == {str(tree / n) for n in ("inner.txt", "out.txt", "outdir", "same.txt")}


def test_links_leaving_the_folder_are_read_with_follow_links(tmp_path: Path) -> None:
    tree, out_file, out_dir = _tree_with_outside_link(tmp_path)
    items = _by_source(tree, follow_links=True)
    followed = items[str(out_file)]
    assert isinstance(followed, Report) and followed.raw == TEXT + b"outside"
    assert isinstance(items[str(out_dir / "secret.txt")], Report)


def test_a_link_given_explicitly_is_always_read(tmp_path: Path) -> None:
    tree, out_file, out_dir = _tree_with_outside_link(tmp_path)
    items = _by_source(out_file, out_dir)
    assert isinstance(items[str(out_file)], Report)
    assert isinstance(items[str(out_dir / "secret.txt")], Report)


def test_link_loop_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT)
    (tmp_path / "again").symlink_to(tmp_path)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    items = _by_source(tmp_path, follow_links=True)
    assert isinstance(items[str(tmp_path / "a.txt")], Report)
    assert items[str(tmp_path / "again")].status == "skipped"
    assert items[str(tmp_path / "self")].status == "failed"
    assert len(items) == 3


def test_fifo_and_socket_in_a_folder_are_skipped_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    (tmp_path / "z.txt").write_bytes(TEXT)
    try:
        items = _by_source(tmp_path)
        explicit = list(read_paths([tmp_path / "pipe"]))
    finally:
        server.close()
    assert items[str(tmp_path / "pipe")] == InputStatus(str(tmp_path / "pipe"), "skipped",
                                                        "named pipe (FIFO), not a regular file")
    assert items[str(tmp_path / "sock")] == InputStatus(str(tmp_path / "sock"), "skipped", "socket, not a regular file")
    assert isinstance(items[str(tmp_path / "z.txt")], Report)
    assert explicit == [InputStatus(str(tmp_path / "pipe"), "skipped", "named pipe (FIFO), not a regular file")]


def test_unreadable_folder_gets_a_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT)
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "hidden.txt").write_bytes(TEXT)
    real_listdir = os.listdir

    def guarded(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "shut":
            raise PermissionError(13, "Permission denied")
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", guarded)
    items = _by_source(tmp_path)
    shut = str(tmp_path / "shut")
    assert items[shut] == InputStatus(shut, "failed", "unreadable directory: Permission denied")
    assert isinstance(items[str(tmp_path / "a.txt")], Report)


def test_folder_linked_inside_the_tree_is_read_once_and_the_second_way_gets_a_row(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "story.txt").write_bytes(TEXT)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    items = _by_source(tmp_path)
    assert isinstance(items[str(tmp_path / "a" / "story.txt")], Report)
    assert items[str(tmp_path / "b")] == InputStatus(str(tmp_path / "b"), "skipped",
                                                     "folder already read (through a symbolic link)")
