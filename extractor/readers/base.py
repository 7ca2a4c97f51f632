"""What every reader yields: records and problems, and how bytes become text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..text import normalize_text


@dataclass(frozen=True)
class Record:
    """One abstract as an input file holds it, before duplicates are merged."""

    file: str
    line: int  # 1-based line where the record starts
    record_no: int  # 0-based position among the file's records
    text: str
    title: str | None = None
    authors: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    source_id: str | None = None
    n_authors: int | None = None
    format: str = ""

    @property
    def where(self) -> str:
        """``file:line#record``, the address used in the papers table's sources."""
        return f"{self.file}:{self.line}#{self.record_no}"


@dataclass(frozen=True)
class Problem:
    """Something in the input that was skipped (``skipped``) or repaired (``warning``)."""

    file: str
    line: int | None
    reason: str
    severity: str = "skipped"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.severity}: {self.reason}"


def make_record(file: str, line: int, record_no: int, text: str, **meta) -> Record | Problem:
    """Build a normalized Record, or a Problem when the record has no abstract."""
    text = normalize_text(text or "")
    if not text:
        return Problem(file, line, "record has no abstract text")
    clean = {k: _metadata(k, v) for k, v in meta.items()}
    return Record(file=file, line=line, record_no=record_no, text=text, **clean)


def _metadata(name: str, value: object) -> object:
    """A metadata field as the Record holds it: normalized text, an int author count, or None
    (a JSON ``NaN`` or a number where a title belongs is no title; a numeric id is its text)."""
    if isinstance(value, str):
        return normalize_text(value) or None
    if name == "format":
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if name == "n_authors":
        return value if isinstance(value, int) else None
    if name == "source_id":
        return str(value) if value == value else None  # NaN is no id
    return None


BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


def looks_binary(head: bytes) -> bool:
    """True for bytes that are not text: NULs outside a UTF-16 file, or many control bytes."""
    if any(head.startswith(bom) for bom, enc in BOMS if enc == "utf-16"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_lines(data: bytes, file: str, problems: list[Problem]) -> list[str]:
    """Decode ``data`` into lines; lines that are not UTF-8 are read as Windows-1252 with a warning."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).splitlines()
            except UnicodeDecodeError as err:
                problems.append(Problem(file, None, f"bad {encoding} data at byte {err.start}; rest read with replacement", "warning"))
                return data.decode(encoding, errors="replace").splitlines()
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        pass
    lines = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8").rstrip("\r"))
        except UnicodeDecodeError:
            problems.append(Problem(file, number, "line is not valid UTF-8; read as Windows-1252", "warning"))
            lines.append(raw.decode("cp1252", errors="replace").rstrip("\r"))
    return lines
