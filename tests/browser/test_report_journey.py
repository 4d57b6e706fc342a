"""Journeys 1 and 2 of issue 13, three ways each (keyboard only, in English, on a 375 px
phone): the liaison writes the report that is due (a progress line on a commitment, a newly
flagged issue, a file), saves a draft, comes back and sends it; the Office returns it with a
comment on a section; the liaison reads the comment where it applies, fixes the report and
sends it again; the Office accepts it, then triages the flagged issue: assigns it, comments,
takes it in hand and resolves it. Every step goes through the pages, with the real forms and
CSRF; axe, the width and the tab's title are checked on every page the journey visits.

Each way takes the next report in the liaison's "due soon" list (the demo has three)."""

import re

import pytest

from tests.browser.journey import (
    WAYS,
    Hand,
    Pages,
    alert_text,
    flat,
    in_language,
    report_id_in,
    words_in,
)
from tests.factories import TINY_PDF
from tracker.enums import IssueSource, IssueStatus, Sector, Sensitivity
from tracker.extensions import db
from tracker.formatting import agency_name
from tracker.labels import label
from tracker.models import (
    Commitment,
    CommitmentUpdate,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    User,
)

pytestmark = pytest.mark.browser

#: The issue each way flags: one new matter per run, for the same report's agency.
ISSUES = {
    "keyboard": "Phụ huynh phản ánh sĩ số lớp 1 quá đông tại Trường Tiểu học Lê Lợi",
    "english": "Giáo viên hợp đồng tại xã Đăk Hà chưa được nhận lương tháng 11",
    "phone": "Học sinh bán trú tại xã Măng Đen thiếu chăn ấm khi trời trở lạnh",
}


def _names(live_app, language: str) -> dict[str, str]:
    """The words of the records the journey meets, in the way's language."""
    with live_app.app_context():
        liaison = db.session.scalar(db.select(User).filter_by(username="sgddt"))
        office = db.session.scalar(db.select(User).filter_by(username="office"))
        names = {
            "agency": in_language(live_app, language, lambda: agency_name(liaison.agency)),
            "office": office.full_name,
        }
        db.session.remove()
    for key, value in {
        "education": Sector.EDUCATION,
        "medium": Sensitivity.MEDIUM,
        "social": IssueSource.SOCIAL_MEDIA,
        "under_review": IssueStatus.UNDER_REVIEW,
        "being_handled": IssueStatus.BEING_HANDLED,
        "resolved": IssueStatus.RESOLVED,
    }.items():
        names[key] = in_language(live_app, language, lambda value=value: label(value))
    return names


def _tab_title(page, *parts: str) -> None:
    """The browser tab names the page and its record, then the application."""
    title = page.title()
    assert title.startswith(" – ".join(parts) + " · "), f"tab title {title!r}, wanted {parts}"


def _error_is_tied_to_its_field(page, field) -> str:
    """A field refused by the server says so, and points at the message (aria-describedby)."""
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    messages = [
        page.locator(f"[id='{i}']").inner_text()
        for i in described
        if page.locator(f"[id='{i}']").count() == 1
    ]
    shown = [m for m in messages if m.strip()]
    assert shown, f"{field} is invalid but describes itself by nothing: {described}"
    return " ".join(shown)


