"""Monthly and quarterly reports: the calendar's gaps closed, the liaison's and the Office's
workflow end to end, drafts that stay the agency's own, the compliance grid against an
independent count, reminders, PDFs and the API."""

import io
import os
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.factories import (
    TINY_PDF,
    AgencyFactory,
    AgreementFactory,
    AgreementPartyFactory,
    CommitmentFactory,
    IssueFactory,
    ReportFactory,
    TermFactory,
    upload,
)
from tests.pages import forms
from tracker.enums import (
    HolidayKind,
    IssueStatus,
    NotificationKind,
    PartyRole,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import (
    Agreement,
    Attachment,
    CommitmentUpdate,
    Holiday,
    Notification,
    ReminderLog,
    Report,
    ReportEvent,
)
from tracker.services import admin as admin_service
from tracker.services import calendar, compliance, reminders
from tracker.services import reports as service

NO_POPPLER = shutil.which("pdftotext") is None
if NO_POPPLER and os.environ.get("CI") == "true":
    raise RuntimeError("poppler-utils (pdftotext) is missing and CI=true: make setup installs it")


def page(response) -> str:
    return response.get_data(as_text=True)


# -- the calendar's gaps -------------------------------------------------------------------------


def test_a_saturday_worked_for_a_holiday_counts_toward_the_deadline(app):
    period = calendar.parse_period(ReportKind.MONTHLY, "2025-04")
    days_off = {date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2)}
    assert calendar.deadline_for(period, 12, days_off) == date(2025, 5, 5)
    assert calendar.deadline_for(period, 12, days_off, {date(2025, 4, 26)}) == date(2025, 4, 29)


def test_importing_2025_brings_the_compensatory_working_day(app, world):
    added = admin_service.import_holidays(world.users.admin, 2025)
    db.session.commit()
    worked = db.session.scalar(sa.select(Holiday).where(Holiday.day == date(2025, 4, 26)))
    assert added > 0 and worked is not None and worked.kind == HolidayKind.WORKING_DAY
    assert (
        db.session.scalar(sa.select(Holiday.kind).where(Holiday.day == date(2025, 5, 2)))
        == HolidayKind.DAY_OFF
    )
    # And the compliance figures use it: with a 12-day monthly deadline, 2025-04 is due 29/04.
    from tracker.services import settings

    settings.update(world.users.admin, {"deadline_days_monthly": 12})
    rows = compliance.expected_reports(
        date(2025, 4, 1), date(2025, 4, 30), kinds=[ReportKind.MONTHLY], today=date(2025, 6, 1)
    )
    assert {r.deadline for r in rows} == {date(2025, 4, 29)}


@pytest.fixture
def successor_term(world):
    """The 2026-2030 term, whose agreement with A was signed only on 20/01/2026."""
    term = TermFactory(name="2026-2030", start_date=date(2026, 1, 1), end_date=date(2030, 12, 31))
    agreement = AgreementFactory(
        term=term, number="02-CTr/BTGTU-SGDDT", signed_on=date(2026, 1, 20)
    )
    AgreementPartyFactory(agreement=agreement, agency=world.office_agency, role=PartyRole.LEAD)
    AgreementPartyFactory(agreement=agreement, agency=world.a)
    db.session.commit()
    return term


def test_no_month_between_terms_goes_unreported(app, world, successor_term):
    rows = compliance.expected_reports(
        date(2025, 11, 1),
        date(2026, 3, 31),
        kinds=[ReportKind.MONTHLY],
        agency_ids=[world.a.id, world.b.id],
        today=date(2026, 4, 1),
    )
    a = sorted(r.period.label for r in rows if r.agency_id == world.a.id)
    b = sorted(r.period.label for r in rows if r.agency_id == world.b.id)
    # A: the old agreement binds until the new one is signed; B: until it signs one at all.
    assert a == ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    assert b == a


def test_a_programme_lead_does_not_report_to_itself(app, world):
    district = AgencyFactory(code="BTGHU", name_vi="Ban Tuyên giáo Huyện ủy Đăk Hà")
    committee = AgencyFactory(code="UBNDH", name_vi="UBND huyện Đăk Hà")
    agreement = AgreementFactory(term=world.term, number="01-CTr/BTGHU-UBNDH")
    AgreementPartyFactory(agreement=agreement, agency=district, role=PartyRole.LEAD)
    AgreementPartyFactory(agreement=agreement, agency=committee)
    db.session.commit()
    owing = {r.agency_id for r in compliance.expected_reports(date(2025, 1, 1), date(2025, 3, 31))}
    assert committee.id in owing and district.id not in owing


