"""Parts of pages rendered once and reused: the large tables of figures (the compliance grid,
the homes' issue and discipline tables).

A fragment is a pure function of figures that ``figure_cache`` already keeps under a topic's
stamp, and of the language; so it is cached the same way, under the same stamp, with the
language in its key. Whatever writes the figures' tables writes a new stamp, and the next
request renders the fragment afresh, on every instance. Only fragments without anything of
one user or one session in them (no form, no CSRF token, no name) may be cached: the key says
who may see the same thing (a visibility key), never more."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import render_template
from flask_babel import get_locale
from markupsafe import Markup

from tracker.services import figure_cache


def cached(
    name: str, key: Hashable, template: str, topic: int, context: Callable[[], dict]
) -> Markup:
    """``template`` rendered with what ``context()`` gives (called only when it is rendered);
    reused for the same ``name``, ``key`` and language while the topic's stamp is unchanged."""
    return figure_cache.cached(
        f"fragment:{name}",
        (key, str(get_locale())),
        lambda: Markup(render_template(template, **context())),
        topic=topic,
    )
