"""The life of a commitment beyond its clause: liaisons' proposals (some still waiting for the
Office, some confirmed and under way), corrections of a mistyped update, and the reports
departments attach to an update as evidence. All within the running term's programmes, all by
yesterday.
"""

from __future__ import annotations

from datetime import date, timedelta

from tracker.demo.agreements import evidence_expected, progress_note
from tracker.demo.content.clauses import PROPOSALS, Proposal
from tracker.demo.context import Context, num
from tracker.demo.documents import METRIC_WORDS, attach_evidence
from tracker.enums import AgreementStatus, Recurrence
from tracker.extensions import db
from tracker.models import Agreement, Commitment, CommitmentUpdate, CommitmentUpdateFigure

#: How many updates are corrected, and how many get a department's report as evidence.
CORRECTIONS = 2
EVIDENCE_FILES = 3


def seed_life_cycle(ctx: Context) -> None:
    index = ctx.term_index(ctx.yesterday)
    if index is None:
        return
    _proposals(ctx, index)
    _corrections(ctx, index)
    _evidence(ctx, index)


def _running(ctx: Context, code: str, index: int) -> Agreement | None:
    agreement = ctx.agreements.get((code, index))
    if agreement is None or agreement.status is not AgreementStatus.IN_FORCE:
        return None
    return agreement


# -- proposals ------------------------------------------------------------------------------


def _proposals(ctx: Context, index: int) -> None:
    """Each proposal whose day has come, under its department's programme in force."""
    made: list[Commitment] = []
    updates: list[CommitmentUpdate] = []
    for proposal in PROPOSALS:
        agreement = _running(ctx, proposal.code, index)
        if agreement is None or proposal.code not in ctx.liaison:
            continue
        if proposal.pending:
            proposed_on = ctx.today - timedelta(days=proposal.days)
        else:
            proposed_on = ctx.next_working_day(proposal.start + timedelta(days=proposal.days))
        earliest = max(agreement.signed_on + timedelta(days=14), proposal.start)
        if proposed_on < earliest or proposed_on >= ctx.today:
            continue
        commitment = _proposed(ctx, agreement, proposal, proposed_on, index)
        made.append(commitment)
        if not proposal.pending:
            updates += _confirm(ctx, commitment, proposal, proposed_on)
    db.session.add_all(made)
    db.session.add_all(updates)
    ctx.summary.commitments += len(made)
    ctx.summary.updates += len(updates)


def _proposed(
    ctx: Context, agreement: Agreement, proposal: Proposal, day: date, index: int
) -> Commitment:
    siblings = ctx.commitments[(proposal.code, index)]
    agency = ctx.agencies[proposal.code]
    clause = proposal.clause
    due = None
    if clause.recurrence is Recurrence.ONCE:
        due = ctx.next_working_day(min(day + timedelta(days=120), agreement.term.end_date))
    created = ctx.office_time(day)
    commitment = Commitment(
        agreement=agreement,
        position=max(c.position for c in siblings) + 1,
        responsible_agency=agency,
        field=agency.primary_field,
        title=clause.title,
        description=clause.description,
        evidence_expected=evidence_expected(clause),
        due_date=due or agreement.term.end_date,
        recurrence=clause.recurrence,
        progress=0,
        confirmed=False,
        proposed_by=ctx.liaison[proposal.code],
        created_at=created,
        updated_at=created,
    )
    siblings.append(commitment)
    ctx.clause_of[commitment] = clause
    return commitment


def _confirm(
    ctx: Context, commitment: Commitment, proposal: Proposal, proposed_on: date
) -> list[CommitmentUpdate]:
    """The Office confirms within two weeks; the department then reports on it."""
    rng = ctx.rng
    day = ctx.next_working_day(proposed_on + timedelta(days=rng.randint(5, 12)))
    if day >= ctx.today:
        return []
    commitment.confirmed = True
    commitment.confirmed_at = ctx.office_time(day)
    commitment.confirmed_by = ctx.office_staff[0]
    commitment.updated_at = commitment.confirmed_at
    out: list[CommitmentUpdate] = []
    progress = 0
    for _ in range(2):
        day = ctx.next_working_day(day + timedelta(days=rng.randint(20, 60)))
        if day >= ctx.today:
            break
        progress += rng.choice((10, 15, 20))
        note, figures = progress_note(ctx, proposal.clause, proposal.code, day)
        update = CommitmentUpdate(
            commitment=commitment,
            author=ctx.liaison[proposal.code],
            recorded_on=day,
            created_at=ctx.office_time(day),
            note=note + ".",
            progress=progress,
        )
        update.figures = [CommitmentUpdateFigure(metric=m, value=v) for m, v in figures]
        out.append(update)
    if out:
        commitment.progress = out[-1].progress
        commitment.last_update_on = out[-1].recorded_on
    return out


