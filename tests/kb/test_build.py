"""The generated actor data is up to date with the Phoenix dictionaries."""
from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "newsgraph" / "data" / "actors.json.gz"


def _converter():
    spec = importlib.util.spec_from_file_location("build_actors", ROOT / "scripts" / "build_actors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_converter_output_is_up_to_date(shared_dir, tmp_path):
    source = shared_dir / "reference" / "cameo" / "phoenix_dictionaries"
    out = tmp_path / "actors.json.gz"
    assert _converter().main([str(source), "--out", str(out)]) == 0
    fresh = gzip.decompress(out.read_bytes())
    shipped = gzip.decompress(DATA.read_bytes())
    assert fresh == shipped, "run: .venv/bin/python scripts/build_actors.py"
    assert out.read_bytes() == DATA.read_bytes()  # deterministic gzip too
