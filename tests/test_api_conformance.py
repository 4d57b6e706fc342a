"""The API against its own description, checked by schemathesis (a tool nobody here wrote):
for every endpoint, generated requests as a liaison and as Office staff give no 5xx, and every
response conforms to /api/v1/openapi.json (status, content type, body schema)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tracker.extensions import db
from tracker.services import tokens

CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)


def _bearer(user) -> dict:
    token, _row = tokens.issue(user)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def _check_every_operation(app, headers: dict) -> list[str]:
    """Generated requests for every operation of the description; the failures, as text."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the description lists no operation"
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case):
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS)

        try:
            run()
        except Exception as error:  # noqa: BLE001 - every failure is reported, then asserted
            failures.append(f"{operation.label}: {str(error)[:600]}")
    return failures


@pytest.mark.parametrize("role", ["liaison", "office"])
def test_every_endpoint_conforms_to_the_description(app, world, role):
    user = {"liaison": world.users.liaison_a, "office": world.users.office}[role]
    failures = _check_every_operation(app, _bearer(user))
    assert failures == [], "\n\n".join(failures)
