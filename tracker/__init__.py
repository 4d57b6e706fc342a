"""The tracker application: ``create_app`` binds extensions and registers everything."""

import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import CONFIGS
from tracker import cli, errors, i18n, pool, security, sqlite, web
from tracker.admin import bp as admin_bp
from tracker.agreements import bp as agreements_bp
from tracker.api import bp as api_bp
from tracker.auth import bp as auth_bp
from tracker.commitments import bp as commitments_bp
from tracker.documents import bp as documents_bp
from tracker.extensions import babel, bootstrap, csrf, db, limiter, login_manager, migrate
from tracker.files import bp as files_bp
from tracker.issues import bp as issues_bp
from tracker.main import bp as main_bp
from tracker.programme import bp as programme_bp
from tracker.reports import bp as reports_bp
from tracker.services import figure_cache
from tracker.summaries import bp as summaries_bp
from tracker.transfer import bp as transfer_bp

ROOT = Path(__file__).resolve().parent.parent


class ConfigurationError(RuntimeError):
    """The app refuses to start with an unsafe or incomplete configuration."""


def create_app(config_name: str | None = None, **overrides) -> Flask:
    config_name = config_name or os.environ.get("TRACKER_CONFIG", "development")
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(CONFIGS[config_name])
    app.config.update(overrides)
    _check_config(app)
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///") and not app.testing:
        Path(app.config["SQLALCHEMY_DATABASE_URI"][len("sqlite:///") :]).parent.mkdir(
            parents=True, exist_ok=True
        )
    db.init_app(app)
    with app.app_context():
        sqlite.init_app(app, db.engine)
        pool.init_app(app, db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    bootstrap.init_app(app)
    babel.init_app(
        app,
        locale_selector=web.select_locale,
        default_translation_directories=str(Path(__file__).parent / "translations"),
    )
    i18n.init_app(app)
    login_manager.init_app(app)
    # Session timeouts are enforced before the CSRF check, so an expired session never gets a
    # form back (tracker.errors shows an expired form again with what was typed).
    security.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    # Before the blueprints: it brings the bounded <int:…> converter every route uses.
    web.init_app(app)
    figure_cache.init_app(app)
    errors.init_app(app)
    cli.init_app(app)

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(programme_bp)
    app.register_blueprint(agreements_bp)
    app.register_blueprint(commitments_bp)
    app.register_blueprint(documents_bp)
    app.register_blueprint(files_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(issues_bp)
    app.register_blueprint(summaries_bp)
    app.register_blueprint(transfer_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    # The API authenticates with bearer tokens, never cookies: no CSRF token to send.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)
    return app


def _check_config(app: Flask) -> None:
    if app.config.get("PRODUCTION"):
        key = os.environ.get("SECRET_KEY", "")
        if len(key) < 32:
            raise ConfigurationError(
                "SECRET_KEY must be set to a random value of at least 32 characters in production"
            )
        app.config["SECRET_KEY"] = key
