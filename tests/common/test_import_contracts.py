"""The floors of the code are enforced: `lint-imports` (import-linter, contracts in
pyproject.toml) passes on the project and fails as soon as a lower floor imports a higher one.

The wrong imports are written into a copy of the packages in a temporary directory, never
into the project itself.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("common", "geo", "members", "meetings", "legal", "notifications", "comments",
            "projects", "knowledge", "oparl", "polls", "kreishaus")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(),
                                reason="import-linter is not installed (pip install -e '.[test]')")


def _lint_imports(directory: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(directory / "pyproject.toml")],
        cwd=directory, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(directory), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def copy_of_project(tmp_path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_lint_imports_passes_on_the_project():
    result = _lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "wrong_import", "named"), [
    ("members/wrong.py", "from meetings.models import Meeting", "members.wrong -> meetings"),
    ("common/wrong.py", "import members.models", "common.wrong -> members"),
    ("meetings/wrong.py", "def f():\n    from knowledge import selectors",
     "meetings.wrong -> knowledge"),
    ("knowledge/wrong.py", "from kreishaus import views", "knowledge.wrong -> kreishaus"),
    ("projects/wrong.py", "import openpyxl", "projects.wrong -> openpyxl"),
])
def test_lint_imports_fails_on_a_wrong_import(copy_of_project, module, wrong_import, named):
    (copy_of_project / module).write_text(f'"""A deliberate mistake."""\n\n{wrong_import}\n')

    result = _lint_imports(copy_of_project)

    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert named in result.stdout