def test_a_dissolved_agency_owes_nothing_from_that_day(app, world):
    world.b.dissolved_on = date(2025, 3, 1)
    db.session.commit()
    labels = {
        r.period.label
        for r in compliance.expected_reports(
            date(2025, 1, 1), date(2025, 6, 30), kinds=[ReportKind.MONTHLY], agency_ids=[world.b.id]
        )
    }
    assert labels == {"2025-01", "2025-02"}


def test_ad_hoc_reports_get_real_labels_and_windows(app, world):
    first = service.start_ad_hoc(
        world.users.liaison_a,
        world.a,
        title="Báo cáo nhanh vụ ngộ độc thực phẩm tại trường Tiểu học Lê Lợi",
        window_start=date(2026, 3, 2),
        window_end=date(2026, 3, 5),
        deadline=date(2026, 3, 9),
    )
    second = service.start_ad_hoc(
        world.users.liaison_a,
        world.a,
        title="Báo cáo đột xuất về sạt lở",
        window_start=date(2026, 7, 1),
        window_end=date(2026, 7, 3),
    )
    assert (first.period, second.period) == ("2026-AH01", "2026-AH02")
    assert (first.period_start, first.period_end, first.deadline) == (
        date(2026, 3, 2),
        date(2026, 3, 5),
        date(2026, 3, 9),
    )
    with pytest.raises(service.ValidationError, match="trước ngày bắt đầu"):
        service.start_ad_hoc(
            world.users.liaison_a,
            world.a,
            title="x",
            window_start=date(2026, 7, 3),
            window_end=date(2026, 7, 1),
        )


# -- the workflow, end to end, through the pages ----------------------------------------------


def _edit_form(client, report_id):
    url = f"/reports/{report_id}/edit"
    return next(f for f in forms(page(client.get(url)), url) if f.action == url)


@pytest.fixture
def month(world):
    """A monthly period that world's agreements make A owe, and nobody has filed."""
    return "2025-04"


