"""Forms of agreements, commitments, progress updates and bloc documents. Each form's
``values()`` is what its service takes."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from tracker.admin.forms import enum_value, none_choice, optional_id
from tracker.enums import AgreementStatus, Metric, PartyRole, Recurrence, Sector
from tracker.labels import choices
from tracker.services import attachments
from tracker.services.agreements import PartyInput
from tracker.services.commitments import FigureInput
from tracker.web.forms import Required, TrackerForm, TrackerSubForm

REQUIRED = _l("This field is required.")
TOO_LONG = _l("This field cannot be longer than %(max)d characters.")
NOT_A_DATE = _l("Enter a date.")


def version_field():
    """The record's version as the form was loaded: a second save of a stale form is refused
    instead of overwriting someone else's change."""
    return IntegerField(widget=HiddenInput(), validators=[Optional()])


class PartyForm(TrackerSubForm):
    agency_id = SelectField(_l("Agency"), coerce=optional_id, validate_choice=False)
    role = SelectField(_l("Role"), coerce=enum_value, validate_choice=False)
    signatory = StringField(
        _l("Signatory"),
        validators=[Length(max=200, message=TOO_LONG)],
    )


class AgreementForm(TrackerForm):
    number = StringField(
        _l("Number and symbol"),
        validators=[Required(REQUIRED), Length(max=60, message=TOO_LONG)],
        description=_l("For example 05-CTr/BTGTU-SGDDT. Unique within its term."),
    )
    title = StringField(
        _l("Title"), validators=[Required(REQUIRED), Length(max=500, message=TOO_LONG)]
    )
    term_id = SelectField(_l("Term"), coerce=optional_id, validators=[Required(REQUIRED)])
    signed_on = DateField(_l("Signing date"), validators=[Optional()])
    status = SelectField(_l("Status"), coerce=enum_value)
    summary = TextAreaField(
        _l("Summary"), validators=[Length(max=5000, message=TOO_LONG)], render_kw={"rows": 4}
    )
    parties = FieldList(FormField(PartyForm), min_entries=4, max_entries=10)
    version = version_field()
    submit = SubmitField(_l("Save the agreement"))

    def __init__(self, *args, terms=(), agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.term_id.choices = [none_choice(), *terms]
        self.status.choices = choices(AgreementStatus)
        for entry in self.parties:
            entry.form.agency_id.choices = [none_choice(), *agencies]
            entry.form.role.choices = choices(PartyRole)
        self._agency_ids = {value for value, _label in agencies}

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for entry in self.parties:
            agency_id = entry.form.agency_id.data
            if agency_id is not None and str(agency_id) not in self._agency_ids:
                errors = entry.form.agency_id.errors
                entry.form.agency_id.errors = [*errors, _l("Not a valid choice.")]
                valid = False
            if entry.form.role.data not in {r.value for r in PartyRole}:
                entry.form.role.errors = [*entry.form.role.errors, _l("Not a valid choice.")]
                valid = False
        return valid

    def party_inputs(self) -> list[PartyInput]:
        return [
            PartyInput(
                agency_id=entry.form.agency_id.data,
                role=PartyRole(entry.form.role.data),
                signatory=entry.form.signatory.data or "",
            )
            for entry in self.parties
            if entry.form.agency_id.data is not None
        ]

    def values(self) -> dict:
        return {
            "number": self.number.data,
            "title": self.title.data,
            "term_id": self.term_id.data,
            "signed_on": self.signed_on.data,
            "status": self.status.data,
            "summary": self.summary.data,
        }


class ScanForm(TrackerForm):
    file = FileField(
        _l("Signed scan"),
        validators=[Required(_l("Choose a file."))],
        description=_l("PDF, PNG or JPEG, at most 15 MB."),
        render_kw={"accept": attachments.accepted_extensions(attachments.SCANS)},
    )
    submit = SubmitField(_l("Upload the scan"))


class CommitmentForm(TrackerForm):
    responsible_agency_id = SelectField(_l("Responsible agency"), coerce=optional_id)
    field = SelectField(_l("Field"), coerce=enum_value)
    title = StringField(
        _l("Title"), validators=[Required(REQUIRED), Length(max=300, message=TOO_LONG)]
    )
    description = TextAreaField(
        _l("Description"), validators=[Length(max=5000, message=TOO_LONG)], render_kw={"rows": 4}
    )
    evidence_expected = TextAreaField(
        _l("Evidence expected"),
        validators=[Length(max=2000, message=TOO_LONG)],
        description=_l("What will show it is done: a plan issued, classes held, a report…"),
        render_kw={"rows": 2},
    )
    recurrence = SelectField(
        _l("How often"),
        coerce=enum_value,
        description=_l("A one-off commitment has a due date; a recurring one runs all term."),
    )
    due_date = DateField(
        _l("Due date"),
        validators=[Optional()],
        description=_l("Within the agreement's term."),
    )
    version = version_field()
    submit = SubmitField(_l("Save the commitment"))

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.responsible_agency_id.choices = list(agencies)
        self.field.choices = choices(Sector)
        self.recurrence.choices = choices(Recurrence)

    def values(self) -> dict:
        return {
            "responsible_agency_id": self.responsible_agency_id.data,
            "field": self.field.data,
            "title": self.title.data,
            "description": self.description.data,
            "evidence_expected": self.evidence_expected.data,
            "due_date": self.due_date.data,
            "recurrence": self.recurrence.data,
        }


class FigureForm(TrackerSubForm):
    metric = SelectField(_l("Figure"), coerce=enum_value, validate_choice=False)
    value = IntegerField(_l("Number"), validators=[Optional(), NumberRange(0, 10_000_000)])


class UpdateForm(TrackerForm):
    recorded_on = DateField(_l("Date"), validators=[Required(NOT_A_DATE)])
    progress = IntegerField(
        _l("Progress (%)"),
        validators=[
            Required(_l("Enter a whole number.")),
            NumberRange(0, 100, _l("Enter a number from %(min)s to %(max)s.")),
        ],
        render_kw={"min": 0, "max": 100},
    )
    note = TextAreaField(
        _l("What was done"),
        validators=[Required(REQUIRED), Length(max=5000, message=TOO_LONG)],
        render_kw={"rows": 4},
    )
    figures = FieldList(FormField(FigureForm), min_entries=2, max_entries=6)
    evidence_url = StringField(
        _l("Link to the evidence"),
        validators=[Length(max=500, message=TOO_LONG)],
        description=_l("An article, a decision or a photo album on the web (optional)."),
        render_kw={"type": "url", "inputmode": "url"},
    )
    file = FileField(
        _l("Evidence file"),
        description=_l("PDF, image, Word or Excel, at most 15 MB (optional)."),
        render_kw={"accept": attachments.accepted_extensions()},
    )
    corrects_id = SelectField(
        _l("Corrects an earlier update"), coerce=optional_id, validate_choice=False
    )
    mark_done = BooleanField(
        _l("This commitment is complete"),
        description=_l("Mark it done even if the figure is below 100 %."),
    )
    submit = SubmitField(_l("Record the update"))

    def __init__(self, *args, earlier=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.corrects_id.choices = [none_choice(), *earlier]
        for entry in self.figures:
            entry.form.metric.choices = [none_choice(), *choices(Metric)]

    def figure_inputs(self) -> list[FigureInput]:
        return [
            FigureInput(entry.form.metric.data, entry.form.value.data)
            for entry in self.figures
            if entry.form.metric.data and entry.form.value.data is not None
        ]

    def values(self) -> dict:
        return {
            "recorded_on": self.recorded_on.data,
            "progress": self.progress.data,
            "note": self.note.data,
            "evidence_url": self.evidence_url.data,
            "figures": self.figure_inputs(),
            "upload": self.file.data,
            "corrects_id": self.corrects_id.data,
            "mark_done": self.mark_done.data,
        }


class CancelForm(TrackerForm):
    reason = TextAreaField(
        _l("Why it is cancelled"),
        validators=[Required(REQUIRED), Length(max=2000, message=TOO_LONG)],
        render_kw={"rows": 3},
    )
    version = version_field()
    submit = SubmitField(_l("Cancel the commitment"))


class ConfirmCommitmentForm(TrackerForm):
    version = version_field()
    submit = SubmitField(_l("Confirm the commitment"))
