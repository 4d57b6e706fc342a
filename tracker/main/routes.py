"""Home pages by role, and the load balancer's probes."""

import sqlalchemy as sa
from flask import abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from tracker.auth.forms import LogoutForm
from tracker.enums import Role
from tracker.extensions import db
from tracker.main import bp
from tracker.permissions import issue_visibility_key
from tracker.services import dashboard, figure_cache, notifications
from tracker.web import fragments
from tracker.web.listing import Filters, paginate
from tracker.web.page_cache import cached_page

HOME_TEMPLATES = {
    Role.LIAISON: "main/home_liaison.html",
    Role.OFFICE: "main/home_office.html",
    Role.LEADERSHIP: "main/home_leadership.html",
    Role.ADMIN: "main/home_admin.html",
}


def _shows_audit() -> bool:
    return current_user.role == Role.ADMIN  # the administrator's home lists the latest events


@bp.route("/")
@login_required
@cached_page(shows_audit=_shows_audit)
def home():
    user = current_user._get_current_object()
    data = dashboard.home_data(user)
    return render_template(HOME_TEMPLATES[user.role], data=data, fragments=_fragments(user, data))


def _fragments(user, data: dict) -> dict:
    """The homes' large tables, rendered once per visibility, day and language until their
    figures change (tracker.web.fragments)."""
    out = {}
    if "issue_figures" in data:
        figures = data["issue_figures"]
        out["issue_tables"] = fragments.cached(
            "home_issue_tables",
            (issue_visibility_key(user), figures.today),
            "main/_issue_tables.html",
            figure_cache.ISSUES,
            lambda: {"f": figures},
        )
    if "discipline_by_agency" in data:
        out["discipline"] = fragments.cached(
            "home_discipline",
            (user.role, data["discipline_span"]),
            "main/_discipline_table.html",
            figure_cache.REPORTS,
            lambda: {
                "by_agency": data["discipline_by_agency"],
                "agencies": data["agencies"],
                "span": data["discipline_span"],
            },
        )
    return out


@bp.route("/notifications")
@login_required
def notification_list():
    user = current_user._get_current_object()
    page = paginate(notifications.list_query(user))
    return render_template(
        "main/notifications.html",
        page=page,
        filters=Filters({}),
        text=notifications.text,
        read_form=LogoutForm(formdata=None),
    )


@bp.route("/notifications/read", methods=["POST"])
@login_required
def notifications_read():
    if not LogoutForm().validate_on_submit():
        abort(400)
    notifications.mark_all_read(current_user._get_current_object())
    return redirect(url_for("main.notification_list"))


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
        db.session.rollback()  # no page follows, and the database is down: nothing to re-read
        return {"status": "unavailable", "database": "error"}, 503
    return {"status": "ok", "database": "ok"}
