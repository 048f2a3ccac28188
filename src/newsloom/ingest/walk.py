"""Walk input paths (files, directories) so that every entry met ends up as reports or one status."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsloom.ingest.reader import safe_read
from newsloom.model import InputStatus, Report

LEAVES_TREE = "symbolic link leaves the input folder (pass --follow-links to read it)"


def _inside(target: str, root: str) -> bool:
    """True when the resolved `target` lies in the resolved folder `root`."""
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


@dataclass
class _Walk:
    """One walk over an input folder: its resolved root, whether links may leave it, folders already read."""

    root: str
    follow_links: bool
    seen: set[str] = field(default_factory=set)

    def folder(self, directory: Path) -> Iterator[Report | InputStatus]:
        """Yield everything under a folder, in sorted name order, skipping hidden entries."""
        self.seen.add(os.path.realpath(directory))
        try:
            names = sorted(name for name in os.listdir(directory) if not name.startswith("."))
        except OSError as error:
            yield InputStatus(str(directory), "failed", f"unreadable directory: {error.strerror or error}")
            return
        for name in names:
            yield from self.entry(directory / name)

    def entry(self, path: Path) -> Iterator[Report | InputStatus]:
        """Yield the items of one folder entry: a file's reports, a subfolder's contents, or why it is not read."""
        source = str(path)
        try:
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                target = os.path.realpath(path)
                mode = path.stat().st_mode
                if not self.follow_links and not _inside(target, self.root):
                    yield InputStatus(source, "skipped", LEAVES_TREE)
                    return
        except FileNotFoundError:
            yield InputStatus(source, "failed", "dangling symbolic link")
            return
        except OSError as error:
            yield InputStatus(source, "failed", f"unreadable: {error.strerror or error}")
            return
        if stat.S_ISDIR(mode):
            if os.path.realpath(path) in self.seen:
                yield InputStatus(source, "skipped", "folder already read (through a symbolic link)")
            else:
                yield from self.folder(path)
            return
        yield from safe_read(path, source)


def read_path(path: Path, follow_links: bool = False) -> Iterator[Report | InputStatus]:
    """Yield the items of one input path (always read, even through a link), or a status when it yields nothing."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        reason = "dangling symbolic link" if path.is_symlink() else "no such file or directory"
        yield InputStatus(str(path), "failed", reason)
        return
    except OSError as error:
        yield InputStatus(str(path), "failed", f"unreadable: {error.strerror or error}")
        return
    if not stat.S_ISDIR(mode):
        yield from safe_read(path, str(path))
        return
    produced = False
    for item in _Walk(os.path.realpath(path), follow_links).folder(path):
        produced = True
        yield item
    if not produced:
        yield InputStatus(str(path), "skipped", "directory holds no files")


def read_paths(paths: Sequence[str | Path], follow_links: bool = False) -> Iterator[Report | InputStatus]:
    """Yield a Report per document found under `paths` and a status per input that yields nothing.

    Symbolic links inside a folder that lead out of it are read only with `follow_links`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    arrival = 0
    for path in paths:
        for item in read_path(Path(path), follow_links):
            if isinstance(item, Report):
                item.arrival = arrival
                arrival += 1
            yield item
