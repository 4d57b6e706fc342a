"""The Kon Tum demo (tracker.demo) and the ``flask seed-demo`` command.

The demo is seeded once for this module, as of TODAY, and the read-only tests check what a
provincial official would notice if it were wrong: a record that mentions something before
its time, a place in the wrong district, a report sent before its period closed, a review
comment out of season, a timeline out of order; and, through the 2025 reorganisation, a body
filing after it ceased to exist, an agreement signed by a body that did not exist, a place
named by a district after the districts ended, a file that is not what its record says. The
tests that need another database (determinism, another day, the command, the users'
journeys) seed their own. Runs on SQLite and on PostgreSQL (``TEST_DATABASE_URL``).
"""

import ast
import hashlib
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import _empty_tables
from tests.pages import figure_linking_to
from tracker import demo
from tracker.demo import pdf
from tracker.demo.content.agencies import AGENCIES
from tracker.demo.content.places import BECAME, NEW_COMMUNES, PLACE_PAIRS, PLACES
from tracker.enums import (
    OPEN_ISSUE_STATUSES,
    AgencyLevel,
    AgreementStatus,
    AuditAction,
    CommitmentStatus,
    DocumentKind,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    PartyRole,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Role,
    Sensitivity,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    AgencySuccession,
    Agreement,
    Attachment,
    AuditEvent,
    BlocDocument,
    Commitment,
    CommitmentUpdate,
    Holiday,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    Setting,
    Term,
    User,
)
from tracker.models.report import SECTION_FIELDS
from tracker.permissions import can_edit_commitment, can_file, can_update_commitment
from tracker.services import accounts, attachments, calendar, compliance, database, settings
from tracker.services import agencies as agency_service

TODAY = date(2026, 11, 22)
OTHER_DAY = date(2025, 6, 3)
#: The 2025 reorganisation: departments and Party commissions merged; then the district
#: level ended and Kon Tum joined Quảng Ngãi.
REORGANISED = date(2025, 3, 1)
MERGED = date(2025, 7, 1)
#: Every department of the bloc, whenever it existed; those that exist today; those that
#: ceased on REORGANISED.
DEPARTMENTS = ("SGDDT", "SKHCN", "SYT", "SVHTTDL", "SLDTBXH", "STNMT", "SNV", "SNNMT")
CURRENT = ("SGDDT", "SKHCN", "SYT", "SVHTTDL", "SNV", "SNNMT")
DISSOLVED = ("SLDTBXH", "STNMT")
OFFICE_BEFORE, OFFICE_NOW = "BTGTU", "BTGDVTU"
CITY = "Thành phố Kon Tum"
#: Kon Tum's districts before the 2025 reorganisation.
DISTRICTS = {
    CITY,
    "Kon Plông",
    "Kon Rẫy",
    "Đăk Hà",
    "Đăk Tô",
    "Tu Mơ Rông",
    "Ngọc Hồi",
    "Đăk Glei",
    "Sa Thầy",
    "Ia H'Drai",
}

#: Things that did not exist before a day: no text dated earlier may mention them.
FIRSTS = (
    ("Covid", date(2020, 1, 23)),  # the first cases in Vietnam
    ("Chương trình giáo dục phổ thông 2018", date(2018, 12, 26)),
    ("lựa chọn sách giáo khoa", date(2020, 1, 1)),
    ("sách giáo khoa lớp", date(2020, 1, 1)),
    ("Nghị định số 09/2019/NĐ-CP", date(2019, 1, 24)),
    ("ngày 25-10-2017", date(2017, 10, 25)),  # Nghị quyết 20-NQ/TW and 21-NQ/TW
    ("Luật Đất đai năm 2024", date(2024, 1, 18)),
    ("Nghị quyết số 42/NQ-CP", date(2020, 4, 9)),
    ("Nghị quyết số 68/NQ-CP", date(2021, 7, 1)),
    ("Ngày Sách và Văn hóa đọc", date(2021, 11, 4)),
    ("OCOP", date(2018, 5, 7)),
    ("TikTok", date(2019, 1, 1)),
    ("thị trấn Măng Đen", date(2019, 9, 1)),
    ("Đại hội XVI Đảng bộ tỉnh", date(2020, 10, 15)),
    ("Nghị quyết Đại hội XIII", date(2021, 2, 1)),
    ("thành công của Cuộc bầu cử đại biểu Quốc hội khóa XV", date(2021, 5, 23)),
    ("Nghị quyết Đại hội XIV", date(2026, 1, 23)),
    ("thành công của Đại hội đại biểu toàn quốc lần thứ XIV", date(2026, 1, 23)),
    ("tem chỉ dẫn địa lý", date(2023, 8, 10)),
    ("Nghị quyết số 57-NQ/TW", date(2024, 12, 22)),
    ("Ban Tuyên giáo và Dân vận", REORGANISED),
    ("Sở Nông nghiệp và Môi trường", REORGANISED),
    ("Nghị quyết số 60-NQ/TW", date(2025, 4, 12)),
    ("chính quyền địa phương hai cấp", date(2025, 4, 12)),
    ("Quảng Ngãi", MERGED),
    ("Nghị quyết số 71-NQ/TW", date(2025, 8, 22)),
    ("Nghị quyết số 72-NQ/TW", date(2025, 9, 9)),
)
#: Things that were over after a day: no text dated later may speak of them as current.
LASTS = (
    ("Nghị quyết Đại hội XII của Đảng", date(2021, 1, 31)),
    ("Ngày Sách Việt Nam", date(2021, 12, 31)),
    ("Luật Đất đai năm 2013", date(2024, 7, 31)),
    ("Ban Tuyên giáo Tỉnh ủy", REORGANISED - timedelta(days=1)),
    ("Báo Kon Tum", MERGED - timedelta(days=1)),
)
#: Words of the district level: nothing written after it ended uses them (reports may quote
#: an older issue's title, so they are not held to it).
DISTRICT_WORDS = ("huyện", "thị trấn", "thành phố Kon Tum", "Thành ủy Kon Tum")
#: Seasonal words and the months they can be written about.
SEASONS = (
    ("Tết Nguyên đán", {12, 1, 2, 3}),
    ("chính trị hè", {5, 6, 7, 8, 9}),
    ("nghỉ hè", {5, 6, 7, 8, 9}),
    ("đầu năm học", {7, 8, 9, 10, 11}),
    ("mùa mưa", {4, 5, 6, 7, 8, 9, 10, 11}),
    ("Tháng hành động vì trẻ em", {5, 6, 7}),
    ("Ngày Sách", {3, 4, 5}),
    ("Ngày Môi trường thế giới", {5, 6, 7}),
    ("cà phê thuê", {9, 10, 11, 12, 1, 2}),
    ("lễ hội đầu xuân", {12, 1, 2, 3}),
)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _utc(moment: datetime) -> datetime:
    """A comparable UTC instant (SQLite gives naive UTC back, PostgreSQL aware values)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _all(model, *load) -> list:
    """Every row of ``model``, with the relationships in ``load`` fetched in one go."""
    stmt = sa.select(model).order_by(model.id)
    if load:
        stmt = stmt.options(*(sa.orm.selectinload(r) for r in load))
    return list(db.session.scalars(stmt))


def _agencies() -> dict[str, Agency]:
    return {a.code: a for a in _all(Agency)}


def _months(report: Report) -> set[int]:
    """The months of the year a report is about."""
    if report.kind == ReportKind.MONTHLY:
        return {int(report.period[5:7])}
    if report.kind == ReportKind.QUARTERLY:
        quarter = int(report.period[6])
        return {3 * quarter - 2, 3 * quarter - 1, 3 * quarter}
    if report.kind == ReportKind.SIX_MONTH:
        return set(range(1, 7))
    if report.kind == ReportKind.AD_HOC:
        return {report.period_start.month, report.period_end.month}
    return set(range(1, 13))


def _next_months(report: Report) -> set[int]:
    """The months of the period after the report's (its "tasks for the next period")."""
    if report.kind == ReportKind.MONTHLY:
        return {int(report.period[5:7]) % 12 + 1}
    if report.kind == ReportKind.QUARTERLY:
        quarter = int(report.period[6]) % 4 + 1
        return {3 * quarter - 2, 3 * quarter - 1, 3 * quarter}
    if report.kind == ReportKind.SIX_MONTH:
        return set(range(7, 13))
    if report.kind == ReportKind.AD_HOC:
        return _months(report)
    return set(range(1, 13))