def test_a_liaison_files_the_office_returns_the_liaison_revises_the_office_accepts(
    client, login, world, month
):
    commitment = world.commitments["a"]
    login(world.users.liaison_a)
    response = client.post("/reports/start", data={"kind": "monthly", "period": month})
    report = db.session.scalar(
        sa.select(Report).where(Report.period == month, Report.agency_id == world.a.id)
    )
    assert response.headers["Location"].endswith(f"/reports/{report.id}/edit")
    assert report.status == ReportStatus.DRAFT and report.deadline == date(2025, 4, 17)

    form = _edit_form(client, report.id)
    line = next(
        k for k, v in form.fields.items() if k.endswith("commitment_id") and v == str(commitment.id)
    )
    prefix = line.rsplit("-", 1)[0]
    data = form.data(
        situation="Tư tưởng cán bộ, giáo viên ổn định.",
        results="Phối hợp tổ chức hội nghị quán triệt Nghị quyết 29.",
        proposals="Đề nghị Ban hỗ trợ tài liệu.",
        **{f"{prefix}-note": "Tổ chức 2 lớp bồi dưỡng chính trị hè.", f"{prefix}-progress": "40"},
    )
    assert client.post(f"/reports/{report.id}/edit", data=data).status_code == 302  # draft
    client.post("/logout")

    # The Office does not see a draft: not in its lists, and its page is "not found".
    login(world.users.office)
    assert client.get(f"/reports/{report.id}").status_code == 404
    assert f'/reports/{report.id}"' not in page(client.get("/reports"))
    client.post("/logout")

    login(world.users.liaison_a)
    form = _edit_form(client, report.id)
    sent = client.post(
        f"/reports/{report.id}/edit",
        data={**form.data(), "send": "Gửi về Ban", "file": (io.BytesIO(TINY_PDF), "so-lieu.pdf")},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 302
    db.session.refresh(report)
    assert report.status == ReportStatus.SUBMITTED and len(report.versions) == 1
    # The file typed into the form went with it: on the draft and copied to the version.
    assert [f.original_name for f in report.attachments] == ["so-lieu.pdf"]
    assert [f.original_name for f in report.versions[0].attachments] == ["so-lieu.pdf"]
    updates = db.session.scalars(
        sa.select(CommitmentUpdate).where(CommitmentUpdate.commitment_id == commitment.id)
    ).all()
    assert len(updates) == 1 and updates[0].progress == 40
    assert "Tổ chức 2 lớp bồi dưỡng chính trị hè." in updates[0].note
    client.post("/logout")

    login(world.users.office)
    assert (
        db.session.scalar(
            sa.select(sa.func.count(Notification.id)).where(
                Notification.user_id == world.users.office.id,
                Notification.kind == NotificationKind.REPORT_SUBMITTED,
            )
        )
        == 1
    )
    queue = page(client.get("/reports/review"))
    assert f"/reports/{report.id}/review" in queue
    review = f"/reports/{report.id}/review"
    review_page = page(client.get(review))
    # The choice reads in the reviewer's language.
    assert "Tiếp nhận báo cáo" in review_page and "Trả lại để bổ sung" in review_page
    form = next(f for f in forms(review_page, review) if f.action == review)
    refused = client.post(review, data=form.data(decision="returned"))
    assert refused.status_code == 422 and "Hãy nêu nội dung cần sửa" in page(refused)
    returned = client.post(
        review,
        data=form.data(
            decision="returned",
            comment="Bổ sung số liệu học viên.",
            on_results="Nêu rõ số lớp, số học viên.",
        ),
    )
    assert returned.status_code == 302
    client.post("/logout")

    login(world.users.liaison_a)
    html = page(client.get(f"/reports/{report.id}/edit"))
    assert "Bổ sung số liệu học viên." in html  # at the top
    comment = html.index("Nêu rõ số lớp, số học viên.")
    assert html.index('name="situation"') < comment < html.index('name="results"')
    form = _edit_form(client, report.id)
    client.post(
        f"/reports/{report.id}/edit",
        data={**form.data(results="Phối hợp tổ chức 2 lớp, 160 học viên."), "send": "1"},
        content_type="multipart/form-data",
    )
    client.post("/logout")

    login(world.users.office)
    detail = page(client.get(f"/reports/{report.id}"))
    assert "<ins>2 lớp, 160 học viên.</ins>" in detail  # what changed between versions
    form = next(f for f in forms(page(client.get(review)), review) if f.action == review)
    assert client.post(review, data=form.data(decision="accepted")).status_code == 302
    db.session.refresh(report)
    assert report.status == ReportStatus.ACCEPTED and report.accepted_at is not None
    assert [v.decision for v in report.versions] == [
        ReviewDecision.RETURNED,
        ReviewDecision.ACCEPTED,
    ]
    # Locked: nobody writes into an accepted report.
    client.post("/logout")
    login(world.users.liaison_a)
    assert client.get(f"/reports/{report.id}/edit").status_code == 403
    # The resubmission did not record the unchanged commitment line twice.
    assert (
        db.session.scalar(
            sa.select(sa.func.count(CommitmentUpdate.id)).where(
                CommitmentUpdate.commitment_id == commitment.id
            )
        )
        == 1
    )
    # Timeliness is the first submission's.
    assert report.first_submitted_on == calendar.today_local()


def test_the_form_lists_the_commitments_that_bind_the_period_and_the_issues_that_matter(
    client, login, world, successor_term
):
    """A line per commitment of the agreement that binds the period (the new one once
    signed, the old one until then), none for what was finished before the period; a box per
    issue still open or seen lately, not for ten years of closed ones."""
    old = world.commitments["a"]
    new_agreement = db.session.scalar(
        sa.select(Agreement).where(Agreement.number == "02-CTr/BTGTU-SGDDT")
    )
    new = CommitmentFactory(
        agreement=new_agreement, responsible_agency=world.a, title="Bồi dưỡng chính trị hè 2026"
    )
    finished = CommitmentFactory(
        agreement=new_agreement,
        responsible_agency=world.a,
        title="Ban hành kế hoạch triển khai",
        progress=100,
        last_update_on=date(2026, 1, 30),
        done_at=datetime(2026, 1, 30, 3, tzinfo=UTC),
    )
    closed_long_ago = IssueFactory(
        reporting_agency=world.a,
        title="Vụ việc đã khép lại năm 2023",
        first_seen_on=date(2023, 3, 1),
        status=IssueStatus.CLOSED,
    )
    open_old = IssueFactory(
        reporting_agency=world.a,
        title="Vụ việc cũ vẫn đang xử lý",
        first_seen_on=date(2024, 5, 2),
        status=IssueStatus.BEING_HANDLED,
    )
    january = ReportFactory(agency=world.a, kind=ReportKind.MONTHLY, period="2026-01")
    march = ReportFactory(agency=world.a, kind=ReportKind.MONTHLY, period="2026-03")
    db.session.commit()
    login(world.users.liaison_a)

    # January's data ends on 14/01, before the new agreement (20/01): the old one binds.
    html = page(client.get(f"/reports/{january.id}/edit"))
    assert old.title in html and new.title not in html
    # March: the new agreement's open commitments only.
    html = page(client.get(f"/reports/{march.id}/edit"))
    assert new.title in html
    assert old.title not in html and finished.title not in html
    assert open_old.title in html and closed_long_ago.title not in html

    # A line written before the commitment was finished is kept, and so is a linked issue.
    march.commitment_notes = {str(finished.id): "Đã ban hành kế hoạch."}
    march.issues = [closed_long_ago]
    db.session.commit()
    html = page(client.get(f"/reports/{march.id}/edit"))
    assert finished.title in html and "Đã ban hành kế hoạch." in html
    assert closed_long_ago.title in html


def test_reopening_keeps_the_accepted_version_and_records_why(app, world, month):
    report = service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, month)
    report.situation, report.results = "Ổn định.", "Đã phối hợp."
    service.submit(world.users.liaison_a, report, version=None)
    service.review(world.users.office, report, decision=ReviewDecision.ACCEPTED)
    service.reopen(world.users.office, report, reason="Sai số liệu quý.")
    db.session.commit()
    assert report.status == ReportStatus.RETURNED
    assert report.versions[-1].decision == ReviewDecision.ACCEPTED
    events = [
        e.kind.value for e in db.session.scalars(sa.select(ReportEvent).order_by(ReportEvent.id))
    ]
    assert events == ["created", "submitted", "accepted", "reopened"]
    assert (
        db.session.scalar(sa.select(ReportEvent.comment).where(ReportEvent.kind == "reopened"))
        == "Sai số liệu quý."
    )


