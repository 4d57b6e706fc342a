"""A browser tab's title names the page and the record on it, so that someone with ten tabs open
in a meeting finds the report of Sở Y tế without opening each one (issue 13)."""

import html
import re

import pytest
from flask import url_for

from tests.factories import HolidayFactory, ReportFactory
from tracker.enums import ReportStatus
from tracker.extensions import db

SUFFIX = " · Theo dõi phối hợp Khoa giáo"

REPORT = "Báo cáo tháng 3/2025"
ISSUE = "Phản ánh về bếp ăn bán trú gây ngộ độc tại trường tiểu học"
COMMITMENT = "Tuyên truyền Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục"
EDUCATION = "Sở Giáo dục và Đào tạo"
DRAFT = "Báo cáo tháng 10/2025"
#: (who, endpoint, the record, the words the title holds, in this order).
PAGES = [
    ("office", "reports.detail", "report", [REPORT, EDUCATION]),
    ("office", "reports.review", "report", ["Thẩm định", REPORT, EDUCATION]),
    ("liaison_a", "reports.edit", "draft", [DRAFT, EDUCATION]),
    ("liaison_a", "issues.new", "draft to flag from", ["Báo cáo vấn đề mới", DRAFT]),
    ("office", "issues.detail", "issue", [ISSUE]),
    ("office", "issues.edit", "issue", ["Sửa vấn đề", ISSUE]),
    ("office", "issues.change_status", "issue", ["Chuyển trạng thái", ISSUE]),
    ("office", "issues.assign", "issue", ["Phân công xử lý vấn đề", ISSUE]),
    ("office", "issues.comment", "issue", ["Cho ý kiến", ISSUE]),
    ("office", "issues.escalate", "issue", [ISSUE]),
    ("office", "agreements.detail", "agreement", ["01-CTr/BTGTU-SGDDT"]),
    ("office", "agreements.edit", "agreement", ["01-CTr/BTGTU-SGDDT"]),
    ("office", "commitments.detail", "commitment", [COMMITMENT, EDUCATION]),
    ("office", "commitments.edit", "commitment", [COMMITMENT, "01-CTr/BTGTU-SGDDT"]),
    ("office", "documents.detail", "document", ["Hướng dẫn tuyên truyền kỷ niệm"]),
    ("office", "programme.agency", "agency", [EDUCATION]),
    ("admin", "admin.holiday_edit", "holiday", ["Sửa ngày nghỉ", "Quốc khánh", "02/09/2025"]),
]


def _arguments(world, record: str) -> dict:
    if record == "report":
        return {"report_id": world.reports["a"].id}
    if record == "draft":
        draft = ReportFactory(agency=world.a, period="2025-10", status=ReportStatus.DRAFT)
        db.session.commit()
        return {"report_id": draft.id}
    if record == "draft to flag from":
        draft = ReportFactory(agency=world.a, period="2025-10", status=ReportStatus.DRAFT)
        db.session.commit()
        return {"report": draft.id}
    if record == "issue":
        return {"issue_id": world.issues["ab"].id}
    if record == "agreement":
        return {"agreement_id": world.agreements["a"].id}
    if record == "commitment":
        return {"commitment_id": world.commitments["a"].id}
    if record == "document":
        return {"document_id": world.document.id}
    if record == "agency":
        return {"agency_id": world.a.id}
    holiday = HolidayFactory()
    db.session.commit()
    return {"holiday_id": holiday.id}


def _title(page: str) -> str:
    match = re.search(r"<title>(.*?)</title>", page, re.S)
    assert match, "the page has no <title>"
    return " ".join(html.unescape(match.group(1)).split())


@pytest.mark.parametrize(("who", "endpoint", "record", "words"), PAGES, ids=[p[1] for p in PAGES])
def test_the_tab_title_names_the_page_and_its_record(
    app, client, login, world, who, endpoint, record, words
):
    arguments = _arguments(world, record)
    with app.test_request_context():
        path = url_for(endpoint, **arguments)
    login(getattr(world.users, who))
    response = client.get(path)
    assert response.status_code == 200, path
    title = _title(response.get_data(as_text=True))
    assert title.endswith(SUFFIX), title
    position = 0
    for word in words:
        found = title.find(word, position)
        assert found >= 0, f"{path}: {word!r} missing from the tab title {title!r}"
        position = found + len(word)
