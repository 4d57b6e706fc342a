"""Reports: a liaison starts, saves and submits their agency's report; the Office accepts it or
returns it with comments (next to the sections they concern) and may reopen an accepted one.

Every submission is a frozen ``ReportVersion``; nothing is ever overwritten. What a report is
expected, and whether it came on time, is decided in one place only: ``compliance``. The
named queries of the report pages are here too; each returns a ``select()`` with the loading
its page needs and ``raiseload`` for the rest. Services flush and audit; the caller commits.
"""

import difflib
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload, raiseload, selectinload

from tracker.enums import (
    OPEN_ISSUE_STATUSES,
    AuditAction,
    NotificationKind,
    ReportEventKind,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Timeliness,
)
from tracker.extensions import db
from tracker.formatting import fmt_date, report_title
from tracker.models import (
    Agency,
    Agreement,
    Attachment,
    Commitment,
    Issue,
    Report,
    ReportEvent,
    ReportVersion,
    Term,
    report_issue,
)
from tracker.models.base import utcnow
from tracker.permissions import reports_visible_to
from tracker.services import attachments, calendar, compliance, notifications, settings
from tracker.services import commitments as commitment_service
from tracker.services.audit import record
from tracker.services.errors import ConflictError, ValidationError
from tracker.services.validation import clean_date, clean_text, require

#: The written sections of a report, in the order of DOMAIN.md.
TEXT_SECTIONS = ("situation", "results", "emerging_issues", "proposals", "next_tasks")
#: What a reviewer may comment on, next to the section it concerns.
COMMENTABLE = (*TEXT_SECTIONS, "commitments", "attachments")
MAX_SECTION = 20_000
EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class DuplicateReportError(ValidationError):
    """The agency already has a report for this period (``existing`` is it)."""

    def __init__(self, existing: Report):
        super().__init__(
            _(
                "Your agency already has this report (%(title)s): open it instead.",
                title=report_title(existing.kind, existing.period),
            ),
            "period",
        )
        self.existing = existing


# -- queries -------------------------------------------------------------------------------------


def list_query(
    user,
    *,
    kind: ReportKind | None = None,
    status: ReportStatus | None = None,
    agency_id: int | None = None,
    year: int | None = None,
    period: str | None = None,
    timeliness: Timeliness | None = None,
    today: date | None = None,
) -> sa.Select:
    """The reports ``user`` may see (a draft only by its agency), newest period first;
    ``timeliness`` as ``calendar.timeliness`` classifies them on ``today``."""
    stmt = reports_visible_to(user, sa.select(Report))
    if timeliness is not None:
        stmt = stmt.where(_timeliness_is(timeliness, today or calendar.today_local()))
    if kind is not None:
        stmt = stmt.where(Report.kind == kind)
    if status is not None:
        stmt = stmt.where(Report.status == status)
    if agency_id is not None:
        stmt = stmt.where(Report.agency_id == agency_id)
    if year is not None:
        stmt = stmt.where(Report.period.startswith(f"{year:04d}"))
    if period is not None:
        stmt = stmt.where(Report.period == period)
    return stmt.options(joinedload(Report.agency), raiseload("*")).order_by(
        Report.period_end.desc(), Report.agency_id, Report.kind, Report.id
    )


def _timeliness_is(value: Timeliness, today: date):
    """``calendar.timeliness`` as SQL: a report sent by its deadline (a local date) is on
    time, after it late; one never sent is missing once its deadline has passed."""
    sent_on, deadline = Report.first_submitted_on, Report.deadline
    if value is Timeliness.ON_TIME:
        return sa.and_(sent_on.is_not(None), sent_on <= deadline)
    if value is Timeliness.LATE:
        return sa.and_(sent_on.is_not(None), sent_on > deadline)
    if value is Timeliness.MISSING:
        return sa.and_(sent_on.is_(None), deadline < today)
    return sa.and_(sent_on.is_(None), deadline >= today)


