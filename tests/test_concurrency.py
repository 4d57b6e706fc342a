"""Nothing is lost under load: 50 liaisons submit their reports at the same moment through
gunicorn with 4 workers, on a SQLite file (WAL, busy timeout) and on PostgreSQL."""

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from tests import live
from tests.conftest import ON_POSTGRES, TEST_DATABASE_URL
from tests.factories import (
    AgencyFactory,
    AgreementFactory,
    AgreementPartyFactory,
    TermFactory,
    UserFactory,
)
from tracker import create_app
from tracker.enums import PartyRole, ReportStatus
from tracker.extensions import db
from tracker.models import Report, ReportVersion
from tracker.services import tokens

LIAISONS = 50
MONTH = "2025-04"

DATABASES = ["sqlite"] + (["postgresql"] if ON_POSTGRES else [])


def _populate() -> list[str]:
    """50 departments, each party to an agreement (so each owes a report for MONTH), each with
    a liaison holding an API token."""
    term = TermFactory()
    office = AgencyFactory(office=True)
    secrets = []
    for n in range(LIAISONS):
        agency = AgencyFactory()
        agreement = AgreementFactory(term=term, number=f"{n:02d}-CTr/BTGTU")
        AgreementPartyFactory(agreement=agreement, agency=office, role=PartyRole.LEAD)
        AgreementPartyFactory(agreement=agreement, agency=agency)
        user = UserFactory(liaison=True, agency=agency)
        db.session.flush()
        secret, _row = tokens.issue(user, "load test")
        secrets.append(secret)
    db.session.commit()
    return secrets


@pytest.fixture(params=DATABASES)
def database(request, app, tmp_path):
    """(URL, tokens): a database with 50 liaisons, that gunicorn can open too."""
    if request.param == "postgresql":
        # The suite's own PostgreSQL database: the app fixture emptied it.
        yield TEST_DATABASE_URL, _populate()
        return
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    other = create_app("testing", SQLALCHEMY_DATABASE_URI=url, SQLALCHEMY_ENGINE_OPTIONS={})
    with other.app_context():
        db.create_all()
        secrets = _populate()
        db.session.remove()
        db.engine.dispose()
    yield url, secrets


def _call(base: str, method: str, path: str, token: str, body: dict) -> tuple[int, dict | str]:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def _file_a_report(base: str, token: str, start: threading.Barrier) -> list[tuple[int, object]]:
    """Start, write and send a report, as a script would; every answer is returned."""
    start.wait()
    answers = [_call(base, "POST", "/api/v1/reports", token, {"kind": "monthly", "period": MONTH})]
    if answers[-1][0] != 201:
        return answers
    report = answers[-1][1]
    text = {"situation": "Tình hình ổn định.", "results": "Đã phối hợp tổ chức hội nghị."}
    answers.append(
        _call(
            base,
            "PATCH",
            f"/api/v1/reports/{report['id']}",
            token,
            {"version": report["version"], **text},
        )
    )
    if answers[-1][0] != 200:
        return answers
    answers.append(
        _call(
            base,
            "POST",
            f"/api/v1/reports/{report['id']}/submit",
            token,
            {"version": answers[-1][1]["version"]},
        )
    )
    return answers


def test_fifty_simultaneous_submissions_through_four_workers(database, tmp_path):
    url, secrets = database
    log = tmp_path / "gunicorn.log"
    start = threading.Barrier(LIAISONS)
    with live.gunicorn(url, log, workers=4) as base:
        with ThreadPoolExecutor(max_workers=LIAISONS) as pool:
            results = list(pool.map(lambda s: _file_a_report(base, s, start), secrets))

    statuses = [status for answers in results for status, _body in answers]
    failures = [answers[-1] for answers in results if answers[-1][0] not in (200, 201)]
    assert not failures, failures[:3]
    assert statuses.count(201) == LIAISONS and statuses.count(200) == 2 * LIAISONS
    server_output = log.read_text(errors="replace")
    assert "database is locked" not in server_output
    assert "Traceback" not in server_output

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            submitted = conn.scalar(
                sa.select(sa.func.count())
                .select_from(Report)
                .where(Report.status == ReportStatus.SUBMITTED, Report.period == MONTH)
            )
            versions = conn.scalar(sa.select(sa.func.count()).select_from(ReportVersion))
            agencies = conn.scalar(sa.select(sa.func.count(sa.distinct(Report.agency_id))))
    finally:
        engine.dispose()
    assert submitted == versions == agencies == LIAISONS


def test_every_sqlite_connection_is_in_wal_mode_with_a_busy_timeout(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    other = create_app("testing", SQLALCHEMY_DATABASE_URI=url, SQLALCHEMY_ENGINE_OPTIONS={})
    with other.app_context():
        first, second = db.engine.connect(), db.engine.connect()
        try:
            for conn in (first, second):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
                assert conn.connection.dbapi_connection.isolation_level == "IMMEDIATE"
        finally:
            first.close()
            second.close()
            db.engine.dispose()
