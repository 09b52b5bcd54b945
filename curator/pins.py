"""PINs: what makes one acceptable, and how it is stored (only as a salted scrypt hash).

A PIN is at least 6 digits that are not a trivial pattern, or a passphrase of at least 8 characters
that is not all digits. The key derivation is slow on purpose: one guess costs about 150 ms of CPU
(n=2**15, r=8; `python bench/bench_pin.py` measures it), so the lockout after five wrong PINs is not
the only thing between a guesser and the 10**6 six-digit PINs.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from itertools import pairwise

from curator.errors import Refusal, ValidationError

MIN_DIGITS = 6
MIN_PASSPHRASE = 8
#: n=2**15, r=8 costs 147 ms of CPU per derivation on this project's development machine (2026-11-27,
#: AMD EPYC core; n=2**14 cost 53 ms, too close to the 50 ms floor). It needs 32 MiB, above scrypt's
#: default memory limit, hence MAX_MEMORY.
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
MAX_MEMORY = 128 * 1024 * 1024


_LENGTHS = {"digits": MIN_DIGITS, "characters": MIN_PASSPHRASE}


def check_pin_policy(pin: str) -> None:
    """Refuse a PIN that is too short or trivial (ValidationError naming why)."""
    if not pin.strip():
        raise ValidationError("the PIN is empty: give at least 6 digits or a passphrase of 8 characters",
                              code=Refusal.PIN_EMPTY, params=_LENGTHS)
    if pin != pin.strip():
        raise ValidationError("the PIN starts or ends with a space: leave the spaces out", code=Refusal.PIN_SPACES)
    if pin.isdigit() and pin.isascii():
        if len(pin) < MIN_DIGITS:
            raise ValidationError(f"a PIN needs at least {MIN_DIGITS} digits (or a passphrase of "
                                  f"{MIN_PASSPHRASE} characters)", code=Refusal.PIN_TOO_SHORT, params=_LENGTHS)
        if _is_trivial(pin):
            raise ValidationError("that PIN is too easy to guess (one digit repeated, a run such as 123456 "
                                  "or 987654, or a repeated pattern): choose another", code=Refusal.PIN_TRIVIAL)
        return
    if len(pin) < MIN_PASSPHRASE:
        raise ValidationError(f"a passphrase needs at least {MIN_PASSPHRASE} characters (or give {MIN_DIGITS} digits)",
                              code=Refusal.PASSPHRASE_TOO_SHORT, params=_LENGTHS)
    if len(set(pin.lower())) < 3:
        raise ValidationError("that passphrase is too easy to guess: use more different characters",
                              code=Refusal.PASSPHRASE_TRIVIAL)


def _is_trivial(digits: str) -> bool:
    """All one digit, a run with a constant step (123456, 987654, 246802), or a repeated 2-3 digit pattern."""
    steps = {(int(b) - int(a)) % 10 for a, b in pairwise(digits)}
    if len(steps) == 1:
        return True
    return any(digits == (digits[:size] * len(digits))[:len(digits)] for size in (2, 3))


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The stored form, "scrypt$n$r$p$salt$hash" (hex), with a fresh salt (a given one only for the
    demo database, which is built the same every time)."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, maxmem=MAX_MEMORY, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one hashed in ``stored`` (with the cost parameters stored beside it)."""
    try:
        _, n, r, p, salt, digest = stored.split("$")
        computed = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                  dklen=32, maxmem=MAX_MEMORY)
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)
