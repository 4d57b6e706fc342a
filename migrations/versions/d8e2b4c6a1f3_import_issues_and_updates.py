"""imported issues and progress updates: their batch, and an issue's reference

Revision ID: d8e2b4c6a1f3
Revises: c3a1f0e2b7d4
Create Date: 2026-11-26 09:00:00

Reviewed by hand. What it does:

- issue, commitment_update: ``import_batch_id``, the import that created the record (NULL for
  everything recorded in the app, so existing rows need nothing), so a batch of flagged issues
  or progress updates can be undone like the other records.
- issue: ``reference``, the number an issue carried in the file it was imported from (an old
  register's number, or ``#id`` of the instance it was exported from); NULL for issues flagged
  in the app. Indexed: the import matches issues by it.
"""

import sqlalchemy as sa
from alembic import op

revision = "d8e2b4c6a1f3"
down_revision = "c3a1f0e2b7d4"
branch_labels = None
depends_on = None

TABLES = ("issue", "commitment_update")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("import_batch_id", sa.Integer(), nullable=True))
            batch_op.create_index(
                batch_op.f(f"ix_{table}_import_batch_id"), ["import_batch_id"], unique=False
            )
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_import_batch_id_import_batch"),
                "import_batch",
                ["import_batch_id"],
                ["id"],
            )
    with op.batch_alter_table("issue") as batch_op:
        batch_op.add_column(sa.Column("reference", sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f("ix_issue_reference"), ["reference"], unique=False)


def downgrade():
    with op.batch_alter_table("issue") as batch_op:
        batch_op.drop_index(batch_op.f("ix_issue_reference"))
        batch_op.drop_column("reference")
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_import_batch_id_import_batch"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_import_batch_id"))
            batch_op.drop_column("import_batch_id")
