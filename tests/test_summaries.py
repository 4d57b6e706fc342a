"""The leadership summaries (/summaries/, the term PDFs, /api/v1/summaries/<term>): every
figure checked against the tests' own SQL, in the JSON, on the page, behind each link, and in
the text of the PDF; the PDF's layout promises (fonts embedded, pages numbered, metadata,
markup shown literally); who may download what.

The Kon Tum demo is seeded once for the module, as of today, on SQLite or PostgreSQL.
"""

import os
import re
import shutil
import statistics
import subprocess
from collections import Counter
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from tests.conftest import _empty_tables
from tests.pages import figure_linking_to
from tracker import demo
from tracker.enums import OPEN_ISSUE_STATUSES, ReportKind
from tracker.extensions import db
from tracker.models import Agency, Issue, Term
from tracker.services import calendar, compliance

DEMO_PASSWORD = "tracker-demo"
NO_POPPLER = shutil.which("pdftotext") is None or shutil.which("pdffonts") is None
if NO_POPPLER and os.environ.get("CI") == "true":
    raise RuntimeError("poppler-utils (pdftotext, pdffonts) is missing and CI=true")
needs_poppler = pytest.mark.skipif(
    NO_POPPLER,
    reason="!!! poppler-utils (pdftotext, pdffonts) is not installed: PDF text unchecked",
)
OPEN = tuple(s.value for s in OPEN_ISSUE_STATUSES)


@pytest.fixture(scope="module")
def _demo(_app):
    with _app.app_context():
        _empty_tables()
        demo.seed(today=calendar.today_local())
        db.session.commit()
        db.session.remove()
    yield
    with _app.app_context():
        _empty_tables()
        db.session.remove()


