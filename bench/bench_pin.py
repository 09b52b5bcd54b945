"""What one PIN guess costs: the CPU time of one key derivation with the stored parameters.

Issue 11 asks for at least 50 ms a guess. CPU time (not wall time) is measured, so other work on the
machine does not make the figure look better than it is; the fastest of five is reported.
Measured 2026-11-27 on the development machine: 147 ms (n=2**15, r=8); n=2**14 gave 53 ms.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from curator.pins import SCRYPT, hash_pin, pin_matches  # noqa: E402

FLOOR_SECONDS = 0.05


def main() -> int:
    stored = hash_pin("314159")
    timings = []
    for _ in range(5):
        started = time.process_time()
        pin_matches("271828", stored)
        timings.append(time.process_time() - started)
    cost = min(timings)
    print(json.dumps({"benchmark": "one PIN guess (scrypt key derivation, CPU time)", "value": round(cost, 4),
                      "unit": "s", "parameters": SCRYPT, "floor": FLOOR_SECONDS,
                      "meets_target": cost >= FLOOR_SECONDS}))
    return 0 if cost >= FLOOR_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
