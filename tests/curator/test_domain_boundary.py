"""curator/ is the domain: importing any of its modules must never pull in Qt."""

import pkgutil
import subprocess
import sys

import curator


def test_no_curator_module_imports_pyside6() -> None:
    modules = [f"curator.{info.name}" for info in pkgutil.iter_modules(curator.__path__) if info.name != "migrations"]
    assert "curator.events" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'ui')))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"curator imported Qt or ui: {result.stdout}"
