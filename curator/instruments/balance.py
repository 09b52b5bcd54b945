"""Open a balance by its URI and take a stable reading, with a live value along the way."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from curator.errors import InstrumentError, Refusal
from curator.instruments.link import ANSWER_SECONDS, open_link
from curator.instruments.mtsics import MtSicsBalance
from curator.instruments.readings import BalanceIdentity, Reading
from curator.instruments.sbi import SbiBalance
from curator.instruments.uris import BalanceAddress, parse_balance_uri

#: How long to wait for a stable value unless told otherwise, and how often to ask while it settles.
STABLE_SECONDS = 10.0
POLL_SECONDS = 0.2


class Balance(Protocol):
    protocol: str

    def identity(self) -> BalanceIdentity: ...
    def read(self) -> Reading: ...
    def zero(self) -> None: ...
    def tare(self) -> None: ...
    def close(self) -> None: ...


def open_balance(uri: str | BalanceAddress, answer_s: float = ANSWER_SECONDS) -> Balance:
    """The balance a URI names, its port open (close it when done)."""
    address = parse_balance_uri(uri) if isinstance(uri, str) else uri
    link = open_link(address, answer_s)
    return MtSicsBalance(link) if address.protocol == "mtsics" else SbiBalance(link)


def read_stable(balance: Balance, timeout_s: float = STABLE_SECONDS,
                on_reading: Callable[[Reading], None] | None = None,
                cancelled: Callable[[], bool] = lambda: False, poll_s: float = POLL_SECONDS) -> Reading:
    """Ask for the value until it is stable and return that reading; each value on the way goes to
    ``on_reading`` (the live display). Overload, underload, errors and silence end it with their message;
    no stable value within ``timeout_s`` too, naming the last one."""
    deadline = time.monotonic() + timeout_s
    last: Reading | None = None
    while not cancelled():
        last = balance.read()
        if on_reading is not None:
            on_reading(last)
        if last.stable:
            return last
        if time.monotonic() + poll_s > deadline:
            raise InstrumentError(f"the balance gave no stable value within {timeout_s:g} s (last {last.shown}, "
                                  "moving): shield it from draught and vibration, then read again",
                                  code=Refusal.BALANCE_UNSTABLE,
                                  params={"seconds": f"{timeout_s:g}", "last": last.shown})
        time.sleep(poll_s)
    raise InstrumentError("reading the balance was cancelled", code=Refusal.BALANCE_CANCELLED)


def read_once(uri: str | BalanceAddress, timeout_s: float = STABLE_SECONDS,
              on_reading: Callable[[Reading], None] | None = None,
              cancelled: Callable[[], bool] = lambda: False) -> tuple[BalanceIdentity, Reading]:
    """Open the balance, learn who it is, take one stable reading, close it."""
    balance = open_balance(uri)
    try:
        identity = balance.identity()
        return identity, read_stable(balance, timeout_s, on_reading, cancelled)
    finally:
        balance.close()


def weighable(taken: Reading) -> int:
    """The micrograms of a reading that can be recorded as a mass; a value below zero cannot."""
    if taken.micrograms < 0:
        raise InstrumentError(f"the balance reads {taken.shown}, below zero: take the sample off, zero the empty "
                              "balance (or tare the empty container), then weigh again", code=Refusal.BALANCE_NEGATIVE,
                              params={"value": taken.shown})
    return taken.micrograms