def detail_query(report_id: int) -> sa.Select:
    """One report with its agency, files, linked issues, timeline and every version (who
    submitted and reviewed it, and its files)."""
    return (
        sa.select(Report)
        .where(Report.id == report_id)
        .options(
            joinedload(Report.agency),
            selectinload(Report.attachments),
            selectinload(Report.issues).options(raiseload("*")),
            selectinload(Report.events).options(joinedload(ReportEvent.actor), raiseload("*")),
            selectinload(Report.versions).options(
                joinedload(ReportVersion.submitted_by),
                joinedload(ReportVersion.reviewer),
                selectinload(ReportVersion.attachments),
                raiseload("*"),
            ),
            raiseload("*"),
        )
    )


def awaiting_review_query(user) -> sa.Select:
    """Submitted reports waiting for the Office, the longest-waiting first."""
    return (
        reports_visible_to(user, sa.select(Report))
        .where(Report.status == ReportStatus.SUBMITTED)
        .options(joinedload(Report.agency), raiseload("*"))
        .order_by(Report.last_submitted_at, Report.id)
    )


def returned_query(user) -> sa.Select:
    """Reports sent back to their agency for revision."""
    return (
        reports_visible_to(user, sa.select(Report))
        .where(Report.status == ReportStatus.RETURNED)
        .options(joinedload(Report.agency), raiseload("*"))
        .order_by(Report.deadline, Report.id)
    )


def commitments_in_force(report: Report) -> list[Commitment]:
    """The agency's commitments a report speaks of: confirmed and not cancelled, under the
    agreements of the latest term in which the agency had signed one by the period's end (an
    old agreement binds until its successor is signed), and not finished before the period
    began. Those the report already has a line for stay, whatever happened since."""
    agency_id, on = report.agency_id, report.period_end
    latest_term = (
        sa.select(Term.id)
        .join(Agreement, Agreement.term_id == Term.id)
        .join(Commitment, Commitment.agreement_id == Agreement.id)
        .where(
            Commitment.responsible_agency_id == agency_id,
            Agreement.signed_on.is_not(None),
            Agreement.signed_on <= on,
        )
        .order_by(Term.start_date.desc())
        .limit(1)
        .scalar_subquery()
    )
    began = calendar.local_midnight(report.period_start)
    finished_before = sa.or_(
        Commitment.done_at < began,
        sa.and_(
            Commitment.progress >= 100,
            sa.or_(
                Commitment.last_update_on.is_(None),
                Commitment.last_update_on < report.period_start,
            ),
        ),
    )
    in_force = sa.and_(
        Agreement.term_id == latest_term,
        Agreement.signed_on.is_not(None),
        Agreement.signed_on <= on,
        Commitment.confirmed.is_(True),
        Commitment.cancelled_at.is_(None),
        sa.not_(sa.func.coalesce(finished_before, False)),
    )
    noted = [int(k) for k in (report.commitment_notes or {})]
    noted += [int(k) for k in (report.commitment_progress or {}) if int(k) not in noted]
    return list(
        db.session.scalars(
            sa.select(Commitment)
            .join(Agreement, Commitment.agreement_id == Agreement.id)
            .where(
                Commitment.responsible_agency_id == agency_id,
                sa.or_(in_force, Commitment.id.in_(noted)) if noted else in_force,
            )
            .options(joinedload(Commitment.agreement), raiseload("*"))
            .order_by(Agreement.signed_on.desc(), Commitment.position, Commitment.id)
        )
    )


def commitment_titles(ids) -> dict[str, str]:
    """Titles of commitments a report speaks of, by id (as the report's JSON keys them)."""
    ids = list(ids)
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(Commitment.id, Commitment.title).where(Commitment.id.in_(ids))
    )
    return {str(cid): title for cid, title in rows}


