"""The frame of the JSON API: endpoints that describe themselves, bearer tokens, and errors as
``application/problem+json`` (RFC 9457).

An endpoint is declared once with ``endpoint(...)``: its path, method, summary, the pydantic
models of its query, body and response, and the errors it may answer. The decorator registers
the Flask route, validates the query and the body (422 with a list of the fields at fault),
serialises the answer, and records the description that ``/api/v1/openapi.json`` publishes, so
the description is generated from the code and cannot drift from it.

The API is a second door to the same house: views call the same services and the same
permission checks as the web pages, and the same one commit per request applies.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, Response, g, json, request
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import HTTPException

from tracker import throttle
from tracker.extensions import login_manager
from tracker.permissions import Permission, has_permission
from tracker.services import tokens
from tracker.services.errors import ConflictError, NotAllowedError
from tracker.services.errors import ValidationError as RuleError
from tracker.web import page_cache

PROBLEM = "application/problem+json"
#: The titles of the statuses the API answers with.
TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Validation failed",
    429: "Too many requests",
    500: "Internal server error",
}


class ApiError(Exception):
    """An error answered as a problem document."""

    def __init__(self, status: int, detail: str = "", errors: list[dict] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


def problem(status: int, detail: str = "", errors: list[dict] | None = None) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="tracker"'
    return response


@dataclass
class Spec:
    """What ``/api/v1/openapi.json`` says of one endpoint."""

    rule: str
    method: str
    summary: str
    endpoint: str
    tag: str
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    errors: tuple[int, ...] = ()
    public: bool = False
    description: str = ""
    path_params: list[str] = field(default_factory=list)


SPECS: list[Spec] = []


def _field_errors(error: ValidationError, where: str) -> list[dict]:
    return [
        {
            "field": ".".join(str(p) for p in e["loc"]) or where,
            "in": where,
            "message": e["msg"],
        }
        for e in error.errors()
    ]


def _body(model: type[BaseModel]) -> BaseModel:
    if not request.is_json:
        raise ApiError(415, _("Send the body as JSON (Content-Type: application/json)."))
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, _("The body is not valid JSON."))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ApiError(422, _("Some fields are not valid."), _field_errors(error, "body")) from None


def _query(model: type[BaseModel]) -> BaseModel:
    known = set(model.model_fields)
    values = {k: v for k, v in request.args.items() if k in known}
    try:
        return model.model_validate(values)
    except ValidationError as error:
        raise ApiError(
            422, _("Some parameters are not valid."), _field_errors(error, "query")
        ) from None


def _serialise(result, status: int) -> Response:
    if isinstance(result, Response):
        return result
    if isinstance(result, BaseModel):
        result = result.model_dump(mode="json")
    return Response(json.dumps(result), status=status, mimetype="application/json")


def endpoint(
    bp: Blueprint,
    rule: str,
    method: str,
    *,
    summary: str,
    tag: str,
    query: type[BaseModel] | None = None,
    body: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    status: int = 200,
    errors: tuple[int, ...] = (),
    permission: Permission | None = None,
    public: bool = False,
    description: str = "",
    cached: bool = False,
) -> Callable:
    """Declare an API endpoint (see the module's docstring). The view receives its path
    arguments, and ``query=``/``body=`` when the endpoint has them."""

    def decorator(view: Callable) -> Callable:
        name = view.__name__

        @wraps(view)
        def wrapped(**kwargs):
            if not public and not current_user.is_authenticated:
                raise ApiError(401, _("Send a valid token: Authorization: Bearer <token>."))
            if permission is not None and not has_permission(current_user, permission):
                raise ApiError(403, _("Your account may not do this."))
            if query is not None:
                kwargs["query"] = _query(query)
            if body is not None:
                kwargs["body"] = _body(body)
            if cached:  # a read whose answer is kept until anything changes
                return page_cache.serve(lambda: _serialise(view(**kwargs), status))
            return _serialise(view(**kwargs), status)

        bp.add_url_rule(rule, endpoint=name, view_func=wrapped, methods=[method])
        full = (bp.url_prefix or "") + rule
        SPECS.append(
            Spec(
                rule=full,
                method=method,
                summary=summary,
                endpoint=f"{bp.name}.{name}",
                tag=tag,
                query=query,
                body=body,
                response=response,
                status=status,
                errors=_answers(errors, public, query or body),
                public=public,
                description=description,
            )
        )
        return wrapped

    return decorator


def _answers(errors: tuple[int, ...], public: bool, validates) -> tuple[int, ...]:
    """The error statuses an endpoint may answer: its own, 401 unless it is public, 422 when
    it validates a query or a body."""
    found = set(errors)
    if not public:
        found.add(401)
    if validates:
        found.add(422)
    return tuple(sorted(found))


def authenticate() -> None:
    """Before every API request: the user is the bearer token's, never the session cookie's
    (so a page open in the browser cannot be made to write through the API)."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    user = tokens.user_for(token.strip()) if scheme.lower() == "bearer" else None
    # Flask-Login reads the current user from here for this request only.
    g._login_user = user if user is not None else login_manager.anonymous_user()


def install_error_handlers(bp: Blueprint) -> None:
    @bp.errorhandler(ApiError)
    def api_error(error: ApiError):
        return problem(error.status, error.detail, error.errors)

    @bp.errorhandler(RuleError)
    def rule_error(error: RuleError):
        return problem(
            422,
            error.message,
            [{"field": error.field or "", "in": "body", "message": error.message}],
        )

    @bp.errorhandler(ConflictError)
    def conflict(error: ConflictError):
        return problem(
            409,
            _(
                "Someone else changed this record since you read it: read it again, then send "
                "your change with its new version."
            ),
        )

    @bp.errorhandler(NotAllowedError)
    def not_allowed(error: NotAllowedError):
        return problem(403, error.message or _("Your account may not do this."))

    @bp.errorhandler(RateLimitExceeded)
    def too_many(error: RateLimitExceeded):
        response = problem(429, throttle.message())
        response.headers["Retry-After"] = str(throttle.retry_after_seconds())
        return response

    @bp.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return problem(error.code or 500, error.description if error.code != 404 else "")
