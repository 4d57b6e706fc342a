"""A report's life in the browser, as its users live it: the liaison writes the report that is
due, leaves and comes back to it, sends it; the Office returns it with a comment on a section;
the liaison reads the comment where it applies, fixes the report and sends it again; the Office
accepts it. Every step is done through the pages, with the real forms and CSRF."""

import re

import pytest

from tests.factories import TINY_PDF
from tracker.extensions import db
from tracker.models import Commitment, CommitmentUpdate, Report, ReportVersion

pytestmark = pytest.mark.browser


@pytest.fixture
def words(live_app):
    """``words(msgid, **values)``: the interface's text in Vietnamese, as the page shows it."""
    from flask_babel import force_locale, gettext

    def translate(msgid: str, **values) -> str:
        with live_app.test_request_context(), force_locale("vi"):
            return gettext(msgid, **values)

    return translate


def _report(live_app, report_id: int) -> Report:
    with live_app.app_context():
        report = db.session.get(Report, report_id)
        db.session.expunge_all()
        return report


def _report_id(url: str) -> int:
    match = re.search(r"/reports/(\d+)", url)
    assert match, url
    return int(match.group(1))


def test_a_report_is_written_returned_fixed_and_accepted(visit, live_app, words, tmp_path):
    liaison = visit("liaison")
    page = liaison.page

    # The home page lists what falls due; one click starts the report.
    due = page.locator("section[aria-labelledby=todo-h]")
    write_it = due.get_by_role("button", name=re.compile(words("Write it")))
    assert write_it.count() >= 1, "nothing to write in the liaison's 'due soon' list"
    title = write_it.first.locator(".visually-hidden").inner_text().strip()
    liaison.click_and_wait(write_it.first)
    assert page.url.endswith("/edit")
    report_id = _report_id(page.url)
    assert page.locator("h1").inner_text() == title

    # A first pass, saved as a draft with a file; the liaison leaves and comes back to it.
    page.get_by_label(words("Ideological situation and public opinion")).fill(
        "Cán bộ, giáo viên phấn khởi với chính sách miễn học phí."
    )
    results = page.get_by_label(words("Results of coordination"))
    results.fill("Phối hợp tổ chức 02 lớp bồi dưỡng chính trị hè.")
    line = page.locator(".commitment-line").first
    commitment_title = line.locator("p.fw-semibold").evaluate(
        "p => p.firstChild.textContent.trim()"
    )
    line.get_by_label(words("This period")).fill("Đã tổ chức lớp bồi dưỡng cho 120 giáo viên.")
    line.get_by_label(words("Progress (%)")).fill("60")
    scan = tmp_path / "danh-sach-hoc-vien.pdf"
    scan.write_bytes(TINY_PDF)
    page.get_by_label(words("Add a file")).set_input_files(str(scan))
    liaison.click_and_wait(page.get_by_role("button", name=words("Save the draft")))
    assert words("The draft has been saved.") in page.locator(".alert").first.inner_text()

    liaison.goto("/")
    liaison.goto(f"/reports/{report_id}/edit")
    line = page.locator(".commitment-line").first
    assert line.get_by_label(words("This period")).input_value() == (
        "Đã tổ chức lớp bồi dưỡng cho 120 giáo viên."
    )
    assert line.get_by_label(words("Progress (%)")).input_value() == "60"
    assert results.input_value() == "Phối hợp tổ chức 02 lớp bồi dưỡng chính trị hè."
    assert page.get_by_role("link", name="danh-sach-hoc-vien.pdf").count() == 1

    # The Office does not see a draft.
    office = visit("office")
    office.goto(f"/reports/{report_id}")
    assert office.page.locator("h1").inner_text() != title

    liaison.click_and_wait(page.get_by_role("button", name=words("Send to the Office")))
    assert page.url.endswith(f"/reports/{report_id}")
    sent = words("%(report)s has been sent to the Office (version %(n)s).", report=title, n=1)
    assert sent in page.locator(".alert").first.inner_text()
    assert _report(live_app, report_id).status.value == "submitted"

    # The Office finds it in the review queue and returns it with a comment on "Results".
    office.goto("/reports/review")
    office.click_and_wait(office.page.get_by_role("link", name=title).first)
    if "/review" not in office.page.url:
        office.click_and_wait(office.page.get_by_role("link", name=words("Review")))
    review = office.page
    review.get_by_label(words("Return it for revision")).check()
    review.get_by_label(words("Comment for the agency")).fill("Đề nghị bổ sung số liệu cụ thể.")
    review.locator("details summary").click()
    review.locator("textarea[name=on_results]").fill("Ghi rõ số lớp và số học viên từng lớp.")
    office.click_and_wait(review.get_by_role("button", name=words("Record the decision")))
    assert words("The report has been returned to its agency with your comments.") in (
        review.locator(".alert").first.inner_text()
    )

    # The liaison sees it come back, and the comment next to the section it concerns.
    liaison.goto("/")
    returned = page.locator("section[aria-labelledby=returned-h]")
    assert title in returned.inner_text()
    liaison.click_and_wait(returned.get_by_role("link", name=re.compile(words("Revise"))))
    assert "Đề nghị bổ sung số liệu cụ thể." in page.locator(".alert-warning").inner_text()
    note = page.locator(".review-note")
    assert note.count() == 1 and "Ghi rõ số lớp và số học viên từng lớp." in note.inner_text()
    # The note sits right above the section it is about.
    label_after_note = note.evaluate("n => n.nextElementSibling.querySelector('label').textContent")
    assert words("Results of coordination") in label_after_note

    results.fill("Phối hợp tổ chức 02 lớp bồi dưỡng chính trị hè: 65 và 55 học viên.")
    liaison.click_and_wait(page.get_by_role("button", name=words("Send to the Office")))
    assert _report(live_app, report_id).status.value == "submitted"

    # The Office sees what changed, and accepts it.
    office.goto(f"/reports/{report_id}")
    assert "65 và 55 học viên" in office.page.locator("main").inner_text()
    office.click_and_wait(office.page.get_by_role("link", name=words("Review")))
    office.page.get_by_label(words("Accept the report")).check()
    office.click_and_wait(office.page.get_by_role("button", name=words("Record the decision")))
    assert words("The report is accepted.") in office.page.locator(".alert").first.inner_text()

    # Accepted and locked: the liaison can no longer edit it, and it records what happened.
    liaison.goto(f"/reports/{report_id}")
    main = page.locator("main")
    assert words("Accepted") in main.inner_text()
    assert page.get_by_role("link", name=words("Revise and send again")).count() == 0
    assert page.get_by_role("link", name=words("Continue writing")).count() == 0
    with live_app.app_context():
        versions = db.session.scalars(
            db.select(ReportVersion).filter_by(report_id=report_id).order_by(ReportVersion.number)
        ).all()
        assert [(v.number, v.decision.value if v.decision else None) for v in versions] == [
            (1, "returned"),
            (2, "accepted"),
        ]
        assert all(v.attachments for v in versions), "each version keeps its copy of the file"
        commitment = db.session.scalar(db.select(Commitment).filter_by(title=commitment_title))
        update = db.session.scalar(
            db.select(CommitmentUpdate)
            .filter_by(commitment_id=commitment.id)
            .order_by(CommitmentUpdate.id.desc())
        )
        assert update.progress == 60 and "120 giáo viên" in update.note
    assert not liaison.errors and not office.errors, liaison.errors + office.errors
