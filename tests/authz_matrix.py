"""The authorization matrix: (route, method, whose record) → expected status for each role.

Roles: anonymous, liaison A, liaison B, office staff, leadership, admin. ``target`` says whose
record the URL points at: agency A's ("a"), agency B's ("b"), one shared by A and B ("ab") or
none. Every route of the app must be listed here (``test_every_route_is_in_the_matrix``); a new
route joins by adding rows.
"""

from dataclasses import dataclass

ROLES = ("anonymous", "liaison_a", "liaison_b", "office", "leadership", "admin")

# Redirect to the login page.
LOGIN = 302


@dataclass(frozen=True)
class Case:
    rule: str
    method: str
    target: str | None
    expected: dict[str, int]

    @property
    def id(self) -> str:
        return f"{self.method} {self.rule}" + (f" [{self.target}]" if self.target else "")


def roles(anonymous=LOGIN, liaison_a=200, liaison_b=200, office=200, leadership=200, admin=200):
    return {
        "anonymous": anonymous,
        "liaison_a": liaison_a,
        "liaison_b": liaison_b,
        "office": office,
        "leadership": leadership,
        "admin": admin,
    }


def scoped(rule: str, *, admin: int = 403, office: int = 200, leadership: int = 200) -> list[Case]:
    """A record owned by one agency: its liaison sees it, the other liaison gets 404."""
    return [
        Case(
            rule,
            "GET",
            "a",
            roles(liaison_b=404, office=office, leadership=leadership, admin=admin),
        ),
        Case(
            rule,
            "GET",
            "b",
            roles(liaison_a=404, office=office, leadership=leadership, admin=admin),
        ),
    ]


ADMIN_ONLY = roles(liaison_a=403, liaison_b=403, office=403, leadership=403)
OFFICE_ONLY = roles(liaison_a=403, liaison_b=403, leadership=403, admin=403)
LIAISONS_ONLY = roles(liaison_a=302, liaison_b=302, office=403, leadership=403, admin=403)
LIAISON_FORM_POST = roles(liaison_a=422, liaison_b=422, office=403, leadership=403, admin=403)
NOBODY = roles(liaison_a=403, liaison_b=403, office=403, leadership=403, admin=403)
# The Office's POST with an empty form gets the form back with its errors.
OFFICE_FORM_POST = roles(liaison_a=403, liaison_b=403, office=422, leadership=403, admin=403)
# An admin's POST with an empty form re-renders the form with its errors (422).
# Flagging: liaisons and the Office; an empty form comes back with its errors.
FLAG_FORM_POST = roles(liaison_a=422, liaison_b=422, office=422, leadership=403, admin=403)
ADMIN_FORM_POST = roles(liaison_a=403, liaison_b=403, office=403, leadership=403, admin=422)


def admin_form(rule: str, target: str | None = None) -> list[Case]:
    return [Case(rule, "GET", target, ADMIN_ONLY), Case(rule, "POST", target, ADMIN_FORM_POST)]


