"""The architecture in one test: data flows collectors → signals → alerts; app wires them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "collectors": {"signals", "alerts", "app"},
    "signals": {"alerts", "app"},
    "alerts": {"app"},
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_back_edges(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {bad}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for bad in imported_packages(path) & FORBIDDEN[package]
    ]
    assert not offenders, offenders


def test_the_check_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import app.db\nfrom alerts.models import Alert\nfrom . import x\n")
    assert imported_packages(sample) == {"app", "alerts"}
