"""Error pages in the user's language; never a stack trace, never a lost form."""

from flask import Flask, g, render_template, request
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from tracker import throttle
from tracker.api.core import problem


def init_app(app: Flask) -> None:
    def page(code: int, title: str, message: str):
        if request.path.startswith("/api/"):
            return problem(code, message)
        return render_template("errors/error.html", code=code, title=title, message=message), code

    @app.errorhandler(400)
    def bad_request(e):
        return page(400, _("Bad request"), _("The request could not be understood."))

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        # A form whose token expired comes back with what was typed and a message (the form
        # itself refuses the token, so the view does nothing): see tracker.web.forms.
        # It answers 400 either way, so the request's transaction is rolled back: nothing is
        # written, and a script sees the refusal.
        view = app.view_functions.get(request.endpoint or "")
        if request.method == "POST" and getattr(view, "shows_form_on_expired_token", False):
            try:
                response = app.make_response(app.ensure_sync(view)(**(request.view_args or {})))
            except HTTPException:
                response = None  # not theirs to post (403, 404): the plain refusal below
            if response is not None and response.status_code in (200, 400, 422):
                response.status_code = 400
                return response
            # The token refused the request before anything else: a denial met while showing
            # the form again is not an event of its own.
            g.pop("security_events", None)
        return page(
            400,
            _("The form has expired"),
            _("For your security the form expired. Go back, reload the page and try again."),
        )

    @app.errorhandler(403)
    def forbidden(e):
        return page(403, _("Not allowed"), _("Your account does not have access to this page."))

    @app.errorhandler(404)
    def not_found(e):
        return page(404, _("Page not found"), _("The page or record you asked for does not exist."))

    @app.errorhandler(405)
    def method_not_allowed(e):
        return page(405, _("Not allowed"), _("This action is not available here."))

    @app.errorhandler(413)
    def too_large(e):
        limit = app.config.get("MAX_CONTENT_LENGTH") or 0
        return page(
            413,
            _("File too large"),
            _(
                "What you sent is larger than the allowed %(size)d MB, so nothing was saved. "
                "Choose a smaller file (or split it), then try again.",
                size=max(1, round(limit / (1024 * 1024))),
            ),
        )

    @app.errorhandler(RateLimitExceeded)
    def too_many_attempts(e):
        from tracker.auth.forms import LoginForm
        from tracker.auth.routes import login_page

        if request.path.startswith("/api/"):
            response = problem(429, throttle.message())
        elif request.endpoint == "auth.login":
            # The login form again, with the user's name kept and when to try again.
            response = app.make_response(login_page(LoginForm(), throttle.message(), 429))
        else:
            response = app.make_response(page(429, _("Too many attempts"), throttle.message()))
        response.headers["Retry-After"] = str(throttle.retry_after_seconds())
        return response

    @app.errorhandler(500)
    def server_error(e):
        return page(
            500,
            _("Something went wrong"),
            _("The error has been logged. Please try again in a moment."),
        )
