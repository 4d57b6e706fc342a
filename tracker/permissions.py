"""Who may do what: the role → permission table and the object checks (two layers).

Layer one, ``permission_required``, guards a route by the role's permissions. Layer two, the
``can_*`` checks and ``*_visible_to`` query filters, look at the object's agency. A record of
another agency is answered with 404 (``visible_or_404``), so ids reveal nothing; a forbidden
action on a record the user may see is a 403.

A liaison's own records are their agency's and those of the bodies it succeeded (a merged or
renamed department keeps its history: ``own_agency_ids``).
"""

import enum
from collections.abc import Callable
from functools import wraps

import sqlalchemy as sa
from flask import abort, g, has_request_context, request
from flask_login import current_user

from tracker.enums import (
    OFFICE_ROLES,
    OPEN_ISSUE_STATUSES,
    AgreementStatus,
    IssueStatus,
    ReportStatus,
    Role,
)
from tracker.extensions import login_manager
from tracker.models import (
    Agreement,
    AgreementParty,
    Commitment,
    Issue,
    Report,
)
from tracker.services.agencies import predecessors_of
from tracker.services.audit import record_denial


class Permission(enum.StrEnum):
    VIEW_HOME = "view_home"
    VIEW_AGREEMENTS = "view_agreements"
    MANAGE_AGREEMENTS = "manage_agreements"  # record agreements and commitments (the Office)
    PROPOSE_COMMITMENTS = "propose_commitments"  # a liaison proposes their agency's clauses
    UPDATE_COMMITMENTS = "update_commitments"  # progress updates on own agency's commitments
    VIEW_DOCUMENTS = "view_documents"  # the bloc's guidance and plans
    POST_DOCUMENTS = "post_documents"
    VIEW_REPORTS = "view_reports"
    SUBMIT_REPORTS = "submit_reports"
    REVIEW_REPORTS = "review_reports"
    VIEW_ISSUES = "view_issues"
    FLAG_ISSUES = "flag_issues"
    TRIAGE_ISSUES = "triage_issues"
    VIEW_DASHBOARDS = "view_dashboards"
    DOWNLOAD_SUMMARIES = "download_summaries"  # any summary, the whole bloc's included
    DOWNLOAD_OWN_SUMMARY = "download_own_summary"  # a liaison: their own agency's only
    ADMINISTER = "administer"
    VIEW_AUDIT = "view_audit"
    IMPORT_RECORDS = "import_records"  # bring a workbook of records in (issue 14)
    EXPORT_RECORDS = "export_records"  # the records one may see, as a workbook


P = Permission

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.LIAISON: frozenset(
        {
            P.VIEW_HOME,
            P.VIEW_AGREEMENTS,
            P.PROPOSE_COMMITMENTS,
            P.UPDATE_COMMITMENTS,
            P.VIEW_DOCUMENTS,
            P.VIEW_REPORTS,
            P.SUBMIT_REPORTS,
            P.VIEW_ISSUES,
            P.FLAG_ISSUES,
            P.DOWNLOAD_OWN_SUMMARY,
            P.EXPORT_RECORDS,
        }
    ),
    Role.OFFICE: frozenset(
        {
            P.VIEW_HOME,
            P.VIEW_AGREEMENTS,
            P.MANAGE_AGREEMENTS,
            P.UPDATE_COMMITMENTS,
            P.VIEW_DOCUMENTS,
            P.POST_DOCUMENTS,
            P.VIEW_REPORTS,
            P.REVIEW_REPORTS,
            P.VIEW_ISSUES,
            P.FLAG_ISSUES,
            P.TRIAGE_ISSUES,
            P.VIEW_DASHBOARDS,
            P.DOWNLOAD_SUMMARIES,
            P.DOWNLOAD_OWN_SUMMARY,
            P.IMPORT_RECORDS,
            P.EXPORT_RECORDS,
        }
    ),
    # Leadership reads everything of the programme and changes nothing.
    Role.LEADERSHIP: frozenset(
        {
            P.VIEW_HOME,
            P.VIEW_AGREEMENTS,
            P.VIEW_DOCUMENTS,
            P.VIEW_REPORTS,
            P.VIEW_ISSUES,
            P.VIEW_DASHBOARDS,
            P.DOWNLOAD_SUMMARIES,
            P.DOWNLOAD_OWN_SUMMARY,
        }
    ),
    Role.ADMIN: frozenset(
        {P.VIEW_HOME, P.ADMINISTER, P.VIEW_AUDIT, P.IMPORT_RECORDS, P.EXPORT_RECORDS}
    ),
}


