"""The browser walk knows how to fill every route's arguments (no browser needed): a route
added with a new ``<int:…>`` argument fails here until ``ID_SOURCES`` says where its ids
come from."""

import pytest

from tests.browser.routes import UnknownRouteArgument, page_rules, pages_for, unknown_arguments
from tracker import create_app


def test_every_page_argument_has_an_id_source(app):
    assert unknown_arguments(app) == [], (
        "add these arguments to ID_SOURCES in tests/browser/routes.py so the browser walk "
        "visits the pages"
    )


def test_the_walk_covers_the_pages_of_every_area(app):
    endpoints = {rule.endpoint for rule in page_rules(app)}
    assert {"main.home", "auth.login", "reports.detail", "admin.users"} <= endpoints
    assert not {"static", "main.healthz", "main.readyz"} & endpoints


def test_a_route_with_an_unknown_argument_stops_the_walk_with_what_to_add():
    app = create_app("testing")
    app.add_url_rule("/widgets/<int:widget_id>", "widgets_detail", lambda widget_id: "")

    assert unknown_arguments(app) == ["/widgets/<int:widget_id> needs 'widget_id'"]
    with pytest.raises(UnknownRouteArgument, match="add each one to ID_SOURCES"):
        pages_for(app, "office")
