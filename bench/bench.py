"""`make bench` (issue 12): the pages' speed on the national-scale data.

Builds the large data set if the database is empty (``flask seed-demo --large``), starts
gunicorn (2 workers, 127.0.0.1, a free port), logs in as each role through the login form,
gets an API token, then measures every page with wrk at 8 connections for BENCH_SECONDS
each, and the build time of the 2021-2025 PDF. Prints a table (requests/s, p50, p95, errors,
ratio to /healthz measured in the same run) and writes it to bench/results.md.

SQLite (instance/bench.db) by default; PostgreSQL when DATABASE_URL is set. Loopback only.

    BENCH_SECONDS=10 BENCH_CONNECTIONS=8 BENCH_NOTE="shared machine" python bench/bench.py
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results.md"
DEFAULT_DB = f"sqlite:///{ROOT / 'instance' / 'bench.db'}"
PASSWORD = "tracker-demo"
#: The account each role logs in with (the demo's).
ROLES = {"office": "office", "leadership": "leader", "liaison": "sgddt", "admin": "admin"}
#: wrk reports its own percentiles through this script (its --latency has no p95).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout + e.status))
end
"""
#: The targets of issue 12.
TARGET_RATIO = 0.25
TARGET_P95_MS = 50.0
TARGET_PDF_S = 3.0


@dataclass
class Result:
    label: str
    path: str
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int
    first_ms: float = 0.0


