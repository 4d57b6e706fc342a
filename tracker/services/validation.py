"""The checks every service makes on what it is given (from a form, the API, the CLI or an
import), each raising ``ValidationError`` with a message ready for the user and the field it
belongs to. Forms check the same things first; these keep the services safe on their own."""

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from flask_babel import gettext as _

from tracker.services.errors import ValidationError
from tracker.text import has_forbidden_characters

INT_MAX = 2**31 - 1


def require(condition: Any, message: str, field: str | None = None) -> None:
    if not condition:
        raise ValidationError(message, field)


def clean_text(
    value: Any, field: str, *, required: bool, max_length: int, multiline: bool = False
) -> str:
    """Text without control characters; single-line text has its spaces collapsed."""
    raw = "" if value is None else str(value)
    if has_forbidden_characters(raw, multiline=multiline):
        raise ValidationError(_("Remove the invisible control characters from this text."), field)
    text = raw.strip() if multiline else " ".join(raw.split())
    if required and not text:
        raise ValidationError(_("This field is required."), field)
    if len(text) > max_length:
        raise ValidationError(
            _("This field cannot be longer than %(max)d characters.", max=max_length), field
        )
    return text


def clean_enum(enum_cls, value: Any, field: str, *, optional: bool = False):
    if value in (None, "") and optional:
        return None
    try:
        return enum_cls(value)
    except ValueError:
        raise ValidationError(_("Choose a value from the list."), field) from None


def clean_int(value: Any, field: str, *, low: int = 0, high: int = INT_MAX) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except (TypeError, ValueError):
            raise ValidationError(_("Enter a whole number."), field) from None
    if not low <= value <= high:
        raise ValidationError(
            _("Enter a number from %(min)s to %(max)s.", min=low, max=high), field
        )
    return value


def clean_date(value: Any, field: str, *, required: bool = True) -> date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(_("Enter a date."), field)
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(_("Enter a date."), field) from None


def clean_url(value: Any, field: str) -> str | None:
    """An optional web address: http or https, with a host, at most 500 characters."""
    text = clean_text(value, field, required=False, max_length=500)
    if not text:
        return None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise ValidationError(_("Enter a web address starting with http:// or https://."), field)
    return text
