"""`make bench-import` (`python bench/bench.py --import-only`, issue 14): the import's speed.

Writes a 10,000-row workbook in the export's format (8 departments and the Office, two terms,
16 agreements and their parties, commitments, progress updates, monthly and quarterly reports
and flagged issues), then, in a fresh process on an empty database (SQLite in a temporary
folder by default, or BENCH_IMPORT_DATABASE_URL), runs the dry run and the import itself
through ``transfer.import_workbook`` and commits. Prints the time of each and the peak memory
(the process's maximum resident set), and writes them to bench/results.md.

Target: 10,000 rows in under 30 s on a 2-core machine, memory bounded.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "10000"))
TARGET_S = 30.0

DEPARTMENTS = [
    ("SGDDT", "Sở Giáo dục và Đào tạo", "education"),
    ("SKHCN", "Sở Khoa học và Công nghệ", "science"),
    ("SYT", "Sở Y tế", "health"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "culture"),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "labour"),
    ("STNMT", "Sở Tài nguyên và Môi trường", "environment"),
    ("SNV", "Sở Nội vụ", "general"),
    ("STTTT", "Sở Thông tin và Truyền thông", "general"),
]
TERMS = [
    ("2017-2021", date(2017, 1, 1), date(2021, 9, 30), date(2017, 3, 15)),
    ("2021-2025", date(2021, 10, 1), date(2025, 12, 31), date(2021, 10, 15)),
]


def _sheets(rows: int) -> dict[str, list[list]]:
    """The workbook's rows by sheet key (headers added by the writer)."""
    rnd = random.Random(14)
    out: dict[str, list[list]] = {k: [] for k in (
        "agencies", "terms", "agreements", "parties", "commitments", "updates", "reports",
        "issues",
    )}  # fmt: skip
    out["agencies"].append(["BTGTU", "Ban Tuyên giáo Tỉnh ủy", "", "", "", "Có", "Không", "", "Có"])
    for code, name, field in DEPARTMENTS:
        out["agencies"].append([code, name, "", "", "", "Không", "Có", field, "Có"])
    for name, start, end, _signed in TERMS:
        out["terms"].append([name, start, end])
    for term, _start, _end, signed in TERMS:
        for index, (code, _name, _field) in enumerate(DEPARTMENTS, start=1):
            number = f"{index:02d}-CTr/BTGTU-{code}"
            title = f"Chương trình phối hợp công tác khoa giáo giai đoạn {term}"
            out["agreements"].append([number, term, title, signed, "in_force", ""])
            out["parties"].append([number, term, "BTGTU", "lead", ""])
            out["parties"].append([number, term, code, "partner", "Giám đốc Sở"])
    fixed = sum(len(v) for v in out.values())
    # Reports: monthly and quarterly, each department, 2022 to 2025 (term 2021-2025).
    for year in range(2022, 2026):
        for month in range(1, 13):
            for code, _name, _field in DEPARTMENTS:
                sent = datetime(year, month, 16, 9, 30)
                out["reports"].append(
                    [code, "monthly", f"{year}-{month:02d}", "", "", "accepted", sent, sent,
                     sent + timedelta(days=3), "Tình hình ổn định.", "Tổ chức tuyên truyền."]
                )  # fmt: skip
        for quarter in range(1, 5):
            for code, _name, _field in DEPARTMENTS:
                sent = datetime(year, quarter * 3, 16, 10, 0)
                out["reports"].append(
                    [code, "quarterly", f"{year}-Q{quarter}", "", "", "submitted", sent, sent,
                     None, "Dư luận quan tâm.", "Phối hợp tốt."]
                )  # fmt: skip
    rest = rows - fixed - len(out["reports"])
    n_commitments = rest // 5
    n_updates = rest * 2 // 5
    n_issues = rest - n_commitments - n_updates
    per_agreement = -(-n_commitments // len(out["agreements"]))
    made = 0
    commitments = []
    for number, term, *_ in out["agreements"]:
        start, end, signed = next((s, e, g) for n, s, e, g in TERMS if n == term)
        code = number.rsplit("-", 1)[1]
        field = next(f for c, _n, f in DEPARTMENTS if c == code)
        for position in range(1, per_agreement + 1):
            if made == n_commitments:
                break
            due = start + timedelta(days=rnd.randrange((end - start).days))
            out["commitments"].append(
                [number, term, position, code, field,
                 f"Nội dung phối hợp số {position} của {code}", "Mô tả chi tiết.", "",
                 due, "once", 0, None, None, None, ""]
            )  # fmt: skip
            commitments.append((number, term, position, signed))
            made += 1
    for index in range(n_updates):
        number, term, position, signed = commitments[index % len(commitments)]
        step = index // len(commitments) + 1
        out["updates"].append(
            [number, term, position, signed + timedelta(days=30 * step), min(100, 20 * step),
             f"Cập nhật lần {step}: đã tổ chức hội nghị, tập huấn.", "", step, 40 * step,
             None, None, None, None, None]
        )  # fmt: skip
    for index in range(n_issues):
        code, _name, field = DEPARTMENTS[index % len(DEPARTMENTS)]
        seen = date(2018, 1, 1) + timedelta(days=index % 2700)
        status = ("new", "resolved", "closed", "dismissed")[index % 4]
        resolved = datetime.combine(seen + timedelta(days=5), datetime.min.time())
        out["issues"].append(
            ["", f"Vấn đề dư luận số {index + 1} về {field}", "Người dân phản ánh trên mạng.",
             field, "social_media", "", "", None, "Đăk Hà" if seen < date(2025, 7, 1) else "",
             "Hà Mòn", seen, ("low", "medium", "high", "critical")[index % 4], code, code, None,
             status, resolved if status in ("resolved", "closed") else None,
             resolved + timedelta(days=2) if status in ("closed", "dismissed") else None,
             "Thông tin không chính xác." if status == "dismissed" else "", None, "", None, None]
        )  # fmt: skip
    return out


def write_workbook(path: Path, rows: int = ROWS) -> int:
    """The workbook, written in openpyxl's write-only mode; returns its data rows."""
    from openpyxl import Workbook

    from tracker.services import transfer

    book = Workbook(write_only=True)
    data = _sheets(rows)
    total = 0
    for sheet in transfer.SHEETS:
        ws = book.create_sheet(sheet.title)
        ws.append([c.header for c in sheet.columns])
        for row in data[sheet.key]:
            ws.append(row + [None] * (len(sheet.columns) - len(row)))
            total += 1
    book.save(path)
    return total


#: Runs in a fresh process: the import, timed, and the process's peak memory.
CHILD = """
import json, resource, sys, time
from pathlib import Path
from tracker import create_app
from tracker.extensions import db
from tracker.services import transfer
import flask_migrate

app = create_app()
with app.app_context():
    flask_migrate.upgrade()
    data = Path(sys.argv[1]).read_bytes()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    dry = transfer.import_workbook(None, data, "bench.xlsx", dry_run=True)
    dry_s, dry_cpu = time.perf_counter() - started, time.process_time() - cpu
    problems = [str(p) for p in dry.problems[:5]]
    started, cpu = time.perf_counter(), time.process_time()
    result = transfer.import_workbook(None, data, "bench.xlsx", dry_run=False)
    if result.ok:
        db.session.commit()
    import_s, import_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("BENCH " + json.dumps({
        "dry_run_s": dry_s, "import_s": import_s, "dry_run_cpu": dry_cpu,
        "import_cpu": import_cpu, "base_mb": base / 1024,
        "peak_mb": peak / 1024, "problems": problems + [str(p) for p in result.problems[:5]],
        "created": result.total("created"),
    }))
"""


def run(machine: str, write_results) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        path = Path(folder) / "bench.xlsx"
        sys.path.insert(0, str(ROOT))
        rows = write_workbook(path)
        size_kb = path.stat().st_size / 1024
        print(f"== Workbook: {rows:,} rows, {size_kb:,.0f} KB", flush=True)
        env = dict(os.environ)
        env["DATABASE_URL"] = os.environ.get(
            "BENCH_IMPORT_DATABASE_URL", f"sqlite:///{Path(folder) / 'import.db'}"
        )
        env.setdefault("TRACKER_CONFIG", "development")
        env.setdefault("SECRET_KEY", "bench-only-not-secret")
        env["UPLOAD_FOLDER"] = str(Path(folder) / "uploads")
        kind = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            cwd=ROOT,
            env=env,
            check=True,
            text=True,
            capture_output=True,
        )
    line = next(x for x in out.stdout.splitlines() if x.startswith("BENCH "))
    figures = json.loads(line[6:])
    if figures["problems"]:
        raise SystemExit("!! the workbook has problems: " + "; ".join(figures["problems"]))
    total = figures["dry_run_s"] + figures["import_s"]
    ok = "yes" if figures["import_s"] < TARGET_S else "no"
    note = os.environ.get("BENCH_NOTE", "")
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    section = [
        f"## Import ({rows:,} rows)",
        "",
        f"- Date: {when}",
        f"- Machine: {machine}",
        f"- Database: {kind} (empty, migrated); `make bench-import`",
        *([f"- Note: {note}"] if note else []),
        "",
        "| step | time (s) | CPU time (s) | peak memory (MB) |",
        "|---|---:|---:|---:|",
        f"| dry run (read, check, roll back) | {figures['dry_run_s']:.1f} "
        f"| {figures['dry_run_cpu']:.1f} | |",
        f"| import (read, check, write, commit) | {figures['import_s']:.1f} "
        f"| {figures['import_cpu']:.1f} | {figures['peak_mb']:.0f} |",
        "",
        f"{figures['created']:,} records created. Peak memory is the process's maximum "
        f"resident set ({figures['base_mb']:.0f} MB with the app loaded, before reading); "
        "CPU time is the process's own, whatever else the machine runs. "
        f"Target: under {TARGET_S:.0f} s for the import; met: {ok}.",
        "",
    ]
    write_results(f"Import ({rows:,} rows)", "\n".join(section))
    print(f"   dry run {figures['dry_run_s']:.1f} s (CPU {figures['dry_run_cpu']:.1f} s), "
          f"import {figures['import_s']:.1f} s (CPU {figures['import_cpu']:.1f} s; dry run + "
          f"import {total:.1f} s), peak memory {figures['peak_mb']:.0f} MB; "
          f"target < {TARGET_S:.0f} s: {ok}")  # fmt: skip
    return 0
