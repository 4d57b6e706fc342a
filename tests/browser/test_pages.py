"""Every page each role can open passes axe and fits the screen, on a laptop and on a phone,
in Vietnamese and in English.

The pages come from the route list (``tests/browser/routes.py``); a page that answers 403 or
404 to a role (or sends it elsewhere) is not that role's page and is left out. A list is also
seen filtered (its filter form submitted with another choice) and on its second page.
"""

from pathlib import Path

import pytest

from tests.browser.checks import axe_problems, overflow_problems
from tests.browser.conftest import ACCOUNTS, SCREENSHOTS_TAKEN, WALKS, Visitor
from tests.browser.routes import pages_for

pytestmark = pytest.mark.browser

#: Answers that mean "not this role's page".
NOT_YOURS = {302, 403, 404}

#: The README's screenshots: (role, endpoint, width) → file name. Taken in Vietnamese.
SCREENSHOTS = {
    ("anonymous", "auth.login", "desktop"): "login.png",
    ("liaison", "main.home", "desktop"): "liaison-home.png",
    ("liaison", "main.home", "phone"): "liaison-home-phone.png",
    ("office", "main.home", "desktop"): "office-home.png",
    ("leadership", "main.home", "desktop"): "leadership-home.png",
    ("admin", "main.home", "desktop"): "admin-home.png",
    ("office", "reports.index", "desktop"): "reports.png",
    ("office", "reports.index", "phone"): "reports-phone.png",
    ("office", "issues.detail", "desktop"): "issue.png",
    ("admin", "admin.users", "desktop"): "admin-users.png",
    ("admin", "admin.holidays", "desktop"): "admin-holidays.png",
}


def _check(visitor: Visitor, problems: list[str]) -> None:
    page = visitor.page
    where = f"{page.url.removeprefix(visitor.base_url)} {visitor.label}"
    lang = page.get_attribute("html", "lang")
    if lang != visitor.language:
        problems.append(f"{where}: the page is in {lang!r}")
    problems.extend(axe_problems(page, where))
    problems.extend(overflow_problems(page, where))


def _apply_filter(visitor: Visitor) -> bool:
    """Submit the page's filter form with another choice in its first list; False when the
    page has no filter form."""
    form = visitor.page.locator("main form[method=get]")
    if not form.count():
        return False
    form = form.first
    select = form.locator("select")
    if select.count():
        other = select.first.evaluate(
            "s => ([...s.options].find(o => o.value && !o.selected) || {}).value"
        )
        if other:
            select.first.select_option(other)
    visitor.click_and_wait(form.locator("[type=submit]").first)
    return True


def _walk(visitor: Visitor, app, screenshot_dir: Path | None) -> tuple[list[str], list[str]]:
    """Visit every page of the visitor's role; (problems, paths visited)."""
    problems: list[str] = []
    visited: list[str] = []
    for target in pages_for(app, ACCOUNTS[visitor.role]):
        status, content_type = visitor.status(target.path)
        if status in NOT_YOURS:
            continue
        if status != 200:
            problems.append(f"{target.path} {visitor.label}: answered {status}")
            continue
        if not content_type.startswith("text/html"):
            continue
        visitor.goto(target.path)
        _check(visitor, problems)
        visited.append(target.path)
        shot = SCREENSHOTS.get((visitor.role, target.endpoint, visitor.width))
        if screenshot_dir is not None and shot:
            path = screenshot_dir / shot
            visitor.page.screenshot(path=str(path), full_page=visitor.width == "desktop")
            SCREENSHOTS_TAKEN.append(path)
        second = visitor.page.locator("main .pagination a[href*='page=2']")
        second_href = second.first.get_attribute("href") if second.count() else None
        if _apply_filter(visitor):
            _check(visitor, problems)
            visited.append(visitor.page.url.removeprefix(visitor.base_url))
        if second_href:
            visitor.goto(second_href)
            _check(visitor, problems)
            visited.append(second_href)
    problems.extend(f"JavaScript error: {e} {visitor.label}" for e in visitor.errors)
    return problems, visited


#: Vietnamese, the default, on both screens; English on the phone, where the other language's
#: longer or shorter words could break a layout (colours and markup do not change with it).
#: About 180 page visits in all (up to 22 a walk), well under two minutes on two cores.
SCREENS = [("desktop", "vi"), ("phone", "vi"), ("phone", "en")]


@pytest.mark.parametrize(("width", "language"), SCREENS, ids=lambda v: v)
@pytest.mark.parametrize("role", list(ACCOUNTS))
def test_every_page_passes_axe_and_fits_the_screen(
    visit, live_app, screenshot_dir, role, width, language
):
    visitor = visit(role, width, language)
    shots = screenshot_dir if language == "vi" else None
    problems, visited = _walk(visitor, live_app, shots)
    WALKS.append((visitor.label, len(visited)))
    assert visited, f"{visitor.label}: no page could be opened"
    assert not problems, f"{len(problems)} problems on {len(visited)} pages:\n" + "\n".join(
        problems
    )
