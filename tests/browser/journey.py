"""What the journeys share (issue 13): the three ways each one runs, a hand that does each step
the way's way (keys only, or the mouse and a finger), and the checks on every page visited.

- **keyboard**: Tab to a control, then Enter, Space, arrows or typing; no click anywhere, and
  each control reached must show where the focus is;
- **english**: the language switched with the navbar's button, the mouse;
- **phone**: 375 px, Vietnamese, touch-sized clicks.

Axe runs on each page in the way's language: Vietnamese twice, English once.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.checks import axe_problems, overflow_problems
from tests.browser.conftest import SCREENSHOTS_TAKEN, Visitor


@dataclass(frozen=True)
class Way:
    width: str
    language: str
    keyboard: bool

    def __str__(self) -> str:
        return "keyboard" if self.keyboard else ("english" if self.language == "en" else "phone")


WAYS = [
    pytest.param(Way("desktop", "vi", keyboard=True), id="keyboard"),
    pytest.param(Way("desktop", "en", keyboard=False), id="english"),
    pytest.param(Way("phone", "vi", keyboard=False), id="phone"),
]


def words_in(live_app, language: str):
    """``words(msgid, **values)``: the interface's text in the language, as the page shows it."""
    from flask_babel import force_locale, gettext

    def translate(msgid: str, **values) -> str:
        with live_app.test_request_context(), force_locale(language):
            return gettext(msgid, **values)

    return translate


def in_language(live_app, language: str, make):
    """``make()`` (a label, an agency's name…) rendered in the language."""
    from flask_babel import force_locale

    with live_app.test_request_context(), force_locale(language):
        return str(make())


# Something shows where the focus is: an outline or Bootstrap's focus ring (a box shadow).
_FOCUS_SHOWN_JS = """
el => {
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return outline || (s.boxShadow && s.boxShadow !== "none");
}
"""


class Hand:
    """One visitor's hand: every step done the way's way, problems collected as it goes."""

    def __init__(self, visitor: Visitor, way: Way, problems: list[str]):
        self.visitor = visitor
        self.page = visitor.page
        self.keyboard = way.keyboard
        self.problems = problems

    def _reach(self, locator) -> None:
        """Tab to the control and check that its focus can be seen."""
        self.visitor.tab_to(locator)
        if not self.page.evaluate(_FOCUS_SHOWN_JS, locator.element_handle()):
            where = self.page.url.removeprefix(self.visitor.base_url)
            self.problems.append(f"{where}: no visible focus on {locator}")

    def follow(self, locator) -> None:
        """Follow a link or press a button that loads a page."""
        if self.keyboard:
            self._reach(locator)
            self.visitor.press_and_wait("Enter")
        else:
            self.visitor.click_and_wait(locator)

    def fill(self, locator, text: str) -> None:
        if self.keyboard:
            self._reach(locator)
            self.page.keyboard.press("Control+A")
            self.page.keyboard.press("Delete")
            self.page.keyboard.type(text)
        else:
            locator.fill(text)

    def select(self, locator, label: str) -> None:
        """Choose the option with this text in a list (arrow keys on a closed list)."""
        if not self.keyboard:
            locator.select_option(label=label)
            return
        self._reach(locator)
        labels = [t.strip() for t in locator.locator("option").all_inner_texts()]
        target = labels.index(label)
        for _ in range(len(labels)):
            current = locator.evaluate("s => s.selectedIndex")
            if current == target:
                break
            self.page.keyboard.press("ArrowDown" if current < target else "ArrowUp")
        assert locator.evaluate("s => s.selectedIndex") == target, f"could not choose {label}"

    def choose(self, radio) -> None:
        """Choose a radio button: Tab into its group, then the arrows."""
        if not self.keyboard:
            radio.check()
            return
        name = radio.get_attribute("name")
        in_group = "n => (e => e.type === 'radio' && e.name === n)(document.activeElement)"
        for _ in range(300):
            self.page.keyboard.press("Tab")
            if self.page.evaluate(in_group, name):
                break
        target = radio.element_handle()
        for _ in range(10):
            if radio.is_checked():
                break
            on_it = self.page.evaluate("el => el === document.activeElement", target)
            self.page.keyboard.press("Space" if on_it else "ArrowDown")
        assert radio.is_checked(), f"could not choose {radio}"

    def open(self, summary) -> None:
        """Open a <details> by its summary."""
        if self.keyboard:
            self._reach(summary)
            self.page.keyboard.press("Enter")
        else:
            summary.click()

    def attach(self, file_input, path: Path) -> None:
        """Pick a file: Space on the file field opens the chooser."""
        if self.keyboard:
            self._reach(file_input)
            with self.page.expect_file_chooser() as chooser:
                self.page.keyboard.press("Space")
            chooser.value.set_files(str(path))
        else:
            file_input.set_input_files(str(path))


class Pages:
    """The checks of every page a journey visits: axe (serious and critical), the width, the
    page's language; and its screenshot when asked."""

    def __init__(self, way: Way, screenshot_dir: Path, problems: list[str]):
        self.way = way
        self.screenshot_dir = screenshot_dir
        self.problems = problems
        self.seen: list[str] = []

    def check(self, visitor: Visitor, what: str, screenshot: str | None = None) -> None:
        page = visitor.page
        where = f"{what} ({page.url.removeprefix(visitor.base_url)}, {self.way})"
        lang = page.get_attribute("html", "lang")
        if lang != self.way.language:
            self.problems.append(f"{where}: the page is in {lang!r}")
        self.problems.extend(axe_problems(page, where))
        self.problems.extend(overflow_problems(page, where))
        self.seen.append(what)
        # The README's pictures: Vietnamese on a laptop, without the keyboard's focus ring.
        if screenshot and self.way.keyboard:
            page.evaluate("document.activeElement && document.activeElement.blur()")
            path = self.screenshot_dir / screenshot
            page.screenshot(path=str(path), full_page=True)
            SCREENSHOTS_TAKEN.append(path)


def alert_text(page) -> str:
    return " ".join(page.locator(".alert").first.inner_text().split())


def flat(text: str) -> str:
    return " ".join(text.split())


def report_id_in(url: str) -> int:
    match = re.search(r"/reports/(\d+)", url)
    assert match, url
    return int(match.group(1))
