"""The leadership summary as a Party document (báo cáo sơ kết / tổng kết): an overview, the
results by agency with highlights quoted from accepted reports, reporting discipline with a
chart, public-opinion issues, commitments, shortcomings, tasks ahead, and an annex per agency.

Every figure comes from ``services.summaries.build``; this module only lays them out.
"""

from flask_babel import force_locale
from flask_babel import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from tracker import labels
from tracker.enums import CommitmentStatus
from tracker.formatting import fmt_date, fmt_datetime, fmt_percent
from tracker.models.base import utcnow
from tracker.pdf import document, fonts
from tracker.services import settings
from tracker.services.summaries import Summary

WIDTH = A4[0] - document.LEFT - document.RIGHT
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def render(summary: Summary, office_code: str) -> bytes:
    with force_locale("vi"):
        return document.build(_document(summary, office_code))


def _document(summary: Summary, office_code: str) -> document.Document:
    family = fonts.register()
    s = document.styles(family)
    names = settings.get_all(on=summary.today)
    scope = summary.scope
    agency = summary.lines[0].agency if scope.agency_id is not None and summary.lines else None
    subject = _(
        "Review of the coordination programme of the education-science bloc, %(scope)s",
        scope=scope.label,
    )
    if agency is not None:
        subject = f"{subject} – {agency.name_vi}"
    header = document.Header(
        committee=names["party_committee_name"],
        body=names["office_name"],
        number=f"Số      -BC/{office_code}",
        place=names["province_name"],
        dated=summary.today,
        kind=_("REPORT"),
        summary=subject,
    )
    flow: list = []
    sections = (
        (_("Overview"), _overview),
        (_("Results by field and by agency"), _results),
        (_("Reporting discipline"), _discipline),
        (_("Public-opinion issues"), _issues),
        (_("Commitments"), _commitments),
        (_("Shortcomings"), _shortcomings),
        (_("Tasks for the next term"), _tasks),
    )
    for number, (heading, part) in zip(ROMAN, sections, strict=False):
        flow.append(Paragraph(document.text(f"{number}. {heading.upper()}"), s["h1"]))
        flow.extend(part(summary, s, family))
    flow.append(Spacer(1, 4 * mm))
    flow.append(Paragraph(document.text(_("ANNEX: FIGURES BY AGENCY")), s["centerb"]))
    flow.extend(_annex(summary, s, family))
    footer = _(
        "Made by the coordination tracker at %(when)s; data up to %(cutoff)s.",
        when=fmt_datetime(utcnow()),
        cutoff=fmt_date(summary.cutoff),
    )
    return document.Document(
        header=header,
        flowables=flow,
        signature=document.Signature(capacity=_("FOR THE HEAD"), title=_("DEPUTY HEAD"), name=""),
        recipients=[
            _("The Standing Committee of the Provincial Party Committee"),
            _("The Central Propaganda and Mass Mobilisation Commission"),
            _("The departments of the education-science bloc"),
        ],
        meta_title=subject,
        meta_author=names["office_name"],
        meta_subject=_("Coordination programme of the education-science bloc"),
        footer=footer,
    )


def _p(value: str, s, style: str = "body") -> Paragraph:
    return Paragraph(document.text(value), s[style])


def _programme_lines(summary: Summary) -> list:
    """The agencies the programme binds: the Office appears only for the issues it flagged."""
    return [
        line
        for line in summary.lines
        if not line.agency.is_office or line.discipline.expected or line.commitments.total
    ]


def _name(line) -> str:
    name = line.agency.name_vi
    return f"{name} ({line.history})" if line.history else name


def _overview(summary: Summary, s, family) -> list:
    d = summary.discipline
    by_status = summary.commitments_by_status
    parts = [
        _(
            "This report covers %(scope)s, from %(first)s to %(last)s, for %(agencies)d agencies.",
            scope=summary.scope.label,
            first=fmt_date(summary.scope.first),
            last=fmt_date(summary.cutoff),
            agencies=len(_programme_lines(summary)),
        ),
        _(
            "Reports: %(expected)d expected, %(received)d received, %(on_time)d on time "
            "(%(rate)s of those due), %(late)d late, %(missing)d missing.",
            expected=d.expected,
            received=d.received,
            on_time=d.on_time,
            rate=fmt_percent(d.on_time_rate),
            late=d.late,
            missing=d.missing,
        ),
        _(
            "Commitments: %(total)d in all, %(done)d done, %(in_progress)d in progress, "
            "%(overdue)d overdue.",
            total=summary.commitments_total,
            done=by_status[CommitmentStatus.DONE],
            in_progress=by_status[CommitmentStatus.IN_PROGRESS],
            overdue=by_status[CommitmentStatus.OVERDUE],
        ),
        _(
            "Public-opinion issues: %(total)d flagged, %(open)d still open; median time to "
            "resolve %(median)s days.",
            total=summary.issues_total,
            open=summary.issues_open,
            median=_median(summary),
        ),
    ]
    return [_p(text, s) for text in parts]