MATRIX: list[Case] = [
    Case(
        "/login",
        "GET",
        None,
        roles(anonymous=200, liaison_a=302, liaison_b=302, office=302, leadership=302, admin=302),
    ),
    Case(
        "/login",
        "POST",
        None,
        roles(anonymous=400, liaison_a=302, liaison_b=302, office=302, leadership=302, admin=302),
    ),
    Case(
        "/logout",
        "POST",
        None,
        roles(anonymous=302, liaison_a=302, liaison_b=302, office=302, leadership=302, admin=302),
    ),
    Case(
        "/language",
        "POST",
        None,
        roles(anonymous=302, liaison_a=302, liaison_b=302, office=302, leadership=302, admin=302),
    ),
    Case("/account", "GET", None, roles()),
    Case(
        "/account/tokens",
        "POST",
        None,
        roles(liaison_a=422, liaison_b=422, office=422, leadership=422, admin=422),
    ),
    # Revoking needs the (CSRF-checked) POST only; the world's token is liaison A's own.
    Case(
        "/account/tokens/<int:token_id>/revoke",
        "POST",
        None,
        roles(liaison_a=302, liaison_b=404, office=404, leadership=404, admin=404),
    ),
    Case("/account/password", "GET", None, roles()),
    # An empty form comes back with its errors.
    Case(
        "/account/password",
        "POST",
        None,
        roles(liaison_a=422, liaison_b=422, office=422, leadership=422, admin=422),
    ),
    Case("/", "GET", None, roles()),
    Case("/healthz", "GET", None, roles(anonymous=200)),
    Case("/readyz", "GET", None, roles(anonymous=200)),
    Case("/agreements", "GET", None, roles(admin=403)),
    *scoped("/agreements/<int:agreement_id>"),
    # Recording agreements is the Office's; a liaison proposes commitments under their own.
    Case("/agreements/new", "GET", None, OFFICE_ONLY),
    Case("/agreements/new", "POST", None, OFFICE_FORM_POST),
    Case("/agreements/<int:agreement_id>/edit", "GET", "a", OFFICE_ONLY),
    Case("/agreements/<int:agreement_id>/edit", "POST", "a", OFFICE_FORM_POST),
    Case("/agreements/<int:agreement_id>/scan", "POST", "a", OFFICE_FORM_POST),
    Case(
        "/agreements/<int:agreement_id>/commitments/new",
        "GET",
        "a",
        roles(liaison_b=404, leadership=403, admin=403),
    ),
    Case(
        "/agreements/<int:agreement_id>/commitments/new",
        "GET",
        "b",
        roles(liaison_a=404, leadership=403, admin=403),
    ),
    Case(
        "/agreements/<int:agreement_id>/commitments/new",
        "POST",
        "a",
        roles(liaison_a=422, liaison_b=404, office=422, leadership=403, admin=403),
    ),
    Case("/commitments", "GET", None, roles(admin=403)),
    Case("/commitments/export.csv", "GET", None, roles(admin=403)),
    Case("/commitments/export.xlsx", "GET", None, roles(admin=403)),
    *scoped("/commitments/<int:commitment_id>"),
    # A confirmed commitment is the Office's to edit; its liaison records progress on it.
    Case(
        "/commitments/<int:commitment_id>/edit",
        "GET",
        "a",
        roles(liaison_a=403, liaison_b=404, leadership=403, admin=403),
    ),
    Case(
        "/commitments/<int:commitment_id>/edit",
        "POST",
        "a",
        roles(liaison_a=403, liaison_b=404, office=422, leadership=403, admin=403),
    ),
    # Confirming a commitment that is already confirmed is refused with a message.
    Case("/commitments/<int:commitment_id>/confirm", "POST", "a", OFFICE_FORM_POST),
    Case("/commitments/<int:commitment_id>/cancel", "GET", "a", OFFICE_ONLY),
    Case("/commitments/<int:commitment_id>/cancel", "POST", "a", OFFICE_FORM_POST),
    Case(
        "/commitments/<int:commitment_id>/updates/new",
        "GET",
        "a",
        roles(liaison_b=404, leadership=403, admin=403),
    ),
    Case(
        "/commitments/<int:commitment_id>/updates/new",
        "GET",
        "b",
        roles(liaison_a=404, leadership=403, admin=403),
    ),
    Case(
        "/commitments/<int:commitment_id>/updates/new",
        "POST",
        "a",
        roles(liaison_a=422, liaison_b=404, office=422, leadership=403, admin=403),
    ),
    *scoped("/agencies/<int:agency_id>"),
    Case("/bloc", "GET", None, roles(liaison_a=403, liaison_b=403, admin=403)),
    # Summaries: the page is the Office's and leadership's; a liaison downloads their own
    # agency's PDF (the default for them), never the bloc's.
    Case("/summaries/", "GET", None, roles(liaison_a=403, liaison_b=403, admin=403)),
    Case("/summaries/summary.pdf", "GET", None, roles(admin=403)),
    Case("/summaries/<term>.pdf", "GET", None, roles(admin=403)),
    # Import and export (issue 14): the Office and the administrator import; a liaison
    # exports their own agency's records; leadership does neither.
    Case("/transfer/", "GET", None, roles(leadership=403)),
    Case("/transfer/export.xlsx", "GET", None, roles(leadership=403)),
    Case(
        "/transfer/template.xlsx",
        "GET",
        None,
        roles(liaison_a=403, liaison_b=403, leadership=403),
    ),
    Case(
        "/transfer/check",
        "POST",
        None,
        roles(liaison_a=403, liaison_b=403, office=422, leadership=403, admin=422),
    ),
    Case(
        "/transfer/confirm",
        "POST",
        None,
        roles(liaison_a=403, liaison_b=403, office=422, leadership=403, admin=422),
    ),
    # The world holds no import: the Office and the administrator get 404 for batch 1
    # (test_transfer undoes real ones).
    Case(
        "/transfer/imports/<int:batch_id>/undo",
        "POST",
        None,
        roles(liaison_a=403, liaison_b=403, office=404, leadership=403, admin=404),
    ),
    Case("/documents", "GET", None, roles(admin=403)),
    Case("/documents/<int:document_id>", "GET", None, roles(admin=403)),
    Case("/documents/new", "GET", None, OFFICE_ONLY),
    Case("/documents/new", "POST", None, OFFICE_FORM_POST),
    # A file is seen by whoever sees its record; the administrator sees no agreement.
    *scoped("/attachments/<int:attachment_id>", admin=404),
    Case("/reports", "GET", None, roles(admin=403)),
    *scoped("/reports/<int:report_id>"),
    *scoped("/reports/<int:report_id>.pdf"),
    Case("/reports/grid", "GET", None, roles(admin=403)),
    Case("/reports/expected", "GET", None, roles(admin=403)),
    Case("/reports/review", "GET", None, OFFICE_ONLY),
    # Starting needs a kind and a period: an empty post goes home with a message.
    Case("/reports/start", "POST", None, LIAISONS_ONLY),
    Case("/reports/ad-hoc/new", "GET", None, roles(office=403, leadership=403, admin=403)),
    Case("/reports/ad-hoc/new", "POST", None, LIAISON_FORM_POST),
    # The world's reports were sent: nobody writes into them any more.
    Case(
        "/reports/<int:report_id>/edit",
        "GET",
        "a",
        roles(liaison_a=403, liaison_b=404, office=403, leadership=403, admin=403),
    ),
    Case(
        "/reports/<int:report_id>/edit",
        "POST",
        "a",
        roles(liaison_a=403, liaison_b=404, office=403, leadership=403, admin=403),
    ),
    Case(
        "/reports/<int:report_id>/autosave",
        "POST",
        "a",
        roles(liaison_a=403, liaison_b=404, office=403, leadership=403, admin=403),
    ),
    Case(
        "/reports/<int:report_id>/attachments/<int:attachment_id>/remove",
        "POST",
        "a",
        roles(liaison_a=403, liaison_b=404, office=403, leadership=403, admin=403),
    ),
    Case("/reports/<int:report_id>/review", "GET", "a", OFFICE_ONLY),
    Case("/reports/<int:report_id>/review", "POST", "a", OFFICE_FORM_POST),
    # Only an accepted report is reopened; the world's are waiting for review.
    Case("/reports/<int:report_id>/reopen", "GET", "a", NOBODY),
    Case("/reports/<int:report_id>/reopen", "POST", "a", NOBODY),
    Case("/notifications", "GET", None, roles()),
    Case(
        "/notifications/read",
        "POST",
        None,
        roles(liaison_a=302, liaison_b=302, office=302, leadership=302, admin=302),
    ),
    Case("/issues", "GET", None, roles(admin=403)),
    *scoped("/issues/<int:issue_id>"),
    # An issue flagged by A for B: the reporting and the responsible agency both see it.
    Case("/issues/<int:issue_id>", "GET", "ab", roles(admin=403)),
    Case("/issues/export.csv", "GET", None, roles(admin=403)),
    Case("/issues/export.xlsx", "GET", None, roles(admin=403)),
    Case("/issues/similar", "GET", None, roles(leadership=403, admin=403)),
    Case("/issues/new", "GET", None, roles(leadership=403, admin=403)),
    Case("/issues/new", "POST", None, FLAG_FORM_POST),
    # A new issue is edited by the Office and by the agency that flagged it.
    Case(
        "/issues/<int:issue_id>/edit",
        "GET",
        "a",
        roles(liaison_b=404, leadership=403, admin=403),
    ),
    Case(
        "/issues/<int:issue_id>/edit",
        "POST",
        "a",
        roles(liaison_a=422, liaison_b=404, office=422, leadership=403, admin=403),
    ),
    # Flagged by A for B: B answers for it but did not flag it, so only A and the Office edit.
    Case(
        "/issues/<int:issue_id>/edit",
        "GET",
        "ab",
        roles(liaison_b=403, leadership=403, admin=403),
    ),
    Case("/issues/<int:issue_id>/status", "GET", "a", OFFICE_ONLY),
    Case("/issues/<int:issue_id>/status", "POST", "a", OFFICE_FORM_POST),
    Case("/issues/<int:issue_id>/assign", "GET", "a", OFFICE_ONLY),
    Case("/issues/<int:issue_id>/assign", "POST", "a", OFFICE_FORM_POST),
    Case("/issues/<int:issue_id>/escalate", "GET", "a", OFFICE_ONLY),
    Case("/issues/<int:issue_id>/escalate", "POST", "a", OFFICE_FORM_POST),
    # Comments and evidence: the Office and the two agencies' liaisons; leadership reads.
    Case(
        "/issues/<int:issue_id>/comment",
        "GET",
        "a",
        roles(liaison_b=404, leadership=403, admin=403),
    ),
    Case(
        "/issues/<int:issue_id>/comment",
        "GET",
        "ab",
        roles(leadership=403, admin=403),
    ),
    Case(
        "/issues/<int:issue_id>/comment",
        "POST",
        "a",
        roles(liaison_a=422, liaison_b=404, office=422, leadership=403, admin=403),
    ),
    Case("/admin/", "GET", None, ADMIN_ONLY),
    Case("/admin/agencies", "GET", None, ADMIN_ONLY),
    *admin_form("/admin/agencies/new"),
    *admin_form("/admin/agencies/<int:agency_id>/edit", "a"),
    *admin_form("/admin/agencies/<int:agency_id>/reorganise", "a"),
    Case("/admin/users", "GET", None, ADMIN_ONLY),
    Case("/admin/audit", "GET", None, ADMIN_ONLY),
    *admin_form("/admin/users/new"),
    *admin_form("/admin/users/<int:user_id>/edit", "b"),
    *admin_form("/admin/users/<int:user_id>/password", "b"),
    Case("/admin/terms", "GET", None, ADMIN_ONLY),
    *admin_form("/admin/terms/new"),
    *admin_form("/admin/terms/<int:term_id>/edit"),
    Case("/admin/holidays", "GET", None, ADMIN_ONLY),
    *admin_form("/admin/holidays/new"),
    *admin_form("/admin/holidays/<int:holiday_id>/edit"),
    # Deleting needs nothing but the (CSRF-checked) POST; importing needs a year.
    Case(
        "/admin/holidays/<int:holiday_id>/delete",
        "POST",
        None,
        roles(liaison_a=403, liaison_b=403, office=403, leadership=403, admin=302),
    ),
    Case(
        "/admin/holidays/import",
        "POST",
        None,
        roles(liaison_a=403, liaison_b=403, office=403, leadership=403, admin=400),
    ),
    *admin_form("/admin/settings"),
    Case("/admin/settings/names", "POST", None, ADMIN_FORM_POST),
]

