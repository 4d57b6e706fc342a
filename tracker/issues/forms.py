"""Forms of the issues: flagging and editing, the Office's triage (status, assignment,
escalation), and comments with evidence. Each form's ``values()`` is what its service takes."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from tracker.admin.forms import enum_value, none_choice, optional_id
from tracker.agreements.forms import version_field
from tracker.enums import IssueSource, Sector, Sensitivity
from tracker.labels import choices
from tracker.services import attachments
from tracker.web.forms import Required, TrackerForm

REQUIRED = _l("This field is required.")
TOO_LONG = _l("This field cannot be longer than %(max)d characters.")
NOT_A_DATE = _l("Enter a date.")


class IssueForm(TrackerForm):
    title = StringField(
        _l("Title"),
        validators=[Required(REQUIRED), Length(max=300, message=TOO_LONG)],
        description=_l("A short, factual headline. Similar open issues are listed as you type."),
        render_kw={"autocomplete": "off"},
    )
    summary = TextAreaField(
        _l("Summary"),
        validators=[Required(REQUIRED), Length(max=5000, message=TOO_LONG)],
        description=_l("What is being said, by whom, and why it matters."),
        render_kw={"rows": 5},
    )
    field = SelectField(_l("Field"), coerce=enum_value, validators=[Required(REQUIRED)])
    responsible_agency_id = SelectField(
        _l("Responsible agency"),
        coerce=optional_id,
        validate_choice=False,
        description=_l(
            "Suggested from the field; change it if another agency answers for it. Left empty, "
            "the issue goes to the agency in charge of the field."
        ),
    )
    sensitivity = SelectField(
        _l("Sensitivity"),
        coerce=enum_value,
        validators=[Required(REQUIRED)],
        description=_l(
            "How sensitive the matter is for public opinion; it sets the response deadline."
        ),
    )
    source = SelectField(_l("Source"), coerce=enum_value, validators=[Required(REQUIRED)])
    source_outlet = StringField(
        _l("Outlet or channel"),
        validators=[Length(max=200, message=TOO_LONG)],
        description=_l("The newspaper, page, group, hotline or meeting (optional)."),
    )
    source_url = StringField(
        _l("Link"),
        validators=[Length(max=500, message=TOO_LONG)],
        render_kw={"type": "url", "inputmode": "url"},
    )
    source_date = DateField(_l("Date of the source"), validators=[Optional()])
    first_seen_on = DateField(_l("First seen"), validators=[Required(NOT_A_DATE)])
    district = StringField(
        _l("District"),
        validators=[Length(max=100, message=TOO_LONG)],
        description=_l("Up to 30 June 2025 only: from 1 July 2025 give the commune alone."),
    )
    commune = StringField(_l("Commune or ward"), validators=[Length(max=100, message=TOO_LONG)])
    agreement_id = SelectField(
        _l("Agreement it bears on"), coerce=optional_id, validate_choice=False
    )
    commitment_id = SelectField(
        _l("Commitment it bears on"),
        coerce=optional_id,
        validate_choice=False,
        description=_l("The clause of the agreement that meets this public concern, if any."),
    )
    version = version_field()
    submit = SubmitField(_l("Flag the issue"))

    def __init__(self, *args, agencies=(), agreements=(), commitments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.field.choices = [none_choice(), *choices(Sector)]
        self.sensitivity.choices = [none_choice(), *choices(Sensitivity)]
        self.source.choices = [none_choice(), *choices(IssueSource)]
        self.responsible_agency_id.choices = [none_choice(), *agencies]
        self.agreement_id.choices = [none_choice(), *agreements]
        self.commitment_id.choices = [none_choice(), *commitments]

    def values(self) -> dict:
        return {
            name: self[name].data
            for name in (
                "title",
                "summary",
                "field",
                "source",
                "source_outlet",
                "source_url",
                "source_date",
                "first_seen_on",
                "district",
                "commune",
                "sensitivity",
                "responsible_agency_id",
                "agreement_id",
                "commitment_id",
            )
        }


class TriageIssueForm(IssueForm):
    """The Office's edit: the response deadline too."""

    response_due_on = DateField(
        _l("Response due"),
        validators=[Optional()],
        description=_l("Leave empty to follow the sensitivity's setting."),
    )
    submit = SubmitField(_l("Save the issue"))

    def values(self) -> dict:
        return {**super().values(), "response_due_on": self.response_due_on.data}


class EditIssueForm(IssueForm):
    submit = SubmitField(_l("Save the issue"))


class StatusForm(TrackerForm):
    status = SelectField(_l("New status"), coerce=enum_value, validators=[Required(REQUIRED)])
    # Its own id: the issue's page also holds the comment form, whose field is "comment" too,
    # and a label must point at one field only.
    comment = TextAreaField(
        _l("Comment"),
        id="status-comment",
        validators=[Length(max=5000, message=TOO_LONG)],
        description=_l("Required when the issue is dismissed: say why."),
        render_kw={"rows": 3},
    )
    version = version_field()
    submit = SubmitField(_l("Change the status"))

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = [none_choice(), *targets]


class AssignForm(TrackerForm):
    assignee_id = SelectField(
        _l("Assign to"), coerce=optional_id, validate_choice=False, validators=[Required(REQUIRED)]
    )
    version = version_field()
    submit = SubmitField(_l("Assign"))

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.assignee_id.choices = [none_choice(), *staff]


class EscalateForm(TrackerForm):
    note = TextAreaField(
        _l("Why leadership should know"),
        validators=[Required(REQUIRED), Length(max=5000, message=TOO_LONG)],
        render_kw={"rows": 3},
    )
    version = version_field()
    submit = SubmitField(_l("Escalate to leadership"))


class CommentForm(TrackerForm):
    comment = TextAreaField(
        _l("Comment"), validators=[Length(max=5000, message=TOO_LONG)], render_kw={"rows": 3}
    )
    file = FileField(
        _l("Evidence file"),
        description=_l("PDF, image, Word or Excel, at most 15 MB (optional)."),
        render_kw={"accept": attachments.accepted_extensions()},
    )
    submit = SubmitField(_l("Add to the timeline"))