def _median(summary: Summary) -> str:
    value = summary.median_days_to_resolve
    if value is None:
        return "–"
    return f"{value:g}".replace(".", ",")


def _results(summary: Summary, s, family) -> list:
    rows = [
        [
            _("Agency"),
            _("Commitments"),
            _("Done"),
            _("In progress"),
            _("Overdue"),
            _("Average progress"),
        ]
    ]
    for line in _programme_lines(summary):
        c = line.commitments
        average = c.average_progress
        rows.append(
            [
                _name(line),
                str(c.total),
                str(c.by_status.get(CommitmentStatus.DONE, 0)),
                str(c.by_status.get(CommitmentStatus.IN_PROGRESS, 0)),
                str(c.by_status.get(CommitmentStatus.OVERDUE, 0)),
                "–" if average is None else f"{average}%",
            ]
        )
    out = [
        document.simple_table(rows, [WIDTH * 0.4] + [WIDTH * 0.12] * 5, family),
        Spacer(1, 3 * mm),
    ]
    if summary.highlights:
        out.append(_p(_("Highlights from the accepted reports:"), s, "h2"))
    for quote in summary.highlights:
        out.append(_p(f"{quote.agency.name_vi} ({quote.period}):", s, "plain"))
        out.append(_p(quote.text, s))
    return out


def _discipline(summary: Summary, s, family) -> list:
    rows = [
        [
            _("Agency"),
            _("Expected"),
            _("Received"),
            _("On time"),
            _("Late"),
            _("Missing"),
            _("Not yet due"),
            _("On-time rate"),
        ]
    ]
    for line in _programme_lines(summary):
        rows.append([_name(line), *_discipline_cells(line.discipline)])
    rows.append([_("Whole bloc"), *_discipline_cells(summary.discipline)])
    return [
        document.simple_table(rows, [WIDTH * 0.3] + [WIDTH * 0.1] * 7, family),
        Spacer(1, 3 * mm),
        *_chart(summary, family),
    ]


def _discipline_cells(d) -> list[str]:
    return [
        str(d.expected),
        str(d.received),
        str(d.on_time),
        str(d.late),
        str(d.missing),
        str(d.not_due),
        fmt_percent(d.on_time_rate),
    ]


#: Bars per chart: a national bloc's agencies do not fit one page's chart, so they are split.
CHART_ROWS = 30


def _chart(summary: Summary, family: str) -> list:
    """On-time rate per agency, as horizontal bars (every string in the embedded font), in
    charts of at most CHART_ROWS agencies, each fitting a page."""
    lines = [line for line in summary.lines if line.discipline.expected]
    if not lines:
        return [_chart_drawing([], family, titled=True)]
    return [
        _chart_drawing(lines[start : start + CHART_ROWS], family, titled=start == 0)
        for start in range(0, len(lines), CHART_ROWS)
    ]


def _chart_drawing(lines: list, family: str, titled: bool):
    height = (14 if titled else 9) * mm + 7 * mm * max(1, len(lines))
    drawing = Drawing(WIDTH, height)
    if titled:
        drawing.add(
            String(
                0,
                height - 9,
                _("On-time rate by agency (%)"),
                fontName=f"{family}-Bold",
                fontSize=10,
            )
        )
    if not lines:
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = 45 * mm, 8 * mm
    chart.width, chart.height = WIDTH - 55 * mm, 7 * mm * len(lines)
    rates = [round((line.discipline.on_time_rate or 0) * 100) for line in lines]
    chart.data = [list(reversed(rates))]
    chart.categoryAxis.categoryNames = [line.agency.code for line in reversed(lines)]
    chart.categoryAxis.labels.fontName = family
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = family
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.bars[0].fillColor = colors.HexColor("#1f4e79")
    chart.barLabels.fontName = family
    chart.barLabels.fontSize = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return KeepTogether([drawing])


def _count_table(title: str, counts: dict, label, family) -> object:
    rows = [[title, _("Issues")]]
    rows += [[str(label(key)), str(number)] for key, number in counts.items()]
    return document.simple_table(rows, [WIDTH * 0.6, WIDTH * 0.2], family)


