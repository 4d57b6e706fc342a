"""Tests for the Decree 09 reporting calendar (tracker.services.calendar).

Pure unit tests: no Flask app, database or conftest fixture is needed. Expected values are
written out by hand from the decree's table, or recomputed by a method independent of the
module's own arithmetic, so that a shared mistake cannot make both sides agree.
"""

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tracker.enums import ReportKind, Timeliness
from tracker.services.calendar import (
    LOCAL_TZ,
    Period,
    add_working_days,
    deadline_for,
    is_working_day,
    local_date,
    parse_period,
    period_containing,
    period_label_ok,
    periods_ending_between,
    timeliness,
    today_local,
)

M = ReportKind.MONTHLY
Q = ReportKind.QUARTERLY
H = ReportKind.SIX_MONTH
A = ReportKind.ANNUAL
PERIODIC = (M, Q, H, A)

# Official 2025 Tết (Lunar New Year) break for civil servants: Sat 25/01 to Sun 02/02.
TET_2025 = [date(2025, 1, 25) + timedelta(days=i) for i in range(9)]


def d(text: str) -> date:
    """Parse a dd/mm/yyyy date, the way the decree and users write them."""
    return datetime.strptime(text, "%d/%m/%Y").date()


# --------------------------------------------------------------------------- windows


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2025-01", "15/12/2024", "14/01/2025"),
        ("2025-02", "15/01/2025", "14/02/2025"),
        ("2025-03", "15/02/2025", "14/03/2025"),
        ("2025-04", "15/03/2025", "14/04/2025"),
        ("2025-05", "15/04/2025", "14/05/2025"),
        ("2025-06", "15/05/2025", "14/06/2025"),
        ("2025-07", "15/06/2025", "14/07/2025"),
        ("2025-08", "15/07/2025", "14/08/2025"),
        ("2025-09", "15/08/2025", "14/09/2025"),
        ("2025-10", "15/09/2025", "14/10/2025"),
        ("2025-11", "15/10/2025", "14/11/2025"),
        ("2025-12", "15/11/2025", "14/12/2025"),
        ("2026-01", "15/12/2025", "14/01/2026"),
        ("2024-03", "15/02/2024", "14/03/2024"),  # leap year February plays no part
        ("2000-01", "15/12/1999", "14/01/2000"),  # first supported period
        ("2100-12", "15/11/2100", "14/12/2100"),  # last supported period
    ],
)
def test_monthly_windows(label, start, end):
    period = parse_period(M, label)
    assert period == Period(M, label, d(start), d(end))
    assert period.kind is ReportKind.MONTHLY


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2025-Q1", "15/12/2024", "14/03/2025"),
        ("2025-Q2", "15/03/2025", "14/06/2025"),
        ("2025-Q3", "15/06/2025", "14/09/2025"),
        ("2025-Q4", "15/09/2025", "14/12/2025"),
        ("2026-Q1", "15/12/2025", "14/03/2026"),
        ("2000-Q1", "15/12/1999", "14/03/2000"),
    ],
)
def test_quarterly_windows(label, start, end):
    assert parse_period(Q, label) == Period(Q, label, d(start), d(end))


@pytest.mark.parametrize(
    ("kind", "label", "start", "end"),
    [
        (H, "2025-H1", "15/12/2024", "14/06/2025"),
        (H, "2026-H1", "15/12/2025", "14/06/2026"),
        (A, "2025", "15/12/2024", "14/12/2025"),
        (A, "2000", "15/12/1999", "14/12/2000"),
        (A, "2100", "15/12/2099", "14/12/2100"),
    ],
)
def test_six_month_and_annual_windows(kind, label, start, end):
    assert parse_period(kind, label) == Period(kind, label, d(start), d(end))


@pytest.mark.parametrize("kind", ["monthly", "quarterly", "six_month", "annual"])
def test_kind_may_be_given_as_its_string_value(kind):
    label = {"monthly": "2025-03", "quarterly": "2025-Q1", "six_month": "2025-H1"}.get(kind, "2025")
    period = parse_period(kind, label)
    assert period.kind is ReportKind(kind)
    assert period == parse_period(ReportKind(kind), label)


