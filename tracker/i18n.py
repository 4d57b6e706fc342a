"""The templates' gettext, looked up once per request and locale.

Flask-Babel's own template callables find the request's translations afresh on every call
(the context, the locale, the cache key): a list page translates a few thousand strings, and
that lookup was a tenth of its time. These give the same translations, memoised on the
request's Babel context for as long as its locale object is the same one (``force_locale``
sets a new one, so a forced language is always honoured)."""

from __future__ import annotations

from flask import g
from flask_babel import get_translations


def _translations():
    ns = g.get("_flask_babel") if g else None
    locale = getattr(ns, "babel_locale", None)
    if locale is None:
        # The locale is not chosen yet; Flask-Babel chooses it (and memoises it on ns).
        return get_translations()
    memo = getattr(ns, "tracker_translations", None)
    if memo is not None and memo[0] is locale:
        return memo[1]
    translations = get_translations()
    ns.tracker_translations = (locale, translations)
    return translations


def gettext(msgid: str) -> str:
    """``msgid`` in the request's language (outside a request, as it is)."""
    if not g:
        return msgid
    return _translations().ugettext(msgid)


def init_app(app) -> None:
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
    )
