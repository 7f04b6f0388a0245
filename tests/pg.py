"""A throw-away PostgreSQL cluster for the server tests (issue 18).

One cluster per test session: ``initdb`` on a temporary folder, run as an unprivileged
user (initdb refuses root), listening on 127.0.0.1 at a free port; each test gets a new
database. Without PostgreSQL installed the tests skip with the reason, except under
``CI=true`` where that is a failure (CI installs the distribution's ``postgresql`` package).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

# Debian installs the server binaries outside PATH; /usr/local/bin may link them.
_SEARCH = [Path(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)]


def find_binary(name: str) -> str | None:
    """The path of a PostgreSQL server program, or None when not installed."""
    found = shutil.which(name)
    if found:
        return found
    for folder in _SEARCH:
        if (folder / name).is_file():
            return str(folder / name)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A running throw-away cluster; ``url(db)`` gives a connection URL for a database."""

    def __init__(self) -> None:
        initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
        if not initdb or not pg_ctl:
            raise FileNotFoundError("PostgreSQL server programs (initdb, pg_ctl) not found")
        self.pg_ctl = pg_ctl
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="guiji-pg-"))
        self.data = self.root / "data"
        self.user = "postgres_guiji_test"
        self._as: list[str] = []
        if os.geteuid() == 0:
            # initdb refuses root: run the server as "nobody", owner of the folder.
            account = pwd.getpwnam("nobody")
            os.chown(self.root, account.pw_uid, account.pw_gid)
            os.chmod(self.root, 0o700)
            self._as = ["runuser", "-u", "nobody", "--"]
        self._run([initdb, "-D", str(self.data), "-U", self.user, "-A", "trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync"])
        options = f"-p {self.port} -k {self.root} -h 127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run([pg_ctl, "-D", str(self.data), "-l", str(self.root / "log"), "-o", options,
                   "-w", "-t", "60", "start"])

    def _run(self, command: list[str]) -> None:
        done = subprocess.run(self._as + command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database (pg_trgm available) and its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:16]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # name is ours: hex only
        with psycopg.connect(self.url(name), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
