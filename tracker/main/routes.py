"""Home pages by role, and the load balancer's probes."""

import sqlalchemy as sa
from flask import render_template
from flask_login import current_user, login_required

from tracker.enums import Role
from tracker.extensions import db
from tracker.main import bp
from tracker.services import dashboard

HOME_TEMPLATES = {
    Role.LIAISON: "main/home_liaison.html",
    Role.OFFICE: "main/home_office.html",
    Role.LEADERSHIP: "main/home_leadership.html",
    Role.ADMIN: "main/home_admin.html",
}


@bp.route("/")
@login_required
def home():
    user = current_user._get_current_object()
    data = dashboard.home_data(user)
    return render_template(HOME_TEMPLATES[user.role], data=data)


@bp.route("/healthz")
def healthz():
    """Liveness: the process answers. No database work, no login."""
    return {"status": "ok"}


@bp.route("/readyz")
def readyz():
    """Readiness: the database answers."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return {"status": "unavailable", "database": "error"}, 503
    return {"status": "ok", "database": "ok"}
