"""Agreements (one per department and term), their commitments and dated progress updates.

Each agreement is drawn from the clauses valid on its signing day; each progress update is
dated within [signed, yesterday] and says only what could be said that day. The commitment
to report is kept by the reports themselves: its updates are written after the reports exist
(``seed_reporting_progress``) and name reports that were really sent by then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.demo.content.agencies import (
    AREAS,
    CARRIED_ON_BY,
    DISSOLVED_ON,
    MERGED,
    MID_TERM,
    SIGNATORIES,
    TERMS,
)
from tracker.demo.content.clauses import (
    AGREEMENT_NOTES,
    AGREEMENT_NOTES_DRAFT,
    AGREEMENT_NOTES_REPLACED,
    AGREEMENT_NOTES_TRANSFERRED,
    CLAUSES,
    COMMON_CLAUSES,
    COUNTED_BY_K,
    EVIDENCE_EXPECTED,
    TRANSFER_REASON,
    Clause,
    Due,
)
from tracker.demo.content.people import OFFICE_STAFF
from tracker.demo.content.timing import ALWAYS, phrase, usable
from tracker.demo.context import Context, num, period_words, slug
from tracker.enums import (
    AgreementStatus,
    CommitmentStatus,
    Metric,
    PartyRole,
    Recurrence,
)
from tracker.extensions import db
from tracker.models import (
    Agreement,
    AgreementParty,
    Commitment,
    CommitmentUpdate,
    CommitmentUpdateFigure,
    Report,
)
from tracker.services import calendar, compliance

S = CommitmentStatus
DONE_SUFFIX = "; hoàn thành nội dung phối hợp."
#: Why the Office cancelled a clause of a past term (Vietnamese data).
CANCEL_REASONS = (
    "Nội dung đã được lồng ghép vào kế hoạch chung của Ban Chỉ đạo tỉnh, không triển khai "
    "riêng theo chương trình phối hợp.",
    "Văn bản của Trung ương hướng dẫn nội dung này thay đổi; hai bên thống nhất dừng thực hiện.",
    "Kinh phí năm không được bố trí; chuyển nội dung sang giai đoạn sau.",
)


@dataclass(frozen=True)
class Signing:
    """An agreement to be: the department, the term (index in ``TERMS``), the day it is (to
    be) signed, its number, and whether it came during the term (a new department's)."""

    code: str
    index: int
    day: date
    number: int
    mid_term: bool = False


def _signings(ctx: Context) -> list[Signing]:
    """One agreement per department existing when a term starts, and one for each
    department that came into being during a term; each on a working day of its window."""
    rng = ctx.rng
    out = []
    for index, spec in enumerate(TERMS):
        partners = ctx.departments(spec.start)
        days = [
            spec.signing_from + timedelta(days=rng.randint(0, spec.signing_days)) for _ in partners
        ]
        for position, (code, day) in enumerate(zip(partners, days, strict=True)):
            out.append(
                Signing(code, index, ctx.next_working_day(day), spec.first_number + position)
            )
    for mid in MID_TERM:
        if mid.code in ctx.agencies:
            day = mid.signing_from + timedelta(days=rng.randint(0, mid.signing_days))
            out.append(Signing(mid.code, mid.term, ctx.next_working_day(day), mid.number, True))
    return out


def seed_agreements(ctx: Context) -> None:
    """The agreements (a draft if the signing day has not come yet), each with 9 to 14
    commitments."""
    agreements: list[Agreement] = []
    commitments: list[Commitment] = []
    updates: list[CommitmentUpdate] = []
    # Later first, so that a replaced agreement can point at its successor: the next term's,
    # or the programme of the department that took over a dissolved one's work.
    for signing in sorted(_signings(ctx), key=lambda s: (s.index, s.mid_term), reverse=True):
        agreement = _agreement(ctx, signing)
        agreements.append(agreement)
        made, made_updates = _commitments(ctx, agreement, signing.code, signing.index)
        ctx.agreements[(signing.code, signing.index)] = agreement
        ctx.commitments[(signing.code, signing.index)] = made
        commitments += made
        updates += made_updates
    db.session.add_all(agreements)
    db.session.add_all(commitments)
    db.session.add_all(updates)
    ctx.summary.agreements = len(agreements)
    ctx.summary.commitments = len(commitments)
    ctx.summary.updates += len(updates)


def _agreement(ctx: Context, signing: Signing) -> Agreement:
    index, code = signing.index, signing.code
    spec = TERMS[index]
    agency = ctx.agencies[code]
    signed_day = signing.day
    signed = signed_day <= ctx.yesterday
    record_day = signed_day if signed else min(ctx.yesterday, max(spec.start, signed_day))
    office = ctx.office(signed_day if signed else ctx.yesterday)
    successor = ctx.agreements.get((code, index + 1))
    next_signed = successor is not None and successor.signed_on is not None
    taken_over = _taken_over_by(ctx, code, index)
    if not signed:
        status, notes = AgreementStatus.DRAFT, AGREEMENT_NOTES_DRAFT
    elif next_signed and spec.carried_over:
        status, notes = AgreementStatus.REPLACED, AGREEMENT_NOTES_REPLACED
    elif taken_over is not None:
        successor = taken_over
        status = AgreementStatus.REPLACED
        notes = AGREEMENT_NOTES_TRANSFERRED.format(
            agency=agency.name_vi,
            day=f"{DISSOLVED_ON[code].day:02d}/{DISSOLVED_ON[code].month}/{DISSOLVED_ON[code].year}",
            number=taken_over.number,
            successor=ctx.agencies[CARRIED_ON_BY[code]].name_vi,
        )
    elif ctx.today > spec.end:
        status, notes = AgreementStatus.EXPIRED, signed_notes(ctx, signed_day)
    else:
        status, notes = AgreementStatus.IN_FORCE, signed_notes(ctx, signed_day)
    created = ctx.office_time(record_day)
    agreement = Agreement(
        number=f"{signing.number:02d}-CTr/{office.code}-{code}",
        title=(
            f"Chương trình phối hợp giữa {office.name_vi} và {agency.name_vi} giai đoạn {spec.name}"
        ),
        term=ctx.terms[index],
        signed_on=signed_day if signed else None,
        status=status,
        summary=notes,
        created_by_id=ctx.users[OFFICE_STAFF[0]].id,
        created_at=created,
        updated_at=created,
    )
    if status is AgreementStatus.REPLACED:
        agreement.replaced_by = successor
    agreement.parties = [
        AgreementParty(
            agency=office,
            role=PartyRole.LEAD,
            signatory=SIGNATORIES[office.code][index] or "",
        ),
        AgreementParty(
            agency=agency, role=PartyRole.PARTNER, signatory=SIGNATORIES[code][index] or ""
        ),
    ]
    return agreement


def _taken_over_by(ctx: Context, code: str, index: int) -> Agreement | None:
    """The signed programme that took over a dissolved department's, during its term."""
    if ctx.last_day(code) is None or code not in CARRIED_ON_BY:
        return None
    if not TERMS[index].start <= DISSOLVED_ON[code] <= TERMS[index].end:
        return None
    successor = ctx.agreements.get((CARRIED_ON_BY[code], index))
    return successor if successor is not None and successor.signed_on is not None else None


def _stop(ctx: Context, code: str, index: int) -> date:
    """The last day an agency's programme of a term ran: the term's end, or the day before
    the agency ceased to exist."""
    last = ctx.last_day(code)
    end = TERMS[index].end
    return min(end, last) if last is not None else end


def signed_notes(ctx: Context, signed_day: date) -> str:
    """What the programme says of itself on the day it is signed."""
    found = usable(AGREEMENT_NOTES, signed_day)
    return found[0].text if found else ""


def _commitments(
    ctx: Context, agreement: Agreement, code: str, index: int
) -> tuple[list[Commitment], list[CommitmentUpdate]]:
    """The agreement's clauses: those every agreement has, the department's own and a few
    common ones, all valid on the signing day (or, for a draft, today)."""
    rng = ctx.rng
    agency = ctx.agencies[code]
    area = AREAS[code]
    spec = TERMS[index]
    signed = agreement.signed_on is not None
    start = agreement.signed_on or spec.start
    clause_day = agreement.signed_on or ctx.today
    stop = _stop(ctx, code, index)
    own = [c for c in CLAUSES[code] if c.when.allows(clause_day)]
    common = [c for c in COMMON_CLAUSES if c.when.allows(clause_day)]
    always = [c for c in common if c.always]
    optional = [c for c in common if not c.always]
    total = rng.randint(max(9, len(own) + len(always)), min(14, len(own) + len(common)))
    clauses = [*always, *own, *rng.sample(optional, total - len(own) - len(always))]
    commitments: list[Commitment] = []
    updates: list[CommitmentUpdate] = []
    for position, clause in enumerate(clauses, start=1):
        due = _due_date(ctx, clause, start, spec.end)
        status, progress, transferred = _state(ctx, clause, index, start, due, signed, stop)
        created = ctx.office_time(min(start, ctx.yesterday))
        commitment = Commitment(
            agreement=agreement,
            position=position,
            responsible_agency=agency,
            field=agency.primary_field,
            title=clause.title.format(area=area),
            description=clause.description.format(area=area),
            evidence_expected=evidence_expected(clause),
            due_date=due,
            recurrence=clause.recurrence,
            progress=0,
            confirmed=True,
            confirmed_at=created,
            confirmed_by=ctx.office_staff[0],
            created_at=created,
            updated_at=created,
        )
        ctx.clause_of[commitment] = clause
        commitments.append(commitment)
        if clause.from_reports:
            continue  # seed_reporting_progress, once the reports exist
        made = _updates(ctx, commitment, clause, code, start, status, progress, stop)
        # The status is derived from what was recorded: the progress of the latest update, the
        # day of it, and a cancellation. Nothing recorded yet (a summer activity in spring)
        # leaves it not started, or overdue once its day has passed.
        _record_state(ctx, commitment, made)
        if transferred:
            _transfer(ctx, commitment, code)
        elif status is S.CANCELLED:
            _cancel(ctx, commitment, made)
        updates += made
    return commitments, updates


def evidence_expected(clause: Clause) -> str:
    if clause.evidence:
        return clause.evidence
    if clause.from_reports:
        return "Các báo cáo định kỳ đã gửi về Ban qua hệ thống, đúng thời hạn."
    return EVIDENCE_EXPECTED[clause.metric]


def _record_state(ctx: Context, commitment: Commitment, made: list[CommitmentUpdate]) -> None:
    """Set what the status is derived from: the latest update's progress and day."""
    if made:
        latest = max(made, key=lambda u: u.recorded_on)
        commitment.progress = latest.progress
        commitment.last_update_on = latest.recorded_on


def _cancel(ctx: Context, commitment: Commitment, made: list[CommitmentUpdate]) -> None:
    """A clause of a past term the Office cancelled, after its last update."""
    after = made[-1].recorded_on if made else commitment.agreement.signed_on
    day = min(ctx.yesterday, after + timedelta(days=ctx.rng.randint(20, 90)))
    commitment.cancelled_at = ctx.office_time(day)
    commitment.cancel_reason = ctx.rng.choice(CANCEL_REASONS)


def _transfer(ctx: Context, commitment: Commitment, code: str) -> None:
    """A dissolved department's unfinished clause: the Office cancels it in the days after
    the department ceased, saying who carries the work on."""
    if commitment.status_on(ctx.today) is S.DONE:
        return
    dissolved = DISSOLVED_ON[code]
    after = max(dissolved, commitment.last_update_on or dissolved)
    day = ctx.next_working_day(after + timedelta(days=ctx.rng.randint(1, 15)))
    commitment.cancelled_at = ctx.office_time(min(ctx.yesterday, day))
    successor = CARRIED_ON_BY.get(code)
    commitment.cancel_reason = TRANSFER_REASON.format(
        agency=ctx.agencies[code].name_vi,
        day=f"{dissolved.day:02d}/{dissolved.month}/{dissolved.year}",
        successor=(
            f"chương trình phối hợp với {ctx.agencies[successor].name_vi}"
            if successor in ctx.agencies
            else "các cơ quan tiếp nhận chức năng, nhiệm vụ"
        ),
    )


def _due_date(ctx: Context, clause: Clause, start: date, term_end: date) -> date:
    """Recurring clauses run to the end of the term; one-off ones have their own date."""
    rng = ctx.rng
    if clause.recurrence is not Recurrence.ONCE:
        return term_end
    span = (term_end - start).days
    if clause.due is Due.SOON:
        day = start + timedelta(days=rng.randint(30, 75))
    elif clause.due is Due.MIDTERM:
        day = start + timedelta(days=span // 2 + rng.randint(-20, 20))
    else:
        day = start + timedelta(days=rng.randint(min(60, span // 3), max(61, span * 2 // 3)))
    return ctx.next_working_day(min(day, term_end))


def _state(
    ctx: Context,
    clause: Clause,
    index: int,
    start: date,
    due: date,
    signed: bool,
    stop: date,
) -> tuple[CommitmentStatus, int, bool]:
    """The status a clause reached, its progress, and whether it was left unfinished when its
    department ceased to exist (``stop`` before the term's end)."""
    rng = ctx.rng
    term_end = TERMS[index].end
    if not signed or start >= ctx.today:
        return S.NOT_STARTED, 0, False
    if stop < term_end:  # the department ceased during the term
        ceased = stop + timedelta(days=1)
        if clause.recurrence is Recurrence.ONCE:
            if due < ceased and rng.random() < 0.62:
                return S.DONE, 100, False
            if due < ceased:
                return S.CANCELLED, rng.choice((20, 30, 40, 50, 60, 70)), True
            return S.CANCELLED, rng.choice((0, 0, 10, 20, 30)), True
        elapsed = (ceased - start).days / max(1, (term_end - start).days)
        return S.CANCELLED, _round5(elapsed * 100 + rng.randint(-8, 12)), True
    if term_end < ctx.today:  # a past term
        roll = rng.random()
        if roll < 0.86:
            return S.DONE, 100, False
        if roll < 0.92:
            return S.CANCELLED, rng.choice((0, 10, 20, 30, 40)), False
        return S.IN_PROGRESS, rng.choice((80, 85, 90, 95)), False
    elapsed = (ctx.today - start).days / max(1, (term_end - start).days)
    if clause.recurrence is Recurrence.ONCE:
        if due < ctx.today:
            if rng.random() < 0.62:
                return S.DONE, 100, False
            return S.OVERDUE, rng.choice((20, 30, 40, 50, 60, 70, 80)), False
        roll = rng.random()
        if roll < 0.15:
            return S.DONE, 100, False
        if roll < 0.55:
            return S.NOT_STARTED, 0, False
        return S.IN_PROGRESS, rng.choice((10, 15, 20, 25, 30, 40)), False
    if rng.random() < 0.15:
        return S.NOT_STARTED, 0, False
    return S.IN_PROGRESS, _round5(elapsed * 100 + rng.randint(-8, 12)), False


def _round5(value: float, low: int = 5, high: int = 95) -> int:
    return int(min(high, max(low, round(value / 5) * 5)))


def _steps(ctx: Context, count: int, progress: int) -> list[int]:
    """``count`` strictly increasing progress figures ending at ``progress``."""
    steps = sorted(ctx.rng.sample(range(1, progress // 5), count - 1)) if count > 1 else []
    return [5 * s for s in steps] + [progress]


def _updates(
    ctx: Context,
    commitment: Commitment,
    clause: Clause,
    code: str,
    start: date,
    status: CommitmentStatus,
    progress: int,
    stop: date,
) -> list[CommitmentUpdate]:
    """Dated updates ending at ``progress``, each on a day one of the clause's notes fits, by
    ``stop`` (the programme's last day)."""
    rng = ctx.rng
    if progress <= 0:
        return []
    last_day = min(ctx.yesterday, commitment.due_date if status is S.DONE else stop)
    first_day = start + timedelta(days=14)
    if last_day < first_day:
        first_day = start
    if last_day < first_day:
        return []
    span = (last_day - first_day).days
    if all(phrase(n).when is ALWAYS for n in clause.notes):
        offsets: range | list[int] = range(span + 1)
    else:  # only days on which a note is true (summer training in summer)
        offsets = [
            offset
            for offset in range(span + 1)
            if usable(clause.notes, first_day + timedelta(days=offset))
        ]
    if not offsets:
        return []
    past = stop < ctx.today
    wanted = rng.randint(3, 6) if past else rng.randint(1, 3)
    count = max(1, min(wanted, progress // 10 or 1, len(offsets)))
    days = [first_day + timedelta(days=o) for o in sorted(rng.sample(offsets, count))]
    out = []
    for day, value in zip(days, _steps(ctx, count, progress), strict=True):
        done = value == 100 and clause.done
        note, figures = progress_note(ctx, clause, code, day, final=bool(done))
        if value == 100 and not done:
            note += DONE_SUFFIX
        else:
            note += "."
        evidence = None
        if clause.metric is Metric.ARTICLES_PUBLISHED and rng.random() < 0.5:
            evidence = news_link(code, commitment.title, day)
        update = CommitmentUpdate(
            commitment=commitment,
            author=ctx.liaison[code],
            recorded_on=day,
            created_at=ctx.office_time(day),
            note=note,
            progress=value,
            evidence_url=evidence,
        )
        update.figures = [CommitmentUpdateFigure(metric=m, value=v) for m, v in figures]
        out.append(update)
    return out


def news_link(code: str, title: str, day: date) -> str:
    """Where a department published its news that day (the merged province's portal from
    1 July 2025)."""
    portal = "kontum.gov.vn" if day < MERGED else "quangngai.gov.vn"
    return f"https://{code.lower()}.{portal}/tin-tuc/{slug(title, 50)}-{day:%Y%m%d}.html"


def progress_note(
    ctx: Context,
    clause: Clause,
    code: str,
    day: date,
    months: tuple[int, ...] | None = None,
    final: bool = False,
) -> tuple[str, list[tuple[Metric, int]]]:
    """A note from the clause's templates true on ``day`` (about ``months``), and the figures
    it counts: the clause's own ({n}), and what {k} counts when the note says both ("{k} lớp
    ... cho {n} giáo viên"). Raises LookupError when none fits."""
    rng = ctx.rng
    pool = clause.done if final and clause.done else clause.notes
    found = usable(pool, day, months)
    if not found:
        raise LookupError(f"no note of {clause.title[:40]!r} fits {day}")
    template = rng.choice(found).text
    number = rng.randint(*clause.value)
    small = rng.randint(2, 9)
    values = {"n": num(number), "k": num(small), "year": day.year}
    figures = [(clause.metric, number)] if clause.metric is not None else []
    if "{n}" not in template:  # the small number is then the one counted
        values["k"] = num(number)
    elif figures and (found_k := re.search(r"\{k\} (.+)", template)):
        after = found_k.group(1)
        second = next((m for w, m in COUNTED_BY_K.items() if after.startswith(w + " ")), None)
        if second is not None and second is not clause.metric:
            figures.append((second, small))
    return template.format(area=AREAS[code], **values), figures


# -- the commitment to report ------------------------------------------------------------------


def seed_reporting_progress(ctx: Context) -> None:
    """The reporting commitments' state and updates, from the reports really sent: every
    update names a report first submitted on or before its date."""
    rng = ctx.rng
    rows = compliance.expected_reports(TERMS[0].start, ctx.today, today=ctx.today)
    sent_by_agency: dict[int, list[Report]] = {}
    for report in ctx.reports:
        if report.first_submitted_at is not None:
            sent_by_agency.setdefault(report.agency_id, []).append(report)
    updates: list[CommitmentUpdate] = []
    for (code, index), commitments in ctx.commitments.items():
        agreement = ctx.agreements[(code, index)]
        if agreement.signed_on is None:
            continue
        agency = ctx.agencies[code]
        start, term_end = agreement.signed_on, TERMS[index].end
        stop = _stop(ctx, code, index)
        last_day = min(ctx.yesterday, stop)
        in_window = [r for r in rows if r.agency_id == agency.id and start <= r.period.end]
        in_window = [r for r in in_window if r.period.end <= stop]
        sent = sorted(
            (
                r
                for r in sent_by_agency.get(agency.id, [])
                if start <= r.period_end <= stop
                and calendar.local_date(r.first_submitted_at) <= last_day
            ),
            key=lambda r: r.first_submitted_at,
        )
        for commitment in commitments:
            if not ctx.clause_of[commitment].from_reports:
                continue
            due = [r for r in in_window if r.deadline < ctx.today]
            if not sent or not due:
                if stop < term_end:
                    _transfer(ctx, commitment, code)
                continue
            if stop < ctx.today:
                received = sum(1 for r in due if r.submitted)
                progress = 100 if received == len(due) else _round5(100 * received / len(due))
            else:
                elapsed = (ctx.today - start).days / max(1, (term_end - start).days)
                progress = _round5(elapsed * 100)
            if stop < term_end:  # the department ceased: it reported up to then, no more
                progress = min(progress, 95)
            wanted = rng.randint(3, 6) if stop < ctx.today else rng.randint(1, 3)
            count = max(1, min(wanted, progress // 10 or 1, len(sent)))
            chosen = sorted(rng.sample(sent, count), key=lambda r: r.first_submitted_at)
            previous = start
            for report, value in zip(chosen, _steps(ctx, count, progress), strict=True):
                sent_on = calendar.local_date(report.first_submitted_at)
                day = min(last_day, max(previous, sent_on + timedelta(days=rng.randint(0, 3))))
                previous = day
                clause = ctx.clause_of[commitment]
                note = rng.choice(clause.notes)
                text = phrase(note).text.format(report=_report_words(report))
                text += DONE_SUFFIX if value == 100 else "."
                updates.append(
                    CommitmentUpdate(
                        commitment=commitment,
                        author=ctx.liaison[code],
                        recorded_on=day,
                        created_at=ctx.office_time(day),
                        note=text,
                        progress=value,
                    )
                )
            commitment.progress = updates[-1].progress
            commitment.last_update_on = updates[-1].recorded_on
            if stop < term_end:
                _transfer(ctx, commitment, code)
    db.session.add_all(updates)
    ctx.summary.updates += len(updates)


def _report_words(report: Report) -> str:
    """'báo cáo tháng 03/2025', 'báo cáo quý I/2025', 'báo cáo năm 2024'."""
    return f"báo cáo {period_words(report.kind, report.period)}"
