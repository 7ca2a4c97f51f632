"""Corpus readers: every input layout becomes a stream of Records and Problems.

Formats are tried in order; the first whose detector accepts a file reads it.
``--format`` names one directly.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from .base import Problem, Record, decode_lines, looks_binary
from .plain import (is_abstract_lines, is_daily_page, is_labelled_abstracts, is_prose, is_publication_list,
                    read_abstract_lines, read_daily_page, read_labelled_abstracts, read_publication_list,
                    read_single_text)
from .structured import (is_bibtex, is_delimited, is_json_lines, read_bibtex, read_delimited,
                         read_json_lines)

Reader = Callable[[str, list[str]], Iterator[Record | Problem]]
Detector = Callable[[list[str]], bool]

# (name, detector, reader), in order of precedence.
FORMATS: list[tuple[str, Detector, Reader]] = [
    ("jsonl", is_json_lines, read_json_lines),
    ("bibtex", is_bibtex, read_bibtex),
    ("daily", is_daily_page, read_daily_page),
    ("labelled", is_labelled_abstracts, read_labelled_abstracts),
    ("publist", is_publication_list, read_publication_list),
    ("csv", is_delimited, read_delimited),
    ("lines", is_abstract_lines, read_abstract_lines),
    ("text", is_prose, read_single_text),
]
FORMAT_NAMES = [name for name, _, _ in FORMATS]
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".bib": "bibtex", ".csv": "csv", ".tsv": "csv"}
NO_FORMAT = ("no known format fits this file: expected JSON Lines with an 'abstract' field, BibTeX with "
             "abstracts, CSV/TSV with an 'abstract' column, a daily-papers page, a name line then 'Abstract:' "
             "lines, a publication list, one abstract per line, or one abstract of at least a sentence")
BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def detect_format(path: str | Path, lines: list[str]) -> str | None:
    """The format named by the file's extension (.jsonl, .bib, .csv, .tsv), else the first detector that accepts ``lines``."""
    by_suffix = SUFFIX_FORMATS.get(Path(str(path).removesuffix(".gz")).suffix.lower())
    if by_suffix:  # the extension is the user's own statement of the format
        return by_suffix
    return next((name for name, detect, _ in FORMATS if detect(lines)), None)


def input_files(inputs: list[str | Path] | None) -> list[Path]:
    """Expand inputs (files and folders) into a sorted list of files; none means the bundled corpus."""
    paths = [Path(p) for p in inputs] if inputs else [BUNDLED_CORPUS]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            files.append(path)
    return files


def display_name(path: Path) -> str:
    """How a file is named in sources and messages: bundled files as ``corpus/NAME``."""
    if path.resolve().parent == BUNDLED_CORPUS:
        return f"corpus/{path.name}"
    return str(path)


def _read_bytes(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(name, None, f"cannot read file: {err.strerror or err}"))
        return None
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        data, complete = _gunzip(data)
        if not complete:
            problems.append(Problem(name, None, "truncated or corrupt gzip data; read up to the damage"))
    return data


def _gunzip(data: bytes) -> tuple[bytes, bool]:
    """Decompress gzip data chunk by chunk, keeping whole lines read before any damage."""
    inflater, out = zlib.decompressobj(wbits=47), []
    try:
        for i in range(0, len(data), 1 << 16):
            out.append(inflater.decompress(data[i : i + (1 << 16)]))
        if inflater.eof:
            return b"".join(out), True
    except zlib.error:
        pass
    return b"".join(out).rsplit(b"\n", 1)[0], False


STREAM_BYTES = 32 << 20  # files larger than this are read line by line when their format allows
STREAMABLE = {"jsonl": read_json_lines, "lines": read_abstract_lines}


def _stream_lines(path: Path, name: str) -> Iterator[str | Problem]:
    """Lines of a large file, decoded one at a time (bad bytes read as Windows-1252, with a warning)."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    yield raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError:
                    yield Problem(name, number, "line is not valid UTF-8; read as Windows-1252", "warning")
                    yield raw.decode("cp1252", errors="replace").rstrip("\r\n")
    except (OSError, EOFError, zlib.error) as err:
        yield Problem(name, None, f"read stopped early: {err}")


def _read_streaming(path: Path, name: str, fmt: str | None) -> Iterator[Record | Problem] | None:
    """Records of a large JSON Lines or one-abstract-per-line file, without loading it whole."""
    if path.suffix != ".gz" and path.stat().st_size <= STREAM_BYTES:
        return None
    with (gzip.open if path.suffix == ".gz" else open)(path, "rb") as handle:
        head = handle.read(1 << 16)
    if looks_binary(head[:8192]):
        return None
    head_lines = head.decode("utf-8", errors="replace").splitlines()[:-1] or [""]
    fmt = fmt or detect_format(path, head_lines)
    if fmt not in STREAMABLE:
        return None
    problems: list[Problem] = []

    def lines():
        for item in _stream_lines(path, name):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                yield item

    def records():
        for item in STREAMABLE[fmt](name, lines()):
            yield from problems
            problems.clear()
            yield item
        yield from problems
    return records()


def read_file(path: str | Path, fmt: str | None = None) -> Iterator[Record | Problem]:
    """Yield every Record and Problem of one file (large JSON Lines files are streamed)."""
    path = Path(path)
    try:
        streamed = _read_streaming(path, display_name(path), fmt) if path.is_file() else None
    except (OSError, EOFError, zlib.error):
        streamed = None
    if streamed is not None:
        yield from streamed
        return
    problems: list[Problem] = []
    data = _read_bytes(path, display_name(path), problems)
    yield from problems
    if data is None:
        return
    name = display_name(path)
    if not data.strip():
        yield Problem(name, None, "empty file")
        return
    if looks_binary(data[:8192]):
        yield Problem(name, None, "binary file, not text")
        return
    problems = []
    lines = decode_lines(data, name, problems)
    yield from problems
    fmt = fmt or detect_format(path, lines)
    if fmt is None:
        yield Problem(name, 1, NO_FORMAT)
        return
    reader = next(r for n, _, r in FORMATS if n == fmt)
    yield from reader(name, lines)


def read_records(inputs: list[str | Path] | None = None, fmt: str | None = None) -> Iterator[Record | Problem]:
    """Yield the Records and Problems of every input file, in file order."""
    for path in input_files(inputs):
        yield from read_file(path, fmt)


__all__ = ["FORMATS", "FORMAT_NAMES", "Problem", "Record", "detect_format", "input_files", "read_file", "read_records"]
