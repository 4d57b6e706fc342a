"""Who may do what: the role → permission table and the object checks (two layers).

Layer one, ``permission_required``, guards a route by the role's permissions. Layer two, the
``can_*`` checks and ``*_visible_to`` query filters, look at the object's agency. A record of
another agency is answered with 404 (``get_visible_or_404``), so ids reveal nothing.
"""

import enum
from collections.abc import Callable
from functools import wraps

import sqlalchemy as sa
from flask import abort
from flask_login import current_user

from tracker.enums import Role
from tracker.extensions import db


class Permission(enum.StrEnum):
    VIEW_HOME = "view_home"
    VIEW_AGREEMENTS = "view_agreements"
    MANAGE_AGREEMENTS = "manage_agreements"  # record agreements and commitments (the Office)
    UPDATE_COMMITMENTS = "update_commitments"  # progress updates on own agency's commitments
    VIEW_REPORTS = "view_reports"
    SUBMIT_REPORTS = "submit_reports"
    REVIEW_REPORTS = "review_reports"
    VIEW_ISSUES = "view_issues"
    FLAG_ISSUES = "flag_issues"
    TRIAGE_ISSUES = "triage_issues"
    VIEW_DASHBOARDS = "view_dashboards"
    DOWNLOAD_SUMMARIES = "download_summaries"
    ADMINISTER = "administer"
    VIEW_AUDIT = "view_audit"


P = Permission

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.LIAISON: frozenset(
        {
            P.VIEW_HOME,
            P.VIEW_AGREEMENTS,
            P.UPDATE_COMMITMENTS,
            P.VIEW_REPORTS,
            P.SUBMIT_REPORTS,
            P.VIEW_ISSUES,
            P.FLAG_ISSUES,
        }
    ),
    Role.OFFICE: frozenset(
        {
            P.VIEW_HOME,
            P.VIEW_AGREEMENTS,
            P.MANAGE_AGREEMENTS,
            P.VIEW_REPORTS,
            P.REVIEW_REPORTS,
            P.VIEW_ISSUES,
            P.FLAG_ISSUES,
            P.TRIAGE_ISSUES,
            P.VIEW_DASHBOARDS,
            P.DOWNLOAD_SUMMARIES,
        }
    ),
    # Leadership reads everything of the programme and changes nothing.
    Role.LEADERSHIP: frozenset(
        {
            P.VIEW_HOME,
            P.VIEW_AGREEMENTS,
            P.VIEW_REPORTS,
            P.VIEW_ISSUES,
            P.VIEW_DASHBOARDS,
            P.DOWNLOAD_SUMMARIES,
        }
    ),
    Role.ADMIN: frozenset({P.VIEW_HOME, P.ADMINISTER, P.VIEW_AUDIT}),
}

#: Roles that see every agency's records (the Office's staff and leadership).
ALL_AGENCY_ROLES = frozenset({Role.OFFICE, Role.LEADERSHIP})


def has_permission(user, permission: Permission) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def permission_required(permission: Permission) -> Callable:
    """Route decorator: 401 (→ login) when anonymous, 403 when the role lacks the permission."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from tracker.extensions import login_manager

                return login_manager.unauthorized()
            if not has_permission(current_user, permission):
                from tracker.services.audit import record_denial

                record_denial(current_user, permission.value)
                db.session.commit()
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


def sees_all_agencies(user) -> bool:
    return user.role in ALL_AGENCY_ROLES


# -- object checks -----------------------------------------------------------------------------


def can_view_agency_record(user, agency_id: int | None) -> bool:
    """A record owned by one agency: the Office and leadership see all, a liaison their own."""
    if sees_all_agencies(user):
        return True
    return user.role == Role.LIAISON and agency_id is not None and agency_id == user.agency_id


def can_view_report(user, report) -> bool:
    return has_permission(user, P.VIEW_REPORTS) and can_view_agency_record(user, report.agency_id)


def can_view_issue(user, issue) -> bool:
    """Only the Office, leadership, and the reporting and responsible agencies see an issue."""
    if not has_permission(user, P.VIEW_ISSUES):
        return False
    if sees_all_agencies(user):
        return True
    return user.agency_id is not None and user.agency_id in (
        issue.reporting_agency_id,
        issue.responsible_agency_id,
    )


def can_view_agreement(user, agreement) -> bool:
    if not has_permission(user, P.VIEW_AGREEMENTS):
        return False
    if sees_all_agencies(user):
        return True
    return any(p.agency_id == user.agency_id for p in agreement.parties)


def can_update_commitment(user, commitment) -> bool:
    if has_permission(user, P.MANAGE_AGREEMENTS):
        return True
    return (
        has_permission(user, P.UPDATE_COMMITMENTS)
        and commitment.responsible_agency_id == user.agency_id
    )


# -- query filters (the same rules, for lists) ---------------------------------------------------


def reports_visible_to(user, stmt: sa.Select) -> sa.Select:
    from tracker.models import Report

    if sees_all_agencies(user):
        return stmt
    if user.role != Role.LIAISON or user.agency_id is None:
        return stmt.where(sa.false())
    return stmt.where(Report.agency_id == user.agency_id)


def issues_visible_to(user, stmt: sa.Select) -> sa.Select:
    from tracker.models import Issue

    if sees_all_agencies(user):
        return stmt
    if user.role != Role.LIAISON or user.agency_id is None:
        return stmt.where(sa.false())
    return stmt.where(
        sa.or_(
            Issue.reporting_agency_id == user.agency_id,
            Issue.responsible_agency_id == user.agency_id,
        )
    )


def agreements_visible_to(user, stmt: sa.Select) -> sa.Select:
    from tracker.models import Agreement, AgreementParty

    if sees_all_agencies(user):
        return stmt
    if user.role != Role.LIAISON or user.agency_id is None:
        return stmt.where(sa.false())
    return stmt.where(
        Agreement.id.in_(
            sa.select(AgreementParty.agreement_id).where(AgreementParty.agency_id == user.agency_id)
        )
    )


def get_visible_or_404(model, object_id: int, check: Callable):
    """Load an object and apply its object check; absent and forbidden look the same (404)."""
    obj = db.session.get(model, object_id)
    if obj is None or not check(current_user, obj):
        if obj is not None:
            from tracker.services.audit import record_denial

            record_denial(current_user, f"{model.__tablename__}:{object_id}")
            db.session.commit()
        abort(404)
    return obj
