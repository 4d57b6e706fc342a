"""agreements and commitments: derived commitment status, proposals, frozen updates with
figures, bloc documents, agencies that change, dated settings

Revision ID: acad9b0648d0
Revises: 7d5e5884900a
Create Date: 2026-11-25 00:30:00

Reviewed by hand. What it does, table by table:

- agreement: the number is unique within its term only (Party document numbers restart);
  ``notes`` becomes ``summary``; a normalised ``search_norm``; an index on ``signed_on``.
- commitment: the stored ``status`` goes. It said ``in_progress`` for commitments long past
  their due date, because nothing ever moved it; the status is now derived in SQL from the
  columns added here (``cancelled_at``, ``done_at``, ``last_update_on``, ``progress``,
  ``due_date``). The data is carried over: a cancelled commitment gets ``cancelled_at``, one
  marked done below 100 % gets ``done_at``, and ``last_update_on`` is the latest update's day.
  Liaisons may propose commitments (``confirmed`` false until the Office confirms); every
  existing commitment was recorded by the Office and is confirmed.
- commitment_update: frozen records; a correction points at the update it corrects
  (``corrects_id``); the single ``metric``/``metric_value`` pair becomes rows of
  ``commitment_update_figure`` (an update may carry several figures).
- agency: ``dissolved_on`` and the ``agency_succession`` table (renamed, merged, dissolved).
- bloc_document: guidance and plans of the Office for the whole bloc; attachments may
  belong to one (the one-owner check is rebuilt with the sixth owner).
- setting: a value now applies from a day on (``effective_on``, part of the key), so the
  names of bodies can change with a date. Existing values apply from 1900-01-01.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "acad9b0648d0"
down_revision = "7d5e5884900a"
branch_labels = None
depends_on = None

ALWAYS = "1900-01-01"
OLD_OWNER_CHECK = (
    "(CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN commitment_update_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN report_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN report_version_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN issue_id IS NULL THEN 0 ELSE 1 END) = 1"
)
NEW_OWNER_CHECK = (
    "(CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN commitment_update_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN report_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN report_version_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN issue_id IS NULL THEN 0 ELSE 1 END"
    " + CASE WHEN bloc_document_id IS NULL THEN 0 ELSE 1 END) = 1"
)
METRICS = (
    "classes_held",
    "people_trained",
    "articles_published",
    "events_held",
    "missions",
    "other",
)
STATUSES = ("not_started", "in_progress", "done", "overdue", "cancelled")


def _normalise(text: str) -> str:
    """A copy of tracker.text.normalise as it is today (migrations never import app code)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


