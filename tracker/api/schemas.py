"""What the API reads and writes, as pydantic models: they validate the bodies and queries and
give the JSON Schema of the OpenAPI description. Names follow one table (the JSON API issue):
agencies by their code, dates ISO 8601, datetimes ISO with the offset, enums as the model's
values; where the API's name differs from the model's, the serialiser says so."""

from datetime import date, datetime
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from tracker.enums import (
    AgreementStatus,
    CommitmentStatus,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    Metric,
    Recurrence,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Sector,
    Sensitivity,
    Timeliness,
)

T = TypeVar("T")
PeriodicKind = Literal["monthly", "quarterly", "six_month", "annual"]

Text = Annotated[str, StringConstraints(max_length=5000)]
ShortText = Annotated[str, StringConstraints(max_length=300)]
# An agency code as the administration accepts them (letters, digits, dots, hyphens, underscores).
Code = Annotated[str, StringConstraints(max_length=20, pattern=r"^[A-Za-z0-9._-]*$")]


class Strict(BaseModel):
    """A body: unknown fields are refused (no mass assignment)."""

    model_config = ConfigDict(extra="forbid")


class Problem(BaseModel):
    """An error (RFC 9457)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[dict] | None = Field(
        None, description="For 422: each field at fault, where it is, and what is wrong."
    )


class PageQuery(BaseModel):
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(25, ge=1, le=100)


class Page(BaseModel, Generic[T]):
    items: list[T]
    page: int
    per_page: int
    total: int


# -- auth --------------------------------------------------------------------------------------


class TokenRequest(Strict):
    username: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class TokenOut(BaseModel):
    token: str = Field(description="Send it as: Authorization: Bearer <token>. Shown once.")
    expires_at: datetime


# -- reference data ------------------------------------------------------------------------------


class AgencyOut(BaseModel):
    id: int
    code: str
    name: str
    name_en: str
    is_office: bool
    in_bloc: bool
    active: bool
    field: Sector | None
    dissolved_on: date | None
    successors: list[str] = Field(description="Codes of the agencies that carried on its work.")


class TermOut(BaseModel):
    id: int
    name: str
    start_date: date
    end_date: date | None


# -- agreements and commitments ---------------------------------------------------------------


class AgreementQuery(PageQuery):
    term: Annotated[str, StringConstraints(max_length=50)] | None = Field(
        None, description="A term's name, e.g. 2021-2025."
    )
    agency: Code | None = Field(None, description="An agency's code: agreements it is a party to.")
    status: AgreementStatus | None = None


class AgreementOut(BaseModel):
    id: int
    number: str
    title: str
    term: str = Field(description="The term's name, e.g. 2017-2021.")
    agencies: list[str] = Field(description="Codes of every party, the Office included.")
    signed_on: date | None
    status: AgreementStatus
    summary: str
    version: int


class CommitmentQuery(PageQuery):
    term: Annotated[str, StringConstraints(max_length=50)] | None = None
    agreement_id: int | None = Field(None, ge=1, le=2**31 - 1)
    agency: Code | None = Field(None, description="The responsible agency's code.")
    field: Sector | None = None
    status: CommitmentStatus | None = None
    due_from: date | None = None
    due_to: date | None = None
    q: Annotated[str, StringConstraints(max_length=100)] | None = Field(
        None, description="Search titles and descriptions, ignoring case and accents."
    )


class CommitmentOut(BaseModel):
    id: int
    agreement_id: int
    agency: str = Field(description="The responsible agency's code.")
    field: Sector
    title: str
    description: str
    evidence_expected: str
    due_date: date | None
    recurrence: Recurrence
    status: CommitmentStatus = Field(description="Derived: never stale.")
    progress: int = Field(ge=0, le=100)
    confirmed: bool
    version: int


class FigureIn(Strict):
    metric: Metric
    value: int = Field(ge=0, le=10_000_000)


class UpdateIn(Strict):
    recorded_on: date
    note: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    progress: int = Field(ge=0, le=100)
    evidence_url: Annotated[str, StringConstraints(max_length=500)] | None = None
    figures: list[FigureIn] = Field(default_factory=list, max_length=10)
    corrects_id: int | None = Field(None, ge=1, le=2**31 - 1)
    mark_done: bool = False


class FigureOut(BaseModel):
    metric: Metric
    value: int


class UpdateOut(BaseModel):
    id: int
    commitment_id: int
    recorded_on: date
    note: str
    progress: int
    evidence_url: str | None
    figures: list[FigureOut]
    corrects_id: int | None
    created_at: datetime


# -- reports ----------------------------------------------------------------------------------


class ReportQuery(PageQuery):
    agency: Code | None = None
    kind: ReportKind | None = None
    year: int | None = Field(None, ge=2000, le=2100)
    period: Annotated[str, StringConstraints(max_length=20)] | None = None
    status: ReportStatus | None = None
    timeliness: Timeliness | None = None


class ReportOut(BaseModel):
    id: int
    agency: str = Field(description="The agency's code.")
    kind: ReportKind
    period: str = Field(description="e.g. 2025-01, 2025-Q1, 2025-H1, 2025, 2025-AH01.")
    title: str
    window_start: date = Field(description="The first day of the data window.")
    window_end: date = Field(description="The cut-off day.")
    due_date: date | None
    status: ReportStatus
    submitted_at: datetime | None = Field(description="The first submission.")
    timeliness: Timeliness
    version: int


class ReportDetailOut(ReportOut):
    situation: str
    results: str
    emerging_issues: str
    proposals: str
    next_tasks: str
    commitment_notes: dict[str, str]
    commitment_progress: dict[str, int]
    issues: list[int]
    versions: list[dict]


class ReportCreate(Strict):
    kind: ReportKind
    period: Annotated[str, StringConstraints(max_length=20)] | None = Field(
        None, description="For a periodic report: its period, e.g. 2025-01."
    )
    title: Annotated[str, StringConstraints(max_length=300)] | None = Field(
        None, description="For an ad hoc report."
    )
    window_start: date | None = Field(None, description="For an ad hoc report.")
    window_end: date | None = Field(None, description="For an ad hoc report.")
    due_date: date | None = Field(None, description="For an ad hoc report, when asked for.")


Section = Annotated[str, StringConstraints(max_length=20_000)]


class ReportUpdate(Strict):
    version: int = Field(description="The version read; a stale one gets 409.")
    situation: Section | None = None
    results: Section | None = None
    emerging_issues: Section | None = None
    proposals: Section | None = None
    next_tasks: Section | None = None
    commitment_notes: dict[int, Annotated[str, StringConstraints(max_length=5000)]] | None = None
    commitment_progress: dict[int, Annotated[int, Field(ge=0, le=100)]] | None = None
    issues: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] | None = Field(None, max_length=200)


class VersionIn(Strict):
    version: int = Field(description="The version read; a stale one gets 409.")


class ReviewIn(Strict):
    version: int
    decision: ReviewDecision
    comment: Annotated[str, StringConstraints(max_length=5000)] = ""
    section_comments: dict[
        Literal[
            "situation",
            "results",
            "emerging_issues",
            "proposals",
            "next_tasks",
            "commitments",
            "attachments",
        ],
        Annotated[str, StringConstraints(max_length=5000)],
    ] = Field(default_factory=dict)


class ComplianceQuery(BaseModel):
    kind: PeriodicKind
    year: int = Field(ge=2000, le=2100)


class ComplianceRow(BaseModel):
    agency: str
    period: str
    due_date: date
    timeliness: Timeliness
    report_id: int | None


class ComplianceOut(BaseModel):
    kind: ReportKind
    year: int
    items: list[ComplianceRow]


# -- issues ------------------------------------------------------------------------------------


class IssueQuery(PageQuery):
    status: IssueStatus | None = None
    sensitivity: Sensitivity | None = None
    field: Sector | None = None
    source: IssueSource | None = None
    agency: Code | None = Field(None, description="Reporting or responsible agency's code.")
    first_seen_from: date | None = None
    first_seen_to: date | None = None
    q: Annotated[str, StringConstraints(max_length=100)] | None = Field(
        None, description="Words of the title or summary; case and accents are ignored."
    )
    open: bool = False
    overdue: bool = False
    escalated: bool = False
    unassigned: bool = False


class IssueOut(BaseModel):
    id: int
    title: str
    field: Sector
    source: IssueSource
    sensitivity: Sensitivity
    status: IssueStatus
    reporting_agency: str = Field(description="The reporting agency's code.")
    responsible_agency: str | None = Field(description="The responsible agency's code.")
    first_seen: date
    response_due: date | None
    overdue: bool
    escalated: bool
    assignee: str | None = Field(description="The Office staff member's username.")
    version: int


class IssueEventOut(BaseModel):
    id: int
    kind: IssueEventKind
    at: datetime
    actor: str | None = Field(description="Who: a username.")
    from_status: IssueStatus | None
    to_status: IssueStatus | None
    comment: str


class IssueDetailOut(IssueOut):
    summary: str
    source_outlet: str
    source_url: str | None
    source_date: date | None
    district: str
    commune: str
    agreement_id: int | None
    commitment_id: int | None
    dismissed_reason: str | None
    events: list[IssueEventOut]


class IssueCreate(Strict):
    title: ShortText
    summary: Text
    field: Sector
    source: IssueSource
    source_outlet: Annotated[str, StringConstraints(max_length=200)] = ""
    source_url: Annotated[str, StringConstraints(max_length=500)] | None = None
    source_date: date | None = None
    first_seen: date
    district: Annotated[str, StringConstraints(max_length=100)] = ""
    commune: Annotated[str, StringConstraints(max_length=100)] = ""
    sensitivity: Sensitivity
    responsible_agency: Code = Field(description="The responsible agency's code.")
    agreement_id: int | None = Field(None, ge=1, le=2**31 - 1)
    commitment_id: int | None = Field(None, ge=1, le=2**31 - 1)


class IssuePatch(Strict):
    version: int = Field(description="The version read; a stale one gets 409.")
    status: IssueStatus | None = Field(
        None,
        description="new → under_review → being_handled → resolved → closed; dismissed "
        "(with a comment saying why) from new or under_review.",
    )
    comment: Annotated[str, StringConstraints(max_length=5000)] = ""
    assignee: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        None, description="The username of an Office staff member."
    )


# -- summaries ---------------------------------------------------------------------------------


class SummaryQuery(BaseModel):
    agency: Code | None = None


class SummaryFigures(BaseModel):
    reports_expected: int
    reports_submitted: int
    reports_on_time: int
    reports_late: int
    reports_missing: int
    reports_not_due: int
    on_time_rate: float | None = Field(description="on time ÷ (expected − not due)")
    commitments_total: int
    commitments_done: int
    commitments_overdue: int
    issues_flagged: int = Field(description="issues this agency (or the bloc) reported")
    issues_open: int = Field(description="open issues it is (or the bloc is) responsible for")


class SummaryAgency(SummaryFigures):
    code: str
    name: str
    dissolved_on: date | None


class SummaryIssues(BaseModel):
    by_field: dict[str, int]
    by_sensitivity: dict[str, int]
    by_source: dict[str, int]
    by_status: dict[str, int]
    median_days_to_resolve: float | None


class SummaryOut(BaseModel):
    term: str
    first: date
    last: date
    cutoff: date
    agencies: list[SummaryAgency]
    totals: SummaryFigures
    issues: SummaryIssues
