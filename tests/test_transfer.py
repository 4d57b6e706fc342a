"""Issue 14: the programme's records in and out as one workbook (export, dry run, import)."""

import io
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from openpyxl import Workbook, load_workbook

from tests.conftest import _empty_tables
from tests.factories import TINY_PDF
from tracker import demo, legacy_text
from tracker.enums import PERIODIC_KINDS, AuditAction, ReportStatus, Role, Timeliness
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    AgreementParty,
    AuditEvent,
    Commitment,
    CommitmentUpdate,
    CommitmentUpdateFigure,
    ImportBatch,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    Term,
)
from tracker.services import attachments, compliance, figure_cache, summaries, transfer
from tracker.services import commitments as commitment_service
from tracker.services.transfer import (
    AGENCIES,
    AGREEMENTS,
    COMMITMENTS,
    ISSUES,
    PARTIES,
    REPORTS,
    TERMS,
    UPDATES,
)

DEMO_TODAY = date(2026, 11, 22)


def book(sheets: dict, *, title_row: str | None = None) -> bytes:
    """A workbook with the given sheets: {sheet: {header: [values…]}} or {sheet: [rows]}
    where the first row holds the headers."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        if title_row:
            ws.append([title_row])
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
        for row in rows:
            ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def headers(sheet) -> list[str]:
    return [c.header for c in sheet.columns]


def row(sheet, **values) -> list:
    return [values.get(c.key) for c in sheet.columns]


def history(**overrides) -> dict:
    """A province's history, typed by hand: the Office, the Department of Health, the
    2017-2021 term, one agreement and its parties, a commitment and two monthly reports."""
    sheets = {
        AGENCIES.title: [
            headers(AGENCIES),
            row(AGENCIES, code="BTGTU", name_vi="Ban Tuyên giáo Tỉnh ủy", is_office="Có",
                in_bloc="Không"),
            row(AGENCIES, code="SYT", name_vi="Sở Y tế", primary_field="Y tế, dân số"),
        ],
        TERMS.title: [
            headers(TERMS),
            row(TERMS, name="2017-2021", start_date="01/01/2017", end_date="30/09/2021"),
        ],
        AGREEMENTS.title: [
            headers(AGREEMENTS),
            row(AGREEMENTS, number="03-CTr/BTGTU-SYT", term="2017-2021",
                title="Chương trình phối hợp công tác khoa giáo", signed_on="10/03/2017",
                status="Đang có hiệu lực"),
        ],
        PARTIES.title: [
            headers(PARTIES),
            row(PARTIES, number="03-CTr/BTGTU-SYT", term="2017-2021", agency="BTGTU",
                role="lead"),
            row(PARTIES, number="03-CTr/BTGTU-SYT", term="2017-2021", agency="SYT",
                role="partner", signatory="Giám đốc Sở"),
        ],
        COMMITMENTS.title: [
            headers(COMMITMENTS),
            row(COMMITMENTS, number="03-CTr/BTGTU-SYT", term="2017-2021", position=1,
                agency="SYT", field="health", title="Giáo dục y đức cho cán bộ y tế",
                due_date="31/12/2019", recurrence="once", progress=100),
        ],
        REPORTS.title: [
            headers(REPORTS),
            row(REPORTS, agency="SYT", kind="monthly", period="2019-01", deadline="18/01/2019",
                status="accepted", first_submitted_at="16/01/2019 09:30",
                accepted_at="20/01/2019 14:00", results="Tổ chức 3 lớp tập huấn."),
            row(REPORTS, agency="SYT", kind="monthly", period="Tháng 2/2019",
                deadline="22/02/2019", status="accepted",
                first_submitted_at="25/02/2019 08:00"),
        ],
    }  # fmt: skip
    sheets.update(overrides)
    return sheets


def counts() -> dict[str, int]:
    return {
        model.__tablename__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (
            Agency,
            Term,
            Agreement,
            AgreementParty,
            Commitment,
            CommitmentUpdate,
            CommitmentUpdateFigure,
            Report,
            Issue,
            ImportBatch,
        )
    }


def run(data: bytes, *, dry_run=False, name="lich-su.xlsx", actor=None):
    with force_locale("vi"):
        result = transfer.import_workbook(actor, data, name, dry_run=dry_run)
        messages = [str(p) for p in result.problems]
    if result.ok and not dry_run:
        db.session.commit()
    return result, messages


# -- the round trip -----------------------------------------------------------------------


def _figures() -> dict:
    """What the leadership's reviews show: reporting discipline year by year, and each term's
    summary (commitments by status and progress, issues by field, sensitivity, source and
    status, days to resolve, per agency)."""
    figure_cache.clear()
    codes = {a.id: a.code for a in db.session.scalars(sa.select(Agency))}
    out = {}
    for year in range(2017, 2026):
        first, last = compliance.year_span(year)
        rows = compliance.expected_reports(first, last, today=DEMO_TODAY)
        out[year] = compliance.discipline(rows)
        for agency_id, figures in compliance.discipline_by_agency(rows).items():
            out[(year, codes[agency_id])] = figures
    leader = SimpleNamespace(role=Role.LEADERSHIP, is_authenticated=True, agency_id=None)
    for term in ("2017-2021", "2021-2025"):
        scope = summaries.scope_for(term=term, today=DEMO_TODAY)
        summary = summaries.build(leader, scope, DEMO_TODAY, text=False)
        out[term] = (
            summary.discipline,
            summary.commitments_by_status,
            summary.issues_by_field,
            summary.issues_by_sensitivity,
            summary.issues_by_source,
            summary.issues_by_status,
            summary.median_days_to_resolve,
            [i.title for i in summary.open_issues],
            summary.by_year,
        )
        for line in summary.lines:
            out[(term, line.agency.code)] = (
                line.commitments.by_status,
                line.commitments.average_progress,
                line.issues_flagged,
                line.issues_open,
            )
    return out


def _sheets(data: bytes) -> dict[str, list[tuple]]:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def test_the_demo_exported_and_imported_into_an_empty_instance_gives_the_same_records(app):
    demo.seed(today=DEMO_TODAY)
    db.session.commit()
    exported = transfer.export_workbook(None)
    before_counts = counts()
    before_figures = _figures()
    submitted = db.session.scalar(
        sa.select(sa.func.count(Report.id)).where(
            Report.first_submitted_at.is_not(None), Report.kind.in_(PERIODIC_KINDS)
        )
    )
    assert before_figures[2019].late > 0 and before_figures[2019].on_time > 0

    _empty_tables()
    result, problems = run(exported)

    assert problems == []
    after = counts()
    # The Office's export: every periodic report sent to it (ad hoc ones are not imported).
    assert after["report"] == submitted
    for table in (
        "agency",
        "term",
        "agreement",
        "agreement_party",
        "commitment",
        "commitment_update",
        "commitment_update_figure",
        "issue",
    ):
        assert after[table] == before_counts[table], table
    assert before_counts["commitment_update"] > 0 and before_counts["issue"] > 0
    assert _figures() == before_figures
    # And the same records come out again, cell for cell.
    assert _sheets(transfer.export_workbook(None)) == _sheets(exported)

    again, problems = run(exported)
    assert problems == []
    assert again.total("created") == again.total("updated") == 0
    assert counts()["report"] == submitted


# -- importing history --------------------------------------------------------------------


def test_a_typed_history_imports_with_its_dates_as_they_were(app):
    result, problems = run(book(history()))

    assert problems == []
    assert result.total("created") == 7
    report = db.session.scalar(sa.select(Report).where(Report.period == "2019-01"))
    assert report.status is ReportStatus.ACCEPTED
    assert report.first_submitted_at == datetime(2019, 1, 16, 2, 30, tzinfo=UTC)
    assert report.first_submitted_on == date(2019, 1, 16)
    assert report.import_batch_id == result.batch.id
    assert result.batch.filename == "lich-su.xlsx"
    late = db.session.scalar(sa.select(Report).where(Report.period == "2019-02"))
    assert late.timeliness_on(date(2026, 1, 1)) is Timeliness.LATE
    assert report.timeliness_on(date(2026, 1, 1)) is Timeliness.ON_TIME
    version = db.session.scalar(sa.select(ReportVersion).where(ReportVersion.report == report))
    assert version.results == "Tổ chức 3 lớp tập huấn."
    figures = compliance.discipline(
        compliance.expected_reports(date(2019, 1, 1), date(2019, 2, 28), today=date(2026, 1, 1))
    )
    assert (figures.expected, figures.on_time, figures.late) == (2, 1, 1)


def test_importing_the_same_file_twice_creates_nothing_new(app):
    data = book(history())
    run(data)
    first = counts()

    result, problems = run(data)

    assert problems == []
    assert counts() == first | {"import_batch": first["import_batch"] + 1}
    assert result.total("created") == 0 and result.total("updated") == 0


def test_a_changed_row_updates_its_record_with_an_audit_row(app):
    run(book(history()))
    changed = history()
    changed[REPORTS.title][1][REPORTS.columns.index(REPORTS.column("results"))] = "Năm lớp."

    result, problems = run(book(changed), name="sua.xlsx")

    assert problems == []
    assert result.counts[REPORTS.title]["updated"] == 1
    report = db.session.scalar(sa.select(Report).where(Report.period == "2019-01"))
    assert report.results == "Năm lớp."
    audit = db.session.scalar(
        sa.select(AuditEvent).where(
            AuditEvent.action == AuditAction.UPDATE, AuditEvent.object_type == "report"
        )
    )
    assert audit.after == {"results": "Năm lớp."}
    assert audit.detail == "import: sua.xlsx"


def test_a_messy_sheet_imports_text_and_serial_dates_names_and_merged_titles(app):
    sheets = history()
    messy = [
        headers(REPORTS),
        # The agency by its name without diacritics; an Excel serial date; a real datetime.
        row(REPORTS, agency="so y te", kind="Báo cáo tháng", period="Tháng 3/2019",
            deadline=43545, status="Đã tiếp nhận", first_submitted_at=datetime(2019, 3, 20, 9)),
        # Text from an old file in TCVN3 (ABC): "Sở Y tế", "Tổ chức 3 lớp tập huấn".
        row(REPORTS, agency="Së Y tÕ", kind="six_month", period="6 th¸ng ®Çu n¨m 2019",
            status="submitted", first_submitted_at="20/06/2019 08:00",
            results="Tæ chøc 3 líp tËp huÊn"),
        row(REPORTS, agency="SYT", kind="quarterly", period="Quý I/2019",
            deadline=date(2019, 3, 20), status="submitted",
            first_submitted_at="19/3/2019 10:00"),
        [None] * len(REPORTS.columns),
        [None] * len(REPORTS.columns),
    ]  # fmt: skip
    data = book(
        {REPORTS.title: messy} | {k: v for k, v in sheets.items() if k != REPORTS.title},
        title_row="DANH SÁCH BÁO CÁO CỦA CÁC SỞ",
    )

    result, problems = run(data)

    assert problems == []
    march = db.session.scalar(sa.select(Report).where(Report.period == "2019-03"))
    assert march.deadline == date(2019, 3, 21)  # serial 43546
    assert march.agency.code == "SYT"
    assert db.session.scalar(sa.select(Report).where(Report.period == "2019-Q1")) is not None
    half = db.session.scalar(sa.select(Report).where(Report.period == "2019-H1"))
    assert (half.agency.code, half.results) == ("SYT", "Tổ chức 3 lớp tập huấn")
    assert result.converted == 3


def test_a_two_row_header_with_cells_merged_down_is_read(app):
    run(book(history()))
    wb = Workbook()
    ws = wb.active
    ws.title = REPORTS.title
    ws.append(["Cơ quan", "Báo cáo", None, None, None, "Thời gian"])
    ws.append([None, "Loại báo cáo", "Kỳ báo cáo", "Hạn nộp", "Trạng thái", "Gửi lần đầu lúc"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:E1")
    ws.append(["SYT", "monthly", "2019-04", "20/04/2019", "submitted", "19/04/2019 10:00"])
    out = io.BytesIO()
    wb.save(out)

    result, problems = run(out.getvalue())

    assert problems == []
    assert result.counts[REPORTS.title]["created"] == 1
    report = db.session.scalar(sa.select(Report).where(Report.period == "2019-04"))
    assert report.agency.code == "SYT"


def test_unicode_vietnamese_is_never_taken_for_tcvn3():
    for text in ("Sở Y tế", "Giáo dục và Đào tạo", "BÁO CÁO Ý KIẾN", "Đề án 2019"):
        assert transfer.from_tcvn3(text) is None
    assert transfer.from_tcvn3("Ban Tuyªn gi¸o TØnh ñy") == "Ban Tuyên giáo Tỉnh ủy"


# -- the dry run and bad input ------------------------------------------------------------


def test_the_dry_run_points_at_each_problem_in_vietnamese_and_writes_nothing(app):
    sheets = history()
    sheets[REPORTS.title][1][REPORTS.columns.index(REPORTS.column("deadline"))] = "31/02/2019"
    sheets[REPORTS.title][2][0] = "So Y tee"
    before = counts()

    result, problems = run(book(sheets), dry_run=True)

    assert "[Báo cáo] Dòng 2, cột Hạn nộp: ngày 31/02/2019 không tồn tại" in problems
    assert any(
        p.startswith("[Báo cáo] Dòng 3, cột Cơ quan:") and "Sở Y tế (SYT)" in p for p in problems
    ), problems
    assert len(problems) == 2
    assert counts() == before


def test_a_dry_run_of_a_good_file_says_what_would_happen_and_writes_nothing(app):
    result, problems = run(book(history()), dry_run=True)

    assert problems == []
    assert result.counts[REPORTS.title]["created"] == 2
    assert counts() == dict.fromkeys(counts(), 0)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (TINY_PDF, "lich-su.xlsx", "Không nhận loại tệp"),
        (b"Ma;Ten\nSYT;So Y te\n", "lich-su.xlsx", "Không nhận loại tệp"),
        (book({"Sheet1": [["A", "B"], [1, 2]]}), "lich-su.xlsx", "không phải là một mẫu"),
    ],
    ids=["a PDF", "CSV text", "another workbook"],
)
def test_a_file_that_is_not_our_workbook_is_refused_with_a_reason(app, data, name, expected):
    result, problems = run(data, name=name)

    assert len(problems) == 1 and expected in problems[0], problems
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_file_over_the_size_limit_is_refused(app, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_FILE_BYTES", 1000)

    result, problems = run(book(history()))

    assert problems == ["Tệp lớn hơn 0 MB."]
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_sheet_with_a_missing_column_is_named_and_nothing_is_written(app):
    sheets = history()
    sheets[TERMS.title] = [[h for h in headers(TERMS) if h != "Từ ngày"], ["2017-2021"]]

    result, problems = run(book(sheets))

    assert "[Giai đoạn] Dòng 1, cột Từ ngày: thiếu cột này." in problems
    assert counts() == dict.fromkeys(counts(), 0)


@pytest.mark.parametrize(
    ("sheet", "index", "column", "value", "expected"),
    [
        (COMMITMENTS, 1, "due_date", "31/12/2023", "Dòng 2, cột Hạn hoàn thành: Thời hạn phải nằm"),
        (REPORTS, 1, "period", "2016-12", "Dòng 2, cột Cơ quan: Sở Y tế không"),
        (REPORTS, 1, "agency", "XYZ", "Dòng 2, cột Cơ quan: không có cơ quan XYZ"),
        (PARTIES, 1, "role", "partner", "Dòng 2, cột Vai trò:"),
    ],
    ids=["due date outside its term", "a report with no agreement", "unknown code", "no lead"],
)
def test_a_row_breaking_a_rule_is_reported_and_the_whole_file_is_refused(
    app, sheet, index, column, value, expected
):
    sheets = history()
    sheets[sheet.title][index][sheet.columns.index(sheet.column(column))] = value

    result, problems = run(book(sheets))

    assert any(expected in p for p in problems), problems
    assert counts() == dict.fromkeys(counts(), 0)  # all or nothing


# -- templates and export -----------------------------------------------------------------


def test_a_template_explains_every_column_and_offers_drop_down_lists(app, world):
    wb = load_workbook(io.BytesIO(transfer.template("reports")))

    assert wb.sheetnames[0] == "Hướng dẫn"
    guide = [r[1] for r in wb["Hướng dẫn"].iter_rows(min_row=2, values_only=True)]
    assert guide == headers(REPORTS)
    sheet = wb[REPORTS.title]
    assert [c.value for c in sheet[1]] == headers(REPORTS)
    assert sheet.max_row == 2  # one example row
    lists = {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation}
    assert {"A2", "B2", "F2"} <= lists  # agency, kind, status
    values = {v for r in wb["Danh mục"].iter_rows(values_only=True) for v in r if v}
    assert {"SYT", "SGDDT", "Báo cáo tháng", "Đã tiếp nhận"} <= values


def test_a_liaison_exports_only_their_own_agencys_records(app, world):
    sheets = _sheets(transfer.export_workbook(world.users.liaison_a))

    reports = sheets[REPORTS.title][1:]
    assert {r[0] for r in reports} == {"SGDDT"}
    agreements = sheets[AGREEMENTS.title][1:]
    assert [a[0] for a in agreements] == [world.agreements["a"].number]
    assert {r[0] for r in sheets[UPDATES.title][1:]} <= {world.agreements["a"].number}


@pytest.mark.parametrize(
    ("who", "seen"),
    [
        ("liaison_a", {"a", "ab"}),  # reported by A, and the one A flagged for B
        ("liaison_b", {"b", "ab"}),  # B's own, and the one in B's charge
        ("office", {"a", "b", "ab"}),
    ],
)
def test_flagged_issues_are_exported_only_to_those_who_may_see_them(app, world, who, seen):
    sheets = _sheets(transfer.export_workbook(getattr(world.users, who)))

    titles = {r[1] for r in sheets[ISSUES.title][1:]}
    assert titles == {world.issues[key].title for key in seen}


# -- the command line ---------------------------------------------------------------------


def test_the_command_line_dry_run_prints_problems_and_fails(app, runner, tmp_path):
    sheets = history()
    sheets[REPORTS.title][1][REPORTS.columns.index(REPORTS.column("deadline"))] = "31/02/2019"
    path = tmp_path / "lich-su.xlsx"
    path.write_bytes(book(sheets))

    result = runner.invoke(args=["import", str(path), "--dry-run"])

    assert result.exit_code == 1
    assert "Dòng 2, cột Hạn nộp: ngày 31/02/2019 không tồn tại" in result.output
    assert counts() == dict.fromkeys(counts(), 0)


def test_the_command_line_exports_and_imports(app, runner, tmp_path):
    source = tmp_path / "lich-su.xlsx"
    source.write_bytes(book(history()))
    assert runner.invoke(args=["import", str(source)]).exit_code == 0
    exported = tmp_path / "ra.xlsx"

    result = runner.invoke(args=["export", str(exported)])

    assert result.exit_code == 0
    reports = _sheets(exported.read_bytes())[REPORTS.title]
    assert [r[2] for r in reports[1:]] == ["2019-01", "2019-02"]


# -- the Office's import page -------------------------------------------------------------


def _upload(client, data: bytes, name="lich-su.xlsx"):
    return client.post(
        "/transfer/check",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_the_office_uploads_sees_the_dry_run_then_confirms(app, client, login, world):
    login(world.users.office)
    before = counts()

    checked = _upload(client, book(history()))

    assert checked.status_code == 200
    page = checked.get_data(as_text=True)
    assert "Nhập các bản ghi này" in page
    assert counts() == before
    token = page.split('name="upload" type="hidden" value="')[1].split('"')[0]
    confirmed = client.post(
        "/transfer/confirm", data={"upload": token, "name": "lich-su.xlsx"}, follow_redirects=True
    )
    assert confirmed.status_code == 200
    assert "Đã nhập lich-su.xlsx" in confirmed.get_data(as_text=True)
    assert counts()["report"] == before["report"] + 2
    batch = db.session.scalar(sa.select(ImportBatch))
    assert batch.imported_by_id == world.users.office.id
    # The kept file is gone: confirming again does nothing more.
    again = client.post("/transfer/confirm", data={"upload": token, "name": "lich-su.xlsx"})
    assert again.status_code == 422
    assert counts()["import_batch"] == 1


def test_the_page_lists_the_problems_of_a_file_and_offers_no_confirmation(
    app, client, login, world
):
    login(world.users.office)
    sheets = history()
    sheets[REPORTS.title][1][REPORTS.columns.index(REPORTS.column("deadline"))] = "31/02/2019"

    response = _upload(client, book(sheets))

    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "ngày 31/02/2019 không tồn tại" in page
    assert "Nhập các bản ghi này" not in page


def test_another_users_checked_file_cannot_be_confirmed(app, client, login, world):
    login(world.users.office)
    page = _upload(client, book(history())).get_data(as_text=True)
    token = page.split('name="upload" type="hidden" value="')[1].split('"')[0]
    client.post("/logout")
    login(world.users.admin)

    response = client.post("/transfer/confirm", data={"upload": token, "name": "x.xlsx"})

    assert response.status_code == 422
    assert counts()["import_batch"] == 0


def test_the_export_page_downloads_the_workbook(app, client, login, world):
    login(world.users.office)

    response = client.get("/transfer/export.xlsx")

    assert response.status_code == 200
    assert response.mimetype == attachments.XLSX.content_type
    sheets = _sheets(response.data)
    assert {r[0] for r in sheets[REPORTS.title][1:]} == {"SGDDT", "SYT"}


@pytest.mark.parametrize(
    "token",
    ["../../etc/passwd", "A" * 32 + "/..", "", "a" * 31, "../" + "a" * 29, "\x00" * 32],
)
def test_a_confirmation_with_a_forged_token_reads_no_file(app, client, login, world, token):
    login(world.users.office)

    response = client.post("/transfer/confirm", data={"upload": token, "name": "x.xlsx"})

    assert response.status_code == 422
    assert "Tệp đã kiểm tra không còn nữa" in response.get_data(as_text=True)
    assert counts()["import_batch"] == 0


def test_templates_download_by_kind_and_an_unknown_kind_is_not_found(app, client, login, world):
    login(world.users.office)

    response = client.get("/transfer/template.xlsx?kind=agencies")

    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.data)).sheetnames == [
        "Hướng dẫn",
        AGENCIES.title,
        "Danh mục",
    ]
    assert client.get("/transfer/template.xlsx?kind=passwords").status_code == 404


# -- undoing an import --------------------------------------------------------------------


def test_an_import_can_be_undone_while_nothing_depends_on_it(app, runner, tmp_path):
    first, _problems = run(book(history()))
    before = counts()
    more = history()
    more[REPORTS.title] = [headers(REPORTS), row(REPORTS, agency="SYT", kind="monthly",
        period="2019-03", status="submitted", first_submitted_at="20/03/2019 10:00")]  # fmt: skip
    more[COMMITMENTS.title][1][COMMITMENTS.columns.index(COMMITMENTS.column("position"))] = 2
    second, problems = run(book(more), name="them.xlsx")
    assert problems == [] and counts()["report"] == before["report"] + 1

    result = runner.invoke(args=["import-undo", str(second.batch.id)])

    assert result.exit_code == 0, result.output
    assert counts() == before | {"import_batch": before["import_batch"] + 1}
    assert db.session.get(ImportBatch, second.batch.id).undone_at is not None
    again = runner.invoke(args=["import-undo", str(second.batch.id)])
    assert again.exit_code == 1 and "đã được hoàn tác" in again.output


def test_an_import_that_was_worked_on_since_cannot_be_undone(app):
    result, _problems = run(book(history()))
    commitment = db.session.scalar(sa.select(Commitment))
    commitment.title = "Giáo dục y đức (sửa)"
    db.session.flush()
    from tracker.services.audit import record

    record(None, AuditAction.UPDATE, commitment, after={"title": commitment.title})
    db.session.commit()
    before = counts()

    with force_locale("vi"), pytest.raises(transfer.ValidationError, match="không thể hoàn tác"):
        transfer.undo_batch(None, result.batch)
    db.session.rollback()
    assert counts() == before


def test_an_import_that_changed_existing_records_cannot_be_undone(app):
    run(book(history()))
    changed = history()
    changed[REPORTS.title][1][REPORTS.columns.index(REPORTS.column("results"))] = "Năm lớp."
    result, _problems = run(book(changed))

    with force_locale("vi"), pytest.raises(transfer.ValidationError, match="thay đổi bản ghi"):
        transfer.undo_batch(None, result.batch)


# -- progress updates and flagged issues --------------------------------------------------


def with_updates_and_issues(**overrides) -> dict:
    """The typed history, with two progress updates of its commitment and two issues."""
    sheets = history()
    sheets[UPDATES.title] = [
        headers(UPDATES),
        row(
            UPDATES,
            number="03-CTr/BTGTU-SYT",
            term="2017-2021",
            position=1,
            recorded_on="30/06/2018",
            progress=40,
            note="Tổ chức 2 lớp tập huấn y đức.",
            metric_classes_held=2,
            metric_people_trained=120,
        ),
        row(
            UPDATES,
            number="03-CTr/BTGTU-SYT",
            term="2017-2021",
            position=1,
            recorded_on="15/12/2019",
            progress=100,
            note="Hoàn thành.",
            evidence_url="https://syt.kontum.gov.vn/tin-tuc/y-duc",
        ),
    ]
    sheets[ISSUES.title] = [
        headers(ISSUES),
        row(ISSUES, reference="VĐ-2018-01", title="Phản ánh thái độ phục vụ tại bệnh viện tỉnh",
            summary="Báo chí phản ánh thái độ của nhân viên y tế.", field="health",
            source="press", first_seen_on="05/04/2018", sensitivity="medium", reporting="SYT",
            responsible="SYT", status="closed", resolved_at="20/04/2018 10:00",
            closed_at="25/04/2018 10:00"),
        row(ISSUES, title="Tin đồn về vắc xin sởi", summary="Tin đồn trên mạng xã hội.",
            field="Y tế, dân số", source="social_media", first_seen_on="12/09/2019",
            sensitivity="high", reporting="BTGTU", responsible="Sở Y tế", status="dismissed",
            closed_at="15/09/2019 08:00", dismissed_reason="Tin sai sự thật."),
    ]  # fmt: skip
    sheets.update(overrides)
    return sheets


def test_progress_updates_and_issues_come_in_with_their_history(app):
    result, problems = run(book(with_updates_and_issues()))

    assert problems == []
    assert result.counts[UPDATES.title]["created"] == 2
    assert result.counts[ISSUES.title]["created"] == 2
    commitment = db.session.scalar(sa.select(Commitment))
    # The commitment follows its latest update, as when the updates are posted in the app.
    assert (commitment.progress, commitment.last_update_on) == (100, date(2019, 12, 15))
    first = commitment.updates[0]
    assert {(f.metric.value, f.value) for f in first.figures} == {
        ("classes_held", 2),
        ("people_trained", 120),
    }
    assert first.import_batch_id == result.batch.id
    closed = db.session.scalar(sa.select(Issue).where(Issue.reference == "VĐ-2018-01"))
    assert closed.status.value == "closed"
    assert closed.resolved_at == datetime(2018, 4, 20, 3, tzinfo=UTC)
    assert [e.kind.value for e in closed.events] == ["created"]
    rumour = db.session.scalar(sa.select(Issue).where(Issue.reference.is_(None)))
    assert (rumour.reporting_agency.code, rumour.responsible_agency.code) == ("BTGTU", "SYT")
    assert rumour.dismissed_reason == "Tin sai sự thật."


def test_updates_and_issues_imported_twice_create_nothing_new(app):
    data = book(with_updates_and_issues())
    run(data)
    first = counts()

    result, problems = run(data)

    assert problems == []
    assert counts() == first | {"import_batch": first["import_batch"] + 1}
    assert result.counts[UPDATES.title]["unchanged"] == 2
    assert result.counts[ISSUES.title]["unchanged"] == 2


def test_an_issue_is_matched_by_its_reference_or_its_title_day_and_agency(app):
    run(book(with_updates_and_issues()))
    changed = with_updates_and_issues()
    issues = changed[ISSUES.title]
    title = ISSUES.columns.index(ISSUES.column("title"))
    summary = ISSUES.columns.index(ISSUES.column("summary"))
    issues[1][title] = "Phản ánh thái độ phục vụ tại Bệnh viện đa khoa tỉnh"  # same reference
    issues[2][summary] = "Tin đồn về vắc xin sởi gây tử vong, lan trên Facebook."

    result, problems = run(book(changed), name="sua.xlsx")

    assert problems == []
    assert result.counts[ISSUES.title] == {"created": 0, "updated": 2, "unchanged": 0}
    assert counts()["issue"] == 2
    renamed = db.session.scalar(sa.select(Issue).where(Issue.reference == "VĐ-2018-01"))
    assert renamed.title == "Phản ánh thái độ phục vụ tại Bệnh viện đa khoa tỉnh"
    assert [e.kind.value for e in renamed.events] == ["created", "updated"]
    audit = db.session.scalar(
        sa.select(AuditEvent).where(
            AuditEvent.action == AuditAction.UPDATE,
            AuditEvent.object_type == "issue",
            AuditEvent.object_id == str(renamed.id),
        )
    )
    assert audit.after == {"title": renamed.title} and audit.detail == "import: sua.xlsx"


def test_an_update_recorded_with_other_figures_is_a_problem_not_a_change(app):
    run(book(with_updates_and_issues()))
    changed = with_updates_and_issues()
    changed[UPDATES.title][1][UPDATES.columns.index(UPDATES.column("progress"))] = 45
    before = counts()

    result, problems = run(book(changed))

    assert len(problems) == 1
    assert problems[0].startswith("[Cập nhật tiến độ] Dòng 2, cột Tiến độ (%):")
    assert "đính chính" in problems[0]
    assert counts() == before


@pytest.mark.parametrize(
    ("sheet", "index", "column", "value", "expected"),
    [
        (UPDATES, 1, "position", 7, "Dòng 2, cột STT: không có nội dung phối hợp 7"),
        (UPDATES, 1, "recorded_on", "01/01/2017", "Dòng 2, cột Ngày cập nhật: Ngày không được"),
        (UPDATES, 2, "progress", 120, "Dòng 3, cột Tiến độ (%):"),
        (UPDATES, 1, "corrects", "01/02/2018", "Dòng 2, cột Đính chính cập nhật ngày:"),
        (ISSUES, 1, "reporting", "XYZ", "Dòng 2, cột Cơ quan báo cáo: không có cơ quan XYZ"),
        (ISSUES, 1, "resolved_at", None, "Dòng 2, cột Giải quyết xong lúc: ô này đang trống"),
        (ISSUES, 2, "dismissed_reason", None, "Dòng 3, cột Lý do không xử lý:"),
        (ISSUES, 1, "first_seen_on", "05/04/2099", "Dòng 2, cột Ngày phát hiện:"),
        (ISSUES, 1, "responsible", "BTGTU", "Dòng 2, cột Cơ quan chịu trách nhiệm:"),
        (ISSUES, 1, "sensitivity", "rất gấp", "Dòng 2, cột Mức độ nhạy cảm: rất gấp không"),
    ],
    ids=[
        "an unknown commitment",
        "an update before the signing",
        "a progress over 100",
        "a correction of nothing",
        "an unknown agency code",
        "a closed issue never resolved",
        "a dismissal without reason",
        "first seen in the future",
        "the Office as the responsible agency",
        "a sensitivity not in the list",
    ],
)
def test_a_bad_update_or_issue_row_is_named_and_nothing_is_written(
    app, sheet, index, column, value, expected
):
    sheets = with_updates_and_issues()
    sheets[sheet.title][index][sheet.columns.index(sheet.column(column))] = value

    result, problems = run(book(sheets))

    assert any(expected in p for p in problems), problems
    assert counts() == dict.fromkeys(counts(), 0)  # all or nothing


@pytest.mark.parametrize("sheet", [UPDATES, ISSUES], ids=["updates", "issues"])
def test_a_missing_column_of_the_new_sheets_is_named(app, sheet):
    sheets = with_updates_and_issues()
    required = next(c for c in sheet.columns if c.required and c.key not in ("number", "term"))
    position = sheet.columns.index(required)
    sheets[sheet.title] = [r[:position] + r[position + 1 :] for r in sheets[sheet.title]]

    result, problems = run(book(sheets))

    assert f"[{sheet.title}] Dòng 1, cột {required.header}: thiếu cột này." in problems
    assert counts() == dict.fromkeys(counts(), 0)


def test_the_new_templates_explain_their_columns_and_offer_lists(app, world):
    for kind, sheet, listed in (
        ("updates", UPDATES, {"B2"}),  # the term
        ("issues", ISSUES, {"D2", "E2", "L2", "M2", "P2"}),  # field, source, …, status
    ):
        wb = load_workbook(io.BytesIO(transfer.template(kind)))
        guide = [r[1] for r in wb["Hướng dẫn"].iter_rows(min_row=2, values_only=True)]
        assert guide == headers(sheet)
        assert [c.value for c in wb[sheet.title][1]] == headers(sheet)
        assert wb[sheet.title].max_row == 2  # one example row
        lists = {
            str(v.sqref).split(":")[0] for v in wb[sheet.title].data_validations.dataValidation
        }
        assert listed <= lists, (kind, lists)
    values = {v for r in wb["Danh mục"].iter_rows(values_only=True) for v in r if v}
    assert {"Rất nhạy cảm", "Mạng xã hội", "Đã kết thúc", "SGDDT"} <= values


def test_an_undone_batch_removes_its_updates_and_issues(app):
    run(book(history()))
    before = counts()
    more = with_updates_and_issues()
    for title in (AGENCIES, TERMS, AGREEMENTS, PARTIES, COMMITMENTS, REPORTS):
        more.pop(title.title)
    second, problems = run(book(more), name="them.xlsx")
    assert problems == []

    # Updates on a commitment this import did not create: undoing would leave its progress
    # as the import set it.
    with force_locale("vi"), pytest.raises(transfer.ValidationError, match="cập nhật tiến độ"):
        transfer.undo_batch(None, second.batch)
    db.session.rollback()

    issues_only = {ISSUES.title: more[ISSUES.title]}
    _empty_tables()
    run(book(history()))
    before = counts()
    third, problems = run(book(issues_only), name="van-de.xlsx")
    assert problems == [] and counts()["issue"] == 2
    removed = transfer.undo_batch(None, third.batch)
    db.session.commit()
    assert removed["issues"] == 2
    assert counts() == before | {"import_batch": before["import_batch"] + 1}
    assert db.session.scalar(sa.select(sa.func.count(IssueEvent.id))) == 0


# -- old encodings ------------------------------------------------------------------------


#: Known phrases as VNI-Windows fonts stored them, byte for byte (read back as Windows-1252).
VNI_PHRASES = {
    b"S\xf4\xfb Gia\xf9o du\xefc va\xf8 \xd1a\xf8o ta\xefo": "Sở Giáo dục và Đào tạo",
    b"Tr\xf6\xf4\xf8ng \xd1a\xefi ho\xefc": "Trường Đại học",
    b"Ban Tuye\xe2n gia\xf9o T\xe6nh u\xfby": "Ban Tuyên giáo Tỉnh ủy",
    b"Ng\xf6\xf4\xf8i da\xe2n pha\xfbn a\xf9nh": "Người dân phản ánh",
    b"S\xf4\xfb Lao \xf1o\xe4ng - Th\xf6\xf4ng binh va\xf8 Xa\xf5 ho\xe4i": (
        "Sở Lao động - Thương binh và Xã hội"
    ),
    b"Ngh\xf2 quye\xe1t 29-NQ/TW": "Nghị quyết 29-NQ/TW",
    b"HUYE\xc4N \xd1A\xc9K TO\xc2": "HUYỆN ĐẮK TÔ",
}


def test_vni_text_of_known_phrases_reads_as_unicode():
    for raw, expected in VNI_PHRASES.items():
        text = raw.decode("cp1252")
        assert legacy_text.read_legacy(text) == legacy_text.Reading(expected, "VNI"), text


def test_every_vietnamese_letter_with_every_tone_goes_through_both_tables_and_back():
    letters = legacy_text.VIETNAMESE_LETTERS
    assert len(letters) == 134  # 67 letters with marks, in both cases
    assert {legacy_text.from_vni(legacy_text.to_vni(c)) for c in letters} == set(letters)
    assert len({legacy_text.to_vni(c) for c in letters}) == 134  # no two letters alike
    # TCVN3 has one byte per lower-case letter; capitals with tones were in another font.
    assert len(set(legacy_text.TCVN3.values())) == len(legacy_text.TCVN3)  # one byte each
    lower = {c for c in letters if c == c.lower()}
    assert lower | set("ĂÂĐÊÔƠƯ") == set(legacy_text.TCVN3.values())
    to_tcvn3 = {letter: byte for byte, letter in legacy_text.TCVN3.items()}
    for word in ("nghiêng ngả", "khuyến khích", "giữ gìn", "thuở ấy", "ĐÊM ĐÔNG", "hòa"):
        typed = "".join(to_tcvn3.get(c, c) for c in word)
        assert legacy_text.read_legacy(typed) == legacy_text.Reading(word, "TCVN3"), typed
    # And whole words, each in the other encoding's clothes, read back as they were typed.
    for word in ("Nghiêng", "khuyến", "Quyết", "giữ gìn", "Thuở", "ĐẮK TÔ", "Hoà", "hòa"):
        assert legacy_text.read_legacy(legacy_text.encode_vni(word)).text == word, word


def test_unicode_vietnamese_is_never_taken_for_vni():
    for text in (
        "Sở Y tế",
        "Giáo dục và Đào tạo",
        "Hòa bình",
        "Hoà bình",
        "Trò chơi",
        "KẾT QUẢ",
        "Café",
        "Covid-19",
    ):
        assert legacy_text.read_legacy(text) == legacy_text.Reading(text), text


def test_a_cell_in_no_encoding_we_can_read_is_named(app):
    sheets = history()
    results = REPORTS.columns.index(REPORTS.column("results"))
    sheets[REPORTS.title][1][results] = "Ëäëïüø åæ"

    result, problems = run(book(sheets), dry_run=True)

    assert len(problems) == 1, problems
    assert problems[0].startswith("[Báo cáo] Dòng 2, cột Kết quả phối hợp: không đọc được")


# -- a hand-made messy sheet --------------------------------------------------------------


def _messy_workbook(*, fixed: bool) -> bytes:
    """An office's own sheet of reports and issues: a title over a two-row header with merged
    cells, dates typed as text (one of them impossible until fixed), names instead of codes
    (one misspelled until fixed), text in TCVN3 and in VNI."""
    wb = Workbook()
    ws = wb.active
    ws.title = "B¸o c¸o"  # the sheet's name typed in TCVN3
    ws.append(["DANH SÁCH BÁO CÁO NĂM 2019"])
    ws.merge_cells("A1:F1")
    ws.append(["C¬ quan", "Báo cáo", None, None, "Thời gian", "Nội dung"])
    ws.append([None, "Loại báo cáo", "Kỳ báo cáo", "Trạng thái", "Gửi lần đầu lúc",
               "Kết quả phối hợp"])  # fmt: skip
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:D2")
    ws.append(["Sở Y tế" if fixed else "So Y tee", "Báo cáo tháng", "Tháng 3/2019",
               "Đã gửi về Ban", "20/03/2019 09:00", "Tæ chøc 3 líp tËp huÊn"])  # fmt: skip
    ws.append(["so y te", "Báo cáo quý", "Quý I/2019", "Đã gửi về Ban",
               "19/03/2019 10:00" if fixed else "31/02/2019 10:00",
               b"Ta\xe4p hua\xe1n 120 ca\xf9n bo\xe4".decode("cp1252")])  # fmt: skip
    ws.append([None] * 6)
    issues = wb.create_sheet("Vấn đề dư luận")
    issues.append(["Tiêu đề", "Tóm tắt", "Lĩnh vực", "Nguồn", "Ngày phát hiện",
                   "Mức độ nhạy cảm", "Cơ quan báo cáo", "Cơ quan chịu trách nhiệm",
                   "Trạng thái"])  # fmt: skip
    issues.append([b"Tin \xf1o\xe0n ve\xe0 va\xe9c xin".decode("cp1252"),
                   "Tin ®ån trªn m¹ng x· héi", "y te, dan so", "mang xa hoi", "12/9/2019",
                   "nhạy cảm",
                   "Ban Tuyen giao Tinh uy", "Sở Y tế" if fixed else "Sở Ytế",
                   "moi"])  # fmt: skip
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_messy_sheet_imports_after_the_dry_run_points_at_each_problem(app):
    run(book(history(**{REPORTS.title: [headers(REPORTS)]})))
    before = counts()

    checked, problems = run(_messy_workbook(fixed=False), dry_run=True)

    assert len(problems) == 3, problems
    assert problems[0].startswith("[Báo cáo] Dòng 4, cột Cơ quan: không có cơ quan So Y tee")
    assert "Sở Y tế (SYT)" in problems[0]
    assert (
        "[Báo cáo] Dòng 5, cột Gửi lần đầu lúc: ngày 31/02/2019 10:00 không tồn tại"
        in (problems[1])
    )
    assert problems[2].startswith("[Vấn đề dư luận] Dòng 2, cột Cơ quan chịu trách nhiệm:")
    assert "Sở Y tế (SYT)" in problems[2]
    assert counts() == before

    result, problems = run(_messy_workbook(fixed=True))

    assert problems == []
    assert result.encodings == {"TCVN3": 2, "VNI": 2}
    march = db.session.scalar(sa.select(Report).where(Report.period == "2019-03"))
    assert (march.agency.code, march.results) == ("SYT", "Tổ chức 3 lớp tập huấn")
    quarter = db.session.scalar(sa.select(Report).where(Report.period == "2019-Q1"))
    assert quarter.results == "Tập huấn 120 cán bộ"
    issue = db.session.scalar(sa.select(Issue))
    assert (issue.title, issue.summary) == ("Tin đồn về vắc xin", "Tin đồn trên mạng xã hội")
    assert (issue.reporting_agency.code, issue.first_seen_on) == ("BTGTU", date(2019, 9, 12))


# -- undoing an import from the page ------------------------------------------------------


def test_the_office_undoes_an_import_from_the_page(app, client, login, world):
    login(world.users.office)
    before = counts()
    sheets = with_updates_and_issues()
    del sheets[AGENCIES.title]  # the world's agencies
    result, problems = run(book(sheets), actor=world.users.office)
    assert problems == []
    batch_id = result.batch.id
    page = client.get("/transfer/").get_data(as_text=True)
    assert "lich-su.xlsx" in page and "Hoàn tác lần nhập này" in page

    response = client.post(f"/transfer/imports/{batch_id}/undo", follow_redirects=True)

    assert response.status_code == 200
    assert "Đã hoàn tác lần nhập lich-su.xlsx" in response.get_data(as_text=True)
    # Its records are gone; the term it brought stays (others may refer to it).
    assert counts() == before | {"import_batch": 1, "term": before["term"] + 1}
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.undone_by_id == world.users.office.id
    audit = db.session.scalar(
        sa.select(AuditEvent).where(
            AuditEvent.object_type == "import_batch", AuditEvent.action == AuditAction.DELETE
        )
    )
    assert audit.actor_id == world.users.office.id
    assert "Đã hoàn tác lúc" in client.get("/transfer/").get_data(as_text=True)


def test_an_import_worked_on_since_is_not_undone_from_the_page(app, client, login, world):
    login(world.users.office)
    sheets = history()
    del sheets[AGENCIES.title]  # the world's agencies
    result, problems = run(book(sheets), actor=world.users.office)
    assert problems == []
    commitment = db.session.scalar(
        sa.select(Commitment).where(Commitment.import_batch_id == result.batch.id)
    )
    commitment_service.post_update(
        world.users.office,
        commitment,
        recorded_on=date(2020, 1, 10),
        note="Bổ sung số liệu năm 2019.",
        progress=100,
    )
    db.session.commit()
    before = counts()

    response = client.post(f"/transfer/imports/{result.batch.id}/undo")

    assert response.status_code == 422
    assert "đã được xử lý tiếp" in response.get_data(as_text=True)
    assert counts() == before
    assert db.session.get(ImportBatch, result.batch.id).undone_at is None


@pytest.mark.parametrize("who", ["liaison_a", "leadership"])
def test_only_those_who_import_may_undo(app, client, login, world, who):
    result, _problems = run(book(history()))
    before = counts()
    login(getattr(world.users, who))

    response = client.post(f"/transfer/imports/{result.batch.id}/undo")

    assert response.status_code == 403
    assert counts() == before
