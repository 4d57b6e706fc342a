"""What services raise when a rule is broken; the views, the CLI and the API turn these into
messages at a field, exit codes or problem responses."""


class ValidationError(Exception):
    """A rule was broken; ``message`` is translated, ready for the user.

    ``field`` names the form field (or API body field) the message belongs to, when there is
    one. Nothing has been changed when a service raises it.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(Exception):
    """Someone else changed the record since the user loaded it (optimistic locking)."""


class NotAllowedError(Exception):
    """The action is not allowed on this object for this user, or not in its current state.

    The web layer answers 403; a record the user may not even see is a 404 before a service is
    called."""

    def __init__(self, message: str = ""):
        super().__init__(message)
        self.message = message