def test_window_lengths_of_2025():
    # Day counts a user could check on a wall calendar: Q1 spans Dec 15 to Mar 14.
    def days(kind, label):
        p = parse_period(kind, label)
        return (p.end - p.start).days + 1

    assert days(M, "2025-01") == 31
    assert days(M, "2025-03") == 28  # 15/02 -> 14/03 of a non-leap year
    assert days(M, "2024-03") == 29
    assert days(Q, "2025-Q1") == 17 + 31 + 28 + 14  # 15/12 -> 14/03
    assert days(H, "2025-H1") == 182
    assert days(A, "2025") == 365
    assert days(A, "2024") == 366


@pytest.mark.parametrize(
    ("kind", "label"),
    [(M, "2025-01"), (Q, "2025-Q1"), (H, "2025-H1"), (A, "2025")],
)
def test_contains_is_inclusive_at_both_ends(kind, label):
    p = parse_period(kind, label)
    assert p.contains(p.start)
    assert p.contains(p.end)
    assert not p.contains(p.start - timedelta(days=1))
    assert not p.contains(p.end + timedelta(days=1))


def test_period_is_frozen_hashable_and_sorts_chronologically():
    p = parse_period(M, "2025-01")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.label = "2025-02"  # type: ignore[misc]
    assert parse_period(M, "2025-01") == p
    assert len({p, parse_period(M, "2025-01"), parse_period(M, "2025-02")}) == 2
    shuffled = [parse_period(M, x) for x in ("2025-10", "2024-12", "2025-02", "2025-01")]
    assert [x.label for x in sorted(shuffled)] == ["2024-12", "2025-01", "2025-02", "2025-10"]


# --------------------------------------------------------------------------- next / previous


@pytest.mark.parametrize(
    ("kind", "label", "following"),
    [
        (M, "2025-01", "2025-02"),
        (M, "2025-09", "2025-10"),
        (M, "2025-12", "2026-01"),
        (M, "2099-12", "2100-01"),
        (Q, "2025-Q1", "2025-Q2"),
        (Q, "2025-Q3", "2025-Q4"),
        (Q, "2025-Q4", "2026-Q1"),
        (H, "2025-H1", "2026-H1"),
        (A, "2025", "2026"),
        (A, "2099", "2100"),
    ],
)
def test_next_and_previous(kind, label, following):
    p = parse_period(kind, label)
    n = parse_period(kind, following)
    assert p.next() == n
    assert n.previous() == p
    assert p.next().previous() == p
    assert p.previous().next() == p


@pytest.mark.parametrize("kind", [M, Q, A])
def test_next_window_starts_the_day_after_the_cutoff(kind):
    p = period_containing(kind, d("01/01/2025"))
    for _ in range(30):
        assert p.next().start == p.end + timedelta(days=1)
        p = p.next()


def test_six_month_next_leaves_the_second_half_uncovered():
    p = parse_period(H, "2025-H1")
    assert p.next().start == d("15/12/2025")
    assert (p.next().start - p.end).days == 184  # 15/06 .. 14/12 belongs to no H1


@pytest.mark.parametrize(
    ("kind", "first", "last"),
    [(M, "2000-01", "2100-12"), (Q, "2000-Q1", "2100-Q4"), (H, "2000-H1", "2100-H1")],
)
def test_next_and_previous_stop_at_the_supported_years(kind, first, last):
    with pytest.raises(ValueError):
        parse_period(kind, first).previous()
    with pytest.raises(ValueError):
        parse_period(kind, last).next()


# --------------------------------------------------------------------------- period_containing