def issues_for(report: Report) -> list[Issue]:
    """The issues a report may speak of: those its agency flagged or must handle that are
    still open or were first seen from a month before the period on, and those it already
    links."""
    agency_id = report.agency_id
    linked = sa.select(report_issue.c.issue_id).where(report_issue.c.report_id == report.id)
    recent = report.period_start - timedelta(days=31)
    return list(
        db.session.scalars(
            sa.select(Issue)
            .where(
                sa.or_(
                    Issue.id.in_(linked),
                    sa.and_(
                        sa.or_(
                            Issue.reporting_agency_id == agency_id,
                            Issue.responsible_agency_id == agency_id,
                        ),
                        sa.or_(
                            Issue.status.in_(OPEN_ISSUE_STATUSES),
                            Issue.first_seen_on >= recent,
                        ),
                        Issue.first_seen_on <= report.period_end + timedelta(days=62),
                    ),
                )
            )
            .options(raiseload("*"))
            .order_by(Issue.first_seen_on.desc(), Issue.id.desc())
            .limit(200)
        )
    )


# -- starting a report ---------------------------------------------------------------------


def _existing(agency_id: int, kind: ReportKind, period: str) -> Report | None:
    return db.session.scalar(
        sa.select(Report).where(
            Report.agency_id == agency_id, Report.kind == kind, Report.period == period
        )
    )


def _check_can_file(agency: Agency) -> None:
    require(
        agency.can_file,
        _("%(name)s no longer exists or is inactive: it files no new report.", name=agency.name_vi),
    )


def start(actor, agency: Agency, kind: ReportKind, period_label: str) -> Report:
    """Open the draft of a periodic report the agency owes.

    Raises DuplicateReportError when it already has one for that period (one report per
    agency, kind and period), ValidationError for an unknown period or one it does not owe."""
    _check_can_file(agency)
    try:
        period = calendar.parse_period(kind, period_label)
    except ValueError:
        raise ValidationError(_("Choose a period from the list."), "period") from None
    existing = _existing(agency.id, kind, period.label)
    if existing is not None:
        raise DuplicateReportError(existing)
    owed = compliance.expected_reports(period.end, period.end, kinds=[kind], agency_ids=[agency.id])
    require(
        any(r.period == period for r in owed),
        _("Your agency owes no report for this period under its agreements."),
        "period",
    )
    holidays, workdays = compliance.calendar_days()
    report = Report(
        agency_id=agency.id,
        kind=kind,
        period=period.label,
        period_start=period.start,
        period_end=period.end,
        deadline=calendar.deadline_for(period, settings.deadline_days(kind), holidays, workdays),
        status=ReportStatus.DRAFT,
        created_by_id=getattr(actor, "id", None),
    )
    return _created(actor, report)


def start_ad_hoc(
    actor, agency: Agency, *, title: str, window_start, window_end, deadline=None
) -> Report:
    """Open an ad hoc report (đột xuất), about a hot issue: a title, the days it covers and, if
    the Office asked for it by a date, that deadline. Its label is ``YYYY-AHnn``, numbered
    within the agency's year."""
    _check_can_file(agency)
    title = clean_text(title, "title", required=True, max_length=300)
    window_start = clean_date(window_start, "window_start")
    window_end = clean_date(window_end, "window_end")
    deadline = clean_date(deadline, "deadline", required=False)
    today = calendar.today_local()
    require(window_start <= window_end, _("The end must not be before the start."), "window_end")
    require(window_end <= today, _("The period cannot end after today."), "window_end")
    require(
        window_start >= today - timedelta(days=366),
        _("An ad hoc report covers at most the past year."),
        "window_start",
    )
    if deadline is not None:
        require(deadline >= window_end, _("The deadline must not be before the end."), "deadline")
    year = window_end.year
    labels = db.session.scalars(
        sa.select(Report.period).where(
            Report.agency_id == agency.id,
            Report.kind == ReportKind.AD_HOC,
            Report.period.startswith(f"{year}-AH"),
        )
    ).all()
    number = 1 + max((int(label[7:]) for label in labels if label[7:].isdigit()), default=0)
    report = Report(
        agency_id=agency.id,
        kind=ReportKind.AD_HOC,
        period=f"{year}-AH{number:02d}",
        period_start=window_start,
        period_end=window_end,
        deadline=deadline,
        title=title,
        status=ReportStatus.DRAFT,
        created_by_id=getattr(actor, "id", None),
    )
    return _created(actor, report)


