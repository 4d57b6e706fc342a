"""Every status and category of the domain, as plain enums.

This module imports nothing from Flask or SQLAlchemy so that pure modules (the report
calendar) can use it. The values are what the database stores; the words a user reads live
in ``tracker.labels`` where they go through gettext.
"""

import enum


class Role(enum.StrEnum):
    LIAISON = "liaison"
    OFFICE = "office"
    LEADERSHIP = "leadership"
    ADMIN = "admin"


#: The roles whose accounts belong to the Office, and who see every agency's records.
OFFICE_ROLES = frozenset({Role.OFFICE, Role.LEADERSHIP})


class AgencyLevel(enum.StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"


class Sector(enum.StrEnum):
    """Lĩnh vực: the field of work (education, health…), each usually owned by one department.

    Named ``Sector`` in code so it never clashes with form fields or ``dataclasses.field``;
    columns and the API still call it ``field``.
    """

    EDUCATION = "education"
    SCIENCE = "science"
    HEALTH = "health"
    CULTURE = "culture"
    LABOUR = "labour"
    ENVIRONMENT = "environment"
    GENERAL = "general"


class AgreementStatus(enum.StrEnum):
    DRAFT = "draft"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    REPLACED = "replaced"


class DocumentKind(enum.StrEnum):
    """What the Office posts for the whole bloc."""

    GUIDANCE = "guidance"  # hướng dẫn
    PLAN = "plan"  # kế hoạch
    OTHER = "other"


class PartyRole(enum.StrEnum):
    LEAD = "lead"
    PARTNER = "partner"


class Recurrence(enum.StrEnum):
    ONCE = "once"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SIX_MONTH = "six_month"
    ANNUAL = "annual"
    ONGOING = "ongoing"


class CommitmentStatus(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"


class Metric(enum.StrEnum):
    """What the number on a progress update counts."""

    CLASSES_HELD = "classes_held"
    PEOPLE_TRAINED = "people_trained"
    ARTICLES_PUBLISHED = "articles_published"
    EVENTS_HELD = "events_held"
    MISSIONS = "missions"
    OTHER = "other"


class HolidayKind(enum.StrEnum):
    DAY_OFF = "day_off"  # a public holiday or a substituted day off
    WORKING_DAY = "working_day"  # a weekend day worked in exchange for a day off


class ReportKind(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SIX_MONTH = "six_month"
    ANNUAL = "annual"
    AD_HOC = "ad_hoc"


#: The kinds that follow the Decree 09 calendar (ad hoc reports do not).
PERIODIC_KINDS = (
    ReportKind.MONTHLY,
    ReportKind.QUARTERLY,
    ReportKind.SIX_MONTH,
    ReportKind.ANNUAL,
)


class ReportStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


class ReportEventKind(enum.StrEnum):
    """What happened to a report, on its timeline."""

    CREATED = "created"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    REOPENED = "reopened"


class NotificationKind(enum.StrEnum):
    REPORT_DUE = "report_due"
    REPORT_MISSING = "report_missing"
    REPORT_SUBMITTED = "report_submitted"
    REPORT_RETURNED = "report_returned"
    REPORT_ACCEPTED = "report_accepted"
    REPORT_REOPENED = "report_reopened"


class ReviewDecision(enum.StrEnum):
    ACCEPTED = "accepted"
    RETURNED = "returned"


class Timeliness(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"


class IssueSource(enum.StrEnum):
    PRESS = "press"
    SOCIAL_MEDIA = "social_media"
    PETITION = "petition"
    HOTLINE = "hotline"
    GRASSROOTS = "grassroots"
    MEETING = "meeting"


class Sensitivity(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class IssueStatus(enum.StrEnum):
    NEW = "new"
    UNDER_REVIEW = "under_review"
    BEING_HANDLED = "being_handled"
    RESOLVED = "resolved"
    CLOSED = "closed"
    DISMISSED = "dismissed"


#: Statuses in which an issue still needs someone's attention.
OPEN_ISSUE_STATUSES = (IssueStatus.NEW, IssueStatus.UNDER_REVIEW, IssueStatus.BEING_HANDLED)


class IssueEventKind(enum.StrEnum):
    CREATED = "created"
    STATUS_CHANGED = "status_changed"
    ASSIGNED = "assigned"
    COMMENTED = "commented"
    UPDATED = "updated"
    LINKED_REPORT = "linked_report"
    ESCALATED = "escalated"


class AuditAction(enum.StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    ACCESS_DENIED = "access_denied"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    SUBMIT = "submit"
    REVIEW = "review"
    PASSWORD_RESET = "password_reset"
    PASSWORD_CHANGE = "password_change"
