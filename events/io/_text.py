"""Turning an imported file's bytes into text: encodings, BOMs, and what we repair.

Why this is its own module: the files analysts bring come from Excel on
Arabic Windows, from R, from QGIS, from web exports. The documented repairs:

* UTF-8 with or without BOM → read as UTF-8 (the BOM is dropped).
* UTF-16 with a BOM (Excel "Unicode text") → decoded transparently.
* UTF-16 without a BOM → recognised from the NUL byte in every other
  position of ASCII text (LE or BE) and decoded; a note says so.
* Not UTF-8, but decodes as Windows-1256 (cp1256, "Arabic (Windows)") to
  text that is mostly Arabic letters → decoded as cp1256; a note says so.
* A ZIP (.xlsx, .kmz), old .xls, PDF or gzip file → ParseError saying
  what it is and what to export instead.
* Anything else that is not UTF-8 → ParseError naming the byte offset and
  line, asking for UTF-8. We never guess Latin-1: it "decodes" everything
  and would silently store mojibake.

Detection looks at the first 64 KiB only, so a 150 MB CSV is streamed, not
read whole; a bad byte further down raises ParseError with its line.
"""
from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO, TextIO

from errors import ParseError

SNIFF_BYTES = 64 * 1024
#: Files people upload by mistake, named so the message says what to do.
_CONTAINERS = ((b"PK\x03\x04", "a ZIP archive (an Excel .xlsx workbook or a .kmz?)"),
               (b"\xd0\xcf\x11\xe0", "an old Excel .xls workbook"),
               (b"%PDF", "a PDF document"),
               (b"\x1f\x8b", "a gzip-compressed file"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # binary, not text in any code page


def _arabic_share(text: str) -> float:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 0.0
    arabic = sum(1 for c in non_ascii if "\u0600" <= c <= "\u06ff" or c in "\u200c\u200d\u200e\u200f")
    return arabic / len(non_ascii)


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def detect_encoding(head: bytes, *, complete: bool, where: str) -> tuple[str, tuple[str, ...]]:
    """Return (codec name, repair notes) for a file starting with ``head``.

    ``complete`` says ``head`` is the whole file (so a multi-byte character
    cut at the end of the sample is a real error, not a sampling artefact).
    """
    for magic, what in _CONTAINERS:
        if head.startswith(magic):
            raise ParseError(f"this is {what}, not a text file; export it as CSV (UTF-8), GeoJSON or KML",
                             field="encoding", value=head[:4], where=where)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", ()
    if head.startswith(codecs.BOM_UTF32_LE) or head.startswith(codecs.BOM_UTF32_BE):
        return "utf-32", ("decoded as UTF-32 (byte order mark)",)
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", ("decoded as UTF-16 (byte order mark)",)
    utf16 = _utf16_without_bom(head)
    if utf16:
        return utf16, (f"decoded as {utf16.upper()} (no byte order mark)",)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=complete)
        return "utf-8", ()
    except UnicodeDecodeError as err:
        bad = err.start
    try:
        text = head.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and not _CONTROL.search(text) and _arabic_share(text) >= 0.5:
        return "cp1256", ("not UTF-8; decoded as Windows-1256 (cp1256, Arabic Windows) because the text is Arabic",)
    raise ParseError(f"file is not UTF-8 text (byte 0x{head[bad]:02x} at offset {bad}); save it as UTF-8",
                     field="encoding", value=f"0x{head[bad]:02x}", where=f"{where}:{_line_of(head, bad)}")


def open_text(stream: BinaryIO, *, where: str) -> tuple[TextIO, str, tuple[str, ...]]:
    """Wrap a seekable binary stream as text for streaming (csv needs newline='')."""
    head = stream.read(SNIFF_BYTES + 1)
    complete = len(head) <= SNIFF_BYTES
    head = head[:SNIFF_BYTES]
    if not head.strip():
        raise ParseError("file is empty", where=where)
    encoding, notes = detect_encoding(head, complete=complete, where=where)
    stream.seek(0)
    return io.TextIOWrapper(stream, encoding=encoding, newline=""), encoding, notes


def read_all_text(stream: BinaryIO, *, where: str) -> tuple[str, str, tuple[str, ...]]:
    """Whole-file decode (JSON, GeoJSON, KML); a bad byte is named with its line."""
    data = stream.read()
    if not data.strip():
        raise ParseError("file is empty", where=where)
    encoding, notes = detect_encoding(data[:SNIFF_BYTES], complete=len(data) <= SNIFF_BYTES, where=where)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ParseError(f"file is not valid {encoding} (byte 0x{data[err.start]:02x} at offset {err.start})",
                         field="encoding", value=f"0x{data[err.start]:02x}",
                         where=f"{where}:{_line_of(data, err.start)}") from None
    if not text.strip().strip("\ufeff"):
        raise ParseError("file is empty", where=where)
    return text, encoding, notes