@pytest.mark.parametrize(
    ("kind", "day", "label"),
    [
        (M, "20/12/2024", "2025-01"),
        (M, "14/12/2024", "2024-12"),
        (M, "15/12/2024", "2025-01"),
        (M, "31/12/2024", "2025-01"),
        (M, "01/01/2025", "2025-01"),
        (M, "14/01/2025", "2025-01"),
        (M, "15/01/2025", "2025-02"),
        (M, "28/02/2025", "2025-03"),
        (M, "29/02/2024", "2024-03"),
        (M, "14/03/2025", "2025-03"),
        (M, "15/03/2025", "2025-04"),
        (Q, "14/12/2024", "2024-Q4"),
        (Q, "15/12/2024", "2025-Q1"),
        (Q, "01/01/2025", "2025-Q1"),
        (Q, "14/03/2025", "2025-Q1"),
        (Q, "15/03/2025", "2025-Q2"),
        (Q, "14/06/2025", "2025-Q2"),
        (Q, "15/06/2025", "2025-Q3"),
        (Q, "14/09/2025", "2025-Q3"),
        (Q, "15/09/2025", "2025-Q4"),
        (Q, "14/12/2025", "2025-Q4"),
        (Q, "15/12/2025", "2026-Q1"),
        (A, "14/12/2024", "2024"),
        (A, "15/12/2024", "2025"),
        (A, "01/01/2025", "2025"),
        (A, "14/12/2025", "2025"),
        (A, "15/12/2025", "2026"),
        (H, "14/12/2024", "2025-H1"),  # in the gap: the upcoming H1
        (H, "15/12/2024", "2025-H1"),
        (H, "14/06/2025", "2025-H1"),
        (H, "15/06/2025", "2026-H1"),  # first day of the gap
        (H, "01/09/2025", "2026-H1"),
        (H, "14/12/2025", "2026-H1"),  # last day of the gap
        (H, "15/12/2025", "2026-H1"),
    ],
)
def test_period_containing_on_window_edges(kind, day, label):
    assert period_containing(kind, d(day)).label == label


@pytest.mark.parametrize("month", range(1, 13))
def test_monthly_edges_of_every_month(month):
    # The 14th closes the month's own window, the 15th opens the next month's.
    following = "2026-01" if month == 12 else f"2025-{month + 1:02d}"
    assert period_containing(M, date(2025, month, 14)).label == f"2025-{month:02d}"
    assert period_containing(M, date(2025, month, 15)).label == following
    assert period_containing(M, date(2025, month, 1)).label == f"2025-{month:02d}"


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        ("15/12/2024", True),
        ("14/06/2025", True),
        ("15/06/2025", False),
        ("14/12/2025", False),
        ("15/12/2025", True),
    ],
)
def test_six_month_gap_days_get_the_upcoming_period_which_does_not_contain_them(day, inside):
    p = period_containing(H, d(day))
    assert p.contains(d(day)) is inside
    assert p.end >= d(day)


@pytest.mark.parametrize("kind", PERIODIC)
def test_period_containing_every_window_edge_2016_to_2030(kind):
    # Walk the periods with next() and check both edges of every window, and the days
    # just outside, against period_containing.
    p = parse_period(kind, {M: "2016-01", Q: "2016-Q1", H: "2016-H1", A: "2016"}[kind])
    while p.end.year <= 2030:
        assert period_containing(kind, p.start) == p
        assert period_containing(kind, p.end) == p
        assert period_containing(kind, p.end + timedelta(days=1)) == p.next()
        if kind is not H:
            assert period_containing(kind, p.start - timedelta(days=1)) == p.previous()
        p = p.next()


@pytest.mark.parametrize("day", ["14/12/1999", "01/01/1990", "15/12/2100", "01/01/2101"])
def test_period_containing_outside_supported_years(day):
    with pytest.raises(ValueError):
        period_containing(M, d(day))


# --------------------------------------------------------------------------- ranges


def _count_monthly_cutoffs(first: date, last: date) -> int:
    return sum(
        first <= date(y, m, 14) <= last
        for y in range(first.year, last.year + 1)
        for m in range(1, 13)
    )


def _count_cutoffs_in_months(first: date, last: date, months: tuple[int, ...]) -> int:
    return sum(
        first <= date(y, m, 14) <= last for y in range(first.year, last.year + 1) for m in months
    )