def _created(actor, report: Report) -> Report:
    db.session.add(report)
    db.session.flush()
    _event(report, ReportEventKind.CREATED, actor)
    record(
        actor,
        AuditAction.CREATE,
        report,
        after={"agency_id": report.agency_id, "kind": report.kind.value, "period": report.period},
    )
    return report


def _event(report: Report, kind: ReportEventKind, actor, comment: str = "", number=None):
    db.session.add(
        ReportEvent(
            report_id=report.id,
            kind=kind,
            actor_id=getattr(actor, "id", None),
            comment=comment,
            version_number=number,
        )
    )


# -- writing the draft ---------------------------------------------------------------------------


def _check_version(report: Report, version: int | None) -> None:
    if version is not None and version != report.version_id:
        raise ConflictError()


def _check_editable(report: Report) -> None:
    require(
        report.status in EDITABLE,
        _("This report has been sent to the Office: it can no longer be changed."),
    )


@dataclass
class Draft:
    """What a liaison writes into a report."""

    situation: str = ""
    results: str = ""
    emerging_issues: str = ""
    proposals: str = ""
    next_tasks: str = ""
    title: str | None = None
    commitment_notes: dict[int, str] | None = None
    commitment_progress: dict[int, int | None] | None = None
    issue_ids: list[int] | None = None


def save(actor, report: Report, draft: Draft, *, version: int | None, upload=None) -> Report:
    """Save what the liaison wrote, as often as they like (nothing is submitted).

    Raises ValidationError (a section too long or with control characters, a commitment that is
    not the agency's, an issue it may not link, a bad file), ConflictError when the report was
    saved elsewhere since ``version``."""
    _check_editable(report)
    _check_version(report, version)
    values = {
        name: clean_text(
            getattr(draft, name), name, required=False, max_length=MAX_SECTION, multiline=True
        )
        for name in TEXT_SECTIONS
    }
    if draft.title is not None:
        values["title"] = clean_text(draft.title, "title", required=False, max_length=300)
    if draft.commitment_notes is not None or draft.commitment_progress is not None:
        allowed = {c.id for c in commitments_in_force(report)}
        notes, progress = {}, {}
        for cid, text in (draft.commitment_notes or {}).items():
            require(cid in allowed, _("Choose a commitment of your agency."), "commitments")
            text = clean_text(text, "commitments", required=False, max_length=5000, multiline=True)
            if text:
                notes[str(cid)] = text
        for cid, value in (draft.commitment_progress or {}).items():
            require(cid in allowed, _("Choose a commitment of your agency."), "commitments")
            if value is not None:
                require(
                    isinstance(value, int) and 0 <= value <= 100,
                    _("Enter a number from %(min)s to %(max)s.", min=0, max=100),
                    "commitments",
                )
                progress[str(cid)] = value
        values["commitment_notes"] = notes
        values["commitment_progress"] = progress
    if draft.issue_ids is not None:
        allowed_issues = {i.id: i for i in issues_for(report)}
        for issue_id in draft.issue_ids:
            require(issue_id in allowed_issues, _("Choose an issue of your agency."), "issues")
        report.issues = [allowed_issues[i] for i in dict.fromkeys(draft.issue_ids)]
    changed = [k for k, v in values.items() if getattr(report, k) != v]
    for key in changed:
        setattr(report, key, values[key])
    if changed:
        report.updated_at = utcnow()
    db.session.flush()
    if upload is not None and getattr(upload, "filename", ""):
        attachments.store(actor, report, upload)
    if changed:
        record(actor, AuditAction.UPDATE, report, after={"saved": changed}, detail="draft")
    return report


def remove_attachment(actor, report: Report, attachment_id: int) -> None:
    """Take a file off a draft (a submitted version keeps its own copy)."""
    _check_editable(report)
    attachment = db.session.get(Attachment, attachment_id)
    require(
        attachment is not None and attachment.report_id == report.id,
        _("This file is not attached to this report."),
    )
    record(actor, AuditAction.DELETE, attachment, before={"name": attachment.original_name})
    db.session.delete(attachment)
    db.session.flush()