def test_one_report_per_period_the_second_leads_to_the_first(client, login, world, month):
    login(world.users.liaison_a)
    client.post("/reports/start", data={"kind": "monthly", "period": month})
    again = client.post("/reports/start", data={"kind": "monthly", "period": month})
    first = db.session.scalar(
        sa.select(Report).where(Report.period == month, Report.agency_id == world.a.id)
    )
    assert again.headers["Location"].endswith(f"/reports/{first.id}")
    assert "Cơ quan bạn đã có báo cáo này" in page(client.get(again.headers["Location"]))
    assert db.session.scalar(sa.select(sa.func.count(Report.id)).where(Report.period == month)) == 1


def test_a_period_the_agency_does_not_owe_is_refused(app, world):
    with pytest.raises(service.ValidationError, match="không phải gửi"):
        service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, "2019-05")


def test_attachments_are_copied_to_each_submitted_version(app, world, month):
    report = service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, month)
    draft = service.Draft(situation="Ổn định.", results="Đã phối hợp.")
    service.save(
        world.users.liaison_a, report, draft, version=None, upload=upload("so-lieu.pdf", TINY_PDF)
    )
    first = service.submit(world.users.liaison_a, report, version=None)
    service.review(world.users.office, report, decision=ReviewDecision.RETURNED, comment="Bổ sung.")
    second = service.submit(world.users.liaison_a, report, version=None)
    db.session.commit()
    owners = db.session.execute(
        sa.select(Attachment.report_id, Attachment.report_version_id).where(
            Attachment.agreement_id.is_(None)
        )
    ).all()
    assert sorted(owners, key=str) == sorted(
        [(report.id, None), (None, first.id), (None, second.id)], key=str
    )


def test_nothing_typed_is_lost_when_the_form_expired(csrf_app, world, month):
    client = csrf_app.test_client()
    client.post(
        "/login",
        data={
            "username": "liaison_a",
            "password": "correct horse battery staple",
            "csrf_token": _token(client, "/login"),
        },
    )
    report = service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, month)
    db.session.commit()
    response = client.post(
        f"/reports/{report.id}/edit",
        data={"situation": "Một đoạn văn dài đã gõ xong.", "csrf_token": "expired-token"},
    )
    assert response.status_code == 400
    html = page(response)
    assert "Biểu mẫu đã hết hạn" in html and "Một đoạn văn dài đã gõ xong." in html
    db.session.refresh(report)
    assert report.situation != "Một đoạn văn dài đã gõ xong."


