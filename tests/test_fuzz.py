"""Hypothesis fuzzes every form and every API body, seeded with the hostile corpus of
``tests/test_hostile_input.py``: no answer is a 5xx, and a refused request writes nothing.

The forms are found by walking the pages (the other fields keep what the page offered, so the
fuzzed value reaches the service); the API bodies are drawn from each endpoint's schema
fields. It runs on SQLite and, in the suite's PostgreSQL pass, on PostgreSQL. The examples are
few and derandomized: the same ones on every run, in seconds.
"""

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    TINY_PDF,
    CommitmentFactory,
    HolidayFactory,
    ReportFactory,
    ReportVersionFactory,
    upload,
)
from tests.test_hostile_input import (
    HOSTILE,
    HOSTILE_FOR_CHOICES,
    TEXT_KINDS,
    _forms_by_action,
    _ids,
    _post_rules,
    _poster,
    _table_counts,
)
from tracker.api.core import SPECS
from tracker.enums import ReportStatus
from tracker.extensions import db
from tracker.services import attachments, tokens

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Answers that mean "refused, nothing done".
REFUSED = range(400, 500)

hostile_text = st.sampled_from(sorted(set(HOSTILE + HOSTILE_FOR_CHOICES)))
numbers = st.from_regex(r"-?[0-9]{1,25}", fullmatch=True)
junk_text = st.one_of(
    hostile_text,
    numbers,
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
)


@pytest.fixture
def states(world):
    """The world plus records in the states that show every form (a draft to write, a
    proposal to confirm, an accepted report to reopen)."""
    holiday = HolidayFactory()
    proposal = CommitmentFactory(
        agreement=world.agreements["a"], responsible_agency=world.a, confirmed=False
    )
    draft = ReportFactory(agency=world.a, period="2025-04", status=ReportStatus.DRAFT)
    db.session.flush()
    draft_file = attachments.store(None, draft, upload("so-lieu.pdf", TINY_PDF))
    accepted = ReportFactory(
        agency=world.a,
        period="2025-02",
        status=ReportStatus.ACCEPTED,
        first_submitted_at=datetime(2025, 3, 17, 2, tzinfo=UTC),
    )
    ReportVersionFactory(report=accepted, number=1, decision="accepted")
    db.session.commit()
    base = _ids(world, holiday)
    return [
        base,
        {**base, "commitment_id": proposal.id},
        {**base, "report_id": draft.id, "attachment_id": draft_file.id},
        {**base, "report_id": accepted.id},
    ]


def _forms_of(app, client, role, variants) -> list[tuple[str, object]]:
    """(url, form) of every form the role posts, as its pages offer them."""
    found = {}
    for ids in variants:
        urls = _post_rules(app, ids)
        by_action = _forms_by_action(app, client, ids)
        for url, rule in urls.items():
            if rule in found or rule.startswith("/api/") or rule in ("/logout", "/login"):
                continue
            if _poster(rule) == role and url in by_action:
                found[rule] = (url, by_action[url])
    return [found[rule] for rule in sorted(found)]


def _value_for(form, name):
    kind = form.kinds.get(name, "text")
    options = [o for o in form.options.get(name, []) if o]
    choices = [st.just(form.fields.get(name, ""))]  # what the page offered
    if kind in TEXT_KINDS:
        choices.append(junk_text)
    else:
        choices.append(st.one_of(hostile_text, numbers))
        if options:
            choices.append(st.sampled_from(options))
    return st.one_of(*choices)


@pytest.mark.parametrize("role", ["liaison_a", "office", "admin"])
def test_fuzzed_forms_never_fail_and_never_half_write(app, client, login, world, states, role):
    login(getattr(world.users, role))
    targets = _forms_of(app, client, role, states)
    assert len(targets) >= 3, role

    @FUZZ
    @given(data=st.data())
    def post_a_form(data):
        url, form = data.draw(st.sampled_from(targets), label="form")
        fields = {
            name: data.draw(_value_for(form, name), label=name)
            for name in sorted(form.kinds)
            if name != "csrf_token" and form.kinds[name] != "submit"
        }
        before = _table_counts()
        response = client.post(url, data=form.data(**fields))
        assert response.status_code < 500, (url, fields)
        if response.status_code in REFUSED:
            assert _table_counts() == before, (url, fields, "a refused post wrote something")
        if "/login" in response.headers.get("Location", ""):
            login(getattr(world.users, role))  # a fuzzed value that ended the session

    post_a_form()


def _json_value(depth: int = 2):
    leaf = st.one_of(
        hostile_text,
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.sampled_from(["2025-04", "2025-03-01", "monthly", "accepted", "returned"]),
    )
    if depth == 0:
        return leaf
    inner = _json_value(depth - 1)
    return st.one_of(
        leaf, st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    )


def _body_for(spec):
    """A JSON body: the schema's own field names with hostile values, sometimes extra keys or
    not an object at all."""
    fields = sorted(spec.body.model_fields) if spec.body else []
    keyed = st.fixed_dictionaries({}, optional={name: _json_value() for name in fields})
    return st.one_of(keyed, keyed, _json_value(1))


@pytest.mark.parametrize("role", ["liaison_a", "office"])
def test_fuzzed_api_bodies_never_fail_and_never_half_write(app, client, world, states, role):
    token, _row = tokens.issue(getattr(world.users, role))
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    specs = [s for s in SPECS if s.body is not None and s.rule != "/api/v1/tokens"]
    assert len(specs) >= 5

    @FUZZ
    @given(data=st.data())
    def send_a_body(data):
        spec = data.draw(st.sampled_from(specs), label="endpoint")
        ids = data.draw(st.sampled_from(states), label="records")
        path = spec.rule
        for name, value in ids.items():
            path = path.replace(f"<int:{name}>", str(value))
        body = data.draw(_body_for(spec), label="body")
        before = _table_counts()
        response = client.open(path, method=spec.method, json=body, headers=headers)
        assert response.status_code < 500, (spec.method, path, body)
        if response.status_code in REFUSED:
            assert _table_counts() == before, (path, body, "a refused body wrote something")

    send_a_body()


@FUZZ
@given(body=st.one_of(_body_for(next(s for s in SPECS if s.rule == "/api/v1/tokens")), junk_text))
def test_fuzzed_token_requests_are_refused_cleanly(app, client, world, body):
    response = client.post("/api/v1/tokens", json=body)
    assert response.status_code in (401, 422, 400, 415), (body, response.status_code)
