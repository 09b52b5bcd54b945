"""The loan side of the replay: what each allocation event does to the allocation, its items and samples.

Mirrors curator/allocations.py step by step: approve, set splits aside ("allocated"), hand over,
record a return or a consumption (closing the loan when every split is back or used up), cancel.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from curator.event_stream import EventRow
from curator.facts import fact_value
from curator.vocabulary import AllocationItemStatus, AllocationStatus, EventKind, SampleStatus

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
            self.items[key] = {"mass_ug": 0, "returned_mass_ug": 0, "consumed_mass_ug": 0,
                                "status": AllocationItemStatus.PREPARED}
            self.items_of[allocation_id].append(sample_id)
        return self.items[key]

    def loan_event(self, event: EventRow, details: dict[str, Any]) -> None:
        step = _STEPS.get(event.kind)
        if step is not None:
            step(self, event, details)

    def _approved(self, event: EventRow, details: dict[str, Any]) -> None:
        self.allocation(event.allocation_id).update(
            status=AllocationStatus.APPROVED, approved_at=fact_value(event.occurred_at),
            approved_by_id=event.operator_id)

    def _allocated(self, event: EventRow, details: dict[str, Any]) -> None:
        sample = self.sample(event.sample_id)
        self.item(event.allocation_id, event.sample_id)["mass_ug"] = sample.mass_ug
        sample.status = SampleStatus.ALLOCATED
        self.allocation(event.allocation_id)["status"] = AllocationStatus.PREPARED

    def _handed_over(self, event: EventRow, details: dict[str, Any]) -> None:
        item = self.item(event.allocation_id, event.sample_id)
        item.update(mass_ug=event.mass_ug, status=AllocationItemStatus.HANDED_OVER)
        self.sample(event.sample_id).status = SampleStatus.ON_LOAN
        if event.container_id is not None:
            self.container(event.container_id)["location_id"] = None  # it leaves with the sample
        allocation = self.allocation(event.allocation_id)
        allocation.update(status=AllocationStatus.HANDED_OVER, handed_over_at=fact_value(event.occurred_at))
        if "due_date" in details:
            allocation["due_date"] = details["due_date"]

    def _returned(self, event: EventRow, details: dict[str, Any]) -> None:
        item = self.item(event.allocation_id, event.sample_id)
        item.update(returned_mass_ug=event.mass_ug, status=AllocationItemStatus.RETURNED,
                    consumed_mass_ug=details.get("consumed_ug", item["mass_ug"] - (event.mass_ug or 0)))
        self.sample(event.sample_id).status = SampleStatus.RETURNED
        if event.container_id is not None and event.to_location_id is not None:
            self.container(event.container_id)["location_id"] = event.to_location_id  # back into storage
        self._close_if_done(event)

    def _consumed(self, event: EventRow, details: dict[str, Any]) -> None:
        item = self.item(event.allocation_id, event.sample_id)
        item.update(consumed_mass_ug=details.get("consumed_ug", item["mass_ug"]), status=AllocationItemStatus.CONSUMED)
        self.sample(event.sample_id).status = SampleStatus.CONSUMED
        self._close_if_done(event)

    def _cancelled(self, event: EventRow, details: dict[str, Any]) -> None:
        for sample_id in self.items_of.get(event.allocation_id, []):
            self.items[(event.allocation_id, sample_id)]["status"] = AllocationItemStatus.CANCELLED
            self.sample(sample_id).status = SampleStatus.IN_STORE
        self.allocation(event.allocation_id).update(status=AllocationStatus.CANCELLED,
                                                    closed_at=fact_value(event.occurred_at))

    def _close_if_done(self, event: EventRow) -> None:
        statuses = [self.items[(event.allocation_id, s)]["status"] for s in self.items_of[event.allocation_id]]
        if all(status in (AllocationItemStatus.RETURNED, AllocationItemStatus.CONSUMED) for status in statuses):
            self.allocation(event.allocation_id).update(
                status=(AllocationStatus.CONSUMED if all(status == AllocationItemStatus.CONSUMED for status in statuses)
                        else AllocationStatus.RETURNED),
                closed_at=fact_value(event.occurred_at))


_STEPS = {EventKind.APPROVED: LoanReplay._approved, EventKind.ALLOCATED: LoanReplay._allocated,
          EventKind.HANDED_OVER: LoanReplay._handed_over, EventKind.RETURNED: LoanReplay._returned,
          EventKind.CONSUMED: LoanReplay._consumed, EventKind.CANCELLED: LoanReplay._cancelled}
