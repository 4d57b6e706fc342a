"""No answer may be kept by a browser or a proxy: ``Cache-Control: no-store`` on every type."""

import pytest

from tests.factories import PASSWORD


def _no_store(response) -> bool:
    return response.headers.get("Cache-Control") == "no-store" and "Expires" not in response.headers


@pytest.fixture
def office(client, login, world):
    login(world.users.office)
    return world


def test_html_pages_for_anonymous_and_logged_in_users(client, world):
    login_page = client.get("/login")
    assert login_page.mimetype == "text/html" and _no_store(login_page)
    client.post("/login", data={"username": "office", "password": PASSWORD})
    home = client.get("/")
    assert home.status_code == 200 and _no_store(home)


def test_error_pages(client, office):
    missing = client.get("/reports/999999")
    assert missing.status_code == 404 and _no_store(missing)


def test_the_report_pdf(client, office):
    response = client.get(f"/reports/{office.reports['a'].id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert _no_store(response)


def test_csv_and_xlsx_exports(client, office):
    csv = client.get("/commitments/export.csv")
    assert csv.status_code == 200 and csv.mimetype == "text/csv" and _no_store(csv)
    xlsx = client.get("/commitments/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.mimetype.endswith("spreadsheetml.sheet")
    assert _no_store(xlsx)


def test_downloads(client, office):
    response = client.get(f"/attachments/{office.scans['a'].id}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert _no_store(response)


def test_json_answers_and_api_errors(client, world):
    created = client.post("/api/v1/tokens", json={"username": "office", "password": PASSWORD})
    assert created.status_code == 201 and _no_store(created)
    headers = {"Authorization": f"Bearer {created.get_json()['token']}"}
    agencies = client.get("/api/v1/agencies", headers=headers)
    assert agencies.status_code == 200 and agencies.mimetype == "application/json"
    assert _no_store(agencies)
    refused = client.get("/api/v1/agencies")
    assert refused.status_code == 401 and _no_store(refused)


def test_static_files_and_the_health_check(client):
    assert _no_store(client.get("/healthz"))
    css = client.get("/static/css/app.css")
    assert css.status_code == 200 and _no_store(css)
