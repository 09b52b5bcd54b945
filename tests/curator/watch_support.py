"""A `curator watch` process read line by line with a deadline (tests of the feed across processes)."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
#: How long a test waits for a line before it says the watch saw nothing (not a timing target).
PATIENCE_S = 30.0


def _ctrl_c_as_at_a_terminal() -> None:
    """SIGINT as a terminal delivers it: a suite started in the background (``make test &``, some CI
    runners) hands its children SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class WatchProcess:
    """`curator watch --json` in its own process; ``next_event`` waits for its next line."""

    def __init__(self, url: str, since: int, *extra: str) -> None:
        self.process = subprocess.Popen([sys.executable, "main.py", "watch", "--db", url, "--json", "--since",
                                         str(since), *extra], cwd=ROOT, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, preexec_fn=_ctrl_c_as_at_a_terminal)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def next_event(self, patience: float = PATIENCE_S) -> dict[str, Any]:
        """The next event printed."""
        try:
            line = self.lines.get(timeout=patience)
        except queue.Empty:
            raise AssertionError(f"watch printed nothing in {patience} s; stderr: {self.stop()[1]}") from None
        return json.loads(line)

    def stop(self) -> tuple[int, str]:
        """Ctrl+C: the exit status and what it wrote on standard error."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=PATIENCE_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        assert self.process.stderr is not None
        return self.process.returncode, self.process.stderr.read()
