"""A throwaway PostgreSQL server for the tests: Debian's binaries, a temp dir, a free loopback port."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

SUPERUSER = "newsloom"
SERVER_USERS = ("postgres", "nobody")  # initdb refuses to run as root
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def find_bindir() -> Path:
    """The newest Debian PostgreSQL bin directory holding initdb and pg_ctl."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise Unavailable("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                          "apt-get install postgresql")
    return Path(found[-1]).parent


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_user() -> pwd.struct_passwd | None:
    """The account to run the server as: None for the current one, a system account when we are root."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise Unavailable(f"running as root and none of the accounts {SERVER_USERS} exists to run initdb")


class PostgresServer:
    """One server in a temp dir; `new_database()` hands out empty databases by URL."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.user = server_user()
        if self.user is not None and not shutil.which("runuser"):
            raise Unavailable("running as root without runuser to start PostgreSQL as another account")
        self.root = Path(tempfile.mkdtemp(prefix="newsloom-pg-"))
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        self.data = self.root / "data"
        self.port = 0

    def _run(self, *args: str) -> None:
        """Run a PostgreSQL program as the server's account; a failure raises Unavailable with its output."""
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            cmd = ["runuser", "-u", self.user.pw_name, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=self.root)
        if done.returncode != 0:
            raise Unavailable(f"{args[0]} failed: {(done.stderr or done.stdout).strip()[-400:]}")

    def start(self) -> PostgresServer:
        """initdb, then start on a free port (trying a few in case one is taken meanwhile)."""
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-locale", "-N")
        tries = 3
        while True:
            tries -= 1
            self.port = free_port()
            options = f"-k {self.root} -h 127.0.0.1 -p {self.port} {FAST}"
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60",
                          "-o", options, "start")
                return self
            except Unavailable:
                if not tries:
                    raise

    def url(self, database: str = "postgres") -> str:
        """The URL of one database on this server."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self) -> str:
        """Create an empty database; return its URL."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        self._admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database made by new_database, even with connections left open."""
        self._admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def stop(self) -> None:
        """Stop the server and remove its files."""
        if self.port:
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except (Unavailable, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.root, ignore_errors=True)
