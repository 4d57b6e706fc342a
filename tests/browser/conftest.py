"""The browser harness: the app behind a real HTTP server, the Kon Tum demo in its own SQLite
file, and one headless Chromium for the whole session.

Playwright drives Debian's Chromium (``/usr/bin/chromium``, installed by ``make setup``); it
never downloads a browser. Without Chromium or Playwright the browser tests skip with a loud
message, and fail when ``CI=true``. CSRF stays on: the browser posts the real forms.
"""

import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tracker import ROOT, create_app
from tracker.extensions import db

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# No GPU, no sandbox (root in a container) and nothing that phones home: the machine has no
# network, and Chromium's background services would flood the log with refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: The screens the walk visits at: a laptop in a meeting, and a phone.
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 375, "height": 812}}
#: A demo account per role (README); None is the anonymous visitor. The administrator walks
#: first, so that the audit trail on its home page (and screenshot) is not the other walks'
#: refused pages.
ACCOUNTS = {
    "admin": "admin",
    "liaison": "sgddt",
    "office": "office",
    "leadership": "leader",
    "anonymous": None,
}
DEMO_PASSWORD = "tracker-demo"
SCREENSHOT_DIR = ROOT / "docs" / "screenshots"

#: What the walks did, for the summary at the end of the run: (walk, pages visited).
WALKS: list[tuple[str, int]] = []
SCREENSHOTS_TAKEN: list[Path] = []


def pytest_terminal_summary(terminalreporter):
    if WALKS:
        visits = sum(n for _, n in WALKS)
        terminalreporter.write_line(
            f"browser: {visits} page visits in {len(WALKS)} walks (role × screen × language), "
            "each checked with axe and for width"
        )
    if SCREENSHOTS_TAKEN:
        folder = SCREENSHOTS_TAKEN[0].parent
        terminalreporter.write_line(f"browser: {len(SCREENSHOTS_TAKEN)} screenshots in {folder}")


def _missing_browser() -> str | None:
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install -r requirements-dev.txt)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing (make setup installs the Debian package chromium)"
    return None


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    problem = _missing_browser()
    if problem:
        message = f"!!!!!!!! BROWSER TESTS NOT RUN: {problem} !!!!!!!!"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: failing)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The app on its own SQLite file with the Kon Tum demo, seeded once through the CLI."""
    folder = tmp_path_factory.mktemp("browser-app")
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'tracker.db'}",
        SQLALCHEMY_ENGINE_OPTIONS={},
        UPLOAD_FOLDER=str(folder / "uploads"),
        WTF_CSRF_ENABLED=True,
    )
    with app.app_context():
        db.create_all()
        result = app.test_cli_runner().invoke(args=["seed-demo"])
        db.session.remove()
    assert result.exit_code == 0, result.output
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    """The app served on a free port of 127.0.0.1 from a background thread; its base URL."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where screenshots go: a temporary folder, or docs/screenshots/ with SCREENSHOTS=1."""
    if os.environ.get("SCREENSHOTS") == "1":
        return SCREENSHOT_DIR
    return tmp_path_factory.mktemp("screenshots")


@dataclass
class Visitor:
    """A browser tab of one account at one screen width, in one language."""

    role: str
    width: str
    language: str
    page: object
    base_url: str
    errors: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.role} @{WIDTHS[self.width]['width']}px [{self.language}]"

    def goto(self, path: str):
        return self.page.goto(self.base_url + path, wait_until="load")

    def status(self, path: str) -> tuple[int, str]:
        """The status and content type of a GET, without following redirects or rendering
        (the tab's cookies are shared)."""
        response = self.page.request.get(self.base_url + path, max_redirects=0)
        try:
            return response.status, response.headers.get("content-type", "")
        finally:
            response.dispose()

    def click_and_wait(self, locator) -> None:
        with self.page.expect_navigation(wait_until="load"):
            locator.click()

    def open_menu(self) -> None:
        """On a phone the navbar is collapsed behind its toggler: open it."""
        toggler = self.page.locator(".navbar-toggler")
        if toggler.count() and toggler.is_visible():
            toggler.click()
            self.page.locator("#nav.show").wait_for()

    def tab_to(self, locator, limit: int = 300) -> None:
        """Press Tab until the locator's element has the focus: the keyboard user's way to a
        control. Tabbing past the end starts again from the top of the page."""
        target = locator.element_handle()
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if self.page.evaluate("el => el === document.activeElement", target):
                return
        raise AssertionError(f"{limit} Tabs never reached {locator} on {self.page.url}")

    def press_and_wait(self, key: str = "Enter") -> None:
        with self.page.expect_navigation(wait_until="load"):
            self.page.keyboard.press(key)

    def log_in(self, username: str, keyboard: bool = False) -> None:
        self.goto("/login")
        page = self.page
        if keyboard:
            self.tab_to(page.locator("input[name=username]"))
            page.keyboard.type(username)
            self.tab_to(page.locator("input[name=password]"))
            page.keyboard.type(DEMO_PASSWORD)
            self.press_and_wait("Enter")
        else:
            page.locator("input[name=username]").fill(username)
            page.locator("input[name=password]").fill(DEMO_PASSWORD)
            self.click_and_wait(page.locator("form[action$='/login'] [type=submit]"))
        assert page.url.rstrip("/") == self.base_url, f"{username} could not log in"

    def use_language(self, language: str, keyboard: bool = False) -> None:
        """Switch with the navbar's language button when the page is in the other language
        (for a user it is a saved preference, so a previous run may have changed it)."""
        if self.page.get_attribute("html", "lang") == language:
            return
        button = self.page.locator(f"button[name=locale][value={language}]")
        if keyboard:
            self.tab_to(button)
            self.press_and_wait("Enter")
        else:
            self.open_menu()
            self.click_and_wait(button)
        assert self.page.get_attribute("html", "lang") == language


@pytest.fixture
def visit(browser, live_server):
    """``visit(role, width, language, keyboard)``: a fresh tab logged in as the role's demo
    account through the real login form, in the language asked for, with the keyboard alone
    when ``keyboard``. Closed after the test."""
    contexts = []

    def open_tab(
        role: str, width: str = "desktop", language: str = "vi", keyboard: bool = False
    ) -> Visitor:
        context = browser.new_context(
            viewport=WIDTHS[width],
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
        )
        contexts.append(context)
        page = context.new_page()
        visitor = Visitor(role, width, language, page, live_server)
        page.on("pageerror", lambda exc: visitor.errors.append(f"{page.url}: {exc}"))
        if ACCOUNTS[role]:
            visitor.log_in(ACCOUNTS[role], keyboard)
        else:
            visitor.goto("/login")
        visitor.use_language(language, keyboard)
        return visitor

    yield open_tab
    for context in contexts:
        context.close()
