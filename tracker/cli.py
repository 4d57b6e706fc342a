"""Flask commands. They call the same services as the views."""

from datetime import date

import click
from flask import Flask, current_app

from tracker.extensions import db
from tracker.services import admin as admin_service
from tracker.services import backup, calendar, database, reminders


def init_app(app: Flask) -> None:
    app.cli.add_command(create_admin)
    app.cli.add_command(seed_demo)
    app.cli.add_command(db_is_empty)
    app.cli.add_command(remind)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(export_records)
    app.cli.add_command(import_records)
    app.cli.add_command(undo_import)


@click.command("create-admin")
@click.option("--username", prompt=True)
@click.option("--full-name", prompt=True)
@click.password_option()
def create_admin(username: str, full_name: str, password: str) -> None:
    """Create an administrator account (the first account in production)."""
    try:
        user = admin_service.create_first_admin(username, full_name, password)
    except admin_service.ValidationError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Administrator '{user.username}' created.")


@click.command("seed-demo")
@click.option(
    "--large",
    is_flag=True,
    help="Add the national-scale benchmark data (60 agencies, 20,000 issues…).",
)
@click.option("--scale", default=1.0, show_default=True, help="With --large: shrink the counts.")
def seed_demo(large: bool, scale: float) -> None:
    """Fill an EMPTY database with the Kon Tum demo (refused in production)."""
    from tracker import demo

    if not current_app.config.get("DEMO_ALLOWED"):
        raise click.ClickException("seed-demo is refused under the production configuration.")
    if not database.is_empty():
        raise click.ClickException(
            "The database already has data; seed-demo only fills an empty one."
        )
    summary = demo.seed(national=large, scale=scale)
    db.session.commit()
    click.echo(summary.describe())


@click.command("db-is-empty")
def db_is_empty() -> None:
    """Exit 0 when the database is empty (used by `make run` to seed only once)."""
    raise SystemExit(0 if database.is_empty() else 1)


@click.command("remind")
@click.option("--days", default=3, show_default=True, help="Remind of reports due within N days.")
@click.option(
    "--missing-days",
    default=60,
    show_default=True,
    help="Remind of reports missing for up to N days.",
)
@click.option("--today", "today_text", default="", help="The day to act as (YYYY-MM-DD).")
def remind(days: int, missing_days: int, today_text: str) -> None:
    """Remind liaisons of reports due soon and reports missing (email when SMTP is set; in-app
    always). Running it twice on a day sends nothing twice."""
    today = date.fromisoformat(today_text) if today_text else calendar.today_local()
    sent = reminders.remind(today, due_within=days, missing_since=missing_days, echo=click.echo)
    db.session.commit()
    emailed = sum(1 for r in sent if r.emailed)
    click.echo(f"{len(sent)} reminder(s), {emailed} by email.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def backup_command(path: str) -> None:
    """Write the database and the attached files to one archive at PATH (safe while the app
    runs). Restore it with `flask restore PATH`."""
    try:
        summary = backup.backup(path)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Backup written: {summary.describe()}")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a database that already has data (otherwise it must be empty).",
)
def restore_command(path: str, replace: bool) -> None:
    """Restore an archive written by `flask backup` into this instance (an empty database
    and upload folder), then check every row count, the checksum and every file's hash."""
    try:
        summary = backup.restore(path, replace=replace)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Restored and verified: {summary.describe()}")


@click.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def export_records(path: str) -> None:
    """Write the programme's records (what the Office sees) to an XLSX workbook."""
    from tracker.services import transfer

    with open(path, "wb") as fh:
        fh.write(transfer.export_workbook(None))
    click.echo(f"Exported to {path}.")


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and report; write nothing.")
def import_records(path: str, dry_run: bool) -> None:
    """Import a workbook of records (the export's format or a template). Prints every problem
    by sheet, row and column and exits 1 when there is any; nothing is written then."""
    from pathlib import Path

    from tracker.services import transfer

    data = Path(path).read_bytes()
    result = transfer.import_workbook(None, data, Path(path).name, dry_run=dry_run)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    for sheet, counts in result.counts.items():
        click.echo(
            f"{sheet}: {counts['created']} new, {counts['updated']} changed, "
            f"{counts['unchanged']} unchanged"
        )
    if not result.ok:
        raise SystemExit(1)
    if dry_run:
        click.echo("Dry run: nothing written.")
        return
    db.session.commit()
    click.echo("Imported.")


@click.command("import-undo")
@click.argument("batch_id", type=int, required=False)
def undo_import(batch_id: int | None) -> None:
    """Undo an import (the records it created), while nothing newer depends on it. Without
    BATCH_ID, list the imports."""
    from tracker.models import ImportBatch
    from tracker.services import transfer
    from tracker.services.errors import ValidationError

    if batch_id is None:
        for batch in db.session.scalars(transfer.batches_query()):
            undone = f" (undone {batch.undone_at:%Y-%m-%d %H:%M})" if batch.undone_at else ""
            click.echo(f"{batch.id}\t{batch.imported_at:%Y-%m-%d %H:%M}\t{batch.filename}{undone}")
        return
    batch = db.session.get(ImportBatch, batch_id)
    if batch is None:
        raise click.ClickException(f"There is no import {batch_id}.")
    try:
        removed = transfer.undo_batch(None, batch)
    except ValidationError as error:
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(", ".join(f"{count} {kind}" for kind, count in removed.items()) + " removed.")
