"""Flagged public-opinion issues: flagging (on its own and from inside a report), the Office's
queue and triage (one transitions table, assignment to Office staff only, escalation),
response deadlines and overdue issues, the frozen timeline with comments and evidence, the
visibility rule in every list, search, count and export, and the figures of the home pages."""

import csv
import io
import statistics
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from tests.factories import (
    TINY_PDF,
    IssueEventFactory,
    IssueFactory,
    ReportFactory,
    UserFactory,
    upload,
)
from tests.pages import figure_linking_to, figures
from tracker.enums import (
    AuditAction,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    ReportStatus,
    Sector,
    Sensitivity,
)
from tracker.extensions import db
from tracker.models import Attachment, AuditEvent, Issue, IssueEvent, report_issue
from tracker.models.issue import FrozenEventError
from tracker.services import calendar, settings
from tracker.services import issues as service
from tracker.services.errors import ValidationError

S = IssueStatus


def page(response) -> str:
    return response.get_data(as_text=True)


def _issue_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Issue.id)))


def _event_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(IssueEvent.id)))


def _flag_data(world, **changes) -> dict:
    today = calendar.today_local()
    data = {
        "title": "Phụ huynh phản ánh lạm thu tại Trường Tiểu học Ngọk Réo",
        "summary": "Báo Kon Tum đưa tin trường thu 12 khoản ngoài quy định.",
        "field": "education",
        "responsible_agency_id": str(world.a.id),
        "sensitivity": "medium",
        "source": "press",
        "source_outlet": "Báo Kon Tum",
        "source_url": "https://baokontum.com.vn/xa-hoi/lam-thu-12345.html",
        "source_date": (today - timedelta(days=2)).isoformat(),
        "first_seen_on": (today - timedelta(days=1)).isoformat(),
        "district": "",
        "commune": "Ngọk Réo",
        "agreement_id": "",
        "commitment_id": "",
    }
    data.update(changes)
    return data


# -- flagging ----------------------------------------------------------------------------------


def test_a_liaison_flags_an_issue_with_every_field_and_the_office_sees_it_new(client, login, world):
    login(world.users.liaison_a)
    data = _flag_data(
        world,
        agreement_id=str(world.agreements["a"].id),
        commitment_id=str(world.commitments["a"].id),
        responsible_agency_id=str(world.b.id),
        field="health",
        sensitivity="high",
    )
    response = client.post("/issues/new", data=data)
    assert response.status_code == 302
    issue = db.session.scalar(sa.select(Issue).where(Issue.title == data["title"]))
    assert urlsplit(response.headers["Location"]).path == f"/issues/{issue.id}"
    assert issue.reporting_agency_id == world.a.id
    assert issue.responsible_agency_id == world.b.id
    assert issue.status == S.NEW and issue.assignee_id is None
    assert issue.source == IssueSource.PRESS and issue.source_outlet == "Báo Kon Tum"
    assert issue.commune == "Ngọk Réo"
    assert issue.commitment_id == world.commitments["a"].id
    assert issue.agreement_id == world.agreements["a"].id
    # Highly sensitive: five days from first seen (the administrator's setting).
    assert issue.response_due_on == date.fromisoformat(data["first_seen_on"]) + timedelta(days=5)
    kinds = [
        e.kind
        for e in db.session.scalars(sa.select(IssueEvent).where(IssueEvent.issue_id == issue.id))
    ]
    assert kinds == [IssueEventKind.CREATED]
    audit = db.session.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.object_type == "issue", AuditEvent.object_id == str(issue.id)
        )
    ).all()
    assert [a.action for a in audit] == [AuditAction.CREATE]
    html = page(client.get(f"/issues/{issue.id}"))
    assert "Đã gửi vấn đề" in html
    assert world.commitments["a"].title in html

    client.post("/logout")
    login(world.users.office)
    queue = page(client.get("/issues"))
    # New, unassigned and more sensitive than the others: first in the Office's queue.
    first_row = queue.split("<tbody>")[1].split("</tr>")[0]
    assert data["title"] in first_row


def test_the_response_deadline_follows_the_administrators_setting(app, world):
    settings.update(world.users.admin, {"response_days_critical": 1})
    issue = service.flag(
        world.users.office,
        _flag_data(world, sensitivity="critical", first_seen_on=date(2025, 9, 1).isoformat()),
    )
    assert issue.response_due_on == date(2025, 9, 2)