#: What a liaison does in their agency's name. An agency that is inactive or dissolved files
#: nothing new: its liaisons keep logging in and reading, but lose these (``can_file``).
FILING: frozenset[Permission] = frozenset(
    {P.SUBMIT_REPORTS, P.PROPOSE_COMMITMENTS, P.UPDATE_COMMITMENTS, P.FLAG_ISSUES}
)


def has_permission(user, permission: Permission) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if permission not in ROLE_PERMISSIONS.get(user.role, frozenset()):
        return False
    if permission in FILING and user.role == Role.LIAISON and not can_file(user):
        return False
    return True


def permission_required(permission: Permission) -> Callable:
    """Route decorator: 401 (→ login) when anonymous, 403 when the role lacks the permission.

    The denial is audited; nothing here commits (the web layer records it after rolling the
    request back, see ``tracker.web.transaction``)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not has_permission(current_user, permission):
                record_denial(current_user, permission.value)
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


def sees_all_agencies(user) -> bool:
    return user.role in OFFICE_ROLES


# -- whose records --------------------------------------------------------------------------


def own_agency_ids(user) -> frozenset[int]:
    """The agencies whose records are a liaison's own: theirs, and every body it succeeded
    (computed once per request)."""
    if not getattr(user, "is_authenticated", False) or user.agency_id is None:
        return frozenset()
    cache = g.setdefault("own_agency_ids", {}) if has_request_context() else {}
    if user.agency_id not in cache:
        cache[user.agency_id] = frozenset({user.agency_id} | predecessors_of(user.agency_id))
    return cache[user.agency_id]


def is_liaison(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role == Role.LIAISON


def can_file(user) -> bool:
    """A liaison files (reports, proposals, updates) only for an agency that still exists and
    is active; a dissolved agency's liaisons keep reading."""
    return is_liaison(user) and user.agency is not None and user.agency.can_file


# -- object checks -----------------------------------------------------------------------------


def can_view_agency_record(user, agency_id: int | None) -> bool:
    """A record owned by one agency: the Office and leadership see all, a liaison their own."""
    if sees_all_agencies(user):
        return True
    return is_liaison(user) and agency_id is not None and agency_id in own_agency_ids(user)


def can_view_agency(user, agency) -> bool:
    """An agency's programme page."""
    return has_permission(user, P.VIEW_AGREEMENTS) and can_view_agency_record(user, agency.id)


def can_view_report(user, report) -> bool:
    """A liaison sees their agency's reports, drafts included; the Office and leadership see a
    report once it has been submitted (a draft is the agency's own)."""
    if not has_permission(user, P.VIEW_REPORTS):
        return False
    if sees_all_agencies(user):
        return report.first_submitted_at is not None
    return can_view_agency_record(user, report.agency_id)


def can_edit_report(user, report) -> bool:
    """Only the agency's liaison writes its report, while it is a draft or was returned, and
    while the agency may file."""
    return (
        has_permission(user, P.SUBMIT_REPORTS)
        and can_file(user)
        and report.agency_id == user.agency_id
        and report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)
    )


def can_review_report(user, report) -> bool:
    return has_permission(user, P.REVIEW_REPORTS) and report.status == ReportStatus.SUBMITTED


def can_view_issue(user, issue) -> bool:
    """Only the Office, leadership, and the reporting and responsible agencies see an issue."""
    if not has_permission(user, P.VIEW_ISSUES):
        return False
    if sees_all_agencies(user):
        return True
    own = own_agency_ids(user)
    return is_liaison(user) and (
        issue.reporting_agency_id in own or issue.responsible_agency_id in own
    )


def can_edit_issue(user, issue) -> bool:
    """The Office edits an open issue; the liaison who flagged it, their agency's issue while
    it is still new."""
    if has_permission(user, P.TRIAGE_ISSUES):
        return issue.status in OPEN_ISSUE_STATUSES
    return (
        has_permission(user, P.FLAG_ISSUES)
        and can_file(user)
        and issue.status == IssueStatus.NEW
        and issue.reporting_agency_id in own_agency_ids(user)
    )


def can_comment_issue(user, issue) -> bool:
    """Comments and evidence: the Office, and the liaisons of the reporting and responsible
    agencies (leadership reads)."""
    if has_permission(user, P.TRIAGE_ISSUES):
        return True
    return has_permission(user, P.FLAG_ISSUES) and is_liaison(user) and can_view_issue(user, issue)


