"""The engine is standard library only, and knows no language by name."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import glossary_service.engine as engine

ENGINE = Path(engine.__file__).parent
LANGUAGES = ENGINE / "languages"


def test_importing_the_engine_loads_no_web_or_i18n_library():
    code = (
        "import sys, glossary_service.engine, glossary_service.engine.index;"
        "from glossary_service.engine.languages import rules_for;"
        "[rules_for(c) for c in ('en','es','ar','ru','ko','vi','zh-Hans','tl','ht','fr','pt')];"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'flask', 'flask_babel', 'babel', 'werkzeug', 'jinja2', 'markupsafe'});"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_every_engine_module_imports_only_the_standard_library():
    for path in ENGINE.rglob("*.py"):
        outside = _imports(path) - set(sys.stdlib_module_names) - {"__future__"}
        assert not outside, f"{path.relative_to(ENGINE)} imports {outside}"


def test_no_language_branches_outside_the_language_registry():
    # Language codes of every language module (and any served catalog).
    codes = {p.stem for p in LANGUAGES.glob("[a-z]*.py")} | {"zh-Hans", "zh-Hant", "fil"}
    for path in ENGINE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        literals = {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        # Docstrings may name languages in examples; code may not.
        docstrings = {
            ast.get_docstring(n, clean=False)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef)
        }
        assert not (literals - docstrings) & codes, path.name