# The JSON API: bearer tokens, never the session; anonymous is 401, not a redirect. Bodies
# are checked before the record is looked up (an empty JSON object is a 422 for whoever may
# post there, whatever the id), so nothing about the record leaks either way.
API_READ = roles(anonymous=401)
API_PROGRAMME = roles(anonymous=401, admin=403)
API_LIAISON_WRITE = roles(
    anonymous=401, liaison_a=422, liaison_b=422, office=403, leadership=403, admin=403
)
MATRIX += [
    Case("/api/v1/openapi.json", "GET", None, roles(anonymous=200)),
    Case("/api/v1/summaries/<term>", "GET", None, API_PROGRAMME),
    Case(
        "/api/v1/tokens",
        "POST",
        None,
        roles(anonymous=422, liaison_a=422, liaison_b=422, office=422, leadership=422, admin=422),
    ),
    Case("/api/v1/agencies", "GET", None, API_READ),
    Case("/api/v1/agencies/<int:agency_id>", "GET", "a", API_READ),
    Case("/api/v1/terms", "GET", None, API_READ),
    Case("/api/v1/terms/<int:term_id>", "GET", None, API_READ),
    Case("/api/v1/agreements", "GET", None, API_PROGRAMME),
    Case(
        "/api/v1/agreements/<int:agreement_id>",
        "GET",
        "a",
        roles(anonymous=401, liaison_b=404, admin=403),
    ),
    Case(
        "/api/v1/agreements/<int:agreement_id>",
        "GET",
        "b",
        roles(anonymous=401, liaison_a=404, admin=403),
    ),
    Case("/api/v1/commitments", "GET", None, API_PROGRAMME),
    Case("/api/v1/reports", "GET", None, API_PROGRAMME),
    Case("/api/v1/reports", "POST", None, API_LIAISON_WRITE),
    Case(
        "/api/v1/reports/<int:report_id>",
        "GET",
        "a",
        roles(anonymous=401, liaison_b=404, admin=403),
    ),
    Case("/api/v1/reports/<int:report_id>", "PATCH", "a", API_LIAISON_WRITE),
    Case("/api/v1/reports/<int:report_id>/submit", "POST", "a", API_LIAISON_WRITE),
    Case(
        "/api/v1/reports/<int:report_id>/review",
        "POST",
        "a",
        roles(anonymous=401, liaison_a=403, liaison_b=403, office=422, leadership=403, admin=403),
    ),
    # The kind and the year are required: asked without them, a 422 names them.
    Case(
        "/api/v1/compliance",
        "GET",
        None,
        roles(anonymous=401, liaison_a=422, liaison_b=422, office=422, leadership=422, admin=403),
    ),
    Case(
        "/api/v1/commitments/<int:commitment_id>",
        "GET",
        "a",
        roles(anonymous=401, liaison_b=404, admin=403),
    ),
    Case("/api/v1/issues", "GET", None, API_PROGRAMME),
    Case(
        "/api/v1/issues/<int:issue_id>",
        "GET",
        "a",
        roles(anonymous=401, liaison_b=404, admin=403),
    ),
    Case(
        "/api/v1/issues/<int:issue_id>",
        "GET",
        "b",
        roles(anonymous=401, liaison_a=404, admin=403),
    ),
    Case("/api/v1/issues/<int:issue_id>", "GET", "ab", API_PROGRAMME),
    # Liaisons and the Office flag; only the Office changes status and assignment.
    Case(
        "/api/v1/issues",
        "POST",
        None,
        roles(anonymous=401, liaison_a=422, liaison_b=422, office=422, leadership=403, admin=403),
    ),
    Case(
        "/api/v1/issues/<int:issue_id>",
        "PATCH",
        "a",
        roles(anonymous=401, liaison_a=403, liaison_b=403, office=422, leadership=403, admin=403),
    ),
    Case(
        "/api/v1/commitments/<int:commitment_id>/updates",
        "POST",
        "a",
        roles(anonymous=401, liaison_a=422, liaison_b=422, office=422, leadership=403, admin=403),
    ),
]

#: Endpoints that serve files shipped with the app (no data, no login).
PUBLIC_ASSET_ENDPOINTS = {"static", "bootstrap.static"}