def can_view_agreement(user, agreement) -> bool:
    if not has_permission(user, P.VIEW_AGREEMENTS):
        return False
    if sees_all_agencies(user):
        return True
    own = own_agency_ids(user)
    return is_liaison(user) and any(p.agency_id in own for p in agreement.parties)


def can_view_commitment(user, commitment) -> bool:
    """A commitment is seen by whoever sees its agreement."""
    return can_view_agreement(user, commitment.agreement)


def can_propose_commitment(user, agreement) -> bool:
    """A liaison proposes commitments for their own agency, under an agreement in force that
    their agency is a party to."""
    return (
        has_permission(user, P.PROPOSE_COMMITMENTS)
        and can_file(user)
        and agreement.status == AgreementStatus.IN_FORCE
        and any(p.agency_id == user.agency_id for p in agreement.parties)
    )


def can_edit_commitment(user, commitment) -> bool:
    """The Office edits any commitment; a liaison their agency's own proposals until the Office
    confirms them."""
    if commitment.cancelled_at is not None:
        return False
    if has_permission(user, P.MANAGE_AGREEMENTS):
        return True
    return (
        has_permission(user, P.PROPOSE_COMMITMENTS)
        and can_file(user)
        and not commitment.confirmed
        and commitment.responsible_agency_id == user.agency_id
    )


def can_update_commitment(user, commitment) -> bool:
    """Progress updates: the Office, or the liaison of the responsible agency, on a confirmed
    commitment that is not cancelled."""
    if commitment.cancelled_at is not None or not commitment.confirmed:
        return False
    if has_permission(user, P.MANAGE_AGREEMENTS):
        return True
    return (
        has_permission(user, P.UPDATE_COMMITMENTS)
        and can_file(user)
        and commitment.responsible_agency_id == user.agency_id
    )


# -- query filters (the same rules, for lists) ---------------------------------------------------


def reports_visible_to(user, stmt: sa.Select) -> sa.Select:
    if sees_all_agencies(user):
        return stmt.where(Report.first_submitted_at.is_not(None))
    if not is_liaison(user) or user.agency_id is None:
        return stmt.where(sa.false())
    return stmt.where(Report.agency_id.in_(own_agency_ids(user)))


def issues_visible_to(user, stmt: sa.Select) -> sa.Select:
    if sees_all_agencies(user):
        return stmt
    if not is_liaison(user) or user.agency_id is None:
        return stmt.where(sa.false())
    own = own_agency_ids(user)
    return stmt.where(
        sa.or_(Issue.reporting_agency_id.in_(own), Issue.responsible_agency_id.in_(own))
    )


def issue_visibility_key(user):
    """Who sees which issues, as ``issues_visible_to`` decides: everything, nothing, or what
    concerns a liaison's own agencies. Users with the same key see the same issues, so
    figures cached under it are shared between them and never cross agencies."""
    if sees_all_agencies(user):
        return "all"
    if not is_liaison(user) or user.agency_id is None:
        return "none"
    return tuple(sorted(own_agency_ids(user)))


def agreements_visible_to(user, stmt: sa.Select) -> sa.Select:
    if sees_all_agencies(user):
        return stmt
    if not is_liaison(user) or user.agency_id is None:
        return stmt.where(sa.false())
    return stmt.where(
        Agreement.id.in_(
            sa.select(AgreementParty.agreement_id).where(
                AgreementParty.agency_id.in_(own_agency_ids(user))
            )
        )
    )


def commitments_visible_to(user, stmt: sa.Select) -> sa.Select:
    """Commitments of the agreements ``user`` may see."""
    if sees_all_agencies(user):
        return stmt
    if not is_liaison(user) or user.agency_id is None:
        return stmt.where(sa.false())
    return stmt.where(
        Commitment.agreement_id.in_(
            sa.select(AgreementParty.agreement_id).where(
                AgreementParty.agency_id.in_(own_agency_ids(user))
            )
        )
    )


def forbid_unless(allowed: bool) -> None:
    """A forbidden action on a record the user may see: 403, audited."""
    if not allowed:
        record_denial(current_user, f"action {request.endpoint}")
        abort(403)


def visible_or_404(obj, check: Callable):
    """The object if ``check(current_user, obj)`` allows it; absent and forbidden look the
    same (404), and a forbidden look is audited. Views load the object with the named query
    their page needs, then pass it here."""
    if obj is None:
        abort(404)
    if not check(current_user, obj):
        record_denial(current_user, f"{obj.__tablename__}:{obj.id}")
        abort(404)
    return obj
