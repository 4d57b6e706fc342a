"""Forms of the report workflow."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget

from tracker.agreements.forms import version_field
from tracker.enums import ReviewDecision
from tracker.services import attachments
from tracker.services.reports import COMMENTABLE, MAX_SECTION
from tracker.web.forms import Required, TrackerForm, TrackerSubForm

REQUIRED = _l("This field is required.")
TOO_LONG = _l("This field cannot be longer than %(max)d characters.")

#: The sections as a report names them (DOMAIN.md).
SECTION_LABELS = {
    "situation": _l("Ideological situation and public opinion"),
    "results": _l("Results of coordination"),
    "commitments": _l("Progress on each commitment"),
    "emerging_issues": _l("Emerging and sensitive issues"),
    "proposals": _l("Proposals"),
    "next_tasks": _l("Tasks for the next period"),
    "attachments": _l("Attachments"),
}


def _section(name: str, description=None, rows: int = 6):
    return TextAreaField(
        SECTION_LABELS[name],
        validators=[Length(max=MAX_SECTION, message=TOO_LONG)],
        description=description,
        render_kw={"rows": rows},
    )


class CommitmentLineForm(TrackerSubForm):
    commitment_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    note = TextAreaField(
        _l("This period"),
        validators=[Length(max=5000, message=TOO_LONG)],
        render_kw={"rows": 2},
    )
    progress = IntegerField(
        _l("Progress (%)"),
        validators=[Optional(), NumberRange(0, 100, _l("Enter a number from %(min)s to %(max)s."))],
        render_kw={"min": 0, "max": 100},
    )


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ReportForm(TrackerForm):
    title = StringField(_l("Title"), validators=[Length(max=300, message=TOO_LONG)])
    situation = _section(
        "situation",
        _l("The mood among officials, teachers, doctors…; what the public talks about."),
    )
    results = _section("results", _l("What was done together with the Office this period."))
    lines = FieldList(FormField(CommitmentLineForm), min_entries=0, max_entries=200)
    emerging_issues = _section(
        "emerging_issues", _l("Hot and sensitive matters; link the flagged issues below.")
    )
    issue_ids = MultiCheckboxField(_l("Flagged issues this report speaks of"), coerce=int)
    proposals = _section("proposals", rows=4)
    next_tasks = _section("next_tasks", rows=4)
    file = FileField(
        _l("Add a file"),
        description=_l("PDF, image, Word or Excel, at most 15 MB. Saved with the draft."),
        render_kw={"accept": attachments.accepted_extensions()},
    )
    version = version_field()
    save = SubmitField(_l("Save the draft"))
    send = SubmitField(_l("Send to the Office"))

    def __init__(self, *args, issues=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.issue_ids.choices = list(issues)

    def submitting(self) -> bool:
        return bool(self.send.data)

    def lines_values(self) -> tuple[dict[int, str], dict[int, int | None]]:
        notes, progress = {}, {}
        for entry in self.lines:
            cid = entry.form.commitment_id.data
            if cid is None:
                continue
            notes[cid] = entry.form.note.data or ""
            progress[cid] = entry.form.progress.data
        return notes, progress


class ReviewForm(TrackerForm):
    decision = RadioField(
        _l("Review decision"),
        validators=[Required(_l("Choose to accept the report or return it."))],
    )
    comment = TextAreaField(
        _l("Comment for the agency"),
        validators=[Length(max=5000, message=TOO_LONG)],
        description=_l("Required when you return the report."),
        render_kw={"rows": 4},
    )
    version = version_field()
    submit = SubmitField(_l("Record the decision"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the reader's language: the choices are made per request.
        self.decision.choices = [
            (ReviewDecision.ACCEPTED.value, _l("Accept the report")),
            (ReviewDecision.RETURNED.value, _l("Return it for revision")),
        ]

    def section_comments(self) -> dict[str, str]:
        return {name: self[f"on_{name}"].data or "" for name in COMMENTABLE}


for _name in COMMENTABLE:
    setattr(
        ReviewForm,
        f"on_{_name}",
        TextAreaField(
            SECTION_LABELS[_name],
            validators=[Length(max=5000, message=TOO_LONG)],
            render_kw={"rows": 2},
        ),
    )


class ReopenForm(TrackerForm):
    reason = TextAreaField(
        _l("Why it is reopened"),
        validators=[Required(REQUIRED), Length(max=2000, message=TOO_LONG)],
        render_kw={"rows": 3},
    )
    version = version_field()
    submit = SubmitField(_l("Reopen the report"))


class AdHocForm(TrackerForm):
    title = StringField(
        _l("Title"),
        validators=[Required(REQUIRED), Length(max=300, message=TOO_LONG)],
        description=_l("For example: Báo cáo nhanh vụ ngộ độc thực phẩm tại trường Tiểu học…"),
    )
    window_start = DateField(_l("Covers from"), validators=[Required(_l("Enter a date."))])
    window_end = DateField(_l("Covers until"), validators=[Required(_l("Enter a date."))])
    deadline = DateField(
        _l("Requested by"),
        validators=[Optional()],
        description=_l("When the Office asked for it by a date."),
    )
    submit = SubmitField(_l("Start the report"))


class StartForm(TrackerForm):
    kind = HiddenField()
    period = HiddenField()
