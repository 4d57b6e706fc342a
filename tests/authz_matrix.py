"""The authorization matrix: (route, method, whose record) → expected status for each role.

Roles: anonymous, liaison A, liaison B, office staff, leadership, admin. ``target`` says whose
record the URL points at: agency A's ("a"), agency B's ("b") or none. Every route of the app
must be listed here (``test_every_route_is_in_the_matrix``); a new route joins by adding rows.
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
# An admin's POST with an empty form re-renders the form with its errors (422).
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
    Case("/account/password", "GET", None, roles()),
    Case("/account/password", "POST", None, roles()),
    Case("/", "GET", None, roles()),
    Case("/healthz", "GET", None, roles(anonymous=200)),
    Case("/readyz", "GET", None, roles(anonymous=200)),
    Case("/agreements", "GET", None, roles(admin=403)),
    *scoped("/agreements/<int:agreement_id>"),
    Case("/reports", "GET", None, roles(admin=403)),
    *scoped("/reports/<int:report_id>"),
    Case("/issues", "GET", None, roles(admin=403)),
    *scoped("/issues/<int:issue_id>"),
    Case("/admin/", "GET", None, ADMIN_ONLY),
    Case("/admin/agencies", "GET", None, ADMIN_ONLY),
    *admin_form("/admin/agencies/new"),
    *admin_form("/admin/agencies/<int:agency_id>/edit", "a"),
    Case("/admin/users", "GET", None, ADMIN_ONLY),
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
]

#: Endpoints that serve files shipped with the app (no data, no login).
PUBLIC_ASSET_ENDPOINTS = {"static", "bootstrap.static"}