def _dated_texts():
    """Every text of the demo with the date of the record it is in, and the months it is
    about (None for texts that are not about a season)."""
    for agreement in _all(Agreement):
        day = agreement.signed_on or TODAY
        yield "agreement", day, None, agreement.title
        # The Office's note on a replaced programme is written when its successor is signed.
        noted = agreement.replaced_by.signed_on if agreement.replaced_by else day
        yield "agreement", noted, None, agreement.summary
        for party in agreement.parties:
            yield "signatory", day, None, party.signatory
    for commitment in _all(Commitment):
        day = commitment.agreement.signed_on or TODAY
        yield "commitment", day, None, f"{commitment.title} {commitment.description}"
    for update in _all(CommitmentUpdate):
        yield "update", update.recorded_on, {update.recorded_on.month}, update.note
    for report in _all(Report, Report.versions):
        months = _months(report)
        texts = [report.title, report.situation, report.results, report.emerging_issues]
        texts += list(report.commitment_notes.values())
        for version in report.versions:
            texts += [version.situation, version.results, version.emerging_issues]
            texts += list(version.commitment_notes.values())
            texts.append(version.review_comment or "")
        for text in texts:
            yield "report", report.period_end, months, text
        for text in (report.next_tasks, *(v.next_tasks for v in report.versions)):
            yield "report tasks", report.period_end, months | _next_months(report), text
        yield "report proposals", report.period_end, None, report.proposals
    for issue in _all(Issue):
        texts = (issue.title, issue.summary, issue.source_outlet, issue.dismissed_reason or "")
        for text in texts:
            yield "issue", issue.first_seen_on, {issue.first_seen_on.month}, text
    for event in _all(IssueEvent):
        yield "issue event", calendar.local_date(event.created_at), None, event.comment
    for document in _all(BlocDocument):
        yield "document", document.issued_on, None, f"{document.title} {document.summary}"


def _check_nothing_before_or_after_its_time() -> None:
    wrong = []
    for where, day, months, text in _dated_texts():
        for words, first in FIRSTS:
            if words in text and day < first:
                wrong.append((where, day, words, text[:120]))
        for words, last in LASTS:
            if words in text and day > last:
                wrong.append((where, day, words, text[:120]))
        if day >= MERGED and not where.startswith("report"):
            for words in DISTRICT_WORDS:
                if re.search(rf"\b{words}\b", text):
                    wrong.append((where, day, words, text[:120]))
        if months is None:
            continue
        for words, season in SEASONS:
            if words.lower() in text.lower() and not months & season:
                wrong.append((where, day, sorted(months), words, text[:120]))
    assert not wrong, wrong[:10]


def _check_progress_updates(today: date) -> None:
    """Every update lies in [signed, today), counts up to the commitment's progress, and says
    nothing about a report that had not been sent by its date."""
    agencies = {a.id: a for a in _all(Agency)}
    reports = {(r.agency_id, r.kind, r.period): r for r in _all(Report)}
    named = re.compile(
        r"Đã gửi báo cáo (tháng (\d\d)/(\d{4})|quý (I|II|III|IV)/(\d{4})|năm (\d{4}))"
    )
    checked = 0
    for commitment in _all(Commitment, Commitment.agreement, Commitment.updates):
        agreement = commitment.agreement
        assert commitment.responsible_agency in agreement.agencies, commitment.title
        if commitment.status_on(today) == CommitmentStatus.DONE:
            assert commitment.progress == 100
        if commitment.status_on(today) == CommitmentStatus.OVERDUE:
            assert commitment.due_date < today
        if commitment.status_on(today) == CommitmentStatus.NOT_STARTED:
            assert commitment.progress == 0 and not commitment.updates
        if commitment.progress > 0 and commitment.status_on(today) != CommitmentStatus.CANCELLED:
            assert commitment.updates, commitment.title
        ceased = commitment.responsible_agency.dissolved_on
        if ceased is not None and ceased <= today and agreement.term.end_date >= ceased:
            # A body that ceased left its programme to its successors: what was not done
            # was cancelled by the Office, saying so.
            status = commitment.status_on(today)
            assert status in (CommitmentStatus.DONE, CommitmentStatus.CANCELLED), commitment.title
            if status == CommitmentStatus.CANCELLED:
                assert "kết thúc hoạt động" in commitment.cancel_reason
        if not commitment.confirmed:  # a proposal: nothing is recorded on it yet
            assert not commitment.updates and commitment.proposed_by is not None
        if not commitment.updates:
            continue
        # The updates that stand (a corrected one is replaced by its correction) count up.
        corrected = {u.corrects_id for u in commitment.updates if u.corrects_id}
        progress = [u.progress for u in commitment.updates if u.id not in corrected]
        assert progress == sorted(set(progress)) and progress[-1] == commitment.progress
        agency = commitment.responsible_agency
        for update in commitment.updates:
            assert agreement.signed_on <= update.recorded_on < today, commitment.title
            # Nothing is filed for a body after it ceased to exist.
            assert agency.exists_on(update.recorded_on), (agency.code, update.recorded_on)
            assert update.author.agency_id == commitment.responsible_agency_id
            assert update.note
            if commitment.confirmed_at is not None:
                assert calendar.local_date(commitment.confirmed_at) <= update.recorded_on
            if update.corrects is not None:
                wrong = update.corrects
                assert wrong.commitment_id == commitment.id
                assert wrong.recorded_on <= update.recorded_on
                assert update.note.startswith(
                    f"Đính chính cập nhật ngày {wrong.recorded_on:%d/%m/%Y}"
                )
            match = named.search(update.note)
            if match is None:
                continue
            if match.group(2):
                kind, label = ReportKind.MONTHLY, f"{match.group(3)}-{match.group(2)}"
            elif match.group(4):
                kind, label = ReportKind.QUARTERLY, f"{match.group(5)}-Q{ROMAN[match.group(4)]}"
            else:
                kind, label = ReportKind.ANNUAL, match.group(6)
            report = reports.get((commitment.responsible_agency_id, kind, label))
            assert report is not None and report.first_submitted_at is not None, update.note
            sent_on = calendar.local_date(report.first_submitted_at)
            assert sent_on <= update.recorded_on, (update.note, update.recorded_on, sent_on)
            assert agencies[report.agency_id] == commitment.responsible_agency
            checked += 1
    assert checked > 0  # the reporting commitments do name their reports