def test_the_form_suggests_the_agency_of_the_field_and_shows_similar_open_issues(
    client, login, world
):
    login(world.users.liaison_b)
    html = page(client.get("/issues/new"))
    assert f'"education": {world.a.id}' in html and f'"health": {world.b.id}' in html
    assert "js/issue-form.js" in html
    # Typed without accents and in capitals, the similar issue B may see is found…
    title = world.issues["ab"].title
    from tracker.text import normalise

    typed = normalise(title).upper()
    found = client.get("/issues/similar", query_string={"title": typed}).get_json()["items"]
    assert [i["title"] for i in found][:1] == [title]
    # …and agency A's own issue, which B may not see, never is.
    typed_a = normalise(world.issues["a"].title)
    found_a = client.get("/issues/similar", query_string={"title": typed_a}).get_json()["items"]
    assert world.issues["a"].id not in [i["id"] for i in found_a]


def test_flagging_from_a_report_links_it_and_returns_to_the_report(client, login, world):
    report = ReportFactory(agency=world.a, period="2025-10", status=ReportStatus.DRAFT)
    db.session.commit()
    login(world.users.liaison_a)
    edit_page = page(client.get(f"/reports/{report.id}/edit"))
    assert f"/issues/new?report={report.id}" in edit_page
    form_page = page(client.get(f"/issues/new?report={report.id}"))
    assert "sẽ được gắn với báo cáo" in form_page
    response = client.post(f"/issues/new?report={report.id}", data=_flag_data(world))
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == f"/reports/{report.id}/edit"
    issue = db.session.scalar(sa.select(Issue).order_by(Issue.id.desc()).limit(1))
    linked = db.session.scalars(
        sa.select(report_issue.c.issue_id).where(report_issue.c.report_id == report.id)
    ).all()
    assert linked == [issue.id]
    kinds = {
        e.kind
        for e in db.session.scalars(sa.select(IssueEvent).where(IssueEvent.issue_id == issue.id))
    }
    assert IssueEventKind.LINKED_REPORT in kinds


def test_another_agencys_report_cannot_be_flagged_from(client, login, world):
    report = ReportFactory(agency=world.a, period="2025-10", status=ReportStatus.DRAFT)
    db.session.commit()
    login(world.users.liaison_b)
    before = _issue_count()
    assert client.get(f"/issues/new?report={report.id}").status_code == 404
    assert client.post(f"/issues/new?report={report.id}", data=_flag_data(world)).status_code == 404
    assert _issue_count() == before


