"""Downloads of attached files: by database id, only for who may see the record the file
belongs to, always as a download (never shown inline), never cached."""

from flask import abort, send_file

from tracker.extensions import db
from tracker.files import bp
from tracker.models import Attachment
from tracker.permissions import (
    Permission,
    can_view_agreement,
    can_view_commitment,
    can_view_issue,
    can_view_report,
    has_permission,
    permission_required,
    visible_or_404,
)
from tracker.services import attachments


def _may_see(user, attachment: Attachment) -> bool:
    owner = attachments.owner_of(attachment)
    checks = {
        "agreement": lambda: can_view_agreement(user, owner),
        "commitment_update": lambda: can_view_commitment(user, owner.commitment),
        "report": lambda: can_view_report(user, owner),
        "report_version": lambda: can_view_report(user, owner.report),
        "issue": lambda: can_view_issue(user, owner),
        "bloc_document": lambda: has_permission(user, Permission.VIEW_DOCUMENTS),
    }
    return checks[attachment.owner_type]()


@bp.route("/attachments/<int:attachment_id>")
@permission_required(Permission.VIEW_HOME)
def download(attachment_id: int):
    attachment = visible_or_404(db.session.get(Attachment, attachment_id), _may_see)
    path = attachments.path_of(attachment)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=attachment.content_type,
        as_attachment=True,
        download_name=attachment.original_name,
        conditional=False,
        etag=False,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
