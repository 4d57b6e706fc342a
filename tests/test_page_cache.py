"""Whole pages kept (issue 12, tracker.web.page_cache): a second look is served without
rendering the page again, and every write shows at once; a kept page is never anyone else's,
carries the asker's own CSRF token, and never shows a flashed message twice."""

import re
from datetime import timedelta

import sqlalchemy as sa

from tests.conftest import Login
from tests.factories import PASSWORD, IssueFactory
from tests.pages import figure_linking_to
from tracker.enums import IssueStatus, NotificationKind, ReportStatus
from tracker.extensions import db
from tracker.models import FigureStamp
from tracker.services import calendar, figure_cache, notifications
from tracker.web import page_cache


def _hits() -> int:
    return page_cache.stats["hits"]


def _without_tokens(html: str) -> str:
    return re.sub(r'(name="csrf_token"[^>]*value=")[^"]+', r"\1", html)


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def _stamps() -> dict[int, str]:
    db.session.expire_all()
    return dict(db.session.execute(sa.select(FigureStamp.id, FigureStamp.token)).all())


def test_a_second_look_is_the_kept_page(client, login, world):
    login(world.users.office)
    first = client.get("/issues").get_data(as_text=True)
    hits = _hits()
    again = client.get("/issues").get_data(as_text=True)
    assert _hits() == hits + 1
    assert _without_tokens(again) == _without_tokens(first)
    assert world.issues["a"].title in again


def test_an_issue_retitled_shows_at_once_on_its_page_and_the_queue(client, login, world):
    issue = world.issues["a"]
    login(world.users.office)
    for url in (f"/issues/{issue.id}", "/issues"):
        assert issue.title in client.get(url).get_data(as_text=True)
    issue.title = "Phản ánh mới về học phí năm học 2025-2026"
    db.session.commit()
    for url in (f"/issues/{issue.id}", "/issues"):
        assert "Phản ánh mới về học phí năm học 2025-2026" in client.get(url).get_data(
            as_text=True
        ), url


def test_a_renamed_assignee_shows_at_once_in_the_queue(client, login, world):
    issue = world.issues["a"]
    issue.assignee = world.users.office
    db.session.commit()
    login(world.users.office)
    assert world.users.office.full_name in client.get("/issues").get_data(as_text=True)
    world.users.office.full_name = "Trần Thị Thu Hà"
    db.session.commit()
    assert "Trần Thị Thu Hà" in client.get("/issues").get_data(as_text=True)


def test_a_new_notification_shows_in_the_header_of_a_kept_page(client, login, world):
    user = world.users.liaison_a
    login(user)
    before = client.get("/reports").get_data(as_text=True)
    assert "unread" not in _header(before) and "chưa đọc" not in _header(before)
    notifications.notify([user.id], NotificationKind.REPORT_RETURNED, {"title": "x"})
    db.session.commit()
    after = client.get("/reports").get_data(as_text=True)
    assert re.search(r'badge bg-light text-dark">1<', _header(after)), _header(after)


def _header(html: str) -> str:
    return html.split("<main", 1)[0]


def test_a_report_accepted_shows_at_once_on_the_office_home(client, login, world):
    login(world.users.office)

    def waiting() -> int:
        page = client.get("/").get_data(as_text=True)
        return int(figure_linking_to(page, "/reports?status=submitted"))

    before = waiting()
    assert world.reports["a"].status == ReportStatus.SUBMITTED and before >= 1
    assert waiting() == before  # the kept page
    world.reports["a"].status = ReportStatus.ACCEPTED
    db.session.commit()
    assert waiting() == before - 1


def test_the_summary_json_follows_a_new_issue(client, world):
    response = client.post(
        "/api/v1/tokens", json={"username": world.users.office.username, "password": PASSWORD}
    )
    headers = {"Authorization": f"Bearer {response.get_json()['token']}"}
    url = f"/api/v1/summaries/{world.term.name}"

    def new_issues() -> int:
        body = client.get(url, headers=headers).get_json()
        return body["issues"]["by_status"]["new"]

    before = new_issues()
    hits = _hits()
    assert new_issues() == before
    assert _hits() == hits + 1
    IssueFactory(
        reporting_agency=world.a,
        responsible_agency=world.a,
        first_seen_on=world.term.start_date + timedelta(days=30),
        status=IssueStatus.NEW,
    )
    db.session.commit()
    assert new_issues() == before + 1