# -- corrections and evidence ----------------------------------------------------------------


def _candidates(ctx: Context, index: int) -> list[tuple[str, Commitment, CommitmentUpdate]]:
    """Per department of the running programmes, one commitment (drawn at random) whose
    latest update counts something, most figures first, with a few days after it to notice
    a mistake."""
    out = []
    for code in ctx.departments(ctx.today):
        if _running(ctx, code, index) is None or code not in ctx.liaison:
            continue
        found = []
        for commitment in ctx.commitments.get((code, index), []):
            updates = sorted(commitment.updates, key=lambda u: (u.recorded_on, u.created_at))
            if (
                commitment.cancelled_at is None
                and commitment.confirmed
                and updates
                and updates[-1].figures
                and updates[-1].corrects is None
                and updates[-1].recorded_on <= ctx.today - timedelta(days=5)
            ):
                found.append((code, commitment, updates[-1]))
        if found:
            most = max(len(update.figures) for *_, update in found)
            out.append(ctx.rng.choice([f for f in found if len(f[2].figures) == most]))
    return out


def _corrections(ctx: Context, index: int) -> None:
    """A liaison notices a mistyped figure (and, once, a mistyped progress) and posts a
    correction naming the update it corrects; updates are never edited."""
    rng = ctx.rng
    made = []
    for number, (_, commitment, wrong) in enumerate(_candidates(ctx, index)[:CORRECTIONS]):
        figure = wrong.figures[0]
        right = _mistyped(figure.value)
        earlier = [u.progress for u in commitment.updates if u is not wrong]
        fix_progress = number == 1 and wrong.progress - 5 > max(earlier, default=0)
        progress = wrong.progress - 5 if fix_progress else wrong.progress
        day = min(ctx.yesterday, wrong.recorded_on + timedelta(days=rng.randint(1, 4)))
        words = METRIC_WORDS[figure.metric].lower()
        note = (
            f"Đính chính cập nhật ngày {wrong.recorded_on:%d/%m/%Y}: {words} là {num(right)} "
            f"(đã nhập nhầm {num(figure.value)})"
        )
        if fix_progress:
            note += f"; tiến độ thực hiện là {progress}% (đã nhập nhầm {wrong.progress}%)"
        note += "; các nội dung khác giữ nguyên."
        correction = CommitmentUpdate(
            commitment=commitment,
            author=wrong.author,
            recorded_on=day,
            created_at=max(ctx.office_time(day), wrong.created_at + timedelta(hours=1)),
            note=note,
            progress=progress,
            evidence_url=wrong.evidence_url,
            corrects=wrong,
        )
        correction.figures = [
            CommitmentUpdateFigure(metric=f.metric, value=right if f is figure else f.value)
            for f in wrong.figures
        ]
        commitment.progress = correction.progress
        commitment.last_update_on = correction.recorded_on
        made.append(correction)
    db.session.add_all(made)
    ctx.summary.updates += len(made)


def _mistyped(value: int) -> int:
    """The figure that was meant: the last two digits swapped, or one less."""
    text = str(value)
    if len(text) >= 2 and text[-1] != text[-2]:
        return int(text[:-2] + text[-1] + text[-2])
    return max(0, value - 1)


def _evidence(ctx: Context, index: int) -> None:
    """A department's short report on the work, attached to a few updates (those that count
    most things first)."""
    found = sorted(_candidates(ctx, index), key=lambda c: -len(c[2].figures))
    for number, (code, _, update) in enumerate(found[:EVIDENCE_FILES]):
        if not update.attachments:
            attach_evidence(ctx, update, code, ctx.rng.randint(20, 160) + number)
