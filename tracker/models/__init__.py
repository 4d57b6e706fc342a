"""All models, imported here so Alembic and the app see the whole schema."""

from tracker.models.agency import Agency, AgencySuccession
from tracker.models.agreement import (
    Agreement,
    AgreementParty,
    Commitment,
    CommitmentUpdate,
    CommitmentUpdateFigure,
    FrozenRecordError,
    commitment_status,
)
from tracker.models.attachment import Attachment
from tracker.models.audit import AuditEvent
from tracker.models.cache import FigureStamp
from tracker.models.document import BlocDocument
from tracker.models.issue import SENSITIVITY_ORDER, Issue, IssueEvent
from tracker.models.notification import Notification, ReminderLog
from tracker.models.reference import Holiday, Setting, Term
from tracker.models.report import Report, ReportEvent, ReportVersion, report_issue
from tracker.models.transfer import ImportBatch
from tracker.models.user import ApiToken, User

__all__ = [
    "SENSITIVITY_ORDER",
    "Agency",
    "AgencySuccession",
    "Agreement",
    "AgreementParty",
    "ApiToken",
    "Attachment",
    "AuditEvent",
    "BlocDocument",
    "FigureStamp",
    "Commitment",
    "CommitmentUpdate",
    "CommitmentUpdateFigure",
    "FrozenRecordError",
    "Holiday",
    "ImportBatch",
    "Issue",
    "IssueEvent",
    "Notification",
    "ReminderLog",
    "Report",
    "ReportEvent",
    "ReportVersion",
    "Setting",
    "Term",
    "User",
    "commitment_status",
    "report_issue",
]