def test_a_login_leaves_the_pages_kept_but_the_administrators_home_shows_it(
    app, client, login, world
):
    login(world.users.admin)
    client.get("/")
    office = app.test_client()
    Login(office)(world.users.office)
    office.get("/issues")
    before = _stamps()
    other = app.test_client()
    Login(other)(world.users.liaison_b)  # writes the user's last login and the audit trail
    after = _stamps()
    assert {t: after[t] for t in figure_cache.PAGE_TOPICS} == {
        t: before[t] for t in figure_cache.PAGE_TOPICS
    }
    assert after[figure_cache.AUDIT] != before[figure_cache.AUDIT]
    hits = _hits()
    office.get("/issues")
    assert _hits() == hits + 1
    home = client.get("/").get_data(as_text=True)
    assert world.users.liaison_b.username in home or world.users.liaison_b.full_name in home


def test_a_kept_page_is_never_another_liaisons(app, client, login, world):
    login(world.users.liaison_a)
    mine = client.get("/issues").get_data(as_text=True)
    other = app.test_client()
    Login(other)(world.users.liaison_b)
    theirs = other.get("/issues").get_data(as_text=True)
    assert world.issues["a"].title in mine and world.issues["a"].title not in theirs
    assert world.issues["b"].title in theirs and world.issues["b"].title not in mine


def test_a_kept_page_carries_the_askers_own_csrf_token(csrf_app, world):
    def logged_in():
        client = csrf_app.test_client()
        html = client.get("/login").get_data(as_text=True)
        response = client.post(
            "/login",
            data={
                "username": world.users.office.username,
                "password": PASSWORD,
                "csrf_token": _token(html),
            },
        )
        assert response.status_code == 302
        return client

    first, second = logged_in(), logged_in()
    first.get("/issues")
    hits = _hits()
    page = second.get("/issues").get_data(as_text=True)
    assert _hits() == hits + 1  # the first session's page, kept
    # The token in it is the second session's: logging out with it works there…
    response = second.post("/logout", data={"csrf_token": _token(page)})
    assert response.status_code == 302
    assert second.get("/issues").status_code == 302  # logged out
    # …and not in the first session.
    response = first.post("/logout", data={"csrf_token": _token(page)})
    assert response.status_code == 400


def test_a_flashed_message_shows_once_and_the_comment_at_once(client, login, world):
    issue = world.issues["a"]
    login(world.users.office)
    client.get(f"/issues/{issue.id}")
    response = client.post(
        f"/issues/{issue.id}/comment",
        data={"comment": "Đã làm việc với Phòng Giáo dục huyện."},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "Đã làm việc với Phòng Giáo dục huyện." in html
    assert 'role="alert"' in html  # the message that the comment was added
    again = client.get(f"/issues/{issue.id}").get_data(as_text=True)
    assert "Đã làm việc với Phòng Giáo dục huyện." in again
    assert 'role="alert"' not in again


def test_a_page_kept_yesterday_is_not_served_today(client, login, world, monkeypatch):
    today = calendar.today_local()
    issue = IssueFactory(
        reporting_agency=world.a,
        responsible_agency=world.a,
        first_seen_on=today - timedelta(days=3),
        response_due_on=today,
        status=IssueStatus.UNDER_REVIEW,
    )
    db.session.commit()
    login(world.users.office)
    overdue = re.compile(r"badge-status-overdue")
    assert not overdue.search(client.get(f"/issues/{issue.id}").get_data(as_text=True))
    monkeypatch.setattr(calendar, "today_local", lambda: today + timedelta(days=1))
    assert overdue.search(client.get(f"/issues/{issue.id}").get_data(as_text=True))


def test_a_closed_account_gets_no_kept_page(client, login, world):
    user = world.users.liaison_a
    login(user)
    assert client.get("/issues").status_code == 200
    user.active = False
    db.session.commit()
    response = client.get("/issues")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_kept_pages_stay_within_their_budget_and_none_are_kept_at_zero(
    app, client, login, world
):
    login(world.users.office)
    page_cache.clear()
    app.config["PAGE_CACHE_MB"] = 1
    for n in range(150):
        assert client.get(f"/issues?q=h%E1%BB%8Dc+ph%C3%AD+{n}").status_code == 200
    kept = page_cache.kept()
    assert kept.size <= 1024 * 1024
    assert 0 < kept.pages < 150  # the oldest went out
    app.config["PAGE_CACHE_MB"] = 0
    client.get("/issues")
    hits = _hits()
    client.get("/issues")
    assert _hits() == hits
