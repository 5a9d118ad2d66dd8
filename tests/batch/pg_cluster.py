"""A throwaway PostgreSQL server for the tests of the shared batch ledger.

`KLING_TEST_POSTGRES_URL` (a server where the tests may create databases) is used when set.
Otherwise the machine's PostgreSQL binaries (`initdb`, `pg_ctl`: on PATH, in `pg_config
--bindir`, or in /usr/lib/postgresql/*/bin) make a cluster in a temporary folder, listening on a
Unix socket in that folder only (no TCP port, so parallel test workers never collide), with
fsync off (a test's data need not survive a power cut). PostgreSQL refuses to run as root: then
the cluster runs as `nobody`, and the folder is theirs. Start-up takes about a second.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

URL_ENV = "KLING_TEST_POSTGRES_URL"
_TIMEOUT = 60
_INITDB = ("-U", "kling", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")


def _bindir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        out = subprocess.run(
            ["pg_config", "--bindir"],  # noqa: S607 - the machine's own tool, from PATH
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=True,
        )
        bindir = Path(out.stdout.strip())
        if (bindir / "initdb").is_file():
            return bindir
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").is_file():
            return Path(candidate)
    return None


def _as_owner() -> list[str]:
    """The command prefix that runs the server as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


class Cluster:
    """A running server; `new_database()` gives a fresh place for a ledger on it."""

    def __init__(self, base_url: str, folder: Path | None = None, pg_ctl: list[str] | None = None):
        self.base_url = base_url
        self.folder = folder
        self._pg_ctl = pg_ctl

    def new_database(self) -> str:
        """A fresh, empty place for a ledger: a schema of its own (a database would take ~0.7 s
        to make), named in the URL as the connection's search_path."""
        import psycopg

        name = f"kling_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.base_url, autocommit=True, connect_timeout=10) as db:
            db.execute(f'CREATE SCHEMA "{name}"')
        joiner = "&" if "?" in self.base_url else "?"
        return f"{self.base_url}{joiner}options=-csearch_path%3D{name}"

    def stop(self) -> None:
        """Stop the server (immediately: its data is thrown away) and remove its folder."""
        if self._pg_ctl is not None:
            subprocess.run(  # noqa: S603 - the machine's PostgreSQL, our own arguments
                [*self._pg_ctl, "-m", "immediate", "stop"],
                capture_output=True,
                timeout=_TIMEOUT,
                check=False,
            )
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Cluster | str:
    """A running server, or why there is none (the reason to skip with)."""
    given = os.environ.get(URL_ENV)
    if given:
        return Cluster(given)
    bindir = _bindir()
    if bindir is None:
        return "no PostgreSQL binaries (initdb, pg_ctl) on this machine, and no " + URL_ENV
    folder = Path(tempfile.mkdtemp(prefix="kling-pg-"))
    owner = _as_owner()
    if owner:
        shutil.chown(folder, "nobody")
    data = folder / "data"
    pg_ctl = [*owner, str(bindir / "pg_ctl"), "-D", str(data)]
    options = (
        f"-c listen_addresses='' -k {folder} -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=60"
    )
    try:
        subprocess.run(  # noqa: S603 - the machine's PostgreSQL, our own arguments
            [*owner, str(bindir / "initdb"), "-D", str(data), *_INITDB],
            capture_output=True,
            timeout=_TIMEOUT,
            check=True,
        )
        subprocess.run(  # noqa: S603 - as above
            [*pg_ctl, "-o", options, "-l", str(folder / "log"), "-w", "-t", "30", "start"],
            capture_output=True,
            timeout=_TIMEOUT,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log = folder / "log"
        detail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
        stderr = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {exc} {stderr!r} {detail}") from exc
    return Cluster(f"postgresql://kling@/postgres?host={folder}", folder, pg_ctl)


@contextlib.contextmanager
def running() -> Iterator[Cluster | str]:
    """`start()`, stopped at the end."""
    cluster = start()
    try:
        yield cluster
    finally:
        if isinstance(cluster, Cluster):
            cluster.stop()
