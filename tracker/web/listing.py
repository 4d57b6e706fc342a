"""Lists: known query parameters only, ids and page numbers that never overflow, and links
that keep the filters and nothing else.

A list view declares its filters (``Filters({"kind": enum_param(ReportKind), ...})``); an
unknown or malformed parameter is simply ignored, so no value typed into an address can reach
a query or ``url_for`` unchecked (``?endpoint=x``, ``?_external=1``, a NUL byte, a number
beyond the database's integers). The pager and the filter links are built from the parsed
values only.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from flask import Flask, request, url_for
from flask_sqlalchemy.pagination import Pagination
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from tracker.extensions import db
from tracker.text import has_forbidden_characters

#: Database ids are 32-bit integers.
MAX_ID = 2**31 - 1
MAX_PAGE = 100_000
PER_PAGE = 25


class IdConverter(IntegerConverter):
    """``<int:…>`` in every route: an id beyond the database's integers is a 404 like any other
    unknown id, whatever the method (a plain refusal to match would let another method's rule
    answer 405)."""

    def __init__(self, map, fixed_digits=0, min=0, max=MAX_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 <= number <= MAX_ID:
            raise NotFound()
        return number


Parser = Callable[[str], Any]


def enum_param(enum_cls) -> Parser:
    return lambda raw: enum_cls(raw)


def id_param(raw: str) -> int:
    value = int(raw)
    if not 1 <= value <= MAX_ID or not raw.isdigit():
        raise ValueError(raw)
    return value


def int_param(low: int, high: int) -> Parser:
    def parse(raw: str) -> int:
        value = int(raw)
        if not raw.lstrip("-").isdigit() or not low <= value <= high:
            raise ValueError(raw)
        return value

    return parse


def date_param(raw: str) -> date:
    value = date.fromisoformat(raw)
    if not 1900 <= value.year <= 2100:
        raise ValueError(raw)
    return value


def text_param(max_length: int = 100) -> Parser:
    def parse(raw: str) -> str:
        text = " ".join(raw.split())
        if not text or has_forbidden_characters(text):
            raise ValueError(raw)
        return text[:max_length]

    return parse


def choice_param(options) -> Parser:
    """One of a few known words (a sort order, a view)."""
    allowed = set(options)

    def parse(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(raw)
        return raw

    return parse


def flag_param(raw: str) -> bool:
    if raw not in ("1", "true", "on", "yes"):
        raise ValueError(raw)
    return True


def _canonical(value: Any) -> str:
    if isinstance(value, bool):
        return "1"
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "value", value))


class Filters:
    """The parsed filters of a list page: ``filters["kind"]`` is the value or None."""

    def __init__(self, spec: dict[str, Parser], args=None):
        args = request.args if args is None else args
        self.values: dict[str, Any] = {}
        for name, parse in spec.items():
            raw = args.get(name, "")
            if not raw:
                continue
            try:
                self.values[name] = parse(raw)
            except (ValueError, TypeError, OverflowError):
                continue

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)

    def __contains__(self, name: str) -> bool:
        return name in self.values

    @property
    def active(self) -> bool:
        return bool(self.values)

    def query_args(self, **changes) -> dict[str, str]:
        """The filters as query parameters, with some changed (None removes one)."""
        merged = {**self.values, **changes}
        return {k: _canonical(v) for k, v in merged.items() if v is not None and v != ""}

    def url(self, endpoint: str, **changes) -> str:
        return url_for(endpoint, **self.query_args(**changes))


def page_number() -> int:
    """The requested page: 1 when absent or not a sensible number."""
    raw = request.args.get("page", "")
    if not raw.isdigit() or len(raw) > 6:
        return 1
    return max(1, min(int(raw), MAX_PAGE))


def paginate(stmt, *, per_page: int = PER_PAGE) -> Pagination:
    """One page of ``stmt``; a page beyond the last shows the last page."""
    page = page_number()
    result = db.paginate(stmt, page=page, per_page=per_page, error_out=False)
    if result.pages and page > result.pages:
        result = db.paginate(stmt, page=result.pages, per_page=per_page, error_out=False)
    return result


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = IdConverter
