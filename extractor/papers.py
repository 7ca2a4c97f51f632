"""Merge records into the papers table: each paper once, with all its sources.

Two records are one paper when their texts are equal up to case, spacing and
punctuation ("finegrained" = "fine-grained"), or when most sentences of the
shorter one occur in the longer (an extra paragraph, a truncated copy) and
their titles do not disagree.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd
import regex

from .arxiv import arxiv_id, arxiv_month
from .errors import InputError
from .readers import Problem, Record, read_records

PAPER_COLUMNS = ["paper_id", "arxiv_id", "title", "authors", "n_authors", "date", "text", "source_id", "sources",
                 "n_sources"]
PROBLEM_COLUMNS = ["file", "line", "severity", "reason"]
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not (48 <= b <= 57 or 97 <= b <= 122))  # deleted by translate
_SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")
MIN_SENTENCE_KEY = 40  # characters: shorter sentences are too generic to link two records
SHARED_SENTENCES = 0.6  # share of the shorter record's sentences that must recur in the longer


def text_key(text: str) -> str:
    """Lower-case letters and digits only: the identity of a text."""
    folded = text.casefold()
    if folded.isascii():  # the same result as the Unicode pattern, many times faster on ASCII
        return folded.encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    return _NOT_ALNUM.sub("", folded)


def content_id(text: str) -> str:
    """A 12-hex-digit id derived from a text's content alone."""
    return hashlib.sha1(text_key(text).encode()).hexdigest()[:12]


def _sentence_keys(text: str) -> set[str]:
    keys = (text_key(s) for s in _SENTENCE_END.split(text))
    return {k for k in keys if len(k) >= MIN_SENTENCE_KEY}


def _same_paper(a: Record, b: Record, sa: set[str], sb: set[str]) -> bool:
    if a.title and b.title and text_key(a.title) != text_key(b.title):
        return False
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return bool(small) and len(small & large) >= SHARED_SENTENCES * len(small)


def group_records(records: list[Record]) -> list[list[Record]]:
    """Group copies of one paper together (union-find over shared sentences)."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys = [_sentence_keys(r.text) for r in records]
    by_text: dict[str, int] = {}
    by_sentence: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        j = by_text.setdefault(text_key(r.text), i)
        if j != i:
            parent[find(i)] = find(j)
            continue
        candidates = {c for k in keys[i] for c in by_sentence[k]}
        for c in sorted(candidates):
            if find(c) != find(i) and _same_paper(records[c], r, keys[c], keys[i]):
                parent[find(i)] = find(c)
        for k in keys[i]:
            by_sentence[k].append(i)
    groups: dict[int, list[Record]] = defaultdict(list)
    for i, r in enumerate(records):
        groups[find(i)].append(r)
    return list(groups.values())


def _best(values: Iterable, key=None):
    present = [v for v in values if v not in (None, "")]
    return max(present, key=key) if present else None


def merge_copies(copies: list[Record]) -> dict:
    """One papers-table row from all copies of a paper: the fullest text and the best metadata."""
    text = max((r.text for r in copies), key=lambda t: (len(t), t))
    source_id = _best((r.source_id for r in copies), key=lambda s: (arxiv_id(s) is not None, -len(s), s))
    identifier = arxiv_id(source_id)
    return {
        "paper_id": content_id(text),
        "arxiv_id": identifier,
        "title": _best((r.title for r in copies), key=lambda t: (len(t), t)),
        "authors": _best((r.authors for r in copies), key=lambda a: (a.count(","), a)),
        "n_authors": _best(r.n_authors or (r.authors.count(",") + 1 if r.authors and "," in r.authors and False else None) for r in copies),
        "date": _best((r.date for r in copies), key=lambda d: (len(d), d)) or arxiv_month(identifier),
        "text": text,
        "source_id": source_id,
        "sources": "; ".join(sorted(r.where for r in copies)),
        "n_sources": len(copies),
    }


def build_papers(records: list[Record]) -> pd.DataFrame:
    """The papers table of ``records``, one row a paper, sorted by paper_id."""
    rows = [merge_copies(g) for g in group_records(records)]
    table = pd.DataFrame(rows, columns=PAPER_COLUMNS)
    table["n_authors"] = table["n_authors"].astype("Int64")
    return table.sort_values("paper_id", kind="stable").reset_index(drop=True)


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