def _check_issue_timelines(today: date) -> None:
    for issue in _all(Issue, Issue.events):
        assert issue.first_seen_on < today
        timeline = sorted(issue.events, key=lambda e: e.id)
        moments = [_utc(e.created_at) for e in timeline]
        assert moments == sorted(moments), issue.title
        assert timeline[0].kind == IssueEventKind.CREATED
        assert calendar.local_date(moments[0]) == issue.first_seen_on
        assert calendar.local_date(moments[-1]) < today
        previous = IssueStatus.NEW
        changes = [e for e in timeline if e.kind == IssueEventKind.STATUS_CHANGED]
        for change in changes:
            assert change.from_status == previous, issue.title
            previous = change.to_status
        assert previous == issue.status, issue.title
        if issue.status in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
            resolved = [e for e in changes if e.to_status == IssueStatus.RESOLVED]
            assert _utc(issue.resolved_at) == _utc(resolved[-1].created_at)
        else:
            assert issue.resolved_at is None
        if issue.status in (IssueStatus.CLOSED, IssueStatus.DISMISSED):
            assert _utc(issue.closed_at) == _utc(changes[-1].created_at)
        else:
            assert issue.closed_at is None
        assert bool(issue.dismissed_reason) == (issue.status == IssueStatus.DISMISSED)
        for event in timeline:
            if event.kind == IssueEventKind.LINKED_REPORT:
                report = db.session.get(Report, event.data["report_id"])
                assert issue in report.issues
                assert _utc(event.created_at) == _utc(report.first_submitted_at)
            if event.kind == IssueEventKind.ASSIGNED:
                assert event.data["assignee_id"] == issue.assignee_id


def _digest() -> str:
    """Everything the demo made, except the moments the services stamp with the clock."""

    def when(value):
        return _utc(value).isoformat() if value else None

    rows: list = []
    rows += [(a.code, a.name_vi, a.primary_field) for a in _all(Agency)]
    rows += [(t.name, t.start_date, t.end_date) for t in _all(Term)]
    rows += [(h.day, h.name) for h in _all(Holiday)]
    rows += [(u.username, u.role, u.agency_id, when(u.created_at)) for u in _all(User)]
    rows += [
        (a.number, a.signed_on, a.status, a.summary, when(a.created_at)) for a in _all(Agreement)
    ]
    rows += [
        (c.agreement.number, c.position, c.title, c.due_date, c.status_on(TODAY), c.progress)
        for c in _all(Commitment)
    ]
    rows += [
        (u.commitment_id, u.recorded_on, u.note, u.progress, u.evidence_url)
        for u in _all(CommitmentUpdate)
    ]
    rows += [
        (r.agency_id, r.kind, r.period, r.title, r.status, r.deadline, when(r.first_submitted_at))
        + tuple(str(getattr(r, name)) for name in SECTION_FIELDS)
        for r in _all(Report)
    ]
    rows += [
        (v.report_id, v.number, v.decision, v.review_comment, when(v.reviewed_at))
        for v in _all(ReportVersion)
    ]
    rows += [
        (i.title, i.summary, i.district, i.commune, i.first_seen_on, i.status, i.source_url)
        for i in _all(Issue)
    ]
    rows += [(e.issue_id, e.kind, when(e.created_at), e.comment) for e in _all(IssueEvent)]
    rows += db.session.execute(
        sa.select(Setting.key, Setting.effective_on, Setting.value).order_by(
            Setting.key, Setting.effective_on
        )
    ).all()
    rows += [
        (s.predecessor_id, s.successor_id, s.effective_on, s.note) for s in _all(AgencySuccession)
    ]
    rows += [(d.number, d.title, d.issued_on, when(d.created_at)) for d in _all(BlocDocument)]
    rows += [
        (a.original_name, a.sha256, a.owner_type, when(a.uploaded_at)) for a in _all(Attachment)
    ]
    rows += [
        (c.id, c.confirmed, c.proposed_by_id, when(c.confirmed_at), c.cancel_reason)
        for c in _all(Commitment)
    ]
    rows += [(u.id, u.corrects_id) for u in _all(CommitmentUpdate)]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


# -- the module's demo, seeded once ---------------------------------------------------------


def _fingerprint() -> tuple:
    """Cheap to compute, and different for another day's or another seed's demo."""
    return (
        db.session.scalar(sa.select(sa.func.count(Report.id))),
        db.session.scalar(sa.select(sa.func.count(CommitmentUpdate.id))),
        db.session.scalar(sa.select(sa.func.count(IssueEvent.id))),
        db.session.scalar(sa.select(sa.func.max(Issue.first_seen_on))),
        db.session.scalar(sa.select(sa.func.max(Issue.title))),
    )


@pytest.fixture(scope="module")
def _kontum(_app):
    """The demo as of TODAY, seeded once; its summary, digest and fingerprint."""
    with _app.app_context():
        _empty_tables()
        summary = demo.seed(today=TODAY)
        db.session.commit()
        seeded = (summary, _digest(), _fingerprint())
        db.session.remove()
    yield seeded
    with _app.app_context():
        _empty_tables()
        db.session.remove()


@pytest.fixture
def kontum(_app, _kontum):
    """An app context on the module's demo (seeded again if another test replaced it)."""
    summary, _, fingerprint = _kontum
    with _app.app_context():
        if _fingerprint() != fingerprint:
            _empty_tables()
            demo.seed(today=TODAY)
            db.session.commit()
        yield summary
        db.session.remove()


def test_reference_data_goes_through_the_administration_services(kontum):
    assert not database.is_empty()
    agencies = _agencies()
    assert sorted(agencies) == sorted(spec.code for spec in AGENCIES)
    assert {c for c, a in agencies.items() if a.is_office} == {OFFICE_BEFORE, OFFICE_NOW}
    assert agencies[OFFICE_BEFORE].name_vi == "Ban Tuyên giáo Tỉnh ủy"
    assert agencies[OFFICE_NOW].name_vi == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    assert agencies["SLDTBXH"].name_vi == "Sở Lao động - Thương binh và Xã hội"
    assert agencies["SNNMT"].name_vi == "Sở Nông nghiệp và Môi trường"
    for code in DEPARTMENTS:
        assert agencies[code].in_bloc and not agencies[code].is_office
        assert agencies[code].level == AgencyLevel.PROVINCE
    assert {c for c, a in agencies.items() if a.in_bloc} == set(DEPARTMENTS)
    assert len({agencies[c].primary_field for c in CURRENT}) == 6
    terms = {t.name: (t.start_date, t.end_date) for t in _all(Term)}
    assert terms == {
        "2017-2021": (date(2017, 1, 1), date(2021, 9, 30)),
        "2021-2025": (date(2021, 10, 1), date(2025, 12, 31)),
        "2026-2030": (date(2026, 1, 1), date(2030, 12, 31)),
    }
    holidays = {h.day for h in _all(Holiday)}
    assert date(2017, 1, 1) in holidays and date(2026, 9, 2) in holidays
    assert max(holidays).year == TODAY.year + 1
    # The names changed with their dates (settings.change_from), and the past reads right.
    before, reorganised = settings.get_all(on=date(2025, 2, 28)), settings.get_all(on=REORGANISED)
    merged_eve, merged = settings.get_all(on=date(2025, 6, 30)), settings.get_all(on=MERGED)
    assert before["office_name"] == "Ban Tuyên giáo Tỉnh ủy"
    assert reorganised["office_name"] == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    assert (merged_eve["province_name"], merged_eve["party_committee_name"]) == (
        "Kon Tum",
        "Tỉnh ủy Kon Tum",
    )
    assert (merged["province_name"], merged["party_committee_name"]) == (
        "Quảng Ngãi",
        "Tỉnh ủy Quảng Ngãi",
    )
    assert settings.get_all(on=date(2017, 1, 1))["province_name"] == "Kon Tum"

    # The services audited what they created, with no actor (as the command line does).
    audit = _all(AuditEvent)
    assert audit and all(e.actor_id is None and not e.actor_username for e in audit)
    assert {e.object_type for e in audit} <= {
        "agency",
        "term",
        "holiday",
        "setting",
        "attachment",
        "bloc_document",
    }
    created = [e.object_type for e in audit if e.action == AuditAction.CREATE]
    assert created.count("agency") == len(AGENCIES) and created.count("term") == 3
    assert "holiday" in created
    assert sum(1 for e in audit if e.detail == "reorganise") == 6
    assert created.count("attachment") == kontum.attachments
    assert created.count("bloc_document") == kontum.documents
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == kontum.attachments
    assert kontum.agencies == len(AGENCIES) and kontum.terms == 3
    assert kontum.holidays == len(holidays)