def log(message: str) -> None:
    print(message, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    cmd = [str(BIN / "flask"), "--app", "tracker", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, check=check, text=True, capture_output=True)


def prepare_database(env: dict) -> None:
    log(f"== Database: {redact(env['DATABASE_URL'])}")
    flask(env, "db", "upgrade")
    if flask(env, "db-is-empty", check=False).returncode == 0:
        log("== Empty: building the national-scale data (flask seed-demo --large)…")
        started = time.monotonic()
        flask(env, "seed-demo", "--large")
        log(f"   built in {time.monotonic() - started:.0f} s")


def redact(url: str) -> str:
    return re.sub(r"//[^@/]*@", "//***@", url)


def sample_ids(env: dict) -> dict[str, int]:
    """An issue and a submitted report to open (the latest of each, as the Office would)."""
    code = (
        "import json, sqlalchemy as sa\n"
        "from tracker import create_app\n"
        "from tracker.extensions import db\n"
        "from tracker.models import Issue, Report\n"
        "with create_app().app_context():\n"
        "    issue = db.session.scalar(sa.select(sa.func.max(Issue.id)))\n"
        "    report = db.session.scalar(sa.select(sa.func.max(Report.id))"
        ".where(Report.first_submitted_at.is_not(None)))\n"
        "    print(json.dumps({'issue': issue, 'report': report}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 is the answer


class Session:
    """A browser's cookies, for logging in through the form. Redirects are not followed: after
    the login, the home page is first opened by the measurement (its first view)."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def get(self, path: str, headers: dict | None = None) -> tuple[int, bytes]:
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def post(self, path: str, data: bytes, content_type: str) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.base + path, data=data, headers={"Content-Type": content_type}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def login(self, username: str) -> str:
        status, page = self.get("/login")
        found = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page)
        if status != 200 or not found:
            raise SystemExit(f"!! /login did not give a form ({status})")
        form = urllib.parse.urlencode(
            {"csrf_token": found.group(1).decode(), "username": username, "password": PASSWORD}
        ).encode()
        status, _ = self.post("/login", form, "application/x-www-form-urlencoded")
        cookie = next((c for c in self.jar if c.name == "session"), None)
        if status not in (302, 303) or cookie is None:  # a login redirects to the home page
            raise SystemExit(f"!! could not log in as {username} ({status})")
        return f"session={cookie.value}"


def api_token(base: str, username: str) -> str:
    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    status, raw = Session(base).post("/api/v1/tokens", body, "application/json")
    if status != 201:
        raise SystemExit(f"!! POST /api/v1/tokens answered {status}")
    return json.loads(raw)["token"]


def wait_for(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("!! gunicorn did not answer /healthz")


def measure(wrk: str, script: str, base: str, label: str, path: str, headers: dict) -> Result:
    seconds = os.environ.get("BENCH_SECONDS", "10")
    connections = os.environ.get("BENCH_CONNECTIONS", "8")
    cmd = [wrk, "-t", "2", "-c", connections, "-d", f"{seconds}s", "--timeout", "10s"]
    cmd += ["-s", script]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run([*cmd, base + path], check=True, text=True, capture_output=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[len("BENCH ") :])
    rps = data["requests"] / (data["duration_us"] / 1e6)
    result = Result(
        label, path, rps, data["p50_us"] / 1000, data["p95_us"] / 1000, int(data["errors"])
    )
    log(
        f"   {label:<28} {rps:8.1f} req/s  p50 {result.p50_ms:7.1f} ms  p95 {result.p95_ms:7.1f} ms"
    )
    return result


def pdf_times(session: Session, path: str, runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.monotonic()
        status, body = session.get(path)
        elapsed = time.monotonic() - started
        if status != 200 or not body.startswith(b"%PDF"):
            raise SystemExit(f"!! {path} answered {status}")
        times.append(elapsed)
    return times


#: A list's sort (a page of 25) or a filter's count (the figure above the list) on each column
#: the issue names, and the index its plan must use.
PLANS = [
    (
        "commitment.due_date",
        "ix_commitment_due_date",
        "SELECT id FROM commitment WHERE due_date < '2025-01-01' ORDER BY due_date LIMIT 25",
    ),
    (
        "commitment.field",
        "ix_commitment_field",
        "SELECT count(*) FROM commitment WHERE field = 'education'",
    ),
    (
        "issue.sensitivity",
        "ix_issue_sensitivity",
        "SELECT count(*) FROM issue WHERE sensitivity = 'critical'",
    ),
    (
        "issue.source",
        "ix_issue_source",
        "SELECT count(*) FROM issue WHERE source = 'press'",
    ),
    (
        "report.last_submitted_at",
        "ix_report_last_submitted_at",
        "SELECT id FROM report ORDER BY last_submitted_at DESC LIMIT 25",
    ),
    (
        "agreement.signed_on",
        "ix_agreement_signed_on",
        "SELECT id FROM agreement ORDER BY signed_on DESC LIMIT 25",
    ),
]


def query_plans(env: dict) -> list[tuple[str, str, bool, str]]:
    """(column, index, used, the plan's first line) for each of PLANS, on the bench data."""
    code = (
        "import json, sys, sqlalchemy as sa\n"
        "from tracker import create_app\n"
        "from tracker.extensions import db\n"
        "plans = json.loads(sys.stdin.read())\n"
        "out = []\n"
        "with create_app().app_context():\n"
        "    sqlite = db.engine.dialect.name == 'sqlite'\n"
        "    with db.engine.connect() as conn:\n"
        "        if not sqlite:\n"
        "            conn.execute(sa.text('ANALYZE'))\n"
        "        for sql in plans:\n"
        "            prefix = 'EXPLAIN QUERY PLAN ' if sqlite else 'EXPLAIN '\n"
        "            rows = conn.execute(sa.text(prefix + sql)).all()\n"
        "            out.append(' / '.join(str(r[-1]) for r in rows))\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        input=json.dumps([sql for _, _, sql in PLANS]),
        check=True,
        text=True,
        capture_output=True,
    )
    plans = json.loads(done.stdout.strip().splitlines()[-1])
    return [
        (column, index, index in plan, plan)
        for (column, index, _), plan in zip(PLANS, plans, strict=True)
    ]


def plan_lines(plans) -> list[str]:
    lines = ["| column | index | used by the plan | plan |", "|---|---|:---:|---|"]
    for column, index, used, plan in plans:
        shown = plan if len(plan) <= 160 else plan[:157] + "..."
        lines.append(f"| `{column}` | `{index}` | {'yes' if used else 'no'} | `{shown}` |")
    return lines


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model or platform.processor() or 'unknown CPU'}, {os.cpu_count()} cores"


def table(results: list[Result], healthz: float) -> list[str]:
    lines = [
        "| page | requests/s | p50 (ms) | p95 (ms) | errors | × /healthz | target met "
        "| first view (ms) |",
        "|---|---:|---:|---:|---:|---:|:---:|---:|",
    ]
    for r in results:
        ratio = r.rps / healthz if healthz else 0
        ok = r.errors == 0 and (
            r.label == "/healthz" or (ratio >= TARGET_RATIO and r.p95_ms < TARGET_P95_MS)
        )
        lines.append(
            f"| {r.label} (`{r.path}`) | {r.rps:.0f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} "
            f"| {r.errors} | {ratio:.2f} | {'yes' if ok else 'no'} | {r.first_ms:.0f} |"
        )
    return lines


HEADER = """# Benchmark results

The last `make bench` on each database, on the national-scale data (`flask seed-demo
--large`). Targets (issue 12): every page at 0.25× or more of /healthz's requests/s, p95 under
50 ms, no errors; the 2021-2025 PDF under 3 s. "First view" is the page's first request after
gunicorn started, rendered afresh (no worker had kept it yet): what a page costs after a write.
"""


def write_results(kind: str, section: str) -> None:
    """Replace this section of bench/results.md (a database's pages, or the import), keeping
    the others."""
    sections: dict[str, str] = {}
    if RESULTS.exists():
        for part in RESULTS.read_text().split("\n## ")[1:]:
            name = part.split("\n", 1)[0].strip()
            sections[name] = "## " + part.rstrip() + "\n"
    sections[kind] = section
    ordered = [sections[k] for k in ("SQLite", "PostgreSQL") if k in sections]
    ordered += [v for k, v in sections.items() if k not in ("SQLite", "PostgreSQL")]
    RESULTS.write_text(HEADER + "\n" + "\n".join(ordered))


def main() -> int:
    if "--import-only" in sys.argv[1:]:
        # The import's speed (issue 14): a 10,000-row workbook into an empty database.
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_import import run

        return run(f"{machine()}, {platform.system()} {platform.release()}", write_results)
    if "--plans-only" in sys.argv[1:]:
        env = dict(os.environ)
        env.setdefault("DATABASE_URL", DEFAULT_DB)
        env.setdefault("TRACKER_CONFIG", "development")
        plans = query_plans(env)
        log("\n".join(plan_lines(plans)))
        return 0 if all(used for _, _, used, _ in plans) else 1
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("!! wrk is not installed (Debian package wrk; `make bench` installs it)")
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", DEFAULT_DB)
    env.setdefault("TRACKER_CONFIG", "development")
    env.setdefault("SECRET_KEY", "bench-only-not-secret")
    kind = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    prepare_database(env)
    ids = sample_ids(env)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workers = os.environ.get("BENCH_WORKERS", "2")
    log(f"== gunicorn: {workers} workers on {base}")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", workers, "-b", f"127.0.0.1:{port}", "--log-level", "warning"]
        + ["run:app"],
        cwd=ROOT,
        env=env,
    )
    results: list[Result] = []
    try:
        wait_for(base)
        cookies = {role: Session(base).login(username) for role, username in ROLES.items()}
        token = api_token(base, ROLES["leadership"])
        pages = [
            ("/healthz", "/healthz", {}),
            ("Office home", "/", {"Cookie": cookies["office"]}),
            ("leadership home", "/", {"Cookie": cookies["leadership"]}),
            ("liaison home", "/", {"Cookie": cookies["liaison"]}),
            ("admin home", "/", {"Cookie": cookies["admin"]}),
            ("review queue", "/reports/review", {"Cookie": cookies["office"]}),
            (
                "compliance grid",
                "/reports/grid?kind=monthly&year=2025",
                {"Cookie": cookies["office"]},
            ),
            (
                "issue queue, filtered",
                "/issues?open=1&sensitivity=high",
                {"Cookie": cookies["office"]},
            ),
            ("an issue", f"/issues/{ids['issue']}", {"Cookie": cookies["office"]}),
            ("a report", f"/reports/{ids['report']}", {"Cookie": cookies["office"]}),
            ("bloc commitments", "/bloc", {"Cookie": cookies["office"]}),
            ("summaries JSON", "/api/v1/summaries/2021-2025", {"Authorization": f"Bearer {token}"}),
        ]
        # Every page must answer 200 before it is measured (wrk counts a redirect as success).
        # Its time then is the page's first view, rendered afresh (no worker has kept it yet).
        probe = Session(base)
        first_ms = {}
        for label, path, headers in pages:
            started = time.monotonic()
            status, _ = probe.get(path, headers)
            first_ms[label] = (time.monotonic() - started) * 1000
            if status != 200:
                raise SystemExit(f"!! {label} ({path}) answered {status}")
        log(
            f"== wrk: {os.environ.get('BENCH_CONNECTIONS', '8')} connections, "
            f"{os.environ.get('BENCH_SECONDS', '10')} s per page"
        )
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(WRK_SCRIPT)
        try:
            for label, path, headers in pages:
                result = measure(wrk, handle.name, base, label, path, headers)
                result.first_ms = first_ms[label]
                results.append(result)
        finally:
            os.unlink(handle.name)
        pdf_session = Session(base)
        pdf_session.login(ROLES["leadership"])
        pdf_path = "/summaries/2021-2025.pdf"
        times = pdf_times(pdf_session, pdf_path)
        log(f"   {'2021-2025 PDF':<28} {statistics.median(times):.2f} s (median of {len(times)})")
    finally:
        server.terminate()
        server.wait(timeout=30)

    plans = query_plans(env)
    healthz = results[0].rps
    pdf_s = statistics.median(times)
    lines = table(results, healthz)
    pdf_ok = "yes" if pdf_s < TARGET_PDF_S else "no"
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = os.environ.get("BENCH_NOTE", "")
    section = [
        f"## {kind}",
        "",
        f"- Date: {when}",
        f"- Machine: {machine()}, {platform.system()} {platform.release()}",
        f"- gunicorn {workers} workers; wrk {os.environ.get('BENCH_CONNECTIONS', '8')} "
        f"connections, {os.environ.get('BENCH_SECONDS', '10')} s per page",
    ]
    if note:
        section.append(f"- Note: {note}")
    section += [
        "",
        *lines,
        "",
        f"2021-2025 PDF (`{pdf_path}`): median {pdf_s:.2f} s of "
        f"{len(times)} builds ({', '.join(f'{t:.2f}' for t in times)}); target met: "
        f"{pdf_ok}",
        "",
        "The query plans of the lists' filters and sorts on the bench data:",
        "",
        *plan_lines(plans),
        "",
    ]
    write_results(kind, "\n".join(section))
    log("")
    log("\n".join(lines))
    log(f"\n2021-2025 PDF: {pdf_s:.2f} s (target < {TARGET_PDF_S:.0f} s: {pdf_ok})")
    log("\n" + "\n".join(plan_lines(plans)))
    log(f"\nWritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