def _token(client, url) -> str:
    return re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', page(client.get(url))
    ).group(1)


def test_the_draft_saves_itself_and_a_stale_copy_is_refused(client, login, world, month):
    login(world.users.liaison_a)
    report = service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, month)
    db.session.commit()
    form = _edit_form(client, report.id)
    saved = client.post(
        f"/reports/{report.id}/autosave", data=form.data(situation="Bản nháp tự lưu.")
    )
    assert saved.status_code == 200 and saved.get_json()["ok"]
    db.session.refresh(report)
    assert report.situation == "Bản nháp tự lưu."
    stale = client.post(f"/reports/{report.id}/autosave", data=form.data(situation="Cửa sổ cũ."))
    assert stale.status_code == 409
    db.session.refresh(report)
    assert report.situation == "Bản nháp tự lưu."


def test_leadership_reads_but_never_writes(client, login, world):
    login(world.users.leadership)
    report = world.reports["a"]
    assert client.get(f"/reports/{report.id}").status_code == 200
    assert client.get(f"/reports/{report.id}/review").status_code == 403
    assert (
        client.post("/reports/start", data={"kind": "monthly", "period": "2025-04"}).status_code
        == 403
    )


# -- the grid ---------------------------------------------------------------------------------


def test_the_grid_equals_an_independent_count_and_links_to_those_reports(client, login, world):
    """2025 monthly, as of today: A and B owe 2025-01..12 (bound until a successor is signed).
    The world sent 2025-03 late for both; one more sent on time by A."""
    ReportFactory(
        agency=world.a,
        period="2025-06",
        status=ReportStatus.ACCEPTED,
        first_submitted_at=datetime(2025, 6, 16, 2, tzinfo=UTC),
        last_submitted_at=datetime(2025, 6, 16, 2, tzinfo=UTC),
    )
    db.session.commit()
    login(world.users.office)
    html = page(client.get("/reports/grid?kind=monthly&year=2025"))
    expected, sent, on_time = 0, 0, 0
    for agency in (world.a, world.b):
        for month in range(1, 13):
            expected += 1
            report = db.session.scalar(
                sa.select(Report).where(
                    Report.agency_id == agency.id,
                    Report.kind == "monthly",
                    Report.period == f"2025-{month:02d}",
                )
            )
            if report is not None and report.first_submitted_at is not None:
                sent += 1
                on_time += report.first_submitted_on <= report.deadline
    assert (expected, sent, on_time) == (24, 3, 1)
    base = "/reports/expected?kind=monthly&amp;year=2025"
    assert f'<a href="{base}">{expected}</a>' in html
    assert f'<a href="{base}&amp;submitted=yes">{sent}</a>' in html
    assert f'<a href="{base}&amp;timeliness=on_time">{on_time}</a>' in html
    listed = page(client.get("/reports/expected?kind=monthly&year=2025&timeliness=missing"))
    assert listed.count('data-label="Tình trạng đúng hạn"') == expected - sent
    assert "Chưa gửi" in html or "chưa gửi" in html


def test_a_liaisons_grid_shows_their_agency_only(client, login, world):
    login(world.users.liaison_a)
    html = page(client.get("/reports/grid?kind=quarterly&year=2025"))
    assert ">SGDDT</abbr>" in html and ">SYT</abbr>" not in html


def test_the_grid_table_is_never_stale_nor_shared_across_agencies_or_languages(
    client, login, world
):
    """The grid's table is rendered once and reused (figure_cache): a report sent shows at
    once; a liaison never gets the Office's table; English gets English."""
    url = "/reports/grid?kind=monthly&year=2025"
    login(world.users.office)
    before = page(client.get(url))
    assert page(client.get(url)) == before  # the same table again
    cell = re.compile(r'<th scope="row"><abbr[^>]*>SGDDT</abbr></th>(.*?)</tr>', re.S)
    a_row = cell.search(before).group(1)
    ReportFactory(
        agency=world.a,
        period="2025-07",
        status=ReportStatus.SUBMITTED,
        first_submitted_at=datetime(2025, 8, 14, 2, tzinfo=UTC),
        last_submitted_at=datetime(2025, 8, 14, 2, tzinfo=UTC),
    )
    db.session.commit()
    after = page(client.get(url))
    assert cell.search(after).group(1).count("/reports/") == a_row.count("/reports/") + 1
    client.post("/language", data={"locale": "en"})
    english = page(client.get(url))
    assert "On time" in english and "Đúng hạn" not in english
    client.post("/logout")
    login(world.users.liaison_b)
    theirs = page(client.get(url))
    assert ">SYT</abbr>" in theirs and ">SGDDT</abbr>" not in theirs