def test_every_dissolved_agency_has_successors_that_existed_then(kontum):
    agencies = _agencies()
    successions = _all(AgencySuccession)
    successors: dict[str, set[str]] = {}
    for link in successions:
        predecessor, successor = link.predecessor, link.successor
        assert link.effective_on == predecessor.dissolved_on
        assert successor.exists_on(link.effective_on) and successor.dissolved_on is None
        successors.setdefault(predecessor.code, set()).add(successor.code)
    dissolved = {code for code, agency in agencies.items() if agency.dissolved_on is not None}
    assert (
        dissolved == set(successors) == {"BTGTU", "BDVTU", "SLDTBXH", "STNMT", "SNNPTNT", "STTTT"}
    )
    assert all(agencies[code].dissolved_on == REORGANISED for code in dissolved)
    assert successors["BTGTU"] == successors["BDVTU"] == {OFFICE_NOW}
    assert successors["SLDTBXH"] == {"SNV", "SYT", "SGDDT", "SNNMT"}
    assert successors["STNMT"] == successors["SNNPTNT"] == {"SNNMT"}
    assert successors["STTTT"] == {"SKHCN", "SVHTTDL"}
    # Information and Communications joined Science and Technology: a note says so.
    assert any("Khoa học và Công nghệ" in link.note for link in successions)


def test_every_demo_account_logs_in_with_the_shared_password(kontum):
    users = {u.username: u for u in _all(User)}
    assert len(users) == len(demo.DEMO_USERS) == kontum.users
    for username, full_name, role, agency_code in demo.DEMO_USERS:
        user = users[username]
        assert user.full_name == full_name and user.role == role
        assert (user.agency.code if user.agency else None) == agency_code
        assert accounts.authenticate(username, demo.DEMO_PASSWORD).outcome == "ok"
    for code in DEPARTMENTS:
        assert users[code.lower()].role == Role.LIAISON
        assert users[code.lower()].agency.code == code
    # The Office's people belong to the Office that exists today.
    for user in users.values():
        if user.role in (Role.OFFICE, Role.LEADERSHIP):
            assert user.agency.code == OFFICE_NOW and user.agency.dissolved_on is None
    # One hash for every account: hashing is slow.
    assert len({u.password_hash for u in users.values()}) == 1
    assert accounts.authenticate("sgddt", "wrong-password").outcome == "bad_credentials"
    text = kontum.describe()
    assert demo.DEMO_PASSWORD in text
    assert all(username in text for username, *_ in demo.DEMO_USERS)


def test_agreements_bind_their_parties_by_their_dates(kontum):
    agreements = _all(Agreement)
    assert len(agreements) == kontum.agreements
    assert len({(a.term_id, a.number) for a in agreements}) == len(agreements)
    for agreement in agreements:
        lead = [p for p in agreement.parties if p.role == PartyRole.LEAD]
        partners = [p for p in agreement.parties if p.role == PartyRole.PARTNER]
        assert len(lead) == 1 and len(partners) == 1
        office, partner = lead[0].agency, partners[0].agency
        code = partner.code
        assert office.is_office and partner.in_bloc
        assert agreement.number.endswith(f"-CTr/{office.code}-{code}"), agreement.number
        assert agreement.term.name in agreement.title and partner.name_vi in agreement.title
        assert office.name_vi in agreement.title
        term = agreement.term
        if agreement.status == AgreementStatus.DRAFT:
            assert agreement.signed_on is None
            continue
        assert term.contains(agreement.signed_on) and agreement.signed_on < TODAY
        if agreement.status == AgreementStatus.REPLACED:
            successor = agreement.replaced_by
            assert successor.signed_on < TODAY
            (next_partner,) = [p.agency for p in successor.parties if p.role == PartyRole.PARTNER]
            if successor.term_id != agreement.term_id:  # carried over into the next term
                assert successor.term.start_date > term.start_date and next_partner == partner
            else:  # the department ceased: its successor's programme took over
                assert partner.dissolved_on is not None and not next_partner.dissolved_on
                assert next_partner in [s.successor for s in partner.successions]
                assert next_partner.name_vi in agreement.summary
        elif agreement.status == AgreementStatus.EXPIRED:
            assert term.end_date < TODAY
        else:
            assert agreement.status == AgreementStatus.IN_FORCE and term.contains(TODAY)
        for commitment in agreement.commitments:
            assert commitment.responsible_agency.code == code
            assert commitment.field == commitment.responsible_agency.primary_field
            assert commitment.evidence_expected
    # As of TODAY: 2017-2021 carried over into 2021-2025, which has expired (the dissolved
    # departments' taken over in spring 2025); 2026-2030 runs.
    statuses = {(a.term.name, a.status) for a in agreements}
    assert statuses == {
        ("2017-2021", AgreementStatus.REPLACED),
        ("2021-2025", AgreementStatus.REPLACED),
        ("2021-2025", AgreementStatus.EXPIRED),
        ("2026-2030", AgreementStatus.IN_FORCE),
    }
    by_term: dict[str, set[str]] = {}
    for agreement in agreements:
        for party in agreement.parties:
            if party.role == PartyRole.PARTNER:
                by_term.setdefault(agreement.term.name, set()).add(party.agency.code)
    assert by_term["2017-2021"] == set(DEPARTMENTS) - {"SNV", "SNNMT"}
    assert by_term["2021-2025"] == set(DEPARTMENTS)
    assert by_term["2026-2030"] == set(CURRENT)
    numbers = {a.number for a in agreements}
    assert {"20-CTr/BTGDVTU-SNNMT", "21-CTr/BTGDVTU-SNV"} <= numbers
    assert any("29-NQ/TW" in c.title for c in _all(Commitment))
    assert db.session.scalar(sa.select(sa.func.count(Commitment.id))) == kontum.commitments


