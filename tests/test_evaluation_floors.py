"""Accuracy guard: score the pipeline on the gold data and fail below the recorded floors."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
RECORDED = json.loads((Path(__file__).parent / "evaluation_floors.json").read_text())
FLOORS = {k: v for k, v in RECORDED.items() if isinstance(v, dict) and k != "ceilings"}
CEILINGS = RECORDED.get("ceilings", {})


@pytest.mark.parametrize("benchmark", ["seeds", "articles", "quotes", "extraction", "dates", "events", "plover", "stories"])
def test_score_not_below_floor(benchmark, shared_dir, tmp_path):
    env = dict(os.environ, NEWSGRAPH=f"{sys.executable} -m newsgraph")
    proc = subprocess.run([str(shared_dir / "tools" / "evaluate"), benchmark, "--out", str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=1500)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    report = json.loads((tmp_path / f"{benchmark}.json").read_text().rsplit("\nSUMMARY", 1)[0])
    for key, floor in FLOORS[benchmark].items():
        assert report[key] >= floor, f"{benchmark}.{key} = {report[key]} fell below its floor {floor}"
    for key, ceiling in CEILINGS.get(benchmark, {}).items():
        assert report[key] <= ceiling, f"{benchmark}.{key} = {report[key]} rose above its ceiling {ceiling}"
