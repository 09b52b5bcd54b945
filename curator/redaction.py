"""Database passwords never shown: every message, window title and log line that may hold a database URL
or a driver's error passes through ``redact``.

Two nets: patterns that find a password wherever a URL or a connection string writes one
(``scheme://user:PASSWORD@``, ``password=PASSWORD`` in a query or a libpq DSN, ``'password': ...`` in
a printed dict), and the passwords of every URL this process opened (``remember_secrets``, called by
``curator.storage.db.resolve_url``), hidden wherever they appear, also percent-encoded, in case a driver echoes
one in a form no pattern knows.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, quote, unquote, urlsplit

MASK = "***"
#: Remembered passwords shorter than this are left to the patterns (hiding every "ab" in a message
#: would garble it); a password that short is no protection anyway.
MIN_REMEMBERED_LENGTH = 4
_PASSWORD_KEYS = ("password", "passwd", "pwd")

_URL_USERINFO = re.compile(r"(?P<keep>\b[a-z][a-z0-9+.\-]*://[^\s:/?#@'\"]*:)[^\s@'\"]*(?=@)", re.IGNORECASE)
_KEY_VALUE = re.compile(
    r"(?P<keep>\b(?:password|passwd|pwd)\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s&;,'\")]+)",
    re.IGNORECASE)
_DICT_ENTRY = re.compile(r"(?P<keep>['\"](?:password|passwd|pwd)['\"]\s*:\s*)(?:'[^']*'|\"[^\"]*\")", re.IGNORECASE)

_remembered: set[str] = set()


def remember_secrets(url: str) -> None:
    """Note the passwords a database URL carries, so that no later message shows them."""
    try:
        parts = urlsplit(url)
        found = [parts.password or ""]
        found += [value for key, value in parse_qsl(parts.query) if key.lower() in _PASSWORD_KEYS]
    except ValueError:  # a malformed URL (a bad port, a stray bracket): the patterns still apply
        found = [match.group(0).rpartition(":")[2] for match in re.finditer(r"://[^\s/@]*:[^\s@]*(?=@)", url)]
    for secret in found:
        for form in {secret, unquote(secret), quote(secret, safe=""), quote(unquote(secret), safe="")}:
            if len(form) >= MIN_REMEMBERED_LENGTH:
                _remembered.add(form)


def redact(text: object) -> str:
    """``text`` with every password it may hold replaced by ***."""
    result = str(text)
    for secret in sorted(_remembered, key=len, reverse=True):
        result = result.replace(secret, MASK)
    result = _URL_USERINFO.sub(lambda match: match.group("keep") + MASK, result)
    result = _KEY_VALUE.sub(lambda match: match.group("keep") + MASK, result)
    return _DICT_ENTRY.sub(lambda match: match.group("keep") + repr(MASK), result)


class RedactingFormatter(logging.Formatter):
    """A log formatter whose lines (tracebacks included) never hold a password."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
