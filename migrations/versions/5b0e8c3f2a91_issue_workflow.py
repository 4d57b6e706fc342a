"""issue workflow: escalation, the agreement and clause an issue bears on, accent-insensitive
search over title and summary, and the escalation event

Revision ID: 5b0e8c3f2a91
Revises: b1f3c2a9d4e7
Create Date: 2026-11-25 03:10:00

Reviewed by hand. What it does:

- issue: ``escalated_at`` and ``escalated_by_id`` (raised to leadership, who list these on
  their home page); ``agreement_id`` and ``commitment_id`` (the agreement and the clause the
  issue bears on, when there is one); ``search_norm``, the folded copy of the title and the
  summary the list searches, filled for existing rows; indexes on ``response_due_on`` (the
  overdue filter and count) and ``escalated_at``.
- issue_event: the kind ``escalated`` joins the allowed kinds.

The downgrade drops these columns; escalation events become plain updates first, so the
narrower constraint holds.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "5b0e8c3f2a91"
down_revision = "b1f3c2a9d4e7"
branch_labels = None
depends_on = None

KINDS = ("created", "status_changed", "assigned", "commented", "updated", "linked_report")


def _normalise(text: str) -> str:
    """A copy of tracker.text.normalise as it is today (migrations never import app code)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


def _kind_check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def upgrade():
    bind = op.get_bind()
    with op.batch_alter_table("issue") as batch_op:
        batch_op.add_column(sa.Column("search_norm", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("escalated_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("agreement_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("commitment_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_issue_escalated_by_id_user_account"),
            "user_account",
            ["escalated_by_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_issue_agreement_id_agreement"), "agreement", ["agreement_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_issue_commitment_id_commitment"), "commitment", ["commitment_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_issue_escalated_at"), ["escalated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_issue_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_issue_commitment_id"), ["commitment_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_issue_response_due_on"), ["response_due_on"], unique=False
        )
    issue = sa.table(
        "issue",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("summary", sa.Text),
        sa.column("search_norm", sa.Text),
    )
    for row in bind.execute(sa.select(issue.c.id, issue.c.title, issue.c.summary)).all():
        bind.execute(
            issue.update()
            .where(issue.c.id == row.id)
            .values(search_norm=_normalise(f"{row.title} {row.summary or ''}"))
        )
    with op.batch_alter_table("issue_event") as batch_op:
        batch_op.drop_constraint(op.f("ck_issue_event_issue_event_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_issue_event_issue_event_kind"), _kind_check((*KINDS, "escalated"))
        )


def downgrade():
    op.execute(sa.text("UPDATE issue_event SET kind = 'updated' WHERE kind = 'escalated'"))
    with op.batch_alter_table("issue_event") as batch_op:
        batch_op.drop_constraint(op.f("ck_issue_event_issue_event_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_issue_event_issue_event_kind"), _kind_check(KINDS)
        )
    with op.batch_alter_table("issue") as batch_op:
        batch_op.drop_index(batch_op.f("ix_issue_response_due_on"))
        batch_op.drop_index(batch_op.f("ix_issue_commitment_id"))
        batch_op.drop_index(batch_op.f("ix_issue_agreement_id"))
        batch_op.drop_index(batch_op.f("ix_issue_escalated_at"))
        batch_op.drop_constraint(
            batch_op.f("fk_issue_commitment_id_commitment"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_issue_agreement_id_agreement"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_issue_escalated_by_id_user_account"), type_="foreignkey"
        )
        batch_op.drop_column("commitment_id")
        batch_op.drop_column("agreement_id")
        batch_op.drop_column("escalated_by_id")
        batch_op.drop_column("escalated_at")
        batch_op.drop_column("search_norm")
