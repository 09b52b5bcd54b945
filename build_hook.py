"""The setuptools build hook (pyproject.toml [tool.setuptools.cmdclass]): the wheel ships compiled translations."""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent))  # setuptools loads this file by path, not as a module
from build_translations import TRANSLATIONS, compile_all  # noqa: E402


class BuildPy(build_py):
    """setuptools' build_py that also compiles resources/translations/*.ts into the built package's .qm files."""

    def run(self) -> None:
        super().run()
        out = Path(self.build_lib) / "resources" / "translations"
        out.mkdir(parents=True, exist_ok=True)
        for qm in compile_all(TRANSLATIONS, out):
            print(f"compiled {qm.name}")