def test_monthly_2017_to_september_2021_is_57_periods():
    first, last = d("01/01/2017"), d("30/09/2021")
    periods = periods_ending_between(M, first, last)
    assert len(periods) == 57
    assert len(periods) == _count_monthly_cutoffs(first, last)
    assert periods[0].label == "2017-01"
    assert periods[-1].label == "2021-09"
    assert [p.label for p in periods] == [
        f"{y}-{m:02d}" for y in range(2017, 2022) for m in range(1, 13) if (y, m) <= (2021, 9)
    ]


@pytest.mark.parametrize(
    ("kind", "months", "count", "first_label", "last_label"),
    [
        (Q, (3, 6, 9, 12), 19, "2017-Q1", "2021-Q3"),
        (H, (6,), 5, "2017-H1", "2021-H1"),
        (A, (12,), 4, "2017", "2020"),
    ],
)
def test_other_kinds_2017_to_september_2021(kind, months, count, first_label, last_label):
    first, last = d("01/01/2017"), d("30/09/2021")
    periods = periods_ending_between(kind, first, last)
    assert len(periods) == count
    assert len(periods) == _count_cutoffs_in_months(first, last, months)
    assert (periods[0].label, periods[-1].label) == (first_label, last_label)


@pytest.mark.parametrize("kind", PERIODIC)
def test_periods_ending_between_are_ordered_and_consecutive(kind):
    periods = periods_ending_between(kind, d("01/01/2016"), d("31/12/2030"))
    assert periods == sorted(periods)
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.next() == after
    assert all(d("01/01/2016") <= p.end <= d("31/12/2030") for p in periods)


@pytest.mark.parametrize(
    ("first", "last", "labels"),
    [
        ("14/01/2025", "14/03/2025", ["2025-01", "2025-02", "2025-03"]),  # both ends inclusive
        ("15/01/2025", "13/03/2025", ["2025-02"]),
        ("14/02/2025", "14/02/2025", ["2025-02"]),
        ("15/02/2025", "13/03/2025", []),
        ("01/03/2025", "01/02/2025", []),  # first after last
    ],
)
def test_periods_ending_between_bounds(first, last, labels):
    assert [p.label for p in periods_ending_between(M, d(first), d(last))] == labels


def test_six_month_range_starting_in_the_gap():
    periods = periods_ending_between(H, d("01/07/2024"), d("14/06/2025"))
    assert [p.label for p in periods] == ["2025-H1"]
    assert periods_ending_between(H, d("15/06/2025"), d("13/06/2026")) == []


def test_periods_ending_between_clips_to_supported_years():
    assert len(periods_ending_between(A, date(1900, 1, 1), date(2300, 1, 1))) == 101
    assert len(periods_ending_between(M, date(1900, 1, 1), date(2300, 1, 1))) == 101 * 12
    assert periods_ending_between(M, date(1900, 1, 1), date(1999, 12, 31)) == []
    assert periods_ending_between(M, date(2100, 12, 15), date(2300, 1, 1)) == []


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (M, "2025-13"),
        (M, "2025-00"),
        (M, "25-01"),
        (M, "2025-1"),
        (M, " 2025-01"),
        (M, "2025-01 "),
        (M, "2025-01\n"),
        (M, "2025/01"),
        (M, "202501"),
        (M, "2025-Q1"),
        (M, "1999-12"),
        (M, "2101-01"),
        (M, ""),
        (M, "２０２５-01"),  # full-width digits
        (M, "٢٠٢٥-٠١"),  # Arabic-Indic digits
        (Q, "2025-Q5"),
        (Q, "2025-Q0"),
        (Q, "2025-q1"),
        (Q, "2025Q1"),
        (Q, "2025-Q01"),
        (Q, "2025-01"),
        (Q, "1999-Q4"),
        (H, "2025-H2"),
        (H, "2025-H0"),
        (H, "2025-h1"),
        (H, "2025"),
        (H, "2101-H1"),
        (A, " 2025"),
        (A, "2025 "),
        (A, "25"),
        (A, "20250"),
        (A, "2025-01"),
        (A, "1999"),
        (A, "2101"),
    ],
)
def test_bad_labels(kind, label):
    with pytest.raises(ValueError):
        parse_period(kind, label)
    assert period_label_ok(kind, label) is False


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (M, "2000-01"),
        (M, "2025-12"),
        (M, "2100-12"),
        (Q, "2025-Q4"),
        (H, "2025-H1"),
        (A, "2000"),
        (A, "2100"),
        ("monthly", "2025-01"),
    ],
)
def test_good_labels(kind, label):
    assert period_label_ok(kind, label) is True
    assert parse_period(kind, label).label == label


