"""A real server for the tests that need one: gunicorn with several workers, in its own
processes, against a database the test prepared."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(
    database_url: str, log: Path, *, workers: int = 4, env: dict | None = None
) -> Iterator[str]:
    """Serve the app with ``workers`` gunicorn workers on ``database_url``; yields the base URL.
    The server's output goes to ``log`` (read it for "database is locked")."""
    port = _free_port()
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("TEST_", "PYTEST", "REDIS"))
    }
    environ.update(
        TRACKER_CONFIG="development",
        DATABASE_URL=database_url,
        UPLOAD_FOLDER=str(log.parent / "uploads"),
        SECRET_KEY="live-test-secret-key-of-sufficient-length",
        **(env or {}),
    )
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "--workers", str(workers),
                "--bind", f"127.0.0.1:{port}", "--timeout", "120", "tracker:create_app()",
            ],
            cwd=ROOT, env=environ, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(server, base, log)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_ready(server: subprocess.Popen, base: str, log: Path) -> None:
    # Readiness, not a timing assertion: a slow machine only waits longer.
    for _ in range(600):
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited:\n" + log.read_text(errors="replace")[-3000:])
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer:\n" + log.read_text(errors="replace")[-3000:])
