"""What `verify` reports: one inconsistency, named by its event and sample where it has them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    message: str
    event_id: int | None = None
    sample: str | None = None

    def __str__(self) -> str:
        where = ", ".join(part for part in (
            f"event {self.event_id}" if self.event_id is not None else "",
            f"sample {self.sample}" if self.sample else "",
        ) if part)
        return f"{where}: {self.message}" if where else self.message