@pytest.mark.parametrize("label", [None, 2025, b"2025"])
def test_non_string_labels_are_rejected(label):
    with pytest.raises(ValueError):
        parse_period(A, label)
    assert period_label_ok(A, label) is False


@pytest.mark.parametrize("kind", [ReportKind.AD_HOC, "ad_hoc", "weekly"])
def test_ad_hoc_and_unknown_kinds_raise_everywhere(kind):
    with pytest.raises(ValueError):
        parse_period(kind, "2025")
    with pytest.raises(ValueError):
        period_label_ok(kind, "2025")
    with pytest.raises(ValueError):
        period_containing(kind, d("01/01/2025"))
    with pytest.raises(ValueError):
        periods_ending_between(kind, d("01/01/2025"), d("31/12/2025"))
    fake = Period(ReportKind.AD_HOC, "2025", d("15/12/2024"), d("14/12/2025"))
    with pytest.raises(ValueError):
        deadline_for(fake, 3)
    with pytest.raises(ValueError):
        fake.next()


# --------------------------------------------------------------------------- working days


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("10/03/2025", True),  # Monday
        ("14/03/2025", True),  # Friday
        ("15/03/2025", False),  # Saturday
        ("16/03/2025", False),  # Sunday
        ("28/01/2025", False),  # Tuesday, but Tết
        ("03/02/2025", True),  # first day back after Tết
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(d(day), TET_2025) is working


def test_is_working_day_without_holidays_only_skips_weekends():
    assert is_working_day(d("28/01/2025")) is True


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        ("14/03/2025", 0, "14/03/2025"),
        ("14/03/2025", 1, "17/03/2025"),  # Friday + 1 = Monday
        ("14/03/2025", 3, "19/03/2025"),  # the decree example: Wednesday
        ("14/03/2025", 5, "21/03/2025"),
        ("14/03/2025", 6, "24/03/2025"),
        ("13/03/2025", 1, "14/03/2025"),
        ("13/03/2025", 2, "17/03/2025"),
        ("14/06/2025", 0, "14/06/2025"),  # N=0 is the cut-off even on a Saturday
        ("14/06/2025", 1, "16/06/2025"),  # Saturday cut-off + 1 = Monday
        ("14/06/2025", 3, "18/06/2025"),
        ("14/12/2025", 1, "15/12/2025"),  # Sunday cut-off
        ("14/12/2025", 5, "19/12/2025"),
        ("29/12/2025", 5, "05/01/2026"),  # across the new year
    ],
)
def test_add_working_days_over_weekends(day, n, expected):
    assert add_working_days(d(day), n) == d(expected)


@pytest.mark.parametrize("container", [list, tuple, set, frozenset])
def test_add_working_days_over_tet(container):
    holidays = container(TET_2025)
    # Without Tết, ten working days after Tuesday 14/01 would be Tuesday 28/01.
    assert add_working_days(d("14/01/2025"), 10) == d("28/01/2025")
    assert add_working_days(d("14/01/2025"), 10, holidays) == d("04/02/2025")
    assert add_working_days(d("24/01/2025"), 1, holidays) == d("03/02/2025")
    assert add_working_days(d("24/01/2025"), 0, holidays) == d("24/01/2025")


def test_holiday_on_the_cutoff_day_does_not_move_the_deadline():
    # The cut-off day itself is never counted, holiday or not.
    assert add_working_days(d("14/04/2025"), 3, [d("14/04/2025")]) == d("17/04/2025")
    assert add_working_days(d("14/04/2025"), 0, [d("14/04/2025")]) == d("14/04/2025")


