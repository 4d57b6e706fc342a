"""The figures on each role's home page, gathered in one place (templates only lay out)."""

from collections import Counter
from datetime import date, timedelta

import sqlalchemy as sa

from tracker.enums import (
    OPEN_ISSUE_STATUSES,
    CommitmentStatus,
    IssueStatus,
    ReportStatus,
    Role,
    Sensitivity,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    AuditEvent,
    Commitment,
    Holiday,
    Issue,
    Report,
    Term,
    User,
)
from tracker.permissions import issues_visible_to, reports_visible_to
from tracker.services import calendar, compliance

SENSITIVITY_ORDER = sa.case(
    {Sensitivity.CRITICAL: 0, Sensitivity.HIGH: 1, Sensitivity.MEDIUM: 2, Sensitivity.LOW: 3},
    value=Issue.sensitivity,
)


def current_term(today: date) -> Term | None:
    """The term running today or, between terms, the latest one that has started."""
    return db.session.scalar(
        sa.select(Term).where(Term.start_date <= today).order_by(Term.start_date.desc()).limit(1)
    )


def commitment_status_counts(term: Term | None, agency_id: int | None = None) -> dict:
    """Commitments of a term's agreements by status (optionally for one responsible agency)."""
    if term is None:
        return {}
    stmt = (
        sa.select(Commitment.status, sa.func.count())
        .join(Agreement, Commitment.agreement_id == Agreement.id)
        .where(Agreement.term_id == term.id)
        .group_by(Commitment.status)
    )
    if agency_id is not None:
        stmt = stmt.where(Commitment.responsible_agency_id == agency_id)
    counts = dict(db.session.execute(stmt).all())
    return {s: counts.get(s, 0) for s in CommitmentStatus}


def open_issues_query(user) -> sa.Select:
    return issues_visible_to(user, sa.select(Issue).where(Issue.status.in_(OPEN_ISSUE_STATUSES)))


def issue_status_counts(user, since: date | None = None) -> dict:
    stmt = issues_visible_to(user, sa.select(Issue.status, sa.func.count()).group_by(Issue.status))
    if since is not None:
        stmt = stmt.where(Issue.first_seen_on >= since)
    counts = dict(db.session.execute(stmt).all())
    return {s: counts.get(s, 0) for s in IssueStatus}


def home_data(user: User, today: date | None = None) -> dict:
    today = today or calendar.today_local()
    builder = {
        Role.LIAISON: _liaison,
        Role.OFFICE: _office,
        Role.LEADERSHIP: _leadership,
        Role.ADMIN: _admin,
    }[user.role]
    data = builder(user, today)
    data["today"] = today
    return data


def _expected(spans: list[tuple[date, date]], today: date, agency_ids=None) -> list[list]:
    """The expected reports for several date spans, gathered with one pass over the database
    (each span: cut-off dates from first to last)."""
    rows = compliance.expected_reports(
        min(first for first, _ in spans),
        max(last for _, last in spans),
        today=today,
        agency_ids=agency_ids,
    )
    return [[r for r in rows if first <= r.period.end <= last] for first, last in spans]


def _year_span(today: date) -> tuple[date, date]:
    return date(today.year, 1, 1), today


def _liaison(user: User, today: date) -> dict:
    agency_ids = [user.agency_id] if user.agency_id else []
    rows, year_rows = _expected(
        [(today - timedelta(days=120), today + timedelta(days=62)), _year_span(today)],
        today,
        agency_ids,
    )
    todo = sorted(
        (
            r
            for r in compliance.open_for(rows)
            if r.timeliness != Timeliness.NOT_DUE or r.deadline <= today + timedelta(days=45)
        ),
        key=lambda r: (r.deadline, r.period.kind.value),
    )
    term = current_term(today)
    commitments = []
    if term is not None and user.agency_id:
        commitments = db.session.scalars(
            sa.select(Commitment)
            .join(Agreement, Commitment.agreement_id == Agreement.id)
            .where(Agreement.term_id == term.id, Commitment.responsible_agency_id == user.agency_id)
            .order_by(Commitment.agreement_id, Commitment.position)
        ).all()
    open_issues = db.session.scalars(
        open_issues_query(user).order_by(SENSITIVITY_ORDER, Issue.first_seen_on.desc()).limit(8)
    ).all()
    open_issue_count = db.session.scalar(
        sa.select(sa.func.count()).select_from(open_issues_query(user).subquery())
    )
    returned = db.session.scalars(
        reports_visible_to(user, sa.select(Report).where(Report.status == ReportStatus.RETURNED))
    ).all()
    return {
        "agency": user.agency,
        "todo": todo,
        "returned": returned,
        "discipline": compliance.discipline(year_rows),
        "term": term,
        "commitments": commitments,
        "commitment_counts": Counter(c.status for c in commitments),
        "open_issues": open_issues,
        "open_issue_count": open_issue_count,
    }