@pytest.fixture
def kontum(_app, _demo):
    with _app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def as_user(_app, kontum):
    """A test client logged in as a demo account."""

    def open_as(username: str):
        client = _app.test_client()
        response = client.post("/login", data={"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        return client

    return open_as


def _sql(query: str, **params):
    return db.session.execute(sa.text(query), params).all()


def _term(name: str) -> Term:
    return db.session.scalar(sa.select(Term).where(Term.name == name))


def _codes() -> dict[int, str]:
    return dict(db.session.execute(sa.select(Agency.id, Agency.code)).all())


def _token(app, username: str) -> str:
    client = app.test_client()
    response = client.post("/api/v1/tokens", json={"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["token"]


def _summary_json(app, username: str, term: str, **query) -> dict:
    client = app.test_client()
    response = client.get(
        f"/api/v1/summaries/{term}",
        query_string=query,
        headers={"Authorization": f"Bearer {_token(app, username)}"},
    )
    assert response.status_code == 200, response.get_json()
    assert response.headers["Cache-Control"] == "no-store"
    return response.get_json()


# -- every figure against the tests' own count -------------------------------------------------


@pytest.mark.parametrize("term_name", ["2017-2021", "2021-2025"])
def test_issue_figures_equal_an_independent_count(_app, kontum, term_name):
    term = _term(term_name)
    body = _summary_json(_app, "leader", term_name)
    span = {"first": term.start_date, "last": term.end_date}
    where = "first_seen_on BETWEEN :first AND :last"
    for column, key in (
        ("field", "by_field"),
        ("sensitivity", "by_sensitivity"),
        ("source", "by_source"),
        ("status", "by_status"),
    ):
        expected = dict(
            _sql(f"SELECT {column}, COUNT(*) FROM issue WHERE {where} GROUP BY 1", **span)
        )
        shown = {k: v for k, v in body["issues"][key].items() if v}
        assert shown == expected, key
    total = _sql(f"SELECT COUNT(*) FROM issue WHERE {where}", **span)[0][0]
    assert total > 0, "the demo has issues in every term"
    assert body["totals"]["issues_flagged"] == total
    codes = _codes()
    flagged = Counter(
        {
            codes[a]: n
            for a, n in _sql(
                f"SELECT reporting_agency_id, COUNT(*) FROM issue WHERE {where} GROUP BY 1", **span
            )
        }
    )
    open_ = Counter(
        {
            codes[a]: n
            for a, n in _sql(
                f"SELECT responsible_agency_id, COUNT(*) FROM issue WHERE {where} "
                f"AND status IN {OPEN} AND responsible_agency_id IS NOT NULL GROUP BY 1",
                **span,
            )
        }
    )
    for row in body["agencies"]:
        assert row["issues_flagged"] == flagged.get(row["code"], 0), row["code"]
        assert row["issues_open"] == open_.get(row["code"], 0), row["code"]
    # Median days from first seen to the local date of resolution.
    days = []
    for first_seen, resolved_at in _sql(
        f"SELECT first_seen_on, resolved_at FROM issue WHERE {where} AND resolved_at IS NOT NULL",
        **span,
    ):
        if isinstance(first_seen, str):  # SQLite hands back text
            first_seen = date.fromisoformat(first_seen)
            resolved_at = datetime.fromisoformat(resolved_at)
        if resolved_at.tzinfo is None:
            resolved_at = resolved_at.replace(tzinfo=UTC)
        local = resolved_at.astimezone(calendar.LOCAL_TZ).date()
        days.append((local - first_seen).days)
    assert days, "the demo resolved issues in every term"
    assert body["issues"]["median_days_to_resolve"] == statistics.median(days)


@pytest.mark.parametrize("term_name", ["2017-2021", "2021-2025"])
def test_report_figures_equal_the_grid_and_an_independent_count(_app, kontum, term_name):
    term = _term(term_name)
    body = _summary_json(_app, "office", term_name)
    codes = _codes()
    # Submitted and on time, counted from the report rows themselves.
    submitted = {
        codes[a]: (n, on_time)
        for a, n, on_time in _sql(
            "SELECT agency_id, COUNT(*), "
            "SUM(CASE WHEN first_submitted_on <= deadline THEN 1 ELSE 0 END) FROM report "
            "WHERE kind <> 'ad_hoc' AND first_submitted_at IS NOT NULL "
            "AND period_end BETWEEN :first AND :last GROUP BY agency_id",
            first=term.start_date,
            last=term.end_date,
        )
    }
    # Expected: what the compliance grid counts, year by year and kind by kind.
    grid_expected = Counter()
    for year in range(term.start_date.year, term.end_date.year + 1):
        for kind in (
            ReportKind.MONTHLY,
            ReportKind.QUARTERLY,
            ReportKind.SIX_MONTH,
            ReportKind.ANNUAL,
        ):
            grid = compliance.grid(kind, year)
            for (agency_id, _label), row in grid.cells.items():
                if term.start_date <= row.period.end <= term.end_date:
                    grid_expected[codes[agency_id]] += 1
    rows = {row["code"]: row for row in body["agencies"]}
    assert sum(grid_expected.values()) == body["totals"]["reports_expected"] > 0
    for code, expected in grid_expected.items():
        assert rows[code]["reports_expected"] == expected, code
    for code, (n, on_time) in submitted.items():
        assert rows[code]["reports_submitted"] == n, code
        assert rows[code]["reports_on_time"] == on_time, code
        due = rows[code]["reports_expected"] - rows[code]["reports_not_due"]
        assert rows[code]["on_time_rate"] == pytest.approx(on_time / due), code
    assert body["totals"]["reports_submitted"] == sum(n for n, _ in submitted.values())


@pytest.mark.parametrize("term_name", ["2017-2021", "2021-2025"])
def test_commitment_figures_equal_an_independent_count(_app, kontum, term_name):
    term = _term(term_name)
    today = calendar.today_local()
    body = _summary_json(_app, "leader", term_name)
    codes = _codes()
    rows = _sql(
        "SELECT c.responsible_agency_id, c.progress, c.done_at, c.cancelled_at, c.due_date "
        "FROM commitment c JOIN agreement a ON a.id = c.agreement_id WHERE a.term_id = :term",
        term=term.id,
    )
    total, done, overdue = Counter(), Counter(), Counter()
    for agency_id, progress, done_at, cancelled_at, due in rows:
        code = codes[agency_id]
        total[code] += 1
        if cancelled_at is not None:
            continue
        if progress >= 100 or done_at is not None:
            done[code] += 1
        elif due is not None and (date.fromisoformat(due) if isinstance(due, str) else due) < today:
            overdue[code] += 1
    assert sum(total.values()) == body["totals"]["commitments_total"] > 0
    assert sum(done.values()) == body["totals"]["commitments_done"]
    assert sum(overdue.values()) == body["totals"]["commitments_overdue"]
    for row in body["agencies"]:
        assert row["commitments_total"] == total.get(row["code"], 0), row["code"]
        assert row["commitments_done"] == done.get(row["code"], 0), row["code"]
        assert row["commitments_overdue"] == overdue.get(row["code"], 0), row["code"]


# -- the page: the same figures, each linking to exactly its records ---------------------------


def _count_on(client, url: str, pattern: str) -> int:
    page = client.get(url).get_data(as_text=True)
    found = re.search(pattern, page)
    assert found, url
    return int(found.group(1).replace(".", "").replace(",", ""))


def test_page_figures_match_the_api_and_lead_to_exactly_their_records(_app, as_user):
    client = as_user("leader")
    body = _summary_json(_app, "leader", "2021-2025")
    page = client.get("/summaries/?term=2021-2025").get_data(as_text=True)
    assert "2021-2025" in page
    totals = body["totals"]
    from tests.pages import figures

    shown = {value: href for value, href in figures(page).values()}
    expected_href = next(href for value, href in figures(page).values() if "expected" in href)
    assert figure_linking_to(page, expected_href) == str(totals["reports_expected"])
    reports_listed = _count_on(client, expected_href, r"(\d[\d.,]*) báo cáo")
    assert reports_listed == totals["reports_expected"]
    issues_href = next(href for value, href in figures(page).values() if href.startswith("/issues"))
    assert figure_linking_to(page, issues_href) == str(totals["issues_flagged"])
    assert _count_on(client, issues_href, r"(\d[\d.,]*) vấn đề") == totals["issues_flagged"]
    assert shown, "the page shows linked figures"
    # Per agency: the issues it flagged, followed to the list.
    sgddt = next(r for r in body["agencies"] if r["code"] == "SGDDT")
    agency_id = db.session.scalar(sa.select(Agency.id).where(Agency.code == "SGDDT"))
    link = re.search(rf'href="(/issues\?[^"]*reporting={agency_id}[^"]*)">(\d+)</a>', page)
    assert link and int(link.group(2)) == sgddt["issues_flagged"]
    listed = _count_on(client, link.group(1).replace("&amp;", "&"), r"(\d[\d.,]*) vấn đề")
    assert listed == sgddt["issues_flagged"]


def test_choosing_a_quarter_a_year_and_a_range(as_user):
    client = as_user("office")
    assert "quý 2 năm 2024" in client.get("/summaries/?year=2024&quarter=2").get_data(as_text=True)
    assert "năm 2023" in client.get("/summaries/?year=2023").get_data(as_text=True)
    page = client.get("/summaries/?from=2025-05-01&to=2025-01-01").get_data(as_text=True)
    assert "Ngày kết thúc đứng trước ngày bắt đầu." in page
    assert client.get("/summaries/?term=1990-1995").status_code == 200


# -- the PDF -----------------------------------------------------------------------------------


def _pdf_text(tmp_path, body: bytes) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(body)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"[ \t]+", " ", text)


@needs_poppler
def test_term_pdf_reads_like_a_party_document_with_the_database_figures(_app, as_user, tmp_path):
    client = as_user("leader")
    response = client.get("/summaries/2021-2025.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert "tong-hop-2021-2025.pdf" in response.headers["Content-Disposition"]
    path = tmp_path / "s.pdf"
    path.write_bytes(response.data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    font_rows = fonts.splitlines()[2:]
    assert font_rows and all(" yes yes yes " in row for row in font_rows), fonts
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Title: Sơ kết, tổng kết thực hiện chương trình phối hợp" in re.sub(r" +", " ", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = _pdf_text(tmp_path, response.data)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "BÁO CÁO" in text
    assert "-BC/BTGDVTU" in text  # the Office as it is named on the date of issue
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text
    assert "số liệu tính đến 31/12/2025" in text
    body = _summary_json(_app, "leader", "2021-2025")
    t = body["totals"]
    flat = " ".join(text.split())
    assert (
        f"phải nộp {t['reports_expected']}, đã nhận {t['reports_submitted']}, "
        f"đúng hạn {t['reports_on_time']}" in flat
    )
    assert f"tổng số {t['commitments_total']}, đã hoàn thành {t['commitments_done']}" in flat
    assert f"đã phát hiện {t['issues_flagged']}" in flat
    for row in body["agencies"]:
        if row["reports_expected"]:
            # The annex: expected / received / on time of each agency.
            figures = (
                f"{row['reports_expected']} / {row['reports_submitted']} / {row['reports_on_time']}"
            )
            assert figures in flat, row["code"]
    # The agencies merged in 2025 appear under their names, with their successors.
    assert "Sở Lao động - Thương binh và Xã hội" in flat
    assert "kế thừa bởi" in flat


@needs_poppler
def test_markup_in_user_text_comes_out_literally_in_the_pdf(_app, as_user, tmp_path):
    # The oldest open issue of the term heads the PDF's list of those still open.
    issue = db.session.scalar(
        sa.select(Issue)
        .where(
            Issue.status.in_(OPEN_ISSUE_STATUSES),
            Issue.first_seen_on.between(date(2021, 10, 1), date(2025, 12, 31)),
        )
        .order_by(Issue.first_seen_on, Issue.id)
        .limit(1)
    )
    assert issue is not None, "the demo leaves issues of 2021-2025 open"
    issue.title = '<font color="red">A&B</font> <para> <b'
    db.session.commit()
    client = as_user("office")
    path = tmp_path / "s.pdf"
    path.write_bytes(client.get("/summaries/2021-2025.pdf").data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert '<font color="red">A&B</font> <para> <b' in " ".join(text.split())


# -- who may download what ---------------------------------------------------------------------


@needs_poppler
def test_a_liaison_downloads_their_own_agencys_summary_and_no_other(_app, as_user, tmp_path):
    client = as_user("sgddt")
    own = client.get("/summaries/2021-2025.pdf")
    assert own.status_code == 200
    text = " ".join(_pdf_text(tmp_path, own.data).split())
    assert "Sở Giáo dục và Đào tạo" in text
    assert "Sở Y tế" not in text
    other = db.session.scalar(sa.select(Agency.id).where(Agency.code == "SYT"))
    assert client.get(f"/summaries/2021-2025.pdf?agency={other}").status_code == 404
    assert client.get(f"/summaries/summary.pdf?agency={other}").status_code == 404
    assert client.get("/summaries/").status_code == 403
    token = _token(_app, "sgddt")
    api = _app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    body = api.get("/api/v1/summaries/2021-2025", headers=headers).get_json()
    assert [row["code"] for row in body["agencies"]] == ["SGDDT"]
    assert api.get("/api/v1/summaries/2021-2025?agency=SYT", headers=headers).status_code == 404


def test_unknown_terms_are_404s(_app, as_user):
    client = as_user("leader")
    assert client.get("/summaries/1990-1995.pdf").status_code == 404
    token = _token(_app, "leader")
    response = _app.test_client().get(
        "/api/v1/summaries/1990-1995", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404
    assert response.get_json()["detail"]


def test_the_office_and_leadership_see_any_agencys_summary(_app, as_user):
    body = _summary_json(_app, "leader", "2021-2025", agency="SYT")
    assert [row["code"] for row in body["agencies"]] == ["SYT"]
    whole = _summary_json(_app, "office", "2021-2025")
    syt = next(row for row in whole["agencies"] if row["code"] == "SYT")
    assert body["agencies"][0]["reports_expected"] == syt["reports_expected"]
