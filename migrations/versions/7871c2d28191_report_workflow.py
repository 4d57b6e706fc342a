"""report workflow: working days, per-commitment progress, section comments, report timelines,
notifications and the reminders' sent-log

Revision ID: 7871c2d28191
Revises: acad9b0648d0
Create Date: 2026-11-25 03:00:00

Reviewed by hand. What it does:

- holiday: a kind. Every existing row is a day off; a weekend day worked in exchange for one
  (Saturday 26/04/2025 for Friday 02/05/2025) is a ``working_day`` and counts for deadlines.
- report and report_version: ``commitment_progress`` beside ``commitment_notes`` (this
  period's figure per commitment, recorded as a progress update on submission). Existing rows
  get an empty object.
- report_version: ``section_comments``, the reviewer's comments next to the sections they
  concern (the general comment stays in ``review_comment``).
- report: an index on ``last_submitted_at`` (the review queue is ordered by it), and
  ``first_submitted_on``, the Vietnam-local date of the first submission, filled from
  ``first_submitted_at``, so that lists and counts can tell on time from late in plain SQL.
- report_event: a report's timeline (created, submitted, accepted, returned, reopened).
- notification and reminder_log: in-app notifications, and the log that keeps ``flask remind``
  from sending the same reminder twice on a day.
"""

from datetime import UTC
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")

revision = "7871c2d28191"
down_revision = "acad9b0648d0"
branch_labels = None
depends_on = None

NOTIFICATION_KINDS = (
    "report_due",
    "report_missing",
    "report_submitted",
    "report_returned",
    "report_accepted",
    "report_reopened",
)


def upgrade():
    with op.batch_alter_table("holiday") as batch_op:
        batch_op.add_column(
            sa.Column(
                "kind",
                sa.Enum(
                    "day_off",
                    "working_day",
                    name="holiday_kind",
                    native_enum=False,
                    create_constraint=True,
                ),
                nullable=False,
                server_default="day_off",
            )
        )

    for table in ("report", "report_version"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("commitment_progress", sa.JSON(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET commitment_progress = '{{}}'"))
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                "commitment_progress", existing_type=sa.JSON(), nullable=False
            )
    with op.batch_alter_table("report_version") as batch_op:
        batch_op.add_column(sa.Column("section_comments", sa.JSON(), nullable=True))
    with op.batch_alter_table("report") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_last_submitted_at"), ["last_submitted_at"], unique=False
        )
        batch_op.add_column(sa.Column("first_submitted_on", sa.Date(), nullable=True))
    report = sa.table(
        "report",
        sa.column("id", sa.Integer),
        sa.column("first_submitted_at", sa.DateTime(timezone=True)),
        sa.column("first_submitted_on", sa.Date),
    )
    bind = op.get_bind()
    for row in bind.execute(
        sa.select(report.c.id, report.c.first_submitted_at).where(
            report.c.first_submitted_at.is_not(None)
        )
    ):
        moment = row.first_submitted_at
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        bind.execute(
            report.update()
            .where(report.c.id == row.id)
            .values(first_submitted_on=moment.astimezone(LOCAL).date())
        )

    op.create_table(
        "report_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "created",
                "submitted",
                "accepted",
                "returned",
                "reopened",
                name="report_event_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["user_account.id"], name=op.f("fk_report_event_actor_id_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["report.id"], name=op.f("fk_report_event_report_id_report")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_event")),
    )
    with op.batch_alter_table("report_event") as batch_op:
        batch_op.create_index(batch_op.f("ix_report_event_report_id"), ["report_id"], unique=False)

    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                *NOTIFICATION_KINDS,
                name="notification_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_notification_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    with op.batch_alter_table("notification") as batch_op:
        batch_op.create_index("ix_notification_user_unread", ["user_id", "read_at"], unique=False)

    op.create_table(
        "reminder_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("report_kind", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                *NOTIFICATION_KINDS,
                name="reminder_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("emailed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_reminder_log_agency_id_agency")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_reminder_log_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_log")),
        sa.UniqueConstraint(
            "user_id",
            "agency_id",
            "report_kind",
            "period",
            "kind",
            "sent_on",
            name=op.f("uq_reminder_log_user_id_agency_id_report_kind_period_kind_sent_on"),
        ),
    )
    with op.batch_alter_table("reminder_log") as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_log_user_id"), ["user_id"], unique=False)


def downgrade():
    # Notifications, the sent-log, report timelines, section comments, per-commitment progress
    # and the working days go; every holiday is a day off again.
    with op.batch_alter_table("reminder_log") as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_log_user_id"))
    op.drop_table("reminder_log")
    with op.batch_alter_table("notification") as batch_op:
        batch_op.drop_index("ix_notification_user_unread")
    op.drop_table("notification")
    with op.batch_alter_table("report_event") as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_event_report_id"))
    op.drop_table("report_event")
    with op.batch_alter_table("report") as batch_op:
        batch_op.drop_column("first_submitted_on")
        batch_op.drop_index(batch_op.f("ix_report_last_submitted_at"))
    with op.batch_alter_table("report_version") as batch_op:
        batch_op.drop_column("section_comments")
    for table in ("report", "report_version"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("commitment_progress")
    op.execute(sa.text("DELETE FROM holiday WHERE kind = 'working_day'"))
    with op.batch_alter_table("holiday") as batch_op:
        batch_op.drop_constraint(op.f("ck_holiday_holiday_kind"), type_="check")
        batch_op.drop_column("kind")
