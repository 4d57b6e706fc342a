"""All models, imported here so Alembic and the app see the whole schema."""

from tracker.models.agency import Agency
from tracker.models.agreement import Agreement, AgreementParty, Commitment, CommitmentUpdate
from tracker.models.attachment import Attachment
from tracker.models.audit import AuditEvent
from tracker.models.issue import Issue, IssueEvent
from tracker.models.reference import Holiday, Setting, Term
from tracker.models.report import Report, ReportVersion, report_issue
from tracker.models.user import ApiToken, User

__all__ = [
    "Agency",
    "Agreement",
    "AgreementParty",
    "ApiToken",
    "Attachment",
    "AuditEvent",
    "Commitment",
    "CommitmentUpdate",
    "Holiday",
    "Issue",
    "IssueEvent",
    "Report",
    "ReportVersion",
    "Setting",
    "Term",
    "User",
    "report_issue",
]
