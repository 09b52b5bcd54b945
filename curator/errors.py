"""Errors the domain raises. Each carries a message meant for the person at the desk."""


class CuratorError(Exception):
    """Base of every error a user can be shown as is."""


class ValidationError(CuratorError):
    """Input that can never be right: a malformed mass, an unknown kind, a missing field."""


class NotFoundError(CuratorError):
    """A sample, container, location, operator or allocation that does not exist."""


class RuleViolation(CuratorError):
    """A domain rule refused the change: unbalanced split, negative mass, occupied position..."""


class PermissionDenied(CuratorError):
    """The operator's role does not allow the action."""


class ConflictError(CuratorError):
    """Someone else changed the record since it was loaded: reload and try again."""


class DatabaseError(CuratorError):
    """The database cannot be opened or used: not a Curator file, corrupt, newer schema, read-only."""


class WriteAbandoned(DatabaseError):
    """The person stopped waiting for another desk's write lock; the transaction never began."""


class ConnectionLost(DatabaseError):
    """The database server could not be reached or dropped the connection.

    ``retry_safe`` is True when the failed transaction certainly saved nothing (it did not reach its
    commit), so doing the same step again is safe.
    """

    def __init__(self, message: str, retry_safe: bool = True) -> None:
        super().__init__(message)
        self.retry_safe = retry_safe


class InstrumentError(CuratorError):
    """A balance or label printer that cannot be reached, stays silent, or answers with a refusal or a
    state that gives no usable value (overload, underload, an error code); the message says which."""
