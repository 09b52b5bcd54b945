"""This desk's instruments, kept in its QSettings: the balance's URI and how long to wait for a stable
value, and the label printers' URIs (Tools > Instruments…)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from curator.errors import ValidationError
from curator.instruments.balance import STABLE_SECONDS
from curator.instruments.uris import BalanceAddress, parse_balance_uri
from ui.backup_settings import desk_settings

BALANCE_KEY = "instruments/balance"
TIMEOUT_KEY = "instruments/balance_timeout"
PRINTERS_KEY = "instruments/label_printers"


def instrument_settings() -> QSettings:
    """Where instruments are kept (the desk's settings; tests point it at a file of their own)."""
    return desk_settings()


def saved_balance(settings: QSettings | None = None) -> BalanceAddress | None:
    """The balance set up on this desk, or None (none, or a saved URI that no longer parses)."""
    text = str((settings or instrument_settings()).value(BALANCE_KEY, "") or "")
    try:
        return parse_balance_uri(text) if text else None
    except ValidationError:
        return None


def saved_timeout(settings: QSettings | None = None) -> float:
    value = (settings or instrument_settings()).value(TIMEOUT_KEY, STABLE_SECONDS)
    try:
        return float(str(value))
    except ValueError:
        return STABLE_SECONDS


def saved_printers(settings: QSettings | None = None) -> list[str]:
    text = str((settings or instrument_settings()).value(PRINTERS_KEY, "") or "")
    return [line.strip() for line in text.splitlines() if line.strip()]


def save(settings: QSettings, balance: BalanceAddress | None, timeout_s: float, printers: list[str]) -> None:
    settings.setValue(BALANCE_KEY, balance.uri if balance else "")
    settings.setValue(TIMEOUT_KEY, timeout_s)
    settings.setValue(PRINTERS_KEY, "\n".join(printers))
    settings.sync()
