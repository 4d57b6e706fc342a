"""The form of a bloc document."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length

from tracker.admin.forms import enum_value
from tracker.enums import DocumentKind
from tracker.labels import choices
from tracker.services import attachments
from tracker.web.forms import Required, TrackerForm

REQUIRED = _l("This field is required.")
TOO_LONG = _l("This field cannot be longer than %(max)d characters.")


class DocumentForm(TrackerForm):
    kind = SelectField(_l("Kind"), coerce=enum_value)
    number = StringField(
        _l("Number and symbol"),
        validators=[Length(max=60, message=TOO_LONG)],
        description=_l("For example 12-HD/BTGTU."),
    )
    title = StringField(
        _l("Title"), validators=[Required(REQUIRED), Length(max=300, message=TOO_LONG)]
    )
    issued_on = DateField(_l("Date of issue"), validators=[Required(_l("Enter a date."))])
    summary = TextAreaField(
        _l("Summary"), validators=[Length(max=5000, message=TOO_LONG)], render_kw={"rows": 4}
    )
    file = FileField(
        _l("File"),
        description=_l("PDF, image, Word or Excel, at most 15 MB."),
        render_kw={"accept": attachments.accepted_extensions()},
    )
    submit = SubmitField(_l("Post for the whole bloc"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices(DocumentKind)

    def values(self) -> dict:
        return {
            "kind": self.kind.data,
            "number": self.number.data,
            "title": self.title.data,
            "issued_on": self.issued_on.data,
            "summary": self.summary.data,
            "upload": self.file.data,
        }
