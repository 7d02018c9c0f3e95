"""A throw-away PostgreSQL server for the tests and benchmarks (Debian's ``postgresql``).

``start()`` runs ``initdb`` and ``pg_ctl start`` in a temporary folder on a free local port;
the server refuses to run as root, so as root both run as the ``postgres`` user (``runuser``).
``stop()`` stops it and removes the folder.  Trust authentication on 127.0.0.1 only: the
server lives as long as the test session and holds nothing but test data.

    python tests/pgserver.py start FOLDER   # prints the URL once the server accepts connections
    python tests/pgserver.py stop FOLDER
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

READY = "ready"
FAILED = "failed"


def binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (the newest installed major version)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_major)
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _major(path: str) -> int:
    try:
        return int(Path(path).parts[-3])
    except ValueError:
        return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def url_of(folder: Path) -> str | None:
    marker = folder / READY
    return marker.read_text().strip() if marker.exists() else None


def start(folder: Path) -> str:
    """Start a server whose data lives in ``folder``; returns its SQLAlchemy URL."""
    bindir = binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (scripts/setup.sh installs it)")
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "pgdata"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ]
        ),
        **run,  # type: ignore[call-overload]
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder}"
        " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        " -c max_connections=200 -c shared_buffers=64MB"
    )
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "-l",
                str(folder / "server.log"),
                "start",
            ]
        ),
        **run,  # type: ignore[call-overload]
    )
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    _wait(port)
    (folder / READY).write_text(url)
    return url


def _wait(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"PostgreSQL did not start on port {port}")


def stop(folder: Path) -> None:
    bindir = binaries()
    data = folder / "pgdata"
    if bindir is not None and (data / "postmaster.pid").exists():
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            check=False,
        )
    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    action, folder = argv[0], Path(argv[1])
    if action == "start":
        try:
            print(start(folder), flush=True)
        except Exception as exc:
            folder.mkdir(parents=True, exist_ok=True)
            detail = getattr(exc, "stderr", "") or ""
            (folder / FAILED).write_text(f"{exc}\n{detail}")
            print(f"PostgreSQL failed to start: {exc}\n{detail}", file=sys.stderr)
            return 1
        return 0
    stop(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
