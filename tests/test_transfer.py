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
from tracker import demo
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
    Report,
    ReportVersion,
    Term,
)
from tracker.services import attachments, compliance, figure_cache, summaries, transfer
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
