"""The national-scale data set (``flask seed-demo --large``, issue 12): the Kon Tum demo, then
other provinces' departments and commune-level units bound by agreements in all three terms,
every report they were expected to send since 2017, thousands of commitments with their
progress, tens of thousands of flagged issues with their timelines, and more accounts.

It exists to measure the pages at the size of a national roll-out (``make bench``), so its
texts are plain and repetitive; what matters is that the figures hang together the way the
app's rules say: reports are exactly those ``compliance.expected_reports`` expects, each first
sent on time, late or not at all; a commitment's progress is its latest update's; an issue's
status is where its timeline ends. Rows go in with bulk inserts (lists of dicts, one statement
per batch), never one ORM object at a time. Everything is drawn from ``ctx.rng``.

``scale`` shrinks every count (the tests use a small one); 1.0 gives the issue's numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from tracker.demo.content.agencies import TERMS
from tracker.demo.context import Context, utc
from tracker.enums import (
    OPEN_ISSUE_STATUSES,
    AgencyLevel,
    AgreementStatus,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    PartyRole,
    Recurrence,
    ReportEventKind,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Role,
    Sector,
    Sensitivity,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    AgreementParty,
    Commitment,
    CommitmentUpdate,
    Issue,
    IssueEvent,
    Report,
    ReportEvent,
    ReportVersion,
    Term,
    User,
)
from tracker.services import calendar, compliance
from tracker.text import normalise

#: The issue's totals (the Kon Tum demo's records count towards them).
AGENCIES = 60
COMMITMENTS = 3_000
UPDATES = 15_000
ISSUES = 20_000
EVENTS = 100_000
USERS = 200
#: Rows per INSERT statement.
BATCH = 2_000

PROVINCES = (
    ("GL", "Gia Lai"),
    ("DL", "Đắk Lắk"),
    ("LD", "Lâm Đồng"),
    ("KH", "Khánh Hòa"),
    ("DN", "Đà Nẵng"),
    ("HUE", "Huế"),
    ("QT", "Quảng Trị"),
    ("NA", "Nghệ An"),
    ("TH", "Thanh Hóa"),
)
DEPARTMENTS = (
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Department of Education and Training", Sector.EDUCATION),
    ("SYT", "Sở Y tế", "Department of Health", Sector.HEALTH),
    ("SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology", Sector.SCIENCE),
)
COMMUNES = (
    "Măng Đen",
    "Đăk Tô",
    "Ngọc Hồi",
    "Đăk Hà",
    "Kon Plông",
    "Sa Thầy",
    "Đăk Glei",
    "Tu Mơ Rông",
    "Kon Rẫy",
    "Ia H'Drai",
    "Bờ Y",
    "Đăk Rve",
    "Ngọk Bay",
    "Ia Chim",
    "Đăk Mar",
    "Rờ Kơi",
    "Xốp",
    "Ngọc Linh",
    "Đăk Pék",
    "Măng Bút",
)
TOPICS = (
    "Phụ huynh phản ánh khoản thu đầu năm học",
    "Dư luận quan tâm việc tuyển dụng giáo viên",
    "Người dân phản ánh tình trạng thiếu thuốc tại trạm y tế",
    "Thông tin sai lệch về vắc xin lan truyền trên mạng xã hội",
    "Phản ánh về chất lượng bữa ăn bán trú",
    "Tranh chấp đất rẫy giữa các hộ dân",
    "Dư luận về việc sáp nhập điểm trường",
    "Phản ánh ô nhiễm nguồn nước sinh hoạt",
    "Lễ hội truyền thống tổ chức chưa đúng quy định",
    "Phản ánh chậm chi trả chế độ cho người có công",
    "Đề tài khoa học chậm nghiệm thu",
    "Học sinh bỏ học đi làm thuê",
)
OUTLETS = ("Báo Tuổi Trẻ", "Báo Thanh Niên", "VnExpress", "Facebook", "Zalo", "TikTok")
COMMITMENT_TITLES = (
    "Tuyên truyền nghị quyết của Đảng trong cán bộ, đảng viên",
    "Tổ chức lớp bồi dưỡng lý luận chính trị",
    "Nắm bắt tình hình tư tưởng, dư luận xã hội",
    "Phối hợp tổ chức hội thi tìm hiểu pháp luật",
    "Đưa tin, bài về các phong trào thi đua",
    "Tổ chức sinh hoạt chính trị hè",
    "Báo cáo kết quả thực hiện chương trình phối hợp",
)
SECTIONS = {
    "situation": "Tình hình tư tưởng cán bộ, đảng viên ổn định; dư luận xã hội tập trung vào "
    "các vấn đề dân sinh tại địa phương.",
    "results": "Hoàn thành các nội dung phối hợp theo kế hoạch; tổ chức tuyên truyền đến cơ sở.",
    "next_tasks": "Tiếp tục triển khai các nội dung phối hợp trong kỳ tới.",
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass
class National:
    """What the national steps made, for the next steps."""

    agency_ids: list[int]
    liaisons: dict[int, list[int]]
    office_user_ids: list[int]
    agreements: list[dict]


def seed_national(ctx: Context, scale: float = 1.0) -> None:
    """Add the national data to the Kon Tum demo in ``ctx`` (already flushed)."""
    db.session.flush()
    national = _agencies_and_people(ctx, scale)
    _agreements(ctx, national)
    _reports(ctx, national)
    _commitments(ctx, national, scale)
    _issues(ctx, national, scale)
    db.session.expire_all()


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model)) or 0


def _scaled(total: int, model, scale: float, minimum: int = 1) -> int:
    """How many rows to add so that ``model`` holds about ``total * scale`` in all."""
    return max(minimum, round(total * scale) - _count(model))


def _insert(model, rows: list[dict], returning: bool = False) -> list[int]:
    """Insert ``rows`` in batches; with ``returning``, their ids in the order given."""
    ids: list[int] = []
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        if returning:
            stmt = sa.insert(model).returning(model.id, sort_by_parameter_order=True)
            ids += db.session.scalars(stmt, chunk).all()
        else:
            db.session.execute(sa.insert(model), chunk)
    return ids


def _agencies_and_people(ctx: Context, scale: float) -> National:
    rng = ctx.rng
    extra = max(2, round((AGENCIES - len(ctx.agencies)) * scale))
    created = utc(date(TERMS[0].start.year, 1, 3), 9)
    specs: list[tuple[str, str, str, Sector | None, AgencyLevel]] = []
    for prov_code, province in PROVINCES:
        for dept_code, name_vi, name_en, sector in DEPARTMENTS:
            specs.append(
                (
                    f"{dept_code}-{prov_code}",
                    f"{name_vi} tỉnh {province}",
                    f"{name_en}, {province}",
                    sector,
                    AgencyLevel.PROVINCE,
                )
            )
    for commune in COMMUNES:
        code = "UBX-" + normalise(commune).replace(" ", "").replace("'", "").upper()[:14]
        specs.append(
            (
                code,
                f"Ủy ban nhân dân xã {commune}",
                f"{commune} Commune",
                None,
                AgencyLevel.DISTRICT,
            )
        )
    rows = [
        {
            "code": code,
            "name_vi": name_vi,
            "name_en": name_en,
            "level": level,
            "is_office": False,
            "in_bloc": True,
            "primary_field": sector,
            "active": True,
            "created_at": created,
            "updated_at": created,
        }
        for code, name_vi, name_en, sector, level in specs[:extra]
    ]
    agency_ids = _insert(Agency, rows, returning=True)
    ctx.summary.agencies += len(agency_ids)

    # One liaison per new agency first, then the Office's staff and leaders, then more liaisons.
    password_hash = ctx.users["admin"].password_hash
    office_now = next(a for a in ctx.agencies.values() if a.is_office and a.dissolved_on is None)
    wanted = max(len(agency_ids) + 4, _scaled(USERS, User, scale))
    changed = utc(ctx.yesterday, 8)
    users: list[dict] = []
    owners: list[int | None] = []
    office_count = max(2, wanted // 15)
    leader_count = max(1, wanted // 60)
    for n in range(wanted):
        if n < len(agency_ids):
            role, agency_id = Role.LIAISON, agency_ids[n]
        elif n < len(agency_ids) + office_count:
            role, agency_id = Role.OFFICE, office_now.id
        elif n < len(agency_ids) + office_count + leader_count:
            role, agency_id = Role.LEADERSHIP, office_now.id
        else:
            role, agency_id = Role.LIAISON, rng.choice(agency_ids)
        username = f"{role.value}{n + 1:03d}"
        users.append(
            {
                "username": username,
                "full_name": f"Cán bộ {n + 1:03d}",
                "email": f"{username}@national.tracker.example",
                "password_hash": password_hash,
                "role": role,
                "agency_id": agency_id,
                "active": True,
                "locale": "vi",
                "password_changed_at": changed,
                "created_at": created,
                "updated_at": created,
            }
        )
        owners.append(agency_id if role is Role.LIAISON else None)
    user_ids = _insert(User, users, returning=True)
    ctx.summary.users += len(user_ids)
    liaisons: dict[int, list[int]] = {}
    for user_id, agency_id in zip(user_ids, owners, strict=True):
        if agency_id is not None:
            liaisons.setdefault(agency_id, []).append(user_id)
    office_user_ids = [u.id for u in ctx.office_staff] + [
        uid for uid, row in zip(user_ids, users, strict=True) if row["role"] is Role.OFFICE
    ]
    return National(agency_ids, liaisons, office_user_ids, [])


def _agreements(ctx: Context, national: National) -> None:
    """Each new agency signs one programme with the Office of the day in every term begun."""
    rng = ctx.rng
    terms = list(db.session.scalars(sa.select(Term).order_by(Term.start_date)))
    offices = sorted(
        (a for a in ctx.agencies.values() if a.is_office), key=lambda a: a.dissolved_on or date.max
    )
    codes = dict(
        db.session.execute(
            sa.select(Agency.id, Agency.code).where(Agency.id.in_(national.agency_ids))
        ).all()
    )
    rows: list[dict] = []
    parties: list[tuple[int, int]] = []  # (row index, lead id)
    for term_index, term in enumerate(terms):
        if term.start_date > ctx.today:
            continue
        later_begun = any(t.start_date <= ctx.today for t in terms[term_index + 1 :])
        for n, agency_id in enumerate(national.agency_ids):
            signed = ctx.next_working_day(term.start_date + timedelta(days=rng.randint(5, 40)))
            signed = min(signed, ctx.yesterday)
            lead = next(o for o in offices if o.exists_on(signed))
            number = f"{200 + n}-CTr/{lead.code}-{codes[agency_id]}"
            title = f"Chương trình phối hợp giai đoạn {term.name} với {codes[agency_id]}"
            at = utc(signed, 9)
            rows.append(
                {
                    "number": number,
                    "title": title,
                    "term_id": term.id,
                    "signed_on": signed,
                    "status": AgreementStatus.REPLACED if later_begun else AgreementStatus.IN_FORCE,
                    "summary": "",
                    "search_norm": normalise(f"{number} {title}")[:600],
                    "created_by_id": ctx.office_staff[0].id,
                    "created_at": at,
                    "updated_at": at,
                    "_agency": agency_id,
                    "_term": term,
                }
            )
            parties.append((len(rows) - 1, lead.id))
    ids = _insert(Agreement, [_public(r) for r in rows], returning=True)
    for row, agreement_id in zip(rows, ids, strict=True):
        row["id"] = agreement_id
    # Replaced agreements point at their successor (the same agency's next term).
    successor: dict[tuple[int, int], int] = {}
    for row in rows:
        successor[(row["_agency"], row["_term"].id)] = row["id"]
    term_ids = [t.id for t in terms]
    updates = []
    for row in rows:
        if row["status"] is AgreementStatus.REPLACED:
            nxt = term_ids[term_ids.index(row["_term"].id) + 1]
            updates.append({"b_id": row["id"], "b_by": successor[(row["_agency"], nxt)]})
    if updates:
        table = Agreement.__table__
        stmt = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("b_id"))
            .values(replaced_by_id=sa.bindparam("b_by"))
        )
        db.session.execute(stmt, updates)
    party_rows = []
    for index, lead_id in parties:
        row = rows[index]
        party_rows.append({"agreement_id": row["id"], "agency_id": lead_id, "role": PartyRole.LEAD})
        party_rows.append(
            {"agreement_id": row["id"], "agency_id": row["_agency"], "role": PartyRole.PARTNER}
        )
    _insert(AgreementParty, party_rows)
    national.agreements = rows
    ctx.summary.agreements += len(rows)


def _public(row: dict) -> dict:
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _period_words(kind: ReportKind, label: str) -> str:
    if kind is ReportKind.MONTHLY:
        return f"tháng {label[5:7]}/{label[:4]}"
    if kind is ReportKind.QUARTERLY:
        return f"quý {ROMAN[int(label[6])]}/{label[:4]}"
    if kind is ReportKind.SIX_MONTH:
        return f"6 tháng đầu năm {label[:4]}"
    return f"năm {label}"


def _reports(ctx: Context, national: National) -> None:
    """Every report the new agencies were expected to send: most on time, some late, a few
    never sent or left as drafts; the latest waiting for review, some returned and sent
    again."""
    rng = ctx.rng
    names = dict(
        db.session.execute(
            sa.select(Agency.id, Agency.name_vi).where(Agency.id.in_(national.agency_ids))
        ).all()
    )
    expected = compliance.expected_reports(
        TERMS[0].start,
        ctx.today + timedelta(days=62),
        today=ctx.today,
        agency_ids=national.agency_ids,
    )
    reviewers = national.office_user_ids
    rows: list[dict] = []
    plans: list[tuple[datetime | None, str]] = []
    latest: dict[int, int] = {}
    for row in expected:
        period = row.period
        if row.deadline >= ctx.today:
            outcome = "draft" if period.end < ctx.today and rng.random() < 0.5 else "none"
        else:
            roll = rng.random()
            late_possible = (ctx.today - row.deadline).days >= 3
            outcome = (
                "on_time"
                if roll < 0.83 or (roll < 0.94 and not late_possible)
                else "late"
                if roll < 0.94
                else "draft"
                if roll < 0.96
                else "none"
            )
        if outcome == "none":
            continue
        liaison = rng.choice(national.liaisons[row.agency_id])
        first_at: datetime | None = None
        if outcome == "on_time":
            days = ctx.working_days(period.end + timedelta(days=1), row.deadline)
            first_at = ctx.office_time(rng.choice(days or [row.deadline]))
        elif outcome == "late":
            latest_day = min(20, (ctx.today - row.deadline).days - 1)
            day = ctx.next_working_day(row.deadline + timedelta(days=rng.randint(1, latest_day)))
            first_at = ctx.office_time(min(day, ctx.yesterday))
        created = (
            (first_at - timedelta(days=rng.randint(1, 4)))
            if first_at
            else ctx.office_time(min(period.end, ctx.yesterday))
        )
        words = _period_words(period.kind, period.label)
        rows.append(
            {
                "agency_id": row.agency_id,
                "kind": period.kind,
                "period": period.label,
                "period_start": period.start,
                "period_end": period.end,
                "deadline": row.deadline,
                "title": f"Báo cáo kết quả phối hợp {words} của {names[row.agency_id]}",
                "status": ReportStatus.DRAFT,
                "first_submitted_at": first_at,
                "first_submitted_on": calendar.local_date(first_at) if first_at else None,
                "last_submitted_at": first_at,
                "created_by_id": liaison,
                "created_at": created,
                "updated_at": first_at or created,
                **SECTIONS,
            }
        )
        plans.append((first_at, outcome))
        if first_at is not None:
            latest[row.agency_id] = len(rows) - 1
    # Review: accepted a few days after it came, except each agency's latest (waiting) and
    # one in twenty returned then sent again (then accepted, or waiting if recent).
    versions: list[dict] = []
    events: list[tuple[int, dict]] = []
    waiting = set(latest.values())
    for index, (row, (first_at, _outcome)) in enumerate(zip(rows, plans, strict=True)):
        liaison = row["created_by_id"]
        events.append((index, _report_event(ReportEventKind.CREATED, liaison, row["created_at"])))
        if first_at is None:
            continue
        number = 1
        submitted_at = first_at
        if rng.random() < 0.05:
            returned_at = _after(ctx, submitted_at)
            if returned_at is not None:
                reviewer = rng.choice(reviewers)
                versions.append(
                    _version(
                        index,
                        1,
                        submitted_at,
                        liaison,
                        ReviewDecision.RETURNED,
                        returned_at,
                        reviewer,
                        "Đề nghị bổ sung số liệu.",
                    )
                )
                events.append(
                    (index, _report_event(ReportEventKind.SUBMITTED, liaison, submitted_at, 1))
                )
                events.append(
                    (index, _report_event(ReportEventKind.RETURNED, reviewer, returned_at, 1))
                )
                again = _after(ctx, returned_at)
                if again is None:
                    row["status"] = ReportStatus.RETURNED
                    row["updated_at"] = returned_at
                    continue
                number, submitted_at = 2, again
        row["last_submitted_at"] = submitted_at
        events.append(
            (index, _report_event(ReportEventKind.SUBMITTED, liaison, submitted_at, number))
        )
        reviewed_at = None if index in waiting else _after(ctx, submitted_at)
        if reviewed_at is None:
            row["status"] = ReportStatus.SUBMITTED
            row["updated_at"] = submitted_at
            versions.append(_version(index, number, submitted_at, liaison))
            continue
        reviewer = rng.choice(reviewers)
        row["status"] = ReportStatus.ACCEPTED
        row["accepted_at"] = row["updated_at"] = reviewed_at
        versions.append(
            _version(
                index,
                number,
                submitted_at,
                liaison,
                ReviewDecision.ACCEPTED,
                reviewed_at,
                reviewer,
                "",
            )
        )
        events.append(
            (index, _report_event(ReportEventKind.ACCEPTED, reviewer, reviewed_at, number))
        )
    for row in rows:
        row.setdefault("accepted_at", None)
    ids = _insert(Report, rows, returning=True)
    for version in versions:
        version["report_id"] = ids[version.pop("_index")]
    _insert(ReportVersion, versions)
    event_rows = []
    for index, event in events:
        event["report_id"] = ids[index]
        event_rows.append(event)
    _insert(ReportEvent, event_rows)
    ctx.summary.reports += len(rows)
    ctx.summary.versions += len(versions)


def _after(ctx: Context, moment: datetime) -> datetime | None:
    """A working moment 1-5 days after ``moment``, or None if it has not come yet."""
    day = ctx.next_working_day(calendar.local_date(moment) + timedelta(days=ctx.rng.randint(1, 5)))
    out = ctx.office_time(day)
    return out if out <= ctx.cap else None


def _version(
    index,
    number,
    submitted_at,
    author,
    decision=None,
    reviewed_at=None,
    reviewer=None,
    comment=None,
) -> dict:
    return {
        "_index": index,
        "number": number,
        "submitted_at": submitted_at,
        "submitted_by_id": author,
        "decision": decision,
        "reviewed_at": reviewed_at,
        "reviewer_id": reviewer,
        "review_comment": comment,
        **SECTIONS,
    }


def _report_event(kind, actor, at, number=None) -> dict:
    return {
        "kind": kind,
        "actor_id": actor,
        "created_at": at,
        "version_number": number,
        "comment": "",
    }


def _commitments(ctx: Context, national: National, scale: float) -> None:
    """Commitments spread over the new agreements, and progress updates spread over them; a
    commitment's progress and last update are its latest update's."""
    rng = ctx.rng
    agreements = national.agreements
    total = _scaled(COMMITMENTS, Commitment, scale, minimum=len(agreements))
    per = Counter(n % len(agreements) for n in range(total))
    fields = dict(
        db.session.execute(
            sa.select(Agency.id, Agency.primary_field).where(Agency.id.in_(national.agency_ids))
        ).all()
    )
    rows: list[dict] = []
    for index, agreement in enumerate(agreements):
        term: Term = agreement["_term"]
        start = agreement["signed_on"]
        end = term.end_date or date(term.start_date.year + 4, 12, 31)
        agency_id = agreement["_agency"]
        for position in range(1, per[index] + 1):
            title = rng.choice(COMMITMENT_TITLES)
            due = start + timedelta(days=rng.randint(60, max(61, (end - start).days)))
            created = utc(start, 10)
            rows.append(
                {
                    "agreement_id": agreement["id"],
                    "position": position,
                    "responsible_agency_id": agency_id,
                    "field": fields[agency_id] or rng.choice(list(Sector)),
                    "title": title,
                    "description": "",
                    "evidence_expected": "",
                    "due_date": due,
                    "recurrence": rng.choice(list(Recurrence)),
                    "progress": 0,
                    "last_update_on": None,
                    "confirmed": True,
                    "confirmed_at": created,
                    "confirmed_by_id": ctx.office_staff[0].id,
                    "done_at": None,
                    "cancelled_at": None,
                    "cancel_reason": "",
                    "search_norm": normalise(title),
                    "created_at": created,
                    "updated_at": created,
                    "_agency": agency_id,
                    "_start": start,
                    "_end": min(due, ctx.yesterday),
                }
            )
    wanted = _scaled(UPDATES, CommitmentUpdate, scale)
    counts = Counter(rng.randrange(len(rows)) for _ in range(wanted))
    updates: list[tuple[int, dict]] = []
    for index, row in enumerate(rows):
        n = counts[index]
        if n == 0 or row["_end"] <= row["_start"]:
            continue
        span = (row["_end"] - row["_start"]).days
        days = sorted(row["_start"] + timedelta(days=rng.randint(1, span)) for _ in range(n))
        progress = 0
        for day in days:
            progress = min(100, progress + rng.randint(5, 35))
            author = rng.choice(national.liaisons[row["_agency"]])
            updates.append(
                (
                    index,
                    {
                        "author_id": author,
                        "recorded_on": day,
                        "created_at": ctx.office_time(day),
                        "note": f"Đã triển khai, đạt {progress}% kế hoạch.",
                        "progress": progress,
                    },
                )
            )
        row["progress"], row["last_update_on"] = progress, days[-1]
        if progress == 100:
            row["done_at"] = utc(days[-1], 16)
        row["updated_at"] = utc(days[-1], 16)
    for row in rows:
        if row["done_at"] is None and rng.random() < 0.02:
            row["cancelled_at"] = row["updated_at"]
            row["cancel_reason"] = "Nội dung không còn phù hợp sau sắp xếp tổ chức bộ máy."
    ids = _insert(Commitment, [_public(r) for r in rows], returning=True)
    update_rows = []
    for index, update in updates:
        update["commitment_id"] = ids[index]
        update_rows.append(update)
    _insert(CommitmentUpdate, update_rows)
    ctx.summary.commitments += len(rows)
    ctx.summary.updates += len(update_rows)


#: The path an issue takes; it stops at its final status (dismissed leaves after review).
PATH = (
    IssueStatus.NEW,
    IssueStatus.UNDER_REVIEW,
    IssueStatus.BEING_HANDLED,
    IssueStatus.RESOLVED,
    IssueStatus.CLOSED,
)


def _issues(ctx: Context, national: National, scale: float) -> None:
    """Issues flagged since 2017 by the new agencies, the older ones mostly settled; each
    timeline starts with its creation and walks the statuses to where the issue stands,
    with comments and assignments in between."""
    rng = ctx.rng
    total = _scaled(ISSUES, Issue, scale)
    wanted_events = max(total, _scaled(EVENTS, IssueEvent, scale))
    first = TERMS[0].start
    span = (ctx.yesterday - first).days
    agencies = national.agency_ids
    rows: list[dict] = []
    paths: list[list[IssueStatus]] = []
    for _ in range(total):
        seen = first + timedelta(days=rng.randint(0, span))
        age = (ctx.today - seen).days
        reporting = rng.choice(agencies)
        responsible = reporting if rng.random() < 0.7 else rng.choice(agencies)
        settled = rng.random() < min(0.97, age / 120)
        if settled:
            final = rng.choices(
                (IssueStatus.CLOSED, IssueStatus.RESOLVED, IssueStatus.DISMISSED), (6, 2, 1)
            )[0]
        else:
            final = rng.choice(OPEN_ISSUE_STATUSES)
        if final is IssueStatus.DISMISSED:
            path = [IssueStatus.NEW, IssueStatus.UNDER_REVIEW, IssueStatus.DISMISSED]
        else:
            path = list(PATH[: PATH.index(final) + 1])
        title = f"{rng.choice(TOPICS)} tại xã {rng.choice(COMMUNES)}"
        created = ctx.office_time(seen)
        source = rng.choice(list(IssueSource))
        rows.append(
            {
                "title": title,
                "title_norm": normalise(title)[:300],
                "summary": "Thông tin được ghi nhận qua " + rng.choice(OUTLETS) + ".",
                "field": rng.choice(list(Sector)),
                "source": source,
                "source_outlet": rng.choice(OUTLETS)
                if source in (IssueSource.PRESS, IssueSource.SOCIAL_MEDIA)
                else "",
                "source_date": seen,
                "commune": rng.choice(COMMUNES),
                "first_seen_on": seen,
                "sensitivity": rng.choices(list(Sensitivity), (5, 3, 2, 1))[0],
                "reporting_agency_id": reporting,
                "responsible_agency_id": responsible,
                "assignee_id": rng.choice(national.office_user_ids)
                if final is not IssueStatus.NEW
                else None,
                "response_due_on": seen + timedelta(days=rng.choice((7, 15, 30))),
                "status": final,
                "dismissed_reason": "Thông tin không có cơ sở."
                if final is IssueStatus.DISMISSED
                else None,
                "resolved_at": None,
                "closed_at": None,
                "created_by_id": rng.choice(national.liaisons[reporting]),
                "created_at": created,
                "updated_at": created,
            }
        )
        paths.append(path)
    # Each issue's share of the events: its status changes first, comments for the rest.
    extra = Counter(
        rng.randrange(total) for _ in range(max(0, wanted_events - sum(len(p) for p in paths)))
    )
    events: list[tuple[int, dict]] = []
    for index, (row, path) in enumerate(zip(rows, paths, strict=True)):
        count = len(path) + extra[index]
        limit = min(ctx.cap, row["created_at"] + timedelta(days=rng.randint(3, 90)))
        moments = ctx.spread(row["created_at"], max(limit, row["created_at"]), count - 1)
        moments = [row["created_at"], *moments]
        steps = sorted(rng.sample(range(1, count), len(path) - 1)) if len(path) > 1 else []
        status = path[0]
        step_iter = iter(path[1:])
        reporter = row["created_by_id"]
        for position, at in enumerate(moments):
            office = rng.choice(national.office_user_ids)
            if position == 0:
                event = _issue_event(IssueEventKind.CREATED, reporter, at, None, status)
            elif position in steps:
                new = next(step_iter)
                event = _issue_event(IssueEventKind.STATUS_CHANGED, office, at, status, new)
                if new is IssueStatus.RESOLVED:
                    row["resolved_at"] = at
                if new is IssueStatus.CLOSED:
                    row["closed_at"] = at
                status = new
            elif position == 1 and row["assignee_id"] is not None:
                event = _issue_event(IssueEventKind.ASSIGNED, office, at, None, None)
                event["data"] = {"assignee_id": row["assignee_id"]}
            else:
                event = _issue_event(IssueEventKind.COMMENTED, office, at, None, None)
                event["comment"] = "Đã trao đổi với đơn vị, tiếp tục theo dõi."
            events.append((index, event))
        row["updated_at"] = moments[-1]
    ids = _insert(Issue, rows, returning=True)
    event_rows = []
    for index, event in events:
        event["issue_id"] = ids[index]
        event_rows.append(event)
    _insert(IssueEvent, event_rows)
    ctx.summary.issues += len(rows)
    ctx.summary.events += len(event_rows)


def _issue_event(kind, actor, at, from_status, to_status) -> dict[str, Any]:
    return {
        "kind": kind,
        "actor_id": actor,
        "created_at": at,
        "from_status": from_status,
        "to_status": to_status,
        "comment": "",
        "data": {},
    }
