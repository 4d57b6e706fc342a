"""One report as a Party document: its agency's header, its sections, the progress on each
commitment, the issues it speaks of, the submitter's name and the recipients."""

from flask_babel import force_locale
from flask_babel import gettext as _
from reportlab.platypus import Paragraph

from tracker.formatting import fmt_datetime, period_name, report_title
from tracker.models.base import utcnow
from tracker.pdf import document, fonts
from tracker.services import calendar, settings


def render(report, shown, commitment_titles: dict[str, str]) -> bytes:
    """The PDF of ``report`` showing ``shown`` (the report's draft text, or a frozen version)."""
    with force_locale("vi"):
        return _render(report, shown, commitment_titles)


def _render(report, shown, commitment_titles) -> bytes:
    family = fonts.register()
    s = document.styles(family)
    moment = getattr(shown, "submitted_at", None) or report.last_submitted_at
    dated = calendar.local_date(moment) if moment else calendar.today_local()
    names = settings.get_all(on=dated)
    agency = report.agency
    title = report_title(report.kind, report.period)
    header = document.Header(
        committee=names["party_committee_name"],
        body=agency.name_vi,
        number=f"Số      -BC/{agency.code}",
        place=names["province_name"],
        dated=dated,
        kind=_("REPORT"),
        summary=report.title or title,
    )
    flow = [
        Paragraph(
            document.text(
                _(
                    "Period: %(period)s (data from %(start)s to %(end)s).",
                    period=period_name(report.kind, report.period),
                    start=report.period_start.strftime("%d/%m/%Y"),
                    end=report.period_end.strftime("%d/%m/%Y"),
                )
            ),
            s["plain"],
        )
    ]
    sections = [
        ("I", _("Ideological situation and public opinion"), shown.situation),
        ("II", _("Results of coordination"), shown.results),
    ]
    for number, heading, body in sections:
        flow.append(Paragraph(document.text(f"{number}. {heading.upper()}"), s["h1"]))
        flow.extend(_paragraphs(body, s))
    notes = shown.commitment_notes or {}
    progress = shown.commitment_progress or {}
    if notes:
        flow.append(Paragraph(document.text(_("Progress on each commitment")), s["h2"]))
        for key, note in notes.items():
            figure = progress.get(key)
            suffix = f" ({figure}%)" if figure is not None else ""
            line = f"- {commitment_titles.get(key, '')}{suffix}: {note}"
            flow.append(Paragraph(document.text(line), s["body"]))
    flow.append(
        Paragraph(document.text(f"III. {_('Emerging and sensitive issues').upper()}"), s["h1"])
    )
    flow.extend(_paragraphs(shown.emerging_issues, s))
    for issue in report.issues:
        flow.append(Paragraph(document.text(f"- {issue.title}"), s["body"]))
    for number, heading, body in (
        ("IV", _("Proposals"), shown.proposals),
        ("V", _("Tasks for the next period"), shown.next_tasks),
    ):
        flow.append(Paragraph(document.text(f"{number}. {heading.upper()}"), s["h1"]))
        flow.extend(_paragraphs(body, s))
    submitter = getattr(shown, "submitted_by", None)
    doc = document.Document(
        header=header,
        flowables=flow,
        signature=document.Signature(
            capacity="", title=_("LIAISON OFFICER"), name=submitter.full_name if submitter else ""
        ),
        recipients=[settings.get_all(on=dated)["office_name"], _("The agency's leadership")],
        meta_title=f"{title} – {agency.name_vi}",
        meta_author=agency.name_vi,
        meta_subject=_("Coordination programme of the education-science bloc"),
        footer=_("Made by the coordination tracker at %(when)s.", when=fmt_datetime(utcnow())),
    )
    return document.build(doc)


def _paragraphs(body: str, s) -> list:
    parts = [p.strip() for p in (body or "").split("\n") if p.strip()]
    if not parts:
        return [Paragraph("–", s["body"])]
    return [Paragraph(document.text(p), s["body"]) for p in parts]
