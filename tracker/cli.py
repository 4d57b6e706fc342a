"""Flask commands. They call the same services as the views."""

import click
import sqlalchemy as sa
from flask import Flask, current_app

from tracker.extensions import db


def init_app(app: Flask) -> None:
    app.cli.add_command(create_admin)
    app.cli.add_command(seed_demo)
    app.cli.add_command(db_is_empty)


@click.command("create-admin")
@click.option("--username", prompt=True)
@click.option("--full-name", prompt=True)
@click.password_option()
def create_admin(username: str, full_name: str, password: str) -> None:
    """Create an administrator account (the first account in production)."""
    from tracker.services import admin as admin_service

    try:
        user = admin_service.create_first_admin(username, full_name, password)
    except admin_service.ValidationError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Administrator '{user.username}' created.")


@click.command("seed-demo")
def seed_demo() -> None:
    """Fill an EMPTY database with the Kon Tum demo (refused in production)."""
    from tracker.services import demo

    if not current_app.config.get("DEMO_ALLOWED"):
        raise click.ClickException("seed-demo is refused under the production configuration.")
    if not demo.database_is_empty():
        raise click.ClickException(
            "The database already has data; seed-demo only fills an empty one."
        )
    summary = demo.seed()
    db.session.commit()
    click.echo(summary.describe())


@click.command("db-is-empty")
def db_is_empty() -> None:
    """Exit 0 when the database has no users (used by `make run` to seed only once)."""
    from tracker.models import User

    count = db.session.scalar(sa.select(sa.func.count(User.id)))
    raise SystemExit(0 if count == 0 else 1)
