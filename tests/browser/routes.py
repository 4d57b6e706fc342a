"""Which pages a browser walk visits: every GET route of the app, its ids filled from the demo.

The walk reads ``app.url_map`` the way the authorization matrix does, so a page added later is
visited without anyone having to remember it. A route's ``<int:…>`` arguments are filled from
``ID_SOURCES``: argument name → the rows it may take, narrowed to what the visiting user may see
(the permissions' own query filters), best candidate first. A route with an argument missing
from ``ID_SOURCES`` makes the walk fail and says what to add.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import Flask, url_for
from sqlalchemy.orm import InstrumentedAttribute

from tracker.enums import Role
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    Attachment,
    BlocDocument,
    Commitment,
    CommitmentUpdate,
    Holiday,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    Term,
    User,
)
from tracker.permissions import (
    agreements_visible_to,
    commitments_visible_to,
    issues_visible_to,
    reports_visible_to,
)

#: Endpoints that are not pages: shipped files and the load balancer's probes (JSON).
NOT_PAGES = {"static", "bootstrap.static", "main.healthz", "main.readyz"}
#: Blueprints that answer JSON, never HTML.
JSON_BLUEPRINTS = {"api"}


@dataclass(frozen=True)
class IdSource:
    """The ids an argument may take: ``column``'s values, narrowed by ``visible_to(user, stmt)``
    when the record belongs to an agency, filtered by ``where`` and sorted by ``order_by`` so
    that the richest page comes first (a report with several versions, an issue with a long
    timeline). When the user may see none, any row is taken: the page then answers 403 or 404
    and the walk skips it for that role."""

    column: InstrumentedAttribute
    visible_to: Callable[[User, sa.Select], sa.Select] | None = None
    where: tuple = ()
    order_by: tuple = field(default_factory=tuple)

    def pick(self, user: User | None) -> int | None:
        stmt = sa.select(self.column).where(*self.where).order_by(*self.order_by).limit(1)
        if user is not None and self.visible_to is not None:
            visible = db.session.scalar(self.visible_to(user, stmt))
            if visible is not None:
                return visible
        return db.session.scalar(stmt)


def _count(column, key) -> sa.ScalarSelect:
    return sa.select(sa.func.count(column)).where(key).scalar_subquery()


#: Argument name → where its value comes from. A new route argument joins here.
ID_SOURCES: dict[str, IdSource] = {
    # A report of the liaison's own agency that went back and forth (several versions).
    "report_id": IdSource(
        Report.id,
        reports_visible_to,
        order_by=(_count(ReportVersion.id, ReportVersion.report_id == Report.id).desc(), Report.id),
    ),
    # An issue the user may see, with the longest timeline.
    "issue_id": IdSource(
        Issue.id,
        issues_visible_to,
        order_by=(_count(IssueEvent.id, IssueEvent.issue_id == Issue.id).desc(), Issue.id),
    ),
    # The latest agreement the user's agency is a party to.
    "agreement_id": IdSource(
        Agreement.id, agreements_visible_to, order_by=(Agreement.signed_on.desc(), Agreement.id)
    ),
    # A commitment the user may see, with the most progress updates.
    "commitment_id": IdSource(
        Commitment.id,
        commitments_visible_to,
        order_by=(
            _count(CommitmentUpdate.id, CommitmentUpdate.commitment_id == Commitment.id).desc(),
            Commitment.id,
        ),
    ),
    # A signed scan of an agreement the user may see.
    "attachment_id": IdSource(
        Attachment.id,
        lambda user, stmt: stmt.where(
            Attachment.agreement_id.in_(agreements_visible_to(user, sa.select(Agreement.id)))
        ),
        where=(Attachment.agreement_id.is_not(None),),
        order_by=(Attachment.id,),
    ),
    # The latest bloc document.
    "document_id": IdSource(BlocDocument.id, order_by=(BlocDocument.issued_on.desc(),)),
    # A department (not the Office), with a parent and users.
    "agency_id": IdSource(Agency.id, order_by=(Agency.is_office, Agency.id)),
    # A liaison's account: someone else's, so the page offers the password reset too.
    "user_id": IdSource(User.id, where=(User.role == Role.LIAISON,), order_by=(User.id,)),
    # The current term.
    "term_id": IdSource(Term.id, order_by=(Term.start_date.desc(),)),
    # A term by its name (the summaries' PDFs): the earliest, a finished review.
    "term": IdSource(Term.name, order_by=(Term.start_date,)),
    # The latest holiday.
    "holiday_id": IdSource(Holiday.id, order_by=(Holiday.day.desc(),)),
}


class UnknownRouteArgument(LookupError):
    """A route has an argument the walk cannot fill (add it to ``ID_SOURCES``)."""


@dataclass(frozen=True)
class Page:
    endpoint: str
    path: str


def page_rules(app: Flask) -> list:
    """The rules that serve an HTML page on GET, in the url_map's order."""
    rules = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in NOT_PAGES:
            continue
        if rule.endpoint.split(".", 1)[0] in JSON_BLUEPRINTS:
            continue
        rules.append(rule)
    return rules


def unknown_arguments(app: Flask) -> list[str]:
    """``"<rule> needs <argument>"`` for every page argument missing from ``ID_SOURCES``."""
    return [
        f"{rule.rule} needs {name!r}"
        for rule in page_rules(app)
        for name in sorted(rule.arguments)
        if name not in ID_SOURCES
    ]


def pages_for(app: Flask, username: str | None) -> list[Page]:
    """Every GET page with its arguments filled for ``username`` (None: anonymous).
    Raises ``UnknownRouteArgument`` naming the routes whose arguments nobody maps."""
    missing = unknown_arguments(app)
    if missing:
        raise UnknownRouteArgument(
            "the browser walk cannot fill these route arguments; add each one to ID_SOURCES "
            "in tests/browser/routes.py (argument name → a query for an id the user may see): "
            + "; ".join(missing)
        )
    pages = []
    with app.app_context():
        user = db.session.scalar(sa.select(User).filter_by(username=username)) if username else None
        for rule in page_rules(app):
            values = {name: ID_SOURCES[name].pick(user) for name in rule.arguments}
            if any(v is None for v in values.values()):
                raise AssertionError(f"the demo has no row for {rule.rule} ({values})")
            with app.test_request_context():
                pages.append(Page(rule.endpoint, url_for(rule.endpoint, **values)))
        db.session.remove()
    return pages