# -- reminders ----------------------------------------------------------------------------------


def test_remind_sends_each_reminder_once_a_day(app, world):
    world.users.liaison_a.email = "sgddt@example.gov.vn"
    db.session.commit()
    sent_mail = []
    today = date(2025, 5, 16)  # 2025-05 due 19/05; 2025-04 was due 17/04 and is missing
    first = reminders.remind(today, due_within=3, send=sent_mail.append, echo=lambda _t: None)
    db.session.commit()
    kinds = {(r.user.username, r.row.period.label, r.kind) for r in first}
    assert ("liaison_a", "2025-05", NotificationKind.REPORT_DUE) in kinds
    assert ("liaison_a", "2025-04", NotificationKind.REPORT_MISSING) in kinds
    assert all(m["To"] == "sgddt@example.gov.vn" for m in sent_mail)
    assert any("2025" in m["Subject"] and "05" in m["Subject"] for m in sent_mail)
    printed = []
    again = reminders.remind(today, due_within=3, send=sent_mail.append, echo=printed.append)
    assert again == [] and printed == []
    assert db.session.scalar(sa.select(sa.func.count(ReminderLog.id))) == len(first)


def test_the_remind_command_prints_what_it_would_send_without_smtp(runner, world, monkeypatch):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    result = runner.invoke(args=["remind", "--today", "2025-05-16"])
    assert result.exit_code == 0, result.output
    assert "liaison_a <->" in result.output and "0 by email" in result.output


# -- PDF ----------------------------------------------------------------------------------------


@pytest.mark.skipif(
    NO_POPPLER, reason="!!! poppler-utils (pdftotext) is not installed: PDF text unchecked"
)
def test_the_report_pdf_reads_right_and_embeds_its_fonts(client, login, world, tmp_path, month):
    report = service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, month)
    report.situation = 'Dư luận quan tâm <font color="red">học phí</font> & <para> chưa đóng'
    report.results = "Tổ chức hội nghị quán triệt Nghị quyết 29-NQ/TW."
    service.submit(world.users.liaison_a, report, version=None)
    db.session.commit()
    login(world.users.office)
    response = client.get(f"/reports/{report.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    path = tmp_path / "report.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in text
    assert 'Dư luận quan tâm <font color="red">học phí</font> & <para> chưa đóng' in text
    assert "Báo cáo tháng 4/2025" in text or "tháng 4/2025" in text
    assert re.search(r"\b1\s*/\s*1\b", text) and "Nơi nhận" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = fonts.strip().splitlines()[2:]
    assert rows and all(line.split()[-5] == "yes" for line in rows), fonts  # every font embedded
    assert "Helvetica" not in fonts


# -- the API ----------------------------------------------------------------------------------


def _api_token(client, username):
    return client.post(
        "/api/v1/tokens", json={"username": username, "password": "correct horse battery staple"}
    ).get_json()["token"]


def test_a_script_files_a_monthly_report_through_the_api(client, world, month):
    headers = {"Authorization": f"Bearer {_api_token(client, 'liaison_a')}"}
    created = client.post(
        "/api/v1/reports", json={"kind": "monthly", "period": month}, headers=headers
    )
    assert created.status_code == 201, created.get_data(as_text=True)
    report = created.get_json()
    assert report["timeliness"] == "missing" and report["due_date"] == "2025-04-17"
    patched = client.patch(
        f"/api/v1/reports/{report['id']}",
        json={"version": report["version"], "situation": "Ổn định.", "results": "Đã phối hợp."},
        headers=headers,
    )
    assert patched.status_code == 200
    stale = client.patch(
        f"/api/v1/reports/{report['id']}",
        json={"version": report["version"], "situation": "cũ"},
        headers=headers,
    )
    assert stale.status_code == 409 and stale.mimetype == "application/problem+json"
    sent = client.post(
        f"/api/v1/reports/{report['id']}/submit",
        json={"version": patched.get_json()["version"]},
        headers=headers,
    )
    assert sent.status_code == 200 and sent.get_json()["status"] == "submitted"
    duplicate = client.post(
        "/api/v1/reports", json={"kind": "monthly", "period": month}, headers=headers
    )
    assert (
        duplicate.status_code == 409
        and f"/api/v1/reports/{report['id']}" in duplicate.get_json()["detail"]
    )
    office = {"Authorization": f"Bearer {_api_token(client, 'office')}"}
    current = client.get(f"/api/v1/reports/{report['id']}", headers=office).get_json()
    reviewed = client.post(
        f"/api/v1/reports/{report['id']}/review",
        json={"version": current["version"], "decision": "accepted"},
        headers=office,
    )
    assert reviewed.status_code == 200 and reviewed.get_json()["status"] == "accepted"


def test_the_compliance_endpoint_says_what_the_grid_says(client, world):
    headers = {"Authorization": f"Bearer {_api_token(client, 'office')}"}
    body = client.get("/api/v1/compliance?kind=monthly&year=2025", headers=headers).get_json()
    grid = compliance.grid(ReportKind.MONTHLY, 2025)
    assert len(body["items"]) == len(grid.cells) == 24
    late = [i for i in body["items"] if i["timeliness"] == "late"]
    assert {(i["agency"], i["period"]) for i in late} == {("SGDDT", "2025-03"), ("SYT", "2025-03")}
    assert all(i["report_id"] for i in late)
    assert Timeliness.MISSING.value in {i["timeliness"] for i in body["items"]}


def test_the_office_never_sees_a_draft_through_the_api(client, world, month):
    report = service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, month)
    db.session.commit()
    office = {"Authorization": f"Bearer {_api_token(client, 'office')}"}
    assert client.get(f"/api/v1/reports/{report.id}", headers=office).status_code == 404
    ids = [
        r["id"]
        for r in client.get("/api/v1/reports?per_page=100", headers=office).get_json()["items"]
    ]
    assert report.id not in ids
    other = {"Authorization": f"Bearer {_api_token(client, 'liaison_b')}"}
    assert client.get(f"/api/v1/reports/{report.id}", headers=other).status_code == 404


