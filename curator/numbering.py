"""Numbered codes for batches: "LSL-00013", "LSL-00014"... after the highest already used with a prefix."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from curator.errors import Refusal, ValidationError
from curator.placement import escape_like

#: Digits of a new numbered code when the prefix has none yet ("LSL-00001").
DEFAULT_WIDTH = 5
MAX_BATCH = 500


def next_numbered(session: Session, column: InstrumentedAttribute[str | None] | InstrumentedAttribute[str],
                  prefix: str, count: int, width: int = DEFAULT_WIDTH) -> list[str]:
    """``count`` codes ``prefix`` + a zero-padded number, after the highest number ``column`` holds with
    that prefix (compared ignoring case), keeping the width already in use."""
    if not 1 <= count <= MAX_BATCH:
        raise ValidationError(f"a batch holds 1 to {MAX_BATCH} codes ({count} asked)", code=Refusal.BATCH_SIZE,
                              params={"most": MAX_BATCH, "count": count})
    used = session.execute(select(column).where(func.upper(column).like(
        escape_like(prefix.upper()) + "%", escape="\\"))).scalars()
    tails = [tail for tail in ((code or "")[len(prefix):] for code in used) if tail.isdigit()]
    highest = max((int(tail) for tail in tails), default=0)
    digits = max((len(tail) for tail in tails), default=width)
    return [f"{prefix}{number:0{digits}d}" for number in range(highest + 1, highest + 1 + count)]
