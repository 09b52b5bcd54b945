"""Which actions a sample's or an allocation's status allows, and to whom.

One answer for everyone: the desk enables its buttons with ``sample_actions``/``allocation_actions``,
and the services refuse with ``require_sample_action``/``require_allocation_action``, which ask the same
functions, so a widget and the domain never disagree.
"""

from __future__ import annotations

from curator.errors import Refusal, RuleViolation
from curator.operators import require_role
from curator.storage.models import Allocation, Operator, Sample
from curator.vocabulary import (
    AVAILABLE_SAMPLE_STATUSES,
    AllocationStatus,
    EventKind,
    Role,
    SampleStatus,
    Word,
)


class SampleAction(Word):
    WEIGH = "weigh"
    SPLIT = "split"
    MOVE = "move"
    OPEN = "open"
    SEAL = "seal"
    INSPECT = "inspect"
    PHOTOGRAPH = "photograph"
    NOTE = "note"
    CORRECT = "correct"


class AllocationAction(Word):
    APPROVE = "approve"
    PREPARE = "prepare"
    HAND_OVER = "hand over"
    RECORD_RETURN = "record a return on"
    RECORD_CONSUMPTION = "record consumption on"
    CANCEL = "cancel"
    EDIT_TERMS = "edit"


class OperatorAction(Word):
    UNLOCK = "unlock"


#: The action that records each observation event on a sample.
OBSERVATION_ACTIONS = {EventKind.OPENED: SampleAction.OPEN, EventKind.SEALED: SampleAction.SEAL,
                       EventKind.INSPECTED: SampleAction.INSPECT, EventKind.PHOTOGRAPHED: SampleAction.PHOTOGRAPH,
                       EventKind.NOTE: SampleAction.NOTE}

#: A sample in the facility: not on loan, not used up.
_HERE = frozenset({SampleStatus.IN_STORE, SampleStatus.ALLOCATED, SampleStatus.RETURNED})
_SAMPLE_RULES: dict[SampleAction, frozenset[SampleStatus]] = {
    **{action: _HERE for action in SampleAction},
    SampleAction.SPLIT: AVAILABLE_SAMPLE_STATUSES,  # a sample set aside for a loan keeps its mass for it
    SampleAction.CORRECT: frozenset(SampleStatus),  # a wrong event is answered whatever became of the sample
}

#: Before hand-over: the terms (mass, borrower) may still change and the allocation may be cancelled.
BEFORE_HANDOVER = frozenset({AllocationStatus.REQUESTED, AllocationStatus.APPROVED, AllocationStatus.PREPARED})
_ALLOCATION_RULES: dict[AllocationAction, frozenset[AllocationStatus]] = {
    AllocationAction.APPROVE: frozenset({AllocationStatus.REQUESTED}),
    AllocationAction.PREPARE: frozenset({AllocationStatus.APPROVED, AllocationStatus.PREPARED}),
    AllocationAction.HAND_OVER: frozenset({AllocationStatus.APPROVED, AllocationStatus.PREPARED}),
    AllocationAction.RECORD_RETURN: frozenset({AllocationStatus.HANDED_OVER}),
    AllocationAction.RECORD_CONSUMPTION: frozenset({AllocationStatus.HANDED_OVER}),
    AllocationAction.CANCEL: BEFORE_HANDOVER,
    AllocationAction.EDIT_TERMS: BEFORE_HANDOVER | {AllocationStatus.HANDED_OVER},  # handed over: due date only
}

#: The lowest role that may take an action; actions not named here are every operator's.
ROLE_NEEDED: dict[Word, Role] = {SampleAction.CORRECT: Role.CURATOR, AllocationAction.APPROVE: Role.CURATOR,
                                 AllocationAction.EDIT_TERMS: Role.CURATOR, OperatorAction.UNLOCK: Role.ADMIN}


def role_allows(role: Role | str | None, action: Word) -> bool:
    """Whether ``role`` may take ``action`` in a status that allows it (None: nobody signed in)."""
    return role is not None and Role(role).at_least(ROLE_NEEDED.get(action, Role.TECHNICIAN))


def sample_actions(status: SampleStatus | str, role: Role | str | None) -> frozenset[SampleAction]:
    """What may be done to a sample in ``status`` by an operator of ``role`` (None: nobody signed in)."""
    status = SampleStatus(status)
    return frozenset(action for action, allowed in _SAMPLE_RULES.items()
                     if status in allowed and role_allows(role, action))


def allocation_actions(status: AllocationStatus | str, role: Role | str | None) -> frozenset[AllocationAction]:
    """What may be done to an allocation in ``status`` by an operator of ``role`` (None: nobody signed in)."""
    status = AllocationStatus(status)
    return frozenset(action for action, allowed in _ALLOCATION_RULES.items()
                     if status in allowed and role_allows(role, action))


def _require_role(signer: Operator, action: Word, what: str) -> None:
    require_role(signer, ROLE_NEEDED.get(action, Role.TECHNICIAN), f"{action} {what}")


def require_sample_action(sample: Sample, signer: Operator, action: SampleAction) -> None:
    """Refuse ``action`` on ``sample`` unless its status and the signer's role allow it: a PermissionDenied
    names the role needed, a RuleViolation the sample's status."""
    _require_role(signer, action, sample.number)
    if action not in sample_actions(sample.status, signer.role):
        raise RuleViolation(f"cannot {action} {sample.number}: it is {sample.status.replace('_', ' ')}",
                            code=Refusal.STATUS_FORBIDS,
                            params={"action": action, "number": sample.number, "status": sample.status})


def require_allocation_action(allocation: Allocation, signer: Operator, action: AllocationAction) -> None:
    """As ``require_sample_action``, for an allocation."""
    _require_role(signer, action, f"allocation {allocation.reference}")
    if action not in allocation_actions(allocation.status, signer.role):
        raise RuleViolation(f"cannot {action} allocation {allocation.reference}: it is "
                            f"{allocation.status.replace('_', ' ')}", code=Refusal.ALLOCATION_STATUS_FORBIDS,
                            params={"action": action, "reference": allocation.reference, "status": allocation.status})


def require_operator_action(signer: Operator, action: OperatorAction, name: str) -> None:
    """Refuse ``action`` on the operator ``name`` unless the signer's role allows it."""
    _require_role(signer, action, name)
