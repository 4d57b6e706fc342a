"""Moving around with a keyboard and knowing where you are: the skip link, the current page in
the navigation, the phone's menu."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_first_tab_shows_the_skip_link_and_enter_moves_to_the_content(visit, width):
    visitor = visit("office", width)
    page = visitor.page
    visitor.goto("/reports")
    link = page.locator("a.skip-link")
    assert not link.is_visible() or link.bounding_box()["width"] <= 1

    page.keyboard.press("Tab")

    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    box = link.bounding_box()
    assert box["width"] > 50 and box["height"] > 20, "the focused skip link is not visible"
    assert 0 <= box["x"] and box["x"] + box["width"] <= page.viewport_size["width"]
    assert 0 <= box["y"] < 100, "the focused skip link is not at the top of the screen"
    assert link.inner_text() == "Chuyển đến nội dung chính"

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "content"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, "the next Tab after the skip link does not land in the page's content"


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", "Trang chủ"),
        ("/reports", "Báo cáo"),
        ("/reports?page=2", "Báo cáo"),
        ("/issues", "Vấn đề dư luận"),
        ("/agreements", "Chương trình phối hợp"),
    ],
)
def test_the_navigation_marks_the_current_page(visit, path, current):
    visitor = visit("office")
    visitor.goto(path)
    marked = visitor.page.locator("header nav a[aria-current=page]")
    assert marked.all_inner_texts() == [current]


def test_a_detail_page_marks_its_section(visit, live_app):
    visitor = visit("office")
    visitor.goto("/issues")
    visitor.click_and_wait(visitor.page.locator("main table a").first)
    assert "/issues/" in visitor.page.url
    marked = visitor.page.locator("header nav a[aria-current=page]")
    assert marked.all_inner_texts() == ["Vấn đề dư luận"]


def test_on_a_phone_the_menu_opens_and_reaches_every_section(visit):
    visitor = visit("office", "phone")
    page = visitor.page
    visitor.goto("/")
    assert not page.locator("#nav a[href='/reports']").is_visible()
    toggler = page.locator(".navbar-toggler")
    assert toggler.get_attribute("aria-expanded") == "false"

    visitor.open_menu()

    assert toggler.get_attribute("aria-expanded") == "true"
    visitor.click_and_wait(page.locator("#nav a[href='/reports']"))
    assert page.url.endswith("/reports")
