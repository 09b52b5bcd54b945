"""`make bench`: build the facility-scale database once, then run every benchmark (figures as JSON lines)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import LARGE_DB  # noqa: E402

BENCHMARKS = ("bench_report", "bench_browse", "bench_gui", "bench_labels", "bench_export", "bench_pin", "bench_verify",
              "bench_live")


def main() -> int:
    if not LARGE_DB.exists():
        print(f"# building {LARGE_DB} (about a minute)", flush=True)
        subprocess.run([sys.executable, "-m", "bench.large_db", str(LARGE_DB)], cwd=ROOT, check=True)
    failed = 0
    for name in BENCHMARKS:
        print(f"# {name}", flush=True)
        failed += subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=ROOT).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
