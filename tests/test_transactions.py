"""One commit per request: a request that fails leaves nothing behind, and the permission layer
never commits the request's work to keep its audit row."""

import inspect

import pytest
import sqlalchemy as sa
from flask_login import current_user

from tests.conftest import _engine_options
from tests.factories import PASSWORD
from tracker import create_app, permissions
from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import Agency, AuditEvent, Report
from tracker.services import admin as admin_service


def _count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def test_a_request_that_fails_after_the_service_call_writes_nothing(
    client, login, world, monkeypatch
):
    """The service flushed the new agency and its audit row; then the view failed (here, while
    telling the user): the whole request is rolled back."""
    login(world.users.admin)
    agencies, audits = _count(Agency), _count(AuditEvent)

    def broken_flash(*args, **kwargs):
        raise RuntimeError("the mail server is down")

    monkeypatch.setattr("tracker.web.forms.flash", broken_flash)
    client.application.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.post(
        "/admin/agencies/new",
        data={
            "code": "SNV",
            "name_vi": "Sở Nội vụ",
            "level": "province",
            "parent_id": "",
            "primary_field": "",
            "active": "y",
        },
    )
    assert response.status_code == 500
    assert "Đã xảy ra lỗi" in response.get_data(as_text=True)
    assert _count(Agency) == agencies
    assert _count(Agency, Agency.code == "SNV") == 0
    assert _count(AuditEvent) == audits


def test_a_form_shown_again_with_errors_writes_nothing(client, login, world):
    login(world.users.admin)
    audits = _count(AuditEvent)
    response = client.post(
        "/admin/agencies/new",
        data={
            "code": world.a.code,
            "name_vi": "Trùng mã",
            "level": "province",
            "parent_id": "",
            "primary_field": "",
        },
    )
    assert response.status_code == 422
    assert _count(Agency, Agency.name_vi == "Trùng mã") == 0
    assert _count(AuditEvent) == audits


def test_the_permission_layer_contains_no_commit():
    source = inspect.getsource(permissions)
    assert "commit(" not in source


@pytest.fixture
def probe_app(app):
    """A second app on the same database, with a route that writes and is then refused:
    it changes an agency through a service, then asks for another agency's report."""
    other = create_app("testing", SQLALCHEMY_ENGINE_OPTIONS=_engine_options())
    # The same engine as the suite's app, so the in-memory SQLite database is shared too.
    db._app_engines[other] = db._app_engines[app]

    @other.route("/probe/<int:report_id>")
    def probe(report_id: int):
        agency = db.session.get(Agency, current_user.agency_id)
        admin_service.update_agency(current_user, agency, name_vi="Đổi tên giữa chừng")
        report = db.session.get(Report, report_id)
        return permissions.visible_or_404(report, permissions.can_view_report).period

    with other.app_context():
        yield other
        db.session.remove()


def test_a_refused_request_keeps_its_denial_but_not_its_half_done_work(probe_app, world):
    client = probe_app.test_client()
    assert (
        client.post("/login", data={"username": "liaison_a", "password": PASSWORD}).status_code
        == 302
    )
    other_report = world.reports["b"]
    response = client.get(f"/probe/{other_report.id}")
    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(Agency, world.a.id).name_vi == "Sở Giáo dục và Đào tạo"
    denials = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == AuditAction.ACCESS_DENIED)
    ).all()
    assert [d.actor_username for d in denials] == ["liaison_a"]
    assert f"report:{other_report.id}" in denials[0].detail
    assert _count(AuditEvent, AuditEvent.action == AuditAction.UPDATE) == 0


def test_a_failed_login_is_audited_although_the_request_is_refused(client, world):
    response = client.post("/login", data={"username": "liaison_a", "password": "wrong"})
    assert response.status_code == 401
    failures = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == AuditAction.LOGIN_FAILED)
    ).all()
    assert [f.actor_username for f in failures] == ["liaison_a"]