def test_holiday_on_the_would_be_deadline_pushes_it_to_the_next_working_day():
    assert add_working_days(d("14/03/2025"), 3, [d("19/03/2025")]) == d("20/03/2025")
    # Hùng Kings' day 2025 (Monday 07/04) after a Friday.
    assert add_working_days(d("04/04/2025"), 1, [d("07/04/2025")]) == d("08/04/2025")
    # A holiday before a weekend before the deadline: Friday holiday then weekend.
    assert add_working_days(d("13/03/2025"), 1, [d("14/03/2025")]) == d("17/03/2025")


def test_holiday_on_a_weekend_is_not_skipped_twice():
    assert add_working_days(d("14/03/2025"), 3, [d("15/03/2025"), d("16/03/2025")]) == d(
        "19/03/2025"
    )


def test_reunion_and_labour_day_2025():
    holidays = [d("30/04/2025"), d("01/05/2025"), d("02/05/2025")]
    # Monday 28/04 + 3: Tuesday 29/04, then Wed-Fri off, weekend, Monday 05/05, Tuesday 06/05.
    assert add_working_days(d("28/04/2025"), 3, holidays) == d("06/05/2025")


@pytest.mark.parametrize("n", [-1, -10])
def test_negative_working_days_raise(n):
    with pytest.raises(ValueError):
        add_working_days(d("14/03/2025"), n)
    with pytest.raises(ValueError):
        deadline_for(parse_period(M, "2025-03"), n)


@pytest.mark.parametrize(
    ("kind", "label", "n", "holidays", "expected"),
    [
        (M, "2025-03", 3, (), "19/03/2025"),
        (M, "2025-03", 0, (), "14/03/2025"),
        (M, "2025-01", 10, TET_2025, "04/02/2025"),
        (M, "2025-01", 3, TET_2025, "17/01/2025"),
        (Q, "2025-Q1", 3, (), "19/03/2025"),
        (Q, "2025-Q2", 2, (), "17/06/2025"),  # cut-off Saturday 14/06
        (H, "2025-H1", 0, (), "14/06/2025"),
        (A, "2025", 1, (), "15/12/2025"),  # cut-off Sunday 14/12
        (A, "2024", 5, (), "20/12/2024"),  # cut-off Saturday 14/12/2024
    ],
)
def test_deadline_for(kind, label, n, holidays, expected):
    assert deadline_for(parse_period(kind, label), n, holidays) == d(expected)


# --------------------------------------------------------------------------- time zone


def test_local_tz_is_vietnam():
    assert str(LOCAL_TZ) == "Asia/Ho_Chi_Minh"
    assert datetime(2025, 7, 1, tzinfo=LOCAL_TZ).utcoffset() == timedelta(hours=7)
    assert datetime(2025, 1, 1, tzinfo=LOCAL_TZ).utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 3, 19, 16, 59, tzinfo=UTC), "19/03/2025"),
        (datetime(2025, 3, 19, 17, 0, tzinfo=UTC), "20/03/2025"),
        (datetime(2025, 3, 19, 20, 0, tzinfo=UTC), "20/03/2025"),
        (datetime(2024, 12, 31, 17, 0, tzinfo=UTC), "01/01/2025"),
        (datetime(2025, 3, 19, 17, 0), "20/03/2025"),  # naive means UTC
        (datetime(2025, 3, 19, 16, 59), "19/03/2025"),
        (datetime(2025, 3, 20, 0, 30, tzinfo=timezone(timedelta(hours=7))), "20/03/2025"),
        (datetime(2025, 3, 19, 23, 30, tzinfo=timezone(timedelta(hours=-5))), "20/03/2025"),
    ],
)
def test_local_date(moment, expected):
    assert local_date(moment) == d(expected)


def test_today_local_is_the_vietnamese_date():
    before = (datetime.now(UTC) + timedelta(hours=7)).date()
    today = today_local()
    after = (datetime.now(UTC) + timedelta(hours=7)).date()
    assert type(today) is date
    assert before <= today <= after