def upgrade():
    bind = op.get_bind()

    # -- agencies that change ------------------------------------------------------------------
    with op.batch_alter_table("agency") as batch_op:
        batch_op.add_column(sa.Column("dissolved_on", sa.Date(), nullable=True))
    op.create_table(
        "agency_succession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.CheckConstraint(
            "predecessor_id <> successor_id", name=op.f("ck_agency_succession_not_itself")
        ),
        sa.ForeignKeyConstraint(
            ["predecessor_id"],
            ["agency.id"],
            name=op.f("fk_agency_succession_predecessor_id_agency"),
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"], ["agency.id"], name=op.f("fk_agency_succession_successor_id_agency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_succession")),
        sa.UniqueConstraint(
            "predecessor_id",
            "successor_id",
            name=op.f("uq_agency_succession_predecessor_id_successor_id"),
        ),
    )
    with op.batch_alter_table("agency_succession") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agency_succession_predecessor_id"), ["predecessor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agency_succession_successor_id"), ["successor_id"], unique=False
        )

    # -- agreements --------------------------------------------------------------------------
    with op.batch_alter_table("agreement") as batch_op:
        batch_op.drop_constraint("uq_agreement_number", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_agreement_term_id_number"), ["term_id", "number"]
        )
        batch_op.alter_column("notes", new_column_name="summary", existing_type=sa.Text())
        batch_op.add_column(
            sa.Column("search_norm", sa.String(length=600), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_agreement_signed_on"), ["signed_on"], unique=False)
    agreement = sa.table(
        "agreement",
        sa.column("id", sa.Integer),
        sa.column("number", sa.String),
        sa.column("title", sa.String),
        sa.column("search_norm", sa.String),
    )
    for row in bind.execute(sa.select(agreement.c.id, agreement.c.number, agreement.c.title)):
        bind.execute(
            agreement.update()
            .where(agreement.c.id == row.id)
            .values(search_norm=_normalise(f"{row.number} {row.title}")[:600])
        )

    # -- commitments: the derived status and what it is derived from ----------------------
    with op.batch_alter_table("commitment") as batch_op:
        batch_op.add_column(
            sa.Column("evidence_expected", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("last_update_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("confirmed", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("confirmed_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("proposed_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("done_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("cancel_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("search_norm", sa.Text(), nullable=False, server_default=""))
        batch_op.create_foreign_key(
            batch_op.f("fk_commitment_confirmed_by_id_user_account"),
            "user_account",
            ["confirmed_by_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_commitment_proposed_by_id_user_account"),
            "user_account",
            ["proposed_by_id"],
            ["id"],
        )
        batch_op.create_index(batch_op.f("ix_commitment_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_commitment_field"), ["field"], unique=False)

    commitment = sa.table(
        "commitment",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("description", sa.Text),
        sa.column("status", sa.String),
        sa.column("progress", sa.Integer),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("cancelled_at", sa.DateTime(timezone=True)),
        sa.column("done_at", sa.DateTime(timezone=True)),
        sa.column("last_update_on", sa.Date),
        sa.column("search_norm", sa.Text),
    )
    update = sa.table(
        "commitment_update",
        sa.column("id", sa.Integer),
        sa.column("commitment_id", sa.Integer),
        sa.column("recorded_on", sa.Date),
        sa.column("metric", sa.String),
        sa.column("metric_value", sa.Integer),
    )
    bind.execute(
        commitment.update()
        .where(commitment.c.status == "cancelled")
        .values(cancelled_at=commitment.c.updated_at)
    )
    bind.execute(
        commitment.update()
        .where(commitment.c.status == "done", commitment.c.progress < 100)
        .values(done_at=commitment.c.updated_at)
    )
    latest = (
        sa.select(sa.func.max(update.c.recorded_on))
        .where(update.c.commitment_id == commitment.c.id)
        .scalar_subquery()
    )
    bind.execute(commitment.update().values(last_update_on=latest))
    for row in bind.execute(
        sa.select(commitment.c.id, commitment.c.title, commitment.c.description)
    ):
        bind.execute(
            commitment.update()
            .where(commitment.c.id == row.id)
            .values(search_norm=_normalise(f"{row.title} {row.description or ''}"))
        )
    with op.batch_alter_table("commitment") as batch_op:
        batch_op.drop_index("ix_commitment_status")
        batch_op.drop_constraint(op.f("ck_commitment_commitment_status"), type_="check")
        batch_op.drop_column("status")

    # -- progress updates: corrections and several figures ---------------------------------
    op.create_table(
        "commitment_update_figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column(
            "metric",
            sa.Enum(*METRICS, name="metric", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["commitment_update.id"],
            name=op.f("fk_commitment_update_figure_update_id_commitment_update"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_update_figure")),
    )
    with op.batch_alter_table("commitment_update_figure") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commitment_update_figure_update_id"), ["update_id"], unique=False
        )
    figure = sa.table(
        "commitment_update_figure",
        sa.column("update_id", sa.Integer),
        sa.column("metric", sa.String),
        sa.column("value", sa.Integer),
    )
    bind.execute(
        figure.insert().from_select(
            ["update_id", "metric", "value"],
            sa.select(update.c.id, update.c.metric, update.c.metric_value).where(
                update.c.metric.is_not(None), update.c.metric_value.is_not(None)
            ),
        )
    )
    with op.batch_alter_table("commitment_update") as batch_op:
        batch_op.add_column(sa.Column("corrects_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_commitment_update_corrects_id_commitment_update"),
            "commitment_update",
            ["corrects_id"],
            ["id"],
        )
        batch_op.drop_constraint(op.f("ck_commitment_update_metric"), type_="check")
        batch_op.drop_column("metric_value")
        batch_op.drop_column("metric")

    # -- bloc documents ------------------------------------------------------------------------
    op.create_table(
        "bloc_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "guidance",
                "plan",
                "other",
                name="document_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("posted_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["posted_by_id"],
            ["user_account.id"],
            name=op.f("fk_bloc_document_posted_by_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bloc_document")),
    )
    with op.batch_alter_table("bloc_document") as batch_op:
        batch_op.create_index(batch_op.f("ix_bloc_document_issued_on"), ["issued_on"], unique=False)
    with op.batch_alter_table("attachment") as batch_op:
        batch_op.add_column(sa.Column("bloc_document_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_attachment_bloc_document_id_bloc_document"),
            "bloc_document",
            ["bloc_document_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_attachment_bloc_document_id"), ["bloc_document_id"], unique=False
        )
        batch_op.drop_constraint(op.f("ck_attachment_one_owner"), type_="check")
        batch_op.create_check_constraint("one_owner", NEW_OWNER_CHECK)

    # -- settings that change with a date ---------------------------------------------------
    with op.batch_alter_table("setting", recreate="always") as batch_op:
        batch_op.add_column(
            sa.Column("effective_on", sa.Date(), nullable=False, server_default=ALWAYS)
        )
        batch_op.drop_constraint("pk_setting", type_="primary")
        batch_op.create_primary_key("pk_setting", ["key", "effective_on"])


def downgrade():
    # Back to the foundation's schema. Dated settings keep their latest value; several figures
    # of an update keep the first; agencies' history and bloc documents are dropped.
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "DELETE FROM setting WHERE effective_on < "
            "(SELECT max(s2.effective_on) FROM setting AS s2 WHERE s2.key = setting.key)"
        )
    )
    with op.batch_alter_table("setting", recreate="always") as batch_op:
        batch_op.drop_constraint("pk_setting", type_="primary")
        batch_op.create_primary_key("pk_setting", ["key"])
        batch_op.drop_column("effective_on")

    bind.execute(sa.text("DELETE FROM attachment WHERE bloc_document_id IS NOT NULL"))
    with op.batch_alter_table("attachment") as batch_op:
        batch_op.drop_constraint(op.f("ck_attachment_one_owner"), type_="check")
        batch_op.create_check_constraint("one_owner", OLD_OWNER_CHECK)
        batch_op.drop_index(batch_op.f("ix_attachment_bloc_document_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_attachment_bloc_document_id_bloc_document"), type_="foreignkey"
        )
        batch_op.drop_column("bloc_document_id")
    with op.batch_alter_table("bloc_document") as batch_op:
        batch_op.drop_index(batch_op.f("ix_bloc_document_issued_on"))
    op.drop_table("bloc_document")

    with op.batch_alter_table("commitment_update") as batch_op:
        batch_op.add_column(
            sa.Column(
                "metric",
                sa.Enum(*METRICS, name="metric", native_enum=False, create_constraint=True),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("metric_value", sa.Integer(), nullable=True))
        batch_op.drop_constraint(
            batch_op.f("fk_commitment_update_corrects_id_commitment_update"), type_="foreignkey"
        )
        batch_op.drop_column("corrects_id")
    bind.execute(
        sa.text(
            "UPDATE commitment_update SET metric = (SELECT f.metric FROM commitment_update_figure f"
            " WHERE f.update_id = commitment_update.id ORDER BY f.id LIMIT 1),"
            " metric_value = (SELECT f.value FROM commitment_update_figure f"
            " WHERE f.update_id = commitment_update.id ORDER BY f.id LIMIT 1)"
        )
    )
    with op.batch_alter_table("commitment_update_figure") as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitment_update_figure_update_id"))
    op.drop_table("commitment_update_figure")

    with op.batch_alter_table("commitment") as batch_op:
        batch_op.add_column(
            sa.Column(
                "status",
                sa.Enum(
                    *STATUSES, name="commitment_status", native_enum=False, create_constraint=True
                ),
                nullable=False,
                server_default="not_started",
            )
        )
    bind.execute(
        sa.text(
            "UPDATE commitment SET status = CASE"
            " WHEN cancelled_at IS NOT NULL THEN 'cancelled'"
            " WHEN progress >= 100 OR done_at IS NOT NULL THEN 'done'"
            " WHEN last_update_on IS NOT NULL THEN 'in_progress'"
            " ELSE 'not_started' END"
        )
    )
    with op.batch_alter_table("commitment") as batch_op:
        batch_op.alter_column("status", server_default=None)
        batch_op.create_index(batch_op.f("ix_commitment_status"), ["status"], unique=False)
        batch_op.drop_index(batch_op.f("ix_commitment_field"))
        batch_op.drop_index(batch_op.f("ix_commitment_due_date"))
        batch_op.drop_constraint(
            batch_op.f("fk_commitment_proposed_by_id_user_account"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_commitment_confirmed_by_id_user_account"), type_="foreignkey"
        )
        for column in (
            "search_norm",
            "cancel_reason",
            "cancelled_at",
            "done_at",
            "proposed_by_id",
            "confirmed_by_id",
            "confirmed_at",
            "confirmed",
            "last_update_on",
            "evidence_expected",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("agreement") as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_signed_on"))
        batch_op.drop_column("search_norm")
        batch_op.alter_column("summary", new_column_name="notes", existing_type=sa.Text())
        batch_op.drop_constraint(batch_op.f("uq_agreement_term_id_number"), type_="unique")
        batch_op.create_unique_constraint("uq_agreement_number", ["number"])

    with op.batch_alter_table("agency_succession") as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_succession_successor_id"))
        batch_op.drop_index(batch_op.f("ix_agency_succession_predecessor_id"))
    op.drop_table("agency_succession")
    with op.batch_alter_table("agency") as batch_op:
        batch_op.drop_column("dissolved_on")