@pytest.mark.parametrize("way", WAYS)
def test_a_report_is_written_returned_fixed_accepted_and_its_issue_resolved(
    visit, live_app, tmp_path, screenshot_dir, way
):
    words = words_in(live_app, way.language)
    names = _names(live_app, way.language)
    problems: list[str] = []
    pages = Pages(way, screenshot_dir, problems)
    # English is chosen with the navbar's button, from a Vietnamese page.
    liaison = visit("liaison", way.width, "vi", way.keyboard)
    liaison.use_language(way.language, way.keyboard)
    page = liaison.page
    hand = Hand(liaison, way, problems)
    pages.check(liaison, "liaison's home")

    # The home page lists what falls due; one button starts the report.
    due = page.locator("section[aria-labelledby=todo-h]")
    write_it = due.get_by_role("button", name=re.compile(re.escape(words("Write it"))))
    assert write_it.count() >= 1, "nothing left to write in the liaison's 'due soon' list"
    title = write_it.first.locator(".visually-hidden").inner_text().strip()
    hand.follow(write_it.first)
    assert page.url.endswith("/edit")
    report_id = report_id_in(page.url)
    assert page.locator("h1").inner_text() == title
    _tab_title(page, title, names["agency"])

    # A first pass, saved as a draft with a file.
    hand.fill(
        page.get_by_label(words("Ideological situation and public opinion")),
        "Cán bộ, giáo viên phấn khởi với chính sách miễn học phí.",
    )
    results = page.get_by_label(words("Results of coordination"))
    hand.fill(results, "Phối hợp tổ chức 02 lớp bồi dưỡng chính trị hè.")
    line = page.locator(".commitment-line").first
    commitment_title = line.locator("p.fw-semibold").evaluate(
        "p => p.firstChild.textContent.trim()"
    )
    this_period = "Đã tổ chức lớp bồi dưỡng cho 120 giáo viên."
    hand.fill(line.get_by_label(words("This period")), this_period)
    hand.fill(line.get_by_label(words("Progress (%)")), "60")
    scan = tmp_path / "danh-sach-hoc-vien.pdf"
    scan.write_bytes(TINY_PDF)
    hand.attach(page.get_by_label(words("Add a file")), scan)
    hand.follow(page.get_by_role("button", name=words("Save the draft")))
    assert words("The draft has been saved.") in alert_text(page)
    assert page.get_by_role("link", name="danh-sach-hoc-vien.pdf").count() == 1
    pages.check(liaison, "report form")

    # A matter the liaison has heard of and nobody has flagged: flagged from inside the report.
    hand.follow(page.get_by_role("link", name=words("Flag a new issue")))
    assert f"/issues/new?report={report_id}" in page.url
    _tab_title(page, words("Flag an issue"), title)
    assert title in page.locator("main").inner_text()
    issue_title = ISSUES[str(way)]
    hand.fill(page.get_by_label(words("Title")), issue_title)
    hand.select(page.locator("select[name=field]"), names["education"])
    hand.select(page.locator("select[name=sensitivity]"), names["medium"])
    hand.select(page.locator("select[name=source]"), names["social"])
    pages.check(liaison, "issue form")
    # Sent without its summary: refused, the title kept, the message tied to the field.
    hand.follow(page.get_by_role("button", name=words("Flag the issue")))
    assert f"/issues/new?report={report_id}" in page.url
    summary = page.get_by_label(words("Summary"))
    assert words("This field is required.") in _error_is_tied_to_its_field(page, summary)
    assert page.get_by_label(words("Title")).input_value() == issue_title
    pages.check(liaison, "issue form with an error")
    hand.fill(summary, "Nhiều phụ huynh phản ánh trên mạng xã hội: lớp 1 có 48 học sinh.")
    hand.follow(page.get_by_role("button", name=words("Flag the issue")))
    assert page.url.endswith(f"/reports/{report_id}/edit"), "flagging did not return to the report"
    assert words("The issue has been flagged; the Office will take it up.") in alert_text(page)
    assert page.get_by_label(issue_title).is_checked(), "the report does not list the new issue"

    # The liaison leaves, comes back later from the home page, and finds everything there.
    liaison.goto("/")
    due = page.locator("section[aria-labelledby=todo-h]")
    hand.follow(due.get_by_role("link", name=f"{words('Continue')} {title}"))
    assert page.url.endswith(f"/reports/{report_id}/edit")
    line = page.locator(".commitment-line").first
    assert line.get_by_label(words("This period")).input_value() == this_period
    assert line.get_by_label(words("Progress (%)")).input_value() == "60"
    assert results.input_value() == "Phối hợp tổ chức 02 lớp bồi dưỡng chính trị hè."
    assert page.get_by_label(issue_title).is_checked()
    hand.follow(page.get_by_role("button", name=words("Send to the Office")))
    assert page.url.endswith(f"/reports/{report_id}")
    sent = words("%(report)s has been sent to the Office (version %(n)s).", report=title, n=1)
    assert sent in alert_text(page)
    pages.check(liaison, "report sent")

    # The Office finds it in the review queue, and returns it with a comment on "Results".
    office = visit("office", way.width, "vi", way.keyboard)
    office.use_language(way.language, way.keyboard)
    review = office.page
    desk = Hand(office, way, problems)
    office.goto("/reports/review")
    pages.check(office, "review queue")
    desk.follow(review.locator(f"main a[href$='/reports/{report_id}/review']").first)
    _tab_title(review, words("Review") + " · " + title, names["agency"])
    pages.check(office, "review")
    desk.choose(review.get_by_label(words("Return it for revision")))
    desk.fill(review.get_by_label(words("Comment for the agency")), "Đề nghị bổ sung số liệu.")
    desk.open(review.locator("details summary"))
    desk.fill(review.locator("textarea[name=on_results]"), "Ghi rõ số lớp và số học viên.")
    pages.check(office, "review filled in", screenshot="report-review.png")
    desk.follow(review.get_by_role("button", name=words("Record the decision")))
    assert words("The report has been returned to its agency with your comments.") in (
        alert_text(review)
    )

    # The liaison sees it come back, and the comment next to the section it concerns.
    liaison.goto("/")
    returned = page.locator("section[aria-labelledby=returned-h]")
    assert title in returned.inner_text()
    hand.follow(returned.get_by_role("link", name=f"{words('Revise')} {title}"))
    assert "Đề nghị bổ sung số liệu." in page.locator(".alert-warning").inner_text()
    note = page.locator(".review-note")
    assert note.count() == 1 and "Ghi rõ số lớp và số học viên." in note.inner_text()
    label_after_note = note.evaluate("n => n.nextElementSibling.querySelector('label').textContent")
    assert words("Results of coordination") in label_after_note
    pages.check(liaison, "report returned", screenshot="report-returned.png")
    hand.fill(
        page.get_by_label(words("Results of coordination")),
        "Phối hợp tổ chức 02 lớp bồi dưỡng chính trị hè: 65 và 55 học viên.",
    )
    hand.follow(page.get_by_role("button", name=words("Send to the Office")))
    assert words("%(report)s has been sent to the Office (version %(n)s).", report=title, n=2) in (
        alert_text(page)
    )

    # The Office sees what changed, and accepts it.
    office.goto(f"/reports/{report_id}")
    assert "65 và 55 học viên" in review.locator("main").inner_text()
    _tab_title(review, title, names["agency"])
    pages.check(office, "report resubmitted")
    desk.follow(review.get_by_role("link", name=words("Review"), exact=True))
    # A decision needs a choice: the refusal is tied to the choices.
    desk.follow(review.get_by_role("button", name=words("Record the decision")))
    accept = review.get_by_label(words("Accept the report"))
    refused = _error_is_tied_to_its_field(review, accept)
    assert words("Choose to accept the report or return it.") in refused
    pages.check(office, "review with an error")
    desk.choose(accept)
    desk.follow(review.get_by_role("button", name=words("Record the decision")))
    assert words("The report is accepted.") in alert_text(review)

    # Accepted and locked: the liaison can no longer edit it.
    liaison.goto(f"/reports/{report_id}")
    assert words("Accepted") in page.locator("main").inner_text()
    assert page.get_by_role("link", name=words("Revise and send again")).count() == 0
    assert page.get_by_role("link", name=words("Continue writing")).count() == 0
    pages.check(liaison, "report accepted")

    # The Office takes up the issue the report flagged, from the report.
    office.goto(f"/reports/{report_id}")
    desk.follow(review.locator("main").get_by_role("link", name=issue_title))
    assert re.search(r"/issues/\d+$", review.url)
    _tab_title(review, issue_title)
    pages.check(office, "issue")
    triage = review.locator("section[aria-labelledby=triage-h]")

    desk.select(triage.get_by_label(words("Assign to")), names["office"])
    desk.follow(triage.get_by_role("button", name=words("Assign"), exact=True))
    assert words("The issue is assigned to %(name)s.", name=names["office"]) in alert_text(review)

    comments = review.locator("section[aria-labelledby=comment-h]")
    desk.fill(comments.get_by_label(words("Comment")), "Đã đề nghị nhà trường báo cáo sĩ số.")
    desk.follow(comments.get_by_role("button", name=words("Add to the timeline")))
    assert words("Your comment has been added to the timeline.") in alert_text(review)

    for status, comment in (
        ("under_review", ""),
        ("being_handled", ""),
        ("resolved", "Trường đã tách thành hai lớp, mỗi lớp 24 học sinh."),
    ):
        triage = review.locator("section[aria-labelledby=triage-h]")
        desk.select(triage.get_by_label(words("New status")), names[status])
        if comment:
            desk.fill(triage.get_by_label(words("Comment")), comment)
        desk.follow(triage.get_by_role("button", name=words("Change the status")))
        assert words("The issue is now: %(status)s.", status=names[status]) in alert_text(review)
        if status == "being_handled":
            pages.check(office, "issue being handled")
    main = flat(review.locator("main").inner_text())
    assert names["resolved"] in flat(review.locator("main h1 + p").inner_text())
    assert "Trường đã tách thành hai lớp" in main and "Đã đề nghị nhà trường" in main
    pages.check(office, "issue resolved")

    # What the pages did is what the records say.
    with live_app.app_context():
        report = db.session.get(Report, report_id)
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
        issue = db.session.scalar(db.select(Issue).filter_by(title=issue_title))
        assert issue in report.issues
        assert issue.status is IssueStatus.RESOLVED and issue.assignee.username == "office"
        kinds = db.session.scalars(
            db.select(IssueEvent.kind).filter_by(issue_id=issue.id).order_by(IssueEvent.id)
        ).all()
        assert [k.value for k in kinds].count("status_changed") == 3
        db.session.remove()
    assert problems == [], "\n".join(problems)
    assert not liaison.errors and not office.errors, liaison.errors + office.errors
