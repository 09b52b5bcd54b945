"""Curator's data files (label templates, demo data, catalogue facts, translations), shipped in the wheel.

Code reads them through ``resource_path`` so that an installed package works outside the source tree.
"""

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A data file or folder of this package on disk (the wheel installs unzipped, so it is a real path)."""
    return Path(str(files(__name__).joinpath(*parts)))