def test_the_timeliness_filter_finds_what_the_calendar_says(client, login, world):
    """Late and missing reports are one filter away, on the page and in the API, and the
    filter agrees with the calendar's own classification, report by report."""
    today = calendar.today_local()

    def local(day, hour, minute):  # a moment in Hà Nội, as stored (UTC)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=calendar.LOCAL_TZ)

    # The last minute of the deadline day is on time; the first minute after it is late.
    made = {}
    for period, when, expect in [
        ("2024-03", lambda d: local(d, 23, 59), Timeliness.ON_TIME),
        ("2024-04", lambda d: local(d, 8, 0) - timedelta(days=3), Timeliness.ON_TIME),
        ("2024-05", lambda d: local(d + timedelta(days=1), 0, 0), Timeliness.LATE),
        ("2024-06", None, Timeliness.MISSING),
    ]:
        report = ReportFactory(agency=world.a, period=period)
        if when:
            report.first_submitted_at = report.last_submitted_at = when(report.deadline)
            report.status = ReportStatus.SUBMITTED
        made.setdefault(expect, []).append(report)
    future = ReportFactory(agency=world.a, period=f"{today.year + 1}-01")
    db.session.commit()
    reports = db.session.scalars(sa.select(Report).where(Report.agency_id == world.a.id)).all()
    expected = {t: sorted(r.id for r in reports if r.timeliness_on(today) == t) for t in Timeliness}
    assert future.id in expected[Timeliness.NOT_DUE]
    for value, group in made.items():
        assert {r.id for r in group} <= set(expected[value]), value

    token = _api_token(client, world.users.liaison_a.username)
    login(world.users.liaison_a)
    for value, ids in expected.items():
        body = client.get(
            f"/api/v1/reports?timeliness={value.value}&per_page=100",
            headers={"Authorization": f"Bearer {token}"},
        ).get_json()
        assert sorted(item["id"] for item in body["items"]) == ids, value
        assert all(item["timeliness"] == value.value for item in body["items"])
        html = page(client.get(f"/reports?timeliness={value.value}"))
        shown = sorted(int(i) for i in re.findall(r'href="/reports/(\d+)"', html))
        assert shown == ids, value