def test_the_office_of_each_day_signs_and_is_named_by_the_settings_of_that_day(kontum):
    """The Office named by the settings on a date is the body acting as the Office then: the
    lead party of the agreements signed that day, the issuer of the documents of that day."""
    signed = [a for a in _all(Agreement) if a.signed_on is not None]
    assert {a.signed_on < REORGANISED for a in signed} == {True, False}
    for agreement in signed:
        day = agreement.signed_on
        (lead,) = [p.agency for p in agreement.parties if p.role == PartyRole.LEAD]
        assert lead.is_office and lead.exists_on(day)
        assert lead.name_vi == settings.get_all(on=day)["office_name"], agreement.number
        assert lead.code == (OFFICE_NOW if day >= REORGANISED else OFFICE_BEFORE)
        # Only bodies that existed on the day sign: after the reorganisation, the new Office
        # and the departments as they were then.
        assert all(p.agency.exists_on(day) for p in agreement.parties), agreement.number
        assert agreement.parties[0].signatory.endswith(lead.name_vi)
    for document in _all(BlocDocument):
        office = OFFICE_NOW if document.issued_on >= REORGANISED else OFFICE_BEFORE
        assert document.number.endswith(f"/{office}"), document.number


def test_progress_updates_fit_their_commitments_and_dates(kontum):
    _check_progress_updates(TODAY)
    assert db.session.scalar(sa.select(sa.func.count(CommitmentUpdate.id))) == kontum.updates


def test_nothing_is_written_before_its_time_or_out_of_season(kontum):
    _check_nothing_before_or_after_its_time()
    # The checks do see the texts that are bound to dates.
    texts = " ".join(text for _, _, _, text in _dated_texts())
    for words in ("Covid", "Chương trình giáo dục phổ thông 2018", "chính trị hè", "Tết"):
        assert words in texts


def test_reports_are_the_expected_ones_sent_after_their_cut_off(kontum):
    agencies = _agencies()
    rows = compliance.expected_reports(date(2017, 1, 1), TODAY + timedelta(days=62), today=TODAY)
    expected = {(r.agency_id, r.kind, r.period.label): r for r in rows}
    values = settings.get_all()
    holidays, workdays = compliance.calendar_days()
    reports = _all(Report)
    assert len(reports) == kontum.reports
    for report in reports:
        assert report.agency.code in DEPARTMENTS
        if report.kind == ReportKind.AD_HOC:
            continue
        row = expected.get((report.agency_id, report.kind, report.period))
        assert row is not None and row.report.id == report.id, report.title
        period = calendar.parse_period(report.kind, report.period)
        assert (report.period_start, report.period_end) == (period.start, period.end)
        days = settings.deadline_days(report.kind, values)
        assert report.deadline == calendar.deadline_for(period, days, holidays, workdays)
        if report.first_submitted_at is None:
            continue
        sent_on = calendar.local_date(report.first_submitted_at)
        assert period.end < sent_on < TODAY, report.title
        # Nothing is sent for a period whose deadline has not passed: it is still open.
        assert report.deadline < TODAY
        # What the reviewer wrote about timeliness is what the compliance rules say.
        timeliness = row.timeliness
        assert timeliness == calendar.timeliness(report.deadline, report.first_submitted_at, TODAY)
        for version in report.versions:
            comment = version.review_comment or ""
            if "gửi đúng hạn" in comment:
                assert timeliness == Timeliness.ON_TIME, report.title
            if "gửi chậm" in comment:
                assert timeliness == Timeliness.LATE, report.title
    # Every liaison of a department that exists has something to do now: a report due soon
    # or missing.
    for code in CURRENT:
        mine = [r for r in rows if r.agency_id == agencies[code].id]
        assert any(
            r.timeliness in (Timeliness.NOT_DUE, Timeliness.MISSING)
            and r.deadline >= TODAY - timedelta(days=40)
            for r in compliance.open_for(mine)
        ), code


def _check_ceased_bodies(today: date) -> None:
    """A department that ceased to exist owes no report whose cut-off falls on or after that
    day, and it filed nothing from that day: no report, version, update, issue or comment;
    what it had open was closed before."""
    agencies = _agencies()
    rows = compliance.expected_reports(date(2017, 1, 1), today + timedelta(days=62), today=today)
    by_agency: dict[int, list] = {}
    for row in rows:
        by_agency.setdefault(row.agency_id, []).append(row)
    for code in DISSOLVED:
        agency = agencies[code]
        ceased = agency.dissolved_on
        assert ceased == REORGANISED
        mine = by_agency[agency.id]
        assert mine and all(row.period.end < ceased for row in mine), code
        # It reported right up to the end: the last monthly period before it ceased.
        assert max(r.period.end for r in mine if r.kind == ReportKind.MONTHLY) == date(2025, 2, 14)
        for report in _all(Report, Report.versions):
            if report.agency_id != agency.id:
                continue
            assert report.period_end < ceased, report.title
            for moment in (report.created_at, report.first_submitted_at, report.last_submitted_at):
                assert moment is None or calendar.local_date(moment) < ceased, report.title
            for version in report.versions:
                assert calendar.local_date(version.submitted_at) < ceased
        liaison = db.session.scalar(sa.select(User).where(User.agency_id == agency.id))
        for event in _all(IssueEvent):
            if event.actor_id == liaison.id:
                assert calendar.local_date(event.created_at) < ceased, event.comment
        for issue in _all(Issue):
            if issue.responsible_agency_id == agency.id:
                assert issue.first_seen_on < ceased and issue.status not in OPEN_ISSUE_STATUSES
                assert calendar.local_date(issue.updated_at) < ceased, issue.title
        for update in _all(CommitmentUpdate):
            if update.author_id == liaison.id:
                assert update.recorded_on < ceased
    # The successors report from the day they signed their own programmes.
    snv = [r for r in rows if r.agency_id == agencies["SNV"].id]
    assert snv and min(r.period.end for r in snv) > REORGANISED


def test_no_report_is_expected_or_filed_by_a_body_after_it_ceased(kontum):
    _check_ceased_bodies(TODAY)


def test_report_titles_are_titles(kontum):
    words = {
        ReportKind.MONTHLY: r"tháng (0[1-9]|1[0-2])/\d{4}",
        ReportKind.QUARTERLY: r"quý (I|II|III|IV)/\d{4}",
        ReportKind.SIX_MONTH: r"6 tháng đầu năm \d{4}",
        ReportKind.ANNUAL: r"năm \d{4}",
        ReportKind.AD_HOC: r"đột xuất .* về vụ việc: ",
    }
    for report in _all(Report):
        title = report.title
        assert title.startswith("Báo cáo ") and report.agency.name_vi in title, title
        assert re.search(words[report.kind], title), title
        if report.kind != ReportKind.ANNUAL:  # an annual code is the year itself
            assert report.period not in title, title  # never "2025-03", "2025-Q1"
        assert not re.search(r"\d{4}-(\d\d|Q\d|H\d|AH\d+)\b", title), title
        assert not re.search(r"monthly|quarterly|annual|six|ad hoc", title, re.IGNORECASE)
        if report.kind == ReportKind.AD_HOC:
            [issue] = report.issues
            assert issue.title[:100] in title
        else:
            year = report.period[:4]
            assert year in title