# -- submitting and reviewing ------------------------------------------------------------------


def submit(actor, report: Report, *, version: int | None) -> ReportVersion:
    """Send the report to the Office as a new frozen version (its files copied to it). The
    first submission's time decides timeliness; a resubmission after a return does not change
    it. Each commitment line becomes a progress update on that commitment.

    Raises ValidationError when the report is not editable or its two main sections are empty,
    ConflictError when it was saved elsewhere since ``version``."""
    _check_editable(report)
    _check_version(report, version)
    require(
        (report.situation or "").strip(),
        _("Write the ideological situation and public opinion before sending."),
        "situation",
    )
    require(
        (report.results or "").strip() or report.commitment_notes,
        _("Write the results of coordination before sending."),
        "results",
    )
    previous = report.versions[-1] if report.versions else None
    now = utcnow()
    number = (previous.number if previous else 0) + 1
    frozen = ReportVersion(
        number=number,
        submitted_at=now,
        submitted_by_id=getattr(actor, "id", None),
        situation=report.situation,
        results=report.results,
        commitment_notes=dict(report.commitment_notes or {}),
        commitment_progress=dict(report.commitment_progress or {}),
        emerging_issues=report.emerging_issues,
        proposals=report.proposals,
        next_tasks=report.next_tasks,
    )
    report.versions.append(frozen)
    db.session.flush()
    for attachment in report.attachments:
        attachments.copy_to(actor, attachment, frozen)
    report.first_submitted_at = report.first_submitted_at or now
    report.last_submitted_at = now
    report.status = ReportStatus.SUBMITTED
    _record_progress(actor, report, previous)
    _event(report, ReportEventKind.SUBMITTED, actor, number=number)
    db.session.flush()
    notifications.notify(
        notifications.office_staff(),
        NotificationKind.REPORT_SUBMITTED,
        _facts(report),
        link=f"/reports/{report.id}",
    )
    record(
        actor,
        AuditAction.SUBMIT,
        report,
        after={"version": number, "status": ReportStatus.SUBMITTED.value},
    )
    return frozen


def _record_progress(actor, report: Report, previous: ReportVersion | None) -> None:
    """Each commitment line that is new or changed since the last submission becomes a dated
    progress update on that commitment."""
    today = calendar.today_local()
    before_notes = (previous.commitment_notes or {}) if previous else {}
    before_progress = (previous.commitment_progress or {}) if previous else {}
    by_id = {c.id: c for c in commitments_in_force(report)}
    title = report_title(report.kind, report.period)
    for key, note in (report.commitment_notes or {}).items():
        commitment = by_id.get(int(key))
        progress = (report.commitment_progress or {}).get(key)
        if commitment is None or not note.strip():
            continue
        if before_notes.get(key) == note and before_progress.get(key) == progress:
            continue
        signed = commitment.agreement.signed_on
        if signed is not None and today < signed:
            continue
        commitment_service.post_update(
            actor,
            commitment,
            recorded_on=today,
            note=f"{title}: {note}",
            progress=progress if progress is not None else commitment.progress,
        )


def _facts(report: Report) -> dict:
    return {
        "report_id": report.id,
        "report_kind": report.kind.value,
        "period": report.period,
        "agency": report.agency.name_vi if report.agency else "",
        "deadline": fmt_date(report.deadline) if report.deadline else "",
    }


