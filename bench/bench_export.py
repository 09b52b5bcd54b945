"""The allocation workbook for 10,000 allocations (target: a few seconds, streamed, little memory).

    python bench/bench_export.py [--allocations N]

Builds bench/out/export-N.db once with bench/large_db.py's generator (hash chained, verify passes),
then times `export_workbook` and prints one JSON line per figure.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.large_db import generate  # noqa: E402
from bench.measure import OUT, report  # noqa: E402
from curator.db import open_database  # noqa: E402
from curator.spreadsheets import export_workbook  # noqa: E402


def database(allocations: int) -> Path:
    path = OUT / f"export-{allocations}.db"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(path, samples=max(20_000, 3 * allocations), containers=5_000, events=0, allocations=allocations)
        print(f"# built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allocations", type=int, default=10_000)
    args = parser.parse_args()
    db = open_database(database(args.allocations))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "allocations.xlsx"
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            result = export_workbook(db, target)
            timings.append(time.perf_counter() - started)
        size_mb = target.stat().st_size / 1e6
    figure = report(f"export of {result.allocations} allocations, {result.samples} samples handed over "
                    f"({size_mb:.1f} MB xlsx)", min(timings), limit_seconds=10.0)
    figure["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"# peak memory of the whole run: {figure['peak_rss_mb']} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