def test_report_versions_and_reviews(kontum):
    commitments = {c.id: c for c in _all(Commitment, Commitment.agreement, Commitment.updates)}
    versions = 0
    for report in _all(Report, Report.versions):
        versions += len(report.versions)
        if report.first_submitted_at is None:
            assert report.status == ReportStatus.DRAFT and not report.versions
            continue
        assert [v.number for v in report.versions] == list(range(1, len(report.versions) + 1))
        latest = report.latest_version
        for name in SECTION_FIELDS:
            assert getattr(latest, name) == getattr(report, name), (report.title, name)
        first = report.versions[0]
        assert _utc(first.submitted_at) == _utc(report.first_submitted_at)
        assert _utc(latest.submitted_at) == _utc(report.last_submitted_at)
        assert first.submitted_by.agency_id == report.agency_id
        for earlier, later in zip(report.versions, report.versions[1:], strict=False):
            assert earlier.decision == ReviewDecision.RETURNED and earlier.review_comment
            assert _utc(earlier.reviewed_at) < _utc(later.submitted_at)
        if report.status == ReportStatus.ACCEPTED:
            assert (
                latest.decision == ReviewDecision.ACCEPTED and latest.reviewer.role == Role.OFFICE
            )
            assert _utc(report.accepted_at) == _utc(latest.reviewed_at)
            assert _utc(report.accepted_at) >= _utc(latest.submitted_at)
        elif report.status == ReportStatus.RETURNED:
            assert latest.decision == ReviewDecision.RETURNED
            assert latest.review_comment.startswith(("Đề nghị", "Báo cáo"))
        else:
            assert report.status == ReportStatus.SUBMITTED and latest.decision is None
        for key, text in report.commitment_notes.items():
            commitment = commitments[int(key)]
            assert commitment.responsible_agency_id == report.agency_id and text
            assert commitment.agreement.signed_on <= report.period_end
            # A report speaks of work already recorded on the commitment by its cut-off.
            assert any(u.recorded_on <= report.period_end for u in commitment.updates), text
    assert versions == kontum.versions


def test_ad_hoc_reports_follow_their_issue(kontum):
    ad_hoc = [r for r in _all(Report) if r.kind == ReportKind.AD_HOC]
    assert ad_hoc
    assert len({(r.agency_id, r.period) for r in ad_hoc}) == len(ad_hoc)
    for report in ad_hoc:
        [issue] = report.issues
        assert issue.responsible_agency_id == report.agency_id
        assert report.period.startswith(f"{issue.first_seen_on.year}-AH")
        assert report.period_start == issue.first_seen_on < report.deadline
        assert _utc(report.first_submitted_at) > _utc(issue.created_at)


def test_issues_are_placed_in_real_communes_of_their_district(kontum):
    # The table itself: Kon Tum's ten districts, and the pairs officials know.
    old = [p for p in PLACES if p.district]
    assert {p.district for p in old} == DISTRICTS
    for pair in (
        ("Măng Đen", "Kon Plông"),
        ("Mường Hoong", "Đăk Glei"),
        ("Ngọc Linh", "Đăk Glei"),
        ("Măng Ri", "Tu Mơ Rông"),
        ("Plei Kần", "Ngọc Hồi"),
        ("Mô Rai", "Sa Thầy"),
        ("Ia Tơi", "Ia H'Drai"),
        ("Quyết Thắng", CITY),
    ):
        assert pair in PLACE_PAIRS
    assert ("Măng Đen", "Đăk Glei") not in PLACE_PAIRS
    assert ("Mường Hoong", "Kon Plông") not in PLACE_PAIRS
    # From 1 July 2025: the former Kon Tum's 3 wards and 37 communes, with no district; every
    # old commune joined one of them.
    new = [p for p in PLACES if not p.district]
    assert len(new) == len(NEW_COMMUNES) == 40
    assert sum(1 for p in new if p.kind == "phường") == 3
    assert {"Kon Tum", "Đăk Cấm", "Đăk Bla", "Măng Đen", "Măng Bút", "Kon Braih"} <= NEW_COMMUNES
    assert {"Ngọc Linh", "Ia Tơi", "Dục Nông", "Đăk Plô", "Rờ Kơi"} <= NEW_COMMUNES
    assert all(p.when.allows(MERGED) and not p.when.allows(date(2025, 6, 30)) for p in new)
    assert all(not p.when.allows(MERGED) for p in old)
    assert set(BECAME) == {(p.commune, p.district) for p in old}
    assert set(BECAME.values()) == NEW_COMMUNES
    assert BECAME[("Mường Hoong", "Đăk Glei")] == "Ngọc Linh"
    assert BECAME[("Quyết Thắng", CITY)] == "Kon Tum"

    issues = _all(Issue)
    assert len(issues) == kontum.issues
    assert {i.first_seen_on >= MERGED for i in issues} == {True, False}
    ginseng = {"Xốp", "Ngọc Linh", "Đăk Sao", "Măng Ri"}
    for issue in issues:
        text = f"{issue.title} {issue.summary}"
        if issue.first_seen_on >= MERGED:
            # A commune of the two-tier province, and no district anywhere.
            assert issue.district == "" and issue.commune in NEW_COMMUNES, issue.title
            assert "huyện" not in text and "thị trấn" not in text, issue.title
            if "Măng Đen" in text:
                assert issue.commune == "Măng Đen", issue.title
            if "người trồng sâm" in text or "chỉ dẫn địa lý" in text:
                assert issue.commune in ginseng, issue.title
            continue
        assert (issue.commune, issue.district) in PLACE_PAIRS, (issue.commune, issue.district)
        assert issue.district in DISTRICTS
        for district in DISTRICTS - {CITY}:
            if f"huyện {district}" in text:
                assert district == issue.district, (district, issue.title)
        if "thành phố Kon Tum" in text:
            assert issue.district == CITY, issue.title
        if "Măng Đen" in text:
            assert issue.district == "Kon Plông", issue.title
        if "người trồng sâm" in text or "chỉ dẫn địa lý" in text:
            assert issue.district in ("Đăk Glei", "Tu Mơ Rông"), issue.title
        if issue.commune == "Măng Đen":
            assert issue.first_seen_on >= date(2019, 9, 1)
        if (issue.commune, issue.district) == ("Đăk Long", "Kon Plông"):
            assert issue.first_seen_on < date(2019, 9, 1)


def test_issues_and_their_timelines(kontum):
    issues = _all(Issue)
    assert {i.status for i in issues} == set(IssueStatus)
    assert {i.sensitivity for i in issues} == set(Sensitivity)
    assert {i.source for i in issues} == set(IssueSource)
    for issue in issues:
        assert issue.title and issue.summary
        responsible = issue.responsible_agency
        assert responsible.primary_field == issue.field
        assert responsible.exists_on(issue.first_seen_on), (responsible.code, issue.title)
        office = OFFICE_NOW if issue.first_seen_on >= REORGANISED else OFFICE_BEFORE
        assert issue.reporting_agency.code in (office, responsible.code)
        # The work followed the reorganisation: labour to Home Affairs (children to Health,
        # vocational training to Education), the environment to Agriculture and Environment.
        if issue.first_seen_on >= REORGANISED:
            assert responsible.code in CURRENT
            if "bạo hành trẻ em" in issue.title or "đuối nước" in issue.title:
                assert responsible.code == "SYT", issue.title
            if "lao động" in issue.title and "Covid" not in issue.title:
                assert responsible.code == "SNV", issue.title
        else:
            assert responsible.code not in ("SNV", "SNNMT")
        if issue.source == IssueSource.PRESS:
            assert issue.source_url.startswith("https://") and issue.source_outlet
        if issue.status != IssueStatus.NEW:
            assert issue.assignee is not None and issue.assignee.role == Role.OFFICE
    _check_issue_timelines(TODAY)
    assert db.session.scalar(sa.select(sa.func.count(IssueEvent.id))) == kontum.events


