"""Bringing the history in and taking it out: the Office's import page (upload → dry run →
confirm), the templates, and the export of what the user may see."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from tracker.extensions import db
from tracker.models import ImportBatch
from tracker.permissions import Permission, has_permission, permission_required
from tracker.services import attachments
from tracker.services import transfer as service
from tracker.transfer import bp
from tracker.transfer.forms import ConfirmForm, UndoForm, UploadForm
from tracker.web.forms import INVALID, form_view, handle

XLSX = attachments.XLSX.content_type
TEMPLATE_NAMES = {
    "agencies": "mau-co-quan.xlsx",
    "agreements": "mau-chuong-trinh.xlsx",
    "commitments": "mau-noi-dung-phoi-hop.xlsx",
    "updates": "mau-cap-nhat-tien-do.xlsx",
    "reports": "mau-bao-cao.xlsx",
    "issues": "mau-van-de-du-luan.xlsx",
    "all": "mau-day-du.xlsx",
}


TEMPLATE_LABELS = {
    "agencies": _l("Agencies"),
    "agreements": _l("Terms, agreements and their parties"),
    "commitments": _l("Commitments"),
    "updates": _l("Progress updates of commitments"),
    "reports": _l("Periodic reports"),
    "issues": _l("Flagged public-opinion issues"),
    "all": _l("Every sheet in one workbook"),
}


def _actor():
    return current_user._get_current_object()


def _xlsx(data: bytes, filename: str) -> Response:
    return Response(
        data,
        mimetype=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


#: How many past imports the page lists.
BATCHES_LISTED = 20


def _page(form: UploadForm, status: int = 200, **context):
    can_import = has_permission(current_user, Permission.IMPORT_RECORDS)
    batches = (
        db.session.scalars(service.batches_query().limit(BATCHES_LISTED)).all()
        if can_import
        else []
    )
    context.setdefault("undo_form", UndoForm(formdata=None))
    return (
        render_template(
            "transfer/index.html",
            form=form,
            can_import=can_import,
            batches=batches,
            templates=list(TEMPLATE_NAMES),
            template_labels=TEMPLATE_LABELS,
            sheets=service.SHEETS,
            **context,
        ),
        status,
    )


@bp.route("/transfer/")
@permission_required(Permission.EXPORT_RECORDS)
def index():
    return _page(UploadForm())


@bp.route("/transfer/export.xlsx")
@permission_required(Permission.EXPORT_RECORDS)
def export():
    return _xlsx(service.export_workbook(_actor()), service.export_filename())


@bp.route("/transfer/template.xlsx")
@permission_required(Permission.IMPORT_RECORDS)
def template():
    """The template of one kind of record (``?kind=reports``), every sheet by default."""
    kind = request.args.get("kind", "all")
    if kind not in TEMPLATE_NAMES:
        abort(404)
    return _xlsx(service.template(kind), TEMPLATE_NAMES[kind])


@bp.route("/transfer/check", methods=["POST"])
@permission_required(Permission.IMPORT_RECORDS)
@form_view
def check():
    """The dry run: every problem listed, nothing written; the file kept for the
    confirmation when it has none."""
    form = UploadForm()
    if not form.validate_on_submit():
        return _page(form, INVALID)
    upload = form.file.data
    data = upload.read(attachments.MAX_FILE_BYTES + 1)
    name = upload.filename or ""
    result = service.import_workbook(_actor(), data, name, dry_run=True)
    if not result.ok:
        return _page(form, INVALID, result=result, name=name)
    confirm = ConfirmForm(formdata=None, upload=service.keep_upload(_actor(), data), name=name)
    return _page(form, result=result, name=name, confirm=confirm)


@bp.route("/transfer/confirm", methods=["POST"])
@permission_required(Permission.IMPORT_RECORDS)
def confirm():
    """The import itself, in the request's one transaction: all or nothing."""
    form = ConfirmForm()
    data = service.pending_upload(_actor(), form.upload.data) if form.validate() else None
    if data is None:
        upload_form = UploadForm(formdata=None)
        upload_form.form_errors.append(
            _("The checked file is no longer available: upload it again.")
        )
        return _page(upload_form, INVALID)
    name = form.name.data or ""
    result = service.import_workbook(_actor(), data, name, dry_run=False)
    if not result.ok:
        return _page(UploadForm(formdata=None), INVALID, result=result, name=name)
    service.drop_upload(_actor(), form.upload.data)
    flash(
        _(
            "Imported %(name)s: %(created)d new records, %(updated)d changed, "
            "%(unchanged)d unchanged.",
            name=name,
            created=result.total("created"),
            updated=result.total("updated"),
            unchanged=result.total("unchanged"),
        ),
        "success",
    )
    return redirect(url_for("transfer.index"))


@bp.route("/transfer/imports/<int:batch_id>/undo", methods=["POST"])
@permission_required(Permission.IMPORT_RECORDS)
@form_view
def undo(batch_id: int):
    """Undo an import: the records it created are removed while nothing newer depends on
    them; otherwise the page says why, and nothing changes."""
    batch = db.session.get(ImportBatch, batch_id)
    if batch is None:
        abort(404)
    form = UndoForm()
    done = handle(
        form,
        lambda: service.undo_batch(_actor(), batch),
        message=lambda removed: _(
            "The import of %(name)s was undone: %(count)d records removed.",
            name=batch.filename,
            count=sum(removed.values()),
        ),
        next_url=url_for("transfer.index"),
    )
    if done is not None:
        return done
    return _page(UploadForm(formdata=None), INVALID, undo_form=form, undo_batch_id=batch_id)
