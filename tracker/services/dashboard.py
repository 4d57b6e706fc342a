"""The figures on each role's home page, gathered in one place (templates only lay out)."""

from collections import Counter
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import raiseload

from tracker.enums import (
    CommitmentStatus,
    Role,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    AuditEvent,
    Commitment,
    Holiday,
    Term,
    User,
)
from tracker.services import calendar, commitments, compliance, issues, reports


def count(stmt: sa.Select) -> int:
    """How many rows a named query gives: the figure and its list can never disagree."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery()))


def current_term(today: date) -> Term | None:
    """The term running today or, between terms, the latest one that has started."""
    return db.session.scalar(
        sa.select(Term).where(Term.start_date <= today).order_by(Term.start_date.desc()).limit(1)
    )


def commitment_status_counts(user, term: Term | None, today: date | None = None) -> dict:
    """The commitments of a term that ``user`` may see, by status (the bloc page's figures,
    added up)."""
    if term is None:
        return {}
    totals = dict.fromkeys(CommitmentStatus, 0)
    for figures in commitments.figures_by_agency(
        user, commitments.Filters(term_id=term.id), today
    ).values():
        for status, number in figures.by_status.items():
            totals[status] += number
    return totals


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


#: How far ahead the liaison's home shows what is coming due.
DUE_SOON = timedelta(days=45)
#: The first day any report can be expected (the lists look back to it: nothing drops off).
BEGINNING = date(2000, 1, 1)


def _liaison(user: User, today: date) -> dict:
    agency_ids = [user.agency_id] if user.agency_id else []
    rows = compliance.expected_reports(
        BEGINNING, today + DUE_SOON + timedelta(days=31), today=today, agency_ids=agency_ids
    )
    year_first, year_last = _year_span(today)
    year_rows = [r for r in rows if year_first <= r.period.end <= year_last]
    waiting = compliance.open_for(rows)
    late = sorted(
        (r for r in waiting if r.timeliness == Timeliness.MISSING), key=lambda r: r.deadline
    )
    # Came back from the Office (periodic or ad hoc): to revise and send again.
    returned = db.session.scalars(reports.returned_query(user)).all()
    due = sorted(
        (
            r
            for r in waiting
            if r.timeliness == Timeliness.NOT_DUE and r.deadline <= today + DUE_SOON
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
            .options(raiseload("*"))
            .order_by(Commitment.agreement_id, Commitment.position)
        ).all()
    open_issues = issues.open_query(user)
    return {
        "agency": user.agency,
        "late": late,
        "due": due,
        "returned": returned,
        "todo_count": len(late) + len(due) + len(returned),
        "can_file": user.agency is not None and user.agency.can_file,
        "discipline": compliance.discipline(year_rows),
        "term": term,
        "commitments": commitments,
        "commitment_counts": Counter(c.status for c in commitments),
        "open_issues": db.session.scalars(open_issues.limit(8)).all(),
        "open_issue_count": count(open_issues),
        # The terms whose summary (the agency's own) the liaison may download.
        "summary_terms": db.session.scalars(
            sa.select(Term).where(Term.start_date <= today).order_by(Term.start_date)
        ).all(),
    }


def _office(user: User, today: date) -> dict:
    awaiting = reports.awaiting_review_query(user)
    rows = compliance.expected_reports(BEGINNING, today, today=today)
    year_first, year_last = _year_span(today)
    year_rows = [r for r in rows if year_first <= r.period.end <= year_last]
    # Every report missing, however old: the figure links to exactly these.
    missing = sorted(
        compliance.select_expected(rows, timeliness=Timeliness.MISSING),
        key=lambda r: (r.deadline, r.agency_id),
        reverse=True,
    )
    open_issues = issues.open_query(user)
    issue_figures = issues.figures(user, today)
    return {
        "awaiting_count": count(awaiting),
        "awaiting": db.session.scalars(awaiting.limit(10)).all(),
        "missing_count": len(missing),
        "missing": missing[:12],
        "issue_figures": issue_figures,
        "urgent_issues": db.session.scalars(open_issues.limit(10)).all(),
        "agencies": _agencies_by_id(),
        "discipline_by_agency": compliance.discipline_by_agency(year_rows),
        # Each figure of the table opens /reports/expected over the same span.
        "discipline_span": (year_first, year_last),
    }


def _leadership(user: User, today: date) -> dict:
    term = current_term(today)
    term_span = (term.start_date, today) if term else (today, today - timedelta(days=1))
    year_rows, term_rows = _expected([_year_span(today), term_span], today)
    return {
        "term": term,
        "commitment_counts": commitment_status_counts(user, term, today),
        "year_discipline": compliance.discipline(year_rows),
        "term_discipline": compliance.discipline(term_rows),
        "discipline_by_agency": compliance.discipline_by_agency(term_rows),
        "discipline_span": term_span,
        "agencies": _agencies_by_id(),
        "issue_counts": issues.status_figures(user, since=term.start_date if term else None),
        "open_high": issues.figures_open_high(user, today),
        "issue_figures": issues.figures(user, today),
        "escalated_issues": db.session.scalars(issues.escalated_query(user).limit(10)).all(),
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
