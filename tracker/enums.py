"""Every status and category of the domain, as plain enums.

This module imports nothing from Flask or SQLAlchemy so that pure modules (the report
calendar) can use it. The values are what the database stores; the words a user reads live
in ``tracker.labels`` where they go through gettext.
"""

import enum


class Role(str, enum.Enum):
    LIAISON = "liaison"
    OFFICE = "office"
    LEADERSHIP = "leadership"
    ADMIN = "admin"


class AgencyLevel(str, enum.Enum):
    PROVINCE = "province"
    DISTRICT = "district"


class Field(str, enum.Enum):
    """Lĩnh vực: the bloc's fields, each usually owned by one department."""

    EDUCATION = "education"
    SCIENCE = "science"
    HEALTH = "health"
    CULTURE = "culture"
    LABOUR = "labour"
    ENVIRONMENT = "environment"
    GENERAL = "general"


class AgreementStatus(str, enum.Enum):
    DRAFT = "draft"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    REPLACED = "replaced"


class PartyRole(str, enum.Enum):
    LEAD = "lead"
    PARTNER = "partner"


class Recurrence(str, enum.Enum):
    ONCE = "once"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SIX_MONTH = "six_month"
    ANNUAL = "annual"
    ONGOING = "ongoing"


class CommitmentStatus(str, enum.Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"


class Metric(str, enum.Enum):
    """What the number on a progress update counts."""

    CLASSES_HELD = "classes_held"
    PEOPLE_TRAINED = "people_trained"
    ARTICLES_PUBLISHED = "articles_published"
    EVENTS_HELD = "events_held"
    MISSIONS = "missions"
    OTHER = "other"


class ReportKind(str, enum.Enum):
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


class ReportStatus(str, enum.Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


class ReviewDecision(str, enum.Enum):
    ACCEPTED = "accepted"
    RETURNED = "returned"


class Timeliness(str, enum.Enum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"


class IssueSource(str, enum.Enum):
    PRESS = "press"
    SOCIAL_MEDIA = "social_media"
    PETITION = "petition"
    HOTLINE = "hotline"
    GRASSROOTS = "grassroots"
    MEETING = "meeting"


class Sensitivity(str, enum.Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class IssueStatus(str, enum.Enum):
    NEW = "new"
    UNDER_REVIEW = "under_review"
    BEING_HANDLED = "being_handled"
    RESOLVED = "resolved"
    CLOSED = "closed"
    DISMISSED = "dismissed"


#: Statuses in which an issue still needs someone's attention.
OPEN_ISSUE_STATUSES = (IssueStatus.NEW, IssueStatus.UNDER_REVIEW, IssueStatus.BEING_HANDLED)


class IssueEventKind(str, enum.Enum):
    CREATED = "created"
    STATUS_CHANGED = "status_changed"
    ASSIGNED = "assigned"
    COMMENTED = "commented"
    UPDATED = "updated"
    LINKED_REPORT = "linked_report"


class AuditAction(str, enum.Enum):
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
