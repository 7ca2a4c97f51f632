"""Merge records into the papers table: each paper once, with all its sources.

Which records are copies of one paper is decided by :mod:`extractor.copies`
(texts equal up to case, spacing and punctuation, or sharing most sentences
with titles that agree); the papers come in input order of each paper's last
copy, the order in which the streaming route can emit them too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pandas as pd

from .arxiv import arxiv_id, arxiv_month
from .copies import KeyIndex, last_copies, text_key
from .errors import InputError
from .readers import Problem, Record, read_records

PAPER_COLUMNS = ["paper_id", "arxiv_id", "title", "authors", "n_authors", "date", "text", "source_id", "sources",
                 "n_sources"]
PROBLEM_COLUMNS = ["file", "line", "severity", "reason"]


def content_id(text: str) -> str:
    """A 12-hex-digit id derived from a text's content alone."""
    return hashlib.sha1(text_key(text).encode()).hexdigest()[:12]


class PaperCopies:
    """The copies of one paper seen so far, folded into one papers-table row: the fullest text and
    the best metadata. Only the best of each field is kept, not the copies."""

    def __init__(self) -> None:
        self.text = self.title = self.authors = self.date = self.source_id = None
        self.n_authors: int | None = None
        self.sources: list[str] = []

    def add(self, record: Record) -> None:
        self.text = _better(self.text, record.text, lambda t: (len(t), t))
        self.title = _better(self.title, record.title, lambda t: (len(t), t))
        self.authors = _better(self.authors, record.authors, lambda a: (a.count(","), a))
        self.n_authors = _better(self.n_authors, record.n_authors, lambda n: n)
        self.date = _better(self.date, record.date, lambda d: (len(d), d))
        self.source_id = _better(self.source_id, record.source_id, lambda s: (arxiv_id(s) is not None, -len(s), s))
        self.sources.append(record.where)

    def row(self) -> dict:
        identifier = arxiv_id(self.source_id)
        return {"paper_id": content_id(self.text), "arxiv_id": identifier, "title": self.title,
                "authors": self.authors, "n_authors": self.n_authors, "date": self.date or arxiv_month(identifier),
                "text": self.text, "source_id": self.source_id, "sources": "; ".join(sorted(self.sources)),
                "n_sources": len(self.sources)}


def _better(current, candidate, key):
    if candidate in (None, ""):
        return current
    return candidate if current is None or key(candidate) > key(current) else current


def paper_rows(records, groups, last) -> Iterator[dict]:
    """Papers-table rows of ``records`` (an iterable in input order) given each record's paper
    (``groups``) and whether it is that paper's last copy: each row as soon as its last copy is read."""
    pending: dict[int, PaperCopies] = {}
    for index, record in enumerate(records):
        merged = pending.setdefault(int(groups[index]), PaperCopies())
        merged.add(record)
        if last[index]:
            yield pending.pop(int(groups[index])).row()


def build_papers(records: list[Record]) -> pd.DataFrame:
    """The papers table of ``records``, one row a paper, in input order of each paper's last copy."""
    index = KeyIndex()
    for record in records:
        index.add(record)
    groups = index.groups()
    table = pd.DataFrame(list(paper_rows(records, groups, last_copies(groups))), columns=PAPER_COLUMNS)
    table["n_authors"] = table["n_authors"].astype("Int64")
    return table.reset_index(drop=True)


def problems_table(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a DataFrame with columns file, line, severity, reason."""
    rows = [{"file": p.file, "line": p.line, "severity": p.severity, "reason": p.reason} for p in problems]
    table = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    table["line"] = table["line"].astype("Int64")
    return table


def read_corpus(inputs=None, fmt: str | None = None, strict: bool = False) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Read every input into ``(papers, problems, records_read)``; no inputs means the bundled corpus.

    With ``strict``, the first skipped record raises InputError instead.
    """
    records, problems = [], []
    for item in read_records(inputs, fmt):
        if isinstance(item, Problem) and strict and item.severity == "skipped":
            raise InputError(str(item))
        (problems if isinstance(item, Problem) else records).append(item)
    return build_papers(records), problems_table(problems), len(records)
