"""Entry point for ``flask run`` and gunicorn (``gunicorn run:app``)."""

from tracker import create_app

app = create_app()
