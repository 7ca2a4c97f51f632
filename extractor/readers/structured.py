"""Readers for the formats researchers keep: arXiv JSON Lines, CSV/TSV, BibTeX."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

import bibtexparser
from pylatexenc.latex2text import LatexNodes2Text
import regex

from .base import Problem, Record, make_record

TITLE_COLUMNS = ("title", "paper_title", "name")
ABSTRACT_COLUMNS = ("abstract", "summary", "text", "abstract_text")
ID_COLUMNS = ("id", "paper_id", "arxiv_id", "doi", "key")
AUTHOR_COLUMNS = ("authors", "author")
DATE_COLUMNS = ("update_date", "date", "published", "year")
ISO_DATE = regex.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_date(value) -> str | None:
    """A date string's leading ISO part (``2024-07-03``, ``2024-07``, ``2024``), or None."""
    m = ISO_DATE.match(str(value or "").strip())
    return m.group(0) if m else None


def _lowered_keys(row: dict) -> dict:
    return {str(k).strip().lower(): v for k, v in row.items() if k is not None}


def _pick(lowered: dict, names: Iterable[str]):
    """The first non-empty value under one of ``names`` (``lowered``: a row with lower-cased keys)."""
    for name in names:
        if lowered.get(name) not in (None, ""):
            return lowered[name]
    return None


def _authors(value) -> str | None:
    if isinstance(value, list):  # arXiv's authors_parsed style
        return ", ".join(" ".join(p for p in reversed(a[:2]) if p) if isinstance(a, list) else str(a) for a in value)
    return value


def _from_mapping(file: str, line: int, record_no: int, row: dict, fmt: str) -> Record | Problem:
    row = _lowered_keys(row)
    text = _pick(row, ABSTRACT_COLUMNS)
    if not isinstance(text, str) or not text.strip():
        return Problem(file, line, "record has no abstract")
    source_id = _pick(row, ID_COLUMNS)
    return make_record(file, line, record_no, text, title=_pick(row, TITLE_COLUMNS),
                       authors=_authors(_pick(row, AUTHOR_COLUMNS)), date=iso_date(_pick(row, DATE_COLUMNS)),
                       source_id=None if source_id is None else str(source_id), format=fmt)


def is_json_lines(lines: list[str]) -> bool:
    """The first non-blank line is a JSON object."""
    first = next((s.strip() for s in lines[:50] if s.strip()), "")
    return first.startswith("{") and first.endswith("}")


def read_json_lines(file: str, lines: Iterable[str]) -> Iterator[Record | Problem]:
    """arXiv metadata snapshot style: one JSON object a line (id, title, abstract, authors, update_date)."""
    record_no = 0
    for line, s in enumerate(lines, start=1):
        if not s.strip():
            continue
        try:
            row = json.loads(s)
        except json.JSONDecodeError as err:
            yield Problem(file, line, f"malformed JSON: {err.msg} at column {err.colno}")
            continue
        if not isinstance(row, dict):
            yield Problem(file, line, "JSON line is not an object")
            continue
        yield _from_mapping(file, line, record_no, row, "jsonl")
        record_no += 1


def is_delimited(lines: list[str]) -> bool:
    """A header row naming an abstract column, split by commas or tabs."""
    header = next((s for s in lines[:5] if s.strip()), "")
    cells = {c.strip().strip('"').lower() for c in regex.split(r"[,\t;]", header)}
    return bool(cells & set(ABSTRACT_COLUMNS) - {"text"}) or ("text" in cells and "title" in cells)


def read_delimited(file: str, lines: list[str]) -> Iterator[Record | Problem]:
    """CSV or TSV with a header row; the abstract column is required, the others optional."""
    header = next((s for s in lines[:5] if s.strip()), "")
    delimiter = "\t" if header.count("\t") > header.count(",") else ","
    reader = csv.DictReader(iter(lines), delimiter=delimiter)
    record_no = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield Problem(file, line, f"malformed CSV: {err}")
            continue
        if None in row:
            yield Problem(file, line, "row has more cells than the header")
            continue
        yield _from_mapping(file, line, record_no, row, "csv")
        record_no += 1


def is_bibtex(lines: list[str]) -> bool:
    """An ``@type{key,`` entry near the top."""
    return any(regex.match(r"\s*@\w+\s*[{(]", s) for s in lines[:50])


def read_bibtex(file: str, lines: list[str]) -> Iterator[Record | Problem]:
    """BibTeX entries with an ``abstract`` field, parsed by bibtexparser."""
    library = bibtexparser.parse_string("\n".join(lines))
    for block in library.failed_blocks:
        yield Problem(file, block.start_line + 1, f"malformed BibTeX entry: {type(block).__name__}")
    record_no = 0
    for entry in library.entries:
        fields = {k.lower(): v.value for k, v in entry.fields_dict.items()}
        fields["id"] = entry.key
        if "date" not in fields and "year" in fields:
            fields["date"] = fields["year"]
        for name in ("title", "author"):
            if isinstance(fields.get(name), str):
                fields[name] = latex_to_text(fields[name])
        fields["authors"] = fields.pop("author", None)
        fields["abstract"] = _unbrace(fields.get("abstract"))
        yield _from_mapping(file, entry.start_line + 1, record_no, fields, "bibtex")
        record_no += 1


def latex_to_text(value: str) -> str:
    """BibTeX markup (``{\\"o}``, ``{GPT}``, ``\\&``) to plain Unicode, for titles and names."""
    try:
        return LatexNodes2Text(math_mode="verbatim").latex_to_text(value)
    except Exception:  # pylatexenc raises many kinds on broken markup; keep the raw text
        return _unbrace(value)


def _unbrace(value):
    return regex.sub(r"[{}]", "", value) if isinstance(value, str) else value