# --------------------------------------------------------------------------- timeliness

DEADLINE = d("19/03/2025")
VN = timezone(timedelta(hours=7))


@pytest.mark.parametrize(
    ("submitted", "expected"),
    [
        (datetime(2025, 3, 10, 3, 0, tzinfo=UTC), Timeliness.ON_TIME),
        (datetime(2025, 3, 18, 17, 0, tzinfo=UTC), Timeliness.ON_TIME),  # 00:00 local 19/03
        (datetime(2025, 3, 19, 16, 59, 59, tzinfo=UTC), Timeliness.ON_TIME),  # 23:59:59 local
        (datetime(2025, 3, 19, 23, 59, 59, tzinfo=VN), Timeliness.ON_TIME),
        (datetime(2025, 3, 19, 17, 0, tzinfo=UTC), Timeliness.LATE),  # local midnight
        (datetime(2025, 3, 19, 17, 1, tzinfo=UTC), Timeliness.LATE),  # one minute after
        (datetime(2025, 3, 20, 0, 1, tzinfo=VN), Timeliness.LATE),
        (datetime(2025, 3, 19, 20, 0, tzinfo=UTC), Timeliness.LATE),  # still 19/03 in UTC
        (datetime(2025, 4, 2, 2, 0, tzinfo=UTC), Timeliness.LATE),
        (datetime(2025, 3, 19, 16, 59), Timeliness.ON_TIME),  # naive = UTC
        (datetime(2025, 3, 19, 17, 1), Timeliness.LATE),  # naive = UTC, not local
    ],
)
@pytest.mark.parametrize("today", ["15/03/2025", "19/03/2025", "30/04/2025"])
def test_timeliness_of_submitted_reports(submitted, expected, today):
    # Once submitted, today's date no longer matters.
    assert timeliness(DEADLINE, submitted, d(today)) is expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("01/03/2025", Timeliness.NOT_DUE),
        ("18/03/2025", Timeliness.NOT_DUE),
        ("19/03/2025", Timeliness.NOT_DUE),  # the deadline day itself is still not due
        ("20/03/2025", Timeliness.MISSING),
        ("01/01/2026", Timeliness.MISSING),
    ],
)
def test_timeliness_of_unsubmitted_reports(today, expected):
    assert timeliness(DEADLINE, None, d(today)) is expected


def test_timeliness_end_to_end_for_the_decree_example():
    period = period_containing(Q, d("01/03/2025"))
    deadline = deadline_for(period, 3)
    assert (period.label, deadline) == ("2025-Q1", d("19/03/2025"))
    late = datetime(2025, 3, 19, 20, 0, tzinfo=UTC)
    assert timeliness(deadline, late, d("20/03/2025")) is Timeliness.LATE


# --------------------------------------------------------------------------- properties


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("kind", [M, Q, A])
def test_every_day_2016_to_2030_is_in_exactly_one_window(kind):
    seen: list = []
    for day in _days(d("01/01/2016"), d("31/12/2030")):
        p = period_containing(kind, day)
        assert p.contains(day), (day, p)
        if not seen or seen[-1] != p:
            seen.append(p)
    # The windows met along the way tile the timeline: no gap, no overlap, no repeat.
    for before, after in zip(seen, seen[1:], strict=False):
        assert before.end + timedelta(days=1) == after.start
        assert before.next() == after
    assert len(seen) == len(set(seen))
    expected_count = {M: 15 * 12 + 1, Q: 15 * 4 + 1, A: 15 + 1}[kind]  # +1: late December
    assert len(seen) == expected_count


def test_every_day_2016_to_2030_has_an_upcoming_or_current_h1():
    for day in _days(d("01/01/2016"), d("31/12/2030")):
        p = period_containing(H, day)
        in_gap = (6, 15) <= (day.month, day.day) <= (12, 14)
        assert p.contains(day) is not in_gap, day
        assert p.end >= day
        assert p.end.year == (day.year + 1 if (day.month, day.day) >= (6, 15) else day.year)
