"""`python main.py gui --smoke-test`: the real program starts, shows its first page and quits."""

import os
import subprocess
import sys
from pathlib import Path

from tests.factories import DEMO_PINS

ROOT = Path(__file__).resolve().parents[2]


def start(*args: str, pin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CURATOR_PIN": pin}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "gui", *args, "--smoke-test"],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def test_a_technician_starts_straight_into_a_filled_window(demo_path: Path) -> None:
    result = start("--db", str(demo_path), "--operator", "Li Wei", pin=DEMO_PINS["Li Wei"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready: 200 samples on the first page")


def test_a_curator_needs_the_right_pin(demo_path: Path) -> None:
    refused = start("--db", str(demo_path), "--operator", "Chen Jing", pin="000000")
    assert refused.returncode == 2 and "wrong PIN for Chen Jing" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert start("--db", str(demo_path), "--operator", "Chen Jing", pin=DEMO_PINS["Chen Jing"]).returncode == 0