def test_issues_have_deadlines_escalations_and_the_clauses_they_bear_on(kontum):
    days = {s: settings.response_days(s) for s in Sensitivity}
    assert days == {
        Sensitivity.LOW: 15,
        Sensitivity.MEDIUM: 10,
        Sensitivity.HIGH: 5,
        Sensitivity.CRITICAL: 2,
    }
    issues = _all(Issue, Issue.events)
    for issue in issues:
        assert issue.response_due_on == issue.first_seen_on + timedelta(
            days=days[issue.sensitivity]
        )
        escalations = [e for e in issue.events if e.kind == IssueEventKind.ESCALATED]
        if issue.escalated_at is None:
            assert not escalations, issue.title
        else:
            # Only the most sensitive are raised, once, by the Office, once it took them up.
            assert issue.sensitivity in (Sensitivity.HIGH, Sensitivity.CRITICAL)
            assert len(escalations) == 1 and escalations[0].comment
            assert _utc(escalations[0].created_at) == _utc(issue.escalated_at)
            assert issue.escalated_by.role == Role.OFFICE
        if issue.commitment_id is not None:
            clause = db.session.get(Commitment, issue.commitment_id)
            assert clause.agreement_id == issue.agreement_id
            assert clause.responsible_agency_id == issue.responsible_agency_id
            assert clause.field == issue.field
            term = clause.agreement.term
            assert term.start_date <= issue.first_seen_on
    escalated = [i for i in issues if i.escalated_at is not None]
    assert any(i.status in OPEN_ISSUE_STATUSES for i in escalated)
    assert len([i for i in issues if i.commitment_id is not None]) >= 30


def test_every_attached_file_is_there_and_is_what_its_record_says(kontum):
    files = _all(Attachment)
    assert len(files) == kontum.attachments
    for attachment in files:
        path = attachments.path_of(attachment)
        data = path.read_bytes()
        assert len(data) == attachment.size, attachment.original_name
        assert hashlib.sha256(data).hexdigest() == attachment.sha256, attachment.original_name
        # Accepted by the same content check as an upload, under its own name.
        name, kind = attachments.check(attachment.original_name, data)
        assert kind.content_type == attachment.content_type == "application/pdf"
        # A Vietnamese font is embedded (TrueType), so every letter comes out as typed.
        assert b"/FontFile2" in data and b"/Helvetica" not in data, attachment.original_name
        assert calendar.local_date(attachment.uploaded_at) < TODAY
        assert attachment.uploaded_by_id is not None


def test_signed_agreements_have_their_scan_and_documents_their_file(kontum):
    font = pdf.font()
    for agreement in _all(Agreement, Agreement.attachments):
        scans = agreement.attachments
        if agreement.signed_on is None or not font:
            assert not scans, agreement.number
            continue
        (scan,) = scans
        assert scan.original_name.startswith(agreement.number.replace("/", "-"))
        assert calendar.local_date(scan.uploaded_at) >= agreement.signed_on
        assert attachments.path_of(scan).read_bytes().startswith(b"%PDF-")
    documents = _all(BlocDocument, BlocDocument.attachments)
    assert 6 <= len(documents) == kontum.documents <= 10
    assert {d.kind for d in documents} == {DocumentKind.GUIDANCE, DocumentKind.PLAN}
    assert len({d.issued_on.year for d in documents}) >= 6
    for document in documents:
        assert document.issued_on < TODAY and document.posted_by.role == Role.OFFICE
        assert calendar.local_date(document.created_at) >= document.issued_on
        code = "HD" if document.kind == DocumentKind.GUIDANCE else "KH"
        assert re.fullmatch(rf"\d{{2,3}}-{code}/BTG(DV)?TU", document.number), document.number
        assert len(document.attachments) == (1 if font else 0), document.number


def test_liaisons_propose_and_the_office_confirms(kontum):
    commitments = _all(Commitment, Commitment.updates, Commitment.agreement)
    proposed = [c for c in commitments if c.proposed_by is not None]
    waiting = [c for c in proposed if not c.confirmed]
    confirmed = [c for c in proposed if c.confirmed]
    assert waiting and confirmed
    for commitment in proposed:
        liaison = commitment.proposed_by
        assert liaison.role == Role.LIAISON
        assert liaison.agency_id == commitment.responsible_agency_id
        assert commitment.agreement.status == AgreementStatus.IN_FORCE
        assert commitment.agreement.term.contains(TODAY)
        assert commitment.agreement.signed_on < calendar.local_date(commitment.created_at) < TODAY
        assert commitment.position > max(
            c.position for c in commitment.agreement.commitments if c.proposed_by is None
        )
    for commitment in waiting:
        liaison = commitment.proposed_by
        assert commitment.confirmed_at is None and commitment.confirmed_by is None
        assert not commitment.updates
        # Its liaison may still edit it, and may not report on it until it is confirmed.
        assert can_file(liaison) and can_edit_commitment(liaison, commitment)
        assert not can_update_commitment(liaison, commitment)
    for commitment in confirmed:
        assert commitment.confirmed_by.role == Role.OFFICE
        assert _utc(commitment.confirmed_at) > _utc(commitment.created_at)
        assert not can_edit_commitment(commitment.proposed_by, commitment)


def test_updates_count_several_things_cite_evidence_and_are_corrected_not_edited(kontum):
    updates = _all(CommitmentUpdate, CommitmentUpdate.figures, CommitmentUpdate.attachments)
    assert any(len(u.figures) >= 2 for u in updates)
    assert len({f.metric for u in updates for f in u.figures}) >= 5
    assert any(u.evidence_url for u in updates) and any(u.attachments for u in updates)
    corrections = [u for u in updates if u.corrects_id is not None]
    assert 1 <= len(corrections) <= 2
    for correction in corrections:
        wrong = correction.corrects
        assert correction.commitment_id == wrong.commitment_id
        assert correction.author_id == wrong.author_id
        assert [(f.metric, f.value) for f in correction.figures] != [
            (f.metric, f.value) for f in wrong.figures
        ]
        assert "đã nhập nhầm" in correction.note
        # The commitment follows the correction.
        assert correction.commitment.progress == correction.progress
    for update in updates:
        if update.attachments:
            assert update.recorded_on >= REORGANISED and update.figures


def test_only_the_command_line_imports_the_demo():
    root = Path(__file__).resolve().parent.parent / "tracker"
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith("demo/") or relative == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            assert not any(n == "tracker.demo" or n.startswith("tracker.demo.") for n in names), (
                relative
            )
    assert not (root / "services" / "demo.py").exists()


# -- tests that seed their own database --------------------------------------------------------


def test_the_same_seed_gives_the_same_demo(app, _kontum):
    _, digest, _ = _kontum
    demo.seed(today=TODAY)
    db.session.commit()
    assert _digest() == digest
    _empty_tables()
    demo.seed(today=TODAY, rng_seed=2018)
    db.session.commit()
    assert _digest() != digest


def test_another_day_gives_a_demo_up_to_that_day(app):
    demo.seed(today=OTHER_DAY)
    db.session.commit()
    assert max(i.first_seen_on for i in _all(Issue)) < OTHER_DAY
    for agreement in _all(Agreement):
        (partner,) = [p.agency for p in agreement.parties if p.role == PartyRole.PARTNER]
        if agreement.term.name == "2026-2030":  # drafted with the departments of 2025
            assert agreement.status == AgreementStatus.DRAFT and agreement.signed_on is None
            assert partner.code in CURRENT
        elif agreement.term.name == "2021-2025":
            expected = AgreementStatus.REPLACED if partner.code in DISSOLVED else None
            assert agreement.status == (expected or AgreementStatus.IN_FORCE), agreement.number
    # The names of that day: the Office renamed, the province not merged yet.
    values = settings.get_all(on=OTHER_DAY)
    assert values["office_name"] == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    assert values["province_name"] == "Kon Tum"
    assert not db.session.scalars(sa.select(Setting).where(Setting.effective_on > OTHER_DAY)).all()
    assert all(i.district for i in _all(Issue))
    for report in _all(Report):
        if report.first_submitted_at is not None:
            assert calendar.local_date(report.first_submitted_at) < OTHER_DAY
    _check_progress_updates(OTHER_DAY)
    _check_issue_timelines(OTHER_DAY)
    _check_ceased_bodies(OTHER_DAY)


