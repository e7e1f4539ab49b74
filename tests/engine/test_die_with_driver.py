"""Pool workers and the forked helper end with their driver, however it dies."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

DRIVER = textwrap.dedent('''
    import os, sys, time
    from pathlib import Path
    from newsgraph.engine import Beside, Engine

    OUT = Path(sys.argv[1])

    def hang(chunk):
        (OUT / f"worker-{os.getpid()}").write_text("")
        time.sleep(120)  # blocked like a worker waiting on its pipe
        return chunk

    def helper():
        (OUT / f"helper-{os.getpid()}").write_text("")
        time.sleep(120)
        yield 1

    if __name__ == "__main__":
        beside = Beside(helper)
        with Engine(2) as engine:
            engine.map_chunks(hang, list(range(4)))
''')


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie nobody reaps has ended all the same


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_and_helper_die_with_their_driver(tmp_path, sig):
    script = tmp_path / "driver.py"
    script.write_text(DRIVER)
    out = tmp_path / "pids"
    out.mkdir()
    driver = subprocess.Popen([sys.executable, str(script), str(out)])
    try:
        deadline = time.monotonic() + 60
        while len(list(out.iterdir())) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        names = sorted(p.name for p in out.iterdir())
        assert sum(n.startswith("worker-") for n in names) == 2 and any(n.startswith("helper-") for n in names)
        pids = [int(n.split("-")[1]) for n in names]
        driver.send_signal(sig)
        driver.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in pids if _alive(p)]
    finally:
        driver.kill()
        for name in os.listdir(out):
            try:
                os.kill(int(name.split("-")[1]), signal.SIGKILL)
            except ProcessLookupError:
                pass
