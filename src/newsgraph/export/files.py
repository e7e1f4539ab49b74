"""Writing export files so that a reader never sees half of one, nor half of a set.

What :func:`write_set` guarantees for ``OUTDIR``:

- Every file of one export is written completely into a temporary folder beside OUTDIR
  (``.OUTDIR.export-PID-*``) before anything in OUTDIR changes. A failure or a kill up to
  then leaves OUTDIR as it was; nothing half-written or ``.part`` is ever inside OUTDIR.
- When OUTDIR does not exist or is empty, the folder is renamed into place: a reader sees
  no OUTDIR (or the empty one) or the whole new set, atomically.
- When OUTDIR already holds files, each new file replaces its old one by rename (atomic
  per file; POSIX has no atomic rename of several files, and swapping the folder itself
  would pull it from under a shell or reader whose working folder it is). The renames
  come in one burst after all writing, so a reader can meet old and new files side by
  side only during those few renames, and only a kill in that instant leaves a mix.
  Other files in OUTDIR (another format's, the user's) are kept.
- A temporary folder left by a killed export is removed by the next export into the same
  OUTDIR, once the process that made it is gone.

Failures to write are E801 naming OUTDIR.
"""
from __future__ import annotations

import codecs
import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from ..errors import NewsgraphError

T = TypeVar("T")

# The encoding error handler of every text export: a character UTF-8 cannot hold (a lone
# surrogate that reached the store) is written as U+FFFD instead of stopping the export.
# Text that encodes, i.e. all normal data, is written byte for byte as before.
TEXT_ERRORS = "newsgraph.replace"
# (Given as bytes: CPython's UTF-8 encoder takes only ASCII text back from a handler.)
codecs.register_error(TEXT_ERRORS, lambda exc: ("\ufffd".encode() * (exc.end - exc.start), exc.end))

_MARK = ".export-"


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it over ``path`` only on success."""
    tmp = path.with_suffix(path.suffix + ".part")
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)


def write_set(outdir: str | Path, write: Callable[[Path], T]) -> T:
    """Call ``write(folder)`` on a temporary folder, then move what it wrote into ``outdir``."""
    shown, outdir = str(outdir), Path(os.path.abspath(outdir))
    try:
        if outdir.exists() and not outdir.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder")
        outdir.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(outdir)
        tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}{_MARK}{os.getpid()}-", dir=outdir.parent))
    except OSError as exc:
        raise NewsgraphError("E801", shown, exc.strerror or str(exc)) from None
    try:
        result = write(tmp)
        _move_into_place(tmp, outdir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise NewsgraphError("E801", shown, exc.strerror or str(exc)) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def _move_into_place(tmp: Path, outdir: Path) -> None:
    if outdir.is_dir():
        os.chmod(tmp, outdir.stat().st_mode & 0o7777)  # mkdtemp makes it 0700
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
    try:
        os.rename(tmp, outdir)  # replaces a missing or empty OUTDIR in one step
        return
    except OSError as exc:
        if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise
    for name in sorted(os.listdir(tmp)):
        os.replace(tmp / name, outdir / name)
    os.rmdir(tmp)


def _remove_abandoned(outdir: Path) -> None:
    """Remove temporary folders of earlier exports into ``outdir`` whose process is gone."""
    prefix = f".{outdir.name}{_MARK}"
    for entry in outdir.parent.iterdir():
        if not entry.name.startswith(prefix) or not entry.is_dir():
            continue
        pid = entry.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
