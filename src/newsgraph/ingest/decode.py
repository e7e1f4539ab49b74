"""Bytes to text: BOMs, UTF-16/32 without BOM, declared charsets, detection, binary refusal.

Each step either decodes exactly or says that it guessed: ``decode`` returns
the encoding it guessed (or None), and the reader turns a guess into one W101
line, so a wrong guess is never silent.
"""
from __future__ import annotations

import codecs
import re
from typing import Optional

from charset_normalizer import from_bytes

from ..errors import NewsgraphError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# C0 controls other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE = 8192
# charset_normalizer's "chaos" (0 = clean text) above which a detected
# encoding is not believed: the bytes are then refused (E104), not mangled.
_CHAOS_FLOOR = 0.1
# Invalid UTF-8 is taken as UTF-8 with U+FFFD for its bad bytes when they are
# at most this share of the valid non-ASCII characters: a stray byte in a
# UTF-8 file, not a legacy encoding (which detection would misread).
_STRAY_SHARE = 0.1


def _declared_encoding(head: bytes) -> Optional[str]:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _too_many_controls(count: int, size: int) -> bool:
    return count > max(2, size // 100)


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and _too_many_controls(len(_CONTROL.findall(sample)), len(sample))


def _utf16_or_32(sample: bytes) -> Optional[str]:
    """UTF-16/32 without a BOM, from where the NULs of ASCII characters fall.

    Latin text in UTF-16-LE has a NUL at nearly every odd offset and almost
    none at even ones (the reverse for BE); UTF-32 has three NULs in four.
    A binary file has NULs scattered over both, so it is not mistaken for text.
    """
    size = len(sample) - len(sample) % 4
    if size < 4:
        return None
    quarters = [sample[i:size:4].count(0) / (size // 4) for i in range(4)]
    even, odd = (quarters[0] + quarters[2]) / 2, (quarters[1] + quarters[3]) / 2
    if min(quarters[1:]) > 0.9 and quarters[0] < 0.1:
        return "utf-32-le"
    if min(quarters[:3]) > 0.9 and quarters[3] < 0.1:
        return "utf-32-be"
    if odd > 0.6 and even < 0.1:
        return "utf-16-le"
    if even > 0.6 and odd < 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes, subject: str) -> tuple[str, Optional[str]]:
    """Decode ``data``; return the text and the encoding guessed (None when it was certain).

    Raises NewsgraphError E102 (empty), E103 (binary) or E104 (undecodable).
    """
    if not data.strip():
        raise NewsgraphError("E102", subject)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), subject), None
            except UnicodeDecodeError as exc:
                raise NewsgraphError("E104", subject, f"bad {encoding}: {exc.reason}") from None
    sample = data[:_SAMPLE]
    wide = _utf16_or_32(sample)
    if wide:
        try:
            return _checked(data.decode(wide), subject), wide
        except UnicodeDecodeError:
            pass  # the NUL pattern was a coincidence; judge the bytes as they are
    # One stray NUL (or a few control bytes) does not make a page binary;
    # the reader replaces NULs with U+FFFD (W102). Many of them do.
    if _too_many_controls(len(_CONTROL_BYTES.findall(sample)), len(sample)):
        raise NewsgraphError("E103", subject, "it contains NUL or control bytes")
    try:
        return _checked(data.decode("utf-8"), subject), None
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data[:4096])
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return _checked(data.decode(declared), subject), None
        except (UnicodeError, LookupError):  # "undefined" raises a bare UnicodeError
            pass
    text = data.decode("utf-8", "replace")
    head = text[:200_000]
    stray = head.count("\ufffd")
    if stray <= _STRAY_SHARE * sum(ch > "\x7f" and ch != "\ufffd" for ch in head):
        return _checked(text, subject), "utf-8 (invalid bytes replaced with U+FFFD)"
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None or best.chaos > _CHAOS_FLOOR:
        raise NewsgraphError("E104", subject, "no encoding fits its bytes with confidence")
    try:
        text = data.decode(best.encoding)
    except (UnicodeError, LookupError):
        raise NewsgraphError("E104", subject, f"the bytes do not decode as {best.encoding}") from None
    return _checked(text, subject), best.encoding


def decode_bytes(data: bytes, subject: str) -> tuple[str, bool]:
    """Like :func:`decode`, with only whether the encoding was guessed."""
    text, guessed = decode(data, subject)
    return text, guessed is not None


def _checked(text: str, subject: str) -> str:
    if _looks_binary(text):
        raise NewsgraphError("E103", subject, "it is mostly control characters")
    if not text.strip():
        raise NewsgraphError("E102", subject)
    if not _CONTROL.sub("", text).strip():
        raise NewsgraphError("E103", subject, "it holds only control characters")
    return text
