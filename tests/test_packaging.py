"""The wheel carries every folder of code and data (an editable install would hide a missing one)."""
from __future__ import annotations

import tomllib

from .conftest import REPO


def test_every_source_folder_is_a_listed_package():
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    for package, folder in setuptools["package-dir"].items():
        root = REPO / folder
        for path in root.rglob("*"):
            if path.is_dir() and "__pycache__" not in path.parts and any(
                    f.suffix in {".py", ".json", ".cypher", ".html"} for f in path.iterdir()):
                dotted = ".".join([package, *path.relative_to(root).parts])
                assert dotted in listed, f"{path.relative_to(REPO)} is not in pyproject's packages"