def review(
    actor,
    report: Report,
    *,
    decision: ReviewDecision,
    comment: str = "",
    section_comments: dict[str, str] | None = None,
    version: int | None = None,
) -> ReportVersion:
    """The Office's decision on the latest submission: accept it (the report locks) or return
    it with comments, in general and next to the sections they concern. A version's decision is
    recorded once.

    Raises ValidationError: the report is not waiting for review, a return without any
    comment, a comment on an unknown section; ConflictError when it changed since ``version``."""
    require(
        report.status == ReportStatus.SUBMITTED,
        _("This report is not waiting for review."),
    )
    _check_version(report, version)
    decision = ReviewDecision(decision)
    comment = clean_text(comment, "comment", required=False, max_length=5000, multiline=True)
    cleaned = {}
    for section, text in (section_comments or {}).items():
        require(section in COMMENTABLE, _("Choose a value from the list."), "section_comments")
        text = clean_text(text, section, required=False, max_length=5000, multiline=True)
        if text:
            cleaned[section] = text
    if decision is ReviewDecision.RETURNED:
        require(
            comment or cleaned,
            _("Say what must be corrected: write a comment before returning the report."),
            "comment",
        )
    latest = report.versions[-1]
    require(latest.decision is None, _("This submission has already been reviewed."))
    now = utcnow()
    latest.decision = decision
    latest.review_comment = comment or None
    latest.section_comments = cleaned or None
    latest.reviewed_at = now
    latest.reviewer_id = getattr(actor, "id", None)
    if decision is ReviewDecision.ACCEPTED:
        report.status = ReportStatus.ACCEPTED
        report.accepted_at = now
        kind, event = NotificationKind.REPORT_ACCEPTED, ReportEventKind.ACCEPTED
    else:
        report.status = ReportStatus.RETURNED
        kind, event = NotificationKind.REPORT_RETURNED, ReportEventKind.RETURNED
    _event(report, event, actor, comment, number=latest.number)
    db.session.flush()
    notifications.notify(
        notifications.liaisons_of(report.agency_id), kind, _facts(report), f"/reports/{report.id}"
    )
    record(
        actor,
        AuditAction.REVIEW,
        report,
        after={"version": latest.number, "decision": decision.value, "comment": comment},
    )
    return latest


def reopen(actor, report: Report, *, reason: str, version: int | None = None) -> Report:
    """Reopen an accepted report so its agency can revise it, saying why. The accepted version
    keeps its decision; the reopening is its own event on the report's timeline."""
    require(report.status == ReportStatus.ACCEPTED, _("Only an accepted report can be reopened."))
    _check_version(report, version)
    reason = clean_text(reason, "reason", required=True, max_length=2000, multiline=True)
    report.status = ReportStatus.RETURNED
    report.accepted_at = None
    _event(report, ReportEventKind.REOPENED, actor, reason)
    db.session.flush()
    facts = _facts(report) | {"reason": reason}
    notifications.notify(
        notifications.liaisons_of(report.agency_id),
        NotificationKind.REPORT_REOPENED,
        facts,
        f"/reports/{report.id}",
    )
    record(actor, AuditAction.UPDATE, report, after={"reopened": True, "reason": reason})
    return report


# -- reading a report ----------------------------------------------------------------------


def returned_comments(report: Report) -> ReportVersion | None:
    """The version whose return comments the liaison must see while revising (if any)."""
    if report.status != ReportStatus.RETURNED or not report.versions:
        return None
    latest = report.versions[-1]
    return latest if latest.decision == ReviewDecision.RETURNED else None


def changes(old: str, new: str) -> list[tuple[str, str]]:
    """What changed in a text between two versions, word by word: pairs of ("same", "added",
    "removed") and the words."""
    before, after = (old or "").split(" "), (new or "").split(" ")
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("same", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", " ".join(before[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(after[j1:j2])))
    return out


def version_changes(report: Report) -> dict[int, dict[str, list[tuple[str, str]]]]:
    """For each version after the first, the sections that changed since the one before."""
    out = {}
    for previous, current in zip(report.versions, report.versions[1:], strict=False):
        sections = {}
        for name in TEXT_SECTIONS:
            if (getattr(previous, name) or "") != (getattr(current, name) or ""):
                sections[name] = changes(getattr(previous, name), getattr(current, name))
        out[current.number] = sections
    return out


def histories(agency_ids, today: date | None = None) -> dict[int, compliance.Discipline]:
    """Each agency's reporting discipline over the past twelve months (for the review queue),
    in one pass."""
    today = today or calendar.today_local()
    ids = list(set(agency_ids))
    if not ids:
        return {}
    rows = compliance.expected_reports(
        today - timedelta(days=365), today, today=today, agency_ids=ids
    )
    return compliance.discipline_by_agency(rows)