def _issues(summary: Summary, s, family) -> list:
    out = [
        _count_table(_("Field"), summary.issues_by_field, labels.label, family),
        Spacer(1, 2 * mm),
        _count_table(_("Sensitivity"), summary.issues_by_sensitivity, labels.label, family),
        Spacer(1, 2 * mm),
        _count_table(_("Source"), summary.issues_by_source, labels.label, family),
        Spacer(1, 2 * mm),
        _count_table(_("Status"), summary.issues_by_status, labels.label, family),
        Spacer(1, 2 * mm),
        _p(
            _(
                "Median time from first seen to resolved: %(median)s days.",
                median=_median(summary),
            ),
            s,
        ),
    ]
    if summary.open_issues:
        out.append(_p(_("Still open (%(count)d):", count=summary.issues_open), s, "h2"))
        rows = [[_("Issue"), _("Responsible agency"), _("Sensitivity"), _("First seen")]]
        for issue in summary.open_issues:
            rows.append(
                [
                    issue.title,
                    issue.responsible_agency.code if issue.responsible_agency else "–",
                    str(labels.label(issue.sensitivity)),
                    fmt_date(issue.first_seen_on),
                ]
            )
        out.append(
            document.simple_table(
                rows, [WIDTH * 0.5, WIDTH * 0.15, WIDTH * 0.17, WIDTH * 0.18], family
            )
        )
        more = summary.issues_open - len(summary.open_issues)
        if more > 0:
            out.append(_p(_("… and %(count)d more.", count=more), s, "plain"))
    return out


def _commitments(summary: Summary, s, family) -> list:
    out = [_count_table(_("Status"), summary.commitments_by_status, labels.label, family)]
    overdue = summary.commitments_by_status[CommitmentStatus.OVERDUE]
    if overdue:
        out.append(_p(_("Overdue (%(count)d):", count=overdue), s, "h2"))
        rows = [[_("Commitment"), _("Agency"), _("Due"), _("Progress")]]
        for c in summary.overdue_commitments:
            rows.append(
                [
                    c.title,
                    c.responsible_agency.code,
                    fmt_date(c.due_date),
                    f"{c.progress}%",
                ]
            )
        out.append(
            document.simple_table(
                rows, [WIDTH * 0.52, WIDTH * 0.15, WIDTH * 0.18, WIDTH * 0.15], family
            )
        )
        more = overdue - len(summary.overdue_commitments)
        if more > 0:
            out.append(_p(_("… and %(count)d more.", count=more), s, "plain"))
    return out


def _shortcomings(summary: Summary, s, family) -> list:
    d = summary.discipline
    out = []
    late_agencies = [
        line for line in summary.lines if line.discipline.missing or line.discipline.late
    ]
    if d.missing or d.late:
        out.append(
            _p(
                _(
                    "%(missing)d reports were never sent and %(late)d came late, from "
                    "%(agencies)s.",
                    missing=d.missing,
                    late=d.late,
                    agencies=", ".join(line.code for line in late_agencies),
                ),
                s,
            )
        )
    overdue = summary.commitments_by_status[CommitmentStatus.OVERDUE]
    if overdue:
        out.append(_p(_("%(count)d commitments are past their due date.", count=overdue), s))
    if summary.issues_open:
        out.append(
            _p(
                _("%(count)d public-opinion issues are still open.", count=summary.issues_open),
                s,
            )
        )
    if summary.shortcomings:
        out.append(_p(_("Raised in the agencies' latest accepted reports:"), s, "h2"))
    for quote in summary.shortcomings:
        out.append(_p(f"{quote.agency.name_vi} ({quote.period}): {quote.text}", s))
    return out or [_p("–", s)]


def _tasks(summary: Summary, s, family) -> list:
    out = []
    for quote in summary.tasks:
        out.append(_p(f"{quote.agency.name_vi} ({quote.period}):", s, "plain"))
        out.append(_p(quote.text, s))
    return out or [_p("–", s)]


def _annex(summary: Summary, s, family) -> list:
    out = []
    for line in summary.lines:
        d, c = line.discipline, line.commitments
        rows = [
            [_name(line), ""],
            [
                _("Reports expected / received / on time"),
                f"{d.expected} / {d.received} / {d.on_time}",
            ],
            [_("On-time rate"), fmt_percent(d.on_time_rate)],
            [
                _("Commitments / done / overdue"),
                f"{c.total} / {c.by_status.get(CommitmentStatus.DONE, 0)} / "
                f"{c.by_status.get(CommitmentStatus.OVERDUE, 0)}",
            ],
            [_("Issues flagged"), str(line.issues_flagged)],
            [_("Open issues in its charge"), str(line.issues_open)],
        ]
        out.append(
            KeepTogether(
                [
                    document.simple_table(rows, [WIDTH * 0.62, WIDTH * 0.3], family),
                    Spacer(1, 3 * mm),
                ]
            )
        )
    return out
