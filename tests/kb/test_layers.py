"""The reference floor: no stage imports another stage, and the kb imports no stage.

Stages may share only ``newsgraph.kb``, ``records``, ``config`` and ``errors``; what one
stage hands to the next goes through ``newsgraph.analyze`` or the pipeline. Function-local
imports count too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import newsgraph

PACKAGE = Path(newsgraph.__file__).resolve().parent
STAGES = ("ingest", "clean", "nlp", "resolve", "events", "fuse")


def _imported_packages(path: Path, own: str) -> set[str]:
    """Top-level newsgraph packages a module imports (relative or absolute), anywhere in it."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and node.module.startswith("newsgraph."):
                out.add(node.module.split(".")[1])
            elif node.level == 2 and node.module:  # from ..events.cameo import ...
                out.add(node.module.split(".")[0])
            elif node.level == 2:  # from .. import events
                out.update(a.name for a in node.names)
            elif node.level == 1:
                out.add(own)
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("newsgraph."))
    return out


def _imports_of(package: str) -> dict[str, set[str]]:
    return {str(p.relative_to(PACKAGE)): _imported_packages(p, package)
            for p in sorted((PACKAGE / package).rglob("*.py"))}


def test_no_stage_imports_another_stage():
    for stage in STAGES:
        for module, imported in _imports_of(stage).items():
            others = imported & set(STAGES) - {stage}
            assert not others, f"{module} imports the stage(s) {sorted(others)}"


def test_the_kb_imports_no_stage():
    for module, imported in _imports_of("kb").items():
        assert not imported & set(STAGES), f"{module} imports {sorted(imported & set(STAGES))}"


def test_the_store_and_the_exports_import_no_stage():
    for package in ("store", "export"):
        for module, imported in _imports_of(package).items():
            assert not imported & set(STAGES), f"{module} imports {sorted(imported & set(STAGES))}"


def _submodule_imports(path: Path) -> set[str]:
    """Stage submodules a driver module imports ("fuse.signatures"), at any depth of relative import."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level in (1, 2):
            parts = node.module.split(".")
            if parts[0] in STAGES and len(parts) > 1:
                out.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsgraph."):
            parts = node.module.split(".")[1:]
            if parts[0] in STAGES and len(parts) > 1:
                out.add(".".join(parts))
    return out


def test_drivers_and_front_ends_call_stages_only_through_their_entries():
    drivers = [PACKAGE / name for name in ("analyze.py", "pipeline.py", "sentences.py")]
    drivers += sorted((PACKAGE / "cli").rglob("*.py"))
    for path in drivers:
        assert not _submodule_imports(path), f"{path.name} imports {sorted(_submodule_imports(path))}"
