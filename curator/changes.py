"""What a write changed, named by the keys people see: sample numbers, container barcodes, location
paths and allocation references. The desk broadcasts one after each write so that a view reloads only
when it shows one of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


def _keys(values: Iterable[str | None]) -> frozenset[str]:
    return frozenset(value for value in values if value)


@dataclass(frozen=True)
class Changes:
    samples: frozenset[str] = field(default_factory=frozenset)
    containers: frozenset[str] = field(default_factory=frozenset)
    locations: frozenset[str] = field(default_factory=frozenset)
    allocations: frozenset[str] = field(default_factory=frozenset)
    #: Too much to name (an import, View > Refresh): every view reloads.
    everything: bool = False

    @classmethod
    def of(cls, samples: Iterable[str | None] = (), containers: Iterable[str | None] = (),
           locations: Iterable[str | None] = (), allocations: Iterable[str | None] = ()) -> Changes:
        """Changes from any iterables of keys (empty and None keys are left out)."""
        return cls(_keys(samples), _keys(containers), _keys(locations), _keys(allocations))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.samples | other.samples, self.containers | other.containers,
                       self.locations | other.locations, self.allocations | other.allocations,
                       self.everything or other.everything)

    def touches(self, samples: Iterable[str] = (), containers: Iterable[str | None] = (),
                allocations: Iterable[str | None] = ()) -> bool:
        """Whether any of these shown keys changed (always, after an import or a refresh)."""
        return self.everything or not (self.samples.isdisjoint(samples) and
                                       self.containers.isdisjoint(containers) and
                                       self.allocations.isdisjoint(allocations))


#: Reload everything (after an import, or View > Refresh).
EVERYTHING = Changes(everything=True)
