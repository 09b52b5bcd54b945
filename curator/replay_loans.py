"""The loan side of the replay: what each allocation event does to the allocation, its items and samples.

Mirrors curator/allocations.py step by step: approve, set splits aside ("allocated"), hand over,
record a return or a consumption (closing the loan when every split is back or used up), cancel.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from curator.facts import fact_value

if TYPE_CHECKING:
    from curator.replay import SampleState

#: Item columns compared with allocation_items, in this order.
ITEM_COLUMNS = ("mass_ug", "returned_mass_ug", "consumed_mass_ug", "status")


class LoanReplay:
    rows: dict[str, dict[int, dict[str, Any]]]

    def __init__(self) -> None:
        self.items: dict[tuple[int, int], dict[str, Any]] = {}  # (allocation id, sample id) -> item columns
        self.items_of: dict[int, list[int]] = defaultdict(list)

    if TYPE_CHECKING:  # given by ChainReplay
        def sample(self, sample_id: int) -> SampleState: ...

        def container(self, container_id: int) -> dict[str, Any]: ...

    def allocation(self, allocation_id: int) -> dict[str, Any]:
        return self.rows["allocations"].setdefault(allocation_id, {})

    def item(self, allocation_id: int, sample_id: int) -> dict[str, Any]:
        key = (allocation_id, sample_id)
        if key not in self.items:
            self.items[key] = {"mass_ug": 0, "returned_mass_ug": 0, "consumed_mass_ug": 0, "status": "prepared"}
            self.items_of[allocation_id].append(sample_id)
        return self.items[key]

    def loan_event(self, event, details: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        step = _STEPS.get(event.kind)
        if step is not None:
            step(self, event, details)

    def _approved(self, event, details: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        self.allocation(event.allocation_id).update(
            status="approved", approved_at=fact_value(event.occurred_at), approved_by_id=event.operator_id)

    def _allocated(self, event, details: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        sample = self.sample(event.sample_id)
        self.item(event.allocation_id, event.sample_id)["mass_ug"] = sample.mass_ug
        sample.status = "allocated"
        self.allocation(event.allocation_id)["status"] = "prepared"

    def _handed_over(self, event, details: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        self.item(event.allocation_id, event.sample_id).update(mass_ug=event.mass_ug, status="handed_over")
        self.sample(event.sample_id).status = "on_loan"
        if event.container_id is not None:
            self.container(event.container_id)["location_id"] = None  # it leaves with the sample
        allocation = self.allocation(event.allocation_id)
        allocation.update(status="handed_over", handed_over_at=fact_value(event.occurred_at))
        if "due_date" in details:
            allocation["due_date"] = details["due_date"]

    def _returned(self, event, details: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        item = self.item(event.allocation_id, event.sample_id)
        item.update(returned_mass_ug=event.mass_ug, status="returned",
                    consumed_mass_ug=details.get("consumed_ug", item["mass_ug"] - (event.mass_ug or 0)))
        self.sample(event.sample_id).status = "returned"
        self._close_if_done(event)

    def _consumed(self, event, details: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        item = self.item(event.allocation_id, event.sample_id)
        item.update(consumed_mass_ug=details.get("consumed_ug", item["mass_ug"]), status="consumed")
        self.sample(event.sample_id).status = "consumed"
        self._close_if_done(event)

    def _cancelled(self, event, details: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
        for sample_id in self.items_of.get(event.allocation_id, []):
            self.items[(event.allocation_id, sample_id)]["status"] = "cancelled"
            self.sample(sample_id).status = "in_store"
        self.allocation(event.allocation_id).update(status="cancelled", closed_at=fact_value(event.occurred_at))

    def _close_if_done(self, event) -> None:  # type: ignore[no-untyped-def]
        statuses = [self.items[(event.allocation_id, s)]["status"] for s in self.items_of[event.allocation_id]]
        if all(status in ("returned", "consumed") for status in statuses):
            self.allocation(event.allocation_id).update(
                status="consumed" if all(status == "consumed" for status in statuses) else "returned",
                closed_at=fact_value(event.occurred_at))


_STEPS = {"approved": LoanReplay._approved, "allocated": LoanReplay._allocated,
          "handed_over": LoanReplay._handed_over, "returned": LoanReplay._returned,
          "consumed": LoanReplay._consumed, "cancelled": LoanReplay._cancelled}
