"""Leadership's journey (issue 13, journey 3), three ways: with the keyboard only, in English,
and on a 375 px phone. `leader` opens the summaries, reads a figure, follows it to the records
behind it, and downloads the 2017-2021 review; the test reads the downloaded file's text.
axe-core and the width check run on every page the journey visits."""

import re
import shutil
import subprocess

import pytest

from tests.browser.checks import axe_problems, overflow_problems
from tests.browser.conftest import SCREENSHOTS_TAKEN
from tracker.extensions import db
from tracker.services import summaries

pytestmark = pytest.mark.browser

WAYS = [
    pytest.param("desktop", "vi", True, id="keyboard"),
    pytest.param("desktop", "en", False, id="english"),
    pytest.param("phone", "vi", False, id="phone"),
]


def _words(live_app, language: str):
    from flask_babel import force_locale, gettext

    def translate(msgid: str, **values) -> str:
        with live_app.test_request_context(), force_locale(language):
            return gettext(msgid, **values)

    return translate


def _tab_to(page, pattern: re.Pattern, limit: int = 120) -> None:
    """Press Tab until the focused element's text matches (the keyboard user's way)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate("document.activeElement && document.activeElement.innerText") or ""
        if pattern.search(" ".join(text.split())):
            return
    raise AssertionError(f"{limit} Tabs never reached {pattern.pattern!r}")


def _activate(visitor, keyboard: bool, locator=None, pattern=None) -> None:
    """Follow a link: Enter on it after tabbing there, or a click."""
    if keyboard:
        _tab_to(visitor.page, pattern)
        with visitor.page.expect_navigation(wait_until="load"):
            visitor.page.keyboard.press("Enter")
    else:
        visitor.click_and_wait(locator)


@pytest.mark.parametrize(("width", "language", "keyboard"), WAYS)
def test_leadership_reads_a_figure_follows_it_and_downloads_the_review(
    visit, live_app, tmp_path, screenshot_dir, width, language, keyboard
):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the downloaded PDF")
    words = _words(live_app, language)
    visitor = visit("leadership", width, language, keyboard)
    page = visitor.page
    problems: list[str] = []

    def check(where: str) -> None:
        problems.extend(axe_problems(page, where))
        problems.extend(overflow_problems(page, where))

    check("home")
    # The home page leads to the summaries.
    link_text = words("Summaries, term reviews and their PDFs")
    _activate(
        visitor,
        keyboard,
        page.get_by_role("link", name=link_text),
        re.compile(re.escape(link_text)),
    )
    assert "/summaries/" in page.url
    term = words("the %(term)s term", term="2026-2030")
    assert page.title().startswith(f"{words('Summaries')} – ")
    check("summaries")

    # Choose the 2021-2025 term with the form.
    select = page.locator("#s-term")
    if keyboard:
        select.focus()
        select.select_option("2021-2025")
        with page.expect_navigation(wait_until="load"):
            page.locator("form[aria-label] button[type=submit]").press("Enter")
    else:
        select.select_option("2021-2025")
        visitor.click_and_wait(page.locator("form[aria-label] button[type=submit]"))
    term = words("the %(term)s term", term="2021-2025")
    assert term in page.locator("h1").inner_text()
    check("summaries 2021-2025")
    if keyboard:  # the README's picture: Vietnamese, a laptop, no focus ring
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.screenshot(path=str(screenshot_dir / "summaries.png"), full_page=True)
        SCREENSHOTS_TAKEN.append(screenshot_dir / "summaries.png")

    # A figure, and the records behind it: the reports received.
    label = words("Reports received")
    figure = page.locator("a.figure-link", has_text=label)
    value = int(figure.locator(".figure-value").inner_text().replace(".", "").replace(",", ""))
    assert value > 0
    _activate(visitor, keyboard, figure, re.compile(rf"^[\d.,]+ {re.escape(label)}$"))
    assert "/reports/expected" in page.url
    listed = page.locator("table tbody tr")
    assert listed.count() == value, "the list behind the figure holds exactly what it counts"
    check("reports behind the figure")
    page.go_back(wait_until="load")

    # The 2017-2021 review, downloaded and read.
    review = words("Term review %(term)s (PDF)", term="2017-2021")
    with page.expect_download() as download_info:
        if keyboard:
            _tab_to(page, re.compile(re.escape(review)))
            page.keyboard.press("Enter")
        else:
            page.get_by_role("link", name=review).click()
    path = tmp_path / "review.pdf"
    download_info.value.save_as(path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat and "BÁO CÁO" in flat
    with live_app.app_context():
        result = summaries.build(
            _leader(live_app), summaries.scope_for(term="2017-2021"), text=False
        )
        db.session.remove()
    d = result.discipline
    assert f"phải nộp {d.expected}, đã nhận {d.received}, đúng hạn {d.on_time}" in flat
    assert problems == [], "\n".join(problems)
    assert visitor.errors == []


def _leader(live_app):
    from tracker.models import User

    return db.session.scalar(db.select(User).filter_by(username="leader"))