def test_cli_seed_demo(app, runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert demo.DEMO_PASSWORD in result.output
    for username, *_ in demo.DEMO_USERS:
        assert username in result.output
    assert db.session.scalar(sa.select(sa.func.count(Agency.id))) == len(AGENCIES)
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code != 0 and "already has data" in again.output
    assert db.session.scalar(sa.select(sa.func.count(Agency.id))) == len(AGENCIES)


def test_cli_seed_demo_refuses_a_database_with_anything_in_it(app, runner):
    db.session.add(Setting(key="province_name", value="Điện Biên"))
    db.session.commit()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "already has data" in result.output
    assert db.session.scalar(sa.select(sa.func.count(Agency.id))) == 0


def test_cli_seed_demo_refused_in_production(app, runner):
    app.config["DEMO_ALLOWED"] = False
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "production" in result.output
    assert database.is_empty()


def _count(sql: str, **params) -> int:
    return db.session.execute(sa.text(sql), params).scalar()


def _figure(value: int) -> str:
    """A figure that links nowhere."""
    return f'<div class="figure-value">{value}</div>'


def test_every_demo_user_lands_on_a_home_page_with_real_figures(app, client):
    """The promise of `make run`: each demo account logs in with the README's password and
    sees its own home page, in Vietnamese, with figures that match the database."""
    demo.seed()  # today's date, as the home pages use
    db.session.commit()
    today = calendar.today_local()
    open_statuses = ", ".join(f"'{s.value}'" for s in OPEN_ISSUE_STATUSES)
    for username, full_name, role, code in demo.DEMO_USERS:
        response = client.post(
            "/login", data={"username": username, "password": demo.DEMO_PASSWORD}
        )
        assert response.status_code == 302, username
        home = client.get("/")
        assert home.status_code == 200, username
        html = home.get_data(as_text=True)
        assert '<html lang="vi">' in html and full_name in html, username
        if role == Role.LIAISON:
            agency = db.session.scalar(sa.select(Agency).where(Agency.code == code))
            assert agency.name_vi in html and "Sắp đến hạn" in html
            # Its open issues, and those of the bodies it succeeded.
            own = {agency.id} | agency_service.predecessors_of(agency.id)
            mine = sum(
                1
                for i in _all(Issue)
                if i.status in OPEN_ISSUE_STATUSES
                and {i.reporting_agency_id, i.responsible_agency_id} & own
            )
            assert figure_linking_to(html, "/issues?open=1") == str(mine), username
            # Its own commitments of the running term are listed, no one else's; a body that
            # ceased to exist has none, and its liaison files nothing.
            titles = db.session.scalars(
                sa.select(Commitment.title)
                .join(Agreement, Commitment.agreement_id == Agreement.id)
                .join(Term, Agreement.term_id == Term.id)
                .where(Term.start_date <= today, Term.end_date >= today)
                .where(Commitment.responsible_agency_id == agency.id)
            ).all()
            if agency.dissolved_on is not None:
                assert not titles and not agency.can_file, username
            else:
                assert titles and titles[0] in html and agency.can_file, username
        elif role == Role.OFFICE:
            assert "Công việc cần xử lý của Ban" in html
            waiting = _count("SELECT count(*) FROM report WHERE status = 'submitted'")
            assert waiting > 0
            assert figure_linking_to(html, "/reports?status=submitted") == str(waiting)
            unassigned = _count(
                f"SELECT count(*) FROM issue WHERE status IN ({open_statuses})"
                " AND assignee_id IS NULL"
            )
            assert figure_linking_to(html, "/issues?open=1&unassigned=1") == str(unassigned)
            # Overdue responses are unmissable: most open demo issues are past their deadline.
            overdue = _count(
                f"SELECT count(*) FROM issue WHERE status IN ({open_statuses})"
                " AND response_due_on < :today",
                today=today,
            )
            assert overdue > 0
            assert figure_linking_to(html, "/issues?overdue=1") == str(overdue)
        elif role == Role.LEADERSHIP:
            assert "Tổng quan chương trình phối hợp" in html
            high = _count(
                f"SELECT count(*) FROM issue WHERE status IN ({open_statuses})"
                " AND sensitivity IN ('high', 'critical')"
            )
            assert figure_linking_to(html, "/issues?open=1&high=1") == str(high)
            escalated = _count(
                f"SELECT count(*) FROM issue WHERE status IN ({open_statuses})"
                " AND escalated_at IS NOT NULL"
            )
            assert escalated > 0
            assert figure_linking_to(html, "/issues?open=1&escalated=1") == str(escalated)
        else:
            assert "Ngày nghỉ lễ trong năm" in html
            holidays = _count(
                "SELECT count(*) FROM holiday WHERE day BETWEEN :a AND :b",
                a=date(today.year, 1, 1),
                b=date(today.year, 12, 31),
            )
            assert holidays > 0 and _figure(holidays) in html
            active = _count("SELECT count(*) FROM agency WHERE active")
            assert figure_linking_to(html, "/admin/agencies?active=1") == str(active)
        assert client.post("/logout").status_code == 302
    _dissolved_and_successor_journeys(client)


def _dissolved_and_successor_journeys(client) -> None:
    """sldtbxh (Labour, dissolved on 01/03/2025) still logs in and reads its programmes, and
    is refused a progress update; snv (Home Affairs) sees that history as its own and files
    on its own programme; snnmt may still edit the proposal the Office has not confirmed."""
    agencies = _agencies()
    old = next(
        a
        for a in _all(Agreement)
        if a.term.name == "2021-2025" and agencies["SLDTBXH"] in a.agencies
    )
    commitment = old.commitments[0]

    def log_in(username: str) -> User:
        response = client.post(
            "/login", data={"username": username, "password": demo.DEMO_PASSWORD}
        )
        assert response.status_code == 302, username
        return db.session.scalar(sa.select(User).where(User.username == username))

    user = log_in("sldtbxh")
    assert not can_file(user) and user.agency.dissolved_on == REORGANISED
    assert old.number in client.get("/agreements").get_data(as_text=True)
    assert client.get(f"/agreements/{old.id}").status_code == 200
    assert client.get(f"/commitments/{commitment.id}").status_code == 200
    assert client.get(f"/commitments/{commitment.id}/updates/new").status_code == 403
    assert client.post("/logout").status_code == 302

    user = log_in("snv")
    assert can_file(user)
    assert old.number in client.get("/agreements").get_data(as_text=True)
    assert client.get(f"/agreements/{old.id}").status_code == 200
    assert client.post("/logout").status_code == 302

    user = log_in("snnmt")
    waiting = db.session.scalars(
        sa.select(Commitment).where(
            Commitment.proposed_by_id == user.id, Commitment.confirmed.is_(False)
        )
    ).all()
    assert waiting
    for proposal in waiting:
        assert client.get(f"/commitments/{proposal.id}/edit").status_code == 200
    assert client.post("/logout").status_code == 302
