"""Running the `newsgraph` console entry inside the test process."""
import pytest

from newsgraph.cli import main


def run_cli(capsys, *args):
    """Run the console entry in this process: (exit status, stdout, stderr)."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err
