"""import batches: which workbook brought which records in

Revision ID: c3a1f0e2b7d4
Revises: 3b7e0c5d9a41
Create Date: 2026-11-25 03:50:00

Reviewed by hand. What it does:

- import_batch: one confirmed import of a workbook (file name, SHA-256, who, when, counts),
  and when and by whom it was undone.
- agreement, commitment, report: ``import_batch_id``, the import that created the
  record (NULL for everything recorded in the app, so existing rows need nothing).
"""

import sqlalchemy as sa
from alembic import op

revision = "c3a1f0e2b7d4"
down_revision = "3b7e0c5d9a41"
branch_labels = None
depends_on = None

TABLES = ("agreement", "commitment", "report")


def upgrade():
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["undone_by_id"],
            ["user_account.id"],
            name=op.f("fk_import_batch_undone_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["imported_by_id"],
            ["user_account.id"],
            name=op.f("fk_import_batch_imported_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    with op.batch_alter_table("import_batch") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_batch_imported_at"), ["imported_at"], unique=False
        )
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


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_import_batch_id_import_batch"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_import_batch_id"))
            batch_op.drop_column("import_batch_id")
    with op.batch_alter_table("import_batch") as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batch_imported_at"))
    op.drop_table("import_batch")
