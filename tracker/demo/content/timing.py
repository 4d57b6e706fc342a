"""When a piece of demo text may be used: the dates it is true for and, for seasonal text,
the months of the year it is about.

A record (an agreement signed on a day, a report about a period, an issue first seen on a day,
a progress update recorded on a day) may only carry text whose ``When`` allows that record's
date: nothing about Covid-19 in 2017, no summer training in a December report. Pure data and
pure functions: no database, no randomness.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class When:
    """``start``/``until``: the first and last day the text is true (None: open), both
    included. ``months``: for seasonal text, the months of the year it can be about."""

    start: date | None = None
    until: date | None = None
    months: frozenset[int] | None = None

    def allows(self, day: date, months: Collection[int] | None = None) -> bool:
        """True if a record dated ``day``, about ``months`` (by default the month of ``day``),
        may say this."""
        if self.start is not None and day < self.start:
            return False
        if self.until is not None and day > self.until:
            return False
        if self.months is None:
            return True
        about = months if months is not None else (day.month,)
        return any(month in self.months for month in about)


ALWAYS = When()


def since(start: date, *months: int) -> When:
    """True from ``start`` on (in the given months only, if any)."""
    return When(start=start, months=frozenset(months) or None)


def until(last: date, *months: int) -> When:
    """True up to and including ``last`` (in the given months only, if any)."""
    return When(until=last, months=frozenset(months) or None)


def between(start: date, last: date, *months: int) -> When:
    return When(start=start, until=last, months=frozenset(months) or None)


def season(*months: int) -> When:
    """True every year, in these months."""
    return When(months=frozenset(months))


@dataclass(frozen=True)
class Phrase:
    """A sentence of demo text with the span it is true for. ``{n}`` in it is drawn from
    ``n`` (a closed range), ``{k}`` from 2..9; other placeholders are named by the caller."""

    text: str
    when: When = ALWAYS
    n: tuple[int, int] = (2, 12)


#: A pool of text: plain strings are always true.
Pool = Iterable["str | Phrase"]


def phrase(entry: str | Phrase) -> Phrase:
    return entry if isinstance(entry, Phrase) else Phrase(entry)


def usable(pool: Pool, day: date, months: Collection[int] | None = None) -> list[Phrase]:
    """The entries of ``pool`` that a record dated ``day`` (about ``months``) may carry."""
    out = []
    for entry in pool:
        item = phrase(entry)
        if item.when.allows(day, months):
            out.append(item)
    return out
