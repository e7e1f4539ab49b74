"""Bytes to text: BOMs, declared charsets, detection, and refusing binary data."""
from __future__ import annotations

import codecs
import re

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


def _declared_encoding(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def decode_bytes(data: bytes, subject: str) -> tuple[str, bool]:
    """Decode ``data``; return the text and whether its encoding had to be guessed.

    Raises NewsgraphError E102 (empty), E103 (binary) or E104 (undecodable).
    """
    if not data.strip():
        raise NewsgraphError("E102", subject)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), subject), False
            except UnicodeDecodeError as exc:
                raise NewsgraphError("E104", subject, f"bad {encoding}: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        raise NewsgraphError("E103", subject, "it contains NUL bytes")
    try:
        return _checked(data.decode("utf-8"), subject), False
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data[:4096])
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return _checked(data.decode(declared), subject), False
        except (UnicodeError, LookupError):  # "undefined" raises a bare UnicodeError
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise NewsgraphError("E104", subject, "no encoding fits its bytes")
    try:
        text = data.decode(best.encoding)
    except (UnicodeError, LookupError):
        raise NewsgraphError("E104", subject, f"the bytes do not decode as {best.encoding}") from None
    return _checked(text, subject), True


def _checked(text: str, subject: str) -> str:
    if _looks_binary(text):
        raise NewsgraphError("E103", subject, "it is mostly control characters")
    if not text.strip():
        raise NewsgraphError("E102", subject)
    return text