TOMORROW = (date.today() + timedelta(days=3)).isoformat()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"field": "astrology"}, "Hãy chọn một giá trị trong danh sách."),
        ({"source": "rumour"}, "Hãy chọn một giá trị trong danh sách."),
        ({"first_seen_on": TOMORROW}, "Ngày phát hiện không thể sau hôm nay"),
        ({"title": "   "}, "Trường này là bắt buộc"),
        ({"source_url": "javascript:alert(1)"}, "http://"),
        (
            {"district": "Đăk Hà", "first_seen_on": date(2025, 7, 2).isoformat()},
            "không còn cấp huyện",
        ),
        ({"responsible_agency_id": "999999"}, "Hãy chọn cơ quan chịu trách nhiệm"),
        ({"commitment_id": "999999"}, "Hãy chọn một nội dung phối hợp"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_writes_nothing(
    client, login, world, changes, message
):
    login(world.users.liaison_a)
    before = (_issue_count(), _event_count())
    response = client.post("/issues/new", data=_flag_data(world, **changes))
    html = page(response)
    assert response.status_code == 422
    assert message in html, html[:3000]
    assert (_issue_count(), _event_count()) == before
    # What was typed is still there.
    assert "Báo Kon Tum đưa tin trường thu 12 khoản ngoài quy định." in html


def test_an_unknown_field_or_source_is_refused_by_the_service_too(app, world):
    for changes, field in (({"field": "astrology"}, "field"), ({"source": "rumour"}, "source")):
        with pytest.raises(ValidationError) as refused:
            service.flag(world.users.liaison_a, _flag_data(world, **changes))
        assert refused.value.field == field
    db.session.rollback()
    assert _issue_count() == 3


def test_another_agencys_clause_cannot_be_linked(app, world):
    with pytest.raises(ValidationError) as refused:
        service.flag(
            world.users.liaison_a,
            _flag_data(world, commitment_id=str(world.commitments["b"].id)),
        )
    assert refused.value.field == "commitment_id"


# -- the transitions table ---------------------------------------------------------------------


def test_the_office_takes_an_issue_through_to_closed(client, login, world):
    issue = world.issues["a"]
    login(world.users.office)
    for target in (S.UNDER_REVIEW, S.BEING_HANDLED, S.RESOLVED, S.CLOSED):
        response = client.post(
            f"/issues/{issue.id}/status", data={"status": target.value, "comment": "Đã xác minh."}
        )
        assert response.status_code == 302, page(response)[:2000]
    db.session.refresh(issue)
    assert issue.status == S.CLOSED
    assert issue.resolved_at is not None and issue.closed_at is not None
    changes = db.session.scalars(
        sa.select(IssueEvent)
        .where(IssueEvent.issue_id == issue.id, IssueEvent.kind == IssueEventKind.STATUS_CHANGED)
        .order_by(IssueEvent.id)
    ).all()
    assert [(c.from_status, c.to_status) for c in changes] == [
        (S.NEW, S.UNDER_REVIEW),
        (S.UNDER_REVIEW, S.BEING_HANDLED),
        (S.BEING_HANDLED, S.RESOLVED),
        (S.RESOLVED, S.CLOSED),
    ]
    assert {c.actor_id for c in changes} == {world.users.office.id}
    html = page(client.get(f"/issues/{issue.id}"))
    assert "Vấn đề đã kết thúc" in html


def test_a_change_the_table_does_not_allow_is_refused_and_writes_nothing(client, login, world):
    issue = world.issues["a"]
    login(world.users.office)
    before = _event_count()
    response = client.post(f"/issues/{issue.id}/status", data={"status": "closed"})
    assert response.status_code == 422
    db.session.refresh(issue)
    assert issue.status == S.NEW and _event_count() == before


@pytest.mark.parametrize("current", list(IssueStatus))
@pytest.mark.parametrize("target", list(IssueStatus))
def test_the_service_follows_the_one_table(app, world, current, target):
    issue = IssueFactory(reporting_agency=world.a, status=current)
    db.session.commit()
    allowed = {
        S.NEW: {S.UNDER_REVIEW, S.DISMISSED},
        S.UNDER_REVIEW: {S.BEING_HANDLED, S.DISMISSED},
        S.BEING_HANDLED: {S.RESOLVED},
        S.RESOLVED: {S.CLOSED},
    }.get(current, set())
    if target in allowed:
        service.transition(world.users.office, issue, target, comment="Lý do cụ thể.")
        assert issue.status == target
    else:
        with pytest.raises(ValidationError) as refused:
            service.transition(world.users.office, issue, target, comment="Lý do cụ thể.")
        assert "không thể chuyển sang" in refused.value.message or refused.value.field == "status"
        assert issue.status == current


def test_a_dismissal_needs_its_reason(client, login, world):
    issue = world.issues["a"]
    login(world.users.office)
    before = _event_count()
    response = client.post(
        f"/issues/{issue.id}/status", data={"status": "dismissed", "comment": " "}
    )
    assert response.status_code == 422
    assert "Hãy nêu lý do không xử lý vấn đề." in page(response)
    db.session.refresh(issue)
    assert issue.status == S.NEW and _event_count() == before
    response = client.post(
        f"/issues/{issue.id}/status",
        data={"status": "dismissed", "comment": "Thông tin không chính xác, đã đính chính."},
    )
    assert response.status_code == 302
    db.session.refresh(issue)
    assert issue.status == S.DISMISSED
    assert issue.dismissed_reason == "Thông tin không chính xác, đã đính chính."
    assert "Thông tin không chính xác, đã đính chính." in page(client.get(f"/issues/{issue.id}"))


# -- assignment and escalation -------------------------------------------------------------------


def test_assignment_goes_to_office_staff_only(client, login, world):
    issue = world.issues["a"]
    login(world.users.office)
    before = _event_count()
    for person in (world.users.liaison_a, world.users.leadership, world.users.admin):
        response = client.post(f"/issues/{issue.id}/assign", data={"assignee_id": person.id})
        assert response.status_code == 422
        assert "Chỉ giao vấn đề cho cán bộ của Ban" in page(response)
    db.session.refresh(issue)
    assert issue.assignee_id is None and _event_count() == before
    colleague = UserFactory(office=True, agency=world.office_agency, full_name="Lê Thị Hoa")
    db.session.commit()
    response = client.post(f"/issues/{issue.id}/assign", data={"assignee_id": colleague.id})
    assert response.status_code == 302
    db.session.refresh(issue)
    assert issue.assignee_id == colleague.id
    html = page(client.get(f"/issues/{issue.id}"))
    assert "Phân công" in html and "Lê Thị Hoa" in html


def test_escalated_issues_reach_leadership_home(client, login, world):
    issue = world.issues["ab"]
    login(world.users.office)
    response = client.post(
        f"/issues/{issue.id}/escalate", data={"note": "Lan rộng trên mạng xã hội."}
    )
    assert response.status_code == 302
    again = client.post(f"/issues/{issue.id}/escalate", data={"note": "Lần nữa."})
    assert again.status_code == 422
    assert "Vấn đề này đã được báo cáo lãnh đạo." in page(again)
    client.post("/logout")
    login(world.users.leadership)
    home = page(client.get("/"))
    section = home.split('id="esc-h"')[1].split("</section>")[0]
    assert issue.title in section
    assert world.issues["a"].title not in section
    assert figure_linking_to(home, "/issues?open=1&escalated=1") == "1"
    listed = page(client.get("/issues?open=1&escalated=1"))
    assert issue.title in listed and world.issues["b"].title not in listed


def test_leadership_reads_but_does_not_act(client, login, world):
    issue = world.issues["a"]
    login(world.users.leadership)
    html = page(client.get(f"/issues/{issue.id}"))
    assert "Chuyển trạng thái" not in html and 'name="comment"' not in html
    assert client.post(f"/issues/{issue.id}/comment", data={"comment": "x"}).status_code == 403
    assert (
        client.post(f"/issues/{issue.id}/status", data={"status": "under_review"}).status_code
        == 403
    )


# -- deadlines and overdue -----------------------------------------------------------------------


def _overdue_world(world):
    today = calendar.today_local()
    late = IssueFactory(
        reporting_agency=world.a,
        title="Quá hạn: sạt lở tại xã Đăk Pxi",
        response_due_on=today - timedelta(days=1),
        status=S.BEING_HANDLED,
    )
    IssueFactory(
        reporting_agency=world.b,
        title="Quá hạn nhưng đã giải quyết",
        response_due_on=today - timedelta(days=9),
        status=S.RESOLVED,
    )
    IssueFactory(
        reporting_agency=world.b,
        title="Còn hạn: hôm nay là hạn",
        response_due_on=today,
        status=S.UNDER_REVIEW,
    )
    db.session.commit()
    return late


def test_overdue_issues_are_unmissable(client, login, world):
    late = _overdue_world(world)
    today = calendar.today_local()
    independent = db.session.execute(
        sa.text(
            "SELECT count(*) FROM issue WHERE response_due_on < :today"
            " AND status IN ('new', 'under_review', 'being_handled')"
        ),
        {"today": today},
    ).scalar()
    assert independent == 1
    login(world.users.office)
    home = page(client.get("/"))
    assert figure_linking_to(home, "/issues?overdue=1") == str(independent)
    listed = page(client.get("/issues?overdue=1"))
    assert f"{independent} vấn đề" in listed
    assert late.title in listed and "Còn hạn" not in listed and "đã giải quyết" not in listed
    assert "Quá hạn</span>" in listed
    detail = page(client.get(f"/issues/{late.id}"))
    assert "Quá hạn phản hồi từ" in detail


# -- visibility ---------------------------------------------------------------------------------


def _visibility_world(world):
    """Issues whose reporting and responsible agencies differ, both ways, and one of the
    Office's that only the Office sees."""
    ba = IssueFactory(
        reporting_agency=world.b,
        responsible_agency=world.a,
        title="Dư luận về thu phí trông xe tại bệnh viện tỉnh",
        summary="Người nhà bệnh nhân phản ánh mức phí trông xe quá cao.",
        field=Sector.HEALTH,
        sensitivity=Sensitivity.HIGH,
    )
    office_only = IssueFactory(
        reporting_agency=world.office_agency,
        responsible_agency=world.office_agency,
        title="Tin giả về lễ hội đường phố",
    )
    db.session.commit()
    return ba, office_only


def _titles_in(text: str, world, extra) -> set[str]:
    every = {**world.issues, "ba": extra[0], "office": extra[1]}
    return {key for key, issue in every.items() if issue.title in text}


@pytest.mark.parametrize(
    ("who", "sees"),
    [("liaison_a", {"a", "ab", "ba"}), ("liaison_b", {"b", "ab", "ba"})],
)
def test_each_liaison_sees_only_their_agencys_issues_everywhere(client, login, world, who, sees):
    extra = _visibility_world(world)
    every = {**world.issues, "ba": extra[0], "office": extra[1]}
    login(getattr(world.users, who))
    assert _titles_in(page(client.get("/issues")), world, extra) == sees
    assert f"{len(sees)} vấn đề" in page(client.get("/issues"))
    # The open-issue figure on the home page counts the same issues and leads to them.
    home = page(client.get("/"))
    assert figure_linking_to(home, "/issues?open=1") == str(len(sees))
    # Searches: each title, typed without accents, finds it only when it may be seen.
    from tracker.text import normalise

    for key, issue in every.items():
        found = page(client.get("/issues", query_string={"q": normalise(issue.title)}))
        assert (issue.title in found) == (key in sees), key
    # Exports.
    csv_text = client.get("/issues/export.csv").data.decode("utf-8-sig")
    assert _titles_in(csv_text, world, extra) == sees
    book = load_workbook(io.BytesIO(client.get("/issues/export.xlsx").data))
    cells = " ".join(str(c.value) for row in book.active.iter_rows() for c in row)
    assert _titles_in(cells, world, extra) == sees
    # Details: another agency's issue does not exist.
    for key, issue in every.items():
        status = client.get(f"/issues/{issue.id}").status_code
        assert status == (200 if key in sees else 404), key
        comment = client.get(f"/issues/{issue.id}/comment").status_code
        assert comment == (200 if key in sees else 404), key
    # Similar titles never name what they may not see.
    for key, issue in every.items():
        found = client.get("/issues/similar", query_string={"title": issue.title}).get_json()
        assert (issue.id in [i["id"] for i in found["items"]]) == (key in sees), key


def test_the_office_and_leadership_see_every_issue(client, login, world):
    extra = _visibility_world(world)
    for user in (world.users.office, world.users.leadership):
        login(user)
        assert _titles_in(page(client.get("/issues")), world, extra) == {
            "a",
            "b",
            "ab",
            "ba",
            "office",
        }
        client.post("/logout")


# -- lists: filters, search, order, exports -------------------------------------------------------


def test_search_ignores_case_and_accents_over_title_and_summary(client, login, world):
    issue = IssueFactory(
        reporting_agency=world.a,
        title="Sốt xuất huyết gia tăng",
        summary="Ổ dịch tại làng Kon Hra Chốt, phường Kon Tum.",
    )
    db.session.commit()
    login(world.users.office)
    for query in ("SOT XUAT HUYET", "sốt xuất", "kon hra chot", "LÀNG KON"):
        assert issue.title in page(client.get("/issues", query_string={"q": query})), query
    assert issue.title not in page(client.get("/issues", query_string={"q": "đất đai"}))


def _filter_world(world):
    today = calendar.today_local()
    IssueFactory(
        reporting_agency=world.a,
        field=Sector.ENVIRONMENT,
        source=IssueSource.SOCIAL_MEDIA,
        sensitivity=Sensitivity.CRITICAL,
        status=S.BEING_HANDLED,
        district="Đăk Hà",
        commune="Hà Mòn",
        first_seen_on=date(2025, 3, 5),
        response_due_on=date(2025, 3, 7),
        escalated_at=datetime(2025, 3, 6, 3, tzinfo=UTC),
        assignee=world.users.office,
    )
    IssueFactory(
        reporting_agency=world.b,
        responsible_agency=world.a,
        field=Sector.HEALTH,
        source=IssueSource.HOTLINE,
        sensitivity=Sensitivity.LOW,
        status=S.UNDER_REVIEW,
        commune="Đăk Cấm",
        first_seen_on=today - timedelta(days=2),
        response_due_on=today + timedelta(days=10),
    )
    db.session.commit()


@pytest.mark.parametrize(
    ("query", "sql"),
    [
        ("field=environment", "field = 'environment'"),
        ("source=hotline", "source = 'hotline'"),
        ("status=under_review", "status = 'under_review'"),
        ("sensitivity=critical", "sensitivity = 'critical'"),
        ("agency={b}", "(reporting_agency_id = {b} OR responsible_agency_id = {b})"),
        ("district=%C4%90%C4%83k+H%C3%A0", "district = 'Đăk Hà'"),
        ("commune=%C4%90%C4%83k+C%E1%BA%A5m", "commune = 'Đăk Cấm'"),
        ("from=2025-03-01&to=2025-03-31", "first_seen_on BETWEEN '2025-03-01' AND '2025-03-31'"),
        (
            "overdue=1",
            "response_due_on < '{today}' AND status IN ('new','under_review','being_handled')",
        ),
        ("escalated=1", "escalated_at IS NOT NULL"),
        ("unassigned=1", "assignee_id IS NULL"),
        (
            "open=1&high=1",
            "status IN ('new','under_review','being_handled')"
            " AND sensitivity IN ('high','critical')",
        ),
    ],
)
def test_every_filter_lists_exactly_what_an_independent_count_finds(
    client, login, world, query, sql
):
    _filter_world(world)
    today = calendar.today_local().isoformat()
    where = sql.format(b=world.b.id, today=today)
    expected = db.session.execute(sa.text(f"SELECT count(*) FROM issue WHERE {where}")).scalar()
    assert expected >= 1
    login(world.users.office)
    html = page(client.get(f"/issues?{query.format(b=world.b.id)}"))
    assert f'id="issue-count">{expected} vấn đề' in html


def test_the_queue_puts_new_unassigned_first_then_sensitivity_then_age(app, world):
    for issue in world.issues.values():
        issue.status = S.CLOSED
    older_low = IssueFactory(
        reporting_agency=world.a,
        sensitivity=Sensitivity.LOW,
        status=S.NEW,
        first_seen_on=date(2025, 1, 1),
    )
    newer_critical = IssueFactory(
        reporting_agency=world.a,
        sensitivity=Sensitivity.CRITICAL,
        status=S.NEW,
        first_seen_on=date(2025, 6, 1),
    )
    taken_critical = IssueFactory(
        reporting_agency=world.a,
        sensitivity=Sensitivity.CRITICAL,
        status=S.BEING_HANDLED,
        assignee=world.users.office,
        first_seen_on=date(2024, 1, 1),
    )
    older_critical = IssueFactory(
        reporting_agency=world.a,
        sensitivity=Sensitivity.CRITICAL,
        status=S.NEW,
        first_seen_on=date(2025, 2, 1),
    )
    db.session.commit()
    order = db.session.scalars(service.open_query(world.users.office)).all()
    assert order == [older_critical, newer_critical, older_low, taken_critical]


def test_exports_are_csv_with_a_bom_and_xlsx_of_the_filtered_list(client, login, world):
    issue = world.issues["ab"]
    login(world.users.office)
    response = client.get("/issues/export.csv?field=health")
    assert response.data.startswith(b"\xef\xbb\xbf")
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows) == 2 and issue.title in rows[1]
    assert "Tiêu đề" in rows[0]
    book = load_workbook(io.BytesIO(client.get("/issues/export.xlsx?field=health").data))
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    assert len(values) == 2 and issue.title in values[1]


