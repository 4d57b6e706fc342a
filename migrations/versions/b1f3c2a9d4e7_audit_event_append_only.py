"""audit_event is append-only: triggers refuse UPDATE and DELETE

Revision ID: b1f3c2a9d4e7
Revises: 7871c2d28191
Create Date: 2026-11-25 03:10:00

Written by hand. The audit trail must be trusted: nothing may change or remove a row, not the
app, not a script using the app's database account, not the table's owner. A REVOKE would not
bind the owner; a trigger does, on SQLite and PostgreSQL alike.

- SQLite: two triggers, BEFORE UPDATE and BEFORE DELETE, that abort the statement.
- PostgreSQL: one row trigger BEFORE UPDATE OR DELETE calling ``audit_event_append_only()``,
  which raises ``insufficient_privilege``.

A later migration that rebuilds ``audit_event`` in batch mode on SQLite (copy, drop, rename)
drops these triggers with the old table: it must create them again.

The statements are copied here, not imported from the models, so that this migration keeps
doing what it did when the models change.
"""

from alembic import op

revision = "b1f3c2a9d4e7"
down_revision = "7871c2d28191"
branch_labels = None
depends_on = None

MESSAGE = "audit_event is append-only: its rows cannot be changed or deleted"

SQLITE = (
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
)
POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{MESSAGE}' "
    "USING ERRCODE = 'insufficient_privilege'; END $$",
    "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
)


def upgrade():
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(dialect, ()):
        op.execute(statement)


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
