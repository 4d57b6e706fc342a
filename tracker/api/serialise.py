"""Models → API resources, following the API's one table of names."""

from datetime import UTC, datetime

from tracker.api import schemas
from tracker.enums import OPEN_ISSUE_STATUSES, CommitmentStatus, Timeliness
from tracker.services import calendar
from tracker.services.calendar import LOCAL_TZ, today_local


def moment(value: datetime | None) -> datetime | None:
    """An instant with Vietnam's offset (+07:00); SQLite gives naive UTC back."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL_TZ)


def agency(a) -> schemas.AgencyOut:
    return schemas.AgencyOut(
        id=a.id,
        code=a.code,
        name=a.name_vi,
        name_en=a.name_en,
        is_office=a.is_office,
        in_bloc=a.in_bloc,
        active=a.active,
        field=a.primary_field,
        dissolved_on=a.dissolved_on,
        successors=[s.successor.code for s in a.successions],
    )


def term(t) -> schemas.TermOut:
    return schemas.TermOut(id=t.id, name=t.name, start_date=t.start_date, end_date=t.end_date)


def agreement(a) -> schemas.AgreementOut:
    return schemas.AgreementOut(
        id=a.id,
        number=a.number,
        title=a.title,
        term=a.term.name,
        agencies=[p.agency.code for p in a.parties],
        signed_on=a.signed_on,
        status=a.status,
        summary=a.summary,
        version=a.version_id,
    )


def commitment(c, today=None) -> schemas.CommitmentOut:
    return schemas.CommitmentOut(
        id=c.id,
        agreement_id=c.agreement_id,
        agency=c.responsible_agency.code,
        field=c.field,
        title=c.title,
        description=c.description,
        evidence_expected=c.evidence_expected,
        due_date=c.due_date,
        recurrence=c.recurrence,
        status=c.status_on(today or today_local()),
        progress=c.progress,
        confirmed=c.confirmed,
        version=c.version_id,
    )


def update(u) -> schemas.UpdateOut:
    return schemas.UpdateOut(
        id=u.id,
        commitment_id=u.commitment_id,
        recorded_on=u.recorded_on,
        note=u.note,
        progress=u.progress,
        evidence_url=u.evidence_url,
        figures=[schemas.FigureOut(metric=f.metric, value=f.value) for f in u.figures],
        corrects_id=u.corrects_id,
        created_at=moment(u.created_at),
    )


def report_timeliness(r, today=None):
    if r.kind.value == "ad_hoc" and r.deadline is None:
        return Timeliness.ON_TIME if r.first_submitted_at else Timeliness.NOT_DUE
    return calendar.timeliness(r.deadline, r.first_submitted_at, today or today_local())


def report(r, today=None) -> schemas.ReportOut:
    return schemas.ReportOut(
        id=r.id,
        agency=r.agency.code,
        kind=r.kind,
        period=r.period,
        title=r.title,
        window_start=r.period_start,
        window_end=r.period_end,
        due_date=r.deadline,
        status=r.status,
        submitted_at=moment(r.first_submitted_at),
        timeliness=report_timeliness(r, today),
        version=r.version_id,
    )


def report_detail(r, shown) -> schemas.ReportDetailOut:
    base = report(r).model_dump()
    return schemas.ReportDetailOut(
        **base,
        situation=shown.situation,
        results=shown.results,
        emerging_issues=shown.emerging_issues,
        proposals=shown.proposals,
        next_tasks=shown.next_tasks,
        commitment_notes={str(k): v for k, v in (shown.commitment_notes or {}).items()},
        commitment_progress={str(k): v for k, v in (shown.commitment_progress or {}).items()},
        issues=[i.id for i in r.issues],
        versions=[
            {
                "number": v.number,
                "submitted_at": moment(v.submitted_at).isoformat(),
                "decision": v.decision.value if v.decision else None,
                "review_comment": v.review_comment,
                "section_comments": v.section_comments or {},
                "reviewed_at": moment(v.reviewed_at).isoformat() if v.reviewed_at else None,
            }
            for v in r.versions
        ],
    )


def issue(i, today=None) -> schemas.IssueOut:
    today = today or today_local()
    return schemas.IssueOut(**_issue_fields(i, today))


def _issue_fields(i, today) -> dict:
    return {
        "id": i.id,
        "title": i.title,
        "field": i.field,
        "source": i.source,
        "sensitivity": i.sensitivity,
        "status": i.status,
        "reporting_agency": i.reporting_agency.code,
        "responsible_agency": i.responsible_agency.code if i.responsible_agency else None,
        "first_seen": i.first_seen_on,
        "response_due": i.response_due_on,
        "overdue": i.status in OPEN_ISSUE_STATUSES
        and i.response_due_on is not None
        and i.response_due_on < today,
        "escalated": i.escalated_at is not None,
        "assignee": i.assignee.username if i.assignee else None,
        "version": i.version_id,
    }


def issue_detail(i) -> schemas.IssueDetailOut:
    return schemas.IssueDetailOut(
        **_issue_fields(i, today_local()),
        summary=i.summary,
        source_outlet=i.source_outlet,
        source_url=i.source_url,
        source_date=i.source_date,
        district=i.district,
        commune=i.commune,
        agreement_id=i.agreement_id,
        commitment_id=i.commitment_id,
        dismissed_reason=i.dismissed_reason,
        events=[
            schemas.IssueEventOut(
                id=e.id,
                kind=e.kind,
                at=moment(e.created_at),
                actor=e.actor.username if e.actor else None,
                from_status=e.from_status,
                to_status=e.to_status,
                comment=e.comment,
            )
            for e in i.events
        ],
    )


def _figures(discipline, commitments_by_status: dict, flagged: int, open_: int) -> dict:
    return {
        "reports_expected": discipline.expected,
        "reports_submitted": discipline.received,
        "reports_on_time": discipline.on_time,
        "reports_late": discipline.late,
        "reports_missing": discipline.missing,
        "reports_not_due": discipline.not_due,
        "on_time_rate": discipline.on_time_rate,
        "commitments_total": sum(commitments_by_status.values()),
        "commitments_done": commitments_by_status.get(CommitmentStatus.DONE, 0),
        "commitments_overdue": commitments_by_status.get(CommitmentStatus.OVERDUE, 0),
        "issues_flagged": flagged,
        "issues_open": open_,
    }


def summary(s) -> schemas.SummaryOut:
    """A summary's figures (services.summaries.build), as the API names them."""
    return schemas.SummaryOut(
        term=s.scope.term.name,
        first=s.scope.first,
        last=s.scope.last,
        cutoff=s.cutoff,
        agencies=[
            schemas.SummaryAgency(
                code=line.agency.code,
                name=line.agency.name_vi,
                dissolved_on=line.agency.dissolved_on,
                **_figures(
                    line.discipline,
                    line.commitments.by_status,
                    line.issues_flagged,
                    line.issues_open,
                ),
            )
            for line in s.lines
        ],
        totals=schemas.SummaryFigures(
            **_figures(s.discipline, s.commitments_by_status, s.issues_total, s.issues_open)
        ),
        issues=schemas.SummaryIssues(
            by_field={k.value: v for k, v in s.issues_by_field.items()},
            by_sensitivity={k.value: v for k, v in s.issues_by_sensitivity.items()},
            by_source={k.value: v for k, v in s.issues_by_source.items()},
            by_status={k.value: v for k, v in s.issues_by_status.items()},
            median_days_to_resolve=s.median_days_to_resolve,
        ),
    )
