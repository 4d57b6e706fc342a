"""Bloc documents: the Office's guidance and plans, read by every agency of the bloc."""

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.documents import bp
from tracker.documents.forms import DocumentForm
from tracker.enums import DocumentKind
from tracker.extensions import db
from tracker.permissions import Permission, permission_required
from tracker.services import calendar
from tracker.services import documents as service
from tracker.web.forms import form_page, form_view, handle
from tracker.web.listing import Filters, enum_param, paginate
from tracker.web.page_cache import cached_page


@bp.route("/documents")
@permission_required(Permission.VIEW_DOCUMENTS)
@cached_page
def index():
    filters = Filters({"kind": enum_param(DocumentKind)})
    page = paginate(service.list_query(filters["kind"]))
    return render_template(
        "documents/index.html", page=page, filters=filters, kinds=list(DocumentKind)
    )


@bp.route("/documents/<int:document_id>")
@permission_required(Permission.VIEW_DOCUMENTS)
@cached_page
def detail(document_id: int):
    item = db.first_or_404(service.detail_query(document_id))
    return render_template("documents/detail.html", item=item)


@bp.route("/documents/new", methods=["GET", "POST"])
@permission_required(Permission.POST_DOCUMENTS)
@form_view
def new():
    form = DocumentForm()
    if not form.is_submitted():
        form.issued_on.data = calendar.today_local()
    done = handle(
        form,
        lambda: service.post(current_user._get_current_object(), **form.values()),
        message=_("The document is posted for the whole bloc."),
        next_url=lambda d: url_for("documents.detail", document_id=d.id),
    )
    return done or form_page("documents/form.html", form)