def test_markup_is_shown_literally(client, login, world):
    issue = IssueFactory(
        reporting_agency=world.a,
        title='<script>alert("x")</script> <b>đậm</b>',
        summary='<img src=x onerror=alert(1)> & <font color="red">',
    )
    db.session.commit()
    login(world.users.office)
    for url in ("/issues", f"/issues/{issue.id}"):
        html = page(client.get(url))
        assert "<script>alert" not in html and "<b>đậm</b>" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html or "&lt;script&gt;" in html


# -- timeline: comments, evidence, edits; frozen ---------------------------------------------------


def test_the_responsible_agency_comments_with_evidence_on_an_issue_another_flagged(
    client, login, world
):
    issue = world.issues["ab"]
    login(world.users.liaison_b)
    response = client.post(
        f"/issues/{issue.id}/comment",
        data={"comment": "Sở Y tế đã kiểm tra bếp ăn.", "file": upload("bien-ban.pdf", TINY_PDF)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    event = db.session.scalar(
        sa.select(IssueEvent).where(IssueEvent.kind == IssueEventKind.COMMENTED)
    )
    assert event.actor_id == world.users.liaison_b.id and event.issue_id == issue.id
    attachment = db.session.get(Attachment, event.data["attachment_id"])
    assert attachment.issue_id == issue.id
    html = page(client.get(f"/issues/{issue.id}"))
    assert "Sở Y tế đã kiểm tra bếp ăn." in html and "bien-ban.pdf" in html
    assert client.get(f"/attachments/{attachment.id}").status_code == 200
    # The reporting agency reads the file; a liaison of neither agency cannot.
    client.post("/logout")
    login(world.users.liaison_a)
    assert client.get(f"/attachments/{attachment.id}").status_code == 200


def test_an_empty_comment_is_refused_and_writes_nothing(client, login, world):
    login(world.users.liaison_a)
    before = _event_count()
    response = client.post(f"/issues/{world.issues['a'].id}/comment", data={"comment": "  "})
    assert response.status_code == 422
    assert "Hãy viết ý kiến hoặc đính kèm tệp." in page(response)
    assert _event_count() == before


def test_an_edit_is_recorded_on_the_timeline_with_what_changed(client, login, world):
    issue = world.issues["a"]
    login(world.users.liaison_a)
    form = _flag_data(
        world,
        title=issue.title,
        summary=issue.summary,
        sensitivity="high",
        first_seen_on=issue.first_seen_on.isoformat(),
        commune="",
    )
    response = client.post(f"/issues/{issue.id}/edit", data=form)
    assert response.status_code == 302, page(response)[:2000]
    db.session.refresh(issue)
    assert issue.sensitivity == Sensitivity.HIGH
    # The deadline follows the new sensitivity: five days.
    assert issue.response_due_on == issue.first_seen_on + timedelta(days=5)
    event = db.session.scalar(
        sa.select(IssueEvent).where(IssueEvent.kind == IssueEventKind.UPDATED)
    )
    assert event.actor_id == world.users.liaison_a.id
    assert event.data["changed"]["sensitivity"] == ["medium", "high"]
    # Once the Office takes it up, the liaison no longer edits it.
    service.transition(world.users.office, issue, S.UNDER_REVIEW)
    db.session.commit()
    assert client.get(f"/issues/{issue.id}/edit").status_code == 403


def test_timeline_events_are_frozen(app, world):
    event = IssueEventFactory(issue=world.issues["a"], actor=world.users.office)
    db.session.commit()
    event.comment = "rewritten"
    with pytest.raises(FrozenEventError):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.get(IssueEvent, event.id))
    with pytest.raises(FrozenEventError):
        db.session.flush()
    db.session.rollback()


# -- figures -------------------------------------------------------------------------------------


def test_the_figures_agree_with_independent_counts(client, login, world):
    today = calendar.today_local()
    _filter_world(world)
    resolved = [
        IssueFactory(
            reporting_agency=world.a,
            status=S.RESOLVED,
            first_seen_on=date(2025, 5, 1),
            # 23:30 UTC is the next morning in Vietnam: the local date counts.
            resolved_at=datetime(2025, 5, 10, 23, 30, tzinfo=UTC),
        ),
        IssueFactory(
            reporting_agency=world.b,
            status=S.CLOSED,
            first_seen_on=date(2025, 5, 1),
            resolved_at=datetime(2025, 5, 4, 2, tzinfo=UTC),
        ),
    ]
    IssueFactory(reporting_agency=world.b, first_seen_on=today, field=Sector.LABOUR)
    db.session.commit()
    figures_ = service.figures(world.users.office, today)
    assert figures_.median_days_to_resolve == statistics.median([10, 3]) == 6.5
    assert figures_.resolved_count == len(resolved)
    monday = today - timedelta(days=today.weekday())
    week = db.session.execute(
        sa.text("SELECT count(*) FROM issue WHERE first_seen_on >= :m AND first_seen_on <= :t"),
        {"m": monday, "t": today},
    ).scalar()
    assert figures_.new_this_week.value == week
    by_sens = dict(
        db.session.execute(
            sa.text(
                "SELECT sensitivity, count(*) FROM issue"
                " WHERE status IN ('new','under_review','being_handled') GROUP BY sensitivity"
            )
        ).all()
    )
    for sensitivity, fig in figures_.open_by_sensitivity.items():
        assert fig.value == by_sens.get(sensitivity.value, 0)
    labour_now = figures_.per_field_month[(today.year, today.month)][Sector.LABOUR]
    first_of_month = today.replace(day=1)
    assert (
        labour_now.value
        == db.session.execute(
            sa.text(
                "SELECT count(*) FROM issue WHERE field = 'labour'"
                " AND first_seen_on >= :f AND first_seen_on <= :t"
            ),
            {"f": first_of_month, "t": today},
        ).scalar()
    )
    # Every figure on the Office's home leads to a list of exactly that many issues.
    login(world.users.office)
    home = page(client.get("/"))
    linked = {
        label: value for label, value in figures(home).items() if value[1].startswith("/issues")
    }
    assert len(linked) >= 4
    for label, (value, href) in linked.items():
        listed = page(client.get(href))
        assert f'id="issue-count">{value} vấn đề' in listed, (label, href)


def test_the_four_sensitivities_read_as_sensitivity_not_severity(client, login, world):
    login(world.users.office)
    html = page(client.get("/issues"))
    for words in ("Ít nhạy cảm", "Nhạy cảm", "Rất nhạy cảm", "Đặc biệt nhạy cảm"):
        assert f">{words}</option>" in html
    assert "nghiêm trọng" not in html


# -- the JSON API --------------------------------------------------------------------------------


def _bearer(user) -> dict:
    from tracker.services import tokens

    secret, _row = tokens.issue(user)
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def test_the_api_lists_what_each_liaison_may_see_with_the_contracts_names(client, world):
    response = client.get("/api/v1/issues", headers=_bearer(world.users.liaison_b))
    body = response.get_json()
    assert response.status_code == 200
    assert {i["id"] for i in body["items"]} == {world.issues["b"].id, world.issues["ab"].id}
    assert body["total"] == 2
    item = next(i for i in body["items"] if i["id"] == world.issues["ab"].id)
    assert item["reporting_agency"] == world.a.code and item["responsible_agency"] == world.b.code
    assert item["status"] == "new" and item["first_seen"] == "2025-09-10"
    assert {"field", "source", "sensitivity", "response_due", "escalated"} <= set(item)
    headers = _bearer(world.users.liaison_b)
    assert client.get(f"/api/v1/issues/{world.issues['a'].id}", headers=headers).status_code == 404


def test_the_api_flags_and_the_office_moves_issues_along_the_table(client, world):
    liaison = _bearer(world.users.liaison_a)
    body = {
        "title": "Clip xuyên tạc lễ hội trên mạng xã hội",
        "summary": "Một trang mạng đăng lại clip cũ với lời bình sai sự thật.",
        "field": "culture",
        "source": "social_media",
        "first_seen": (calendar.today_local() - timedelta(days=1)).isoformat(),
        "commune": "Kon Tum",
        "sensitivity": "critical",
        "responsible_agency": world.b.code,
    }
    created = client.post("/api/v1/issues", json=body, headers=liaison)
    assert created.status_code == 201, created.get_json()
    issue = created.get_json()
    assert issue["status"] == "new" and issue["reporting_agency"] == world.a.code
    assert [e["kind"] for e in issue["events"]] == ["created"]
    future = {**body, "first_seen": (calendar.today_local() + timedelta(days=2)).isoformat()}
    before = _issue_count()
    refused = client.post("/api/v1/issues", json=future, headers=liaison)
    assert refused.status_code == 422 and _issue_count() == before
    unknown = client.post("/api/v1/issues", json={**body, "field": "astrology"}, headers=liaison)
    assert unknown.status_code == 422 and _issue_count() == before
    # Only the Office changes status and assignment.
    url = f"/api/v1/issues/{issue['id']}"
    assert (
        client.patch(
            url, json={"version": issue["version"], "status": "under_review"}, headers=liaison
        ).status_code
        == 403
    )
    office = _bearer(world.users.office)
    events = _event_count()
    closed = client.patch(
        url, json={"version": issue["version"], "status": "closed"}, headers=office
    )
    assert closed.status_code == 422 and _event_count() == events
    liaison_as_assignee = client.patch(
        url,
        json={"version": issue["version"], "assignee": world.users.liaison_a.username},
        headers=office,
    )
    assert liaison_as_assignee.status_code == 422 and _event_count() == events
    stale = client.patch(
        url, json={"version": issue["version"] + 5, "status": "under_review"}, headers=office
    )
    assert stale.status_code == 409
    moved = client.patch(
        url,
        json={
            "version": issue["version"],
            "status": "under_review",
            "assignee": world.users.office.username,
        },
        headers=office,
    )
    assert moved.status_code == 200, moved.get_json()
    result = moved.get_json()
    assert result["status"] == "under_review" and result["assignee"] == world.users.office.username
    assert [e["kind"] for e in result["events"]] == ["created", "assigned", "status_changed"]
    assert result["events"][-1]["actor"] == world.users.office.username


def test_markup_in_an_issue_flagged_from_a_report_reads_literally_in_the_reports_pdf(
    client, login, world, tmp_path
):
    import subprocess

    from tracker.enums import ReportKind
    from tracker.services import reports as report_service

    report = report_service.start(world.users.liaison_a, world.a, ReportKind.MONTHLY, "2025-04")
    db.session.commit()
    login(world.users.liaison_a)
    title = 'Dư luận về <font color="red">học phí</font> & <para> chưa đóng'
    response = client.post(f"/issues/new?report={report.id}", data=_flag_data(world, title=title))
    assert response.status_code == 302
    report.situation = "Tư tưởng cán bộ ổn định."
    report.results = "Đã tổ chức hội nghị."
    report_service.submit(world.users.liaison_a, report, version=None)
    db.session.commit()
    client.post("/logout")
    login(world.users.office)
    pdf = client.get(f"/reports/{report.id}.pdf")
    assert pdf.status_code == 200
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert title in " ".join(text.split())


def test_left_empty_the_responsible_agency_is_the_one_in_charge_of_the_field(client, login, world):
    login(world.users.office)
    response = client.post(
        "/issues/new", data=_flag_data(world, field="health", responsible_agency_id="")
    )
    assert response.status_code == 302
    issue = db.session.scalar(sa.select(Issue).order_by(Issue.id.desc()).limit(1))
    assert issue.responsible_agency_id == world.b.id
    assert issue.reporting_agency_id == world.office_agency.id


def test_an_issues_page_names_similar_open_issues_it_may_be_a_duplicate_of(client, login, world):
    twin = IssueFactory(
        reporting_agency=world.b,
        responsible_agency=world.a,
        title=world.issues["a"].title.upper(),
    )
    closed_twin = IssueFactory(
        reporting_agency=world.a, title=world.issues["a"].title + " (cũ)", status=S.CLOSED
    )
    # Two words in common do not make the same matter.
    other = IssueFactory(
        reporting_agency=world.a,
        title="Phụ huynh lo ngại phản ứng sau tiêm vắc xin tại xã Ia Chim",
    )
    db.session.commit()
    login(world.users.liaison_a)
    html = page(client.get(f"/issues/{world.issues['a'].id}"))
    section = html.split('id="similar-h"')[1].split("</section>")[0]
    assert f"/issues/{twin.id}" in section and f"/issues/{closed_twin.id}" not in section
    assert f'/issues/{other.id}"' not in section
    # Liaison B may see the twin but not A's own issue: A's is never named on B's pages.
    client.post("/logout")
    login(world.users.liaison_b)
    html = page(client.get(f"/issues/{twin.id}"))
    assert f'/issues/{world.issues["a"].id}"' not in html
