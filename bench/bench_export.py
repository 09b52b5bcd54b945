"""The allocation workbook of the large database (5,000 allocations), against writing the same cell values
with openpyxl's write-only mode alone (target: at most 1.5x); --allocations N builds a database of N.

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

from openpyxl import Workbook, load_workbook  # noqa: E402

from bench.large_db import generate  # noqa: E402
from bench.measure import LARGE_DB, OUT, report  # noqa: E402
from curator.outputs.spreadsheets import export_workbook  # noqa: E402
from curator.storage.db import open_database  # noqa: E402


def database(allocations: int) -> Path:
    path = OUT / f"export-{allocations}.db"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(path, samples=max(20_000, 3 * allocations), containers=5_000, events=0, allocations=allocations)
        print(f"# built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def openpyxl_alone(values: dict[str, list[tuple]], target: Path) -> float:  # type: ignore[type-arg]
    """Seconds to write the same cell values with openpyxl's write-only mode and nothing else."""
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    for title, rows in values.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(target)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allocations", type=int, default=0,
                        help="build a database of N allocations (default: the large benchmark database)")
    args = parser.parse_args()
    db = open_database(database(args.allocations) if args.allocations else LARGE_DB, create=False)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "allocations.xlsx"
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            result = export_workbook(db, target, replace=True)
            timings.append(time.perf_counter() - started)
        size_mb = target.stat().st_size / 1e6
        written = load_workbook(target, read_only=True)
        values = {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in written.worksheets}
        written.close()
        bound = min(openpyxl_alone(values, Path(folder) / "plain.xlsx") for _ in range(3))
    report(f"export of {result.allocations} allocations, {result.samples} samples handed over "
                    f"({size_mb:.1f} MB xlsx)", min(timings), bound, max_ratio=1.5, limit=10.0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"# peak memory of the whole run: {peak_mb} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
