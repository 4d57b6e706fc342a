"""The import page's forms: the upload (checked by a dry run) and the confirmation."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import HiddenField, SubmitField

from tracker.web.forms import Required, TrackerForm


class UploadForm(TrackerForm):
    file = FileField(
        _l("Workbook (XLSX)"),
        validators=[Required(_l("Choose a file."))],
        description=_l("The export's format or one of the templates above."),
        render_kw={"accept": ".xlsx"},
    )
    submit = SubmitField(_l("Check the file"))


class ConfirmForm(TrackerForm):
    upload = HiddenField(validators=[Required()])
    name = HiddenField()
    submit = SubmitField(_l("Import these records"))


class UndoForm(TrackerForm):
    """Undo one import batch (its records removed while nothing newer depends on them)."""

    submit = SubmitField(_l("Undo this import"))
