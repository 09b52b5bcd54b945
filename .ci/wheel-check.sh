#!/usr/bin/env bash
# Build the wheel, install it in a fresh virtual environment outside the source tree, and run the
# commands a facility runs first (demo, verify, labels, handover, export) from another folder, so a
# file the package reads from the source tree (and not from itself) fails here.
set -euo pipefail
python=${1:?usage: wheel-check.sh PYTHON}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d -t curator-wheel.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$source_dir"
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$work"/dist/curator-*.whl
cd "$work"
curator=("$work/venv/bin/curator" --db "$work/check.db")
QT_QPA_PLATFORM=offscreen "${curator[@]}" demo
"${curator[@]}" verify
reference=$(sqlite3 "$work/check.db" "select reference from allocations order by id limit 1")
barcode=$(sqlite3 "$work/check.db" "select barcode from containers order by id limit 1")
QT_QPA_PLATFORM=offscreen "${curator[@]}" labels -o "$work/labels.pdf" "$barcode"
QT_QPA_PLATFORM=offscreen "${curator[@]}" handover -o "$work/handover.pdf" "$reference"
"${curator[@]}" export "$work/allocations.xlsx"
for output in labels.pdf handover.pdf allocations.xlsx; do
  [[ -s "$work/$output" ]] || { echo "wheel check: $output was not written" >&2; exit 1; }
done
echo "wheel check: demo, verify, labels, handover and export ran from the installed wheel"
