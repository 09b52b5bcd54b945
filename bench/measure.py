"""Timing helpers shared by the benchmarks: best-of-N wall time and one printed result line."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
LARGE_DB = OUT / "large.db"


def best_of(function: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other work on the machine)."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def report(name: str, seconds: float, bound_seconds: float | None = None, max_ratio: float | None = None,
           limit_seconds: float | None = None) -> dict[str, object]:
    """Print one benchmark result: the figure, the bound measured in the same run, the ratio, the verdict."""
    result: dict[str, object] = {"benchmark": name, "seconds": round(seconds, 4)}
    verdicts = []
    if bound_seconds is not None:
        ratio = seconds / bound_seconds if bound_seconds else float("inf")
        result.update(bound_seconds=round(bound_seconds, 4), ratio=round(ratio, 2), max_ratio=max_ratio)
        verdicts.append(max_ratio is None or ratio <= max_ratio)
    if limit_seconds is not None:
        result["limit_seconds"] = limit_seconds
        verdicts.append(seconds <= limit_seconds)
    result["meets_target"] = all(verdicts)
    print(json.dumps(result))
    return result
