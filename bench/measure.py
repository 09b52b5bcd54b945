"""Timing helpers shared by the benchmarks: best-of-N wall time and one printed result line."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
LARGE_DB = OUT / "large.db"
#: The PIN of the large database's operators (bench/large_db.py); the desk benchmarks sign in with it.
BENCH_PIN = "314159"


def best_of(function: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other work on the machine)."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def report(name: str, value: float, bound: float | None = None, max_ratio: float | None = None,
           limit: float | None = None, unit: str = "s") -> None:
    """Print one benchmark result: the figure, the bound measured in the same run, the ratio, the verdict.

    Figures are seconds unless ``unit`` says otherwise (the memory benchmark reports MB).
    """
    result: dict[str, object] = {"benchmark": name, "value": round(value, 4), "unit": unit}
    verdicts = []
    if bound is not None:
        ratio = value / bound if bound else float("inf")
        result.update(bound=round(bound, 4), ratio=round(ratio, 2), max_ratio=max_ratio)
        verdicts.append(max_ratio is None or ratio <= max_ratio)
    if limit is not None:
        result["limit"] = limit
        verdicts.append(value <= limit)
    result["meets_target"] = all(verdicts)
    print(json.dumps(result))
