"""figure stamp and list indexes (issue 12)

Revision ID: 3b7e0c5d9a41
Revises: 5b0e8c3f2a91
Create Date: 2026-11-25 03:30:00

Reviewed by hand. What it does:

- figure_stamp: one row per topic of cached figures (1: expected reports, 2: issue counts)
  whose random token every write that changes them rewrites; cached figures are used only
  under the token they were computed under (``tracker.services.figure_cache``). Empty at
  first, so that a new database still counts as empty (``make run`` seeds only then): each
  topic's first write adds its row, and nothing of it is cached before.
- issue: indexes on ``sensitivity`` and ``source``, which the issue queue filters by. The
  other columns issue 12 lists (``commitment.due_date`` and ``field``,
  ``report.last_submitted_at``, ``agreement.signed_on``) were indexed by earlier revisions.
"""

import sqlalchemy as sa
from alembic import op

revision = "3b7e0c5d9a41"
down_revision = "5b0e8c3f2a91"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "figure_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure_stamp")),
    )
    with op.batch_alter_table("issue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issue_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(batch_op.f("ix_issue_source"), ["source"], unique=False)


def downgrade():
    with op.batch_alter_table("issue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issue_source"))
        batch_op.drop_index(batch_op.f("ix_issue_sensitivity"))
    op.drop_table("figure_stamp")