def _office(user: User, today: date) -> dict:
    awaiting = reports_visible_to(
        user, sa.select(Report).where(Report.status == ReportStatus.SUBMITTED)
    )
    awaiting_count = db.session.scalar(sa.select(sa.func.count()).select_from(awaiting.subquery()))
    awaiting_list = db.session.scalars(awaiting.order_by(Report.last_submitted_at).limit(10)).all()
    recent, year_rows = _expected([(today - timedelta(days=92), today), _year_span(today)], today)
    overdue = sorted(
        (r for r in recent if r.timeliness == Timeliness.MISSING),
        key=lambda r: (r.deadline, r.agency_id),
    )
    sens_counts = dict(
        db.session.execute(
            open_issues_query(user)
            .with_only_columns(Issue.sensitivity, sa.func.count())
            .group_by(Issue.sensitivity)
        ).all()
    )
    unassigned = db.session.scalar(
        sa.select(sa.func.count()).select_from(
            open_issues_query(user).where(Issue.assignee_id.is_(None)).subquery()
        )
    )
    urgent = db.session.scalars(
        open_issues_query(user).order_by(SENSITIVITY_ORDER, Issue.first_seen_on.desc()).limit(10)
    ).all()
    return {
        "awaiting_count": awaiting_count,
        "awaiting": awaiting_list,
        "overdue": overdue,
        "open_by_sensitivity": {s: sens_counts.get(s, 0) for s in Sensitivity},
        "open_issue_count": sum(sens_counts.values()),
        "unassigned_count": unassigned,
        "urgent_issues": urgent,
        "agencies": _agencies_by_id(),
        "discipline_by_agency": compliance.discipline_by_agency(year_rows),
    }


def _leadership(user: User, today: date) -> dict:
    term = current_term(today)
    term_span = (term.start_date, today) if term else (today, today - timedelta(days=1))
    year_rows, term_rows = _expected([_year_span(today), term_span], today)
    return {
        "term": term,
        "commitment_counts": commitment_status_counts(term),
        "year_discipline": compliance.discipline(year_rows),
        "term_discipline": compliance.discipline(term_rows),
        "discipline_by_agency": compliance.discipline_by_agency(term_rows),
        "agencies": _agencies_by_id(),
        "issue_counts": issue_status_counts(user, since=term.start_date if term else None),
        "open_high": db.session.scalar(
            sa.select(sa.func.count()).select_from(
                open_issues_query(user)
                .where(Issue.sensitivity.in_((Sensitivity.HIGH, Sensitivity.CRITICAL)))
                .subquery()
            )
        ),
    }


def _admin(user: User, today: date) -> dict:
    users_by_role = dict(
        db.session.execute(
            sa.select(User.role, sa.func.count()).where(User.active).group_by(User.role)
        ).all()
    )
    return {
        "users_by_role": {r: users_by_role.get(r, 0) for r in Role},
        "agency_count": db.session.scalar(sa.select(sa.func.count(Agency.id)).where(Agency.active)),
        "terms": db.session.scalars(sa.select(Term).order_by(Term.start_date)).all(),
        "holidays_this_year": db.session.scalar(
            sa.select(sa.func.count(Holiday.id)).where(
                Holiday.day.between(date(today.year, 1, 1), date(today.year, 12, 31))
            )
        ),
        "recent_audit": db.session.scalars(
            sa.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(10)
        ).all(),
    }


def _agencies_by_id() -> dict[int, Agency]:
    return {a.id: a for a in db.session.scalars(sa.select(Agency))}
