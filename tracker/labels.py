"""The words a user reads for each enum value, through gettext.

The tables hold the English msgids (``_l`` only marks them for extraction); ``label()``
translates at call time with the request's memoised catalog (``tracker.i18n``), since a
list page asks for hundreds of labels."""

from tracker import enums as e
from tracker.i18n import gettext


def _l(msgid: str) -> str:
    """Marks a msgid for extraction; translated when read (``label``, ``object_label``)."""
    return msgid


LABELS: dict = {
    e.Role.LIAISON: _l("Department liaison"),
    e.Role.OFFICE: _l("Office staff"),
    e.Role.LEADERSHIP: _l("Leadership"),
    e.Role.ADMIN: _l("Administrator"),
    e.AgencyLevel.PROVINCE: _l("Province"),
    e.AgencyLevel.DISTRICT: _l("District"),
    e.Sector.EDUCATION: _l("Education and training"),
    e.Sector.SCIENCE: _l("Science and technology"),
    e.Sector.HEALTH: _l("Health and population"),
    e.Sector.CULTURE: _l("Culture, sports and tourism"),
    e.Sector.LABOUR: _l("Labour, jobs and social affairs"),
    e.Sector.ENVIRONMENT: _l("Natural resources and environment"),
    e.Sector.GENERAL: _l("General"),
    e.AgreementStatus.DRAFT: _l("Draft"),
    e.AgreementStatus.IN_FORCE: _l("In force"),
    e.AgreementStatus.EXPIRED: _l("Expired"),
    e.AgreementStatus.REPLACED: _l("Replaced"),
    e.DocumentKind.GUIDANCE: _l("Guidance"),
    e.DocumentKind.PLAN: _l("Plan"),
    e.DocumentKind.OTHER: _l("Other document"),
    e.PartyRole.LEAD: _l("Lead"),
    e.PartyRole.PARTNER: _l("Partner"),
    e.Recurrence.ONCE: _l("Once"),
    e.Recurrence.MONTHLY: _l("Monthly"),
    e.Recurrence.QUARTERLY: _l("Quarterly"),
    e.Recurrence.SIX_MONTH: _l("Six-monthly"),
    e.Recurrence.ANNUAL: _l("Annually"),
    e.Recurrence.ONGOING: _l("Ongoing"),
    e.CommitmentStatus.NOT_STARTED: _l("Not started"),
    e.CommitmentStatus.IN_PROGRESS: _l("In progress"),
    e.CommitmentStatus.DONE: _l("Done"),
    e.CommitmentStatus.OVERDUE: _l("Overdue"),
    e.CommitmentStatus.CANCELLED: _l("Cancelled"),
    e.Metric.CLASSES_HELD: _l("Classes held"),
    e.Metric.PEOPLE_TRAINED: _l("People trained"),
    e.Metric.ARTICLES_PUBLISHED: _l("Articles published"),
    e.Metric.EVENTS_HELD: _l("Events held"),
    e.Metric.MISSIONS: _l("Survey missions"),
    e.Metric.OTHER: _l("Other"),
    e.ReportKind.MONTHLY: _l("Monthly report"),
    e.ReportKind.QUARTERLY: _l("Quarterly report"),
    e.ReportKind.SIX_MONTH: _l("Six-month report"),
    e.ReportKind.ANNUAL: _l("Annual report"),
    e.ReportKind.AD_HOC: _l("Ad hoc report"),
    e.ReportStatus.DRAFT: _l("Draft"),
    e.ReportStatus.SUBMITTED: _l("Submitted"),
    e.ReportStatus.RETURNED: _l("Returned"),
    e.ReportStatus.ACCEPTED: _l("Accepted"),
    e.ReportEventKind.CREATED: _l("Started"),
    e.ReportEventKind.SUBMITTED: _l("Sent to the Office"),
    e.ReportEventKind.ACCEPTED: _l("Accepted"),
    e.ReportEventKind.RETURNED: _l("Returned for revision"),
    e.ReportEventKind.REOPENED: _l("Reopened"),
    e.HolidayKind.DAY_OFF: _l("Day off"),
    e.HolidayKind.WORKING_DAY: _l("Weekend working day"),
    e.ReviewDecision.ACCEPTED: _l("Accepted"),
    e.ReviewDecision.RETURNED: _l("Returned for revision"),
    e.Timeliness.ON_TIME: _l("On time"),
    e.Timeliness.LATE: _l("Late"),
    e.Timeliness.MISSING: _l("Missing"),
    e.Timeliness.NOT_DUE: _l("Not yet due"),
    e.IssueSource.PRESS: _l("Press"),
    e.IssueSource.SOCIAL_MEDIA: _l("Social media"),
    e.IssueSource.PETITION: _l("Petition or complaint"),
    e.IssueSource.HOTLINE: _l("Hotline"),
    e.IssueSource.GRASSROOTS: _l("Grassroots"),
    e.IssueSource.MEETING: _l("Meeting"),
    # How sensitive a matter is for public opinion (not how grave the facts are).
    e.Sensitivity.LOW: _l("Slightly sensitive"),
    e.Sensitivity.MEDIUM: _l("Sensitive"),
    e.Sensitivity.HIGH: _l("Highly sensitive"),
    e.Sensitivity.CRITICAL: _l("Extremely sensitive"),
    e.IssueStatus.NEW: _l("New"),
    e.IssueStatus.UNDER_REVIEW: _l("Under review"),
    e.IssueStatus.BEING_HANDLED: _l("Being handled"),
    e.IssueStatus.RESOLVED: _l("Resolved"),
    e.IssueStatus.CLOSED: _l("Closed"),
    e.IssueStatus.DISMISSED: _l("Dismissed"),
    e.IssueEventKind.CREATED: _l("Flagged"),
    e.IssueEventKind.STATUS_CHANGED: _l("Status changed"),
    e.IssueEventKind.ASSIGNED: _l("Assigned"),
    e.IssueEventKind.COMMENTED: _l("Comment"),
    e.IssueEventKind.UPDATED: _l("Updated"),
    e.IssueEventKind.LINKED_REPORT: _l("Linked to a report"),
    e.IssueEventKind.ESCALATED: _l("Escalated to leadership"),
    e.AuditAction.LOGIN: _l("Logged in"),
    e.AuditAction.LOGIN_FAILED: _l("Failed login"),
    e.AuditAction.LOGOUT: _l("Logged out"),
    e.AuditAction.ACCESS_DENIED: _l("Access denied"),
    e.AuditAction.CREATE: _l("Created"),
    e.AuditAction.UPDATE: _l("Updated"),
    e.AuditAction.DELETE: _l("Deleted"),
    e.AuditAction.SUBMIT: _l("Submitted"),
    e.AuditAction.REVIEW: _l("Reviewed"),
    e.AuditAction.PASSWORD_RESET: _l("Password reset"),
    e.AuditAction.PASSWORD_CHANGE: _l("Password changed"),
}


def label(value) -> str:
    """The translated label of an enum member (the raw value if it has none)."""
    if value is None:
        return ""
    found = LABELS.get(value)
    return gettext(found) if found is not None else str(getattr(value, "value", value))


def choices(enum_cls) -> list[tuple[str, str]]:
    """(value, label) pairs for a WTForms SelectField, in the enum's order."""
    return [(m.value, label(m)) for m in enum_cls]


OBJECT_TYPES: dict = {
    "agency": _l("Agency"),
    "user_account": _l("Account"),
    "term": _l("Term"),
    "holiday": _l("Public holiday"),
    "setting": _l("Settings"),
    "agreement": _l("Agreement"),
    "commitment": _l("Commitment"),
    "commitment_update": _l("Progress update"),
    "report": _l("Report"),
    "report_version": _l("Report submission"),
    "issue": _l("Issue"),
    "attachment": _l("Attachment"),
    "bloc_document": _l("Bloc document"),
    "route": _l("Page"),
}


def object_label(object_type: str) -> str:
    """What an audit row's object type means to a reader."""
    found = OBJECT_TYPES.get(object_type)
    return gettext(found) if found is not None else object_type
